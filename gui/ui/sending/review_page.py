"""The 检查并发送 page: the summary, the pre-flight checks (发送前检查), the test send, the confirmation and the send."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.clock import beijing
from gui.domain.errors import UserFacingError
from gui.domain.send_window import MARKETING_WINDOW
from gui.domain.sms_text import SmsType
from gui.ui.i18n import current_language, pick
from gui.ui.labels import field_hint, page_hint, page_title
from gui.ui.sending.panel import SendPanel
from gui.ui.style import ACCENT, ERROR, WARNING
from gui.ui.workers import run_in_background

OK, BAD, NOTE = "ok", "bad", "note"
_MARK = {OK: ("✓", ACCENT), BAD: ("✗", ERROR), NOTE: ("!", WARNING)}


def campaign_from_compose(compose: Any, env: str, resource_appid: str = "", name: str = "") -> Campaign:
    """The campaign as the 内容 page has it (parameters from the column mapping when there is one)."""
    draft = compose.draft()
    common = {"name": name or draft.signature, "env": env, "signature": draft.signature,
              "short_name": draft.short_name, "use_short_name": draft.use_short_name,
              "resource_appid": resource_appid}
    if compose.sms_type() == SmsType.NOTIFICATION:
        sources = getattr(compose.notification, "param_sources", None)
        params = tuple(sources()) if callable(sources) else tuple(ParamSource(literal=v) for v in draft.params)
        return Campaign(sms_type=SmsType.NOTIFICATION, template_id=draft.template_id,
                        template_text=draft.template_text, template_params=params, **common)
    return Campaign(sms_type=SmsType.MARKETING, content=draft.content, path=draft.path,
                    suffix_key=draft.suffix_key, **common)


class ReviewPage(QWidget):
    """Summary → checks → (test send) → confirm → send; the SendPanel below shows the run.

    Signals:
        campaign_created(int): a campaign was stored in the journal (history refreshes).
    """

    campaign_created = Signal(int)

    def __init__(self, context: Any, compose: Any, imported: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.context = context
        self.compose = compose
        self.imported = imported
        self.batch_size = 1000
        self.plan: Any = None
        self.campaign: Campaign | None = None
        self.landing: Any = None
        self._generation = 0
        # Replaceable in tests: show the question, return True to send.
        self.confirm: Callable[[str], bool] = self._ask

        title = page_title(self.tr("Check and send"), self)
        hint = page_hint(self.tr(
            "Check the totals and the pre-flight checks, send a test to your own numbers, then send."
        ), self)

        self.summary_box = QGroupBox(self.tr("Summary"), self)
        form = QFormLayout(self.summary_box)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for key, label in (("recipients", self.tr("Recipients")), ("batches", self.tr("Batches")),
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
        self.action_note = field_hint("", self)

        self.panel = SendPanel(context, self)
        self.panel.run_finished.connect(self._on_run_finished)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.summary_box, 1)
        top.addWidget(self.checks_box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.action_note, 1)
        actions.addWidget(self.test_button)
        actions.addWidget(self.send_button)
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
        settings = self.context.settings()
        try:
            self.campaign = campaign_from_compose(self.compose, self.context.campaign_env(), settings.resource_appid,
                                                  name=self._campaign_name())
        except UserFacingError as error:
            self.campaign = None
            self._show_checks([(BAD, error.text(current_language()))])
            return
        self.plan = None
        self.landing = None
        self._update_buttons()
        if imported is None:
            self._clear_summary()
            self._show_checks([(BAD, self.tr("Import the recipients first (step Recipients)."))])
            return
        self._show_checks([(NOTE, self.tr("Checking…"))])
        engine, campaign, batch = self.context.engine, self.campaign, self.batch_size
        price = settings.pack_price_per_sms

        def plan() -> tuple[int, Any]:
            return generation, engine.plan(campaign, imported, price_per_part=price, batch_size=batch)

        run_in_background(plan, self._on_planned, self._on_plan_failed)
        url = self.context.landing_url(campaign.path) if campaign.is_marketing and campaign.path else None
        if url:
            from gui.services.api.landing_check import check_landing_page

            run_in_background(lambda: (generation, check_landing_page(url)), self._on_landing)

    def _campaign_name(self) -> str:
        kind = self.tr("Notification SMS") if self.compose.sms_type() == SmsType.NOTIFICATION \
            else self.tr("Marketing SMS")
        return f"{kind} {beijing(self.context.clock.now()):%m-%d %H:%M}"

    @Slot(object)
    def _on_planned(self, answer: tuple[int, Any]) -> None:
        generation, plan = answer
        if generation != self._generation:
            return
        self.plan = plan
        imported = self.imported()
        segments = plan.batches[0].rendered.segments if plan.batches else 0
        self.values["recipients"].setText(str(plan.recipients))
        self.values["batches"].setText(str(len(plan.batches)))
        self.values["parts"].setText(self.tr("%n part(s)", "", segments))
        self.values["total"].setText(self.tr("%n part(s)", "", plan.total_parts))
        self.values["estimate"].setText(self.tr("¥{0} (¥{1} per part)").format(plan.estimate_yuan,
                                                                               plan.price_per_part))
        invalid = len(imported.invalid) if imported is not None else 0
        duplicates = (len(imported.duplicates) if imported is not None else 0) + plan.duplicates
        self.values["skipped"].setText(self.tr("Suppression list {0} · invalid {1} · duplicates {2}").format(
            len(plan.suppressed), invalid, duplicates))
        self._rerun_checks()

    @Slot(object)
    def _on_plan_failed(self, error: Exception) -> None:
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The campaign could not be checked ({0}).").format(type(error).__name__)
        self._show_checks([(BAD, text)])

    @Slot(object)
    def _on_landing(self, answer: tuple[int, Any]) -> None:
        generation, result = answer
        if generation == self._generation:
            self.landing = result
            if self.plan is not None:
                self._rerun_checks()

    def _rerun_checks(self) -> None:
        plan, campaign = self.plan, self.campaign
        lines: list[tuple[str, str]] = []
        for problem in plan.errors:
            lines.append((BAD, pick(problem.message_zh, problem.message_en)))
        for problem in plan.warnings:
            lines.append((NOTE, pick(problem.message_zh, problem.message_en)))
        if not plan.errors:
            lines.append((OK, self.tr("The text passes every check.")))
        if plan.recipients == 0:
            lines.append((BAD, self.tr("No recipient is left to send to.")))
        if campaign is not None and campaign.is_marketing:
            now = self.context.clock.now()
            if MARKETING_WINDOW.is_open(now):
                lines.append((OK, self.tr("Inside the Marketing send window (08:00–22:00 Beijing time).")))
            else:
                opening = beijing(MARKETING_WINDOW.next_opening(now))
                lines.append((NOTE, self.tr("Outside the Marketing send window (08:00–22:00): sending waits "
                                            "until {0}.").format(opening.strftime("%m-%d %H:%M"))))
            if self.context.landing_url(campaign.path or "/") is None:
                lines.append((NOTE, self.tr("Set the static-site domain in Settings to check the landing page.")))
            elif self.landing is None:
                lines.append((NOTE, self.tr("Checking the landing page…")))
            else:
                lines.append((OK if self.landing.ok else BAD, pick(self.landing.message_zh, self.landing.message_en)))
        if not self.context.settings().test_numbers:
            lines.append((NOTE, self.tr("Add your own numbers in Settings to send a test first.")))
        self._show_checks(lines)

    def blocking_problems(self) -> bool:
        if self.plan is None or self.plan.errors or self.plan.recipients == 0:
            return True
        return self.landing is not None and not self.landing.ok

    def _show_checks(self, lines: list[tuple[str, str]]) -> None:
        html = []
        for kind, text in lines:
            mark, colour = _MARK[kind]
            html.append(f'<span style="color:{colour}; font-weight:bold;">{mark}</span>&nbsp; {_escape(text)}')
        self.checks_label.setText("<br>".join(html))
        self._update_buttons()

    def _clear_summary(self) -> None:
        for value in self.values.values():
            value.setText("–")

    def _update_buttons(self) -> None:
        sending = self.panel.is_sending() if hasattr(self, "panel") else False
        self.send_button.setEnabled(not sending and not self.blocking_problems())
        self.test_button.setEnabled(not sending and self.campaign is not None and self.plan is not None
                                    and not self.plan.errors)

    # -- sending -------------------------------------------------------------------------------------------
    def confirmation_text(self) -> str:
        plan = self.plan
        where = self.tr("This is the sandbox: nothing is really sent.") if self.context.sandbox \
            else self.tr("This is a live send.")
        return "\n".join((
            self.tr("Send to {0} recipients in {1} batches?").format(plan.recipients, len(plan.batches)),
            self.tr("Billed in total: {0} parts, about ¥{1}.").format(plan.total_parts, plan.estimate_yuan),
            where,
        ))

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Confirm sending"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def send(self) -> None:
        if self.blocking_problems() or self.panel.is_sending() or self.campaign is None:
            return
        if not self.confirm(self.confirmation_text()):
            self.action_note.setText(self.tr("Not confirmed; nothing was sent."))
            return
        engine, campaign, imported, plan = self.context.engine, self.campaign, self.imported(), self.plan
        self._start_creating(lambda: engine.create_campaign(campaign, imported, plan))

    @Slot()
    def send_test(self) -> None:
        numbers = tuple(self.context.settings().test_numbers)
        if not numbers:
            self.action_note.setText(self.tr("No test numbers yet: add your own numbers in Settings first."))
            return
        if self.campaign is None or self.panel.is_sending():
            return
        from gui.services.recipients.importer import import_pasted_text

        engine, batch = self.context.engine, self.batch_size
        campaign = replace(self.campaign, name=self.tr("Test send") + " " + self.campaign.name)
        price = self.context.settings().pack_price_per_sms

        def create() -> int:
            imported = import_pasted_text("\n".join(numbers))
            plan = engine.plan(campaign, imported, price_per_part=price, batch_size=batch)
            return engine.create_campaign(campaign, imported, plan)

        self._start_creating(create)

    def start_run(self, campaign_id: int, *, allow_resend: bool = True) -> None:
        """Send or continue a stored campaign (used by 发送记录 for resume and retry)."""
        self.panel.start(campaign_id, allow_resend=allow_resend)
        self._update_buttons()

    def _start_creating(self, create: Callable[[], int]) -> None:
        self.send_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.action_note.setText(self.tr("Storing the campaign…"))
        run_in_background(create, self._on_created, self._on_create_failed)

    @Slot(object)
    def _on_created(self, campaign_id: int) -> None:
        self.action_note.setText(self.tr("Campaign {0} stored; sending.").format(campaign_id))
        self.campaign_created.emit(campaign_id)
        self.start_run(campaign_id)

    @Slot(object)
    def _on_create_failed(self, error: Exception) -> None:
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The campaign could not be stored ({0}).").format(type(error).__name__)
        self.action_note.setText(text)
        self._update_buttons()

    @Slot(object)
    def _on_run_finished(self, _result: object) -> None:
        self.action_note.setText("")
        self._update_buttons()
        self.campaign_created.emit(self.panel.campaign_id or 0)

    def is_sending(self) -> bool:
        return self.panel.is_sending()

    def stop_and_wait(self, timeout_ms: int = 120_000) -> bool:
        return self.panel.stop_and_wait(timeout_ms)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

