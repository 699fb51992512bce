"""Start the window: QApplication, the translators (before any widget), sandbox mode and the smoke test."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from gui import APP_DISPLAY_NAME, APP_NAME, __version__
from gui.services.config.paths import API_BASE_ENV, resources_dir
from gui.ui.first_paint import after_first_paint
from gui.ui.i18n import ENGLISH, TranslatorStatus, install_translators, resolve_language
from gui.ui.style import apply_fonts

if TYPE_CHECKING:
    from gui.services.simulator.sandbox import SandboxSession


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setOrganizationName("sms-composer")
    app.setApplicationVersion(__version__)
    # Matches the installed cn.smscomposer.SmsComposer.desktop, so Wayland docks show the right icon and name.
    app.setDesktopFileName("cn.smscomposer.SmsComposer")
    apply_fonts(app)
    return app  # type: ignore[return-value]  # instance() is the QApplication made above


def set_window_icon(app: QApplication) -> None:
    """The app's icon for every window (an SVG: loading it loads Qt's SVG icon engine, so it comes after the
    first paint; the packaged app's file icon and the .desktop entry show until then)."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.svg")))


def _live_env_id() -> str:
    try:
        from gui.services.config.settings import load_settings

        return load_settings().env_id
    except Exception:  # no settings module or an unreadable file: the status bar says "not set"
        return ""


def run_app(sandbox: bool, smoke_test: bool, language: str | None,
            started: Callable[[], None] | None = None) -> int:
    """Open the window (or, with `smoke_test`, build it offscreen, report and exit). Returns the exit code.

    `started` is called once the window has first painted (the caller's start-up settings end there)."""
    if smoke_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    chosen = resolve_language(language)
    status = install_translators(app, chosen)  # before any widget, so every tr() call sees it

    from gui.ui.main_window import MainWindow, WindowMode  # imported after the translators on purpose

    session: SandboxSession | None = None
    sandbox_note = ""
    if sandbox:
        from gui.services.simulator.sandbox import SandboxUnavailable, start_sandbox  # only in sandbox mode

        try:
            session = start_sandbox()
        except SandboxUnavailable as error:
            sandbox_note = f"simulator unavailable: {error}"
    mode = WindowMode(
        sandbox=sandbox,
        env_id=session.env_id if session else ("" if sandbox else _live_env_id()),
        api_base=session.base_url if session else os.environ.get(API_BASE_ENV, ""),
        session=session,
    )
    try:
        window = MainWindow(mode)
        after_first_paint(window, lambda: set_window_icon(app))
        if started is not None:
            after_first_paint(window, started)
        if smoke_test:
            return _smoke_report(window, status, sandbox_note)
        if os.environ.get(FIRST_PAINT_ENV):
            return _first_paint(app, window)
        # Closing never blocks: the window hides, finishes its send and closes its journal, then says `closed`.
        app.setQuitOnLastWindowClosed(False)
        window.closed.connect(app.quit)
        window.show()
        if sandbox_note:
            window.statusBar().showMessage(sandbox_note, 10000)
        return app.exec()
    finally:
        if session is not None:
            session.stop()


FIRST_PAINT_ENV = "SMS_COMPOSER_FIRST_PAINT"  # the cold-start benchmark: show the window, one event pass, exit


def _first_paint(app: QApplication, window: object) -> int:
    """Show the window, let one pass of the event loop paint it, and leave at once (the start-up benchmark)."""
    from gui.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show()
    app.processEvents()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # the pool's start-up checks are not part of the measure, and nothing is left to save


def _smoke_report(window: object, status: TranslatorStatus, sandbox_note: str) -> int:
    """Print what a packaged build needs to work (translations, keyring, window) and 0 if all is there."""
    from PySide6.QtCore import (  # the smoke test's own: not the window's start-up
        QDeadlineTimer,
        QEventLoop,
        QTimer,
    )

    from gui.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show()
    # The keyring is asked off the GUI thread, as at every start; run the event loop until its answer arrives.
    deadline = QDeadlineTimer(15000)
    loop = QEventLoop()
    while window.keyring is None and not deadline.hasExpired():
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    first_step = window.sidebar.item(0).text()
    from gui.services.config.credentials import BackendStatus

    info = window.keyring or BackendStatus("?", False, "", "no answer from the keyring within 15 s")
    # Set right after the first paint (run_app), before the keyring's answer waited for above; a bundle without
    # Qt's SVG icon engine would draw nothing.
    icon_drawn = not QApplication.windowIcon().pixmap(32, 32).isNull()
    lines = [
        f"window: ok ({window.pages.count()} pages, first step '{first_step}')",
        f"icon: {'ok' if icon_drawn else 'NOT drawn (SVG icon engine missing?)'}",
        f"language: {status.language}",
    ]
    problems = []
    if status.language != ENGLISH:
        lines.append(f"app translation: {'ok ' + status.app_file if status.app_loaded else 'MISSING'}")
        lines.append(f"qtbase translation: {'ok ' + status.qtbase_file if status.qtbase_loaded else 'MISSING'}")
        if not status.app_loaded:
            problems.append("app translation")
        if not status.qtbase_loaded:
            problems.append("qtbase translation")
        if first_step != "内容":
            problems.append("window not in Chinese")
    if not icon_drawn:
        problems.append("icon")
    lines.append(f"keyring: {info.name} ({'usable' if info.usable else 'NOT usable'})")
    if not info.usable:
        problems.append("keyring")
    readers = _workbook_readers()
    lines.append(f"workbook readers: {readers or 'ok'}")
    if readers:
        problems.append("workbook readers")
    if sandbox_note:
        lines.append(sandbox_note)
        problems.append("sandbox")
    lines.append("smoke test: " + ("ok" if not problems else "FAILED: " + ", ".join(problems)))
    print("\n".join(lines))
    # Close as a user would and let the event loop run until the window has closed its journal.
    window.closed.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    window.close()
    loop.exec()
    return 0 if not problems else 1


def _workbook_readers() -> str:
    """"" if the bundle reads the sample workbook in both of its child processes (the trial read of an untrusted
    workbook, and the reader of a large one, which start the app's own executable with a flag), else what failed."""
    from gui.domain.errors import UserFacingError
    from gui.services.recipients.importer import import_recipients
    from gui.services.recipients.probe import trial_read
    from gui.services.recipients.sample_workbook import sample_path

    sample = sample_path()
    try:
        trial_read(sample)
        result = import_recipients(sample, separate_process=True, separate_process_from=0)
    except UserFacingError as error:
        return f"FAILED ({error.message_en})"
    return "" if result.recipients else "FAILED (no recipients in the sample)"

