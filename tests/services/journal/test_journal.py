"""The journal on a real SQLite file: WAL, crash recovery, no secrets, suppressed rows, history."""

from __future__ import annotations

import sqlite3

from gui.domain.plan import plan_campaign
from gui.domain.screening import screen_recipients
from gui.domain.statuses import BatchState, CampaignState, NumberStatus
from gui.services.journal.store import Journal
from gui.services.journal.types import RecipientsSource
from gui.services.sending.runner import CampaignRunner
from gui.services.simulator import DEFAULT_SECRET
from tests.services.sending.conftest import marketing, recipients


def test_journal_is_wal_and_stores_campaign_recipients_and_batches(tmp_path, simulator):
    path = tmp_path / "j.db"
    people = recipients(5)
    plan = plan_campaign(marketing(), screen_recipients(people, suppressed={people[1].number}), batch_size=2)
    with Journal(path) as journal:
        campaign_id = journal.create_campaign(
            marketing(), plan, created_at=simulator.clock.now(), source=RecipientsSource(file="r.xlsx", sheet="名单"),
            suppressed=plan.suppressed,
        )
        info = journal.info(campaign_id)
        assert info.state == CampaignState.PLANNED and info.recipients == 4 and info.batches_total == 2
        assert info.source.file == "r.xlsx" and info.source.sheet == "名单"
        assert info.counts == {NumberStatus.PENDING: 4, NumberStatus.SUPPRESSED: 1}
        assert journal.campaign(campaign_id) == marketing()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_after_a_crash_marks_in_flight_unknown(tmp_path, simulator):
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        campaign_id = journal.create_campaign(
            marketing(), plan_campaign(marketing(), recipients(4), batch_size=2), created_at=simulator.clock.now()
        )
        first, _second = journal.batches(campaign_id)
        journal.set_state(campaign_id, CampaignState.RUNNING, at=simulator.clock.now())
        journal.mark_in_flight(first.id, at=simulator.clock.now())
    with Journal(path) as journal:
        assert journal.recovered_batches == 1
        assert [b.state for b in journal.batches(campaign_id)] == [BatchState.UNKNOWN, BatchState.PLANNED]
        assert journal.counts(campaign_id) == {NumberStatus.UNKNOWN: 2, NumberStatus.PENDING: 2}
        assert journal.info(campaign_id).state == CampaignState.INTERRUPTED
    with Journal(path) as journal:
        assert journal.recovered_batches == 0


def test_recovery_returns_numbers_left_mid_reconciliation_to_unknown_and_touches_no_other_campaign(
        tmp_path, simulator):
    path = tmp_path / "j.db"
    now = simulator.clock.now()
    with Journal(path) as journal:
        crashed, other = (journal.create_campaign(marketing(), plan_campaign(marketing(), recipients(6, start), batch_size=2),
                                                  created_at=now) for start in (0, 100))
        first, second, _third = journal.batches(crashed)
        journal.mark_in_flight(first.id, at=now)
        journal.mark_in_flight(second.id, at=now)
        assert journal.recover_campaign(crashed) == 2  # both batches unknown, their four numbers too
        reconciling = [number for number, _row in journal.batch_numbers(first.id)]
        journal.set_status(crashed, reconciling, NumberStatus.RECONCILING)  # a crash while checking the records
        journal.set_status(other, [n for n, _row in journal.batch_numbers(journal.batches(other)[0].id)],
                           NumberStatus.RECONCILING)  # another campaign's check, still under way
        assert journal.recover_campaign(crashed) == 0
        assert journal.counts(crashed) == {NumberStatus.UNKNOWN: 4, NumberStatus.PENDING: 2}
        assert journal.counts(other) == {NumberStatus.RECONCILING: 2, NumberStatus.PENDING: 4}


def test_only_a_planned_batch_can_be_taken_in_flight(tmp_path, simulator):
    path = tmp_path / "j.db"
    with Journal(path) as journal, Journal(path, recover=False) as other_process:
        campaign_id = journal.create_campaign(
            marketing(), plan_campaign(marketing(), recipients(4), batch_size=2), created_at=simulator.clock.now()
        )
        first, second = journal.batches(campaign_id)
        assert journal.mark_in_flight(first.id, at=simulator.clock.now()) is True
        # Another run read the same batch as planned a moment earlier: it must not be allowed to send it.
        assert other_process.mark_in_flight(first.id, at=simulator.clock.now()) is False
        journal.finish_batch(first.id, BatchState.DONE, [], at=simulator.clock.now())
        assert other_process.mark_in_flight(first.id, at=simulator.clock.now()) is False
        assert journal.batch(first.id).attempts == 1 and journal.batch(first.id).state == BatchState.DONE
        journal.mark_planned(second.id)  # a batch put back after a busy answer can be taken again
        assert other_process.mark_in_flight(second.id, at=simulator.clock.now()) is True


def test_the_journal_never_holds_the_secret_or_a_token(tmp_path, client, simulator):
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        campaign_id = journal.create_campaign(
            marketing(), plan_campaign(marketing(), recipients(20)), created_at=simulator.clock.now()
        )
        CampaignRunner(journal, client, campaign_id, clock=simulator.clock, settle_seconds=0).run()
        token = client.tokens.token()
    raw = b"".join(p.read_bytes() for p in tmp_path.rglob("j.db*") if p.is_file())
    assert DEFAULT_SECRET.encode() not in raw and token.encode() not in raw
    assert b"access_token" not in raw


def test_history_lists_newest_first(tmp_path, simulator):
    with Journal(tmp_path / "j.db") as journal:
        for name in ("一", "二"):
            journal.create_campaign(
                marketing(name=name), plan_campaign(marketing(), recipients(1)), created_at=simulator.clock.now()
            )
        assert [c.name for c in journal.campaigns()] == ["二", "一"]
        assert journal.last_campaign_id() == 2


def test_number_pages_give_the_same_rows_in_the_same_order_while_the_shared_connection_writes(tmp_path, simulator):
    """Read a page at a time through a connection of its own; a write transaction open on the shared one (the
    runner's) neither blocks the read nor shows through half-done."""
    people = recipients(23)
    plan = plan_campaign(marketing(), screen_recipients(people, suppressed={people[4].number}), batch_size=5)
    with Journal(tmp_path / "日志 j.db") as journal:
        campaign_id = journal.create_campaign(marketing(), plan, created_at=simulator.clock.now(),
                                              suppressed=plan.suppressed)
        whole = journal.numbers(campaign_id)
        with journal._transaction() as db:
            db.execute("UPDATE journal_recipients SET status = 'accepted' WHERE campaign_id = ?", (campaign_id,))
            pages = list(journal.number_pages(campaign_id, page=4))
        assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 3]
        assert [row for page in pages for row in page] == whole
        assert [row.row for row in whole] == sorted(row.row for row in whole)
        assert journal.numbers(campaign_id)[0].status == NumberStatus.ACCEPTED
