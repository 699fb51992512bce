"""The budget guard: 资源包余量 from the journal, the pre-send warning, per-campaign and per-day limits, and what
to buy when the platform says 配额不足."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from gui.domain.budget import Balance, ResourcePack, balance, packs_to_buy
from gui.domain.clock import Clock, beijing
from gui.domain.statuses import NumberStatus
from gui.services.api.types import OutcomeKind, SendOutcome
from gui.services.sending.outcomes import stopped_message

if TYPE_CHECKING:
    from gui.services.config.settings import Settings
    from gui.services.journal.store import Journal
    from gui.services.journal.types import BatchRow

Members = list[tuple[str, int]]


def ledger(journal: Journal, packs: Sequence[ResourcePack], today: date) -> Balance:
    """What is left of the packs today, charging every billed part in the journal to them."""
    usage = [(date.fromisoformat(day), parts) for day, parts, _known in journal.billed_by_day() if day]
    return balance(packs, usage, today)


def buy_text(parts: int) -> tuple[str, str]:
    count, size, price = packs_to_buy(parts)
    return (f"请在云开发控制台购买短信资源包，例如 {count} 个 {size} 条的资源包（约 ¥{price}）",
            f"Buy SMS resource packs in the CloudBase console, e.g. {count} × {size} parts (about ¥{price})")


def budget_warning(journal: Journal, settings: Settings, parts_needed: int, now: datetime) -> tuple[str, str] | None:
    """For the pre-send summary: the campaign needs more parts than the packs have left (None: fine or no packs)."""
    if not settings.packs:
        return None
    left = ledger(journal, settings.packs, beijing(now).date()).left
    if parts_needed <= left:
        return None
    zh, en = buy_text(parts_needed - left)
    return (f"这次需要 {parts_needed} 条，资源包只剩 {left} 条（按 设置 中的资源包和已发送的计费条数计算）。{zh}。",
            f"This campaign needs {parts_needed} parts but the packs have {left} left (from the packs in Settings "
            f"and the billed parts sent so far). {en}.")


class BudgetGate:
    """The runner's `gate`: stops before a batch that would take the campaign or the day over its limit.

    Limits are in billed parts (条); 0 means none. The batch stays planned, its numbers 待发送; raising the limit
    (or, for the daily one, the next day) and 继续发送 carries on.
    """

    def __init__(self, journal: Journal, campaign_id: int, clock: Clock, *, per_campaign: int = 0, per_day: int = 0):
        self.journal = journal
        self.campaign_id = campaign_id
        self.clock = clock
        self.per_campaign = per_campaign
        self.per_day = per_day

    def __call__(self, per_message: int, members: Members, flush: Callable[[], None] | None = None) -> tuple[str, str] | None:
        if flush is not None:
            flush()  # the limits count every outcome received so far
        parts = per_message * len(members)
        if self.per_campaign:
            spent = self.journal.parts_spent(campaign_id=self.campaign_id)
            if spent + parts > self.per_campaign:
                return self._stopped(spent, self.per_campaign, "这次发送", "this campaign")
        if self.per_day:
            day = beijing(self.clock.now()).date().isoformat()
            spent = self.journal.parts_spent(day=day)
            if spent + parts > self.per_day:
                return self._stopped(spent, self.per_day, "今天", "today")
        return None

    def _stopped(self, spent: int, limit: int, scope_zh: str, scope_en: str) -> tuple[str, str]:
        pending = self.journal.counts(self.campaign_id).get(NumberStatus.PENDING, 0)
        return (f"已达到{scope_zh}的计费条数上限 {limit} 条（已用 {spent} 条），已停止；还有 {pending} 个号码待发送。"
                "可在 设置 中提高上限后继续发送。",
                f"Stopped at the limit of {limit} billed parts for {scope_en} ({spent} used); {pending} numbers "
                "are still pending. Raise the limit in Settings, then continue.")


def stop_message(journal: Journal, campaign_id: int, batch: BatchRow, outcome: SendOutcome) -> tuple[str, str]:
    """Why a whole-request refusal stopped the run; for 配额不足 also how many numbers remain and what to buy."""
    base = stopped_message(outcome, campaign_id)
    if outcome.kind != OutcomeKind.QUOTA_EXHAUSTED:
        return base
    return quota_message(journal, campaign_id, batch.parts, base)


def quota_message(journal: Journal, campaign_id: int, segments: int, base: tuple[str, str]) -> tuple[str, str]:
    """配额不足: the platform's explanation, plus how many numbers are left unsent and what to buy to send them."""
    counts = journal.counts(campaign_id)
    refused = len(journal.retryable_numbers(campaign_id)) - counts.get(NumberStatus.RETRY_LATER, 0)
    remaining = counts.get(NumberStatus.PENDING, 0) + refused
    parts = remaining * max(segments, 1)
    zh, en = buy_text(parts)
    return (f"{base[0]} 还有 {remaining} 个号码没有发出（约 {parts} 条，没有计费）。{zh}，然后继续发送。",
            f"{base[1]} {remaining} numbers were not sent (about {parts} parts, not billed). {en}, then continue.")
