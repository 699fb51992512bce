"""The window on the user's path (make bench): open a workbook → background import → 内容 with the preview picker →
检查并发送 → send to the simulator (its own process) → 发送记录 (with SMS_COMPOSER_BENCH_EXPORT=1, then the results
written into a copy of the workbook, shown but not yet in the verdict), recording the longest event-loop gap of
each step and
the peak memory (VmHWM) of this process since the window was built. A first row shows start-up (until the
journal is open and every page is built) for reference; the verdict is on the path's steps.

SMS_COMPOSER_BENCH_PATH_ROWS: comma-separated sizes (default "100000,1000000"). SMS_COMPOSER_BENCH_BATCHES: how many
batches of 1000 to send before cancelling (default: all). SMS_COMPOSER_BENCH_PROBE=FILE: log what ran during each
freeze to FILE (`stall_probe.py`; it costs a little GIL time itself, so not for the figures). The workbook is written by a child process, so writing it
does not count towards the memory figure; the window reads it in a child process too (`sheet_process`), whose peak
is printed as the last row (the largest child reaped by then)."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from gui.domain.campaign import ParamSource
from gui.domain.clock import ManualClock
from gui.domain.sms_text import SmsType
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET
from gui.services.simulator.sandbox import SandboxSession
from gui.ui.main_window import MainWindow, WindowMode
from tests.benchmarks.stall_probe import StallProbe
from tests.benchmarks.workbooks import write_customers
from tests.support.simulator import SIMULATOR_START
from tests.support.simulator_process import simulator_process as start_simulator_process
from tests.ui.send_support import compose_marketing

pytestmark = pytest.mark.skipif(not os.environ.get("SMS_COMPOSER_BENCH"), reason="benchmark: make bench")
SIZES = [int(n) for n in os.environ.get("SMS_COMPOSER_BENCH_PATH_ROWS", "100000,1000000").split(",")]
BATCHES = int(os.environ.get("SMS_COMPOSER_BENCH_BATCHES", "0")) or None
PROBE = os.environ.get("SMS_COMPOSER_BENCH_PROBE")
GAP_LIMIT_MS = 50
STARTUP_STEP = "(start-up: show, journal, later pages built)"
# Measured and shown, not yet in the verdict: at 1,000,000 rows it still has 150–350 ms freezes and takes
# ~1.2 GB on top of the window (README, Performance).
EXPORT_STEP = "(发送记录: write the results back, not in the verdict)"
# Off by default: what it leaves allocated raises the next size's memory in the same process past the verdict's.
EXPORT = bool(os.environ.get("SMS_COMPOSER_BENCH_EXPORT"))
RSS_LIMIT_MB = 1024

@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for size in SIZES:
        path = folder / f"客户-{size}.xlsx"
        write_customers(path, size)
        paths[size] = path
    return paths


@pytest.fixture
def simulator_process() -> Iterator[str]:
    with start_simulator_process("--clock", SIMULATOR_START.isoformat()) as base_url:
        yield base_url


class GapMeter:
    """A 5 ms timer on the GUI thread; the longest interval between two ticks is the longest freeze."""

    def __init__(self, probe: StallProbe | None = None) -> None:
        self.probe = probe
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if self.probe is not None:
            self.probe.tick()
        now = self.clock.nsecsElapsed()
        self.worst = max(self.worst, (now - self.last) / 1e6)
        self.last = now

    def step(self) -> float:
        """The longest gap since the last call (closing the current step at this moment)."""
        self._tick()
        worst, self.worst = self.worst, 0.0
        return worst


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak (VmHWM) starts again from the current size


def _run_steps(qtbot, window: MainWindow, workbook: Path, size: int) -> list[tuple[str, float, float, float]]:
    probe = StallProbe(Path(PROBE)).start() if PROBE else None
    meter = GapMeter(probe)
    rows: list[tuple[str, float, float, float]] = []

    def step(name: str, action: Callable[[], None], done: Callable[[], bool], timeout_s: float) -> None:
        meter.step()
        if probe is not None:
            probe.mark(f"{size:,} rows: {name}")
        started = time.monotonic()
        action()
        qtbot.waitUntil(done, timeout=int(timeout_s * 1000))
        qtbot.wait(100)  # what the step's last answer triggers (repaints, follow-up slots) counts too
        rows.append((name, meter.step(), time.monotonic() - started, _peak_mb()))

    # Start-up (first paint, the journal opening on the pool, the later pages built one per event-loop pass) is
    # over before a user can have picked a file: measured and shown, but it is the cold-start benchmark's
    # business, not one of the path's steps, and not part of the verdict.
    step(STARTUP_STEP, window.show,
         lambda: window.session.engine is not None and all(window.built(s) is not None for s in range(5)), 60)
    page = window.recipients
    step("open file → background import", lambda: (window.show_step(1), page.load(workbook)),
         lambda: page.result is not None and not page.busy, 900)
    assert len(page.result.recipients) == size
    # A large workbook is read in a child process (recipients/sheet_process.py), reaped by now: its memory is
    # real memory on the user's PC too. The largest child so far (the workbook writer ran in another process).
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    compose = window.compose
    picker = compose.preview.row_picker

    def preview() -> None:
        window.show_step(0)
        compose.set_sms_type(SmsType.NOTIFICATION)
        compose.notification.template_edit.setPlainText("{1}您好，您的订单已发货")
        compose.notification.set_param_sources([ParamSource(column="姓名")])
        picker.setCurrentIndex(size - 1)
        compose.set_preview_row(size // 2 + 2)
        picker.showPopup()

    step("内容: preview picker (last row, middle row, open list)", preview,
         lambda: picker.view().isVisible() and compose.preview.text().endswith("您好，您的订单已发货"), 60)
    assert f"客户{size // 2}" in compose.preview.text()
    picker.hidePopup()
    compose.set_sms_type(SmsType.MARKETING)
    compose_marketing(window)

    review = window.review
    review.batch_size = 1000
    review.confirm = lambda text: True
    step("检查并发送: plan and checks", lambda: window.show_step(2),
         lambda: review.plan is not None and review.send_button.isEnabled(), 600)
    panel = review.panel
    target = size if BATCHES is None else min(size, BATCHES * 1000)

    def finished() -> bool:
        return panel.last_result is not None or panel.progress_bar.value() >= target

    step("send (store campaign, load rows, send all)", review.send, finished, 3600)
    if panel.is_sending():
        panel.cancel()
        qtbot.waitUntil(lambda: not panel.is_sending(), timeout=120_000)
    history = window.history
    step("发送记录: list, newest campaign's numbers", lambda: window.show_step(3),
         lambda: not history.loading and not history.report_view.loading and not history.numbers_loading
         and history.numbers.model.rowCount() == size, 600)
    assert history.selected_id == panel.campaign_id
    if EXPORT:
        results = workbook.with_name(f"{workbook.stem}-结果.xlsx")
        results.unlink(missing_ok=True)
        history.last_export = None
        step(EXPORT_STEP, lambda: history._start_export(panel.campaign_id, results),
             lambda: history.last_export is not None, 1800)
        assert results.exists()
    meter.timer.stop()
    if probe is not None:
        probe.stop()
    rows.append(("(largest child process, after the import)", 0.0, 0.0, child_peak))
    return rows


@pytest.mark.parametrize("size", SIZES)
def test_window_path_has_no_freeze(qtbot, simulator_process: str, workbooks: dict[int, Path], size: int) -> None:
    _reset_peak()
    session = SandboxSession(base_url=simulator_process, appid=DEFAULT_APPID, secret=DEFAULT_SECRET,
                             env_id=DEFAULT_ENV)
    window = MainWindow(WindowMode(sandbox=True, env_id=DEFAULT_ENV, api_base=simulator_process, session=session,
                                   clock=ManualClock(SIMULATOR_START, running=True), settle_seconds=0.5))
    qtbot.addWidget(window)
    rows = _run_steps(qtbot, window, workbooks[size], size)
    print(f"\nwindow path, {size:,} rows (longest event-loop gap per step; peak RSS so far):")
    for name, gap, seconds, peak in rows:
        print(f"  {name:55s} {gap:6.1f} ms  {seconds:7.1f} s  {peak:7.0f} MB")
    worst = max(gap for name, gap, _, _ in rows if not name.startswith("("))
    peak = max(p for name, _, _, p in rows if not name.startswith("("))
    assert worst <= GAP_LIMIT_MS, rows
    if size >= 1_000_000:
        assert peak <= RSS_LIMIT_MB, rows
