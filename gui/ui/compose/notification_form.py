"""内容's Notification editor: the template ID, the template text with {1}…{n}, one parameter row per placeholder.

Built right after the window's first paint (or when first used), not with 内容: its table and classes are not
start-up work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.domain.sms_text import placeholder_count
from gui.ui.labels import field_hint, section_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from gui.domain.campaign import ParamSource


class NotificationForm(QWidget):
    """Template ID, template text with {1}…{n}, and one parameter row per placeholder.

    Each parameter row takes its value from literal text or from a recipients column (`param_sources`).

    Signals:
        changed(): any field changed.
    """

    changed = Signal()
    NAME, SOURCE, VALUE = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[str, ...] = ()
        self._param_names: list[str] = []
        self.template_id_edit = QLineEdit(self)
        self.template_id_edit.setObjectName("templateIdEdit")
        self.template_id_edit.setPlaceholderText(self.tr("e.g. 923584"))
        self.template_edit = QPlainTextEdit(self)
        self.template_edit.setObjectName("templateEdit")
        self.template_edit.setPlaceholderText(self.tr("The approved template text, with {1}, {2} … for the parameters"))
        self.template_edit.setTabChangesFocus(True)
        self.template_edit.setFixedHeight(84)
        self.params_table = QTableWidget(0, 3, self)
        self.params_table.setObjectName("paramsTable")
        self._value_delegate = _ColumnValueDelegate(self)
        self.params_table.setItemDelegateForColumn(self.VALUE, self._value_delegate)
        self.params_table.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Source"), self.tr("Value")])
        self.params_table.verticalHeader().setVisible(False)
        header = self.params_table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.params_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.params_table.setMinimumHeight(120)
        self.columns_hint = field_hint(self.tr("Import recipients to fill a parameter from a column, e.g. each "
                                               "person's name."), self)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        form = self.form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Template ID"), self.template_id_edit)
        self.layout_.addLayout(form)
        self.layout_.addWidget(section_label(self.tr("Template"), self))
        self.layout_.addWidget(self.template_edit)
        self.footer_index = self.layout_.count()
        self.layout_.addWidget(section_label(self.tr("Template parameters"), self))
        self.layout_.addWidget(self.params_table)
        self.layout_.addWidget(self.columns_hint)

        self.template_id_edit.textChanged.connect(self.changed)
        self.template_edit.textChanged.connect(self._sync_rows)
        self.params_table.itemChanged.connect(self.changed)

    # -- rows ------------------------------------------------------------------------------------------------
    def _sync_rows(self) -> None:
        """Keep one row per {n} of the template, keeping values and sources already chosen."""
        from PySide6.QtCore import Qt  # here: see MarketingForm's label alignment

        wanted = placeholder_count(self.template_edit.toPlainText())
        table = self.params_table
        if table.rowCount() != wanted:
            table.blockSignals(True)
            old = table.rowCount()
            table.setRowCount(wanted)
            for row in range(old, wanted):
                name = QTableWidgetItem(self._row_label(row))
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(row, self.NAME, name)
                table.setCellWidget(row, self.SOURCE, self._source_picker(row))
                table.setItem(row, self.VALUE, QTableWidgetItem(""))
            table.blockSignals(False)
        self.changed.emit()

    def _row_label(self, row: int) -> str:
        name = self._param_names[row] if row < len(self._param_names) else ""
        return f"{{{row + 1}}} {name}".strip()

    def _source_picker(self, row: int) -> QComboBox:
        picker = QComboBox(self.params_table)
        picker.setObjectName(f"paramSource{row + 1}")
        self._fill_picker(picker, "")
        picker.currentIndexChanged.connect(lambda _index, r=row: self._on_source_changed(r))
        return picker

    def _fill_picker(self, picker: QComboBox, keep: str) -> None:
        """Text first, then one entry per recipients column (plus `keep`, a column the file may lack)."""
        picker.blockSignals(True)
        picker.clear()
        picker.addItem(self.tr("Text"), "")
        for column in dict.fromkeys((*self._columns, keep) if keep else self._columns):
            picker.addItem(self.tr("Column: {0}").format(column), column)
        picker.setCurrentIndex(max(picker.findData(keep), 0))
        picker.blockSignals(False)

    def source_picker(self, row: int) -> QComboBox:
        return self.params_table.cellWidget(row, self.SOURCE)  # type: ignore[return-value]  # that column only holds ParamSourceBox

    def _on_source_changed(self, row: int) -> None:
        from PySide6.QtCore import Qt  # here: see MarketingForm's label alignment

        item = self.params_table.item(row, self.VALUE)
        if item is not None:
            column = self.source_picker(row).currentData()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if column else flags | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self.column_hint(row))
        self.params_table.viewport().update()
        self.changed.emit()

    def column_hint(self, row: int) -> str:
        """What a row reading a column shows in place of a value ("" for a text row)."""
        picker = self.source_picker(row)
        column = picker.currentData() if picker is not None else ""
        return self.tr("Each recipient's {0}").format(column) if column else ""

    # -- public API --------------------------------------------------------------------------------------------
    def set_columns(self, columns: tuple[str, ...] | list[str]) -> None:
        """The recipients columns parameters may read (from the last import)."""
        self._columns = tuple(columns)
        for row in range(self.params_table.rowCount()):
            picker = self.source_picker(row)
            self._fill_picker(picker, str(picker.currentData() or ""))
        self.columns_hint.setVisible(not self._columns)

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def set_param_names(self, names: tuple[str, ...] | list[str]) -> None:
        """What {1}, {2}… mean (from the template library); shown next to the placeholder."""
        self._param_names = list(names)
        for row in range(self.params_table.rowCount()):
            item = self.params_table.item(row, self.NAME)
            if item is not None:
                item.setText(self._row_label(row))

    def param_names(self) -> tuple[str, ...]:
        """A name per row: the saved name, else the column it reads, else empty."""
        names = []
        for row in range(self.params_table.rowCount()):
            saved = self._param_names[row] if row < len(self._param_names) else ""
            names.append(saved or str(self.source_picker(row).currentData() or ""))
        return tuple(names)

    def params(self) -> tuple[str, ...]:
        """The literal text of each row (a column row's literal is kept for when it is switched back)."""
        values = []
        for row in range(self.params_table.rowCount()):
            item = self.params_table.item(row, self.VALUE)
            values.append(item.text() if item is not None else "")
        return tuple(values)

    def set_params(self, values: list[str]) -> None:
        for row, value in enumerate(values[: self.params_table.rowCount()]):
            self.params_table.item(row, self.VALUE).setText(value)

    def param_sources(self) -> tuple[ParamSource, ...]:
        """One `ParamSource` per row: the chosen column, or the literal text."""
        from gui.domain.campaign import ParamSource  # here: a Marketing first paint needs no campaign classes

        sources = []
        for row, literal in enumerate(self.params()):
            column = str(self.source_picker(row).currentData() or "")
            sources.append(ParamSource(column=column) if column else ParamSource(literal=literal))
        return tuple(sources)

    def set_param_sources(self, sources: list[ParamSource] | tuple[ParamSource, ...]) -> None:
        """Set each row's source (rows come from the template text, so set that first)."""
        for row, source in enumerate(list(sources)[: self.params_table.rowCount()]):
            picker = self.source_picker(row)
            self._fill_picker(picker, source.column)
            if not source.column:
                self.params_table.item(row, self.VALUE).setText(source.literal)
            self._on_source_changed(row)


class _ColumnValueDelegate(QStyledItemDelegate):
    """Shows "each recipient's 姓名" in a column-fed row's value cell, keeping the literal underneath."""

    def __init__(self, form: NotificationForm) -> None:
        super().__init__(form.params_table)
        self._form = form

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        hint = self._form.column_hint(index.row())
        if hint:
            from PySide6.QtGui import QPalette  # here: the first paint shows no parameter rows

            option.text = hint
            option.font.setItalic(True)
            option.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.PlaceholderText))
