"""Scoped garbage-collector tuning: pause or freeze for one hot path, and always put things back as found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_frozen_depth = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; on exit the collector is on again only if it was on before.

    For a caller about to build millions of acyclic objects (an import): the collector would only rescan a
    growing heap. Library functions do not call this themselves; the command or window that runs them does.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze() -> None:
    """Move everything alive now out of the collector's sight (`gc.freeze`); pair every call with `thaw`."""
    global _frozen_depth
    with _lock:
        _frozen_depth += 1
        gc.freeze()


def thaw() -> None:
    """Undo one `freeze`; the last one hands the frozen objects back to the collector (`gc.unfreeze`)."""
    global _frozen_depth
    with _lock:
        if _frozen_depth == 0:
            return
        _frozen_depth -= 1
        if _frozen_depth == 0:
            gc.unfreeze()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """`freeze` for the block, `thaw` after it: long-lived data (a campaign's rows) is not re-walked by every
    collection while it runs, and is an ordinary part of the heap again afterwards. Nests."""
    freeze()
    try:
        yield
    finally:
        thaw()


def frozen_depth() -> int:
    """How many `freeze` calls are still open (0: nothing is frozen by this module)."""
    return _frozen_depth
