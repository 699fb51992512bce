"""The runner's helper thread: jobs in order, errors handed back, lookaheads that are never waited for."""

from __future__ import annotations

import threading

import pytest

from gui.services.sending.writer import Lookahead, OutcomeWriter


def test_jobs_run_in_submission_order_and_flush_waits_for_them():
    done: list[int] = []
    writer = OutcomeWriter()
    writer.submit(lambda: done.append(1), lambda: done.append(2))
    writer.submit(lambda: done.append(3))
    writer.flush()
    assert done == [1, 2, 3]
    writer.close()


def test_an_error_on_the_writer_surfaces_on_the_callers_thread_and_later_jobs_are_skipped():
    done: list[str] = []
    writer = OutcomeWriter()

    def broken() -> None:
        raise OSError("disk full")

    writer.submit(broken, lambda: done.append("after, same submission"))
    writer.submit(lambda: done.append("later submission"))
    with pytest.raises(OSError, match="disk full"):
        writer.flush()
    assert done == []
    writer.close()


def test_a_lookahead_is_taken_only_once_ready():
    release = threading.Event()

    def slow_read() -> str:
        release.wait(5)
        return "batch 2"

    ahead = Lookahead(slow_read)
    writer = OutcomeWriter()
    writer.submit(ahead)
    assert ahead.take() is None  # not ready: the caller reads for itself instead of waiting
    release.set()
    writer.flush()
    assert ahead.take() == "batch 2"
    writer.close()


def test_a_failed_lookahead_stays_empty_and_does_not_fail_the_run():
    def broken_read() -> str:
        raise RuntimeError("database is locked")

    ahead = Lookahead(broken_read)
    writer = OutcomeWriter()
    writer.submit(ahead)
    writer.flush()  # no error: the runner's own read will meet the problem and report it
    assert ahead.take() is None
    writer.close()
