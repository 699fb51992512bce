"""Per-number results (blacklist, 30 s, daily limit, quiet hours) and the records API with pagination."""

from __future__ import annotations

from datetime import date, datetime

import httpx

from gui.domain.clock import BEIJING
from gui.services.api.types import NumberClass, OutcomeKind
from gui.services.simulator import Simulator
from tests.services.api.helpers import NUMBERS, client_for, marketing, notification
from tests.support.simulator import simulator  # noqa: F401

DAY = date(2026, 11, 27)


def test_accepted_send_returns_per_number_results(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.blacklist = {"+8613800000002"}
    with client_for(simulator) as client:
        outcome = client.send_sms(marketing())
    assert outcome.kind is OutcomeKind.ACCEPTED and outcome.errcode == 0
    by_number = {r.phone_number: r for r in outcome.results}
    assert set(by_number) == set(NUMBERS)
    assert by_number["+8613800000001"].number_class is NumberClass.ACCEPTED
    blocked = by_number["+8613800000002"]
    assert blocked.code == "FailedOperation.PhoneNumberInBlacklist"
    assert blocked.number_class is NumberClass.BLACKLISTED
    assert blocked.serial_no == ""
    serials = [r.serial_no for r in outcome.results if r.code == "Ok"]
    assert len(serials) == 2 and len(set(serials)) == 2 and all(serials)
    assert [r.mobile for r in simulator.accepted()] == ["+8613800000001", "+8613800000003"]


def test_same_content_within_30_seconds_then_allowed(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as client:
        client.send_sms(marketing(NUMBERS[:1]))
        simulator.clock.advance(10)
        again = client.send_sms(marketing(NUMBERS[:1]))
        other_text = client.send_sms(marketing(NUMBERS[:1], content="另一条内容"))
        simulator.clock.advance(31)
        later = client.send_sms(marketing(NUMBERS[:1]))
    assert again.results[0].code == "LimitExceeded.PhoneNumberThirtySecondLimit"
    assert again.results[0].number_class is NumberClass.RETRY_LATER
    assert other_text.results[0].code == "Ok"
    assert later.results[0].code == "Ok"


def test_fourth_marketing_sms_in_a_day_hits_the_daily_limit(simulator: Simulator) -> None:  # noqa: F811
    codes = []
    with client_for(simulator) as client:
        for i in range(4):
            codes.append(client.send_sms(marketing(NUMBERS[:1], content=f"内容{i}")).results[0].code)
            simulator.clock.advance(60)
        # Notifications do not count toward the Marketing limit.
        codes.append(client.send_sms(notification(NUMBERS[:1])).results[0].code)
        simulator.clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=BEIJING))
        codes.append(client.send_sms(marketing(NUMBERS[:1], content="次日")).results[0].code)
    assert codes == ["Ok", "Ok", "Ok", "LimitExceeded.PhoneNumberDailyLimit", "Ok", "Ok"]


def test_marketing_outside_the_window_but_notification_any_time(simulator: Simulator) -> None:  # noqa: F811
    simulator.clock.set(datetime(2026, 11, 27, 22, 0, tzinfo=BEIJING))
    with client_for(simulator) as client:
        late = client.send_sms(marketing(NUMBERS[:1]))
        note = client.send_sms(notification(NUMBERS[:1]))
    assert late.kind is OutcomeKind.ACCEPTED
    assert late.results[0].code == "FailedOperation.MarketingSendTimeConstraint"
    assert late.results[0].number_class is NumberClass.RETRY_LATER
    assert note.results[0].code == "Ok"
    record = simulator.accepted()[0]
    assert record.content.startswith("【云开发】您购买的商品已发货，详情见 https://tcbe.cn/")


def test_records_after_sends_across_pages(simulator: Simulator) -> None:  # noqa: F811
    numbers = tuple(f"+86139{i:08d}" for i in range(25))
    simulator.config.record_error_probability = 0.0
    with client_for(simulator) as client:
        assert client.send_sms(marketing(numbers)).kind is OutcomeKind.ACCEPTED
        records = client.describe_sms_records("sandbox-env", DAY, DAY, page_size=10)
        one = client.describe_sms_records("sandbox-env", DAY, DAY, mobile="13900000007")
        other_day = client.describe_sms_records("sandbox-env", date(2026, 11, 26), date(2026, 11, 26))
    calls = simulator.answered("/tcb/describesmsrecords")
    assert calls == [0, 0, 0, 0, 0]  # 25 records in 3 pages of 10, then one page each
    assert sorted(r.mobile for r in records) == sorted(numbers)
    first = records[0]
    assert first.content == f"【云开发】双十二上新,跳转小程序 {first.content.split()[1]} 回T退订"
    assert first.content_size == len(first.content) and first.fee == 1
    assert first.create_time == "2026-11-27 10:00:00"
    assert first.status == "sent" and first.received_time
    assert [r.mobile for r in one] == ["+8613900000007"]
    assert other_day == []


