"""The 收件人 page: open or drop a file, import it off the GUI thread, show the report and the unusable rows."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.domain.errors import UserFacingError
from gui.domain.recipients import ImportResult
from gui.ui.details import DetailsExpander
from gui.ui.error_text import plain_reason, technical
from gui.ui.i18n import current_language
from gui.ui.labels import page_hint, page_title
from gui.ui.recipients.report_rows import DuplicateRows, ImportCancelled, InvalidRows, ready
from gui.ui.recipients.tools import MappingPanel, PasteDialog, SuppressionDialog
from gui.ui.rows_model import RowsModel, rows_view
from gui.ui.style import ERROR
from gui.ui.workers import run_in_background

FILE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")


def _suppressed_numbers() -> frozenset[str]:
    """The 退订名单 (suppression list); blocking I/O, called in the worker."""
    from gui.services.recipients.suppression import SuppressionList  # with the importer, on the pool

    return SuppressionList().numbers()


class ImportProgress(QObject):
    """Rows read so far, emitted from the import thread and delivered (queued) on the GUI thread.

    Signals:
        rows(int): rows read so far.
    """

    rows = Signal(int)


class RecipientsPage(QWidget):
    """Import recipients and show what was found.

    Signals:
        imported(object): the `ImportResult` of a successful import, or None after a failed one (nothing loaded).
    """

    imported = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipientsPage")
        self.setAcceptDrops(True)
        self.result: ImportResult | None = None
        self._cancel = threading.Event()
        self.busy = False

        title = page_title(self.tr("Recipients"), self)
        hint = page_hint(self.tr(
            "Open an Excel, CSV or text file with the phone numbers, or drop it here. Invalid numbers "
            "and duplicates are set aside and listed below."
        ), self)
        self.import_button = QPushButton(self.tr("Open file…"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_file)
        self.path: Path | None = None
        # Replaceable in tests: the paste dialog's text (None: cancelled) and the sample's save path.
        self.ask_pasted = self._ask_pasted
        self.ask_sample_path = self._ask_sample_path
        self.paste_button = QPushButton(self.tr("Paste numbers…"), self)
        self.paste_button.setObjectName("pasteButton")
        self.paste_button.clicked.connect(self.paste)
        self.mapping_button = QPushButton(self.tr("Adjust columns"), self)
        self.mapping_button.setObjectName("mappingButton")
        self.mapping_button.setEnabled(False)
        self.mapping_button.clicked.connect(self.show_mapping)
        self.suppression_button = QPushButton(self.tr("Suppression list…"), self)
        self.suppression_button.setObjectName("suppressionButton")
        self.suppression_button.clicked.connect(self.open_suppression)
        self.sample_button = QPushButton(self.tr("Sample workbook…"), self)
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.clicked.connect(self.save_sample)
        # 练习模式 only: the sample's numbers are made up, so they are never offered for a live send.
        self.use_sample_button = QPushButton(self.tr("Practise with the sample workbook"), self)
        self.use_sample_button.setObjectName("useSampleButton")
        self.use_sample_button.clicked.connect(self.use_sample)
        self.use_sample_button.hide()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setRange(0, 0)  # the row count is unknown until the end: a busy bar plus the rows read
        self.progress_bar.setFormat("")
        self.progress_bar.hide()
        self.progress = ImportProgress(self)
        self.progress.rows.connect(self._on_rows)
        self.mapping = MappingPanel(self)
        self.mapping.reimport_requested.connect(self.reimport)
        self.mapping.hide()
        self.suppression_dialog: SuppressionDialog | None = None
        self.sample_saved: Path | None = None

        self.report = QFrame(self)
        self.report.setObjectName("recipientsReport")
        self.summary = QLabel(self.tr("No file imported yet."), self.report)
        self.summary.setObjectName("recipientsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invalid_title = QLabel(self.tr("Invalid numbers"), self.report)
        self.invalid_title.setObjectName("sectionLabel")
        # A file can hold a million bad or repeated rows: models over the import's lists, no item per row.
        self.invalid_model = RowsModel([self.tr("Row"), self.tr("Cell value"), self.tr("Why")], self)
        self.invalid_table = rows_view(self.invalid_model, "invalidTable", self.report)
        self.invalid_table.horizontalHeader().resizeSection(0, 70)
        self.invalid_table.horizontalHeader().resizeSection(1, 160)
        self.duplicate_title = QLabel(self.tr("Duplicates"), self.report)
        self.duplicate_title.setObjectName("sectionLabel")
        self.duplicate_model = RowsModel([self.tr("Row"), self.tr("Repeats row"), self.tr("Phone number")], self)
        self.duplicate_table = rows_view(self.duplicate_model, "duplicateTable", self.report)
        self.duplicate_table.horizontalHeader().resizeSection(0, 70)
        self.duplicate_table.horizontalHeader().resizeSection(1, 110)  # 重复的是第几行 whole
        report_layout = QVBoxLayout(self.report)
        report_layout.setContentsMargins(0, 8, 0, 0)
        report_layout.setSpacing(10)
        report_layout.addWidget(self.summary)
        self.details = DetailsExpander(self.report)
        report_layout.addWidget(self.details)
        report_layout.addWidget(self.mapping)
        report_layout.addWidget(self.invalid_title)
        report_layout.addWidget(self.invalid_table, 1)
        report_layout.addWidget(self.duplicate_title)
        report_layout.addWidget(self.duplicate_table, 1)
        for widget in (self.invalid_title, self.invalid_table, self.duplicate_title, self.duplicate_table):
            widget.hide()

        # Two rows, so every button keeps its whole text on a 1024-wide screen (in English too).
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.use_sample_button)
        top.addWidget(self.paste_button)
        top.addWidget(self.import_button)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.sample_button)
        tools.addWidget(self.suppression_button)
        tools.addWidget(self.mapping_button)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(12)
        root.addLayout(top)
        root.addLayout(tools)
        root.addWidget(hint)
        root.addWidget(self.progress_bar)
        root.addWidget(self.report, 1)

    # -- opening --------------------------------------------------------------------------------------------
    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open recipients file"), str(Path.home()),
            self.tr("Spreadsheets and text (*.xlsx *.xlsm *.xls *.csv *.txt);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path, *, sheet: str | None = None, header_row: int | None = None,
             phone_column: str | None = None) -> None:
        """Import `path` on the thread pool (with the mapping's overrides, if any); the report updates after."""
        self.path = Path(path)
        self._start(self.tr("Reading {0}…").format(Path(path).name))
        emit, cancel = self.progress.rows.emit, self._cancel

        def progress(rows: int) -> None:
            if cancel.is_set():
                raise ImportCancelled
            emit(rows)

        def work() -> ImportResult:
            from gui.services.recipients.importer import import_recipients  # calamine loads on the pool

            # A large workbook is read in a child process: calamine's copy of the sheet, freed in one call that
            # holds the GIL (30–50 ms at a million rows), never lives in the window's process.
            return ready(import_recipients(path, sheet=sheet, header_row=header_row, phone_column=phone_column or None,
                                           suppressed=_suppressed_numbers(), progress=progress,
                                           separate_process=True))

        # whole_list: no full collection over the growing million-row heap while it is read (see workers).
        run_in_background(work, self._on_imported, self._on_failed, whole_list=True)

    def load_text(self, text: str) -> None:
        """Import pasted numbers on the thread pool."""
        self.path = None
        self._start(self.tr("Reading the pasted numbers…"))

        def work() -> ImportResult:
            from gui.services.recipients.importer import import_pasted_text

            return import_pasted_text(text, suppressed=_suppressed_numbers())

        run_in_background(work, self._on_imported, self._on_failed)

    def cancel_import(self) -> None:
        """Stop a running import at its next progress step (the window is closing); nothing is reported."""
        self._cancel.set()

    def _start(self, message: str) -> None:
        self._cancel = threading.Event()
        self.busy = True
        for button in (self.import_button, self.paste_button, self.mapping_button):
            button.setEnabled(False)
        self.mapping.hide()
        self.progress_bar.setFormat("")
        self.progress_bar.show()
        self.summary.setStyleSheet("")
        self.summary.setText(message)

    def _stop(self) -> None:
        self.busy = False
        self.progress_bar.hide()
        self.import_button.setEnabled(True)
        self.paste_button.setEnabled(True)
        # Only a file that was read has columns to adjust; a failed or pasted import has none.
        self.mapping_button.setEnabled(self.path is not None and self.result is not None)

    @Slot(int)
    def _on_rows(self, rows: int) -> None:
        if self.busy:
            self.summary.setText(self.tr("%n row(s) read…", "", rows))

    def _ask_pasted(self) -> str | None:
        dialog = PasteDialog(self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def paste(self) -> None:
        text = self.ask_pasted()
        if text and text.strip():
            self.load_text(text)

    @Slot()
    def show_mapping(self) -> None:
        if self.result is not None and self.path is not None:
            self.mapping.show_for(self.result, guessed=not self.result.confident)

    @Slot(object, object, object)
    def reimport(self, sheet: object, header_row: object, phone_column: object) -> None:
        if self.path is not None:
            self.load(self.path, sheet=sheet if isinstance(sheet, str) else None,
                      header_row=int(header_row) if isinstance(header_row, int) else None,
                      phone_column=str(phone_column or "") or None)

    @Slot()
    def open_suppression(self) -> None:
        if self.suppression_dialog is None:
            from gui.services.recipients.suppression import SuppressionList

            self.suppression_dialog = SuppressionDialog(SuppressionList(), self)
        else:
            self.suppression_dialog.reload()
        self.suppression_dialog.show()

    def _ask_sample_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the sample workbook"),
                                              str(Path.home() / "收件人示例.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        return path or None

    @Slot()
    def save_sample(self) -> None:
        from gui.services.recipients.sample_workbook import save_sample_workbook

        path = self.ask_sample_path()
        if path:
            run_in_background(lambda: save_sample_workbook(path), self._on_sample_saved,
                              self._on_sample_failed)

    def set_sandbox(self, sandbox: bool) -> None:
        self.use_sample_button.setVisible(sandbox)

    @Slot()
    def use_sample(self) -> None:
        """Copy the sample workbook into the (sandbox) data folder and import it: one click to a list."""
        from gui.services.config.paths import database_path
        from gui.services.recipients.sample_workbook import SAMPLE_NAME, save_sample_workbook

        self.load(save_sample_workbook(database_path().parent / SAMPLE_NAME))

    @Slot(object)
    def _on_sample_saved(self, path: Path) -> None:
        self.sample_saved = Path(path)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Sample workbook saved to {0}").format(path))

    @Slot(object)
    def _on_sample_failed(self, error: Exception) -> None:
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The sample workbook could not be saved ({0}).").format(plain_reason(error))
        self.summary.setStyleSheet(f"color: {ERROR};")
        self.summary.setText(text)
        self.details.set_details("" if isinstance(error, UserFacingError)
                                 else self.tr("Technical detail: {0}").format(technical(error)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(FILE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.load(Path(event.mimeData().urls()[0].toLocalFile()))
        event.acceptProposedAction()

    # -- results --------------------------------------------------------------------------------------------
    @Slot(object)
    def _on_imported(self, result: ImportResult) -> None:
        self.result = result
        self.details.set_details("")
        self._stop()
        self.summary.setText(self._summary_text(result))
        table = self.invalid_table
        self.invalid_model.set_rows(InvalidRows(result.invalid, current_language() == "en"))
        self.invalid_title.setVisible(bool(result.invalid))
        table.setVisible(bool(result.invalid))
        # Each repeated row and the row it repeats (only the first is sent to).
        duplicates = self.duplicate_table
        self.duplicate_model.set_rows(DuplicateRows(result.duplicates))
        self.duplicate_title.setVisible(bool(result.duplicates))
        duplicates.setVisible(bool(result.duplicates))
        if not result.confident and self.path is not None:
            self.mapping.show_for(result, guessed=True)  # the mapping step, before anything is sent
        self.imported.emit(result)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, ImportCancelled):
            self._stop()
            self.summary.setText(self.tr("Import stopped."))
            return
        if isinstance(error, UserFacingError):
            text = error.text(current_language())
        else:  # never a traceback in front of the user
            text = self.tr("The file could not be read ({0}). Check that it is a spreadsheet or text file.").format(
                plain_reason(error))
        # No stale list: what was loaded before is dropped, so nothing is sent to the previous file's numbers.
        previous = self.result
        self.result = None
        self._stop()
        failed = self.path.name if self.path is not None else self.tr("the pasted numbers")
        note = self.tr("Importing {0} failed; no recipients are loaded now.").format(failed)
        if previous is not None:
            note += " " + self.tr("The list from {0} was removed.").format(
                Path(previous.file).name or self.tr("pasted numbers"))
        self.summary.setStyleSheet(f"color: {ERROR};")
        self.summary.setText(note + "\n" + text)
        detail = error.detail if isinstance(error, UserFacingError) else technical(error)
        self.details.set_details(self.tr("Technical detail: {0}").format(detail) if detail else "")
        for widget in (self.invalid_title, self.invalid_table, self.duplicate_title, self.duplicate_table):
            widget.hide()
        self.imported.emit(None)

    def _summary_text(self, result: ImportResult) -> str:
        lines = [
            self.tr("{0}: {1} numbers can be sent to.").format(Path(result.file).name or self.tr("Pasted text"),
                                                               len(result.recipients)),
            self.tr("Invalid numbers: {0} · Duplicates: {1} · On the suppression list: {2} · Blank rows: {3}").format(
                len(result.invalid), len(result.duplicates), len(result.suppressed), result.blank_rows),
            self.tr("Phone numbers taken from column “{0}”{1}.").format(
                result.phone_column, self.tr(", sheet “{0}”").format(result.sheet) if result.sheet else ""),
        ]
        if result.sheet_hidden:
            lines.append(self.tr("This sheet is hidden in Excel; it was read because you chose it."))
        if not result.confident:
            lines.append(self.tr("The phone column was guessed; check that it is the right one."))
        return "\n".join(lines)
