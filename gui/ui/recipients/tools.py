"""The 收件人 page's helpers: the paste dialog, the column mapping panel and the 退订名单 (suppression list) dialog."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.domain.clock import beijing, parse_timestamp
from gui.domain.recipients import ImportResult
from gui.ui.error_text import explain
from gui.ui.keyboard import keyboard_friendly
from gui.ui.rows_model import RowsModel, rows_view
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the importer loads on the pool
    from gui.services.recipients.suppression import SuppressionEntry, SuppressionList

MANUAL_REASON = "手动添加"
BLACKLIST_REASON = "平台退订/黑名单"  # stored by the engine and the report (older versions added "(PhoneNumberInBlacklist)")
IMPORTED_PREFIX = "导入自 "  # SuppressionList.import_file: "导入自 <file name>"


def beijing_text(stamp: str) -> str:
    """A stored time as Beijing time, 'YYYY-MM-DD HH:MM': the database's format (already Beijing time), or an
    ISO time with its offset (UTC when it has none); unreadable values as they are."""
    moment = parse_timestamp(stamp)
    if moment is None:
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            return stamp[:16].replace("T", " ")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return beijing(moment).strftime("%Y-%m-%d %H:%M")


class PasteDialog(QDialog):
    """A text box for numbers copied from elsewhere: one per line, or separated by commas or spaces."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste numbers"))
        self.resize(420, 360)
        hint = QLabel(self.tr("One number per line (commas, semicolons and tabs also separate numbers)."), self)
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("pasteEdit")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.text_edit.toPlainText()


class MappingPanel(QGroupBox):
    """Which sheet, which header row and which column hold the phone numbers; 重新导入 applies them.

    Signals:
        reimport_requested(object, object, object): sheet (str | None), header_row (int), phone_column (str).
    """

    reimport_requested = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Columns"), parent)
        self.setObjectName("mappingPanel")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.sheet_picker = QComboBox(self)
        self.sheet_picker.setObjectName("sheetPicker")
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("headerRowSpin")
        self.header_spin.setRange(0, 1000)
        self.header_spin.setSpecialValueText(self.tr("No header row"))
        self.column_picker = QComboBox(self)
        self.column_picker.setObjectName("phoneColumnPicker")
        self.column_picker.setEditable(True)  # a header name or a column letter
        self.apply_button = QPushButton(self.tr("Import again"), self)
        self.apply_button.setObjectName("reimportButton")
        self.apply_button.clicked.connect(self._apply)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Sheet"), self.sheet_picker)
        form.addRow(self.tr("Header row"), self.header_spin)
        form.addRow(self.tr("Phone number column"), self.column_picker)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addLayout(row)

    def show_for(self, result: ImportResult, guessed: bool) -> None:
        """Fill the pickers from what the import found."""
        self.note.setText(self.tr("The phone column was guessed. Check the sheet, the header row and the column, "
                                  "then import again.") if guessed else
                          self.tr("Change the sheet, the header row or the phone column, then import again."))
        self.sheet_picker.clear()
        for name in result.sheets:
            self.sheet_picker.addItem(name)
        self.sheet_picker.setEnabled(bool(result.sheets))
        if result.sheet:
            self.sheet_picker.setCurrentText(result.sheet)
        self.header_spin.setValue(result.header_row or 0)
        self.column_picker.clear()
        for name in result.columns:
            self.column_picker.addItem(name)
        self.column_picker.setCurrentText(result.phone_column)
        self.show()

    @Slot()
    def _apply(self) -> None:
        sheet = self.sheet_picker.currentText() or None
        self.reimport_requested.emit(sheet, self.header_spin.value(), self.column_picker.currentText().strip())


class SuppressionDialog(QDialog):
    """The 退订名单: numbers never sent to. Add, remove, or import them from a file; all I/O off the GUI thread."""

    def __init__(self, suppression: SuppressionList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suppressionDialog")
        self.setWindowTitle(self.tr("Suppression list"))
        self.resize(560, 480)
        self.suppression = suppression
        self.busy = False
        # Replaceable in tests: ask for a file to import; None cancels.
        self.ask_file = self._ask_file
        self.model = RowsModel([self.tr("Phone number"), self.tr("Reason"), self.tr("Added")], self)
        self.table = rows_view(self.model, "suppressionTable", self)
        self.table.horizontalHeader().resizeSection(0, 150)
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("suppressionNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("Numbers to add, separated by commas"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("suppressionAddButton")
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.setObjectName("suppressionRemoveButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("Import from a file…"), self)
        self.import_button.setObjectName("suppressionImportButton")
        self.import_button.clicked.connect(self.import_chosen)
        self.note = QLabel("", self)
        self.note.setObjectName("suppressionNote")
        self.note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        add_row = QHBoxLayout()
        add_row.addWidget(self.number_edit, 1)
        add_row.addWidget(self.add_button)
        tools = QHBoxLayout()
        tools.addWidget(self.remove_button)
        tools.addWidget(self.import_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.note)
        layout.addWidget(close)
        keyboard_friendly(self)
        self.reload()

    def _run(self, fn: Callable[[], int] | None, message_key: str = "") -> None:
        self.busy = True
        suppression = self.suppression

        def work() -> tuple[str, int, list[SuppressionEntry]]:
            count = fn() if fn is not None else 0
            entries = suppression.entries()
            return message_key, count, entries

        run_in_background(work, self._on_done, self._on_failed)

    @Slot()
    def reload(self) -> None:
        self._run(None)

    @Slot()
    def add_typed(self) -> None:
        parts = [p for p in self.number_edit.text().replace("，", ",").replace(";", ",").split(",") if p.strip()]
        if not parts:
            return
        suppression = self.suppression
        self.number_edit.clear()
        self._run(lambda: suppression.add(parts, reason=MANUAL_REASON), "added")

    @Slot()
    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        numbers = [self.model.text(r, 0) for r in sorted(rows)]
        if numbers:
            suppression = self.suppression
            self._run(lambda: suppression.remove(numbers), "removed")

    def _ask_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the suppression list"), str(Path.home()),
                                              self.tr("Spreadsheets and text (*.xlsx *.xls *.csv *.txt)"))
        return path or None

    @Slot()
    def import_chosen(self) -> None:
        path = self.ask_file()
        if path:
            suppression = self.suppression
            self._run(lambda: suppression.import_file(Path(path)), "imported")

    @Slot(object)
    def _on_done(self, answer: tuple[str, int, list[SuppressionEntry]]) -> None:
        key, count, entries = answer
        self.busy = False
        self.model.set_rows([(entry.number, self.reason_text(entry.reason), beijing_text(entry.added_at))
                             for entry in entries])
        messages = {"added": self.tr("%n number(s) added.", "", count),
                    "removed": self.tr("%n number(s) removed.", "", count),
                    "imported": self.tr("%n number(s) imported.", "", count)}
        total = self.tr("%n number(s) on the suppression list.", "", len(entries))
        self.note.setText((messages[key] + " " if key in messages else "") + total)

    def reason_text(self, reason: str) -> str:
        """Why a number is listed, in words (older lists stored the code word "manual" and an API status name)."""
        if reason in ("manual", MANUAL_REASON):
            return self.tr("Added by hand")
        if reason.startswith(BLACKLIST_REASON):
            return self.tr("Unsubscribed or blacklisted (reported by the platform)")
        if reason.startswith(IMPORTED_PREFIX):
            return self.tr("Imported from {0}").format(reason[len(IMPORTED_PREFIX):])
        return re.sub(r"\s*\([A-Za-z]+\)$", "", reason)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self.busy = False
        explain(self.note, self.tr("That did not work ({0})."), error)
