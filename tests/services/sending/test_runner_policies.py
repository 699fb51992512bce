"""The runner's policies against the simulator: busy, not sent, whole-request failures, unknown outcomes, limits."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime

import pytest

from gui.domain.clock import BEIJING
from gui.domain.plan import plan_campaign
from gui.domain.statuses import BatchState, CampaignState, NumberStatus
from gui.services.api.client import CloudBaseClient
from gui.services.journal.store import Journal
from gui.services.sending.requests import batch_request
from gui.services.sending.run_lock import CampaignBusyError
from gui.services.sending.runner import CampaignRunner, RetryPolicy
from gui.services.simulator import DEFAULT_APPID, DEFAULT_SECRET
from tests.services.sending.conftest import marketing, notification, recipients

NO_WAIT = RetryPolicy(base_delay=0.5, busy_attempts=3, not_sent_attempts=3)


def start(journal: Journal, simulator, campaign, people, batch_size=50) -> int:
    plan = plan_campaign(campaign, people, batch_size=batch_size)
    assert plan.ok, plan.errors
    return journal.create_campaign(campaign, plan, created_at=simulator.clock.now())


def runner(journal, client, simulator, campaign_id, **options) -> CampaignRunner:
    options.setdefault("retry", NO_WAIT)
    options.setdefault("settle_seconds", 0)
    return CampaignRunner(
        journal, client, campaign_id, clock=simulator.clock, sleep=simulator.clock.advance, **options
    )


def sent_once(simulator) -> Counter:
    return Counter(Counter(r.mobile for r in simulator.accepted()).values())


def test_a_campaign_is_sent_exactly_once_and_journalled(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(120))
    summary = runner(journal, client, simulator, campaign_id).run()
    assert summary.state == CampaignState.DONE and summary.exit_code == 0
    assert summary.counts == {NumberStatus.ACCEPTED: 120}
    assert sent_once(simulator) == Counter({1: 120})
    rows = journal.numbers(campaign_id)
    assert all(r.serial_no and r.submit_time and r.parts == 1 for r in rows)
    assert {b.state for b in journal.batches(campaign_id)} == {BatchState.DONE}


def test_busy_is_retried_with_backoff_then_succeeds(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    simulator.fail_next("/tcb/sendsms", -1, times=2)
    before = simulator.clock.now()
    summary = runner(journal, client, simulator, campaign_id).run()
    assert summary.exit_code == 0
    assert sent_once(simulator) == Counter({1: 10})
    assert (simulator.clock.now() - before).total_seconds() >= 0.5 + 1.0  # backed off 0.5 s then 1 s
    assert journal.batches(campaign_id)[0].attempts == 3


def test_busy_without_end_interrupts_with_the_batch_still_planned(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    simulator.fail_next("/tcb/sendsms", -1, times=3)
    summary = runner(journal, client, simulator, campaign_id).run()
    assert summary.state == CampaignState.INTERRUPTED and summary.exit_code == 3
    assert simulator.accepted() == []
    assert journal.batches(campaign_id)[0].state == BatchState.PLANNED
    assert runner(journal, client, simulator, campaign_id).run().exit_code == 0
    assert sent_once(simulator) == Counter({1: 10})


def test_not_sent_is_retried_and_then_left_for_resume(journal, simulator, client):
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    # Nothing listens on port 9 of 127.0.0.1: the request never leaves.
    with CloudBaseClient(appid=DEFAULT_APPID, secret=DEFAULT_SECRET, base_url="http://127.0.0.1:9", timeout=2) as dead:
        summary = runner(journal, dead, simulator, campaign_id).run()
    assert summary.exit_code == 3 and summary.counts == {NumberStatus.PENDING: 10}
    assert journal.batches(campaign_id)[0].state == BatchState.PLANNED
    assert runner(journal, client, simulator, campaign_id).run().exit_code == 0


def test_a_refused_request_stops_the_campaign_unbilled(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(120))
    simulator.fail_next("/tcb/sendsms", -601027)  # invalid environment
    summary = runner(journal, client, simulator, campaign_id).run()
    assert summary.state == CampaignState.STOPPED and summary.exit_code == 3
    assert "环境" in summary.message_zh and "设置" in summary.message_zh  # which setting to fix
    assert f"resume {campaign_id}" in summary.message_zh
    # Refused as a whole: no number failed, every one is still pending, the batch is planned again.
    assert summary.counts == {NumberStatus.PENDING: 120}
    batches = journal.batches(campaign_id)
    assert [b.state for b in batches] == [BatchState.PLANNED] * 3
    assert simulator.accepted() == []
    # Fixed: resume continues from that batch, every number exactly once.
    assert runner(journal, client, simulator, campaign_id).run().exit_code == 0
    assert sent_once(simulator) == Counter({1: 120})


@pytest.mark.parametrize("errcode", [-601027, -501005, 40164, -604101, -601033])
def test_configuration_refusals_leave_every_number_pending(journal, client, simulator, errcode):
    second = start(journal, simulator, marketing(), recipients(60), batch_size=20)
    simulator.fail_next("/tcb/sendsms", errcode)
    summary = runner(journal, client, simulator, second).run()
    assert summary.state == CampaignState.STOPPED
    assert summary.counts == {NumberStatus.PENDING: 60}
    assert journal.numbers(second, [NumberStatus.FAILED]) == []
    assert runner(journal, client, simulator, second).run().state == CampaignState.DONE
    assert journal.counts(second) == {NumberStatus.ACCEPTED: 60}


def test_wrong_app_secret_stops_before_any_number_fails_and_resumes_after_the_fix(journal, simulator):
    options = {"appid": DEFAULT_APPID, "base_url": simulator.base_url, "clock": simulator.clock, "timeout": 5}
    campaign_id = start(journal, simulator, marketing(), recipients(300), batch_size=100)
    with CloudBaseClient(secret="0" * 32, **options) as wrong:
        summary = runner(journal, wrong, simulator, campaign_id).run()
    assert summary.state == CampaignState.STOPPED and summary.exit_code == 3
    assert "AppSecret" in summary.message_zh and "接口凭证" in summary.message_zh
    assert summary.counts == {NumberStatus.PENDING: 300}
    assert [c.state for c in journal.campaigns() if c.id == campaign_id] == [CampaignState.STOPPED]
    with CloudBaseClient(secret=DEFAULT_SECRET, **options) as right:
        assert runner(journal, right, simulator, campaign_id).run().exit_code == 0
    assert sent_once(simulator) == Counter({1: 300})


def test_quota_exhausted_stops_with_that_explanation(journal, client, simulator):
    simulator.config.resource_pack = 60
    campaign_id = start(journal, simulator, marketing(), recipients(120))
    summary = runner(journal, client, simulator, campaign_id).run()
    assert summary.state == CampaignState.STOPPED
    assert "资源包" in summary.message_zh or "配额" in summary.message_zh
    # -501007 配额不足 refuses the whole second batch: those 50 and the rest stay pending, none failed
    assert summary.counts == {NumberStatus.ACCEPTED: 50, NumberStatus.PENDING: 70}
    assert len(simulator.accepted()) == 50
    simulator.config.resource_pack = 1000  # a resource pack was bought
    assert runner(journal, client, simulator, campaign_id).run().exit_code == 0
    assert sent_once(simulator) == Counter({1: 120})


def test_dropped_response_is_reconciled_not_resent(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(100))
    simulator.config.drop_probability = 1.0

    def first_batch_done(updates):
        simulator.config.drop_probability = 0.0

    summary = runner(journal, client, simulator, campaign_id, on_batch_result=first_batch_done).run()
    assert summary.exit_code == 0 and summary.counts == {NumberStatus.ACCEPTED: 100}
    assert sent_once(simulator) == Counter({1: 100})
    batches = journal.batches(campaign_id)
    assert batches[0].state == BatchState.RESOLVED and batches[0].outcome == "outcome_unknown"
    reconciled = [r for r in journal.numbers(campaign_id) if r.platform_message == "reconciled"]
    # The batch already on its way when the drops were switched off may have been dropped too.
    assert len(reconciled) in (50, 100) and all(r.parts == 1 and r.submit_time for r in reconciled)


def test_a_batch_left_in_flight_by_an_ended_run_is_treated_as_unknown(tmp_path, client, simulator):
    """Not only after a restart: a run that ended without its answer (same process, journal still open)."""
    with Journal(tmp_path / "j.db", recover=False) as journal:
        campaign_id = start(journal, simulator, marketing(), recipients(10), batch_size=10)
        batch = journal.batches(campaign_id)[0]
        journal.mark_in_flight(batch.id, at=simulator.clock.now())
        summary = runner(journal, client, simulator, campaign_id, allow_resend=False).run()
        assert summary.state == CampaignState.INTERRUPTED and summary.exit_code == 3
        assert summary.counts == {NumberStatus.UNKNOWN: 10}
        assert journal.batch(batch.id).state == BatchState.UNKNOWN
    assert simulator.accepted() == []


def test_crash_in_flight_becomes_unknown_and_is_resent_only_after_settling(tmp_path, client, simulator):
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        campaign_id = start(journal, simulator, notification(), recipients(30, 商品="书"), batch_size=30)
        batch = journal.batches(campaign_id)[0]
        journal.mark_in_flight(batch.id, at=simulator.clock.now())  # ...and the process died here, unsent
    with Journal(path) as journal:
        assert journal.recovered_batches == 1
        assert journal.batches(campaign_id)[0].state == BatchState.UNKNOWN
        assert journal.counts(campaign_id) == {NumberStatus.UNKNOWN: 30}
        # Refusing re-sends: the numbers stay unknown, nothing is sent.
        held = runner(journal, client, simulator, campaign_id, allow_resend=False, settle_seconds=60).run()
        assert held.exit_code == 3 and held.counts == {NumberStatus.UNKNOWN: 30}
        assert simulator.accepted() == []
        waits = []
        started = simulator.clock.now()
        summary = runner(
            journal, client, simulator, campaign_id, settle_seconds=60, on_wait=lambda t, why: waits.append(why)
        ).run()
        assert summary.exit_code == 0 and sent_once(simulator) == Counter({1: 30})
        assert waits == ["settle"] and (simulator.clock.now() - started).total_seconds() >= 59
        assert [b.origin for b in journal.batches(campaign_id)] == ["plan", "resend"]
        assert (held.unknown_before, held.found_in_records, held.resent) == (30, 0, 0)
        assert (summary.unknown_before, summary.found_in_records, summary.resent) == (30, 0, 30)


def test_a_resumed_run_reports_what_the_records_showed_and_what_it_re_sent(tmp_path, client, simulator):
    """The figures the window and the CLI both print come from the runner's summary."""
    with Journal(tmp_path / "j.db") as journal:
        campaign_id = start(journal, simulator, marketing(), recipients(10), batch_size=5)
        first, second = journal.batches(campaign_id)
        # The first batch reached the platform, the second never left; the process died with both in flight.
        planned = runner(journal, client, simulator, campaign_id)
        client.send_sms(batch_request(planned.campaign, first, [n for n, _row in journal.batch_numbers(first.id)]))
        journal.mark_in_flight(first.id, at=simulator.clock.now())
        journal.mark_in_flight(second.id, at=simulator.clock.now())
        summary = runner(journal, client, simulator, campaign_id).run()
        assert summary.counts == {NumberStatus.ACCEPTED: 10} and sent_once(simulator) == Counter({1: 10})
        assert (summary.unknown_before, summary.found_in_records, summary.resent) == (10, 5, 5)


