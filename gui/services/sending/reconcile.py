"""Reconciliation (核对): ask the platform's records what became of numbers whose outcome is unknown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from gui.domain.campaign import Campaign
from gui.domain.chunks import STEP, SetInParts
from gui.domain.clock import parse_timestamp
from gui.domain.statuses import NumberStatus
from gui.services.api.types import ApiError, SmsRecord
from gui.services.journal.store import Journal
from gui.services.journal.types import NumberUpdate

# Below this many numbers, one query per number is cheaper than paging through the whole day's records.
PER_NUMBER_QUERY_LIMIT = 20


class RecordSource(Protocol):
    def describe_sms_records(
        self,
        env: str,
        start: date,
        end: date,
        *,
        mobile: str | None = None,
        query_id: str | None = None,
        page_size: int = 100,
    ) -> list[SmsRecord]: ...


@dataclass
class ReconcileResult:
    """What one reconciliation found: numbers now known accepted, and those still without a record."""

    accepted: list[NumberUpdate] = field(default_factory=list)
    still_unknown: list[NumberUpdate] = field(default_factory=list)
    resendable: list[str] = field(default_factory=list)  # no record and the settle delay has passed
    next_settle: datetime | None = None  # when the next still-unknown number becomes resendable
    error: ApiError | None = None


def record_belongs(record: SmsRecord, campaign: Campaign, since: datetime) -> bool:
    """Whether a platform record is this campaign's send: made after `since`, and (Marketing) with its content."""
    created = parse_timestamp(record.create_time)
    if created is None or created < since:
        return False
    # Marketing records carry the custom content verbatim; use it to ignore other campaigns' sends.
    return not (campaign.is_marketing and record.content and campaign.content not in record.content)


def fetch_records(
    client: RecordSource, env: str, numbers: Sequence[str], start: date, end: date, *, page_size: int = 100
) -> dict[str, list[SmsRecord]]:
    """The records of `numbers` between two dates, by number."""
    found: dict[str, list[SmsRecord]] = {}
    if len(numbers) <= PER_NUMBER_QUERY_LIMIT:
        for number in numbers:
            for record in client.describe_sms_records(env, start, end, mobile=number, page_size=page_size):
                found.setdefault(record.mobile, []).append(record)
    else:
        # In parts, a slice at a time: one set of a million numbers is built and freed in single calls that hold
        # the GIL (~100 ms each), a freeze of the window that fetches the receipts of a large campaign.
        wanted = SetInParts()
        for first in range(0, len(numbers), STEP):
            wanted.update(numbers[first:first + STEP])
        for record in client.describe_sms_records(env, start, end, page_size=page_size):
            if record.mobile in wanted:
                found.setdefault(record.mobile, []).append(record)
    return found


def reconcile(
    journal: Journal,
    client: RecordSource,
    campaign_id: int,
    campaign: Campaign,
    *,
    now: datetime,
    settle_seconds: float,
    skew_seconds: float = 5.0,
    page_size: int = 100,
) -> ReconcileResult:
    """Check every unknown number against the records since its batch left.

    A number with a record is accepted; one without stays unknown, and becomes resendable once
    `settle_seconds` have passed since its batch started (records can lag behind the send).
    """
    unknown = journal.unknown_numbers(campaign_id)
    result = ReconcileResult()
    if not unknown:
        return result
    numbers = [number for number, _row, _batch, _started in unknown]
    journal.set_status(campaign_id, numbers, NumberStatus.RECONCILING)
    starts = {number: _started(started_at, now) for number, _row, _batch, started_at in unknown}
    first = min(starts.values())
    try:
        records = fetch_records(client, campaign.env, numbers, first.date(), now.date(), page_size=page_size)
    except ApiError as error:
        journal.set_status(campaign_id, numbers, NumberStatus.UNKNOWN)
        result.error = error
        return result
    settle = timedelta(seconds=settle_seconds)
    skew = timedelta(seconds=skew_seconds)
    for number, row, _batch, _started_at in unknown:
        started = starts[number]
        matching = [r for r in records.get(number, ()) if record_belongs(r, campaign, started - skew)]
        if matching:
            record = min(matching, key=lambda r: r.create_time)
            result.accepted.append(
                NumberUpdate(
                    row=row,
                    number=number,
                    status=NumberStatus.ACCEPTED,
                    code="Ok",
                    message_zh="核对平台发送记录：已提交。",
                    message_en="Checked against the platform's records: accepted.",
                    submit_time=record.create_time,
                    parts=record.fee or None,
                    platform_message="reconciled",
                )
            )
            continue
        result.still_unknown.append(
            NumberUpdate(
                row=row,
                number=number,
                status=NumberStatus.UNKNOWN,
                message_zh="平台发送记录里暂时没有这个号码。",
                message_en="The platform's records do not show this number yet.",
                advice_zh="继续发送时会先再次核对，确认没有发出后才会重发。",
                advice_en="Resuming checks the records again and re-sends only numbers that were not sent.",
            )
        )
        ready_at = started + settle
        if now >= ready_at:
            result.resendable.append(number)
        elif result.next_settle is None or ready_at < result.next_settle:
            result.next_settle = ready_at
    journal.update_numbers(campaign_id, [*result.accepted, *result.still_unknown])
    journal.resolve_batches(campaign_id)
    return result


def _started(started_at: str, now: datetime) -> datetime:
    # Never started: nothing can be in the records before now.
    return parse_timestamp(started_at) or now
