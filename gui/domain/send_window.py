"""The Marketing send window (发送时段): by default 08:00–22:00 Beijing time, configurable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from gui.domain.clock import beijing
from gui.domain.errors import UserFacingError

SCHEDULE_FORMAT = "%Y-%m-%d %H:%M"
# A schedule seen this late (the app was asleep or closed) is "missed": it is never sent without asking.
SCHEDULE_GRACE = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class SendWindow:
    """Marketing SMS may be sent from `opens` (inclusive) until `closes` (exclusive), Beijing time."""

    opens: time = time(8, 0)
    closes: time = time(22, 0)

    def is_open(self, moment: datetime) -> bool:
        local = beijing(moment).time()
        return self.opens <= local < self.closes

    def next_opening(self, moment: datetime) -> datetime:
        """When sending may start: `moment` itself if the window is open, else the next opening time."""
        local = beijing(moment)
        if self.is_open(local):
            return local
        today_open = local.replace(hour=self.opens.hour, minute=self.opens.minute, second=0, microsecond=0)
        return today_open if local < today_open else today_open + timedelta(days=1)


MARKETING_WINDOW = SendWindow()


class ScheduleError(UserFacingError):
    """A schedule (定时发送) that cannot be accepted: unreadable, in the past, or outside the send window."""

    code = "schedule"


def parse_schedule(text: str) -> datetime:
    """'YYYY-MM-DD HH:MM' read as Beijing time."""
    try:
        naive = datetime.strptime(text.strip(), SCHEDULE_FORMAT)
    except ValueError:
        raise ScheduleError(
            f"预约时间“{text}”看不懂。", f"The schedule time “{text}” is not readable.",
            action_zh="请写成 YYYY-MM-DD HH:MM（北京时间），例如 2026-12-01 09:30。",
            action_en="Write it as YYYY-MM-DD HH:MM (Beijing time), e.g. 2026-12-01 09:30.", where="--at",
        ) from None
    return beijing(naive)


def check_schedule(at: datetime, now: datetime, *, marketing: bool, window: SendWindow = MARKETING_WINDOW) -> datetime:
    """The schedule in Beijing time, or ScheduleError: not in the future, or Marketing outside the window."""
    at, now = beijing(at), beijing(now)
    when = at.strftime(SCHEDULE_FORMAT)
    if at <= now:
        raise ScheduleError(
            f"预约时间 {when} 已经过去了（现在是 {now:%Y-%m-%d %H:%M}）。",
            f"The schedule time {when} has passed (it is now {now:%Y-%m-%d %H:%M}).",
            action_zh="请选一个以后的时间，或者直接发送。没有发出任何短信。",
            action_en="Choose a later time, or send now. Nothing was sent.",
        )
    if marketing and not window.is_open(at):
        opens, closes = window.opens.strftime("%H:%M"), window.closes.strftime("%H:%M")
        raise ScheduleError(
            f"营销短信只能预约在北京时间 {opens}–{closes} 之间，{when} 不在发送时段内。",
            f"Marketing SMS can only be scheduled {opens}–{closes} Beijing time; {when} is outside the send window.",
            action_zh=f"请改到 {opens} 到 {closes} 之间，例如 {window.next_opening(at):%Y-%m-%d %H:%M}。",
            action_en=f"Pick a time between {opens} and {closes}, e.g. {window.next_opening(at):%Y-%m-%d %H:%M}.",
        )
    return at


def retry_presets(now: datetime, *, marketing: bool, window: SendWindow = MARKETING_WINDOW) -> list[tuple[str, datetime]]:
    """The 稍后重试 choices (key, Beijing time): in 30 minutes, in 2 hours, tomorrow 08:00.

    For Marketing each is moved to the next opening of the send window when it falls outside it, so every
    preset is a time the schedule accepts; equal times after moving are kept once.
    """
    local = beijing(now).replace(second=0, microsecond=0)
    tomorrow = (local + timedelta(days=1)).replace(hour=8, minute=0)
    choices = [("30min", local + timedelta(minutes=30)), ("2h", local + timedelta(hours=2)), ("tomorrow", tomorrow)]
    result: list[tuple[str, datetime]] = []
    for key, at in choices:
        at = window.next_opening(at) if marketing else at
        if all(at != seen for _key, seen in result):
            result.append((key, at))
    return result
