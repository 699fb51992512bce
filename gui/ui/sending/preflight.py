"""The 发送前检查 lines of 检查并发送: the plan's problems, a repeat, the Marketing send window, the landing page."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gui.domain.campaign import Campaign
from gui.domain.clock import beijing
from gui.domain.plan import Plan
from gui.domain.send_window import MARKETING_WINDOW
from gui.ui.i18n import current_language, pick
from gui.ui.style import ACCENT, ERROR, WARNING

if TYPE_CHECKING:  # services load on the pool, not at start-up
    from gui.services.api.landing_check import LandingCheck
    from gui.services.sending.repeat_guard import RepeatNotice

OK, BAD, NOTE = "ok", "bad", "note"
_MARK = {OK: ("✓", ACCENT), BAD: ("✗", ERROR), NOTE: ("!", WARNING)}


def check_lines(plan: Plan, campaign: Campaign | None, *, repeat: RepeatNotice | None, landing: LandingCheck | None,
                landing_known: bool, now: datetime, has_test_numbers: bool) -> list[tuple[str, str]]:
    """(kind, text) lines, worst first within each topic; `landing_known` is False when no domain is set."""
    lines: list[tuple[str, str]] = []
    for problem in plan.errors:
        lines.append((BAD, pick(problem.message_zh, problem.message_en)))
    for problem in plan.warnings:
        lines.append((NOTE, pick(problem.message_zh, problem.message_en)))
    if not plan.errors:
        lines.append((OK, QCoreApplication.translate("Preflight", "The text passes every check.")))
    if repeat is not None:
        lines.append((NOTE, repeat.message(current_language())))
    if plan.recipients == 0:
        lines.append((BAD, QCoreApplication.translate("Preflight", "No recipient is left to send to.")))
    if campaign is not None and campaign.is_marketing:
        if MARKETING_WINDOW.is_open(now):
            lines.append((OK, QCoreApplication.translate(
                "Preflight", "Inside the Marketing send window (08:00–22:00 Beijing time).")))
        else:
            opening = beijing(MARKETING_WINDOW.next_opening(now)).strftime("%Y-%m-%d %H:%M")
            lines.append((NOTE, QCoreApplication.translate(
                "Preflight", "Outside the Marketing send window (08:00–22:00): sending waits until {0}.")
                .format(opening)))
        if any(problem.field == "path" for problem in plan.errors):
            pass  # the path itself is wrong (said above): no landing-page line that could read as ✓
        elif not landing_known:
            lines.append((NOTE, QCoreApplication.translate(
                "Preflight", "Set the static-site domain in Settings to check the landing page.")))
        elif landing is None:
            lines.append((NOTE, QCoreApplication.translate("Preflight", "Checking the landing page…")))
        else:
            lines.append((OK if landing.ok else BAD, pick(landing.message_zh, landing.message_en)))
    if not has_test_numbers:
        lines.append((NOTE, QCoreApplication.translate(
            "Preflight", "Add your own numbers in Settings to send a test first.")))
    return lines


def checks_html(lines: list[tuple[str, str]]) -> str:
    html = []
    for kind, text in lines:
        mark, colour = _MARK[kind]
        html.append(f'<span style="color:{colour}; font-weight:bold;">{mark}</span>&nbsp; {_escape(text)}')
    return "<br>".join(html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