def test_retry_later_is_not_retried_in_the_same_run_but_by_retry_failed(journal, client, simulator):
    first = start(journal, simulator, notification(), recipients(5, 商品="书"))
    assert runner(journal, client, simulator, first).run().exit_code == 0
    # The same text to the same numbers within 30 s: the platform says "retry later".
    second = start(journal, simulator, notification(), recipients(5, 商品="书"))
    summary = runner(journal, client, simulator, second).run()
    assert summary.exit_code == 1 and summary.counts == {NumberStatus.RETRY_LATER: 5}
    assert len(simulator.accepted()) == 5
    simulator.clock.advance(31)
    from gui.services.sending.engine import Engine

    with Engine(journal.path, clock=simulator.clock, suppression=_NoSuppression()) as engine:
        assert engine.retry_failed(second) == 5
    assert runner(journal, client, simulator, second).run().exit_code == 0
    assert len(simulator.accepted()) == 10


def test_blacklisted_numbers_fail_and_join_the_suppression_list(journal, client, simulator):
    people = recipients(5)
    simulator.config.blacklist = {people[2].number}
    suppression = _NoSuppression()
    campaign_id = start(journal, simulator, marketing(), people)
    summary = runner(journal, client, simulator, campaign_id, suppress=suppression.add).run()
    assert summary.exit_code == 1 and summary.counts[NumberStatus.FAILED] == 1
    assert suppression.added == [people[2].number]
    failed = journal.numbers(campaign_id, [NumberStatus.FAILED])[0]
    assert failed.code == "FailedOperation.PhoneNumberInBlacklist" and failed.advice_zh


