"""The campaign report (发送报告): every figure, chart segment and failure group, from the journal alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from gui.domain.statuses import CampaignState, DeliveryStatus, NumberStatus
from gui.services.api.catalogue import (
    classify_errcode,
    classify_number_code,
    explain_errcode,
    explain_number_code,
    explain_transport,
)
from gui.services.api.types import Explanation, NumberClass, OutcomeKind
from gui.services.journal.types import SkippedRow

if TYPE_CHECKING:  # the window shows reports; the journal itself opens on the pool
    from gui.services.config.settings import Settings
    from gui.services.journal.store import Journal

# What a failure group's one button does.
RETRY_NOW = "retry_now"  # the request was refused as a whole (quota, busy…): send those numbers again
RETRY_LATER = "retry_later"  # a frequency or time limit: queue them and resume at a chosen time (定时发送)
SUPPRESS = "suppress"  # the number is on the platform's blacklist: keep it on the 退订名单
SETTINGS = "settings"  # credentials, IP whitelist, environment: fix them in 设置, then retry
NO_ACTION = "none"  # the number itself is wrong: correct it in the file

_SETTINGS_KINDS = frozenset({
    OutcomeKind.CREDENTIALS_ERROR, OutcomeKind.CONFIG_ERROR, OutcomeKind.IP_NOT_WHITELISTED,
    OutcomeKind.TOKEN_ERROR, OutcomeKind.TEMPLATE_NOT_GRANTED, OutcomeKind.ADMIN_APPROVAL,
})
_TRANSPORT_KEYS = frozenset({"not_sent", "outcome_unknown", "pasted_token_expired", "bad_response"})

# Chart segments in drawing order: (key, zh, en). Together they cover every row of the recipients file.
SEGMENTS: tuple[tuple[str, str, str], ...] = (
    ("delivered", "已送达", "Delivered"),
    ("awaiting", "已提交，暂无回执", "Accepted, no receipt yet"),
    ("not_delivered", "未送达", "Not delivered"),
    ("failed_retry", "发送失败（可重试）", "Failed (can retry)"),
    ("failed_blacklisted", "发送失败（黑名单）", "Failed (blacklisted)"),
    ("failed_other", "发送失败（号码问题等）", "Failed (number and other)"),
    ("unknown", "结果未知", "Outcome unknown"),
    ("pending", "待发送", "Pending"),
    ("skipped_invalid", "跳过：无效号码", "Skipped: invalid"),
    ("skipped_duplicate", "跳过：重复号码", "Skipped: duplicate"),
    ("skipped_suppressed", "跳过：退订名单", "Skipped: suppression list"),
)
# Delivery over time: upper edges in minutes after sending (the last bucket is open-ended).
DELIVERY_EDGES: tuple[int, ...] = (1, 2, 5, 10, 30, 60)


@dataclass(frozen=True)
class FailureGroup:
    """Failed numbers sharing one code: what it means, what to do, and the one action that helps."""

    code: str
    count: int
    title_zh: str
    title_en: str
    advice_zh: str
    advice_en: str
    action: str
    numbers: tuple[str, ...]
    rows: tuple[int, ...]
    retryable: int  # of these, how many retry_failed would queue again
    on_suppression_list: int  # of these, how many are on the 退订名单 now


@dataclass(frozen=True)
class DeliveryBucket:
    """Numbers delivered between `start` and `end` minutes after their request (end None: and later)."""

    start: int
    end: int | None
    delivered: int


@dataclass(frozen=True)
class CampaignReport:
    """Everything the 报告 view, the export's 报告 sheet and `sms-composer report` show."""

    campaign_id: int
    name: str
    sms_type: str
    state: str
    created_at: str
    first_sent_at: str
    rows_in_file: int  # every row with a phone cell: the chart's whole
    recipients: int  # numbers planned to be sent to (after skipping)
    accepted: int
    delivered: int
    not_delivered: int
    awaiting_receipt: int
    failed: int
    unknown: int
    pending: int
    skipped_invalid: int
    skipped_duplicate: int
    skipped_suppressed: int
    receipts_fetched: bool
    estimated_parts: int  # the plan's estimate for every recipient
    accepted_parts: int  # our own count for the numbers the platform accepted
    billed_parts: int  # the platform's records (Fee), for numbers with a receipt
    price_per_part: str  # from 设置 (短信资源包单价)
    estimated_cost: str
    billed_cost: str
    delivery_rate: float | None  # delivered ÷ accepted, once receipts exist
    segments: tuple[tuple[str, int], ...]
    delivery: tuple[DeliveryBucket, ...]
    failures: tuple[FailureGroup, ...]
    skipped: tuple[SkippedRow, ...] = field(default=())
    counts: dict[str, int] = field(default_factory=dict)  # numbers by journal status (for the state's words)
    scheduled_at: str = ""  # 已预约: when a scheduled send or retry (稍后重试) starts, "YYYY-MM-DD HH:MM:SS" Beijing

    def segment(self, key: str) -> int:
        return dict(self.segments).get(key, 0)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["segments"] = dict(self.segments)
        for group in data["failures"]:
            group["numbers"] = list(group["numbers"])
            group["rows"] = list(group["rows"])
        data["skipped"] = [asdict(r) for r in self.skipped]
        return data


