"""The 收件人 page: open or drop a file, import it off the GUI thread, show the report and the unusable rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.domain.errors import UserFacingError
from gui.domain.recipients import ImportResult
from gui.services.recipients.importer import import_recipients
from gui.ui.i18n import current_language, pick
from gui.ui.style import ERROR
from gui.ui.workers import run_in_background

FILE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")


def _suppressed_numbers() -> frozenset[str]:
    """The 退订名单 (suppression list) if that service is present; blocking I/O, called in the worker."""
    try:
        from gui.services.suppression import SuppressionList
    except ImportError:
        return frozenset()
    return SuppressionList().numbers()


def _import(path: Path) -> ImportResult:
    return import_recipients(path, suppressed=_suppressed_numbers())


class RecipientsPage(QWidget):
    """Import recipients and show what was found.

    Signals:
        imported(object): the `ImportResult` of a successful import.
    """

    imported = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipientsPage")
        self.setAcceptDrops(True)
        self.result: ImportResult | None = None
        self.busy = False

        title = QLabel(self.tr("Recipients"), self)
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("Open an Excel, CSV or text file with the phone numbers, or drop it here. "
                              "Invalid numbers and duplicates are set aside and listed below."), self)
        hint.setObjectName("pageHint")
        hint.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Open file…"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_file)

        self.report = QFrame(self)
        self.report.setObjectName("recipientsReport")
        self.summary = QLabel(self.tr("No file imported yet."), self.report)
        self.summary.setObjectName("recipientsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invalid_title = QLabel(self.tr("Invalid numbers"), self.report)
        self.invalid_title.setObjectName("sectionLabel")
        self.invalid_table = QTableWidget(0, 3, self.report)
        self.invalid_table.setObjectName("invalidTable")
        self.invalid_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Cell value"), self.tr("Why")])
        self.invalid_table.verticalHeader().setVisible(False)
        self.invalid_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.invalid_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        report_layout = QVBoxLayout(self.report)
        report_layout.setContentsMargins(0, 8, 0, 0)
        report_layout.setSpacing(10)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.invalid_title)
        report_layout.addWidget(self.invalid_table, 1)
        self.invalid_title.hide()
        self.invalid_table.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.import_button)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(12)
        root.addLayout(top)
        root.addWidget(hint)
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

    def load(self, path: Path) -> None:
        """Import `path` on the thread pool; the report updates when it is done."""
        self.busy = True
        self.import_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Reading {0}…").format(path.name))
        run_in_background(lambda: _import(path), self._on_imported, self._on_failed)

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
        self.busy = False
        self.import_button.setEnabled(True)
        self.result = result
        self.summary.setText(self._summary_text(result))
        table = self.invalid_table
        table.setRowCount(len(result.invalid))
        for index, bad in enumerate(result.invalid):
            row_item = QTableWidgetItem(str(bad.row))
            row_item.setData(Qt.ItemDataRole.UserRole, bad.row)
            table.setItem(index, 0, row_item)
            table.setItem(index, 1, QTableWidgetItem(bad.value))
            table.setItem(index, 2, QTableWidgetItem(pick(bad.message_zh, bad.message_en)))
        self.invalid_title.setVisible(bool(result.invalid))
        table.setVisible(bool(result.invalid))
        self.imported.emit(result)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        if isinstance(error, UserFacingError):
            text = error.text(current_language())
        else:  # never a traceback in front of the user
            text = self.tr("The file could not be read ({0}). Check that it is a spreadsheet or text file.").format(
                type(error).__name__)
        self.summary.setStyleSheet(f"color: {ERROR};")
        self.summary.setText(text)
        self.invalid_title.hide()
        self.invalid_table.hide()

    def _summary_text(self, result: ImportResult) -> str:
        lines = [
            self.tr("{0}: {1} numbers can be sent to.").format(Path(result.file).name or self.tr("Pasted text"),
                                                               len(result.recipients)),
            self.tr("Invalid numbers: {0} · Duplicates: {1} · On the suppression list: {2} · Blank rows: {3}").format(
                len(result.invalid), len(result.duplicates), len(result.suppressed), result.blank_rows),
            self.tr("Phone numbers taken from column “{0}”{1}.").format(
                result.phone_column, self.tr(", sheet “{0}”").format(result.sheet) if result.sheet else ""),
        ]
        if not result.confident:
            lines.append(self.tr("The phone column was guessed; check that it is the right one."))
        return "\n".join(lines)
