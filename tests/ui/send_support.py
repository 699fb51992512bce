"""Helpers for the send-flow tests: a window wired to the simulator, and a recipients workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gui.services.simulator.sandbox import SandboxSession
from gui.ui.main_window import MainWindow, WindowMode


def numbers(count: int, start: int = 0) -> list[str]:
    return [f"1380000{n:04d}" for n in range(start, start + count)]


def write_workbook(path: Path, phones: list[str], *, extra: list[list[str]] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["姓名", "手机号", "城市"])
    for index, phone in enumerate(phones):
        sheet.append([f"客户{index + 1}", phone, "上海"])
    for row in extra:
        sheet.append(row)
    book.save(path)
    return path


def sandbox_window(qtbot, simulator, *, settle: float = 0.5, ask_schedule=None) -> MainWindow:
    """The window in 练习模式 against the test's simulator, on the simulator's own clock (inside the send window).

    `ask_schedule` answers the window's schedule questions from the start: a schedule missed while the window was
    closed is asked about as soon as the journal has opened, which can be before this function returns."""
    session = SandboxSession(base_url=simulator.base_url, appid=simulator.config.appid,
                             secret=simulator.config.secret, env_id=simulator.config.env, simulator=simulator)
    mode = WindowMode(sandbox=True, env_id=session.env_id, api_base=session.base_url, session=session,
                      clock=simulator.config.clock, settle_seconds=settle)
    window = MainWindow(mode)
    # A test that fails mid-send must not leave pytest-qt's teardown close waiting on the "stop sending?" dialog.
    window.ask_close_during_send = lambda: True
    if ask_schedule is not None:
        window.ask_schedule = ask_schedule
    qtbot.addWidget(window)
    window.show()
    wait_for_journal(qtbot, window)
    # The pages after 内容 are built right after the first paint; tests measure layouts once they all exist.
    qtbot.waitUntil(lambda: all(window.built(step) is not None for step in range(5)), timeout=10000)
    return window


def compose_marketing(window: MainWindow, content: str = "能力上新") -> None:
    compose = window.compose
    compose.signature_edit.setText("云开发")
    compose.marketing.path_edit.setText("/index.html")
    compose.marketing.content_edit.setPlainText(content)


def import_file(qtbot, window: MainWindow, path: Path) -> None:
    window.recipients.load(path)
    qtbot.waitUntil(lambda: window.recipients.result is not None and not window.recipients.busy, timeout=5000)


def review(qtbot, window: MainWindow, batch_size: int = 5) -> None:
    window.review.batch_size = batch_size
    window.show_step(2)
    page = window.review
    qtbot.waitUntil(lambda: page.plan is not None and page.landing is not None, timeout=5000)
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=5000)


def wait_for_journal(qtbot, window: MainWindow) -> None:
    """The journal opens on the pool after the first paint; a failure to open says why instead of timing out."""
    qtbot.waitUntil(lambda: window.session.engine is not None or window.engine_error is not None, timeout=10000)
    assert window.engine_error is None, f"the journal did not open: {window.engine_error!r}"
