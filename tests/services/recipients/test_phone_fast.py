"""The fast path gives exactly what `clean_phone` gives, for the easy cells and for every other kind."""

from __future__ import annotations

import datetime as dt

import pytest

from gui.domain.phone import clean_phone
from gui.domain.phone_fast import check_digits, fast_digits, fast_digits_block, fast_number, split_easy

TABLE: list[object] = [
    "13812345678", 13812345678, 13812345678.0, "13812345678.0", "19999999999", 19999999999.0, "13000000000",
    13000000000, "12812345678", 12812345678.0, "1381234567", "138123456789", 1381234567.8, 1.38e10,
    "1.38E+10", "+8613812345678", "8613812345678", "008613812345678", " 13812345678", "13812345678 ",
    "138-1234-5678", "１３８１２３４５６７８", "١٣٨١٢٣٤٥٦٧٨", "13812345678\n13912345678", "", None, True, False,
    "张三", float("nan"), float("inf"), 2e10, 20000000000, -13812345678, "13812345678.00", dt.date(2024, 1, 2),
    "+85291234567", "10086",
]


@pytest.mark.parametrize("value", TABLE, ids=repr)
def test_fast_number_never_disagrees_with_clean_phone(value: object) -> None:
    number = fast_number(value)
    if number is not None:
        assert number == clean_phone(value).number
    digits, check = check_digits(value)
    expected = clean_phone(value).number
    assert (None if digits is None else "+86" + digits) == expected
    assert (check is None) == (fast_digits(value) is not None)


def test_the_easy_cells_take_the_fast_path() -> None:
    assert fast_digits("13812345678") == "13812345678"
    assert fast_digits(13812345678.0) == "13812345678"
    assert fast_digits(13812345678) == "13812345678"
    assert fast_digits(" 13812345678") is None  # needs clean_phone's trimming
    assert fast_digits("１３８１２３４５６７８") is None  # full-width digits need NFKC


def test_a_block_of_easy_cells_matches_clean_phone_cell_by_cell() -> None:
    block = ["13812345678", 13912345678.0, 15012345678, "18612345678.0"]
    assert fast_digits_block(block) == [clean_phone(v).number[3:] for v in block]  # type: ignore[index]  # the block holds valid numbers only


@pytest.mark.parametrize("value", TABLE, ids=repr)
def test_a_block_is_either_declined_or_exactly_what_clean_phone_says(value: object) -> None:
    block = ["13812345678", value, 13912345678.0]
    expected = [clean_phone(v).number for v in block]
    got = fast_digits_block(block)
    if None in expected:
        assert got is None  # one invalid cell: the caller must go cell by cell
    elif got is not None:
        assert ["+86" + d for d in got] == expected


def test_one_hard_cell_sends_the_whole_block_to_the_slow_path() -> None:
    assert fast_digits_block(["13812345678", " 13812345678"]) is None


def test_an_empty_block_is_trivially_easy() -> None:
    assert fast_digits_block([]) == []


@pytest.mark.parametrize("size", [0, 1, 7, 200])
def test_split_easy_marks_exactly_the_cells_clean_phone_must_see(size: int) -> None:
    values: list[object] = []
    for index in range(size):
        values.append(TABLE[index % len(TABLE)] if index % 3 else 13800000000.0 + index)
    digits, hard = split_easy(values)
    assert len(digits) == len(values)
    for index, value in enumerate(values):
        if index in hard:
            assert digits[index] is None
        else:
            assert "+86" + digits[index] == clean_phone(value).number  # type: ignore[operator]  # the fast path found digits here
    # Only values the fast paths cannot settle are hard: everything easy is taken in bulk.
    assert all(fast_digits(values[i]) is None for i in hard)


def test_split_easy_finds_hard_cells_at_the_edges() -> None:
    assert split_easy(["", "13812345678", "x"]) == ([None, "13812345678", None], [0, 2])
    assert split_easy(["13812345678", "13912345678.0"]) == (["13812345678", "13912345678"], [])


NEAR_MISSES = ["12812345678", "1381234567", "138123456789", "138123\n5678", "13812345678.0", " 3812345678",
               "１３８１２３４５６７８", "13812345678\n", "1381234567\n", "a3812345678", "23812345678", "1381234567x"]


@pytest.mark.parametrize("odd", NEAR_MISSES, ids=repr)
@pytest.mark.parametrize("place", [0, 1, 250, 499])
def test_a_block_of_text_with_one_near_miss_is_split_as_clean_phone_says(odd: str, place: int) -> None:
    # Blocks of clean text are checked whole: one odd value anywhere must still be found and judged alone.
    values: list[object] = [f"1{3 + i % 7}{i:09d}" for i in range(500)]
    values[place] = odd
    digits, hard = split_easy(values)
    assert hard in ([place], []) and all(fast_digits(values[i]) is None for i in hard)
    for index, value in enumerate(values):
        expected = None if index in hard else clean_phone(value).number
        assert (None if digits[index] is None else "+86" + digits[index]) == expected  # type: ignore[operator]  # checked for None
    clean = values[:place] + values[place + 1:]
    assert split_easy(clean) == (clean, [])


FLOAT_NEAR_MISSES: list[object] = [12812345678.0, 13812345678.5, 1381234567.0, 138123456789.0, 2e10, -13812345678.0,
                                   float("nan"), float("inf"), 0.0, 13812345678, "13812345678", True, None]


@pytest.mark.parametrize("odd", FLOAT_NEAR_MISSES, ids=repr)
@pytest.mark.parametrize("place", [0, 1, 250, 499])
def test_a_block_of_whole_numbers_with_one_odd_value_is_split_as_clean_phone_says(odd: object, place: int) -> None:
    # A column of numbers (floats, as calamine reads them) is formatted whole: one odd value anywhere must still
    # be found and judged alone, and every digit string is what clean_phone makes of the number.
    values: list[object] = [float(f"1{3 + i % 7}{i:09d}") for i in range(500)]
    assert split_easy(values) == ([clean_phone(v).number[3:] for v in values], [])  # type: ignore[index]  # all valid
    values[place] = odd
    digits, hard = split_easy(values)
    assert all(fast_digits(values[i]) is None for i in hard)
    for index, value in enumerate(values):
        expected = None if index in hard else clean_phone(value).number
        assert (None if digits[index] is None else "+86" + digits[index]) == expected  # type: ignore[operator]  # checked for None
