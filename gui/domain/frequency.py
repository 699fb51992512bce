"""The frequency cap (发送频率上限（防骚扰）): at most N Marketing SMS per number per day and M per 7 days."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

# Defaults from the research notes (wechat-api-notes §2.5): Tencent's current default lets one number receive 2 SMS
# per calendar day (the carriers allow 3 Marketing SMS a day). The notes give no weekly figure: 6 per 7 days is a
# product choice — at most three days in a week at that daily maximum.
DEFAULT_PER_DAY = 2
DEFAULT_PER_WEEK = 6
WEEK_DAYS = 7


class FrequencyCap(NamedTuple):
    """0 switches a limit off. Days are Beijing calendar days; the week is today and the 6 days before it."""

    per_day: int = DEFAULT_PER_DAY
    per_week: int = DEFAULT_PER_WEEK

    @property
    def enabled(self) -> bool:
        return self.per_day > 0 or self.per_week > 0

    def first_day(self, today: date) -> date:
        return today - timedelta(days=WEEK_DAYS - 1)


class CapHit(NamedTuple):
    """One number one more Marketing SMS would take over the cap, and the rule that says so."""

    number: str
    today: int
    week: int
    rule_zh: str
    rule_en: str


def over_cap(
    numbers: Iterable[str], history: Mapping[str, Sequence[date]], today: date, cap: FrequencyCap
) -> dict[str, CapHit]:
    """The numbers among `numbers` that may not get another Marketing SMS today, given the days each was sent one."""
    if not cap.enabled:
        return {}
    first = cap.first_day(today)
    hits: dict[str, CapHit] = {}
    for number in numbers:
        days = history.get(number)
        if not days:
            continue
        on_today = sum(1 for d in days if d == today)
        in_week = sum(1 for d in days if first <= d <= today)
        if cap.per_day and on_today >= cap.per_day:
            hits[number] = CapHit(
                number, on_today, in_week,
                f"今天已收到 {on_today} 条营销短信，达到每天最多 {cap.per_day} 条的发送频率上限（防骚扰）",
                f"already received {on_today} Marketing SMS today; the frequency cap is {cap.per_day} per day",
            )
        elif cap.per_week and in_week >= cap.per_week:
            hits[number] = CapHit(
                number, on_today, in_week,
                f"近 7 天已收到 {in_week} 条营销短信，达到每 7 天最多 {cap.per_week} 条的发送频率上限（防骚扰）",
                f"already received {in_week} Marketing SMS in the last 7 days; the frequency cap is "
                f"{cap.per_week} per 7 days",
            )
    return hits
