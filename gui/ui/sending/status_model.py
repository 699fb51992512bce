"""Per-number send status as a table model: updates are buffered by number and applied on a short timer."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QColor

from gui.domain.statuses import DeliveryStatus, NumberStatus, status_label
from gui.services.journal.types import NumberUpdate
from gui.ui.i18n import current_language
from gui.ui.style import ACCENT, ERROR, MUTED, WARNING
from gui.ui.workers import release_in_background

# Row numbers and statuses in parallel lists: a million recipients must stay cheap to hold and to update.
COLUMN_COUNT = 7
DELIVERY_COLUMNS = (3, 4)  # 送达状态, 送达时间: shown once receipts have been fetched
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_STEP = 20_000
# The number → row index is kept in dicts of at most INDEX_PART numbers, filled INDEX_STEP at a time: one dict
# of a million grows by rehashing ~700,000 keys in one C call (~30 ms with the GIL held, the window waiting);
# below ~700,000 its largest rehash is ~350,000.
INDEX_PART = 600_000
INDEX_STEP = 20_000
# Filter keys beside the plain statuses: an accepted number's receipt, and a failure code (a report group).
DELIVERY_KEY = "delivery:"
CODE_KEY = "code:"
AWAITING = "awaiting"
_COLOURS = {
    NumberStatus.ACCEPTED: ACCENT,
    NumberStatus.FAILED: ERROR,
    NumberStatus.RETRY_LATER: WARNING,
    NumberStatus.UNKNOWN: WARNING,
    NumberStatus.RECONCILING: WARNING,
    NumberStatus.SUPPRESSED: MUTED,
    NumberStatus.CAPPED: MUTED,
    NumberStatus.PENDING: MUTED,
    DeliveryStatus.DELIVERED: ACCENT,
    DeliveryStatus.NOT_DELIVERED: ERROR,
}
Index = QModelIndex | QPersistentModelIndex


class NumberIndex:
    """The row of each number (the last row, for a number listed twice), looked up like a dict's `get`."""

    def __init__(self, numbers: Sequence[str] = ()) -> None:
        self._parts: list[dict[str, int]] = []
        for start in range(0, len(numbers), INDEX_STEP):
            if not self._parts or len(self._parts[-1]) >= INDEX_PART:
                self._parts.append({})
            chunk = numbers[start:start + INDEX_STEP]
            self._parts[-1].update(zip(chunk, range(start, start + len(chunk)), strict=True))

    def get(self, number: str) -> int | None:
        for part in reversed(self._parts):  # a later row wins, as in one dict
            if (i := part.get(number)) is not None:
                return i
        return None


class NumberKeys(NamedTuple):
    """A campaign's row numbers, phone numbers and their index: never changed once built, so every table showing
    the campaign (the send panel's, 发送记录's) can hold the same ones: ~120 MB once, not twice, at a million."""

    rows: list[int]
    numbers: list[str]
    index: NumberIndex


@dataclass
class StatusRows:
    """The status table's columns, built off the GUI thread so that showing a million rows is a swap."""

    rows: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    reason: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    delivery: list[str] = field(default_factory=list)
    delivery_time: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    index: NumberIndex = field(default_factory=NumberIndex)
    has_receipts: bool = False
    done: int = 0  # rows no longer pending
    counts: Counter[str] = field(default_factory=Counter)  # rows per status, as built
    source: Hashable | None = None  # which campaign of which journal, if read from one

    def __len__(self) -> int:
        return len(self.numbers)


