"""The preview picker's rows: a list model over the imported recipients that builds a label only when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex

if TYPE_CHECKING:  # the rows arrive after the first paint
    from gui.domain.recipients import Recipient

Index = QModelIndex | QPersistentModelIndex


class RecipientPickerModel(QAbstractListModel):
    """One row per imported recipient, read from the sequence on demand.

    Setting a million recipients costs the same as setting two: nothing is copied and no item is made; the
    view asks only for the rows it shows. The user role of row i is i (the recipient's index).
    """

    def __init__(self, label: Callable[[Recipient], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._recipients: Sequence[Recipient] = ()

    def set_recipients(self, recipients: Sequence[Recipient]) -> None:
        self.beginResetModel()
        self._recipients = recipients
        self.endResetModel()

    def recipients(self) -> Sequence[Recipient]:
        return self._recipients

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._recipients)

    def data(self, index: Index, role: int = 0) -> Any:  # 0: Qt.ItemDataRole.DisplayRole
        # Imported here, once rows are asked for: importing `Qt` makes PySide build all of Qt's enums, which the
        # window's start-up (where this model is empty) does without.
        from PySide6.QtCore import Qt

        if not index.isValid() or not 0 <= index.row() < len(self._recipients):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._label(self._recipients[index.row()])
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        return None
