"""The per-campaign run lock: one run at a time, across processes, released by the system when a process dies."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui.domain.plan import plan_campaign
from gui.domain.statuses import BatchState, CampaignState
from gui.services.journal.store import Journal
from gui.services.sending.run_lock import RunLock
from tests.services.sending.conftest import marketing, recipients

ROOT = Path(__file__).resolve().parents[3]

HOLDER = """
import sys, time
from pathlib import Path
from gui.services.sending.run_lock import RunLock
lock = RunLock(Path(sys.argv[1]), int(sys.argv[2]))
assert lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


@contextmanager
def held_in_another_process(journal_path: Path, campaign_id: int) -> Iterator[None]:
    """Another process holds the lock inside the block; at its end that process is SIGKILLed, no clean-up."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path), str(campaign_id)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            yield
        finally:
            holder.kill()
            holder.wait(10)


def test_one_holder_at_a_time_within_a_process(tmp_path):
    path = tmp_path / "j.db"
    first, second, other_campaign = RunLock(path, 1), RunLock(path, 1), RunLock(path, 2)
    assert first.acquire() and first.held
    assert not second.acquire() and not second.held
    assert other_campaign.acquire()  # campaigns are independent
    first.release()
    assert second.acquire()
    second.release()
    other_campaign.release()


def test_a_killed_holder_releases_the_lock_without_clean_up(tmp_path):
    path = tmp_path / "j.db"
    with held_in_another_process(path, 7):
        assert not RunLock(path, 7).acquire()
    lock = RunLock(path, 7)
    assert lock.acquire()
    lock.release()


def test_opening_the_journal_leaves_a_live_runs_batch_in_flight(tmp_path, simulator):
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        campaign_id = journal.create_campaign(
            marketing(), plan_campaign(marketing(), recipients(4), batch_size=2), created_at=simulator.clock.now()
        )
        journal.set_state(campaign_id, CampaignState.RUNNING, at=simulator.clock.now())
        first, _second = journal.batches(campaign_id)
        journal.mark_in_flight(first.id, at=simulator.clock.now())
    # The run that sent it is alive, awaiting the answer.
    with held_in_another_process(path, campaign_id), Journal(path) as journal:
        assert journal.recovered_batches == 0
        assert journal.batch(first.id).state == BatchState.IN_FLIGHT
        assert journal.info(campaign_id).state == CampaignState.RUNNING
    with Journal(path) as journal:  # now it really was a crash
        assert journal.recovered_batches == 1
        assert journal.batch(first.id).state == BatchState.UNKNOWN
        assert journal.info(campaign_id).state == CampaignState.INTERRUPTED
