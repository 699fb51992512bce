"""Start work once a window has painted for the first time, so it does not delay what the user sees first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

# A shown window that is never painted (one opened minimised) still starts its work after this long.
LATEST_MS = 500
POLL_MS = 4  # how often the window is asked whether it is exposed (painted) yet
# A step of work a pass of the event loop after the last: a timer, as Qt handles zero-delay calls (posted events)
# back to back, with no input or paint between them.
NEXT_PASS_MS = 1
_WAITER = "_first_paint_waiter"


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, on the GUI thread, right after the first paint of `widget`'s window if that window is
    shown by the next pass of the event loop, else at that pass (a window nobody shows, as in tests). Callbacks
    of one window run in the order they were registered, one per pass of the event loop: together they take
    ~100 ms, which in one pass would be a freeze just as the user starts to type.

    A zero timer set while the window is built fires before its first paint: pool threads started there (the
    journal's and the keyring's imports) compete with the paint for the interpreter and delay it."""
    window = widget.window()
    waiter = _waiter(window)
    if waiter is None:
        waiter = _FirstPaint(window)
        setattr(window, _WAITER, waiter)
    if waiter.done:  # painted already: at the next pass
        QTimer.singleShot(0, callback)
    else:
        waiter.callbacks.append(callback)


def first_paint_done(widget: QWidget) -> bool:
    """Whether the work waiting for the first paint of `widget`'s window has run."""
    waiter = _waiter(widget.window())
    return waiter is not None and waiter.done


def first_paint_pending(widget: QWidget) -> bool:
    """Whether work registered for after the first paint of `widget`'s window is still waiting to run."""
    waiter = _waiter(widget.window())
    return waiter is not None and not waiter.done


def _waiter(window: QWidget) -> _FirstPaint | None:
    # Kept on the window, not found with findChild: that wraps every descendant in a Python object.
    waiter = getattr(window, _WAITER, None)
    return waiter if isinstance(waiter, _FirstPaint) else None


class _FirstPaint(QObject):
    """Watches for the window's first paint by asking, every few ms, whether the window system has exposed it:
    Qt paints a widget window while it handles that expose, so once it is exposed the paint is done.

    Not an event filter: PySide wraps each filtered event in its Python class, and the first plain QEvent makes it
    build all of Qt's ~50 event classes (~5 ms of the start-up)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.callbacks: list[Callable[[], None]] = []
        self.done = False  # every callback registered before the first paint has run
        self._started = False
        self._polls = 0
        QTimer.singleShot(0, self._unless_shown)

    @Slot()
    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self._run()
        else:  # not asked at once: the paint is at least a pass away, and asking builds QWindow's class
            QTimer.singleShot(POLL_MS, self._poll)

    @Slot()
    def _poll(self) -> None:
        handle = self._window.windowHandle()
        if (handle is not None and handle.isExposed()) or self._polls * POLL_MS >= LATEST_MS:
            self._run()
        else:
            self._polls += 1
            QTimer.singleShot(POLL_MS, self._poll)

    @Slot()
    def _run(self) -> None:
        if not self._started:
            self._started = True
            self._next()

    @Slot()
    def _next(self) -> None:
        if not self._window.isVisible():  # never shown, or closed already: nobody waits for it to respond
            while self.callbacks:
                self.callbacks.pop(0)()
        if not self.callbacks:
            self.done = True
            return
        QTimer.singleShot(NEXT_PASS_MS, self._next)  # first: a callback that raises does not stop the ones after
        self.callbacks.pop(0)()
