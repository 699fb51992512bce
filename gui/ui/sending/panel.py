"""The send in progress: progress bar with ETA, counts by status, pause/resume/cancel and the status table."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.domain.clock import beijing
from gui.domain.statuses import (
    FAILED_STATUSES,
    CampaignState,
    NumberStatus,
    counts_text,
    state_label,
)
from gui.services import gc_scope
from gui.services.sending.types import ProgressSnapshot
from gui.ui.i18n import current_language
from gui.ui.sending.status_model import (
    DELIVERY_COLUMNS,
    StatusFilter,
    StatusModel,
    StatusRows,
    status_filter_choices,
    status_rows,
)
from gui.ui.sending.worker import RunResult, SendThread, SendWorker
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the window imports this page at start-up; the engine opens later, on the pool
    from gui.services.sending.engine import Engine
    from gui.services.sending.session import AppSession


def number_entries(engine: Engine, campaign_id: int) -> StatusRows:
    """The campaign's rows as the status table's columns (blocking: run it on the pool)."""
    english = current_language() == "en"
    # A page of rows at a time, each turned into the table's columns and dropped: the rows with all their
    # texts would be ~1 GB at a million numbers.
    entries = ((r.row, r.number, r.status, (r.message_en if english else "") or r.message_zh,
                (r.advice_en if english else "") or r.advice_zh, r.delivery_status, r.delivery_time,
                r.code if r.status in FAILED_STATUSES else "")
               for page in engine.number_pages(campaign_id) for r in page)
    # The campaign's rows and numbers are shared with another table showing it (the send panel, 发送记录).
    return status_rows(entries, (id(engine), campaign_id))


class StatusTable(QWidget):
    """The per-number table with its status filter and number search."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StatusModel(self)
        # The proxy is attached only while a filter is set: with a million rows, a proxy re-checking every
        # changed row on each flush (and mapping all rows after a reset) is what stalled the window.
        self.proxy = StatusFilter(self)
        self.filter = QComboBox(self)
        self.filter.setObjectName(object_name + "Filter")
        for label, statuses in status_filter_choices():
            self.filter.addItem(label, statuses)
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName(object_name + "Search")
        self.search.setPlaceholderText(self.tr("Search a number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.view = QTableView(self)
        self.view.setObjectName(object_name)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for column, width in ((0, 60), (1, 140), (2, 110), (3, 80), (4, 150), (5, 260)):
            header.resizeSection(column, width)
        self.model.modelReset.connect(self._show_delivery_columns)
        self._show_delivery_columns()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.filter)
        tools.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

    @Slot()
    def _show_delivery_columns(self) -> None:
        for column in DELIVERY_COLUMNS:
            self.view.setColumnHidden(column, not self.model.has_receipts)

    def show_keys(self, label: str, keys: tuple[str, ...]) -> None:
        """Filter to rows matching `keys` (e.g. one failure group's code) under an extra filter entry `label`."""
        last = self.filter.count() - 1
        if self.filter.itemData(last, Qt.ItemDataRole.UserRole + 1):
            self.filter.removeItem(last)
        self.filter.addItem(label, keys)
        self.filter.setItemData(self.filter.count() - 1, True, Qt.ItemDataRole.UserRole + 1)
        self.search.clear()
        self.filter.setCurrentIndex(self.filter.count() - 1)

    @Slot(int)
    def _on_filter(self, index: int) -> None:
        self.proxy.set_statuses(self.filter.itemData(index))
        self._route()

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._route()

    def _route(self) -> None:
        """The view reads the model directly unless a filter is set; then through the filtering proxy."""
        if self.proxy.active:
            if self.proxy.sourceModel() is not self.model:
                self.proxy.setSourceModel(self.model)
            if self.view.model() is not self.proxy:
                self.view.setModel(self.proxy)
        elif self.view.model() is not self.model:
            self.view.setModel(self.model)
            self.proxy.setSourceModel(None)


class SendPanel(QWidget):
    """Runs campaigns through a SendThread and shows their progress; one run at a time.

    Signals:
        run_finished(object): the RunResult once the worker is done.
    """

    run_finished = Signal(object)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.send_thread: SendThread | None = None
        self.last_result: RunResult | None = None
        self.campaign_id: int | None = None
        self._started = 0.0
        self._done_at_start = 0
        self._paused = False
        self._frozen_after_start = True
        self._freezes = 0

        self.title = QLabel(self.tr("Progress"), self)
        self.title.setObjectName("sectionLabel")
        self.state_label = QLabel(self.tr("Nothing is being sent."), self)
        self.state_label.setObjectName("sendState")
        self.state_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%v / %m")
        self.eta_label = QLabel("", self)
        self.eta_label.setObjectName("etaLabel")
        self.counts_label = QLabel("", self)
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(self.tr("Stops after the batch being sent; the campaign can be resumed later."))
        self.cancel_button.clicked.connect(self.cancel)
        self.table = StatusTable("statusTable", self)
        self.status_table = self.table.view
        self.model = self.table.model

        bar_row = QHBoxLayout()
        bar_row.setSpacing(10)
        bar_row.addWidget(self.progress_bar, 1)
        bar_row.addWidget(self.eta_label)
        bar_row.addWidget(self.pause_button)
        bar_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state_label, 1)
        layout.addLayout(head)
        layout.addLayout(bar_row)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        self._set_controls(False)

    # -- starting ------------------------------------------------------------------------------------------
    def is_sending(self) -> bool:
        return self.send_thread is not None and self.send_thread.is_running()

    def start(self, campaign_id: int, *, allow_resend: bool = True) -> None:
        """Load the campaign's rows into the table, then start its worker thread."""
        if self.is_sending():
            return
        self.campaign_id = campaign_id
        self.last_result = None
        self.state_label.setText(self.tr("Preparing campaign {0}…").format(campaign_id))
        self._allow_resend = allow_resend
        self._set_controls(True)
        self.pause_button.setEnabled(False)
        engine = self.session.engine
        run_in_background(lambda: number_entries(engine, campaign_id), self._on_entries, self._on_entries_failed,
                          whole_list=True)

    @Slot(object)
    def _on_entries(self, entries: StatusRows) -> None:
        self.model.set_rows(entries)
        total, done, counts = len(entries), entries.done, dict(entries.counts)  # counted on the pool
        del entries
        # A big campaign leaves millions of long-lived objects (the imported rows, the plan, these rows). While
        # sending, the worker's allocations trigger full collections that walk all of them with the GIL held:
        # 65 ms at 50,000 recipients, about a second at 1,000,000, all of it a frozen window. Freezing moves what
        # exists now out of the collector's sight; it is still freed by reference counting when dropped.
        self._freeze()
        self._frozen_after_start = False
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._done_at_start = done
        self._started = time.monotonic()
        self.counts_label.setText(counts_text(counts, current_language()))
        worker = SendWorker(self.session, int(self.campaign_id or 0), allow_resend=self._allow_resend)
        self.send_thread = SendThread(worker, self)
        worker.batch_result.connect(self._on_batch)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        self.pause_button.setEnabled(True)
        self.state_label.setText(state_label(CampaignState.RUNNING, current_language()))
        self.send_thread.start()

    @Slot(object)
    def _on_entries_failed(self, error: Exception) -> None:
        self._set_controls(False)
        self.state_label.setText(self.tr("Could not read the campaign: {0}").format(error))

    # -- controls ------------------------------------------------------------------------------------------
    @Slot()
    def toggle_pause(self) -> None:
        if self.send_thread is None:
            return
        self._paused = not self._paused
        if self._paused:
            self.send_thread.worker.pause()
            self.pause_button.setText(self.tr("Continue"))
            self.state_label.setText(self.tr("Pausing after the current batch…"))
        else:
            self.send_thread.worker.resume()
            self.pause_button.setText(self.tr("Pause"))

    @Slot()
    def cancel(self) -> None:
        if self.send_thread is not None and self.is_sending():
            self.send_thread.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.pause_button.setEnabled(False)
            self.state_label.setText(self.tr("Cancelling after the current batch…"))

    def stop_for_close(self) -> None:
        """Stop after the current batch because the window closes (the campaign stays resumable); never waits:
        `run_finished` follows."""
        if self.send_thread is not None:
            self.send_thread.worker.cancel(by_user=False)

    def _set_controls(self, sending: bool) -> None:
        self.pause_button.setEnabled(sending)
        self.cancel_button.setEnabled(sending)
        if not sending:
            self._paused = False
            self.pause_button.setText(self.tr("Pause"))

    # -- updates from the worker ---------------------------------------------------------------------------
    @Slot(object)
    def _on_batch(self, updates: list) -> None:
        self.model.queue_updates(updates)

    @Slot(object)
    def _on_progress(self, snapshot: ProgressSnapshot) -> None:
        if not self._frozen_after_start:
            # The runner loads the campaign's rows on its own thread after `_on_entries`: freeze those too.
            self._frozen_after_start = True
            self._freeze()
        counts = dict(snapshot.counts)
        total = max(sum(counts.values()), 1)
        done = total - counts.get(NumberStatus.PENDING, 0)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.counts_label.setText(counts_text(counts, current_language()) + "  ·  " + self.tr("Batches {0}/{1}").format(
            snapshot.batches_done, snapshot.batches_total))
        self.eta_label.setText(self._eta(done, total))
        language = current_language()
        text = state_label(snapshot.state, language)
        message = snapshot.message_en if language == "en" else snapshot.message_zh
        if message:
            text += " · " + message
        if snapshot.waiting_until is not None:
            text += " · " + self.tr("waiting until {0}").format(
                beijing(snapshot.waiting_until).strftime("%Y-%m-%d %H:%M"))
        if snapshot.state == CampaignState.PAUSED:
            self.pause_button.setText(self.tr("Continue"))
            self._paused = True
        self.state_label.setText(text)

    def _eta(self, done: int, total: int) -> str:
        sent_now = done - self._done_at_start
        elapsed = time.monotonic() - self._started
        if sent_now <= 0 or elapsed <= 0 or done >= total:
            return ""
        seconds = int(elapsed / sent_now * (total - done))
        minutes, seconds = divmod(seconds, 60)
        return self.tr("about {0}:{1:02d} left").format(minutes, seconds)

    def _freeze(self) -> None:
        gc_scope.freeze()
        self._freezes += 1

    def _thaw(self) -> None:
        while self._freezes:
            self._freezes -= 1
            gc_scope.thaw()

    @Slot(object)
    def _on_finished(self, result: RunResult) -> None:
        self._thaw()
        self.model.flush()
        self.last_result = result
        self._set_controls(False)
        self.eta_label.setText("")
        language = current_language()
        lines = [state_label(result.state, language, result.counts)]
        if result.message:
            lines.append(result.message)
        if result.error:
            lines.append(result.error)
        if result.unknown_before:
            lines.append(self.tr("Checked {0} numbers with an unknown outcome: {1} found in the platform's "
                                 "records, {2} re-sent.").format(result.unknown_before, result.found_in_records,
                                                                 result.resent))
        self.state_label.setText(" · ".join(lines))
        if result.counts:
            self.counts_label.setText(counts_text(result.counts, current_language()))
            total = sum(result.counts.values())
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(total - result.counts.get(NumberStatus.PENDING, 0))
        thread, self.send_thread = self.send_thread, None
        if thread is not None:
            # The worker quits its thread right after emitting; delete the pair once the thread has really
            # ended (never a running QThread to the GC, and never a wait on the GUI thread).
            if thread.qthread.isFinished():
                thread.deleteLater()
            else:
                thread.qthread.finished.connect(thread.deleteLater)
        self.run_finished.emit(result)
