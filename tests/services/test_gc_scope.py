"""Scoped collector changes: whatever a hot path switches off is back as it was when the path ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from gui.services import gc_scope


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:  # a test may have switched it off on purpose
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_on_again_after() -> None:
    with gc_scope.collector_paused():
        assert not gc.isenabled()
        assert gc_scope.paused_depth() == 1
    assert gc.isenabled()
    assert gc_scope.paused_depth() == 0


def test_on_again_after_an_exception() -> None:
    with pytest.raises(ValueError), gc_scope.collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_left_off_when_it_was_off_before() -> None:
    gc.disable()
    with gc_scope.collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_overlapping_blocks_on_two_threads_end_in_either_order() -> None:
    """An import and a plan on two pool threads: the first to finish must not switch collection on under the
    other; the last restores it."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with gc_scope.collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_scope.collector_paused():
            second_in.set()
            first_out.wait(5)
            seen["while the second still runs"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"while the second still runs": False}
    assert gc.isenabled()
    assert gc_scope.paused_depth() == 0


def test_freeze_and_thaw_nest_and_leave_nothing_frozen() -> None:
    with gc_scope.heap_frozen():
        assert gc.get_freeze_count() > 0
        with gc_scope.heap_frozen():
            assert gc_scope.frozen_depth() == 2
        assert gc.get_freeze_count() > 0
    assert gc_scope.frozen_depth() == 0
    assert gc.get_freeze_count() == 0


def test_what_a_paused_block_built_is_moved_to_the_oldest_generation_unwalked() -> None:
    """Else the first collection after the block walks all of it (a million-row table: ~100 ms, GIL held)."""
    with gc_scope.collector_paused():
        built = [[str(i)] for i in range(100)]
    assert not any(item is built for item in gc.get_objects(generation=0))
    assert any(item is built for item in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
