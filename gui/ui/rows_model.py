"""A read-only table model over rows of display values, replaced as a whole: the model/view tables' source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole


class RowsModel(QAbstractTableModel):
    """Rows of already-formatted values plus one key per row (a campaign ID, a row number).

    `set_rows` swaps the lists in (a reset): no item objects, nothing rebuilt per cell; the view asks for the
    cells it shows. Build the rows off the GUI thread when there can be many.
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: Sequence[Sequence[Any]] = ()
        self._keys: Sequence[Any] = ()

    def set_rows(self, rows: Sequence[Sequence[Any]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._keys = keys if keys is not None else range(len(rows))
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self._keys[row]

    def row_of(self, key: Any) -> int | None:
        """The row showing `key`, or None (a scan: for short lists such as the campaigns)."""
        for row, candidate in enumerate(self._keys):
            if candidate == key:
                return row
        return None

    def text(self, row: int, column: int) -> str:
        return str(self._rows[row][column])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self._rows[index.row()][index.column()])
        if role == KEY_ROLE:
            return self._keys[index.row()]
        return None


def rows_view(model: RowsModel, object_name: str, parent: QWidget) -> QTableView:
    """A read-only, row-selecting table view over `model` (fixed row height: no per-row measuring)."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view
