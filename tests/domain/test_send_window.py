"""The Marketing send window at its edges, in Beijing time, from any time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gui.domain.clock import BEIJING, ManualClock
from gui.domain.send_window import MARKETING_WINDOW

CASES = [
    ("07:59:59", False, "2026-11-27 08:00"),
    ("08:00:00", True, "2026-11-27 08:00"),
    ("21:59:59", True, "2026-11-27 21:59"),
    ("22:00:00", False, "2026-11-28 08:00"),
    ("23:30:00", False, "2026-11-28 08:00"),
    ("00:10:00", False, "2026-11-27 08:00"),
]


@pytest.mark.parametrize(("clock_time", "is_open", "opening"), CASES)
def test_window_edges(clock_time: str, is_open: bool, opening: str) -> None:
    moment = datetime.fromisoformat(f"2026-11-27T{clock_time}").replace(tzinfo=BEIJING)
    assert MARKETING_WINDOW.is_open(moment) is is_open
    assert MARKETING_WINDOW.next_opening(moment).strftime("%Y-%m-%d %H:%M") == opening


def test_utc_moment_is_judged_in_beijing_time() -> None:
    utc_2330 = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)  # 07:30 next day in Beijing
    assert not MARKETING_WINDOW.is_open(utc_2330)
    assert MARKETING_WINDOW.is_open(utc_2330 + timedelta(hours=1))


def test_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(datetime(2026, 11, 27, 21, 59))
    assert clock.now().tzinfo is not None
    first = clock.now()
    assert clock.now() == first
    clock.advance(60)
    assert clock.now() - first == timedelta(seconds=60)
    assert not MARKETING_WINDOW.is_open(clock.now())
