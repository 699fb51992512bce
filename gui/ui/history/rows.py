"""发送记录's campaign list as table rows: pure data, built on the pool."""

from __future__ import annotations

from typing import Any

from gui.domain.statuses import NumberStatus


def campaign_rows(infos: list[Any], language: str) -> tuple[list[Any], list[tuple], list[int]]:
    """The campaigns newest first, the table's rows and their IDs (pure data: built on the pool)."""
    ordered = sorted(infos, key=lambda i: i.id, reverse=True)
    rows = []
    for info in ordered:
        counts = info.counts
        failed = counts.get(NumberStatus.FAILED, 0) + counts.get(NumberStatus.RETRY_LATER, 0)
        unknown = counts.get(NumberStatus.UNKNOWN, 0) + counts.get(NumberStatus.RECONCILING, 0)
        rows.append((info.id, info.name, info.created_at[:16], info.state_text(language),  # 已预约 with its time
                     info.recipients, counts.get(NumberStatus.ACCEPTED, 0), failed, unknown))
    return ordered, rows, [info.id for info in ordered]
