"""Whole-list work in steps: no single C-level call over a million items holds the GIL long enough to freeze the window."""

from __future__ import annotations

STEP = 20_000  # a few ms of C work per step: a thread waiting for the GIL gets it between two steps


def joined(separator: str, items: list[str], step: int = STEP) -> str:
    """`separator.join(items)` built from joins of `step` items: the same string, without one long C call."""
    if len(items) <= step:
        return separator.join(items)
    return separator.join([separator.join(items[start:start + step]) for start in range(0, len(items), step)])
