"""The send journal: campaigns, batches and per-number results in SQLite, written before and after each request."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from gui.domain.campaign import Campaign
from gui.domain.clock import format_timestamp
from gui.domain.plan import Plan
from gui.domain.recipients import Recipient
from gui.domain.statuses import BatchState, CampaignState, NumberStatus
from gui.services.config.paths import database_path
from gui.services.journal import database
from gui.services.journal.billing import BillingQueries
from gui.services.journal.frequency import FrequencyQueries
from gui.services.journal.maintenance import Maintenance
from gui.services.journal.numbers import NumberQueries
from gui.services.journal.repeats import RepeatQueries
from gui.services.journal.schedules import ScheduleQueries
from gui.services.journal.schema import (
    BATCH_COLUMNS,
    OPEN_BATCH_STATES,
    SCHEMA,
    add_missing_columns,
    batch_row,
    source_json,
)
from gui.services.journal.types import BatchRow, CampaignInfo, NumberUpdate, RecipientsSource

__all__ = ["Journal"]


class Journal(Maintenance, NumberQueries, RepeatQueries, ScheduleQueries, FrequencyQueries, BillingQueries):
    """One connection to the app database; safe to share between the window's threads (calls are serialised).

    Opening it recovers from a crash: every batch left `in_flight` becomes `unknown` (its request may have been
    accepted), and numbers left `reconciling` go back to `unknown`. Never holds the AppSecret or tokens.
    """

    def __init__(self, path: Path | None = None, *, recover: bool = True) -> None:
        self.path = Path(path) if path else database_path()
        self._lock = threading.RLock()
        self._db = database.connect(self.path, autocommit=True, any_thread=True)
        # FULL: a batch marked in_flight must survive a power cut too, or it could be sent twice.
        self._db.execute("PRAGMA synchronous=FULL")
        # Checkpoints run after batch outcomes (on the runner's writer thread), not inside the commit
        # that marks the next batch in_flight just before its request leaves.
        self._db.execute("PRAGMA wal_autocheckpoint=0")
        self._db.executescript(SCHEMA)
        add_missing_columns(self._db)
        self.recovered_batches = self.recover() if recover else 0

    def close(self) -> None:
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.OperationalError:
                pass  # a full disk: the WAL keeps every commit, and the next open checkpoints it
            finally:
                self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                # SQLite has already rolled back after some failures (a full disk): rolling back again would
                # replace the real error with "cannot rollback - no transaction is active".
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # -- campaigns ------------------------------------------------------------------------------------

    def create_campaign(
        self,
        campaign: Campaign,
        plan: Plan,
        *,
        created_at: datetime,
        source: RecipientsSource | None = None,
        suppressed: Iterable[Recipient] = (),
        fingerprint: str = "",
        guard: Callable[[], None] | None = None,
    ) -> int:
        """Store a campaign with its planned batches and every recipient (`pending`, or `suppressed`).

        `guard` runs inside the write transaction, before anything is stored: it may raise to refuse (the repeat
        guard), and no other window or command can store a campaign between its check and this insert.
        """
        now = format_timestamp(created_at)
        with self._transaction() as db:
            if guard is not None:
                guard()
            cursor = db.execute(
                "INSERT INTO journal_campaigns (name, sms_type, campaign_json, created_at, updated_at, state, "
                "source_json, recipients, total_parts, estimate_yuan, price_per_part, fingerprint) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    campaign.name,
                    campaign.sms_type.value,
                    json.dumps(campaign.to_json(), ensure_ascii=False),
                    now,
                    now,
                    CampaignState.PLANNED,
                    json.dumps(source_json(source or RecipientsSource()), ensure_ascii=False),
                    plan.recipients,
                    plan.total_parts,
                    str(plan.estimate_yuan),
                    str(plan.price_per_part),
                    fingerprint,
                ),
            )
            campaign_id = int(cursor.lastrowid or 0)
            # A plain str: sqlite3 binds a str subclass (the StrEnum) through its adapter lookup, about 0.6 µs
            # more per row; a million rows are stored here.
            pending = str(NumberStatus.PENDING)
            for batch in plan.batches:
                batch_id = self._insert_batch(
                    db, campaign_id, batch.index, batch.params, batch.rendered.parts, text=batch.rendered.text
                )
                db.executemany(
                    "INSERT INTO journal_recipients (campaign_id, number, row, batch_id, status) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (campaign_id, number, row, batch_id, pending)
                        for number, row in zip(batch.numbers, batch.rows, strict=True)
                    ],
                )
            db.executemany(
                "INSERT OR IGNORE INTO journal_recipients (campaign_id, number, row, batch_id, status) "
                "VALUES (?, ?, ?, NULL, ?)",
                [(campaign_id, r.number, r.row, NumberStatus.SUPPRESSED) for r in suppressed],
            )
        return campaign_id

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
        cursor = db.execute(
            "INSERT INTO journal_batches (campaign_id, seq, params_json, parts, state, origin, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (campaign_id, seq, json.dumps(list(params), ensure_ascii=False), parts, BatchState.PLANNED, origin,
             text),
        )
        return int(cursor.lastrowid or 0)

    def campaign(self, campaign_id: int) -> Campaign:
        rows = self._query("SELECT campaign_json FROM journal_campaigns WHERE id = ?", (campaign_id,))
        if not rows:
            raise KeyError(campaign_id)
        return Campaign.from_json(json.loads(rows[0][0]), validate=False)

    def has_campaign(self, campaign_id: int) -> bool:
        return bool(self._query("SELECT 1 FROM journal_campaigns WHERE id = ?", (campaign_id,)))

    def info(self, campaign_id: int) -> CampaignInfo:
        infos = self._infos("WHERE c.id = ?", (campaign_id,))
        if not infos:
            raise KeyError(campaign_id)
        return infos[0]

    def campaigns(self) -> list[CampaignInfo]:
        """Every campaign, newest first."""
        return self._infos("", ())

    def last_campaign_id(self) -> int | None:
        rows = self._query("SELECT MAX(id) FROM journal_campaigns")
        return rows[0][0] if rows and rows[0][0] is not None else None

    def _infos(self, where: str, params: Sequence[object]) -> list[CampaignInfo]:
        rows = self._query(
            "SELECT c.id, c.name, c.sms_type, c.created_at, c.updated_at, c.state, c.message_zh, c.message_en, "
            "c.recipients, c.total_parts, c.estimate_yuan, c.price_per_part, c.source_json, "
            "(SELECT COUNT(*) FROM journal_batches b WHERE b.campaign_id = c.id), "
            "(SELECT COUNT(*) FROM journal_batches b WHERE b.campaign_id = c.id AND b.state IN (?, ?, ?)), "
            "c.scheduled_at "
            f"FROM journal_campaigns c {where} ORDER BY c.id DESC",
            (*OPEN_BATCH_STATES, *params),
        )
        infos = []
        for row in rows:
            source = json.loads(row[12] or "{}")
            infos.append(
                CampaignInfo(
                    id=row[0],
                    name=row[1],
                    sms_type=row[2],
                    created_at=row[3],
                    updated_at=row[4],
                    state=CampaignState(row[5]),
                    message_zh=row[6],
                    message_en=row[7],
                    recipients=row[8],
                    total_parts=row[9],
                    estimate_yuan=row[10],
                    price_per_part=row[11],
                    source=RecipientsSource(
                        file=source.get("file", ""),
                        sheet=source.get("sheet"),
                        header_row=source.get("header_row"),
                        phone_column=source.get("phone_column", ""),
                    ),
                    counts=self.counts(row[0]),
                    batches_total=row[13],
                    batches_open=row[14],
                    scheduled_at=row[15],
                )
            )
        return infos

    def set_state(
        self, campaign_id: int, state: CampaignState, *, at: datetime, message_zh: str = "", message_en: str = ""
    ) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE journal_campaigns SET state = ?, message_zh = ?, message_en = ?, updated_at = ? WHERE id = ?",
                (state, message_zh, message_en, format_timestamp(at), campaign_id),
            )

    def counts(self, campaign_id: int) -> dict[str, int]:
        """How many numbers are in each status."""
        rows = self._query(
            "SELECT status, COUNT(*) FROM journal_recipients WHERE campaign_id = ? GROUP BY status", (campaign_id,)
        )
        return {status: count for status, count in rows}

    # -- batches --------------------------------------------------------------------------------------

    def batches(self, campaign_id: int, states: Iterable[str] | None = None) -> list[BatchRow]:
        """The campaign's batches in sending order, optionally only those in `states`."""
        sql = f"SELECT {BATCH_COLUMNS} FROM journal_batches WHERE campaign_id = ?"
        params: list[object] = [campaign_id]
        if states is not None:
            wanted = list(states)
            sql += f" AND state IN ({','.join('?' * len(wanted))})"
            params.extend(wanted)
        return [batch_row(row) for row in self._query(sql + " ORDER BY seq, id", params)]

    def next_planned_batch(self, campaign_id: int) -> BatchRow | None:
        rows = self._query(
            f"SELECT {BATCH_COLUMNS} FROM journal_batches WHERE campaign_id = ? AND state = ? ORDER BY seq, id LIMIT 1",
            (campaign_id, BatchState.PLANNED),
        )
        return batch_row(rows[0]) if rows else None

    def batch(self, batch_id: int) -> BatchRow:
        rows = self._query(f"SELECT {BATCH_COLUMNS} FROM journal_batches WHERE id = ?", (batch_id,))
        if not rows:
            raise KeyError(batch_id)
        return batch_row(rows[0])

    def batch_numbers(self, batch_id: int) -> list[tuple[str, int]]:
        """(number, row) of the numbers currently assigned to the batch, in row order."""
        return self._query(
            "SELECT number, row FROM journal_recipients WHERE batch_id = ? ORDER BY row, number", (batch_id,)
        )

    def mark_in_flight(self, batch_id: int, *, at: datetime) -> bool:
        """Committed before the request leaves: a crash from here on makes the batch `unknown`, never re-sent blind.

        Only a `planned` batch can be taken; False means it is no longer planned (another run took it, or it
        was already sent) and must not be sent.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE journal_batches SET state = ?, started_at = ?, attempts = attempts + 1 "
                "WHERE id = ? AND state = ?",
                (BatchState.IN_FLIGHT, format_timestamp(at), batch_id, BatchState.PLANNED),
            )
            return cursor.rowcount == 1

    def mark_planned(self, batch_id: int, *, outcome: str = "", errcode: int | None = None, errmsg: str = "") -> None:
        """The request certainly did not go through (not sent, busy): the batch may be sent again as it is."""
        with self._transaction() as db:
            db.execute(
                "UPDATE journal_batches SET state = ?, outcome = ?, errcode = ?, errmsg = ? WHERE id = ?",
                (BatchState.PLANNED, outcome, errcode, errmsg, batch_id),
            )

    def finish_batch(
        self,
        batch_id: int,
        state: BatchState,
        updates: Sequence[NumberUpdate],
        *,
        at: datetime,
        outcome: str = "",
        errcode: int | None = None,
        errmsg: str = "",
    ) -> None:
        """The batch's outcome and every number's result, in one transaction."""
        with self._transaction() as db:
            db.execute(
                "UPDATE journal_batches SET state = ?, finished_at = ?, outcome = ?, errcode = ?, errmsg = ? "
                "WHERE id = ?",
                (state, format_timestamp(at), outcome, errcode, errmsg, batch_id),
            )
            campaign_id = db.execute("SELECT campaign_id FROM journal_batches WHERE id = ?", (batch_id,)).fetchone()[0]
            self._write_updates(db, campaign_id, updates)
        self.checkpoint()

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the database without waiting for readers."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def update_numbers(self, campaign_id: int, updates: Sequence[NumberUpdate]) -> None:
        with self._transaction() as db:
            self._write_updates(db, campaign_id, updates)

    @staticmethod
    def _write_updates(db: sqlite3.Connection, campaign_id: int, updates: Sequence[NumberUpdate]) -> None:
        db.executemany(
            "UPDATE journal_recipients SET status = ?, code = ?, platform_message = ?, message_zh = ?, "
            "message_en = ?, advice_zh = ?, advice_en = ?, serial_no = ?, submit_time = ?, parts = ? "
            "WHERE campaign_id = ? AND number = ?",
            [
                (
                    str(u.status),  # plain str: see create_campaign
                    u.code,
                    u.platform_message,
                    u.message_zh,
                    u.message_en,
                    u.advice_zh,
                    u.advice_en,
                    u.serial_no,
                    u.submit_time,
                    u.parts,
                    campaign_id,
                    u.number,
                )
                for u in updates
            ],
        )

    def set_status(self, campaign_id: int, numbers: Iterable[str], status: NumberStatus) -> None:
        with self._transaction() as db:
            db.executemany(
                "UPDATE journal_recipients SET status = ? WHERE campaign_id = ? AND number = ?",
                [(status, campaign_id, number) for number in numbers],
            )