def test_long_text_bills_by_the_67_rule(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.mini_program_name = "一个名字相当长的小程序"
    with client_for(simulator) as client:
        client.send_sms(marketing(NUMBERS[:1], content="好" * 30))
    record = simulator.accepted()[0]
    assert record.content_size > 70
    assert record.fee == 2


def test_records_accept_wrapped_and_flat_bodies(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as client:
        client.send_sms(marketing(NUMBERS[:2]))
        token = client.tokens.token()
    post = {"EnvId": "sandbox-env", "StartDate": "2026-11-27", "EndDate": "2026-11-27", "PageNumber": 1, "PageSize": 10}
    url = f"{simulator.base_url}/tcb/describesmsrecords"
    wrapped = httpx.post(url, params={"access_token": token}, json={"PostData": post}).json()
    flat = httpx.post(url, params={"access_token": token}, json=post).json()
    for answer in (wrapped, flat):
        assert answer["errcode"] == 0 and answer["TotalCount"] == 2
        assert answer["SmsRecords"][0]["Mobile"] == " 8613800000001"
        assert set(answer["SmsRecords"][0]) >= {"Content", "ContentSize", "Fee", "CreateTime", "ReceivedTime", "Status"}


def test_records_error_is_raised_as_api_error(simulator: Simulator) -> None:  # noqa: F811
    import pytest

    from gui.services.api.types import ApiError

    with client_for(simulator) as client, pytest.raises(ApiError) as raised:
        client.describe_sms_records("wrong-env", DAY, DAY)
    assert raised.value.kind is OutcomeKind.CONFIG_ERROR and raised.value.errcode == -601027


def test_error_status_knob_and_seeded_determinism() -> None:
    from gui.domain.clock import ManualClock
    from gui.services.simulator import SimulatorConfig

    def run() -> list[tuple[str, str]]:
        clock = ManualClock(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING))
        config = SimulatorConfig(clock=clock, seed=42, record_error_probability=0.5)
        with Simulator(config) as sim, client_for(sim) as client:
            client.send_sms(marketing(tuple(f"+86139{i:08d}" for i in range(20))))
            return [(r.status, r.content) for r in sim.accepted()]

    first, second = run(), run()
    assert first == second
    assert {status for status, _ in first} == {"sent", "error"}


def test_static_site_pages(simulator: Simulator) -> None:  # noqa: F811
    page = httpx.get(simulator.site_url("/promo/index.html"))
    assert page.status_code == 200 and "云开发" in page.text
    assert httpx.head(simulator.site_url("index.html")).status_code == 200
    assert httpx.get(simulator.site_url("/promo/missing.png")).status_code == 404


def test_records_of_many_numbers_come_from_the_listing_few_by_number(simulator: Simulator) -> None:  # noqa: F811
    """Over PER_NUMBER_QUERY_LIMIT numbers, one listing filtered by a set built in parts; at most that, one query
    per number. Both give each asked number its records, and none of a number not asked for."""
    from gui.services.sending.reconcile import PER_NUMBER_QUERY_LIMIT, fetch_records

    numbers = tuple(f"+86139{i:08d}" for i in range(PER_NUMBER_QUERY_LIMIT + 5))
    simulator.config.record_error_probability = 0.0
    with client_for(simulator) as client:
        assert client.send_sms(marketing(numbers)).kind is OutcomeKind.ACCEPTED
        asked = list(numbers[1:])  # the first was sent too, but is not asked for
        many = fetch_records(client, "sandbox-env", asked, DAY, DAY, page_size=10)
        listed = len(simulator.answered("/tcb/describesmsrecords"))
        few = fetch_records(client, "sandbox-env", asked[:3], DAY, DAY, page_size=10)
        by_number = len(simulator.answered("/tcb/describesmsrecords")) - listed
    assert sorted(many) == sorted(asked) and all(len(records) == 1 for records in many.values())
    assert listed == 3  # 25 records in pages of 10
    assert sorted(few) == sorted(asked[:3]) and by_number == 3