def test_marketing_outside_the_window_is_held_from_the_cli(journal, client, simulator):
    simulator.clock.set(datetime(2026, 11, 27, 22, 30, tzinfo=BEIJING))
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    summary = runner(journal, client, simulator, campaign_id, hold_outside_window=True).run()
    assert summary.state == CampaignState.HELD and summary.exit_code == 3
    assert summary.resume_at == datetime(2026, 11, 28, 8, 0, tzinfo=BEIJING)
    assert "2026-11-28 08:00" in summary.message_zh and simulator.accepted() == []


def test_marketing_outside_the_window_waits_in_the_window(journal, client, simulator):
    simulator.clock.set(datetime(2026, 11, 27, 7, 0, tzinfo=BEIJING))
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    waits = []
    summary = runner(journal, client, simulator, campaign_id, on_wait=lambda t, why: waits.append((t, why))).run()
    assert summary.exit_code == 0
    assert waits == [(datetime(2026, 11, 27, 8, 0, tzinfo=BEIJING), "send_window")]
    assert all(r.create_time >= "2026-11-27 08:00:00" for r in simulator.accepted())


def test_waiting_for_the_window_can_be_cancelled(journal, client, simulator):
    simulator.clock.set(datetime(2026, 11, 27, 23, 0, tzinfo=BEIJING))
    campaign_id = start(journal, simulator, marketing(), recipients(10))
    the_runner = runner(journal, client, simulator, campaign_id)
    the_runner._sleep = lambda seconds: the_runner.cancel()
    summary = the_runner.run()
    assert summary.state == CampaignState.CANCELLED and simulator.accepted() == []


