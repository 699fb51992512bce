"""Time as the app sees it: Beijing time, and a clock that tests and the simulator can set by hand."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol

BEIJING = timezone(timedelta(hours=8), name="Asia/Shanghai")


class Clock(Protocol):
    """Anything that tells the current time as an aware datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time, in Beijing time."""

    def now(self) -> datetime:
        return datetime.now(BEIJING)


class ManualClock:
    """A clock that moves only when told to (tests, the simulator's `--clock`). Thread-safe.

    With `running=True` it starts at `start` and then advances with real time, so a simulator started
    "at 21:59" reaches 22:00 a minute later.
    """

    def __init__(self, start: datetime, *, running: bool = False) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=BEIJING)
        self._lock = threading.Lock()
        self._start = start
        self._offset = timedelta()
        self._running = running
        self._real_start = datetime.now(UTC)

    def now(self) -> datetime:
        with self._lock:
            moved = datetime.now(UTC) - self._real_start if self._running else timedelta()
            return (self._start + self._offset + moved).astimezone(BEIJING)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=BEIJING)
        with self._lock:
            self._start = moment
            self._offset = timedelta()
            self._real_start = datetime.now(UTC)


def machine_timestamp() -> float:
    """The machine's own time as a POSIX timestamp, only for comparing with times the machine stamped itself (a
    file's modification time). Never for the send window, dates or "today": those come from a `Clock`."""
    return datetime.now(UTC).timestamp()


def beijing(moment: datetime) -> datetime:
    """The same instant in Beijing time (naive values are taken as Beijing time already)."""
    return moment.replace(tzinfo=BEIJING) if moment.tzinfo is None else moment.astimezone(BEIJING)


# The one way the app writes a moment down (journal, suppression list, template library): Beijing time to the
# second, as the platform writes its records, so stored and platform times compare and sort as text.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def format_timestamp(moment: datetime) -> str:
    """`2026-11-28 09:00:00`: the instant in Beijing time (naive values are taken as Beijing time)."""
    return beijing(moment).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime | None:
    """The aware Beijing datetime of a stored or platform timestamp; None when `text` is not one."""
    try:
        return datetime.strptime(text.strip(), TIMESTAMP_FORMAT).replace(tzinfo=BEIJING)
    except ValueError:
        return None
