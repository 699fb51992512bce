"""A fast path for the common already-clean phone cell; everything else goes through `clean_phone`."""

from __future__ import annotations

import re

from gui.domain.phone import PhoneCheck, clean_phone

# An 11-digit mainland mobile exactly as typed: nothing for `clean_phone` to repair.
# ASCII digits only: `\d` would also take full-width and Arabic-Indic digits (see MAINLAND_MOBILE).
CLEAN_TEXT = re.compile(r"1[3-9][0-9]{9}").fullmatch
LOW = 13_000_000_000
HIGH = 19_999_999_999


def fast_digits(value: object) -> str | None:
    """The 11 national digits when `value` is obviously clean (a number or plain text), else None.

    None means "not the easy case", not "invalid": the caller then asks `clean_phone`.
    """
    kind = type(value)
    if kind is str:
        return value if CLEAN_TEXT(value) else None  # type: ignore[call-overload,return-value]  # exact-type checks above narrow it; isinstance is slower on this per-cell path
    if kind is float:
        if LOW <= value <= HIGH and value.is_integer():  # type: ignore[operator,attr-defined]  # exact-type checks above narrow it; isinstance is slower on this per-cell path
            return str(int(value))  # type: ignore[call-overload]  # exact-type checks above narrow it; isinstance is slower on this per-cell path
        return None
    if kind is int and LOW <= value <= HIGH:  # type: ignore[operator]  # exact-type checks above narrow it; isinstance is slower on this per-cell path
        return str(value)
    return None


def fast_number(value: object) -> str | None:
    """`+86…` for the easy case (see `fast_digits`), else None."""
    digits = fast_digits(value)
    return None if digits is None else "+86" + digits


def check_digits(value: object) -> tuple[str | None, PhoneCheck | None]:
    """(national digits or None, the full `clean_phone` check when the fast path did not apply)."""
    digits = fast_digits(value)
    if digits is not None:
        return digits, None
    check = clean_phone(value)
    return (check.number[3:] if check.number else None), check


# A whole block of easy cells, one per line: 11 ASCII digits (a float's text form adds ".0").
# Atomic and possessive: a line never needs a second try, and not keeping the states to retry it from makes
# the block check ~20 % faster.
_EASY_BLOCK = re.compile(r"(?>(?:1[3-9][0-9]{9}(?:\.0)?+\n)*)").fullmatch
# A run of easy lines; the line after a run is a hard one.
_EASY_RUN = re.compile(r"(?>(?:1[3-9][0-9]{9}(?:\.0)?+\n)+)").match


def _joined(values: list[object]) -> tuple[list[str], str] | None:
    texts = list(map(str, values))
    joined = "\n".join(texts) + "\n"
    # A cell holding a line break (two numbers in one cell) would shift every later line: no block path.
    return (texts, joined) if joined.count("\n") == len(texts) else None


def fast_digits_block(values: list[object]) -> list[str] | None:
    """The national digits of every value when *all* of them are the easy case, else None.

    Validates thousands of cells with one regex over their joined text instead of a Python call per cell.
    Only str, int and float can match (`str()` of anything else cannot), and a text "13812345678.0" is
    accepted exactly as `clean_phone` accepts it.
    """
    if not values:
        return []
    joined_texts = _joined(values)
    if joined_texts is None or not _EASY_BLOCK(joined_texts[1]):
        return None
    texts, joined = joined_texts
    if ".0\n" in joined:
        return joined.replace(".0\n", "\n").split("\n")[:-1]
    return texts


def _all_clean_texts(values: list[object]) -> bool:
    """Whether every value is text of exactly 11 ASCII digits starting 1[3-9], the commonest block of all.

    A few C-level passes over the joined block: no `str()` call per cell and no regex step per character.
    """
    try:
        joined = "\n".join(values)  # type: ignore[arg-type]  # a value that is not text raises TypeError at once
    except TypeError:
        return False
    return _clean_lines(joined, len(values))


def _whole_number_digits(values: list[object]) -> list[str] | None:
    """The digits of every value when all are floats holding whole mobile numbers (a column of numbers in Excel
    reads as floats), else None: one formatting call for the block instead of a `str()` per cell."""
    try:
        if not all(map(float.is_integer, values)):  # type: ignore[arg-type]  # a value that is not a float raises TypeError
            return None
    except TypeError:
        return None
    joined = ("%d\n" * len(values)) % tuple(values)  # whole floats (no NaN or infinity here): their digits
    return joined[:-1].split("\n") if _clean_lines(joined[:-1], len(values)) else None


def _clean_lines(joined: str, count: int) -> bool:
    """Whether `joined` is `count` lines of exactly 11 ASCII digits starting 1[3-9], one line break between."""
    if not count or not joined.isascii() or len(joined) != 12 * count - 1:
        return False
    data = joined.encode("ascii")
    breaks = b"\n" * (count - 1)
    # The only line breaks are the separators, every 12th character: each value is 11 characters, all digits.
    return (data[11::12] == breaks and data.translate(None, _DIGITS) == breaks and data[0::12] == b"1" * count
            and not data[1::12].translate(None, _SECOND_DIGITS))


_DIGITS = b"0123456789"
_SECOND_DIGITS = b"3456789"


def split_easy(values: list[object]) -> tuple[list[str | None], list[int]]:
    """Digits for every easy value (None in the hard places) and the indices of the hard values.

    The hard ones are for `clean_phone`. A block of clean text (what a sheet of numbers typed as text gives)
    is taken whole; any other is scanned run by run (one regex call per hard cell), so a few bad cells among
    thousands do not slow the rest down.
    """
    if _all_clean_texts(values):
        return list(values), []  # type: ignore[arg-type]  # checked: every value is a str of 11 digits
    whole = _whole_number_digits(values)
    if whole is not None:
        return whole, []  # type: ignore[return-value]  # list[str] widened to list[str | None]: none are hard
    joined_texts = _joined(values)
    if joined_texts is None:
        digits = [fast_digits(value) for value in values]
        return digits, [i for i, d in enumerate(digits) if d is None]
    texts, joined = joined_texts
    end = len(joined)
    hard: list[int] = []
    line = position = 0
    while position < end:
        run = _EASY_RUN(joined, position)
        if run is not None:
            line += joined.count("\n", position, run.end())
            position = run.end()
            if position >= end:
                break
        hard.append(line)
        line += 1
        position = joined.index("\n", position) + 1
    lines: list[str | None]
    lines = joined.replace(".0\n", "\n").split("\n")[:-1] if ".0\n" in joined else texts  # type: ignore[assignment]  # list[str] widened: hard places become None below
    if hard:  # `lines` is a fresh list either way: mark the hard places in it
        for index in hard:
            lines[index] = None
    return lines, hard
