"""The 报告 view of one campaign: headline figures, the outcome and delivery charts, failures grouped by reason."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.domain.clock import beijing
from gui.domain.sms_text import SmsType
from gui.services.results.report import (
    NO_ACTION,
    RETRY_LATER,
    RETRY_NOW,
    SETTINGS,
    SUPPRESS,
    CampaignReport,
    FailureGroup,
)
from gui.services.sending.receipts import RECORDS_KEPT_DAYS, ReceiptSummary
from gui.services.sending.schedule import retry_later
from gui.services.sending.session import AppSession
from gui.ui.error_text import explain
from gui.ui.history.chart import DeliveryChart, OutcomeChart
from gui.ui.history.report_render import headline_figures, render_report_file
from gui.ui.history.retry_dialog import ask_retry_time
from gui.ui.i18n import current_language
from gui.ui.labels import field_hint, section_label
from gui.ui.sending.status_model import CODE_KEY
from gui.ui.workers import run_in_background

AUTO_RECEIPTS_MS = 60_000  # while the report is open and receipts are still coming


class ReportView(QWidget):
    """Shows a CampaignReport and carries out each failure group's action through the engine.

    Signals:
        numbers_requested(str, object): show the per-number table filtered by (label, filter keys).
        run_requested(int, bool): send campaign ID now (after a retry was queued).
        settings_requested(): open 设置 to fix credentials or the environment.
        changed(): the journal changed (receipts fetched, numbers queued): the list's counts are stale.
        settled(): a report asked for by load() arrived, or something failed: the page reads the numbers next.
    """

    numbers_requested = Signal(str, object)
    run_requested = Signal(int, bool)
    settings_requested = Signal()
    changed = Signal()
    settled = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.session = session
        self.report: CampaignReport | None = None
        self.campaign_id: int | None = None
        self.loading = False
        self.fetching = False
        self.last_action = ""
        self._generation = 0
        # Replaceable in tests: where to save the shared report; None cancels.
        self.save_path = self._ask_save_path
        # Replaceable in tests: when to retry a group (count, marketing?) → Beijing time; None cancels.
        self.retry_time = lambda count, marketing: ask_retry_time(count, session.clock.now(), marketing, self)

        self.figures: dict[str, QLabel] = {}
        figure_box = QFrame(self)
        figure_box.setObjectName("reportFigures")
        grid = QGridLayout(figure_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        for index, key in enumerate(FIGURE_KEYS):
            caption = field_hint("", figure_box, wrap=False)
            value = QLabel("—", figure_box)
            value.setObjectName("reportFigure_" + key)
            value.setStyleSheet("font-size: 18px; font-weight: bold;")
            grid.addWidget(caption, (index // 4) * 2, index % 4)
            grid.addWidget(value, (index // 4) * 2 + 1, index % 4)
            self.figures[key] = value
            self.figures["caption_" + key] = caption
        self.note = field_hint("", self)
        self.note.setObjectName("reportNote")
        self.receipts_button = QPushButton(self.tr("Fetch receipts"), self)
        self.receipts_button.setObjectName("reportReceiptsButton")
        self.receipts_button.clicked.connect(self.fetch_receipts)
        self.share_button = QPushButton(self.tr("Save as PDF / PNG…"), self)
        self.share_button.setObjectName("reportShareButton")
        self.share_button.clicked.connect(self.save_file)
        self.outcomes = OutcomeChart(self)
        self.delivery = DeliveryChart(self)
        self.delivery_title = section_label(self.tr("Delivered, by minutes after sending"), self)
        self.failures_title = section_label(self.tr("Failures by reason"), self)
        self.failures_box = QWidget(self)
        self.failures_layout = QVBoxLayout(self.failures_box)
        self.failures_layout.setContentsMargins(0, 0, 0, 0)
        self.group_buttons: dict[str, QPushButton] = {}
        self.group_links: dict[str, QPushButton] = {}
        self.group_retry: dict[str, QPushButton] = {}

        tools = QHBoxLayout()
        tools.addWidget(self.note, 1)
        tools.addWidget(self.receipts_button)
        tools.addWidget(self.share_button)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(figure_box)
        layout.addWidget(section_label(self.tr("Outcome of every row"), inner))
        layout.addWidget(self.outcomes)
        layout.addWidget(self.delivery_title)
        layout.addWidget(self.delivery)
        layout.addWidget(self.failures_title)
        layout.addWidget(self.failures_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scroll)

        self.auto_timer = QTimer(self)
        self.auto_timer.setInterval(AUTO_RECEIPTS_MS)
        self.auto_timer.timeout.connect(self._auto_fetch)
        self._show_report(None)

    # -- loading -------------------------------------------------------------------------------------------
    def load(self, campaign_id: int) -> None:
        """Compute the report off the GUI thread (it reads every number of the campaign)."""
        self.campaign_id = campaign_id
        self._generation += 1
        generation = self._generation
        self.loading = True
        engine = self.session.engine
        run_in_background(lambda: (generation, engine.report(campaign_id)), self._on_report, self._on_failed)

    @Slot(object)
    def _on_report(self, answer: tuple[int, CampaignReport]) -> None:
        generation, report = answer
        if generation != self._generation:
            return
        self.loading = False
        self._show_report(report)
        self.settled.emit()

    def _show_report(self, report: CampaignReport | None) -> None:
        self.report = report
        language = current_language()
        labels = dict(zip(FIGURE_KEYS, headline_figures(report), strict=True)) if report else {}
        for key in FIGURE_KEYS:
            caption, value = labels.get(key, ("", "—"))
            self.figures["caption_" + key].setText(caption)
            self.figures[key].setText(value)
        self.outcomes.set_report(report, language)
        self.delivery.set_report(report)
        self.receipts_button.setEnabled(bool(report and report.accepted))
        self.share_button.setEnabled(report is not None)
        self._fill_failures(report, language)
        if report is not None and report.scheduled_at:
            self.note.setText(self.tr("Scheduled {0} (Beijing time): the queued numbers go out then. Change or "
                                      "cancel it in History.").format(report.scheduled_at[:16]))
        elif report is not None and not report.receipts_fetched and report.accepted:
            self.note.setText(self.tr("No delivery receipts yet: fetch them to see what was delivered and "
                                      "billed."))
        elif report is not None and report.receipts_fetched:
            self.note.setText(self.tr("Receipts: {0} delivered · {1} not delivered · {2} not known yet.").format(
                report.delivered, report.not_delivered, report.awaiting_receipt))
        self._update_timer()

    def _fill_failures(self, report: CampaignReport | None, language: str) -> None:
        while self.failures_layout.count():
            item = self.failures_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.group_buttons.clear()
        self.group_links.clear()
        self.group_retry.clear()
        groups = report.failures if report else ()
        self.failures_title.setVisible(bool(groups))
        for group in groups:
            self.failures_layout.addWidget(self._group_row(group, language))

    def _group_row(self, group: FailureGroup, language: str) -> QWidget:
        zh = language == "zh"
        row = QFrame(self.failures_box)
        row.setObjectName("failureGroup")
        row.setStyleSheet("QFrame#failureGroup { border: 1px solid #dfe3e8; border-radius: 6px; }")
        text = QLabel(f"<b>{group.count} × {group.title_zh if zh else group.title_en}</b><br>"
                      f"{group.advice_zh if zh else group.advice_en}", row)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        link = QPushButton(self.tr("Show these numbers"), row)
        link.setObjectName("groupNumbers_" + group.code)
        link.setFlat(True)
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.setStyleSheet("color: #07a35a; text-decoration: underline;")
        link.clicked.connect(lambda _=False, g=group: self.show_numbers(g))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(text, 1)
        layout.addWidget(link)
        self.group_links[group.code] = link
        caption = self._action_caption(group)
        if caption:
            button = QPushButton(caption, row)
            button.setObjectName("groupAction_" + group.code)
            button.setEnabled(self._action_possible(group))
            button.clicked.connect(lambda _=False, g=group: self.run_action(g))
            layout.addWidget(button)
            self.group_buttons[group.code] = button
        if group.action == SETTINGS and group.retryable:
            # After fixing 设置, the same numbers can go out again (the refused request billed nothing).
            retry = QPushButton(self.tr("Retry now"), row)
            retry.setObjectName("groupRetry_" + group.code)
            retry.clicked.connect(lambda _=False, g=group: self.run_action(g, RETRY_NOW))
            layout.addWidget(retry)
            self.group_retry[group.code] = retry
        return row

    def _action_caption(self, group: FailureGroup) -> str:
        return {
            RETRY_NOW: self.tr("Retry now"),
            RETRY_LATER: self.tr("Retry later…"),
            SUPPRESS: self.tr("Add to suppression list"),
            SETTINGS: self.tr("Open Settings"),
        }.get(group.action, "")

    def _action_possible(self, group: FailureGroup) -> bool:
        sending = bool(self.session.busy())
        if group.action in (RETRY_NOW, RETRY_LATER):
            return group.retryable > 0 and not sending
        if group.action == SUPPRESS:
            return group.on_suppression_list < group.count
        return group.action != NO_ACTION

    # -- actions -------------------------------------------------------------------------------------------
    def show_numbers(self, group: FailureGroup) -> None:
        title = group.title_zh if current_language() == "zh" else group.title_en
        self.numbers_requested.emit(self.tr("Reason: {0}").format(title), (CODE_KEY + group.code,))

    def run_action(self, group: FailureGroup, action: str | None = None) -> None:
        """The group's one-click action (or `action`): retry now / later, keep on the 退订名单, or open 设置."""
        if self.campaign_id is None:
            return
        engine, campaign_id, numbers = self.session.engine, self.campaign_id, group.numbers
        action = action or group.action
        if action == SETTINGS:
            self.last_action = SETTINGS
            self.settings_requested.emit()
        elif action in (RETRY_NOW, RETRY_LATER):
            if self.session.busy():
                self.note.setText(self.tr("A campaign is being sent; try again when it has finished."))
                return
            if action == RETRY_LATER:
                marketing = bool(self.report and self.report.sms_type == SmsType.MARKETING)
                at = self.retry_time(group.retryable, marketing)
                if at is None:
                    return
                run_in_background(lambda: (campaign_id, retry_later(engine, campaign_id, at, numbers)),
                                  self._on_retry_scheduled, self._on_failed)
                return
            run_in_background(lambda: (campaign_id, engine.retry_failed(campaign_id, only=numbers)),
                              self._on_requeued, self._on_failed)
        elif action == SUPPRESS:
            run_in_background(lambda: engine.suppression.add(numbers, reason="平台退订/黑名单"),
                              self._on_suppressed, self._on_failed)

    @Slot(object)
    def _on_requeued(self, answer: tuple[int, int]) -> None:
        campaign_id, count = answer
        self.last_action = RETRY_NOW
        self.note.setText(self.tr("%n number(s) queued again; sending.", "", count))
        if count:
            self.run_requested.emit(campaign_id, True)
        self.changed.emit()
        self.load(campaign_id)

    @Slot(object)
    def _on_retry_scheduled(self, answer: tuple[int, tuple[int, datetime]]) -> None:
        campaign_id, (count, at) = answer
        self.last_action = RETRY_LATER
        self.changed.emit()
        self.load(campaign_id)
        self.note.setText(self.tr("%n number(s) queued again; the campaign resumes at {0} (Beijing time).", "",
                                  count).format(f"{at:%Y-%m-%d %H:%M}") if count else
                          self.tr("No number of this group can be retried; nothing was scheduled."))

    @Slot(object)
    def _on_suppressed(self, added: int) -> None:
        self.last_action = SUPPRESS
        self.note.setText(self.tr("%n number(s) added to the suppression list.", "", int(added)))
        if self.campaign_id is not None:
            self.load(self.campaign_id)

    # -- receipts ------------------------------------------------------------------------------------------
    @Slot()
    def fetch_receipts(self) -> None:
        if self.campaign_id is None or self.fetching:
            return
        session, campaign_id = self.session, self.campaign_id
        self.fetching = True
        self.note.setText(self.tr("Fetching the delivery receipts…"))

        def fetch() -> tuple[int, ReceiptSummary]:
            client = session.make_client()
            try:
                return campaign_id, session.engine.fetch_receipts(campaign_id, client)
            finally:
                client.close()

        run_in_background(fetch, self._on_receipts, self._on_receipts_failed)

    @Slot(object)
    def _on_receipts(self, answer: tuple[int, ReceiptSummary]) -> None:
        self.fetching = False
        campaign_id, _summary = answer
        self.changed.emit()
        if campaign_id == self.campaign_id:
            self.load(campaign_id)

    @Slot(object)
    def _on_receipts_failed(self, error: Exception) -> None:
        self.fetching = False
        self._on_failed(error)

    def receipts_wanted(self) -> bool:
        """Receipts are still coming, and the platform still keeps the records (two months)."""
        report = self.report
        if report is None or not report.accepted or not report.first_sent_at:
            return False
        if report.receipts_fetched and not report.awaiting_receipt:
            return False
        sent = beijing(datetime.fromisoformat(report.first_sent_at))
        return beijing(self.session.engine.clock.now()) - sent < timedelta(days=RECORDS_KEPT_DAYS)

    def _update_timer(self) -> None:
        if self.isVisible() and self.receipts_wanted():
            if not self.auto_timer.isActive():
                self.auto_timer.start()
        else:
            self.auto_timer.stop()

    @Slot()
    def _auto_fetch(self) -> None:
        if self.receipts_wanted():
            self.fetch_receipts()
        self._update_timer()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.auto_timer.stop()

    # -- sharing -------------------------------------------------------------------------------------------
    def _ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested,
                                              self.tr("PDF (*.pdf);;PNG image (*.png)"))
        return path or None

    @Slot()
    def save_file(self) -> None:
        if self.report is None:
            return
        path = self.save_path(str(Path.home() / f"发送报告-{self.report.campaign_id}.pdf"))
        if not path:
            return
        # Painting needs the GUI thread (fonts); one page is quick.
        out = render_report_file(self.report, Path(path), current_language())
        self.note.setText(self.tr("Report saved to {0}").format(out))

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        explain(self.note, self.tr("That did not work ({0})."), error)
        self.settled.emit()


FIGURE_KEYS = ("recipients", "accepted", "delivered", "delivery_rate", "failed", "pending_unknown",
               "estimated_parts", "billed_parts")
