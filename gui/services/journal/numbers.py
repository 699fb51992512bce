"""The journal's per-number reads and delivery receipts (a part of `Journal`, kept apart to stay small)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from gui.domain.statuses import BatchState, NumberStatus
from gui.services.journal.database import connect_reader
from gui.services.journal.schema import NUMBER_COLUMNS
from gui.services.journal.types import NumberRow, SkippedRow

PAGE_ROWS = 10_000


class NumberQueries:
    """Reads of the campaign's numbers; mixed into `Journal`, which provides `path`, `_query` and `_transaction`."""

    path: Path

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def numbers(self, campaign_id: int, statuses: Iterable[str] | None = None) -> list[NumberRow]:
        """The campaign's numbers in spreadsheet row order, optionally only those in `statuses`."""
        sql = f"SELECT {NUMBER_COLUMNS} FROM journal_recipients WHERE campaign_id = ?"
        params: list[object] = [campaign_id]
        if statuses is not None:
            wanted = list(statuses)
            sql += f" AND status IN ({','.join('?' * len(wanted))})"
            params.extend(wanted)
        rows: list[Any] = self._query(sql + " ORDER BY row, number", params)
        # In place: each fetched tuple is freed as its row replaces it. A second list would hold a million
        # tuples more at the peak, and freeing them in one go holds the GIL for 100 ms.
        for index, row in enumerate(rows):
            rows[index] = NumberRow(*row)
        return rows

    def number_pages(self, campaign_id: int, page: int = PAGE_ROWS) -> Iterator[list[NumberRow]]:
        """The campaign's numbers in spreadsheet row order, `page` rows at a time, read through a connection of
        its own. A million rows with their texts are ~1 GB as one list; a page at a time, the caller keeps only
        what it needs of each. The shared connection (the runner's) is not held while they are read."""
        db = connect_reader(self.path)
        try:
            cursor = db.execute(f"SELECT {NUMBER_COLUMNS} FROM journal_recipients WHERE campaign_id = ? "
                                "ORDER BY row, number", (campaign_id,))
            while found := cursor.fetchmany(page):
                yield [NumberRow(*row) for row in found]
        finally:
            db.close()

    def unknown_numbers(self, campaign_id: int) -> list[tuple[str, int, int, str]]:
        """(number, row, batch_id, batch started_at) for every number whose outcome is unknown."""
        return [
            (str(row[0]), int(row[1]), int(row[2]), str(row[3]))
            for row in self._query(
                "SELECT r.number, r.row, r.batch_id, b.started_at FROM journal_recipients r "
                "JOIN journal_batches b ON b.id = r.batch_id "
                "WHERE r.campaign_id = ? AND r.status IN (?, ?) ORDER BY b.seq, r.row",
                (campaign_id, NumberStatus.UNKNOWN, NumberStatus.RECONCILING),
            )
        ]

    def retryable_numbers(self, campaign_id: int) -> list[str]:
        """Numbers worth another try: `retry_later`, and those refused with their whole batch (not billed)."""
        return [
            number
            for (number,) in self._query(
                "SELECT r.number FROM journal_recipients r LEFT JOIN journal_batches b ON b.id = r.batch_id "
                "WHERE r.campaign_id = ? AND (r.status = ? OR (r.status = ? AND b.state = ?)) ORDER BY r.row",
                (campaign_id, NumberStatus.RETRY_LATER, NumberStatus.FAILED, BatchState.FAILED),
            )
        ]

    def first_started_at(self, campaign_id: int) -> str:
        rows = self._query(
            "SELECT MIN(started_at) FROM journal_batches WHERE campaign_id = ? AND started_at != ''", (campaign_id,)
        )
        return rows[0][0] or ""

    def record_receipts(self, campaign_id: int, receipts: Sequence[tuple[str, str, str, int | None]]) -> None:
        """(number, delivery_status, delivery_time, fee) from the platform's records."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE journal_recipients SET delivery_status = ?, delivery_time = ?, fee = ? "
                "WHERE campaign_id = ? AND number = ?",
                [(status, when, fee, campaign_id, number) for number, status, when, fee in receipts],
            )

    def skipped(self, campaign_id: int) -> list[SkippedRow]:
        """The file's invalid and duplicate rows, in row order."""
        return [
            SkippedRow(*row)
            for row in self._query(
                "SELECT row, kind, value, first_row, reason, message_zh, message_en FROM journal_skipped "
                "WHERE campaign_id = ? ORDER BY row",
                (campaign_id,),
            )
        ]

    def record_skipped(self, campaign_id: int, rows: Iterable[SkippedRow]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO journal_skipped (campaign_id, row, kind, value, first_row, reason, "
                "message_zh, message_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(campaign_id, r.row, r.kind, r.value, r.first_row, r.reason, r.message_zh, r.message_en)
                 for r in rows],
            )

    # -- the campaign report's aggregates (counted in SQLite: a campaign can hold a million numbers) -------------

    def receipt_totals(self, campaign_id: int) -> list[tuple[str, int, int, int, int]]:
        """Accepted numbers by delivery status: (status, numbers, with a record, billed parts (Fee), our parts)."""
        return [
            tuple(row)
            for row in self._query(
                "SELECT delivery_status, COUNT(*), COUNT(fee), COALESCE(SUM(fee), 0), COALESCE(SUM(parts), 0) "
                "FROM journal_recipients WHERE campaign_id = ? AND status = ? GROUP BY delivery_status",
                (campaign_id, NumberStatus.ACCEPTED),
            )
        ]

    def failed_numbers(self, campaign_id: int) -> list[tuple[str, int, str, str]]:
        """(number, row, code, platform message) of every failed or retry-later number, in row order."""
        return [
            tuple(row)
            for row in self._query(
                "SELECT number, row, code, platform_message FROM journal_recipients "
                "WHERE campaign_id = ? AND status IN (?, ?) ORDER BY row, number",
                (campaign_id, NumberStatus.FAILED, NumberStatus.RETRY_LATER),
            )
        ]

    def delivery_buckets(self, campaign_id: int, edges: Sequence[int]) -> dict[int, int]:
        """Delivered numbers by minutes from submit to receipt: bucket index (by upper `edges`) -> count."""
        cases = " ".join(f"WHEN minutes < {int(edge)} THEN {index}" for index, edge in enumerate(edges))
        rows = self._query(
            f"SELECT CASE {cases} ELSE {len(edges)} END AS bucket, COUNT(*) FROM ("
            "SELECT (julianday(delivery_time) - julianday(submit_time)) * 1440 AS minutes FROM journal_recipients "
            "WHERE campaign_id = ? AND status = ? AND delivery_status = 'delivered' "
            "AND delivery_time != '' AND submit_time != '') WHERE minutes IS NOT NULL GROUP BY bucket",
            (campaign_id, NumberStatus.ACCEPTED),
        )
        return {int(bucket): int(count) for bucket, count in rows}
