"""CSV records line by line: a broken line (an unbalanced quote, a giant field) is a reported row, never lost."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

DELIMITERS = (",", "\t", ";")
# A quoted cell may hold line breaks (an address on two lines); a record spanning more lines than this is an
# unbalanced quote swallowing the lines after it.
MAX_RECORD_LINES = 50
MAX_FIELD = 1 << 17  # csv's own default limit, stated: a longer field is a broken line, not a cell
PREVIEW = 40


@dataclass(frozen=True, slots=True)
class MalformedLine:
    """A line the CSV reader could not split into cells; `line` is its 1-based line number in the file."""

    line: int
    text: str
    problem: str  # "unbalanced_quote" or "field_too_long"

    def __str__(self) -> str:
        return self.text


class MalformedRow(list[Any]):
    """The row standing for a `MalformedLine` (its one value)."""


class _Runaway(Exception):
    """Raised from inside the line feed: the current record has swallowed too many lines."""


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the most of the first lines into more than one field (comma by default)."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        score = 0
        for line in lines:
            try:
                fields = next(csv.reader([line[:MAX_FIELD]], delimiter=delimiter), [])
            except csv.Error:
                continue  # a line the reader cannot split says nothing about the delimiter
            score += len(fields) > 1
        if score > best_score:
            best, best_score = delimiter, score
    return best


def csv_rows(lines: Iterable[str], delimiter: str) -> Iterator[list[Any]]:
    """Every record of a CSV as a list of cells, and a `MalformedRow` for each line that is not one.

    A record that does not end within `MAX_RECORD_LINES` lines (an unbalanced quote), that ends the file
    inside a quote, or that has a field over `MAX_FIELD` characters is reported as its first line; reading
    goes on with the line after it.
    """
    source = iter(lines)
    pending: list[str] = []  # lines handed to the reader for the current record, not yet accounted for
    first_line = 1  # line number of pending[0]

    def feed(stream: Iterator[str]) -> Iterator[str]:
        for line in stream:
            pending.append(line)
            if len(pending) > MAX_RECORD_LINES:
                raise _Runaway
            yield line

    replay: list[str] = []
    while True:
        reader = csv.reader(feed(chain(replay, source)), delimiter=delimiter, strict=False)
        replay = []
        try:
            for record in reader:
                # Still inside a quote at the end of the file: the last cell swallowed the line break.
                inside = len(pending) > 1 or (record and record[-1][-1:] in ("\n", "\r"))
                if inside and sum(line.count('"') for line in pending) % 2:
                    raise _Runaway
                first_line += len(pending)
                pending.clear()
                yield record
            return
        except _Runaway:
            problem = "unbalanced_quote"
        except csv.Error:
            problem = "field_too_long"
        broken, replay = pending[0], pending[1:]
        pending.clear()
        yield MalformedRow([MalformedLine(first_line, _preview(broken), problem)])
        first_line += 1


def _preview(line: str) -> str:
    line = line.rstrip("\r\n")
    return line if len(line) <= PREVIEW else line[:PREVIEW] + "…"
