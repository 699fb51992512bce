"""Scheduled sends (定时发送): schedule, change or cancel a stored campaign, find due and missed ones, run the due."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from gui.domain.send_window import SCHEDULE_FORMAT, SCHEDULE_GRACE, ScheduleError, check_schedule
from gui.domain.statuses import CampaignState
from gui.services.sending.run_lock import CampaignBusyError
from gui.services.sending.types import RunSummary

if TYPE_CHECKING:  # the engine imports nothing from here, but loads the journal; this module stays light
    from gui.domain.campaign import Campaign
    from gui.domain.plan import Plan
    from gui.domain.recipients import ImportResult
    from gui.services.sending.engine import Engine
    from gui.services.sending.runner import SmsClient


@dataclass(frozen=True)
class Schedules:
    """Scheduled campaigns whose time has come: `due` (within the grace period) and `missed` (later than that)."""

    due: list[tuple[int, datetime]] = field(default_factory=list)
    missed: list[tuple[int, datetime]] = field(default_factory=list)
    upcoming: list[tuple[int, datetime]] = field(default_factory=list)


def schedule_campaign(engine: Engine, campaign_id: int, at: datetime) -> datetime:
    """Set or change the start time of a campaign that has not started; ScheduleError when it may not be."""
    campaign = engine.journal.campaign(campaign_id)
    now = engine.clock.now()
    at = check_schedule(at, now, marketing=campaign.is_marketing)
    if engine.journal.set_schedule(campaign_id, at, now=now):
        return at
    # A started campaign already waiting for a scheduled retry (稍后重试) may be moved to another time.
    if engine.info(campaign_id).state == CampaignState.SCHEDULED and engine.journal.schedule_resume(
            campaign_id, at, now=now):
        return at
    raise _already_started(campaign_id)


def retry_later(engine: Engine, campaign_id: int, at: datetime, numbers: Sequence[str] | None = None) -> tuple[int, datetime]:
    """稍后重试: re-queue the retriable failed numbers (or those of `numbers`) and resume the campaign at `at`.

    The time is checked first: a Marketing time outside the send window is refused (ScheduleError naming the
    next opening), and nothing is queued. Returns (numbers queued, the time); with none queued nothing is scheduled.
    The window's scheduler or `run-due` then claims and sends it once, like any 定时发送.
    """
    campaign = engine.journal.campaign(campaign_id)
    now = engine.clock.now()
    at = check_schedule(at, now, marketing=campaign.is_marketing)
    if engine.info(campaign_id).state == CampaignState.RUNNING:
        raise _busy(campaign_id)
    count = engine.retry_failed(campaign_id, only=numbers)
    if count and not engine.journal.schedule_resume(campaign_id, at, now=now):
        raise _busy(campaign_id)  # it started sending in between: that run sends the queued numbers
    return count, at


def create_scheduled(engine: Engine, campaign: Campaign, imported: ImportResult, plan: Plan, at: datetime, *, again: bool = False) -> int:
    """Store a campaign that starts at `at` (checked first, so a refused schedule stores nothing)."""
    check_schedule(at, engine.clock.now(), marketing=campaign.is_marketing)
    campaign_id = int(engine.create_campaign(campaign, imported, plan, again=again))
    schedule_campaign(engine, campaign_id, at)
    return campaign_id


def cancel_schedule(engine: Engine, campaign_id: int) -> None:
    """The campaign no longer starts by itself; it stays in 发送记录 as 未开始 and can be sent or scheduled again."""
    now = engine.clock.now()
    if not engine.journal.set_schedule(campaign_id, None, now=now):
        if engine.journal.unschedule_resume(campaign_id, now=now):
            return  # a scheduled retry: the queued numbers wait for 继续发送
        raise _already_started(campaign_id)
    engine.journal.set_state(campaign_id, CampaignState.PLANNED, at=now, message_zh="预约已取消，没有发出任何短信。",
                             message_en="The schedule was cancelled; nothing was sent.")


def find_due(engine: Engine, *, grace: timedelta = SCHEDULE_GRACE) -> Schedules:
    """Sort the waiting schedules by the engine's clock."""
    now = engine.clock.now()
    result = Schedules()
    for campaign_id, at in engine.journal.scheduled():
        if at > now:
            result.upcoming.append((campaign_id, at))
        elif now - at <= grace:
            result.due.append((campaign_id, at))
        else:
            result.missed.append((campaign_id, at))
    return result


def claim(engine: Engine, campaign_id: int) -> bool:
    """Take a scheduled campaign for sending now; False when another caller already took it (or it was cancelled)."""
    return bool(engine.journal.claim_schedule(campaign_id, now=engine.clock.now()))


def run_due(
    engine: Engine,
    client: SmsClient,
    *,
    grace: timedelta = SCHEDULE_GRACE,
    runner_options: dict[str, Any] | None = None,
    on_start: Callable[[int, datetime], None] | None = None,
) -> tuple[list[RunSummary], Schedules]:
    """Send every due campaign once. Safe to call from several processes at once: each campaign is claimed in
    one transaction, so only one caller sends it. Missed schedules are left for the user to decide."""
    found = find_due(engine, grace=grace)
    summaries: list[RunSummary] = []
    for campaign_id, at in found.due:
        if not claim(engine, campaign_id):
            continue
        if on_start is not None:
            on_start(campaign_id, at)
        try:
            summaries.append(engine.runner(campaign_id, client, **(runner_options or {})).run())
        except CampaignBusyError:
            continue  # someone resumed it by hand at the same moment: that run sends it
    return summaries, found


def describe(at: datetime) -> str:
    return at.strftime(SCHEDULE_FORMAT)


def _already_started(campaign_id: int) -> ScheduleError:
    return ScheduleError(
        f"发送记录 {campaign_id} 已经开始发送，不能再预约或取消预约。",
        f"Campaign {campaign_id} has already started; its schedule can no longer be changed.",
        action_zh="在 发送记录 中查看它的进度。", action_en="Follow it in History.",
    )


def _busy(campaign_id: int) -> ScheduleError:
    return ScheduleError(
        f"发送记录 {campaign_id} 正在发送，现在不能预约重试。",
        f"Campaign {campaign_id} is being sent; a retry cannot be scheduled now.",
        action_zh="等它发完后再试。", action_en="Try again when it has finished.",
    )
