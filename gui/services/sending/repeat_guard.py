"""The repeat guard: one rule, used by the window and the command line, against paying twice for the same send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from gui.domain.chunks import SetInParts
from gui.domain.clock import beijing, format_timestamp
from gui.domain.errors import UserFacingError
from gui.domain.plan import Plan, estimate
from gui.services.journal.repeats import EarlierCampaign
from gui.services.journal.store import Journal

REPEAT_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class RepeatNotice:
    """What a repeat would be: the earlier campaign, how many numbers would get the same text again, the cost.

    `same_campaign` is True when texts and numbers are exactly the earlier campaign's (within 30 days); False
    when only some numbers already got this exact text today.
    """

    earlier: EarlierCampaign
    same_campaign: bool
    numbers_again: int
    parts_again: int
    cost_again: Decimal

    def message(self, language: str = "zh") -> str:
        e = self.earlier
        when = e.created_at[:16]
        if language == "zh":
            if self.same_campaign:
                head = (f"这次发送和 {when} 的「{e.name}」完全相同：同样的短信，同样的 {e.recipients} 个号码。"
                        f"那次已发到 {e.reached} 个号码。")
            else:
                head = f"其中 {self.numbers_again} 个号码今天已经收到过完全相同的短信（{when} 的「{e.name}」）。"
            return head + (f"再发一次，这些人会再收到一遍，另外计费 {self.parts_again} 条，"
                           f"约 ¥{self.cost_again}。")
        if self.same_campaign:
            head = (f"This is exactly “{e.name}” of {when}: the same text to the same {e.recipients} numbers. "
                    f"It reached {e.reached} numbers. ")
        else:
            head = f"{self.numbers_again} of these numbers already got exactly this text today (“{e.name}”, {when}). "
        return head + (f"Sending again delivers it a second time and bills another {self.parts_again} parts, "
                       f"about ¥{self.cost_again}.")


class RepeatError(UserFacingError):
    """Refused: the campaign repeats an earlier one and the user has not chosen to send it again."""

    code = "repeat"

    def __init__(self, notice: RepeatNotice) -> None:
        super().__init__(
            notice.message("zh"),
            notice.message("en"),
            action_zh="没有发出任何短信。如果确实要再发一次，请在确认时选择「仍然再发一次」（命令行加 --again）。",
            action_en="Nothing was sent. To send it again anyway, confirm the repeat (on the command line: --again).",
        )
        self.notice = notice


def find_repeat(journal: Journal, plan: Plan, fingerprint: str, now: datetime) -> RepeatNotice | None:
    """The earlier campaign this plan would repeat, or None. `journal` is a `Journal`."""
    since = format_timestamp(now - REPEAT_WINDOW)
    earlier = journal.campaign_with_fingerprint(fingerprint, since)
    if earlier is not None:
        return RepeatNotice(earlier, True, plan.recipients, plan.total_parts, plan.estimate_yuan)
    numbers_by_text: dict[str, SetInParts] = {}
    parts_per_text: dict[str, int] = {}
    for batch in plan.batches:
        numbers_by_text.setdefault(batch.rendered.text, SetInParts()).update(batch.numbers)
        parts_per_text[batch.rendered.text] = batch.rendered.parts
    today = format_timestamp(beijing(now).replace(hour=0, minute=0, second=0, microsecond=0))
    hits, earlier = journal.already_texted(numbers_by_text, today)
    if earlier is None:
        return None
    parts = sum(parts_per_text[text] for text, _number in hits)
    return RepeatNotice(earlier, False, len(hits), parts, estimate(parts, plan.price_per_part))
