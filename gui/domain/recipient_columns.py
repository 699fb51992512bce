"""Column views of a recipients sequence (numbers, rows, one field), read without building every `Recipient`."""

from __future__ import annotations

from collections.abc import Sequence

from gui.domain.recipients import Recipient

# A sequence that keeps its rows in columns (the importer's `RecipientList`) offers `numbers()`, `rows()` and
# `field(name)`; any other sequence of `Recipient` is read person by person. Building a `Recipient` with its
# `fields` dict costs about 2 µs a row: for a plan of a million rows, most of the plan's time.


def numbers_of(people: Sequence[Recipient]) -> list[str]:
    """Every recipient's number ("+86…"), in order."""
    fast = getattr(people, "numbers", None)
    return fast() if callable(fast) else [person.number for person in people]


def rows_of(people: Sequence[Recipient]) -> list[int]:
    """Every recipient's spreadsheet row, in order."""
    fast = getattr(people, "rows", None)
    return fast() if callable(fast) else [person.row for person in people]


def field_of(people: Sequence[Recipient], name: str) -> list[str | None]:
    """Every recipient's value of the column `name`, in order; None where a recipient has no such column."""
    fast = getattr(people, "field", None)
    return fast(name) if callable(fast) else [person.fields.get(name) for person in people]
