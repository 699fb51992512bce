"""Whole-list work in steps gives exactly what the one-call version gives."""

from __future__ import annotations

import pytest

from gui.domain.chunks import SetInParts, joined_pieces


@pytest.mark.parametrize("size", [0, 1, 7, 20_000, 20_001, 65_537])
def test_joined_pieces_make_the_same_string_as_one_join(size: int) -> None:
    items = [f"13{i:09d}" for i in range(size)]
    assert "".join(joined_pieces("\n", items)) == "\n".join(items)
    assert "".join(joined_pieces("\n", iter(items), step=3)) == "\n".join(items)
    assert all(len(piece) <= 3 * 12 for piece in joined_pieces("\n", items, step=3))


def test_a_set_in_parts_holds_what_was_added_and_nothing_else() -> None:
    numbers = SetInParts(part=5)
    for start in range(0, 23, 3):
        numbers.update(f"13{i:09d}" for i in range(start, min(start + 3, 23)))
    assert len(numbers._parts) == 4 and all(len(part) <= 5 + 2 for part in numbers._parts)
    assert all(f"13{i:09d}" in numbers for i in range(23))
    assert "13000000023" not in numbers and None not in numbers