def status_rows(entries: Iterable[Sequence[Any]], source: Hashable | None = None) -> StatusRows:
    """Columns from (row, number, status[, reason, advice, delivery, delivery time, code]) entries; a loop over
    every row: call it on the pool. When another table shows the same `source` (a campaign of a journal) with
    the same rows and numbers, its `NumberKeys` are shared instead of built again."""
    b = StatusRows(source=source)
    like = shown_keys(source)
    same = like is not None  # every entry so far has the row and number `like` has there
    like_rows, like_numbers = (like.rows, like.numbers) if like is not None else ([], [])
    count = 0
    # SQLite hands back a new string for every cell: a million copies of the same few statuses, reasons and
    # advice are ~300 MB. Equal texts share one string here.
    shared: dict[str, str] = {}
    one = shared.setdefault
    for entry in entries:
        cells = [str(value) for value in entry[2:8]]
        cells += [""] * (6 - len(cells))
        status, reason, advice, delivery, delivery_time, code = cells
        row, number = int(entry[0]), str(entry[1])
        if same and not (count < len(like_rows) and like_rows[count] == row and like_numbers[count] == number):
            same = False
            b.rows, b.numbers = like_rows[:count], like_numbers[:count]
        if not same:
            b.rows.append(row)
            b.numbers.append(number)
        count += 1
        b.status.append(one(status, status))
        b.reason.append(one(reason, reason))
        b.advice.append(one(advice, advice))
        b.delivery.append(one(delivery, delivery))
        b.delivery_time.append(delivery_time)
        b.code.append(one(code, code))
    b.has_receipts = any(b.delivery)
    if same and like is not None and count == len(like_rows):
        b.rows, b.numbers, b.index = like
    else:
        if same:  # fewer entries than `like` has
            b.rows, b.numbers = like_rows[:count], like_numbers[:count]
        b.index = NumberIndex(b.numbers)
    for start in range(0, len(b.status), COUNT_STEP):  # Counter over a million rows at once holds the GIL
        b.counts.update(b.status[start:start + COUNT_STEP])
    b.done = len(b.status) - b.counts.get(NumberStatus.PENDING, 0)
    return b


# Every live model, for `shown_keys`: a plain list of weak references, so that copying it on a pool thread
# is one C call (a WeakSet is iterated in Python steps and fails if the GUI thread adds a model meanwhile).
_models: list[weakref.ref[StatusModel]] = []


def shown_keys(source: Hashable | None) -> NumberKeys | None:
    """The rows, numbers and index of a table that shows `source` now (read on the pool: they never change)."""
    if source is None:
        return None
    for ref in list(_models):
        model = ref()
        if model is None:
            continue
        keys = model.keys
        if model.source == source and keys.numbers:
            return keys
    return None


class StatusModel(QAbstractTableModel):
    """One row per recipient (row number, number, status, delivery, delivery time, reason, advice), keyed by number.

    `queue_updates` may be called as often as batches arrive; the model applies what is queued at most every
    `interval_ms` (one dataChanged per flush), so the view never repaints per number.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 80) -> None:
        super().__init__(parent)
        self._rows: list[int] = []
        self._numbers: list[str] = []
        self._status: list[str] = []
        self._reason: list[str] = []
        self._advice: list[str] = []
        self._delivery: list[str] = []
        self._delivery_time: list[str] = []
        self._code: list[str] = []
        self.has_receipts = False
        self._index = NumberIndex()
        self.source: Hashable | None = None  # which campaign of which journal the rows are, if read from one
        self.keys = NumberKeys(self._rows, self._numbers, self._index)
        _models[:] = [ref for ref in _models if ref() is not None] + [weakref.ref(self)]
        self._pending: dict[str, tuple[str, str, str]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._headers = (self.tr("Row"), self.tr("Phone number"), self.tr("Status"), self.tr("Delivery"),
                         self.tr("Delivered at"), self.tr("Reason"), self.tr("What to do"))

    # -- filling --------------------------------------------------------------------------------------------
    def reset_rows(self, entries: Iterable[Sequence[Any]]) -> None:
        """Replace everything with (row, number, status[, reason, advice, delivery, delivery time, code]) entries."""
        self.set_rows(status_rows(entries))

    def set_rows(self, built: StatusRows) -> None:
        """Show columns built by `status_rows` on the pool: a swap, O(1) on the GUI thread. The columns shown
        until now are freed on the pool, one at a time: a million rows' worth freed here took ~60 ms."""
        old: list[object] = [self._rows, self._numbers, self._status, self._reason, self._advice, self._delivery,
                             self._delivery_time, self._code, *self._index._parts]
        self.beginResetModel()
        self._pending.clear()
        self._rows, self._numbers, self._status = built.rows, built.numbers, built.status
        self._reason, self._advice = built.reason, built.advice
        self._delivery, self._delivery_time, self._code = built.delivery, built.delivery_time, built.code
        self.has_receipts = built.has_receipts
        self._index = built.index
        self.source = built.source
        self.keys = NumberKeys(self._rows, self._numbers, self._index)
        self.endResetModel()
        # Columns another table shares (NumberKeys) are only let go of here; whichever table drops them last frees them.
        release_in_background(old)

    def queue_updates(self, updates: Iterable[NumberUpdate]) -> None:
        """Buffer the runner's number updates; applied on the timer."""
        english = current_language() == "en"
        for u in updates:
            reason = (u.message_en if english else "") or u.message_zh
            advice = (u.advice_en if english else "") or u.advice_zh
            self._pending[u.number] = (u.status, reason, advice)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Apply every queued update now; one dataChanged over the touched range."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        low, high = len(self._numbers), -1
        for number, (status, reason, advice) in pending.items():
            i = self._index.get(number)
            if i is None:
                continue
            self._status[i], self._reason[i], self._advice[i] = status, reason, advice
            low, high = min(low, i), max(high, i)
        if high >= 0:
            self.dataChanged.emit(self.index(low, 0), self.index(high, COLUMN_COUNT - 1))

    # -- reading --------------------------------------------------------------------------------------------
    def status_of(self, number: str) -> str | None:
        i = self._index.get(number)
        return None if i is None else self._status[i]

    def row_status(self, i: int) -> str:
        return self._status[i]

    def row_number(self, i: int) -> str:
        return self._numbers[i]

    def row_keys(self, i: int) -> tuple[str, str, str]:
        """The row's filter keys: its status, its receipt (accepted numbers only) and its failure code."""
        status = self._status[i]
        delivery = DELIVERY_KEY + (self._delivery[i] or AWAITING) if status == NumberStatus.ACCEPTED else ""
        return status, delivery, CODE_KEY + self._code[i] if self._code[i] else ""

    def delivery_of(self, number: str) -> tuple[str, str] | None:
        i = self._index.get(number)
        return None if i is None else (self._delivery[i], self._delivery_time[i])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._numbers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._rows[i]
            if column == 1:
                return self._numbers[i]
            if column == 2:
                return status_label(self._status[i], current_language())
            if column == 3:
                delivery = self._delivery[i]
                return status_label(delivery, current_language()) if delivery else ""
            if column == 4:
                return self._delivery_time[i]
            if column == 5:
                return self._reason[i]
            return self._advice[i]
        if role == STATUS_ROLE:
            return self._status[i]
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 3):
            colour = _COLOURS.get(self._status[i] if column == 2 else self._delivery[i])
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (5, 6):
            return self._reason[i] if column == 5 else self._advice[i]
        return None


