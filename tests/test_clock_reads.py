"""Only the app's clock reads the machine's time: everything else asks a `Clock`, which tests replace."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK_MODULE = ROOT / "gui" / "domain" / "clock.py"
# Reading the wall clock for a decision (send window, dates, "today"); monotonic timers and perf counters are fine.
WALL_CLOCK = re.compile(
    r"\b(?:datetime\.(?:now|today|utcnow)|date\.today|time\.time|time\.localtime|time\.gmtime|time\.ctime"
    r"|QDateTime\.currentDateTime(?:Utc)?|QDate\.currentDate|QTime\.currentTime)\s*\("
)


def _sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py")) if "__pycache__" not in p.parts]


def test_no_module_outside_the_clock_reads_the_wall_clock():
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _sources("gui", "tools", "tests")
        if path != CLOCK_MODULE and path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if WALL_CLOCK.search(line)
    ]
    assert not hits, "read the time from a Clock (gui.domain.clock), not the machine:\n" + "\n".join(hits)


def test_the_suite_replaces_the_real_clock(default_clock):
    from gui.domain.clock import SystemClock

    first = SystemClock().now()
    assert abs((first - default_clock.now()).total_seconds()) < 5
    assert first.utcoffset().total_seconds() == 8 * 3600


def test_the_guard_moments_cover_the_send_window_edges_and_a_month_end():
    from gui.domain.send_window import SendWindow
    from tests.support.clock import GUARD_CLOCKS

    window = SendWindow()
    inside = {name: window.is_open(moment) for name, moment in GUARD_CLOCKS.items()}
    assert inside == {"07:59": False, "12:00": True, "21:59:59": True, "22:00": False, "23:59:59": False,
                      "month-end": False}
    next_second = GUARD_CLOCKS["month-end"] + timedelta(seconds=1)
    assert (next_second.day, next_second.hour) == (1, 0)  # the next second starts a new day and a new month


def test_every_simulator_in_the_tests_runs_on_a_given_clock():
    """A simulator built without a clock runs on the machine's time: every test hands it one."""
    import ast

    missing = []
    for path in _sources("tests"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            keywords = {k.arg for k in node.keywords}
            if name == "SimulatorConfig" and "clock" not in keywords and None not in keywords:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if name == "Simulator" and not node.args and "config" not in keywords:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing, "give the simulator a ManualClock (SimulatorConfig(clock=...)):\n" + "\n".join(missing)
