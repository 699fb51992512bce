"""Understanding a sheet from its first rows: which row is the header, which column holds the phones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gui.domain.phone import clean_phone
from gui.domain.phone_fast import fast_number

# Contains-match, case-insensitive; earlier entries are the more specific words.
PHONE_HEADERS: tuple[str, ...] = (
    "手机号码", "手机号", "手机", "联系电话", "电话号码", "电话", "联系方式", "号码",
    "mobile", "phone", "cellphone", "cell", "tel", "msisdn",
)
HEADER_SCAN_ROWS = 30
MAX_HEADER_TEXT = 30
# Two columns whose valid-number counts are this close are a guess, not a detection.
CLOSE_RATIO = 0.8


@dataclass(frozen=True)
class Layout:
    """What detection decided: 0-based row index of the header (None: no header), the phone column index."""

    header_index: int | None
    phone_index: int
    names: tuple[str, ...]
    confident: bool


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def display(value: object) -> str:
    """A cell value as the text a user expects to see (numbers without a stray `.0`)."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds") if value.time() else value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def header_rank(value: object) -> int | None:
    """How strongly a header cell says "phone" (lower is stronger), or None."""
    if type(value) is not str or not value.strip() or len(value) > MAX_HEADER_TEXT:
        return None
    if clean_phone(value).is_valid:
        return None
    text = value.strip().lower()
    for rank, word in enumerate(PHONE_HEADERS):
        if word in text:
            return rank
    return None


def is_valid_number(value: object) -> bool:
    return fast_number(value) is not None or (value != "" and clean_phone(value).is_valid)


def is_blank(row: list[Any]) -> bool:
    return all(value == "" or value is None for value in row)


def valid_counts(rows: list[list[Any]], width: int) -> list[int]:
    counts = [0] * width
    for row in rows:
        for index, value in enumerate(row[:width]):
            if is_valid_number(value):
                counts[index] += 1
    return counts


def column_names(header: list[Any] | None, width: int, first_column: int) -> tuple[str, ...]:
    """Header texts (blank ones named by letter, repeats numbered), or 列A, 列B… without a header."""
    names: list[str] = []
    seen: set[str] = set()
    next_number: dict[str, int] = {}  # where numbering resumes for a repeated name: no rescans from (2)
    for index in range(width):
        text = display(header[index]).strip() if header is not None and index < len(header) else ""
        name = text or f"列{column_letter(first_column + index)}"
        unique, n = name, next_number.get(name, 2)
        while unique in seen:
            unique, n = f"{name}({n})", n + 1
        next_number[name] = n
        seen.add(unique)
        names.append(unique)
    return tuple(names)


def _pick(counts: list[int], candidates: list[int]) -> tuple[int, bool]:
    """The candidate with the most valid numbers, and whether the runner-up is far enough behind."""
    ordered = sorted(candidates, key=lambda i: -counts[i])
    best = ordered[0]
    close = len(ordered) > 1 and counts[ordered[1]] > 0 and counts[ordered[1]] >= CLOSE_RATIO * counts[best]
    return best, not close


def detect(
    sample: list[list[Any]], *, first_column: int = 0, header_index: int | None = None,
    header_given: bool = False, phone_column: str | None = None,
) -> Layout | None:
    """Decide the header row and phone column from the sheet's first rows; None when there is no phone column.

    `header_given` with `header_index=None` means the user said "no header row".
    """
    width = max((len(row) for row in sample), default=0)
    if width == 0:
        return None
    confident = True
    if not header_given:
        header_index = None
        for index, row in enumerate(sample[:HEADER_SCAN_ROWS]):
            if any(header_rank(value) is not None for value in row):
                header_index = index
                break
    header = sample[header_index] if header_index is not None else None
    body = sample[header_index + 1:] if header_index is not None else sample
    counts = valid_counts(body, width)
    names = column_names(header, width, first_column)

    if phone_column is not None:
        named = _column_by_name(phone_column, names, first_column)
        if named is None:
            return Layout(header_index, -1, names, False)
        return Layout(header_index, named, names, True)

    matches = [] if header is None else [i for i, v in enumerate(header[:width]) if header_rank(v) is not None]
    if matches:
        best_rank = min(header_rank(header[i]) for i in matches)  # type: ignore[type-var,index]  # matches index ranked header cells only
        if any(counts[i] for i in matches):
            phone, confident = _pick(counts, matches)
        else:
            phone = next(i for i in matches if header_rank(header[i]) == best_rank)  # type: ignore[index]  # header is set when there are matches
        return Layout(header_index, phone, names, confident)

    # No header says "phone": the column with the most valid numbers, and the row above its first one.
    if not any(counts):
        return None
    phone, _ = _pick(counts, list(range(width)))
    if not header_given:
        header_index = _header_above(sample, phone)
        header = sample[header_index] if header_index is not None else None
        names = column_names(header, width, first_column)
    return Layout(header_index, phone, names, False)


def _header_above(sample: list[list[Any]], phone: int) -> int | None:
    """The last non-blank row above the first valid number, when it is text (a header with unusual names)."""
    previous: int | None = None
    for index, row in enumerate(sample):
        value = row[phone] if phone < len(row) else ""
        if is_valid_number(value):
            if previous is None:
                return None
            above = sample[previous]
            texts = [v for v in above if type(v) is str and v.strip()]
            return previous if texts and not any(is_valid_number(v) for v in above) else None
        if not is_blank(row):
            previous = index
    return None


def _column_by_name(wanted: str, names: tuple[str, ...], first_column: int) -> int | None:
    """A column by header name (exact, then case-insensitive), or by letter: "B" or "列B"."""
    if wanted in names:
        return names.index(wanted)
    lowered = [name.lower() for name in names]
    if wanted.strip().lower() in lowered:
        return lowered.index(wanted.strip().lower())
    letter = wanted.strip().upper().removeprefix("列")
    for index in range(len(names)):
        if column_letter(first_column + index) == letter:
            return index
    return None
