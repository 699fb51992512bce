"""The two editors: Marketing (content, path, suffix preset) and Notification (template + parameters)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.domain.sms_text import DEFAULT_SUFFIX_KEY, SUFFIX_PRESETS, placeholder_count
from gui.ui.i18n import pick


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionLabel")
    return label


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("fieldHint")
    label.setWordWrap(True)
    return label


class MarketingForm(QWidget):
    """Custom content (≤30 characters), the static-site path and the suffix preset.

    Signals:
        changed(): any field changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content_edit = QPlainTextEdit(self)
        self.content_edit.setObjectName("contentEdit")
        self.content_edit.setPlaceholderText(self.tr("What you want to say, at most 30 characters"))
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(84)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setPlaceholderText("/index.html")
        self.suffix_picker = QComboBox(self)
        self.suffix_picker.setObjectName("suffixPicker")
        for key, preset in SUFFIX_PRESETS.items():
            self.suffix_picker.addItem(pick(preset.label_zh, preset.label_en), key)
        self.suffix_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suffix_picker.setMinimumContentsLength(18)
        self.set_suffix_key(DEFAULT_SUFFIX_KEY)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        self.layout_.addWidget(_section(self.tr("Custom content"), self))
        self.layout_.addWidget(self.content_edit)
        self.footer_index = self.layout_.count()  # the counters and problems go here
        form = QFormLayout()
        form.setContentsMargins(0, 12, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Static-site path"), self.path_edit)
        form.addRow("", _hint(self.tr("The page the short link opens; the platform makes the link."), self))
        form.addRow(self.tr("Unsubscribe text"), self.suffix_picker)
        self.layout_.addLayout(form)

        self.content_edit.textChanged.connect(self.changed)
        self.path_edit.textChanged.connect(self.changed)
        self.suffix_picker.currentIndexChanged.connect(self.changed)

    def suffix_key(self) -> str:
        return str(self.suffix_picker.currentData() or DEFAULT_SUFFIX_KEY)

    def set_suffix_key(self, key: str) -> None:
        index = self.suffix_picker.findData(key)
        self.suffix_picker.setCurrentIndex(max(index, 0))


class NotificationForm(QWidget):
    """Template ID, template text with {1}…{n}, and one parameter row per placeholder.

    Signals:
        changed(): any field changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template_id_edit = QLineEdit(self)
        self.template_id_edit.setObjectName("templateIdEdit")
        self.template_id_edit.setPlaceholderText(self.tr("e.g. 923584"))
        self.template_edit = QPlainTextEdit(self)
        self.template_edit.setObjectName("templateEdit")
        self.template_edit.setPlaceholderText(self.tr("The approved template text, with {1}, {2} … for the parameters"))
        self.template_edit.setTabChangesFocus(True)
        self.template_edit.setFixedHeight(84)
        self.params_table = QTableWidget(0, 2, self)
        self.params_table.setObjectName("paramsTable")
        self.params_table.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Value")])
        self.params_table.verticalHeader().setVisible(False)
        self.params_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.params_table.horizontalHeader().setStretchLastSection(True)
        self.params_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.params_table.setMinimumHeight(120)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Template ID"), self.template_id_edit)
        self.layout_.addLayout(form)
        self.layout_.addWidget(_section(self.tr("Template"), self))
        self.layout_.addWidget(self.template_edit)
        self.footer_index = self.layout_.count()
        self.layout_.addWidget(_section(self.tr("Template parameters"), self))
        self.layout_.addWidget(self.params_table)

        self.template_id_edit.textChanged.connect(self.changed)
        self.template_edit.textChanged.connect(self._sync_rows)
        self.params_table.itemChanged.connect(self.changed)

    def _sync_rows(self) -> None:
        """Keep one row per {n} of the template, keeping values already typed."""
        wanted = placeholder_count(self.template_edit.toPlainText())
        table = self.params_table
        if table.rowCount() != wanted:
            table.blockSignals(True)
            old = table.rowCount()
            table.setRowCount(wanted)
            for row in range(old, wanted):
                name = QTableWidgetItem(f"{{{row + 1}}}")
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(row, 0, name)
                table.setItem(row, 1, QTableWidgetItem(""))
            table.blockSignals(False)
        self.changed.emit()

    def params(self) -> tuple[str, ...]:
        values = []
        for row in range(self.params_table.rowCount()):
            item = self.params_table.item(row, 1)
            values.append(item.text() if item is not None else "")
        return tuple(values)

    def set_params(self, values: list[str]) -> None:
        for row, value in enumerate(values[: self.params_table.rowCount()]):
            self.params_table.item(row, 1).setText(value)
