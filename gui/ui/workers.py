"""Run one blocking call (keyring, HTTP, file import) on the thread pool and hand its result back by signal."""

from __future__ import annotations

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


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: TaskSignals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        # The worker touches no widget: it only emits; GUI-thread slots do the rest.
        try:
            result = self._fn()
        except Exception as error:
            self._signals.failed.emit(_as_user_facing(error))
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._signals.finished.emit()


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


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
) -> TaskSignals:
    """Start `fn` on `pool` (the global pool by default); results arrive on `on_success`/`on_failure`.

    The receivers are connected before the task starts so no result can be missed. Pass `@Slot`
    methods of GUI-thread QObjects, not lambdas, so delivery is queued onto the GUI thread. The
    signals object is kept alive until `finished`.
    """
    signals = TaskSignals()
    _alive.add(signals)
    if on_success is not None:
        signals.succeeded.connect(on_success)
    if on_failure is not None:
        signals.failed.connect(on_failure)
    signals.finished.connect(signals.deleteLater)
    signals.destroyed.connect(lambda *_: _alive.discard(signals))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, signals))
    return signals


def wait_for_background(timeout_ms: int = 5000) -> bool:
    """Block until the global pool is idle (window close, tests). True if it finished in time."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
