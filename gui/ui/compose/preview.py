"""The phone-style preview: the sender line and a grey bubble with the exact final text, links as links."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.ui.style import ACCENT

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from gui.domain.recipients import Recipient
    from gui.ui.compose.recipient_model import RecipientPickerModel

_LINK = re.compile(r"https?://[^\s，。,]+")
SENDER = "1069…"


def _escape(text: str) -> str:
    """What html.escape returns; importing the html package loads its entity tables, before the first paint."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#x27;"))


def bubble_html(text: str) -> str:
    """The final text as rich text: escaped, links underlined in the accent colour, line breaks kept."""
    parts = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(_escape(text[position:match.start()]))
        url = _escape(match.group(0))
        # Zero-width spaces after / and . let a long link wrap inside the bubble instead of being cut.
        shown = re.sub(r"([/.])", "\\1\u200b", url)
        parts.append(f'<a href="{url}" style="color:{ACCENT}; text-decoration: underline;">{shown}</a>')
        position = match.end()
    parts.append(_escape(text[position:]))
    return "".join(parts).replace("\n", "<br>")


class PreviewPanel(QWidget):
    """What the recipient's phone shows; `set_text` updates it, `text()` returns the plain final text."""

    def __init__(self, parent: QWidget | None = None, label: Callable[[Recipient], str] = str) -> None:
        super().__init__(parent)
        self._text = ""
        frame = QFrame(self)
        frame.setObjectName("phoneFrame")
        frame.setMinimumWidth(190)
        frame.setMinimumHeight(380)  # reads as a phone screen, not a tooltip
        self.title = QLabel(self.tr("Preview on the phone"), self)
        self.title.setObjectName("sectionLabel")
        self.sender = QLabel(SENDER, frame)
        self.sender.setObjectName("senderLine")
        # Alignment, text format and flags by name through Qt's property system: naming `Qt` would make PySide
        # build all of Qt's enums before the first paint, which needs none of them.
        self.sender.setProperty("alignment", "AlignHCenter")
        self.bubble = QLabel(frame)
        self.bubble.setObjectName("previewBubble")
        self.bubble.setWordWrap(True)
        self.bubble.setProperty("textFormat", "RichText")
        self.bubble.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.bubble.setOpenExternalLinks(False)
        self.caption = QLabel(frame)
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(18, 16, 18, 18)
        inner.setSpacing(10)
        inner.addWidget(self.sender)
        inner.addWidget(self.bubble)
        inner.addWidget(self.caption)
        inner.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(self.title)
        outer.addWidget(frame, 1)
        # Which recipient the bubble shows, once recipients are imported (their columns fill the parameters).
        self.row_box = QWidget(self)
        self.row_label = QLabel(self.tr("Recipient"), self.row_box)
        self.row_picker = QComboBox(self.row_box)
        self.row_picker.setObjectName("previewRowPicker")
        self.row_picker.setAccessibleName(self.tr("Preview for recipient"))
        # A model over the imported rows, not an item per row: a million recipients load in no time. The combo
        # must not measure every label (size from a fixed length) and the popup must not lay out every row.
        # A one-column table, not a list view: QListView lays out every row, asking the model for its row count
        # twice per row (two million calls into Python at a million recipients, seconds of a frozen window while
        # a worker holds the GIL); a table's rows are fixed-height header sections and it asks a few dozen times.
        # The table is made when the first recipients arrive (`_make_popup`): the picker is hidden until then, and
        # making it, with the combo's popup container, is start-up work.
        self._label = label
        self.row_model: RecipientPickerModel | None = None  # with the popup, when the first recipients arrive
        self.row_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.row_picker.setMinimumContentsLength(18)
        self.row_picker.setMaxVisibleItems(15)
        row = QHBoxLayout(self.row_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.row_label)
        row.addWidget(self.row_picker, 1)
        outer.addWidget(self.row_box)
        self.row_box.hide()

    def set_text(self, text: str, caption: str) -> None:
        self._text = text
        self.bubble.setText(bubble_html(text) if text else "")
        self.bubble.setVisible(bool(text))
        self.caption.setText(caption)

    def text(self) -> str:
        """The exact final text shown in the bubble."""
        return self._text

    def set_recipients(self, recipients: Sequence[Recipient]) -> None:
        """The recipients to choose from (not copied); keeps the current position when it still exists."""
        model = self.row_model
        if model is None:
            if not recipients:
                return  # nothing to pick from, as before any list was imported
            model = self._make_popup()
        current = self.row_picker.currentIndex()
        self.row_picker.blockSignals(True)
        model.set_recipients(recipients)
        self.row_picker.setCurrentIndex(current if 0 <= current < len(recipients) else (0 if recipients else -1))
        self.row_picker.blockSignals(False)

    def _make_popup(self) -> RecipientPickerModel:
        from gui.ui.compose.recipient_model import RecipientPickerModel  # the model too: no rows before this

        model = self.row_model = RecipientPickerModel(self._label, self.row_picker)
        self.row_picker.setModel(model)
        self.row_picker.setView(_picker_popup(self.row_picker))
        # A drop-down list, not the style's "popup" menu: that one measures every row each time it opens.
        self.row_picker.setStyleSheet("QComboBox { combobox-popup: 0; }")
        return model

    def pick(self, index: int) -> None:
        """Show the recipient at this index (into the imported recipients)."""
        self.row_picker.setCurrentIndex(index)

    def picked_row(self) -> int | None:
        """The index (into the imported recipients) the preview shows, or None."""
        index = self.row_picker.currentIndex()
        return index if index >= 0 else None


def _picker_popup(parent: QWidget) -> QTableView:
    """The picker's drop-down list: one column of fixed-height rows, no headers, no grid."""
    # Imported here, with the first recipients: PySide builds a Qt class (and its enums) when it is imported.
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    popup = QTableView(parent)
    popup.horizontalHeader().hide()
    popup.horizontalHeader().setStretchLastSection(True)
    rows = popup.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(popup.fontMetrics().height() + 8)
    popup.setShowGrid(False)
    popup.setWordWrap(False)
    popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return popup