class StatusFilter(QSortFilterProxyModel):
    """Filter the status table by status (None: all) and by a fragment of the number.

    `filterAcceptsRow` runs once per changed row on every flush while sending, so it reads the StatusModel's
    lists directly (no QModelIndex, no data() round trip), and the table only routes the view through this
    proxy while a filter is active (see `active`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[str] | None = None
        self._search = ""

    @property
    def active(self) -> bool:
        return self._statuses is not None or bool(self._search)

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        # Qt 6.10+: begin/endFilterChange replace the deprecated invalidateFilter().
        self.beginFilterChange()
        self._statuses = None if statuses is None else frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = "".join(ch for ch in text if ch.isdigit() or ch == "+")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._statuses is None and not self._search:
            return True
        model = self.sourceModel()
        if isinstance(model, StatusModel):
            keys, number = model.row_keys(source_row), model.row_number(source_row)
        else:
            keys = (model.data(model.index(source_row, 2, source_parent), STATUS_ROLE),)
            number = str(model.data(model.index(source_row, 1, source_parent)))
        if self._statuses is not None and not self._statuses.intersection(keys):
            return False
        return not self._search or self._search in number


def status_filter_choices() -> list[tuple[str, tuple[str, ...] | None]]:
    """The status filter's entries: label and the statuses it keeps (None keeps all)."""
    return [
        (QCoreApplication.translate("StatusFilter", "All statuses"), None),
        (status_label(NumberStatus.ACCEPTED, current_language()), (NumberStatus.ACCEPTED,)),
        (QCoreApplication.translate("StatusFilter", "Failed / retry later"), (NumberStatus.FAILED, NumberStatus.RETRY_LATER)),
        (QCoreApplication.translate("StatusFilter", "Outcome unknown / reconciling"), (NumberStatus.UNKNOWN, NumberStatus.RECONCILING)),
        (status_label(NumberStatus.PENDING, current_language()), (NumberStatus.PENDING,)),
        (status_label(NumberStatus.SUPPRESSED, current_language()), (NumberStatus.SUPPRESSED,)),
        (status_label(NumberStatus.CAPPED, current_language()), (NumberStatus.CAPPED,)),
        (status_label(DeliveryStatus.DELIVERED, current_language()), (DELIVERY_KEY + DeliveryStatus.DELIVERED,)),
        (status_label(DeliveryStatus.NOT_DELIVERED, current_language()),
         (DELIVERY_KEY + DeliveryStatus.NOT_DELIVERED,)),
        (QCoreApplication.translate("StatusFilter", "Accepted, no receipt yet"), (DELIVERY_KEY + AWAITING,)),
    ]
