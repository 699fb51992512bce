"""The journal's reads for the repeat guard: an earlier campaign with the same fingerprint, numbers already texted."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gui.domain.statuses import NumberStatus

# A number in one of these statuses got the text, or may have (its outcome is not known yet).
REACHED_STATUSES = (NumberStatus.ACCEPTED, NumberStatus.UNKNOWN, NumberStatus.RECONCILING)


@dataclass(frozen=True)
class EarlierCampaign:
    """A stored campaign the new one repeats: what the confirmation names."""

    id: int
    name: str
    created_at: str  # Beijing time, 'YYYY-MM-DD HH:MM:SS'
    recipients: int
    reached: int  # numbers accepted by the platform (or whose outcome is still unknown)


class RepeatQueries:
    """Mixed into `Journal`, which provides `_query`. Test sends are stored without a fingerprint and never count."""

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def campaign_with_fingerprint(self, fingerprint: str, since: str) -> EarlierCampaign | None:
        """The newest campaign created at or after `since` (a journal timestamp) with this fingerprint."""
        if not fingerprint:
            return None
        rows = self._query(
            "SELECT c.id, c.name, c.created_at, c.recipients, "
            f"(SELECT COUNT(*) FROM journal_recipients r WHERE r.campaign_id = c.id AND r.status IN "
            f"({','.join('?' * len(REACHED_STATUSES))})) "
            "FROM journal_campaigns c WHERE c.fingerprint = ? AND c.created_at >= ? ORDER BY c.id DESC LIMIT 1",
            (*REACHED_STATUSES, fingerprint, since),
        )
        return EarlierCampaign(*rows[0]) if rows else None

    def already_texted(
        self, numbers_by_text: Mapping[str, Container[str]], since: str
    ) -> tuple[set[tuple[str, str]], EarlierCampaign | None]:
        """(text, number) pairs that already went out since `since` (a journal timestamp), and the newest campaign."""
        if not numbers_by_text:
            return set(), None
        texts = list(numbers_by_text)
        hits: set[tuple[str, str]] = set()
        newest = 0
        for start in range(0, len(texts), 500):
            chunk = texts[start : start + 500]
            rows = self._query(
                "SELECT b.text, r.number, c.id FROM journal_campaigns c "
                "JOIN journal_batches b ON b.campaign_id = c.id "
                "JOIN journal_recipients r ON r.batch_id = b.id "
                f"WHERE c.created_at >= ? AND c.fingerprint != '' AND b.text IN ({','.join('?' * len(chunk))}) "
                f"AND r.status IN ({','.join('?' * len(REACHED_STATUSES))})",
                (since, *chunk, *REACHED_STATUSES),
            )
            for text, number, campaign_id in rows:
                if number in numbers_by_text[text]:
                    hits.add((text, number))
                    newest = max(newest, campaign_id)
        if not hits:
            return hits, None
        return hits, self._earlier(newest)

    def _earlier(self, campaign_id: int) -> EarlierCampaign:
        rows = self._query(
            "SELECT c.id, c.name, c.created_at, c.recipients, "
            f"(SELECT COUNT(*) FROM journal_recipients r WHERE r.campaign_id = c.id AND r.status IN "
            f"({','.join('?' * len(REACHED_STATUSES))})) FROM journal_campaigns c WHERE c.id = ?",
            (*REACHED_STATUSES, campaign_id),
        )
        return EarlierCampaign(*rows[0])
