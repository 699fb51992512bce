"""内容's Marketing editor: the custom content, the static-site path and the suffix preset (the Notification
editor is in notification_form.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.domain.sms_text import DEFAULT_SUFFIX_KEY, SUFFIX_PRESETS
from gui.ui.i18n import pick
from gui.ui.labels import field_hint, section_label

if TYPE_CHECKING:

    pass


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
        # Empty until the user types it: the placeholder must not read as a value already filled in.
        self.path_edit.setPlaceholderText(self.tr("Required, e.g. /index.html"))
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
        self.layout_.addWidget(section_label(self.tr("Custom content"), self))
        self.layout_.addWidget(self.content_edit)
        self.footer_index = self.layout_.count()  # the counters and problems go here
        form = self.form = QFormLayout()
        form.setContentsMargins(0, 12, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        # By name through Qt's property system: naming `Qt` would make PySide build all of Qt's enums before the
        # first paint (the window's start-up builds this form).
        form.setProperty("labelAlignment", "AlignLeft|AlignVCenter")
        form.addRow(self.tr("Static-site path"), self.path_edit)
        form.addRow("", field_hint(self.tr("The page the short link opens; the platform makes the link."), self))
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
