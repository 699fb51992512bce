"""Whole-list work in steps: no single C-level call over a million items holds the GIL long enough to freeze the window."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

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
