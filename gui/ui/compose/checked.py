"""The text engine's result for a draft plus the carrier rule pack's warnings (the pack is read once)."""

from __future__ import annotations

from functools import lru_cache

from gui.domain.carrier_rules import RulePack, apply_rules
from gui.domain.sms_text import MarketingDraft, NotificationDraft, RenderedSms, render
from gui.services.drafts.carrier_rules import load_rule_pack


@lru_cache(maxsize=1)
def _pack() -> RulePack | None:
    return load_rule_pack()


def checked(draft: MarketingDraft | NotificationDraft) -> RenderedSms:
    return apply_rules(_pack(), draft, render(draft))
