"""The text engine's result for a draft plus the carrier rule pack's warnings; the pack is read once, right after
the window's first paint (an empty draft shows none of its warnings, and its module and file are not start-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gui.domain.sms_text import MarketingDraft, NotificationDraft, RenderedSms, render
from gui.ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.domain.carrier_rules import RulePack

_loaded: list[RulePack | None] = []  # the pack once read (None: no pack file), empty before


def checked(draft: MarketingDraft | NotificationDraft) -> RenderedSms:
    rendered = render(draft)
    if not _loaded:
        return rendered
    from gui.domain.carrier_rules import apply_rules

    return apply_rules(_loaded[0], draft, rendered)


def load_rules_after_first_paint(view: QWidget, refresh: Callable[[], None]) -> None:
    """Read the pack right after `view`'s window is first painted (once per process), then call `refresh`."""

    def load() -> None:
        if not _loaded:
            from gui.services.drafts.carrier_rules import load_rule_pack

            _loaded.append(load_rule_pack())
            refresh()

    after_first_paint(view, load)
