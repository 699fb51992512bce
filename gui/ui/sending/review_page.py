"""The 检查并发送 page: the summary, the pre-flight checks (发送前检查), the test send, the confirmation and the send."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.domain.campaign import Campaign
from gui.domain.clock import beijing
from gui.domain.errors import UserFacingError
from gui.domain.plan import Plan
from gui.domain.sms_text import SmsType
from gui.domain.text_rules import check_path
from gui.services.sending.repeat_guard import RepeatError, RepeatNotice
from gui.services.sending.session import AppSession
from gui.ui.compose.campaign import ComposeSource, campaign_from_compose
from gui.ui.error_text import plain_reason
from gui.ui.i18n import current_language
from gui.ui.labels import field_hint, page_hint, page_title
from gui.ui.sending import confirm as confirmation
from gui.ui.sending.after_send import AfterSendBar
from gui.ui.sending.panel import SendPanel
from gui.ui.sending.preflight import BAD, NOTE, check_lines, checks_html
from gui.ui.sending.review_extras import CurrentImport, ScheduledSend, show_skipped
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # httpx loads with the first landing-page check
    from gui.services.api.landing_check import LandingCheck


class ReviewPage(ScheduledSend, QWidget):
    """Summary → checks → (test send) → confirm → send; the SendPanel below shows the run.

    After a send starts, 发送… gives way to 查看发送记录 and 导出结果… until the text or the list changes (the plan's
    fingerprint differs from the one sent), so pressing it again never starts the same campaign twice.

    Signals:
        campaign_created(int): a campaign was stored in the journal (history refreshes).
        history_requested(int): show this campaign in 发送记录.
    """

    campaign_created = Signal(int)
    history_requested = Signal(int)

    def __init__(self, session: AppSession, compose: ComposeSource, imported: CurrentImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.session = session
        self.compose = compose
        self.imported = imported
        self.batch_size = 1000
        self.plan: Plan | None = None
        self.campaign: Campaign | None = None
        self.landing: LandingCheck | None = None
        self._generation, self._landing_url = 0, None  # the landing page to check once the current plan is made
        self.repeat: RepeatNotice | None = None  # the engine's RepeatNotice for the current plan, if it repeats an earlier one
        self._creating = False
        self._sent_id: int | None = None  # the campaign started from this page, and what it sent
        self._sent_fingerprint = ""
        self._name_edited = self._testing = False
        # Replaceable in tests: show the question, return True to send (the repeat question separately).
        self.confirm: Callable[[str], bool] = lambda text: confirmation.ask(self, text)
        self.confirm_repeat: Callable[[str], bool] = lambda text: confirmation.ask_repeat(self, text)

        title = page_title(self.tr("Check and send"), self)
        hint = page_hint(self.tr(
            "Check the totals and the pre-flight checks, send a test to your own numbers, then send."
        ), self)

        self.summary_box = QGroupBox(self.tr("Summary"), self)
        form = QFormLayout(self.summary_box)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        self.name_edit = QLineEdit(self.summary_box)
        self.name_edit.setObjectName("campaignNameEdit")
        self.name_edit.textEdited.connect(self._on_name_edited)
        form.addRow(self.tr("Campaign name"), self.name_edit)
        self.values: dict[str, QLabel] = {}
        for key, label in (("source", self.tr("Recipients file")), ("recipients", self.tr("Recipients")), ("batches", self.tr("Batches")),
                           ("parts", self.tr("Parts per message")), ("total", self.tr("Total billed parts")),
                           ("estimate", self.tr("Estimate")), ("skipped", self.tr("Skipped"))):
            value = QLabel("–", self.summary_box)
            value.setObjectName(key + "Value")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label, value)

        self.checks_box = QGroupBox(self.tr("Pre-flight checks"), self)
        self.checks_label = QLabel(self.checks_box)
        self.checks_label.setObjectName("preflightChecks")
        self.checks_label.setWordWrap(True)
        self.recheck_button = QPushButton(self.tr("Check again"), self.checks_box)
        self.recheck_button.setObjectName("recheckButton")
        self.recheck_button.clicked.connect(self.refresh)
        checks_layout = QVBoxLayout(self.checks_box)
        checks_layout.addWidget(self.checks_label, 1)
        checks_row = QHBoxLayout()
        checks_row.addStretch(1)
        checks_row.addWidget(self.recheck_button)
        checks_layout.addLayout(checks_row)

        self.test_button = QPushButton(self.tr("Send a test to my numbers"), self)
        self.test_button.setObjectName("testSendButton")
        self.test_button.clicked.connect(self.send_test)
        self.send_button = QPushButton(self.tr("Send…"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        self.send_button.setAutoDefault(True)  # Enter on the focused button presses it
        self.test_button.setAutoDefault(True)
        self.after_send = AfterSendBar(lambda: self.session.engine, self)
        self.after_send.history_requested.connect(self.history_requested)
        self.after_send.note.connect(self.action_note_text)
        self.history_button = self.after_send.history_button
        self.export_button = self.after_send.export_button
        self.action_note = field_hint("", self)

        self.panel = SendPanel(session, self)
        self.panel.run_finished.connect(self._on_run_finished)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.summary_box, 1)
        top.addWidget(self.checks_box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.action_note, 1)
        actions.addWidget(self.test_button)
        actions.addWidget(self._build_schedule(self.send_button))
        actions.addWidget(self.send_button)
        actions.addWidget(self.after_send)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(10)
        root.addWidget(title)
        root.addWidget(hint)
        root.addLayout(top)
        root.addLayout(actions)
        root.addWidget(self.panel, 1)
        self._update_buttons()

    # -- planning ------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Re-plan the current content and recipients off the GUI thread, and re-run the checks."""
        self._generation += 1
        generation = self._generation
        imported = self.imported()
        settings = self.session.settings()
        try:
            self.campaign = campaign_from_compose(self.compose, self.session.campaign_env(), settings.resource_appid,
                                                  name=self._campaign_name())
        except UserFacingError as error:
            self.campaign = None
            self._show_checks([(BAD, error.text(current_language()))])
            return
        self.plan = None
        self.landing = None
        self.repeat = None
        self._update_buttons()
        self.values["source"].setText(confirmation.source_name(imported) if imported is not None else "–")
        if imported is None:
            self._clear_summary()
            self._show_checks([(BAD, self.tr("Import the recipients first (step Recipients)."))])
            return
        engine, campaign, batch = self.session.engine, self.campaign, self.batch_size
        if engine is None:  # the journal opens on the pool at start-up; the window refreshes this page after
            self._show_checks([(NOTE, self.tr("Opening the send history…"))])
            return
        self._show_checks([(NOTE, self.tr("Checking…"))])
        price = settings.pack_price_per_sms

        def plan() -> tuple[int, Plan, RepeatNotice | None, tuple[str, str] | None]:
            planned = engine.plan(campaign, imported, price_per_part=price, batch_size=batch)
            return generation, planned, None if planned.errors else engine.repeat_of(planned), self._budget_of(planned)

        run_in_background(plan, self._on_planned, self._on_plan_failed, whole_list=True)
        # A path with a scheme or domain in it is already an error: checking it would only show a misleading ✓.
        usable = campaign.is_marketing and campaign.path and not check_path(campaign.path)
        self._landing_url = self.session.landing_url(campaign.path) if usable else None

    def default_name(self) -> str:
        """Type · time · file, e.g. 营销短信 · 11-29 10:00 · 客户名单.xlsx."""
        kind = self.tr("Notification SMS") if self.compose.sms_type() == SmsType.NOTIFICATION \
            else self.tr("Marketing SMS")
        parts = [kind, f"{beijing(self.session.clock.now()):%m-%d %H:%M}"]
        imported = self.imported()
        if imported is not None:
            parts.append(confirmation.source_name(imported))
        return " · ".join(parts)

    def _campaign_name(self) -> str:
        if not self._name_edited or not self.name_edit.text().strip():
            self._name_edited = False
            self.name_edit.setText(self.default_name())
            self.name_edit.setCursorPosition(0)  # the start (type and time) shows, not the file's tail
        return self.name_edit.text().strip()

    @Slot(str)
    def _on_name_edited(self, text: str) -> None:
        self._name_edited = bool(text.strip())
        if self.campaign is not None and text.strip():
            self.campaign = replace(self.campaign, name=text.strip())

    @Slot(object)
    def _on_planned(self, answer: tuple[int, Plan, RepeatNotice | None, tuple[str, str] | None]) -> None:
        generation, plan, repeat, budget = answer
        if generation != self._generation:
            return
        url = self._landing_url
        if url:  # on the pool after the plan: beside the plan's worker the GUI thread waited for the GIL, on it 0.8 s
            run_in_background(lambda: (generation, import_module("gui.services.api.landing_check")
                                       .check_landing_page(url)), self._on_landing)
        self.plan = plan
        self.repeat, self.budget = repeat, budget
        imported = self.imported()
        parts = plan.batches[0].rendered.parts if plan.batches else 0
        self.values["recipients"].setText(str(plan.recipients))
        self.values["batches"].setText(str(len(plan.batches)))
        self.values["parts"].setText(self.tr("%n part(s)", "", parts))
        self.values["total"].setText(self.tr("%n part(s)", "", plan.total_parts))
        self.values["estimate"].setText(self.tr("¥{0} (¥{1} per part)").format(plan.estimate_yuan,
                                                                               plan.price_per_part))
        invalid = len(imported.invalid) if imported is not None else 0
        duplicates = (len(imported.duplicates) if imported is not None else 0) + plan.duplicates
        show_skipped(self.values["skipped"], plan, invalid, duplicates)
        self._rerun_checks()

    @Slot(object)
    def _on_plan_failed(self, error: Exception) -> None:
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The campaign could not be checked ({0}).").format(plain_reason(error))
        self._show_checks([(BAD, text)])

    @Slot(object)
    def _on_landing(self, answer: tuple[int, LandingCheck]) -> None:
        generation, result = answer
        if generation == self._generation:
            self.landing = result
            if self.plan is not None:
                self._rerun_checks()

    def _rerun_checks(self) -> None:
        campaign = self.campaign
        known = campaign is None or not campaign.is_marketing or \
            self.session.landing_url(campaign.path or "/") is not None
        lines = check_lines(self.plan, campaign, repeat=self.repeat, landing=self.landing, landing_known=known,
                            now=self.session.clock.now(), has_test_numbers=bool(self.session.settings().test_numbers))
        self._show_checks(lines if self.budget is None else [*lines, self.budget])

    def blocking_problems(self) -> bool:
        if self.plan is None or self.plan.errors or self.plan.recipients == 0:
            return True
        return self.landing is not None and not self.landing.ok

    def _show_checks(self, lines: list[tuple[str, str]]) -> None:
        self.checks_label.setText(checks_html(lines))
        self._update_buttons()

    def _clear_summary(self) -> None:
        for value in self.values.values():
            value.setText("–")

    def sent_mode(self) -> bool:
        """True while what is on screen is the campaign already started here (running or finished)."""
        if self._sent_id is None:
            return False
        if self._creating or self.panel.is_sending() or self.plan is None:
            return True
        return self.plan.fingerprint == self._sent_fingerprint

    def _update_buttons(self) -> None:
        if not hasattr(self, "panel"):
            return
        sending = self.panel.is_sending()
        sent = self.sent_mode()
        self.send_button.setVisible(not sent)
        self.after_send.setVisible(sent)
        self.after_send.campaign_id = self._sent_id
        self.export_button.setEnabled(sent and not sending and not self._creating)
        self.send_button.setEnabled(not sending and not self._creating and not self.blocking_problems())
        self.test_button.setEnabled(not sending and not self._creating and self.campaign is not None
                                    and self.plan is not None and not self.plan.errors)

    # -- sending -------------------------------------------------------------------------------------------
    def confirmation_text(self) -> str:
        return confirmation.confirmation_text(self.plan, self.campaign, self.imported(),
                                              now=self.session.clock.now(), sandbox=self.session.is_sandbox)

    @Slot()
    def send(self) -> None:
        if self._creating or self.sent_mode() or self.blocking_problems() or self.panel.is_sending() \
                or self.campaign is None or not self._schedule_time():
            return
        self._creating = True  # a second press (or a double click) while the question is open does nothing
        self._update_buttons()
        try:
            if not self.confirm(self._question(self.confirmation_text())):
                self.action_note.setText(self.tr("Not confirmed; nothing was sent."))
                self._creating = False
                return
            again = False
            if self.repeat is not None:
                if not self.confirm_repeat(confirmation.repeat_text(self.repeat.message(current_language()))):
                    self.action_note.setText(self.tr("Not sent again; nothing was sent."))
                    self._creating = False
                    return
                again = True
        finally:
            self._update_buttons()
        self._store(again)

    def _create(self, again: bool) -> None:
        engine, campaign, imported, plan = self.session.engine, self.campaign, self.imported(), self.plan
        if engine is None:  # the journal is still opening
            return
        self._sent_fingerprint = plan.fingerprint
        self._start_creating(lambda: engine.create_campaign(campaign, imported, plan, again=again))

    @Slot()
    def send_test(self) -> None:
        numbers = tuple(self.session.settings().test_numbers)
        if not numbers:
            self.action_note.setText(self.tr("No test numbers yet: add your own numbers in Settings first."))
            return
        if self.campaign is None or self.panel.is_sending() or self.session.engine is None:
            return
        from gui.services.recipients.importer import import_pasted_text

        engine, batch = self.session.engine, self.batch_size
        campaign = replace(self.campaign, name=self.tr("Test send") + " " + self.campaign.name)
        price = self.session.settings().pack_price_per_sms

        def create() -> int:
            imported = import_pasted_text("\n".join(numbers))
            plan = engine.plan(campaign, imported, price_per_part=price, batch_size=batch)
            return engine.create_campaign(campaign, imported, plan, test=True)

        self._testing = True
        self._start_creating(create)

    def start_run(self, campaign_id: int, *, allow_resend: bool = True) -> None:
        """Send or continue a stored campaign (used by 发送记录 for resume and retry)."""
        self.panel.start(campaign_id, allow_resend=allow_resend)
        self._update_buttons()

    def _start_creating(self, create: Callable[[], int], done: Callable[[int], None] | None = None) -> None:
        self._creating = True
        self._update_buttons()
        self.action_note.setText(self.tr("Storing the campaign…"))
        run_in_background(create, done or self._on_created, self._on_create_failed, whole_list=True)

    @Slot(object)
    def _on_created(self, campaign_id: int) -> None:
        self._creating = False
        if not self._testing:
            self._sent_id = campaign_id
        self._testing = False
        self.action_note.setText(self.tr("Campaign {0} stored; sending.").format(campaign_id))
        self.campaign_created.emit(campaign_id)
        self.start_run(campaign_id)

    @Slot(object)
    def _on_create_failed(self, error: Exception) -> None:
        self._creating = False
        self._testing = False
        if isinstance(error, RepeatError):  # stored by another window meanwhile: the same separate question
            self._update_buttons()
            if self.confirm_repeat(confirmation.repeat_text(error.notice.message(current_language()))):
                self._store(again=True)
            else:
                self.action_note.setText(self.tr("Not sent again; nothing was sent."))
            return
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The campaign could not be stored ({0}).").format(plain_reason(error))
        self.action_note.setText(text)
        self._update_buttons()

    @Slot(str)
    def action_note_text(self, text: str) -> None:
        self.action_note.setText(text)

    @Slot(object)
    def _on_run_finished(self, _result: object) -> None:
        self.action_note.setText("")
        self._update_buttons()
