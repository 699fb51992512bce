"""The frequency cap (防骚扰) across campaigns, from the journal: left out of the plan, and again at send time."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest

from gui.domain.clock import BEIJING
from gui.domain.frequency import FrequencyCap, over_cap
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.config.settings import Settings, save_settings
from gui.services.recipients.importer import import_pasted_text
from gui.services.sending.engine import Engine
from gui.services.sending.types import RetryPolicy
from tests.services.sending.conftest import marketing

OPTIONS = {"retry": RetryPolicy(base_delay=0.1), "settle_seconds": 0, "hold_outside_window": True}


def phones(first: int, last: int) -> list[str]:
    return [f"1380000{n:04d}" for n in range(first, last + 1)]


def plus86(numbers: list[str]) -> set[str]:
    return {"+86" + n for n in numbers}


def set_cap(per_day: int, per_week: int) -> None:
    save_settings(Settings(cap_per_day=per_day, cap_per_week=per_week))


@pytest.fixture
def engine(tmp_path, simulator):
    with Engine(tmp_path / "j.db", clock=simulator.clock) as e:
        yield e


def send(engine, client, numbers: list[str], content: str, batch_size: int = 10):
    imported = import_pasted_text("\n".join(numbers))
    plan = engine.plan(marketing(content=content), imported, batch_size=batch_size)
    campaign_id = engine.create_campaign(marketing(content=content), imported, plan)
    return campaign_id, plan, engine.runner(campaign_id, client, **OPTIONS).run()


def journal_days(engine) -> dict[str, list[str]]:
    """What the journal says: the days each number was accepted for a Marketing SMS."""
    days: dict[str, list[str]] = {}
    for info in engine.campaigns():
        for row in engine.numbers(info.id):
            if row.status == NumberStatus.ACCEPTED and info.sms_type == "Marketing":
                days.setdefault(row.number, []).append(row.submit_time[:10])
    return days


def test_over_cap_counts_the_day_and_the_last_seven_days():
    today = date(2026, 11, 27)
    history = {"a": [today], "b": [date(2026, 11, 21), date(2026, 11, 25)], "c": [date(2026, 11, 20)] * 5}
    hits = over_cap(["a", "b", "c", "d"], history, today, FrequencyCap(per_day=1, per_week=2))
    assert set(hits) == {"a", "b"}  # c's sends are 7 days old: outside the week
    assert "每天最多 1 条" in hits["a"].rule_zh and "每 7 天最多 2 条" in hits["b"].rule_zh
    assert over_cap(["a", "b"], history, today, FrequencyCap(per_day=0, per_week=0)) == {}


def test_the_plan_leaves_out_exactly_the_numbers_the_journal_says(engine, client, simulator):
    simulator.clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING))
    send(engine, client, phones(5, 14), "周二上新")
    simulator.clock.set(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING))
    send(engine, client, phones(0, 9), "周五上新")
    days = journal_days(engine)
    everyone = phones(0, 19)

    set_cap(per_day=1, per_week=2)
    plan = engine.plan(marketing(content="今晚特价"), import_pasted_text("\n".join(everyone)), batch_size=10)
    today = "2026-11-27"
    expected = {n for n in plus86(everyone) if days.get(n, []).count(today) >= 1}
    assert {r.number for r, _hit in plan.capped} == expected == plus86(phones(0, 9))
    assert plan.recipients == 10

    set_cap(per_day=2, per_week=2)
    plan = engine.plan(marketing(content="今晚特价"), import_pasted_text("\n".join(everyone)), batch_size=10)
    expected = {n for n in plus86(everyone) if len(days.get(n, [])) >= 2}
    assert {r.number for r, _hit in plan.capped} == expected == plus86(phones(5, 9))
    assert all("每 7 天最多 2 条" in hit.rule_zh for _r, hit in plan.capped)

    # Stored with the campaign: listed and exported with the rule, never sent.
    imported = import_pasted_text("\n".join(everyone))
    campaign_id = engine.create_campaign(marketing(content="今晚特价"), imported, plan)
    capped = engine.journal.numbers(campaign_id, [NumberStatus.CAPPED])
    assert {r.number for r in capped} == expected and all("每 7 天最多 2 条" in r.message_zh for r in capped)
    engine.runner(campaign_id, client, **OPTIONS).run()
    assert engine.info(campaign_id).counts == {NumberStatus.ACCEPTED: 15, NumberStatus.CAPPED: 5}
    results = engine.results_by_row(campaign_id)
    assert sum(1 for r in results.values() if r.status == "超过发送频率上限（未发送）") == 5

    set_cap(per_day=0, per_week=0)  # switched off: nobody is left out
    assert engine.plan(marketing(content="再来"), imported, batch_size=10).capped == ()


def test_the_cap_is_enforced_again_when_a_held_campaign_is_resumed(engine, client, simulator):
    set_cap(per_day=1, per_week=6)
    simulator.clock.set(datetime(2026, 11, 27, 23, 0, tzinfo=BEIJING))  # night: the campaign is held
    held_id, plan, summary = send(engine, client, phones(0, 19), "早安特价")
    assert plan.capped == () and summary.state == CampaignState.HELD and simulator.accepted() == []

    simulator.clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=BEIJING))
    _other, _plan, summary = send(engine, client, phones(10, 19), "另一个活动")  # sent first, next morning
    assert summary.state == CampaignState.DONE

    simulator.clock.set(datetime(2026, 11, 28, 9, 30, tzinfo=BEIJING))
    summary = engine.runner(held_id, client, **OPTIONS).run()  # resumed later the same day
    assert summary.state == CampaignState.DONE
    assert summary.counts == {NumberStatus.ACCEPTED: 10, NumberStatus.CAPPED: 10}
    capped = engine.journal.numbers(held_id, [NumberStatus.CAPPED])
    assert {r.number for r in capped} == plus86(phones(10, 19))
    assert all("每天最多 1 条" in r.message_zh and r.batch_id is None for r in capped)
    assert Counter(Counter(r.mobile for r in simulator.accepted()).values()) == Counter({1: 20})
    # Resuming again changes nothing and sends nothing.
    assert engine.runner(held_id, client, **OPTIONS).run().counts == summary.counts
    assert len(simulator.accepted()) == 20
