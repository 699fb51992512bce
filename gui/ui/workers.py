"""Run one blocking call (keyring, HTTP, file import) on the thread pool and hand its result back by signal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    """Signals of one background call. Created on the GUI thread, emitted from the pool thread.

    Signals:
        succeeded(object): the call's return value.
        failed(object): the exception it raised.
        finished(): after either of the above.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


def _emit(signal: Any, *args: object) -> None:
    # While the application quits, the signals object can be gone before a long call returns: there is nobody
    # left to tell, and a traceback on the way out would only alarm the user.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: TaskSignals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        # The worker touches no widget: it only emits; GUI-thread slots do the rest.
        signals = self._signals
        try:
            result = self._fn()
        except Exception as error:
            _emit(signals.failed, _as_user_facing(error))
        else:
            _emit(signals.succeeded, result)
        finally:
            self._fn = None  # type: ignore[assignment]  # what the call captured is dropped here, on the pool
            _emit(signals.finished)


class _Tracker(QObject):
    """Counts the calls in flight; `idle` when the last one has delivered its result.

    Signals:
        idle(): no background call is running any more.
    """

    idle = Signal()


def _as_user_facing(error: Exception) -> Exception:
    """A full disk or read-only data folder becomes the one plain message every page already knows how to show."""
    try:
        from gui.services.config.paths import data_dir
        from gui.services.config.storage import storage_error

        problem = storage_error(error, data_dir())
    except Exception:  # the folder itself cannot be reached: keep the original error
        return error
    return problem if problem is not None else error


_alive: set[TaskSignals] = set()
_tracker: _Tracker | None = None


def _the_tracker() -> _Tracker:
    global _tracker
    if _tracker is None:
        _tracker = _Tracker()
    return _tracker


def _done(signals: TaskSignals) -> None:
    _alive.discard(signals)
    if not _alive:
        _emit(_the_tracker().idle)


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
    *,
    whole_list: bool = False,
) -> TaskSignals:
    """Start `fn` on `pool` (the global pool by default); results arrive on `on_success`/`on_failure`.

    The receivers are connected before the task starts so no result can be missed. Pass `@Slot`
    methods of GUI-thread QObjects, not lambdas, so delivery is queued onto the GUI thread. The
    signals object is kept alive until `finished` has been delivered.

    `whole_list`: the call walks or builds the whole recipients list (an import, a plan, a campaign's numbers).
    While it runs, the cyclic collector is paused (`gc_scope.collector_paused`): its millions of new objects
    would otherwise set off full collections, each walking the whole heap with the GIL held — a freeze of the
    window of up to a second at 1,000,000 rows; and the GIL changes hands every millisecond, not every five
    (`gil_scope.quick_turns`). Both are undone when the call returns.
    """
    if whole_list:
        fn = _as_whole_list_call(fn)
    signals = TaskSignals()
    _alive.add(signals)
    if pool is None:
        pool = _global_pool()
    if on_success is not None:
        signals.succeeded.connect(on_success)
    if on_failure is not None:
        signals.failed.connect(on_failure)
    signals.finished.connect(signals.deleteLater)
    # Emitted on the GUI thread when the deferred delete runs, after the queued results were delivered.
    signals.destroyed.connect(lambda *_: _done(signals))
    pool.start(_Task(fn, signals))
    return signals


def _as_whole_list_call(fn: Callable[[], Any]) -> Callable[[], Any]:
    from gui.services.gc_scope import collector_paused
    from gui.services.gil_scope import quick_turns

    def call() -> Any:
        with collector_paused(), quick_turns():
            return fn()

    return call


MIN_THREADS = 6


def _global_pool() -> QThreadPool:
    """The global pool with room for calls that only wait: on a 2-core machine Qt allows two threads, and a
    keyring that takes 25 s to time out (Secret Service without a session) would hold an import up behind it."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def background_busy() -> bool:
    """Whether a call started by `run_in_background` has not delivered its result yet."""
    return bool(_alive)


def when_idle(callback: Callable[[], None]) -> None:
    """Call `callback` (a slot of a GUI-thread object) now if nothing runs, else once the last call is done.

    The non-blocking way to wait for the pool: the window closes its journal this way, never by waiting.
    """
    if not _alive:
        callback()
    else:
        from PySide6.QtCore import Qt  # not at the top: the window's start-up does without Qt's enums

        _the_tracker().idle.connect(callback, Qt.ConnectionType.SingleShotConnection)


def release_in_background(value: object) -> None:
    """Drop the last reference to `value` on the pool: freeing millions of objects is a stall of its own.

    A list is emptied one item at a time (each item freed in a C call of its own, not all in one). The caller
    must hold no other reference; whatever still refers to it keeps it alive as usual.
    """
    holder = [value]
    del value

    def release() -> None:
        items = holder.pop()
        while type(items) is list and items:
            items.pop()

    QThreadPool.globalInstance().start(release)


def wait_for_background(timeout_ms: int = 5000) -> bool:
    """Block until the global pool is idle. For tests and developer tools only: the window never blocks on it."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
