"""Whole-list work in steps: no single C-level call over a million items holds the GIL long enough to freeze the window."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")
STEP = 20_000  # a few ms of C work per step: a thread waiting for the GIL gets it between two steps


def joined_pieces(separator: str, items: Iterable[str], step: int = STEP) -> Iterator[str]:
    """`separator.join(items)` as pieces of at most `step` items each (their concatenation is that string).

    A hash fed piece by piece never needs the whole string: at a million numbers, joining it (12 MB) and
    encoding it were two more long calls with the GIL held, and the string and its bytes doubled the memory."""
    source = iter(items)
    first = True
    while part := list(islice(source, step)):
        yield separator.join(part) if first else separator + separator.join(part)
        first = False


SET_PART = 300_000  # growing a set rehashes what it holds in one C call: ~150,000 entries at most here (~6 ms)


class SetInParts:
    """A set of strings that only grows, kept as sets of at most `part` each: one set of a million numbers grows
    by rehashing ~600,000 of them in one call (25-40 ms with the GIL held) and is freed in one call."""

    def __init__(self, part: int = SET_PART) -> None:
        self._part = part
        self._parts: list[set[str]] = [set()]

    def update(self, items: Iterable[str]) -> None:
        """Add `items` (a batch: far fewer than `part`) to the newest part, starting a new one when it is full."""
        if len(self._parts[-1]) >= self._part:
            self._parts.append(set())
        self._parts[-1].update(items)

    def __contains__(self, item: object) -> bool:
        return any(item in part for part in self._parts)


def empty_in_steps(mapping: dict[K, V], step: int = STEP) -> None:
    """Empty `mapping` an item at a time: dropped whole, a dict of a million results frees them all in one call
    with the GIL held (~150 ms at the end of writing a campaign's results back), a thread waiting meanwhile."""
    pop = mapping.popitem
    while mapping:
        for _ in range(min(step, len(mapping))):
            pop()
