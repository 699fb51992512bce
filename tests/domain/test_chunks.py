"""Whole-list work in steps gives exactly what the one-call version gives."""

from __future__ import annotations

import pytest

from gui.domain.chunks import joined_pieces


@pytest.mark.parametrize("size", [0, 1, 7, 20_000, 20_001, 65_537])
def test_joined_pieces_make_the_same_string_as_one_join(size: int) -> None:
    items = [f"13{i:09d}" for i in range(size)]
    assert "".join(joined_pieces("\n", items)) == "\n".join(items)
    assert "".join(joined_pieces("\n", iter(items), step=3)) == "\n".join(items)
    assert all(len(piece) <= 3 * 12 for piece in joined_pieces("\n", items, step=3))
