"""定时发送 against the simulator on one ManualClock: due once, missed never silently, refused outside the window."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from datetime import datetime, timedelta

import pytest

from gui.domain.clock import BEIJING
from gui.domain.plan import plan_campaign
from gui.domain.send_window import ScheduleError, check_schedule, parse_schedule
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.api.client import CloudBaseClient
from gui.services.journal.store import Journal
from gui.services.sending.engine import Engine
from gui.services.sending.schedule import cancel_schedule, find_due, run_due, schedule_campaign
from gui.services.sending.types import RetryPolicy
from gui.services.simulator import DEFAULT_APPID, DEFAULT_SECRET
from tests.services.sending.conftest import marketing, notification, recipients

OPTIONS = {"retry": RetryPolicy(base_delay=0.1), "settle_seconds": 0, "hold_outside_window": True}


@pytest.fixture
def engine(tmp_path, simulator):
    with Engine(tmp_path / "j.db", clock=simulator.clock) as e:
        yield e


def store(engine: Engine, campaign, count: int = 30, start: int = 0) -> int:
    plan = plan_campaign(campaign, recipients(count, start, 商品="书"), batch_size=10)
    assert plan.ok, plan.errors
    return engine.journal.create_campaign(campaign, plan, created_at=engine.clock.now())


def at(hour: int, minute: int = 0, day: int = 27) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BEIJING)


def sent_once(simulator) -> Counter:
    return Counter(Counter(r.mobile for r in simulator.accepted()).values())


def test_a_marketing_schedule_outside_the_send_window_is_refused(engine):
    campaign_id = store(engine, marketing())
    for hour, minute in ((22, 0), (23, 30), (7, 59)):
        with pytest.raises(ScheduleError, match="08:00–22:00"):
            schedule_campaign(engine, campaign_id, at(hour, minute, day=28))
    with pytest.raises(ScheduleError, match="has passed"):
        schedule_campaign(engine, campaign_id, at(9, 59))  # the clock says 10:00
    assert engine.info(campaign_id).state == CampaignState.PLANNED
    # Notification SMS may be scheduled at night; Marketing inside the window is fine.
    assert check_schedule(at(23, 30), at(10), marketing=False) == at(23, 30)
    assert schedule_campaign(engine, campaign_id, at(21, 59)) == at(21, 59)
    info = engine.info(campaign_id)
    assert info.state == CampaignState.SCHEDULED and info.scheduled_at == "2026-11-27 21:59:00"
    assert info.to_json()["scheduled_at"] == "2026-11-27 21:59:00"


def test_parse_schedule_explains_the_format():
    assert parse_schedule("2026-12-01 09:30") == datetime(2026, 12, 1, 9, 30, tzinfo=BEIJING)
    with pytest.raises(ScheduleError) as caught:
        parse_schedule("明天九点")
    assert "YYYY-MM-DD HH:MM" in caught.value.text("zh") and caught.value.where == "--at"


def test_a_due_campaign_is_sent_once_and_only_when_due(engine, client, simulator):
    campaign_id = store(engine, marketing())
    schedule_campaign(engine, campaign_id, at(10, 30))
    summaries, found = run_due(engine, client, runner_options=OPTIONS)
    assert summaries == [] and found.upcoming == [(campaign_id, at(10, 30))] and simulator.accepted() == []
    simulator.clock.set(at(10, 31))
    summaries, found = run_due(engine, client, runner_options=OPTIONS)
    assert [s.state for s in summaries] == [CampaignState.DONE]
    assert sent_once(simulator) == Counter({1: 30})
    assert run_due(engine, client, runner_options=OPTIONS)[0] == []  # called again a minute later: nothing
    info = engine.info(campaign_id)
    assert info.state == CampaignState.DONE and info.scheduled_at == "2026-11-27 10:30:00"


def test_a_missed_schedule_is_never_sent_by_run_due(engine, client, simulator):
    campaign_id = store(engine, notification(), 5)
    schedule_campaign(engine, campaign_id, at(10, 30))
    simulator.clock.set(at(10, 41))  # 11 minutes late: beyond the 10-minute grace period
    summaries, found = run_due(engine, client, runner_options=OPTIONS)
    assert summaries == [] and found.missed == [(campaign_id, at(10, 30))]
    assert simulator.accepted() == [] and engine.info(campaign_id).state == CampaignState.SCHEDULED
    # The user re-schedules it; then it goes out once at the new time.
    schedule_campaign(engine, campaign_id, at(11))
    simulator.clock.set(at(11, 5))
    assert [s.state for s in run_due(engine, client, runner_options=OPTIONS)[0]] == [CampaignState.DONE]
    assert sent_once(simulator) == Counter({1: 5})


def test_two_concurrent_run_due_callers_send_exactly_once(tmp_path, simulator):
    path = tmp_path / "j.db"
    with Engine(path, clock=simulator.clock) as first:
        ids = [store(first, marketing(name=f"活动{i}"), 40, start=100 * i) for i in range(3)]
        for campaign_id in ids:
            schedule_campaign(first, campaign_id, at(10, 5))
    simulator.clock.set(at(10, 6))
    simulator.config.latency_ms = 20  # long enough for the two callers to overlap
    barrier = threading.Barrier(2)
    results: list[list] = [[], []]

    def caller(index: int) -> None:
        with Engine(path, clock=simulator.clock) as engine, CloudBaseClient(
            appid=DEFAULT_APPID, secret=DEFAULT_SECRET, base_url=simulator.base_url, clock=simulator.clock, timeout=5
        ) as client:
            barrier.wait()
            results[index] = run_due(engine, client, runner_options=OPTIONS)[0]

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(s.campaign_id for s in results[0] + results[1]) == ids  # each campaign run by one caller
    assert sent_once(simulator) == Counter({1: 120})
    with Journal(path) as journal:
        assert all(journal.counts(i) == {NumberStatus.ACCEPTED: 40} for i in ids)


def test_cancel_and_change_until_it_starts(engine, client, simulator):
    campaign_id = store(engine, notification(), 5)
    schedule_campaign(engine, campaign_id, at(12))
    cancel_schedule(engine, campaign_id)
    info = engine.info(campaign_id)
    assert info.state == CampaignState.PLANNED and info.scheduled_at == "" and "取消" in info.message_zh
    simulator.clock.set(at(12, 1))
    assert run_due(engine, client, runner_options=OPTIONS)[0] == [] and simulator.accepted() == []
    schedule_campaign(engine, campaign_id, at(13))
    simulator.clock.set(at(13))
    assert find_due(engine).due == [(campaign_id, at(13))]
    run_due(engine, client, runner_options=OPTIONS)
    with pytest.raises(ScheduleError, match="already started"):
        schedule_campaign(engine, campaign_id, at(14))
    with pytest.raises(ScheduleError, match="already started"):
        cancel_schedule(engine, campaign_id)


def test_an_older_journal_gains_the_schedule_column(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE journal_campaigns (id INTEGER PRIMARY KEY, name TEXT NOT NULL, sms_type TEXT NOT NULL, "
               "campaign_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL, "
               "message_zh TEXT NOT NULL DEFAULT '', message_en TEXT NOT NULL DEFAULT '', source_json TEXT NOT NULL "
               "DEFAULT '{}', recipients INTEGER NOT NULL, total_parts INTEGER NOT NULL, estimate_yuan TEXT NOT NULL, "
               "price_per_part TEXT NOT NULL)")
    db.execute("INSERT INTO journal_campaigns VALUES (1, '旧活动', 'Marketing', '{}', '2026-01-01 10:00:00', "
               "'2026-01-01 10:00:00', 'done', '', '', '{}', 3, 3, '0.15', '0.05')")
    db.commit()
    db.close()
    with Journal(path) as journal:
        info = journal.info(1)
    assert info.name == "旧活动" and info.state == CampaignState.DONE and info.scheduled_at == ""
    with Journal(path) as journal:  # opening again changes nothing
        assert journal.info(1).scheduled_at == ""


def test_schedule_time_accepts_any_time_zone():
    utc = datetime(2026, 11, 27, 1, 0, tzinfo=BEIJING) - timedelta(hours=8)  # 01:00 Beijing as an earlier offset
    with pytest.raises(ScheduleError):
        check_schedule(utc.astimezone(BEIJING), at(10), marketing=True)
