"""The pool helper: a whole-list call runs with the collector paused and quick GIL turns; both are back after."""

from __future__ import annotations

import gc
import sys

import pytest

from gui.services import gc_scope, gil_scope
from gui.ui.workers import release_in_background, run_in_background, wait_for_background


def test_a_whole_list_call_pauses_the_collector_only_while_it_runs(qtbot) -> None:
    assert gc.isenabled()
    interval = sys.getswitchinterval()
    seen: list[object] = []

    def call() -> tuple[bool, int, float]:
        return gc.isenabled(), gc_scope.paused_depth(), sys.getswitchinterval()

    run_in_background(call, seen.append, seen.append, whole_list=True)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(False, 1, pytest.approx(gil_scope.SHORT_INTERVAL_S))]
    assert gc.isenabled()
    assert gc_scope.paused_depth() == 0
    assert sys.getswitchinterval() == pytest.approx(interval)


def test_a_failing_whole_list_call_still_restores_the_collector(qtbot) -> None:
    failures: list[Exception] = []

    def call() -> None:
        raise ValueError("unreadable")

    run_in_background(call, on_failure=failures.append, whole_list=True)
    qtbot.waitUntil(lambda: bool(failures))
    assert [str(error) for error in failures] == ["unreadable"]
    assert wait_for_background(5000)
    assert gc.isenabled()


def test_an_ordinary_call_leaves_the_collector_alone(qtbot) -> None:
    seen: list[object] = []
    run_in_background(gc.isenabled, seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [True]


def test_release_in_background_frees_a_list_item_by_item_on_the_pool(qtbot) -> None:
    import threading
    import weakref

    class Column(list):  # a list that can be watched with a weak reference
        pass

    freed_on: list[int] = []
    columns = [Column(range(1000)) for _ in range(3)]
    watchers = [weakref.ref(column, lambda _ref: freed_on.append(threading.get_ident())) for column in columns]
    release_in_background(columns)
    del columns
    qtbot.waitUntil(lambda: all(watcher() is None for watcher in watchers), timeout=5000)
    assert len(freed_on) == 3 and threading.get_ident() not in freed_on
