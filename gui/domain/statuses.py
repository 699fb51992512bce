"""Campaign, batch, number and delivery statuses, their glossary labels, and counts by status as one line."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class CampaignState(StrEnum):
    """Where a campaign stands; every state but `done` can be resumed."""

    PLANNED = "planned"
    SCHEDULED = "scheduled"  # 定时发送: waits for its time (journal_campaigns.scheduled_at)
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
    CAPPED = "capped"  # left out by the frequency cap (防骚扰): not sent, not billed


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
    NumberStatus.CAPPED: ("超过发送频率上限（未发送）", "Over the frequency cap (not sent)"),
    DeliveryStatus.DELIVERED: ("已送达", "Delivered"),
    DeliveryStatus.NOT_DELIVERED: ("未送达", "Not delivered"),
}

STATE_LABELS: dict[str, tuple[str, str]] = {
    CampaignState.PLANNED: ("未开始", "Not started"),
    CampaignState.SCHEDULED: ("已预约", "Scheduled"),
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
    {NumberStatus.ACCEPTED, NumberStatus.FAILED, NumberStatus.RETRY_LATER, NumberStatus.SUPPRESSED,
     NumberStatus.CAPPED}
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

# The order counts are shown in, everywhere: window, command line, history.
STATUS_ORDER = (
    NumberStatus.ACCEPTED,
    NumberStatus.FAILED,
    NumberStatus.RETRY_LATER,
    NumberStatus.UNKNOWN,
    NumberStatus.RECONCILING,
    NumberStatus.PENDING,
    NumberStatus.SUPPRESSED,
    NumberStatus.CAPPED,
)


def counts_text(counts: Mapping[str, int], language: str = "zh", empty: str = "") -> str:
    """`已提交 18 · 发送失败 2`: the non-zero counts in STATUS_ORDER, or `empty` when there are none."""
    parts = [f"{status_label(s, language)} {counts[s]}" for s in STATUS_ORDER if counts.get(s)]
    return " · ".join(parts) or empty
