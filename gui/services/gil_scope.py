"""Scoped GIL hand-over: a shorter switch interval while a worker walks a whole list, put back as found after."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SHORT_INTERVAL_S = 0.001

_lock = threading.Lock()
_depth = 0
_interval_before = 0.0


@contextmanager
def quick_turns(interval_s: float = SHORT_INTERVAL_S) -> Iterator[None]:
    """Inside the block a thread holding the GIL hands it over after `interval_s` (Python's default is 5 ms)
    when another thread waits for it.

    A worker running a long pure-Python pass (a plan over a million rows) keeps the GIL for a whole interval each
    time the GUI thread asks for it, and the GUI thread asks many times per event-loop pass (every Python slot
    and every call back into Python): 5 ms each adds up to a visible freeze, 1 ms does not. Blocks on several
    threads overlap: counted, and the interval found before the first is put back when the last one ends.
    Library functions do not call this themselves; the window that runs them does.
    """
    global _depth, _interval_before
    with _lock:
        if _depth == 0:
            _interval_before = sys.getswitchinterval()
        _depth += 1
        sys.setswitchinterval(min(interval_s, _interval_before))
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                sys.setswitchinterval(_interval_before)


def depth() -> int:
    """How many `quick_turns` blocks are open now, on any thread."""
    return _depth
