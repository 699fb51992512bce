"""Start work once a window has painted for the first time, so it does not delay what the user sees first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

# A shown window that is never painted (one opened minimised) still starts its work after this long.
LATEST_MS = 500
_WAITER = "_first_paint_waiter"


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, on the GUI thread, right after the first paint of `widget`'s window if that window is
    shown by the next pass of the event loop, else at that pass (a window nobody shows, as in tests). Callbacks
    of one window run in the order they were registered.

    A zero timer set while the window is built fires before its first paint: pool threads started there (the
    journal's and the keyring's imports) compete with the paint for the interpreter and delay it."""
    window = widget.window()
    # Kept on the window, not found with findChild: that wraps every descendant in a Python object.
    waiter = getattr(window, _WAITER, None)
    if not isinstance(waiter, _FirstPaint):
        waiter = _FirstPaint(window)
        setattr(window, _WAITER, waiter)
    if waiter.done:  # painted already: at the next pass
        QTimer.singleShot(0, callback)
    else:
        waiter.callbacks.append(callback)


def first_paint_done(widget: QWidget) -> bool:
    """Whether the work waiting for the first paint of `widget`'s window has run."""
    waiter = getattr(widget.window(), _WAITER, None)
    return isinstance(waiter, _FirstPaint) and waiter.done


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.callbacks: list[Callable[[], None]] = []
        self.done = False
        window.installEventFilter(self)
        QTimer.singleShot(0, self._unless_shown)

    @Slot()
    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self._run()
        else:
            QTimer.singleShot(LATEST_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._run)  # after the whole paint, which is under way
        return False

    @Slot()
    def _run(self) -> None:
        self.done = True
        self._window.removeEventFilter(self)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()
