"""The journal's billed parts (计费条数): per day for the resource-pack ledger, per campaign and day for the limits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gui.domain.statuses import NumberStatus

# A number whose outcome is unknown may have been billed: the limits count it, as the platform might have.
_MAYBE = (NumberStatus.UNKNOWN, NumberStatus.RECONCILING)


class BillingQueries:
    """Mixed into `Journal`, which provides `_query`."""

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def billed_by_day(self) -> list[tuple[str, int, int]]:
        """('YYYY-MM-DD', billed parts, how many of them the platform's Fee confirmed) per day, all campaigns.

        A number's parts are its record's Fee when receipts were fetched, else the estimate made when sending.
        """
        return [
            (day, int(parts or 0), int(known or 0))
            for day, parts, known in self._query(
                "SELECT substr(submit_time, 1, 10), SUM(COALESCE(fee, parts, 0)), SUM(CASE WHEN fee IS NULL "
                "THEN 0 ELSE fee END) FROM journal_recipients WHERE status = ? AND submit_time != '' GROUP BY 1",
                (NumberStatus.ACCEPTED,),
            )
        ]

    def parts_spent(self, *, campaign_id: int | None = None, day: str | None = None) -> int:
        """Parts billed or maybe billed: by one campaign, or on one day ('YYYY-MM-DD') across all campaigns."""
        where: list[str] = []
        params: list[object] = []
        if campaign_id is not None:
            where.append("r.campaign_id = ?")
            params.append(campaign_id)
        if day is not None:
            where.append("substr(CASE WHEN r.submit_time != '' THEN r.submit_time ELSE b.started_at END, 1, 10) = ?")
            params.append(day)
        rows = self._query(
            "SELECT SUM(CASE WHEN r.status = ? THEN COALESCE(r.fee, r.parts, b.parts, 0) ELSE b.parts END) "
            "FROM journal_recipients r LEFT JOIN journal_batches b ON b.id = r.batch_id "
            f"WHERE r.status IN (?, ?, ?) AND {' AND '.join(where) or '1'}",
            (NumberStatus.ACCEPTED, NumberStatus.ACCEPTED, *_MAYBE, *params),
        )
        return int(rows[0][0] or 0)
