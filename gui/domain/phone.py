"""Mainland-China mobile numbers: cleaning a spreadsheet cell into `+86XXXXXXXXXXX`, or a reason why not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# One rule on every path: after NFKC (full-width ８ becomes 8) only ASCII digits count; ٨ or ৮ stay letters.
MAINLAND_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Separators people type between digit groups; NFKC has already turned full-width forms into these.
SEPARATORS = re.compile(r"[\s\u00a0\u3000\-.()\u2010-\u2015\u2212]")
INTEGRAL_FLOAT_TEXT = re.compile(r"\+?[0-9]{11,15}\.0+")
SCIENTIFIC = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+")


class PhoneProblem(StrEnum):
    """Why a value is not a number we can send to (stable codes used in reports and JSON)."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    SCIENTIFIC_NOTATION = "scientific_notation"
    WRONG_LENGTH = "wrong_length"
    NOT_MAINLAND_MOBILE = "not_mainland_mobile"


PROBLEM_MESSAGES: dict[PhoneProblem, tuple[str, str]] = {
    PhoneProblem.EMPTY: ("手机号为空。", "The phone number is empty."),
    PhoneProblem.NOT_A_NUMBER: (
        "手机号里有数字以外的字符。请只保留数字。",
        "The phone number contains characters other than digits; keep only the digits.",
    ),
    PhoneProblem.SCIENTIFIC_NOTATION: (
        "手机号显示成了科学计数法（如 1.38E+10），后几位已经丢失。请在表格里把这一列设为“文本”格式后重新填写号码。",
        "The number is in scientific notation (like 1.38E+10) and its last digits are lost. "
        "Format the column as Text in the spreadsheet and enter the numbers again.",
    ),
    PhoneProblem.WRONG_LENGTH: (
        "手机号位数不对：中国大陆手机号是 11 位。",
        "Wrong number of digits: a mainland China mobile number has 11 digits.",
    ),
    PhoneProblem.NOT_MAINLAND_MOBILE: (
        "不是中国大陆手机号（可能是座机、境外号码或短号）。只能发送到 13–19 开头的 11 位手机号。",
        "Not a mainland China mobile number (a landline, a foreign number or a short code). "
        "Only 11-digit numbers starting with 13–19 can receive SMS.",
    ),
}


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    """The outcome of cleaning one value: `number` (`+86…`) when valid, else a `problem`."""

    original: object
    number: str | None
    problem: PhoneProblem | None = None

    @property
    def is_valid(self) -> bool:
        return self.number is not None

    @property
    def message_zh(self) -> str:
        return PROBLEM_MESSAGES[self.problem][0] if self.problem else ""

    @property
    def message_en(self) -> str:
        return PROBLEM_MESSAGES[self.problem][1] if self.problem else ""


def _cell_text(value: object) -> str | None:
    """A cell value as text; an integral float is its digits. None for an empty cell."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        # A fractional "phone number" is not a number we can repair by dropping the dot.
        return str(int(value)) if value.is_integer() else "?" + repr(value)
    if isinstance(value, int):
        return str(value)
    return str(value)


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def clean_phone(value: object) -> PhoneCheck:
    """Clean one spreadsheet cell (str, int or float) into a sendable `+86` number, or say why not."""
    text = _cell_text(value)
    if text is None or not text.strip():
        return PhoneCheck(value, None, PhoneProblem.EMPTY)
    text = unicodedata.normalize("NFKC", text).strip()
    if SCIENTIFIC.fullmatch(text.replace(" ", "")):
        return PhoneCheck(value, None, PhoneProblem.SCIENTIFIC_NOTATION)
    if INTEGRAL_FLOAT_TEXT.fullmatch(text):
        text = text.split(".", 1)[0]  # a number that passed through a float-formatted text cell
    compact = SEPARATORS.sub("", text)
    if compact.startswith("+"):
        body = compact[1:]
        if not _ascii_digits(body):
            return PhoneCheck(value, None, PhoneProblem.NOT_A_NUMBER)
        if not body.startswith("86"):
            return PhoneCheck(value, None, PhoneProblem.NOT_MAINLAND_MOBILE)
        digits = body[2:]
    else:
        if not _ascii_digits(compact):
            return PhoneCheck(value, None, PhoneProblem.NOT_A_NUMBER)
        digits = compact
        if digits.startswith("0086") and len(digits) == 15:
            digits = digits[4:]
        elif digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
    if len(digits) != 11:
        return PhoneCheck(value, None, PhoneProblem.WRONG_LENGTH)
    if not MAINLAND_MOBILE.fullmatch(digits):
        return PhoneCheck(value, None, PhoneProblem.NOT_MAINLAND_MOBILE)
    return PhoneCheck(value, "+86" + digits)


def national_digits(number: str) -> str:
    """`+8613812345678` → `13812345678`; also accepts the ` 86…` form the records API returns."""
    compact = number.strip().lstrip("+")
    return compact[2:] if compact.startswith("86") and len(compact) == 13 else compact


def normalise_mobile(value: str) -> str:
    """` 8613812345678`, `+86…`, `86…` or 11 digits → `+8613812345678`."""
    if len(value) == 14 and value.startswith("+86") and value[3:].isdigit():
        return value  # the form sendsms echoes back, once per number
    digits = national_digits(str(value))
    return "+86" + digits if len(digits) == 11 and digits.isdigit() else str(value).strip()


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A number seen again: `index` of the repeat, `first_index` of the occurrence that is kept."""

    index: int
    first_index: int
    number: str


def first_occurrences(numbers: list[str | None]) -> tuple[list[int], list[Duplicate]]:
    """Indices of the numbers to keep (first occurrence wins) and the duplicates, after cleaning."""
    seen: dict[str, int] = {}
    kept: list[int] = []
    duplicates: list[Duplicate] = []
    for index, number in enumerate(numbers):
        if number is None:
            continue
        first = seen.setdefault(number, index)
        if first == index:
            kept.append(index)
        else:
            duplicates.append(Duplicate(index, first, number))
    return kept, duplicates


def mask_number(number: str) -> str:
    """138****5678: enough to tell rows apart on screen without showing the whole number."""
    digits = national_digits(number)
    return f"{digits[:3]}****{digits[-4:]}" if len(digits) >= 8 else digits
