"""The run lock's Windows branch (msvcrt.locking) against a stand-in msvcrt with the C runtime's semantics."""

from __future__ import annotations

import os
import sys

import pytest

from gui.domain.plan import plan_campaign
from gui.domain.statuses import BatchState, CampaignState
from gui.services.journal.store import Journal
from gui.services.sending import run_lock
from gui.services.sending.run_lock import CampaignBusyError, MsvcrtLocking, RunLock, platform_locking
from tests.services.sending.conftest import marketing, recipients
from tests.support.fake_msvcrt import FakeMsvcrt


@pytest.fixture
def msvcrt() -> FakeMsvcrt:
    return FakeMsvcrt()


@pytest.fixture
def on_windows(msvcrt, monkeypatch) -> FakeMsvcrt:
    """Every RunLock made in the test takes the Windows branch with the stand-in msvcrt."""
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(run_lock, "platform_locking", lambda platform="win32": platform_locking("win32"))
    return msvcrt


def test_win32_picks_msvcrt_locking(msvcrt, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    locking = platform_locking("win32")
    assert isinstance(locking, MsvcrtLocking) and locking.msvcrt is msvcrt
    if os.name != "nt":
        assert type(platform_locking("linux")).__name__ == "FlockLocking"


def test_one_holder_at_a_time(tmp_path, on_windows) -> None:
    path = tmp_path / "j.db"
    first, second, other = RunLock(path, 1), RunLock(path, 1), RunLock(path, 2)
    assert isinstance(first.locking, MsvcrtLocking)
    assert first.acquire() and first.acquire()  # a holder asking again keeps it, no second LockFile
    assert not second.acquire() and not second.held
    assert other.acquire()  # another campaign's file
    assert on_windows.locked_bytes() == [(0, 1), (0, 1)]
    first.release()
    assert second.acquire()
    second.release()
    other.release()
    assert on_windows.locked_bytes() == []
    assert [mode for mode, *_ in on_windows.calls] == ["nblock", "nblock", "nblock", "unlock", "nblock", "unlock",
                                                       "unlock"]


def test_the_lock_is_always_the_first_byte_whatever_the_file_position(tmp_path, on_windows) -> None:
    lock = RunLock(tmp_path / "j.db", 3)
    assert lock.acquire()
    assert lock._fd is not None
    os.lseek(lock._fd, 40, os.SEEK_SET)  # something moved the handle's position
    lock.release()  # still unlocks byte 0: msvcrt.locking counts from the current position
    assert on_windows.locked_bytes() == []
    assert {start for _, _, start in on_windows.calls} == {0}


def test_busy_campaign_raises_the_plain_chinese_error(tmp_path, on_windows) -> None:
    path = tmp_path / "j.db"
    with RunLock(path, 5):
        with pytest.raises(CampaignBusyError) as caught, RunLock(path, 5):
            pass
        assert "正在另一个窗口或命令中进行" in caught.value.text("zh")
    with RunLock(path, 5):
        pass  # free again once the first run ended


def test_a_killed_holder_frees_the_lock(tmp_path, on_windows) -> None:
    path = tmp_path / "j.db"
    dying = RunLock(path, 7)
    assert dying.acquire()
    fd = dying._fd
    assert fd is not None
    assert not RunLock(path, 7).acquire()
    on_windows.handle_closed(fd)  # Task Manager ends the process: Windows closes its handles
    os.close(fd)
    survivor = RunLock(path, 7)
    assert survivor.acquire()
    survivor.release()


def test_opening_the_journal_leaves_a_live_runs_batch_in_flight(tmp_path, simulator, on_windows) -> None:
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        campaign_id = journal.create_campaign(
            marketing(), plan_campaign(marketing(), recipients(4), batch_size=2), created_at=simulator.clock.now()
        )
        journal.set_state(campaign_id, CampaignState.RUNNING, at=simulator.clock.now())
        first, _second = journal.batches(campaign_id)
        journal.mark_in_flight(first.id, at=simulator.clock.now())
    live = RunLock(path, campaign_id)
    assert live.acquire()  # the window sending it, awaiting the answer
    with Journal(path) as journal:
        assert journal.recovered_batches == 0
        assert journal.batch(first.id).state == BatchState.IN_FLIGHT
    live.release()
    with Journal(path) as journal:  # no run holds it: the batch was cut off by a crash
        assert journal.recovered_batches == 1
        assert journal.batch(first.id).state == BatchState.UNKNOWN
    assert on_windows.locked_bytes() == []
