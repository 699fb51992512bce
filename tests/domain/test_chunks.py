"""Whole-list work in steps gives exactly what the one-call version gives."""

from __future__ import annotations

import pytest

from gui.domain.chunks import joined


@pytest.mark.parametrize("size", [0, 1, 7, 20_000, 20_001, 65_537])
def test_joined_is_the_same_string_as_one_join(size: int) -> None:
    items = [f"13{i:09d}" for i in range(size)]
    assert joined("\n", items) == "\n".join(items)
    assert joined("\n", items, step=3) == "\n".join(items)
