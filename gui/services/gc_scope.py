"""Scoped garbage-collector tuning: pause or freeze for one hot path, and always put things back as found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_frozen_depth = 0
_paused_depth = 0
_enabled_before = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; when the last open block ends, the collector is on again only if
    it was on when the first one began.

    For a caller about to build millions of acyclic objects (an import, a plan): the collector would only rescan
    a growing heap. Blocks on several threads overlap (an import on one pool thread, a plan on another): counted,
    so the first one to end does not switch collection back on under the others. Library functions do not call
    this themselves; the command or window that runs them does.
    """
    global _paused_depth, _enabled_before
    with _lock:
        if _paused_depth == 0:
            _enabled_before = gc.isenabled()
        _paused_depth += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _paused_depth -= 1
            if _paused_depth == 0:
                if _frozen_depth == 0:
                    # What the blocks built is all in the youngest generation, and the first collection after
                    # them would walk every item of it (a million-row status table: ~100 ms with the GIL held).
                    # Freezing and unfreezing moves every tracked object to the oldest generation without
                    # walking any; they are looked at again by the next full collection, as usual.
                    gc.freeze()
                    gc.unfreeze()
                if _enabled_before:
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


def paused_depth() -> int:
    """How many `collector_paused` blocks are open now, on any thread."""
    return _paused_depth


def frozen_depth() -> int:
    """How many `freeze` calls are still open (0: nothing is frozen by this module)."""
    return _frozen_depth
