"""The test suite's stand-in for the real clock: fixed Beijing moments that cover the send window's edges."""

from __future__ import annotations

import zlib
from datetime import datetime

from gui.domain.clock import BEIJING, ManualClock

# Moments where a test that secretly reads the real time would go wrong: just before the Marketing send window
# opens, midday, the last second before it closes, the moment it closes, the last second of a day, and the last
# second of a month (a date range that spills into the next day and month).
GUARD_CLOCKS: dict[str, datetime] = {
    "07:59": datetime(2026, 11, 27, 7, 59, tzinfo=BEIJING),
    "12:00": datetime(2026, 11, 27, 12, 0, tzinfo=BEIJING),
    "21:59:59": datetime(2026, 11, 27, 21, 59, 59, tzinfo=BEIJING),
    "22:00": datetime(2026, 11, 27, 22, 0, tzinfo=BEIJING),
    "23:59:59": datetime(2026, 11, 27, 23, 59, 59, tzinfo=BEIJING),
    "month-end": datetime(2026, 11, 30, 23, 59, 59, tzinfo=BEIJING),
}
ROTATE = "rotate"


def guard_start(choice: str, test_id: str) -> datetime:
    """The moment the app's default clock starts at for one test.

    `rotate` spreads the guard moments over the suite by test id (the same test always gets the same moment), so
    every plain `make test` run exercises all of them at no cost; a name from GUARD_CLOCKS or an ISO date-time
    pins every test to one moment (`make test-any-hour` runs the time-sensitive tests under each).
    """
    if choice == ROTATE:
        names = list(GUARD_CLOCKS)
        return GUARD_CLOCKS[names[zlib.crc32(test_id.encode()) % len(names)]]
    if choice in GUARD_CLOCKS:
        return GUARD_CLOCKS[choice]
    moment = datetime.fromisoformat(choice)
    return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)


def guard_clock(choice: str, test_id: str) -> ManualClock:
    return ManualClock(guard_start(choice, test_id), running=True)
