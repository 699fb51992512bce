"""Journal work on a helper thread (outcomes recorded, the next batch read), overlapping the request's network wait."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

# Why this is safe: a batch is committed `in_flight` before its request leaves, on the runner's own thread.
# If the process dies before the writer has recorded the outcome, the batch is still `in_flight` and becomes
# `unknown` on the next start — reconciled against the platform's records, never re-sent blind.


HEAD_START = 0.005


class OutcomeWriter:
    """A single worker that runs queued jobs in order; errors surface on the runner's thread."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], None], ...] | None] = queue.Queue()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def submit(self, *jobs: Callable[[], None]) -> None:
        """Queue jobs to run in order, after a short head start for the request that is about to leave."""
        self.check()
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="journal-writer", daemon=True)
            self._thread.start()
        self._jobs.put(jobs)

    def flush(self) -> None:
        """Wait until every queued outcome is in the journal."""
        if self._thread is not None:
            self._jobs.join()
        self.check()

    def close(self) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None
        self.check()

    def check(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _work(self) -> None:
        while True:
            jobs = self._jobs.get()
            try:
                if jobs is None:
                    return
                if self._error is None:
                    # Let the runner's thread put the next request on the wire before taking the GIL.
                    time.sleep(HEAD_START)
                    for job in jobs:
                        job()
            except BaseException as error:  # handed to the runner's thread by check()
                self._error = error
            finally:
                self._jobs.task_done()


class Lookahead(Generic[T]):
    """A read done on the writer thread while a request waits: taken only if it is ready, never waited for.

    The caller reads for itself when nothing is ready, so a slow or failed lookahead costs nothing but the
    time it was meant to save.
    """

    def __init__(self, read: Callable[[], T]) -> None:
        self._read = read
        self._value: T | None = None
        self._ready = threading.Event()

    def __call__(self) -> None:
        try:
            self._value = self._read()
        except Exception:  # the caller's own read reports the problem, on its own thread
            return
        self._ready.set()

    def take(self) -> T | None:
        return self._value if self._ready.is_set() else None
