"""What 检查并发送 gains for campaigns over time: 定时发送 (mixed into ReviewPage), the frequency cap, 资源包余量."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QLabel, QPushButton

from gui.domain.clock import beijing
from gui.domain.recipients import ImportResult
from gui.domain.send_window import ScheduleError
from gui.services.sending.budget import budget_warning, ledger
from gui.services.sending.schedule import create_scheduled
from gui.ui.i18n import current_language, pick
from gui.ui.sending.schedule_dialogs import ScheduleOption

if TYPE_CHECKING:  # services load on the pool, not at start-up
    from gui.domain.campaign import Campaign
    from gui.domain.plan import Plan
    from gui.services.config.settings import Settings
    from gui.services.journal.store import Journal
    from gui.services.sending.session import AppSession

CurrentImport = Callable[[], ImportResult | None]  # the list on 收件人 now, if one is imported


class ScheduledSend:
    """Expects ReviewPage's session, campaign, action_note, campaign_created, _start_creating, _update_buttons."""

    schedule: ScheduleOption
    budget: tuple[str, str] | None = None  # the 资源包余量 check line, when packs are set
    _at: datetime | None = None  # the start time of the campaign being stored as 已预约
    session: AppSession
    campaign: Campaign | None
    action_note: QLabel
    campaign_created: SignalInstance
    _creating: bool

    def _build_schedule(self, send_button: QPushButton) -> ScheduleOption:
        self.schedule = ScheduleOption(self, self.session.clock)  # type: ignore[arg-type]  # a mixin: self is the ReviewPage (a QWidget)
        self.schedule.follow(send_button)
        self.schedule.check.toggled.connect(lambda on: send_button.setText(
            QCoreApplication.translate("ReviewPage", "Schedule…") if on
            else QCoreApplication.translate("ReviewPage", "Send…")))
        return self.schedule

    def _schedule_time(self) -> bool:
        """Read the 定时发送 time (None: send now); False, having said why, when it may not be used."""
        try:
            self._at = self.schedule.checked(self.session.clock.now(), marketing=self.campaign.is_marketing)
        except ScheduleError as error:
            self.action_note.setText(error.text(current_language()))
            return False
        return True

    def _question(self, text: str) -> str:
        return text if self._at is None else self.schedule.question(self._at) + "\n" + text

    def _budget_of(self, plan: Plan) -> tuple[str, str] | None:
        """On the pool: the 资源包余量 check line for this plan."""
        engine = self.session.engine
        return budget_line(engine.journal, self.session.settings(), plan, engine.clock.now())

    def _store(self, again: bool = False) -> None:
        """Store the campaign as 已预约 when a time was chosen; else ReviewPage stores and sends it now."""
        at = self._at
        if at is None:
            self._create(again)  # type: ignore[attr-defined]  # ReviewPage's, this is its mixin
            return
        engine, campaign, imported, plan = self.session.engine, self.campaign, self.imported(), self.plan  # type: ignore[attr-defined]  # ReviewPage's
        self._start_creating(  # type: ignore[attr-defined]  # ReviewPage's, this is its mixin
            lambda: create_scheduled(engine, campaign, imported, plan, at, again=again), self._on_scheduled)

    def _on_scheduled(self, campaign_id: int) -> None:
        self._creating = False
        when = self._at.strftime("%Y-%m-%d %H:%M") if self._at is not None else ""
        self.action_note.setText(QCoreApplication.translate(
            "ReviewPage", "Campaign {0} scheduled for {1}; it is listed in History as Scheduled.").format(
            campaign_id, when))
        self.schedule.check.setChecked(False)
        self.campaign_created.emit(campaign_id)
        self._update_buttons()  # type: ignore[attr-defined]  # ReviewPage's, this is its mixin


def show_skipped(label: QLabel, plan: Plan, invalid: int, duplicates: int) -> None:
    """The 跳过 line, with a tooltip listing the numbers over the frequency cap and the rule."""
    text = QCoreApplication.translate(
        "ReviewPage", "Suppression list {0} · invalid {1} · duplicates {2}"
    ).format(len(plan.suppressed), invalid, duplicates)
    if plan.capped:
        text += QCoreApplication.translate(
            "ReviewPage", " · over the frequency cap {0} (listed in History with the rule, exportable)"
        ).format(len(plan.capped))
    label.setText(text)
    label.setToolTip("\n".join(f"{r.number}：{pick(hit.rule_zh, hit.rule_en)}" for r, hit in plan.capped[:30]))


def budget_line(journal: Journal, settings: Settings, plan: Plan, now: datetime) -> tuple[str, str] | None:
    """("ok" or "note", text) about the resource packs; None when none are set. Blocking: run it on the pool."""
    if not settings.packs or plan.errors:
        return None
    warning = budget_warning(journal, settings, plan.total_parts, now)
    if warning is not None:
        return "note", pick(*warning)
    left = ledger(journal, settings.packs, beijing(now).date()).left
    return "ok", QCoreApplication.translate(
        "ReviewPage", "Resource packs: {0} parts left; this campaign needs {1}."
    ).format(left, plan.total_parts)