def segment_label(key: str, language: str = "zh") -> str:
    for name, zh, en in SEGMENTS:
        if name == key:
            return zh if language == "zh" else en
    return key


def campaign_report(
    journal: Journal, campaign_id: int, settings: Settings, *, suppressed: Iterable[str] = ()
) -> CampaignReport:
    """Count the campaign's results from the journal; `settings.pack_price_per_sms` prices the parts.

    `suppressed` is the 退订名单 now, so each blacklist group can say whether its numbers are on it.
    """
    info = journal.info(campaign_id)
    by_status = journal.counts(campaign_id)
    skipped = tuple(journal.skipped(campaign_id))
    on_list = frozenset(suppressed)
    retryable = frozenset(journal.retryable_numbers(campaign_id))
    receipts = {status: rest for status, *rest in journal.receipt_totals(campaign_id)}
    accepted = sum(numbers for numbers, _recorded, _fee, _parts in receipts.values())
    delivered = receipts.get(DeliveryStatus.DELIVERED, (0, 0, 0, 0))[0]
    not_delivered = receipts.get(DeliveryStatus.NOT_DELIVERED, (0, 0, 0, 0))[0]
    receipts_fetched = any(recorded for _numbers, recorded, _fee, _parts in receipts.values()) or bool(
        delivered or not_delivered)
    billed = sum(fee for _numbers, _recorded, fee, _parts in receipts.values())
    failures = _failure_groups(journal.failed_numbers(campaign_id), retryable, on_list)
    failed = sum(g.count for g in failures)
    blacklisted = sum(g.count for g in failures if g.action == SUPPRESS)
    retry = sum(g.count for g in failures if g.action in (RETRY_NOW, RETRY_LATER, SETTINGS))
    invalid = sum(r.kind == "invalid" for r in skipped)
    duplicate = sum(r.kind == "duplicate" for r in skipped)
    segments = (
        ("delivered", delivered),
        ("awaiting", accepted - delivered - not_delivered),
        ("not_delivered", not_delivered),
        ("failed_retry", retry),
        ("failed_blacklisted", blacklisted),
        ("failed_other", failed - retry - blacklisted),
        ("unknown", by_status.get(NumberStatus.UNKNOWN, 0) + by_status.get(NumberStatus.RECONCILING, 0)),
        ("pending", by_status.get(NumberStatus.PENDING, 0)),
        ("skipped_invalid", invalid),
        ("skipped_duplicate", duplicate),
        ("skipped_suppressed", by_status.get(NumberStatus.SUPPRESSED, 0)),
    )
    price = Decimal(str(settings.pack_price_per_sms))
    return CampaignReport(
        campaign_id=campaign_id,
        name=info.name,
        sms_type=info.sms_type,
        state=info.state,
        scheduled_at=info.scheduled_at if info.state == CampaignState.SCHEDULED else "",
        created_at=info.created_at,
        first_sent_at=journal.first_started_at(campaign_id),
        rows_in_file=sum(by_status.values()) + len(skipped),
        recipients=info.recipients,
        accepted=accepted,
        delivered=delivered,
        not_delivered=not_delivered,
        awaiting_receipt=accepted - delivered - not_delivered,
        failed=failed,
        unknown=dict(segments)["unknown"],
        pending=dict(segments)["pending"],
        skipped_invalid=invalid,
        skipped_duplicate=duplicate,
        skipped_suppressed=dict(segments)["skipped_suppressed"],
        receipts_fetched=receipts_fetched,
        estimated_parts=info.total_parts,
        accepted_parts=sum(parts for _numbers, _recorded, _fee, parts in receipts.values()),
        billed_parts=billed,
        price_per_part=str(price),
        estimated_cost=_yuan(info.total_parts * price),
        billed_cost=_yuan(billed * price),
        delivery_rate=(delivered / accepted) if receipts_fetched and accepted else None,
        segments=segments,
        delivery=_delivery_buckets(journal.delivery_buckets(campaign_id, DELIVERY_EDGES)) if receipts_fetched else (),
        failures=failures,
        skipped=skipped,
        counts=by_status,
    )


