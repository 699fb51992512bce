"""A row of buttons that wraps onto a second line when the page is narrow (long English labels at 1024 px)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line instead of squeezing; `right_aligned` packs each line right."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, *, right_aligned: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right = right_aligned
        # Qt asks for heightForWidth many times a layout pass, also of hidden pages (a stacked layout asks every
        # page), and each Qt call made from Python here hands the GIL over and waits to get it back — up to a
        # millisecond apiece while a pool thread imports a million rows (30+ ms pauses). Sizes are read once
        # per invalidation and heights remembered per width.
        self._sizes: list[tuple[QLayoutItem, QSize]] | None = None
        self._heights: dict[int, int] = {}
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def invalidate(self) -> None:
        self._sizes = None
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        sizes = [size for _, size in self._visible()]
        width = sum(size.width() for size in sizes) + self.spacing() * max(len(sizes) - 1, 0)
        return QSize(width, max((size.height() for size in sizes), default=0))

    def minimumSize(self) -> QSize:
        """The widest single item: anything narrower than the whole row wraps instead of cutting text."""
        sizes = [size for _, size in self._visible()]
        return QSize(max((size.width() for size in sizes), default=0),
                     max((size.height() for size in sizes), default=0))

    def _visible(self) -> list[tuple[QLayoutItem, QSize]]:
        """The shown items with their size hints (hiding, showing or relabelling a button invalidates)."""
        if self._sizes is None:
            self._sizes = [(item, item.sizeHint()) for item in self._items
                           if not (item.widget() is not None and item.widget().isHidden())]
        return self._sizes

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        spacing = self.spacing()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item, size in self._visible():
            width = size.width()
            if lines[-1] and used + spacing + width > rect.width():
                lines.append([])
                used = 0
            used += (spacing if lines[-1] else 0) + width
            lines[-1].append((item, size))
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _, size in line)
            total = sum(size.width() for _, size in line) + spacing * (len(line) - 1)
            x = rect.x() + (rect.width() - total if self._right else 0)
            for item, size in line:
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), size))
                x += size.width() + spacing
            y += height + spacing
        return max(y - rect.y() - spacing, 0)
