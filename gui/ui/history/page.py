"""The 发送记录 page: past campaigns, their per-number results, resume, retry, receipts, export, copy as draft."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.journal.types import CampaignInfo
from gui.services.results.file_names import alternative_results_path, suggested_results_path
from gui.services.results.write_errors import ResultsNotWrittenError
from gui.services.sending.receipts import ReceiptSummary
from gui.services.sending.session import AppSession
from gui.ui.error_text import explain
from gui.ui.flow_layout import FlowLayout
from gui.ui.history.rows import campaign_rows
from gui.ui.history.tabs import CampaignTabs
from gui.ui.i18n import current_language
from gui.ui.labels import page_hint, page_title
from gui.ui.results_file_dialog import RETRY, SAVE_AS, ask_export_path, ask_when_not_written, not_written_text
from gui.ui.rows_model import RowsModel, rows_view
from gui.ui.sending.panel import StatusTable, number_entries
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the engine opens on the pool
    from gui.services.sending.engine import Engine

RESUMABLE = {CampaignState.INTERRUPTED, CampaignState.CANCELLED, CampaignState.HELD, CampaignState.STOPPED, CampaignState.PAUSED,
             CampaignState.PLANNED}


def export_results(engine: Engine, campaign_id: int, out: Path) -> Path:
    """Write the results into a copy of the recipients workbook (or CSV); blocking, run it on the pool."""
    return Path(engine.export(campaign_id, out, separate_process=True))


class HistoryPage(QWidget):
    """Campaigns from the journal; everything that sends is handed to the 检查并发送 page's SendPanel.

    Signals:
        run_requested(int, bool): send or continue campaign ID (allow re-sending unknown outcomes).
        copy_requested(object): a stored Campaign to load into 内容 as a new draft.
        settings_requested(): a report's failure group asks to fix something in 设置.
    """

    run_requested = Signal(int, bool)
    copy_requested = Signal(object)
    settings_requested = Signal()
    schedule_requested = Signal(int, object)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self.session = session
        self.infos: list[CampaignInfo] = []
        self.selected_id: int | None = None
        self.last_export: Path | None = None
        self._exporting_id: int | None = None
        # Refreshes overlap (campaign stored, run finished, step opened): only the newest answer is shown,
        # and `loading` stays True until it has arrived, so nobody reads a list that is about to change.
        self._list_generation = 0
        self._numbers_generation = 0
        self._numbers_next: int | None = None  # the campaign whose numbers are read once its report is in
        self.loading = False
        self.numbers_loading = False
        self._stale = True
        # Replaceable in tests: ask where to save; None cancels.
        self.export_path: Callable[[str], str | None] = partial(ask_export_path, self)
        # Replaceable in tests: the results file was held open or refused; returns RETRY, SAVE_AS or "".
        self.when_not_written: Callable[[ResultsNotWrittenError], str] = (
            lambda error: ask_when_not_written(self, error))

        title = page_title(self.tr("History"), self)
        hint = page_hint(self.tr(
            "Every campaign is kept here. Open one to see each number's result; continue an "
            "interrupted one, retry the failed numbers or write the results into the workbook."
        ), self)
        # Model/view: a refresh swaps the model's rows; no widget item is made per campaign or cell.
        self.model = RowsModel([
            self.tr("ID"), self.tr("Name"), self.tr("Created"), self.tr("State"), self.tr("Recipients"),
            self.tr("Accepted"), self.tr("Failed"), self.tr("Outcome unknown")], self)
        self.table = rows_view(self.model, "historyTable", self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((56, 0, 130, 90, 80, 80, 80, 90)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(8)
        actions = FlowLayout()  # wraps instead of cutting long (English) button texts
        for key, text, slot in (
            ("resumeButton", self.tr("Continue sending"), self.resume),
            ("scheduleButton", self.tr("Change schedule…"), self.change_schedule),
            ("retryButton", self.tr("Retry failed numbers"), self.retry_failed),
            ("receiptsButton", self.tr("Fetch receipts"), self.fetch_receipts),
            ("exportButton", self.tr("Export results…"), self.export),
            ("copyDraftButton", self.tr("Copy as new draft"), self.copy_as_draft),
        ):
            button = QPushButton(text, self)
            button.setObjectName(key)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        row.addLayout(actions, 1)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.textChanged.connect(self._apply_search)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshHistoryButton")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.export_button = self.buttons["exportButton"]
        self.note = QLabel("", self)
        self.note.setObjectName("historyNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers = StatusTable("historyNumbers", self)
        self.tabs = CampaignTabs(session, self.numbers, self)
        self.report_view = self.tabs.report_view
        self.report_view.run_requested.connect(self.run_requested)
        self.report_view.settings_requested.connect(self.settings_requested)
        self.report_view.changed.connect(self.refresh)
        self.report_view.settled.connect(self._read_numbers)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(10)
        root.addWidget(title)
        root.addWidget(hint)
        root.addLayout(row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.search)
        root.addLayout(note_row)
        root.addWidget(split, 1)
        self._update_buttons()

    # -- the list ------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        if not self.isVisible():
            # Hidden (a send just started or ended on another page): reading a big campaign's numbers now
            # would only stall the window; the page reloads when it is shown.
            self._stale = True
            return
        engine = self.session.engine
        if engine is None:  # the journal is still opening: the window refreshes this page when it is ready
            self._stale = True
            return
        self._stale = False
        self._list_generation += 1
        generation = self._list_generation
        self.loading = True
        language = current_language()
        run_in_background(lambda: (generation, campaign_rows(engine.campaigns(), language)), self._on_campaigns,
                          self._on_list_failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot(object)
    def _on_list_failed(self, error: Exception) -> None:
        self.loading = False
        self._on_failed(error)

    @Slot(object)
    def _on_campaigns(self, answer: tuple[int, tuple[list, list, list]]) -> None:
        generation, (infos, rows, ids) = answer
        if generation != self._list_generation:
            return  # an older refresh finished late: its states are stale
        self.loading = False
        keep = self.selected_id
        self.infos = infos
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows, ids)
        selection.blockSignals(False)
        self._apply_search(self.search.text())
        # The page opens on the newest campaign unless one was chosen (or just stored) before.
        if keep is None or keep not in ids:
            keep = ids[0] if ids else None
        if keep is not None:
            self.select(keep)
        self._update_buttons()

    def select(self, campaign_id: int) -> None:
        """Select (and open) the campaign with this ID."""
        row = self.model.row_of(campaign_id)
        if row is None:
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(row)
        selection.blockSignals(False)
        self.selected_id = campaign_id
        self.open(campaign_id)  # always re-read: its results may have changed since

    def show_report(self, campaign_id: int) -> None:
        """Open the campaign on its 报告 tab (after a send finished)."""
        self.selected_id = campaign_id
        self.tabs.show_report()
        self.select(campaign_id)

    @Slot(str)
    def _apply_search(self, text: str) -> None:
        wanted = text.strip().casefold()
        for index, info in enumerate(self.infos):
            self.table.setRowHidden(index, bool(wanted) and wanted not in (info.name or "").casefold())

    def info(self) -> CampaignInfo | None:
        return next((i for i in self.infos if i.id == self.selected_id), None)

    @Slot()
    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            campaign_id = int(self.model.key(rows[0].row()))
            if campaign_id != self.selected_id:
                self.selected_id = campaign_id
                self.open(campaign_id)
        self._update_buttons()

    def open(self, campaign_id: int) -> None:
        """Load the campaign's report, then (not beside it: two pool threads reading a million numbers each
        kept the GUI thread waiting for the GIL, 60+ ms) its per-number results into the lower table."""
        self._numbers_generation += 1
        self._numbers_next = campaign_id
        self.numbers_loading = True
        self.report_view.load(campaign_id)

    @Slot()
    def _read_numbers(self) -> None:
        campaign_id, self._numbers_next = self._numbers_next, None
        if campaign_id is None:  # settled after another of the report's actions
            return
        generation, engine = self._numbers_generation, self.session.engine
        run_in_background(lambda: (generation, number_entries(engine, campaign_id)), self._on_numbers,
                          self._on_numbers_failed, whole_list=True)

    @Slot(object)
    def _on_numbers(self, answer: tuple[int, Any]) -> None:
        generation, entries = answer
        if generation != self._numbers_generation:
            return  # another campaign was opened since
        self.numbers_loading = False
        self.numbers.model.set_rows(entries)  # built on the pool (number_entries)

    @Slot(object)
    def _on_numbers_failed(self, error: Exception) -> None:
        self.numbers_loading = False
        self._on_failed(error)

    def _update_buttons(self) -> None:
        info = self.info()
        sending = self.session.busy()
        counts = info.counts if info else {}
        # A finished campaign with numbers queued for later (a report's failure group) can be continued too.
        self.buttons["resumeButton"].setEnabled(bool(info) and not sending and (
            info.state in RESUMABLE or bool(counts.get(NumberStatus.PENDING))))
        self.buttons["retryButton"].setEnabled(bool(info) and not sending and bool(
            counts.get(NumberStatus.RETRY_LATER) or counts.get(NumberStatus.FAILED)))
        for key in ("receiptsButton", "exportButton", "copyDraftButton"):
            self.buttons[key].setEnabled(bool(info))

    # -- actions -------------------------------------------------------------------------------------------
    @Slot()
    def resume(self) -> None:
        if self.selected_id is not None:
            self.run_requested.emit(self.selected_id, True)

    def change_schedule(self) -> None:
        if (info := self.info()) is not None and info.state == CampaignState.SCHEDULED:
            self.schedule_requested.emit(info.id, info.scheduled_time)

    @Slot()
    def retry_failed(self) -> None:
        if self.selected_id is None:
            return
        engine, campaign_id = self.session.engine, self.selected_id
        run_in_background(lambda: (campaign_id, engine.retry_failed(campaign_id)), self._on_requeued, self._on_failed)

    @Slot(object)
    def _on_requeued(self, answer: tuple[int, int]) -> None:
        campaign_id, count = answer
        self.note.setText(self.tr("%n number(s) queued again.", "", count))
        if count:
            self.run_requested.emit(campaign_id, True)

    @Slot()
    def fetch_receipts(self) -> None:
        if self.selected_id is None:
            return
        session, campaign_id = self.session, self.selected_id
        self.note.setText(self.tr("Fetching the delivery receipts…"))

        def fetch() -> ReceiptSummary:
            client = session.make_client()
            try:
                return session.engine.fetch_receipts(campaign_id, client)
            finally:
                client.close()

        run_in_background(fetch, self._on_receipts, self._on_failed)

    @Slot(object)
    def _on_receipts(self, summary: ReceiptSummary) -> None:
        self.note.setText(self.tr("Receipts: {0} checked · {1} delivered · {2} not delivered · {3} not known "
                                  "yet.").format(summary.checked, summary.delivered, summary.not_delivered,
                                                 summary.waiting))
        if self.selected_id is not None:
            self.open(self.selected_id)


    @Slot()
    def export(self) -> None:
        info = self.info()
        if info is None:
            return
        suggested = suggested_results_path(info.source.file, info.id, info.name, Path.home())
        path = self.export_path(str(suggested))
        if path:
            self._start_export(info.id, Path(path))

    def _start_export(self, campaign_id: int, path: Path) -> None:
        engine = self.session.engine
        self._exporting_id = campaign_id  # 重试 / 另存为… write this campaign, whatever is selected by then
        self.note.setText(self.tr("Writing the results…"))
        run_in_background(lambda: export_results(engine, campaign_id, path), self._on_exported,
                          self._on_export_failed, whole_list=True)  # every row's result is built: see workers

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.last_export = Path(path)
        self.note.setText(self.tr("Results written to {0}").format(path))

    @Slot(object)
    def _on_export_failed(self, error: Exception) -> None:
        campaign_id = self._exporting_id
        if not isinstance(error, ResultsNotWrittenError) or campaign_id is None:
            self._on_failed(error)
            return
        self.note.setText(not_written_text(error))
        choice = self.when_not_written(error)
        if choice == RETRY:
            self._start_export(campaign_id, error.path)
        elif choice == SAVE_AS:
            documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                             or Path.home())
            path = self.export_path(str(alternative_results_path(error.path, locked=error.locked,
                                                                 documents=documents)))
            if path:
                self._start_export(campaign_id, Path(path))

    @Slot()
    def copy_as_draft(self) -> None:
        if self.selected_id is None:
            return
        engine, campaign_id = self.session.engine, self.selected_id
        run_in_background(lambda: engine.journal.campaign(campaign_id), self._on_campaign, self._on_failed)

    @Slot(object)
    def _on_campaign(self, campaign: object) -> None:
        self.copy_requested.emit(campaign)
        self.note.setText(self.tr("Loaded into Content as a new draft."))

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        explain(self.note, self.tr("That did not work ({0})."), error)
