"""The shorter GIL switch interval holds only while a whole-list call runs, and the interval found is put back."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from gui.services import gil_scope


@pytest.fixture(autouse=True)
def default_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(before)


def test_short_inside_and_put_back_after_even_on_an_exception() -> None:
    with pytest.raises(ValueError), gil_scope.quick_turns():
        assert sys.getswitchinterval() == pytest.approx(gil_scope.SHORT_INTERVAL_S)
        raise ValueError("boom")
    assert sys.getswitchinterval() == pytest.approx(0.005)
    assert gil_scope.depth() == 0


def test_a_shorter_interval_set_by_the_app_is_not_lengthened() -> None:
    sys.setswitchinterval(0.0005)
    with gil_scope.quick_turns():
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    assert sys.getswitchinterval() == pytest.approx(0.0005)


def test_overlapping_blocks_on_two_threads_put_the_interval_back_once_both_end() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[float] = []

    def first() -> None:
        with gil_scope.quick_turns():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gil_scope.quick_turns():
            second_in.set()
            first_out.wait(5)
            seen.append(sys.getswitchinterval())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [pytest.approx(gil_scope.SHORT_INTERVAL_S)]
    assert sys.getswitchinterval() == pytest.approx(0.005)
