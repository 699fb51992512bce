"""Every string a user can see in a widget tree, and the rule for which ASCII words may appear in Chinese UI."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.support.ascii_words import foreign_words


def _model_strings(view: QAbstractItemView, rows: int = 30) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found = []
    root = view.rootIndex()  # the rows on screen are the children of the view's root, not the model's
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)  # a list's is private
    for column in range(columns):
        found.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(min(model.rowCount(root), rows)):
        for column in range(columns):
            index = model.index(row, column, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append(value)
        for widget_column in range(columns):
            cell = view.indexWidget(model.index(row, widget_column, root))
            if cell is not None:
                found.extend(text for _, text in visible_strings(cell))
    return found


def visible_strings(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string shown by `root` and its visible children (texts typed by the user
    into line edits are data, not UI, and are left out; their placeholders are checked)."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = widget.objectName() or type(widget).__name__
        texts: list[str] = [widget.toolTip()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            texts.extend(_model_strings(widget))
        found.extend((name, text) for text in texts if text and text.strip())
    return found


def offenders(root: QWidget, allowed: set[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    return [(where, text, words) for where, text in visible_strings(root)
            if (words := foreign_words(text, allowed))]
