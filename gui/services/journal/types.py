"""The journal's vocabulary: campaign, batch and per-number states, and the rows it hands out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CampaignState(StrEnum):
    """Where a campaign stands; every state but `done` can be resumed."""

    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    INTERRUPTED = "interrupted"  # the window closed, the network gave out, a crash: resume continues
    CANCELLED = "cancelled"  # the user pressed 取消 (or Ctrl-C): resume continues
    HELD = "held"  # Marketing outside the send window: resume after it opens
    STOPPED = "stopped"  # a whole-request failure the user must fix (config, quota, IP whitelist…)
    DONE = "done"


class BatchState(StrEnum):
    PLANNED = "planned"
    IN_FLIGHT = "in_flight"  # committed before the request leaves
    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the request may or may not have been accepted
    RESOLVED = "resolved"  # an unknown batch whose numbers were all reconciled or moved to a new batch


class NumberStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    FAILED = "failed"
    RETRY_LATER = "retry_later"
    UNKNOWN = "unknown"
    RECONCILING = "reconciling"
    SUPPRESSED = "suppressed"


class DeliveryStatus(StrEnum):
    DELIVERED = "delivered"
    NOT_DELIVERED = "not_delivered"


# Glossary words (shared/reference/glossary.md) for what users see.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    NumberStatus.PENDING: ("待发送", "Pending"),
    NumberStatus.ACCEPTED: ("已提交", "Accepted"),
    NumberStatus.FAILED: ("发送失败", "Failed"),
    NumberStatus.RETRY_LATER: ("可稍后重试", "Retry later"),
    NumberStatus.UNKNOWN: ("结果未知", "Outcome unknown"),
    NumberStatus.RECONCILING: ("核对中", "Reconciling"),
    NumberStatus.SUPPRESSED: ("退订名单（未发送）", "Suppression list (not sent)"),
    DeliveryStatus.DELIVERED: ("已送达", "Delivered"),
    DeliveryStatus.NOT_DELIVERED: ("未送达", "Not delivered"),
}

STATE_LABELS: dict[str, tuple[str, str]] = {
    CampaignState.PLANNED: ("未开始", "Not started"),
    CampaignState.RUNNING: ("发送中", "Sending"),
    CampaignState.PAUSED: ("已暂停", "Paused"),
    CampaignState.INTERRUPTED: ("已中断", "Interrupted"),
    CampaignState.HELD: ("等待发送时段", "Waiting for the send window"),
    CampaignState.STOPPED: ("已停止", "Stopped"),
    CampaignState.CANCELLED: ("已取消", "Cancelled"),
    CampaignState.DONE: ("已完成", "Done"),
}
# A finished campaign says how it went: 0 accepted of 4 is not "done" to the person who paid for it.
DONE_LABELS = {
    "all_ok": ("全部成功", "All accepted"),
    "some_failed": ("部分失败", "Some failed"),
    "all_failed": ("全部失败", "All failed"),
}

FINAL_STATUSES = frozenset(
    {NumberStatus.ACCEPTED, NumberStatus.FAILED, NumberStatus.RETRY_LATER, NumberStatus.SUPPRESSED}
)
FAILED_STATUSES = frozenset({NumberStatus.FAILED, NumberStatus.RETRY_LATER})


def status_label(status: str, language: str = "zh") -> str:
    zh, en = STATUS_LABELS.get(status, (status, status))
    return zh if language == "zh" else en


def state_label(state: str, language: str = "zh", counts: dict[str, int] | None = None) -> str:
    """The campaign state in words; with `counts`, a finished campaign reads 全部成功 / 部分失败 / 全部失败."""
    zh, en = STATE_LABELS.get(state, (state, state))
    if state == CampaignState.DONE and counts is not None:
        zh, en = DONE_LABELS[done_outcome(counts)]
    return zh if language == "zh" else en


def done_outcome(counts: dict[str, int]) -> str:
    """How a finished campaign went, from its numbers (suppressed numbers were never sent and do not count)."""
    failed = sum(counts.get(status, 0) for status in FAILED_STATUSES)
    accepted = counts.get(NumberStatus.ACCEPTED, 0)
    if failed and not accepted:
        return "all_failed"
    return "some_failed" if failed else "all_ok"


@dataclass(frozen=True, slots=True)
class NumberUpdate:
    """A change to one number's result, as the runner reports it and the journal stores it."""

    row: int
    number: str
    status: str
    code: str = ""
    message_zh: str = ""
    advice_zh: str = ""
    serial_no: str = ""
    submit_time: str = ""
    parts: int | None = None
    message_en: str = ""
    advice_en: str = ""
    platform_message: str = ""


@dataclass(frozen=True)
class NumberRow:
    """One recipient's stored result."""

    campaign_id: int
    number: str
    row: int
    batch_id: int | None
    status: str
    code: str
    platform_message: str
    message_zh: str
    message_en: str
    advice_zh: str
    advice_en: str
    serial_no: str
    submit_time: str
    parts: int | None
    delivery_status: str
    delivery_time: str
    fee: int | None


@dataclass(frozen=True)
class SkippedRow:
    """A row of the recipients file left out: `invalid` (with why) or `duplicate` (of `first_row`)."""

    row: int
    kind: str  # "invalid" or "duplicate"
    value: str  # the cell as it was (invalid) or the number it repeats (duplicate)
    first_row: int | None = None
    reason: str = ""  # a PhoneProblem code, for invalid rows
    message_zh: str = ""
    message_en: str = ""


@dataclass(frozen=True)
class BatchRow:
    id: int
    campaign_id: int
    seq: int
    params: tuple[str, ...]
    segments: int
    state: str
    attempts: int
    started_at: str
    finished_at: str
    errcode: int | None
    errmsg: str
    outcome: str
    origin: str  # "plan", "resend" (after reconciliation) or "retry" (retry failed)


@dataclass(frozen=True)
class RecipientsSource:
    """Where the recipients came from, so results can be written back into a copy of the file."""

    file: str = ""
    sheet: str | None = None
    header_row: int | None = None
    phone_column: str = ""


@dataclass(frozen=True)
class CampaignInfo:
    """A campaign as the history list and `sms-composer campaigns` show it."""

    id: int
    name: str
    sms_type: str
    created_at: str
    updated_at: str
    state: str
    message_zh: str
    message_en: str
    recipients: int
    total_parts: int
    estimate_yuan: str
    price_per_part: str
    source: RecipientsSource
    counts: dict[str, int] = field(default_factory=dict)
    batches_total: int = 0
    batches_open: int = 0

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "sms_type": self.sms_type,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "state": self.state,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "recipients": self.recipients,
            "total_parts": self.total_parts,
            "estimate_yuan": self.estimate_yuan,
            "recipients_file": self.source.file,
            "counts": dict(self.counts),
            "batches_total": self.batches_total,
            "batches_open": self.batches_open,
        }
