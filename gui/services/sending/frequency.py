"""The frequency cap against the journal of all campaigns: who the plan leaves out, and the runner's check per batch."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from gui.domain.clock import Clock, beijing
from gui.domain.frequency import CapHit, FrequencyCap, over_cap
from gui.domain.statuses import NumberStatus
from gui.services.journal.types import NumberUpdate

if TYPE_CHECKING:
    from gui.services.journal.store import Journal

CAP_CODE = "frequency_cap"
REFRESH_SECONDS = 60.0  # while a run goes on, other campaigns' sends are re-read at most this often


def load_cap() -> FrequencyCap:
    from gui.services.config.settings import load_settings

    settings = load_settings()
    return FrequencyCap(per_day=settings.cap_per_day, per_week=settings.cap_per_week)


def history(journal: Journal, cap: FrequencyCap, today: date, *, exclude_campaign: int | None = None) -> dict[str, list[date]]:
    """number → the Beijing days it was sent a Marketing SMS within the cap's week."""
    days: dict[str, list[date]] = defaultdict(list)
    for number, day in journal.marketing_sends_since(cap.first_day(today).isoformat(),
                                                     exclude_campaign=exclude_campaign):
        days[number].append(date.fromisoformat(day))
    return days


def capped_update(hit: CapHit, row: int) -> NumberUpdate:
    return NumberUpdate(
        row=row, number=hit.number, status=NumberStatus.CAPPED, code=CAP_CODE,
        message_zh=f"没有发送：{hit.rule_zh}。", message_en=f"Not sent: {hit.rule_en}.",
        advice_zh="过几天再发，或在 设置 中调整发送频率上限。",
        advice_en="Send again in a few days, or change the frequency cap in Settings.",
    )


class FrequencyGuard:
    """Checks one Marketing campaign's batches against the cap just before each is sent (the runner's `exclude`).

    Numbers over the cap leave their batch as 超过发送频率上限（未发送）, with the rule, and are not sent;
    a campaign held for days, or resumed later, is judged by the sends of that later day.
    """

    def __init__(self, journal: Journal, campaign_id: int, cap: FrequencyCap, clock: Clock) -> None:
        self.journal = journal
        self.campaign_id = campaign_id
        self.cap = cap
        self.clock = clock
        self._loaded_at: datetime | None = None
        self._history: dict[str, list[date]] = {}
        self._today: date | None = None

    def _fresh(self) -> tuple[dict[str, list[date]], date]:
        now = self.clock.now()
        today = beijing(now).date()
        if (self._loaded_at is None or today != self._today
                or (now - self._loaded_at).total_seconds() > REFRESH_SECONDS):
            self._history = history(self.journal, self.cap, today, exclude_campaign=self.campaign_id)
            self._loaded_at, self._today = now, today
        return self._history, today

    def __call__(self, members: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """The members that may be sent; the others are written to the journal as left out."""
        days, today = self._fresh()
        hits = over_cap((number for number, _row in members), days, today, self.cap)
        if not hits:
            return members
        self.journal.leave_out(self.campaign_id, [capped_update(hits[n], row) for n, row in members if n in hits])
        return [(number, row) for number, row in members if number not in hits]


def plan_exclusions(journal: Journal, numbers: Iterable[str], cap: FrequencyCap, now: datetime) -> dict[str, CapHit]:
    """For the pre-send summary: the numbers the cap would leave out if the campaign were sent now."""
    today = beijing(now).date()
    return over_cap(numbers, history(journal, cap, today), today, cap)
