"""The journal's reads and writes for the frequency cap: past Marketing sends per number, numbers left out by it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.journal.types import NumberUpdate

# A number whose outcome is unknown may have received the SMS: it counts, as the recipient's phone would.
COUNTED = (NumberStatus.ACCEPTED, NumberStatus.UNKNOWN, NumberStatus.RECONCILING)


class FrequencyQueries:
    """Mixed into `Journal`, which provides `_query` and `_transaction`."""

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def marketing_sends_since(self, since: str, *, exclude_campaign: int | None = None) -> list[tuple[str, str]]:
        """(number, 'YYYY-MM-DD' Beijing) of every Marketing SMS sent (or maybe sent) on or after day `since`.

        Only campaigns touched since that day are read (a campaign's updated_at moves with every run).
        """
        return [
            (number, (submit or started or "")[:10])
            for number, submit, started in self._query(
                "SELECT r.number, r.submit_time, b.started_at FROM journal_campaigns c "
                "JOIN journal_recipients r ON r.campaign_id = c.id LEFT JOIN journal_batches b ON b.id = r.batch_id "
                "WHERE c.sms_type = 'Marketing' AND c.updated_at >= ? AND c.id != ? AND c.state != ? "
                f"AND r.status IN ({','.join('?' * len(COUNTED))})",
                (since, exclude_campaign or 0, CampaignState.SCHEDULED, *COUNTED),
            )
            if (submit or started or "")[:10] >= since
        ]

    def leave_out(self, campaign_id: int, updates: Sequence[NumberUpdate]) -> None:
        """Numbers taken out of their batch and not sent (frequency cap): their status and reason, no batch."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE journal_recipients SET status = ?, message_zh = ?, message_en = ?, advice_zh = ?, "
                "advice_en = ?, code = ?, batch_id = NULL WHERE campaign_id = ? AND number = ?",
                [(u.status, u.message_zh, u.message_en, u.advice_zh, u.advice_en, u.code, campaign_id, u.number)
                 for u in updates],
            )

    def add_left_out(self, campaign_id: int, updates: Sequence[NumberUpdate]) -> None:
        """Store numbers the plan left out (frequency cap) with the campaign, so they are listed and exported."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO journal_recipients (campaign_id, number, row, batch_id, status, code, "
                "message_zh, message_en, advice_zh, advice_en) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
                [(campaign_id, u.number, u.row, u.status, u.code, u.message_zh, u.message_en, u.advice_zh,
                  u.advice_en) for u in updates],
            )
