"""The import report's tables as rows made on demand, and what a running import needs from the page."""

from __future__ import annotations

from collections.abc import Sequence

from gui.domain.recipients import DuplicateRow, ImportResult, InvalidRow


def ready(result: ImportResult) -> ImportResult:
    """Finish on the worker what the GUI thread would otherwise do on first use (the lookup by position)."""
    prepare = getattr(result.recipients, "prepare_lookup", None)
    if callable(prepare):
        prepare()
    return result


class InvalidRows(Sequence[tuple[int, str, str]]):
    """The unusable rows as table rows (row, cell value, why), made when the view shows them."""

    def __init__(self, invalid: Sequence[InvalidRow], english: bool) -> None:
        self._invalid = invalid
        self._english = english

    def __len__(self) -> int:
        return len(self._invalid)

    def __getitem__(self, index: int) -> tuple[int, str, str]:  # type: ignore[override]  # rows are asked one by one, never sliced
        bad = self._invalid[index]
        return bad.row, bad.value, (bad.message_en if self._english else "") or bad.message_zh


class DuplicateRows(Sequence[tuple[int, int, str]]):
    """The repeated rows as table rows (row, the row it repeats, number), made when the view shows them."""

    def __init__(self, duplicates: Sequence[DuplicateRow]) -> None:
        self._duplicates = duplicates

    def __len__(self) -> int:
        return len(self._duplicates)

    def __getitem__(self, index: int) -> tuple[int, int, str]:  # type: ignore[override]  # rows are asked one by one, never sliced
        dup = self._duplicates[index]
        return dup.row, dup.first_row, dup.number


class ImportCancelled(Exception):
    """Raised inside a running import once the window has asked it to stop (closing)."""
