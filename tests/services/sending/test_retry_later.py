"""稍后重试 at a time: re-queued numbers wait for the time, then go out once through the 定时发送 mechanism."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from gui.domain.clock import BEIJING
from gui.domain.send_window import ScheduleError
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.sending.engine import Engine
from gui.services.sending.schedule import cancel_schedule, find_due, retry_later, run_due, schedule_campaign
from tests.services.sending.conftest import marketing, notification, numbers
from tests.services.sending.test_schedule import OPTIONS, store


@pytest.fixture
def engine(tmp_path, simulator):
    with Engine(tmp_path / "j.db", clock=simulator.clock) as e:
        yield e


def half_refused(engine: Engine, client, campaign) -> int:
    """A campaign of 8 whose first 5 numbers got the same text 1 s earlier: the platform says "retry later"."""
    first = store(engine, campaign, count=5)
    assert engine.runner(first, client, **OPTIONS).run().exit_code == 0
    engine.clock.advance(1)
    second = store(engine, campaign, count=8)
    summary = engine.runner(second, client, **OPTIONS).run()
    assert summary.counts == {NumberStatus.ACCEPTED: 3, NumberStatus.RETRY_LATER: 5}
    return second


def accepted_since(simulator, before: int) -> Counter:
    return Counter(r.mobile for r in simulator.accepted()[before:])


def test_retry_later_sends_only_the_queued_numbers_once_at_the_time(engine, client, simulator):
    campaign_id = half_refused(engine, client, notification())
    before = len(simulator.accepted())
    when = engine.clock.now() + timedelta(hours=2)
    count, at = retry_later(engine, campaign_id, when)
    assert count == 5 and at == when
    info = engine.info(campaign_id)
    assert info.state == CampaignState.SCHEDULED and info.state_text().startswith("已预约 ")
    assert info.counts[NumberStatus.PENDING] == 5
    # Not before the time, however often the scheduler looks.
    for _ in range(3):
        engine.clock.advance(30 * 60)
        assert run_due(engine, client, runner_options=OPTIONS)[0] == []
    assert len(simulator.accepted()) == before
    engine.clock.set(at + timedelta(seconds=30))
    summaries, _found = run_due(engine, client, runner_options=OPTIONS)
    assert [s.state for s in summaries] == [CampaignState.DONE]
    assert accepted_since(simulator, before) == Counter({n: 1 for n in numbers(5)})
    assert run_due(engine, client, runner_options=OPTIONS)[0] == []  # looked at again: nothing more
    assert len(simulator.accepted()) == before + 5
    assert engine.info(campaign_id).counts == {NumberStatus.ACCEPTED: 8}


def test_a_scheduled_retry_can_be_moved_and_cancelled_like_any_schedule(engine, client, simulator):
    campaign_id = half_refused(engine, client, notification())
    before = len(simulator.accepted())
    now = engine.clock.now()
    retry_later(engine, campaign_id, now + timedelta(minutes=30))
    moved = schedule_campaign(engine, campaign_id, now + timedelta(hours=3))
    assert find_due(engine).upcoming == [(campaign_id, moved)]
    cancel_schedule(engine, campaign_id)
    info = engine.info(campaign_id)
    assert info.state == CampaignState.PAUSED and not info.scheduled_at and find_due(engine).upcoming == []
    engine.clock.set(moved + timedelta(minutes=1))
    assert run_due(engine, client, runner_options=OPTIONS)[0] == [] and len(simulator.accepted()) == before
    # The queued numbers wait for 继续发送, as before this feature.
    assert engine.runner(campaign_id, client, **OPTIONS).run().state == CampaignState.DONE
    assert accepted_since(simulator, before) == Counter({n: 1 for n in numbers(5)})


def test_a_marketing_retry_outside_the_send_window_is_refused_and_queues_nothing(engine, client, simulator):
    simulator.clock.set(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING))
    campaign_id = half_refused(engine, client, marketing())
    with pytest.raises(ScheduleError, match="08:00–22:00") as caught:
        retry_later(engine, campaign_id, datetime(2026, 11, 27, 23, 0, tzinfo=BEIJING))
    assert "2026-11-28 08:00" in caught.value.text("zh")  # the refusal names the next opening
    info = engine.info(campaign_id)
    assert info.state != CampaignState.SCHEDULED and info.counts[NumberStatus.RETRY_LATER] == 5
    count, _at = retry_later(engine, campaign_id, datetime(2026, 11, 28, 8, 0, tzinfo=BEIJING))
    assert count == 5 and engine.info(campaign_id).state == CampaignState.SCHEDULED


def test_nothing_retriable_schedules_nothing(engine, client, simulator):
    campaign_id = store(engine, notification(), count=3)
    engine.runner(campaign_id, client, **OPTIONS).run()
    assert retry_later(engine, campaign_id, engine.clock.now() + timedelta(hours=1))[0] == 0
    assert engine.info(campaign_id).state == CampaignState.DONE