def test_notification_goes_out_at_night(journal, client, simulator):
    simulator.clock.set(datetime(2026, 11, 27, 23, 0, tzinfo=BEIJING))
    campaign_id = start(journal, simulator, notification(), recipients(10, 商品="书"))
    assert runner(journal, client, simulator, campaign_id, hold_outside_window=True).run().exit_code == 0


class _AfterFirstSend:
    """The real client; runs `action` once the first request has come back (a click during batch 1)."""

    def __init__(self, client, action) -> None:
        self.client, self.action, self.sent = client, action, 0

    def send_sms(self, request):
        outcome = self.client.send_sms(request)
        self.sent += 1
        if self.sent == 1:
            self.action()
        return outcome

    def describe_sms_records(self, *args, **kwargs):
        return self.client.describe_sms_records(*args, **kwargs)


def test_cancel_between_batches_leaves_the_rest_planned(journal, client, simulator):
    campaign_id = start(journal, simulator, marketing(), recipients(150))
    holder = []
    the_runner = runner(journal, _AfterFirstSend(client, lambda: holder[0].cancel()), simulator, campaign_id)
    holder.append(the_runner)
    summary = the_runner.run()
    assert summary.state == CampaignState.CANCELLED and summary.exit_code == 3
    states = [b.state for b in journal.batches(campaign_id)]
    assert states == [BatchState.DONE, BatchState.PLANNED, BatchState.PLANNED]
    assert runner(journal, client, simulator, campaign_id).run().exit_code == 0
    assert sent_once(simulator) == Counter({1: 150})


def test_pause_takes_effect_between_batches_and_resume_continues(journal, client, simulator):
    import threading

    campaign_id = start(journal, simulator, marketing(), recipients(150))
    holder = []

    def pause_then_resume_later():
        holder[0].pause()
        threading.Timer(0.3, holder[0].resume).start()

    the_runner = runner(journal, _AfterFirstSend(client, pause_then_resume_later), simulator, campaign_id)
    holder.append(the_runner)
    states = []
    the_runner.on_progress = lambda snap: states.append((snap.state, len(simulator.accepted())))
    summary = the_runner.run()
    assert summary.exit_code == 0
    paused = [sent for state, sent in states if state == CampaignState.PAUSED]
    assert paused == [50]  # paused with exactly the first batch sent
    assert len(simulator.accepted()) == 150


class _NoSuppression:
    def __init__(self) -> None:
        self.added: list[str] = []

    def numbers(self) -> frozenset[str]:
        return frozenset(self.added)

    def add(self, numbers, reason: str = "") -> None:
        self.added.extend(numbers)


def test_a_second_run_of_a_campaign_being_sent_is_refused_and_sends_nothing(tmp_path, simulator, client):
    """A window and `resume` (here: two journal connections) on one campaign: the second run is refused."""
    simulator.config.latency_ms = 20
    path = tmp_path / "shared.db"
    first_batch_done = threading.Event()
    with Journal(path) as first, CloudBaseClient(
        appid=DEFAULT_APPID, secret=DEFAULT_SECRET, base_url=simulator.base_url, clock=simulator.clock, timeout=5
    ) as other_client:
        campaign_id = start(first, simulator, marketing(), recipients(60), batch_size=3)
        sending = runner(first, client, simulator, campaign_id, on_batch_result=lambda _: first_batch_done.set())
        outcome: list[object] = []
        thread = threading.Thread(target=lambda: outcome.append(sending.run()))
        thread.start()
        assert first_batch_done.wait(10)
        # Opening the journal elsewhere must not take the live run's batch in flight for a crash...
        with Journal(path) as second:
            assert second.recovered_batches == 0
            with pytest.raises(CampaignBusyError) as refused:
                runner(second, other_client, simulator, campaign_id).run()
        thread.join(timeout=30)
        assert "没有发出任何短信" in refused.value.text("zh")
        assert outcome[0].exit_code == 0
        assert [b.attempts for b in first.batches(campaign_id)] == [1] * 20
    assert sent_once(simulator) == Counter({1: 60})
    with Journal(path) as journal:
        assert journal.counts(campaign_id) == {NumberStatus.ACCEPTED: 60}
        assert runner(journal, client, simulator, campaign_id).run().state == CampaignState.DONE  # free again
    assert sent_once(simulator) == Counter({1: 60})