def _yuan(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def explain_code(code: str, platform_message: str = "") -> tuple[Explanation, str]:
    """The catalogue's explanation of a stored failure code, and the action kind that fits it."""
    if code.lstrip("-").isdigit():
        kind = classify_errcode(int(code), platform_message)
        action = SETTINGS if kind in _SETTINGS_KINDS else RETRY_NOW
        if kind == OutcomeKind.PARAMETER_ERROR:
            action = NO_ACTION
        return explain_errcode(int(code), platform_message), action
    if code in _TRANSPORT_KEYS:
        return explain_transport(code), RETRY_NOW
    number_class = classify_number_code(code)
    action = {NumberClass.BLACKLISTED: SUPPRESS, NumberClass.RETRY_LATER: RETRY_LATER}.get(number_class, NO_ACTION)
    return explain_number_code(code), action


def _failure_groups(
    failed: list[tuple[str, int, str, str]], retryable: frozenset[str], on_list: frozenset[str]
) -> tuple[FailureGroup, ...]:
    members: dict[str, list[tuple[str, int, str, str]]] = {}
    for entry in failed:
        members.setdefault(entry[2] or "unknown_code", []).append(entry)
    groups = []
    for code, group in members.items():
        explanation, action = explain_code(code, group[0][3])
        numbers = tuple(number for number, _row, _code, _message in group)
        groups.append(FailureGroup(
            code=code,
            count=len(group),
            title_zh=explanation.title_zh,
            title_en=explanation.title_en,
            advice_zh=explanation.action_zh,
            advice_en=explanation.action_en,
            action=action,
            numbers=numbers,
            rows=tuple(row for _number, row, _code, _message in group),
            retryable=sum(n in retryable for n in numbers),
            on_suppression_list=sum(n in on_list for n in numbers),
        ))
    return tuple(sorted(groups, key=lambda g: (-g.count, g.code)))


def _delivery_buckets(counts: dict[int, int]) -> tuple[DeliveryBucket, ...]:
    starts = (0, *DELIVERY_EDGES)
    ends: tuple[int | None, ...] = (*DELIVERY_EDGES, None)
    return tuple(DeliveryBucket(s, e, counts.get(i, 0)) for i, (s, e) in enumerate(zip(starts, ends, strict=True)))
