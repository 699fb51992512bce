"""The journal's crash recovery and re-queueing (a part of `Journal`, kept apart to stay small)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from gui.domain.statuses import BatchState, CampaignState, NumberStatus
from gui.services.sending.run_lock import RunLock


class Maintenance:
    """Mixed into `Journal`, which provides the connection, the lock, `_transaction` and `_insert_batch`."""

    path: Path
    _db: sqlite3.Connection
    _lock: threading.RLock

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    @staticmethod
    def _insert_batch(
        db: sqlite3.Connection,
        campaign_id: int,
        seq: int,
        params: Sequence[str],
        parts: int,
        origin: str = "plan",
        *,
        text: str = "",
    ) -> int:
        raise NotImplementedError

    # -- crash recovery -------------------------------------------------------------------------------

    def recover(self) -> int:
        """Mark every batch still `in_flight` as `unknown`; return how many there were.

        A campaign that another window or command is sending right now (it holds the campaign's run lock) is
        left alone: its batch in flight is not a crash, and its answer is still coming.
        """
        with self._lock:
            candidates = [
                row[0]
                for row in self._db.execute(
                    # The status as a literal, matching the partial index `journal_recipients_reconciling`.
                    "SELECT id FROM journal_campaigns WHERE state = ? "
                    "UNION SELECT campaign_id FROM journal_batches WHERE state = ? "
                    f"UNION SELECT campaign_id FROM journal_recipients WHERE status = '{NumberStatus.RECONCILING}'",
                    (CampaignState.RUNNING, BatchState.IN_FLIGHT),
                ).fetchall()
            ]
        recovered = 0
        for campaign_id in candidates:
            lock = RunLock(self.path, campaign_id)
            if not lock.acquire():
                continue
            try:
                recovered += self.recover_campaign(campaign_id)
            finally:
                lock.release()
        return recovered

    def recover_campaign(self, campaign_id: int) -> int:
        """Recovery for one campaign; only for a caller that holds its run lock (so nothing of it is in flight)."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE journal_batches SET state = ?, outcome = 'crash' WHERE campaign_id = ? AND state = ?",
                (BatchState.UNKNOWN, campaign_id, BatchState.IN_FLIGHT),
            )
            count = cursor.rowcount
            # Two updates, each through its index: one statement with OR read every row of the campaign.
            db.execute(
                "UPDATE journal_recipients INDEXED BY journal_recipients_reconciling SET status = ? "
                f"WHERE campaign_id = ? AND status = '{NumberStatus.RECONCILING}'",
                (NumberStatus.UNKNOWN, campaign_id),
            )
            db.execute(
                "UPDATE journal_recipients INDEXED BY journal_recipients_batch_rows SET status = ? WHERE batch_id IN "
                "(SELECT id FROM journal_batches WHERE campaign_id = ? AND state = ?) AND status = ?",
                (NumberStatus.UNKNOWN, campaign_id, BatchState.UNKNOWN, NumberStatus.PENDING),
            )
            db.execute(
                "UPDATE journal_campaigns SET state = ? WHERE id = ? AND state = ?",
                (CampaignState.INTERRUPTED, campaign_id, CampaignState.RUNNING),
            )
        return count

    # -- moving numbers between batches ---------------------------------------------------------------

    def resolve_batches(self, campaign_id: int) -> None:
        """Unknown batches with no unknown number left are settled."""
        with self._transaction() as db:
            db.execute(
                "UPDATE journal_batches SET state = ? WHERE campaign_id = ? AND state = ? AND id NOT IN "
                "(SELECT batch_id FROM journal_recipients WHERE campaign_id = ? AND batch_id IS NOT NULL "
                "AND status IN (?, ?))",
                (
                    BatchState.RESOLVED,
                    campaign_id,
                    BatchState.UNKNOWN,
                    campaign_id,
                    NumberStatus.UNKNOWN,
                    NumberStatus.RECONCILING,
                ),
            )

    def requeue(self, campaign_id: int, numbers: Sequence[str], *, origin: str, batch_size: int = 1000) -> list[int]:
        """Move `numbers` into new planned batches (same parameters as their current batch), as `pending`.

        One transaction: a crash leaves either the old assignment or the new one, never a number in neither.
        """
        wanted = set(numbers)
        new_ids: list[int] = []
        with self._transaction() as db:
            rows = db.execute(
                "SELECT r.number, r.row, b.params_json, b.parts, b.text FROM journal_recipients r "
                "JOIN journal_batches b ON b.id = r.batch_id WHERE r.campaign_id = ? ORDER BY b.seq, r.row",
                (campaign_id,),
            ).fetchall()
            groups: dict[tuple[str, int, str], list[str]] = {}
            for number, _row, params_json, parts, text in rows:
                if number in wanted:
                    groups.setdefault((params_json, parts, text), []).append(number)
            seq = db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM journal_batches WHERE campaign_id = ?", (campaign_id,)
            ).fetchone()[0]
            for (params_json, parts, text), members in groups.items():
                for start in range(0, len(members), batch_size):
                    seq += 1
                    batch_id = self._insert_batch(
                        db, campaign_id, seq, json.loads(params_json), parts, origin, text=text
                    )
                    new_ids.append(batch_id)
                    db.executemany(
                        "UPDATE journal_recipients SET batch_id = ?, status = ?, code = '', platform_message = '', "
                        "message_zh = '', message_en = '', advice_zh = '', advice_en = '' "
                        "WHERE campaign_id = ? AND number = ?",
                        [(batch_id, NumberStatus.PENDING, campaign_id, n) for n in members[start : start + batch_size]],
                    )
        self.resolve_batches(campaign_id)
        return new_ids
