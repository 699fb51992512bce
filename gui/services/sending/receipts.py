"""Delivery receipts (送达回执): read the platform's records for a campaign and note delivered / not delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from gui.domain.clock import beijing, parse_timestamp
from gui.domain.statuses import DeliveryStatus, NumberStatus
from gui.services.api.types import SmsRecord
from gui.services.journal.store import Journal
from gui.services.sending.reconcile import RecordSource, fetch_records, record_belongs

DELIVERED_WORDS = frozenset({"sent", "success", "delivered", "ok"})
NOT_DELIVERED_WORDS = frozenset({"error", "fail", "failed", "undelivered"})
# The platform keeps records for two months.
RECORDS_KEPT_DAYS = 60


@dataclass(frozen=True)
class ReceiptSummary:
    """How many accepted numbers the records show as delivered, not delivered, or not yet known."""

    checked: int
    delivered: int
    not_delivered: int
    waiting: int
    billed_parts: int


def delivery_status(record: SmsRecord) -> str:
    word = record.status.strip().lower()
    if word in DELIVERED_WORDS:
        return DeliveryStatus.DELIVERED
    if word in NOT_DELIVERED_WORDS:
        return DeliveryStatus.NOT_DELIVERED
    return ""


def fetch_receipts(
    journal: Journal,
    client: RecordSource,
    campaign_id: int,
    *,
    now: datetime,
    page_size: int = 100,
    skew_seconds: float = 5.0,
) -> ReceiptSummary:
    """Record delivery status, receive time and billed parts (Fee) for every accepted number."""
    campaign = journal.campaign(campaign_id)
    accepted = journal.numbers(campaign_id, [NumberStatus.ACCEPTED])
    first = journal.first_started_at(campaign_id)
    if not accepted or not first:
        return ReceiptSummary(len(accepted), 0, 0, len(accepted), 0)
    since = (parse_timestamp(first) or now) - timedelta(seconds=skew_seconds)
    start = max(since.date(), (beijing(now) - timedelta(days=RECORDS_KEPT_DAYS)).date())
    records = fetch_records(
        client, campaign.env, [n.number for n in accepted], start, beijing(now).date(), page_size=page_size
    )
    receipts: list[tuple[str, str, str, int | None]] = []
    delivered = not_delivered = billed = 0
    for row in accepted:
        mine = [r for r in records.get(row.number, ()) if record_belongs(r, campaign, since)]
        if not mine:
            continue
        record = max(mine, key=lambda r: r.create_time)
        status = delivery_status(record)
        delivered += status == DeliveryStatus.DELIVERED
        not_delivered += status == DeliveryStatus.NOT_DELIVERED
        billed += record.fee
        receipts.append((row.number, status, record.received_time, record.fee))
    journal.record_receipts(campaign_id, receipts)
    return ReceiptSummary(
        checked=len(accepted),
        delivered=delivered,
        not_delivered=not_delivered,
        waiting=len(accepted) - delivered - not_delivered,
        billed_parts=billed,
    )
