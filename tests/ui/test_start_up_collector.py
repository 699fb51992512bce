"""The window's start-up pauses Python's cyclic collector until its first paint, and it is on again after."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QTimer

import gui.ui.main_window as main_window_module
from gui.cli.main import main
from gui.services import gc_scope
from gui.ui.first_paint import after_first_paint, first_paint_done


def test_collector_paused_while_the_window_is_built_and_on_after_its_first_paint(qtbot, monkeypatch) -> None:
    seen: dict[str, bool] = {}
    windows = []

    class RecordingWindow(main_window_module.MainWindow):
        def __init__(self, *args, **kwargs) -> None:
            seen["while built"] = gc.isenabled()
            super().__init__(*args, **kwargs)
            windows.append(self)
            # Registered after run_app's own callbacks: runs once the start-up pause has ended.
            after_first_paint(self, self._after)

        def _after(self) -> None:  # the pause ends in a callback registered after this one: look once all ran
            QTimer.singleShot(0, self._look)

        def _look(self) -> None:
            if not first_paint_done(self):  # the start-up work runs a step per pass of the event loop
                QTimer.singleShot(5, self._look)
                return
            seen["after the first paint"] = gc.isenabled()
            self.close()

    monkeypatch.setattr(main_window_module, "MainWindow", RecordingWindow)
    assert gc.isenabled()
    QTimer.singleShot(20000, lambda: [window.close() for window in windows])  # never hang the suite
    assert main([]) == 0
    assert seen == {"while built": False, "after the first paint": True}
    assert gc.isenabled() and gc_scope.paused_depth() == 0


def test_a_command_runs_with_the_collector_on(monkeypatch, capsys) -> None:
    from gui.services.config import storage

    states = []
    original = storage.remove_app_stale_temps

    def spy() -> list:  # called right before the command's handler
        states.append(gc.isenabled())
        return original()

    monkeypatch.setattr(storage, "remove_app_stale_temps", spy)
    assert main(["campaigns"]) == 0
    assert states == [True]
    assert gc.isenabled() and gc_scope.paused_depth() == 0
    with pytest.raises(SystemExit):
        main(["--version"])  # argparse leaves by SystemExit: the pause ends all the same
    assert gc.isenabled() and gc_scope.paused_depth() == 0
