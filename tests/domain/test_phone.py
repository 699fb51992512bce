"""Table-driven tests of phone-number cleaning and duplicate detection."""

from __future__ import annotations

import pytest

from gui.domain.phone import PhoneProblem, clean_phone, first_occurrences, national_digits

VALID = [
    ("13812345678", "plain text"),
    (13812345678, "stored as an integer"),
    (13812345678.0, "stored as an integral float"),
    ("13812345678.0", "float formatted as text"),
    ("+8613812345678", "+86 prefix"),
    ("008613812345678", "0086 prefix"),
    ("8613812345678", "86 prefix before 11 digits"),
    ("+86 138 1234 5678", "spaces"),
    ("138-1234-5678", "dashes"),
    ("138.1234.5678", "dots"),
    ("(+86)13812345678", "parentheses"),
    ("138\u00a01234\u00a05678", "no-break spaces"),
    ("１３８１２３４５６７８", "full-width digits"),
    ("＋８６ １３８－１２３４－５６７８", "full-width plus, dash and space"),
    ("（＋86）13812345678", "full-width parentheses"),
    ("  13812345678  ", "surrounding whitespace"),
    ("138 1234 5678\t", "trailing tab"),
]


@pytest.mark.parametrize(("value", "why"), VALID, ids=[w for _, w in VALID])
def test_valid_numbers_clean_to_plus86(value: object, why: str) -> None:
    check = clean_phone(value)
    assert check.is_valid, (why, check.problem)
    assert check.number == "+8613812345678"
    assert check.problem is None
    assert check.message_zh == ""


INVALID = [
    (None, PhoneProblem.EMPTY, "empty cell"),
    ("", PhoneProblem.EMPTY, "empty string"),
    ("   ", PhoneProblem.EMPTY, "only spaces"),
    ("1.38E+10", PhoneProblem.SCIENTIFIC_NOTATION, "scientific notation text"),
    ("1.3812345678e10", PhoneProblem.SCIENTIFIC_NOTATION, "lower-case exponent"),
    ("138abc45678", PhoneProblem.NOT_A_NUMBER, "letters"),
    ("张三", PhoneProblem.NOT_A_NUMBER, "a name in the phone column"),
    ("+86abc", PhoneProblem.NOT_A_NUMBER, "plus then letters"),
    (1381234567.8, PhoneProblem.NOT_A_NUMBER, "fractional float"),
    ("1381234567", PhoneProblem.WRONG_LENGTH, "10 digits"),
    ("138123456789", PhoneProblem.WRONG_LENGTH, "12 digits"),
    ("+86138123456", PhoneProblem.WRONG_LENGTH, "+86 with too few digits"),
    ("12812345678", PhoneProblem.NOT_MAINLAND_MOBILE, "starts with 12"),
    ("02112345678", PhoneProblem.NOT_MAINLAND_MOBILE, "a Shanghai landline, 11 digits"),
    ("+85291234567", PhoneProblem.NOT_MAINLAND_MOBILE, "Hong Kong"),
    ("+14155550123", PhoneProblem.NOT_MAINLAND_MOBILE, "United States"),
    ("10086", PhoneProblem.WRONG_LENGTH, "a short code"),
]


@pytest.mark.parametrize(("value", "problem", "why"), INVALID, ids=[w for *_, w in INVALID])
def test_invalid_numbers_report_a_reason(value: object, problem: PhoneProblem, why: str) -> None:
    check = clean_phone(value)
    assert not check.is_valid, why
    assert check.number is None
    assert check.problem is problem
    assert check.message_zh and check.message_en
    assert check.original is value or check.original == value


def test_scientific_notation_message_says_to_format_as_text() -> None:
    message = clean_phone("1.38E+10").message_zh
    assert "文本" in message


def test_duplicates_are_found_after_cleaning_and_first_occurrence_wins() -> None:
    cells = ["13812345678", "+86 138 1234 5678", None, "13900000000", "８６13812345678", "13900000000"]
    numbers = [clean_phone(c).number for c in cells]
    kept, duplicates = first_occurrences(numbers)
    assert kept == [0, 3]
    assert [(d.index, d.first_index, d.number) for d in duplicates] == [
        (1, 0, "+8613812345678"),
        (4, 0, "+8613812345678"),
        (5, 3, "+8613900000000"),
    ]


@pytest.mark.parametrize("raw", ["+8613812345678", " 8613812345678", "8613812345678", "13812345678"])
def test_national_digits_accepts_record_forms(raw: str) -> None:
    assert national_digits(raw) == "13812345678"
