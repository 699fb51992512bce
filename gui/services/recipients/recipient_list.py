"""A read-only sequence of recipients kept in columns; each `Recipient` is built when it is asked for."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import compress
from typing import Any, overload

from gui.domain.recipients import Recipient
from gui.services.recipients.detection import display

SEPARATOR = "\x1f"  # ASCII unit separator: never typed into a spreadsheet cell (checked anyway)


class PackedColumn:
    """One column's values, a block at a time: a block of plain text is kept as one joined string.

    A million short strings cost ~90 bytes each as objects and ~20 as part of one string; blocks that hold
    anything but text (numbers, dates, a cell containing the separator) are kept as a list.
    """

    __slots__ = ("_blocks", "_cached", "_cached_block", "_starts")

    def __init__(self) -> None:
        self._blocks: list[str | list[Any]] = []
        self._starts = array("l")
        self._cached_block = -1
        self._cached: list[Any] = []

    def add_block(self, values: list[Any], start: int) -> None:
        """Append the values of data rows `start`, `start + 1`, …"""
        try:
            text = SEPARATOR.join(values)
        except TypeError:  # not all text: keep the values themselves
            self._blocks.append(values)
        else:
            packed = len(values) > 0 and text.count(SEPARATOR) == len(values) - 1
            self._blocks.append(text if packed else values)
        self._starts.append(start)

    def __getitem__(self, index: int) -> object:
        block = bisect_right(self._starts, index) - 1
        if block != self._cached_block:
            values = self._blocks[block]
            self._cached = values.split(SEPARATOR) if isinstance(values, str) else values
            self._cached_block = block
        return self._cached[index - self._starts[block]]


class RecipientList(Sequence[Recipient]):
    """Behaves like the tuple of recipients; stores a million rows in a few flat columns.

    Holding a `Recipient` (and its `fields` dict) per row would cost ~400 bytes a row; these columns cost
    about a quarter of that, which keeps a 1,048,576-row sheet well inside the memory budget.
    """

    __slots__ = ("_columns", "_digits", "_keep", "_length", "_names", "_order_cache", "_skip")

    def __init__(self, skip: int, digits: list[str | None], names: tuple[str, ...],
                 columns: Sequence[PackedColumn | list[Any]], order: Sequence[int] | bytearray) -> None:
        """`order`: the data-row positions in order, or a keep-flag (0/1) per position."""
        self._skip = skip  # data row i is spreadsheet row skip + i + 1
        self._digits = digits
        self._names = names
        self._columns = columns
        if isinstance(order, bytearray):
            self._keep: bytearray | None = order
            self._order_cache: Sequence[int] | None = None
            self._length = order.count(1)
        else:
            self._keep, self._order_cache, self._length = None, order, len(order)

    @property
    def _order(self) -> Sequence[int]:
        # Built on first random access only: iterating and counting work straight from the flags.
        if self._order_cache is None:
            self._order_cache = array("l", self._positions())
        return self._order_cache

    def prepare_lookup(self) -> None:
        """Build the random-access index now (on a worker thread), so the first lookup by position is instant."""
        self._order  # noqa: B018 - the property builds and caches it

    def _positions(self) -> Iterator[int]:
        if self._keep is None:
            return iter(self._order)
        return compress(range(len(self._keep)), self._keep)

    def _make(self, index: int) -> Recipient:
        fields = {name: display(column[index]) for name, column in zip(self._names, self._columns, strict=True)}
        return Recipient(self._skip + index + 1, "+86" + self._digits[index], fields)  # type: ignore[operator]  # kept positions always hold digits

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Recipient: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Recipient, ...]: ...
    def __getitem__(self, index: int | slice) -> Recipient | tuple[Recipient, ...]:
        if isinstance(index, slice):
            return tuple(self._make(i) for i in self._order[index])
        return self._make(self._order[index])

    def __iter__(self) -> Iterator[Recipient]:
        make = self._make
        for index in self._positions():
            yield make(index)

    def numbers(self) -> list[str]:
        """Just the `+86…` numbers, in order, without building the recipients."""
        digits = self._digits
        return ["+86" + digits[i] for i in self._positions()]  # type: ignore[operator]  # kept positions hold digits

    def national_digits(self) -> list[str]:
        """The numbers' 11 national digits (without `+86`), in order: what a writer of a million numbers joins."""
        if self._keep is None:
            order, digits = self._order, self._digits
            if isinstance(order, range) and order.step == 1:  # every row kept: a slice, not a lookup per row
                return digits[order.start:order.stop]  # type: ignore[return-value]  # kept positions hold digits
            return [digits[i] for i in order]  # type: ignore[misc]  # kept positions hold digits
        return list(compress(self._digits, self._keep))  # type: ignore[arg-type]  # kept positions hold digits

    def rows(self) -> list[int]:
        """The spreadsheet rows, in order, without building the recipients."""
        first = self._skip + 1
        return [first + i for i in self._positions()]

    def field(self, name: str) -> list[str | None]:
        """One column's display text for every recipient, in order (None for all when there is no such column):
        what `recipient.fields.get(name)` gives, without building the recipients."""
        if name not in self._names:
            return [None] * self._length
        column = self._columns[self._names.index(name)]
        return [display(column[i]) for i in self._positions()]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking sequence: unhashable, like list

    def __repr__(self) -> str:
        head = ", ".join(repr(r) for r in self[:3])
        return f"RecipientList([{head}{', …' if len(self) > 3 else ''}], len={len(self)})"
