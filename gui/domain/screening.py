"""Screening recipients: the one place that removes repeated numbers and holds back the 退订名单 (suppression list).

Every path to a send goes through here: the import calls `screen_numbers` on the digits it cleaned (to report
duplicates and suppressed rows on the 收件人 page), and the plan takes a `Screened` list — `screen_import` again
at plan time, with the suppression list as it is then, because it may have changed since the import.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_not

from gui.domain.phone import first_occurrences
from gui.domain.recipients import DuplicateRow, ImportResult, Recipient

DEDUPE_BLOCK = 256
# Below the size at which CPython's set table grows to 2**21 slots: the largest rehash stays ~315,000 entries
# (~12 ms). Half this bound halves that, but more blocks are tested against full sets: at 1,000,000 rows
# dedupe is 12% slower than with one growing set, not 6%.
SEEN_LIMIT = 600_000
COUNTRY_PREFIX = "+86"


@dataclass(frozen=True)
class NumberScreen:
    """Which positions of a list of numbers are sent to: `keep` is every position (a range) or a flag per
    position; `duplicates` pairs (position, position of its first occurrence); `held` the suppressed positions."""

    keep: range | bytearray
    duplicates: tuple[tuple[int, int], ...]
    held: tuple[int, ...]


@dataclass(frozen=True)
class Screened:
    """Who is sent to, in row order, and the rows left out: repeats of an earlier row, and suppressed numbers."""

    recipients: Sequence[Recipient]
    duplicates: tuple[DuplicateRow, ...] = ()
    suppressed: tuple[Recipient, ...] = ()


def screen_numbers(numbers: Sequence[str | None], suppressed: Container[str], *,
                   prefix: str = "", valid: int | None = None) -> NumberScreen:
    """Screen a list of numbers (None: a row without a usable number, never kept).

    The first occurrence of a number is kept and later ones are duplicates; a kept number on `suppressed` is
    held back (its repeats stay duplicates). `prefix` is what the numbers lack to be compared with `suppressed`
    (the import keeps national digits: "+86"). `valid`, when known, is how many entries are not None.
    """
    keep, duplicates = _dedupe(numbers, valid)
    keep, held = _hold_suppressed(keep, numbers, suppressed, prefix)
    return NumberScreen(keep, duplicates, held)


def screen_recipients(recipients: Iterable[Recipient], *, suppressed: Container[str] = frozenset()
                      ) -> Screened:
    """Screen recipients given in row order (numbers as "+86…")."""
    people = recipients if isinstance(recipients, Sequence) else tuple(recipients)
    fast = getattr(people, "numbers", None)  # a RecipientList lists its numbers without building the people
    numbers: list[str | None] = fast() if callable(fast) else [person.number for person in people]
    screen = screen_numbers(numbers, suppressed, valid=len(numbers))
    duplicates = tuple(DuplicateRow(people[i].row, people[first].row, numbers[i])  # type: ignore[arg-type]  # kept entries are str
                       for i, first in screen.duplicates)
    held = tuple(people[i] for i in screen.held)
    if not duplicates and not held:
        return Screened(people)
    return Screened(tuple(compress(people, screen.keep)), duplicates, held)


def screen_import(imported: ImportResult, *, suppressed: Container[str]) -> Screened:
    """The import's recipients screened again at plan time against the suppression list as it is now.

    Rows the import already held back stay held back (after the newly suppressed ones); the import's
    duplicates are not repeated here (they are the import's report).
    """
    screened = screen_recipients(imported.recipients, suppressed=suppressed)
    if not imported.suppressed:
        return screened
    known = {person.number for person in screened.suppressed}
    earlier = tuple(person for person in imported.suppressed if person.number not in known)
    return Screened(screened.recipients, screened.duplicates, screened.suppressed + earlier)


def _dedupe(numbers: Sequence[str | None], valid: int | None) -> tuple[range | bytearray, tuple[tuple[int, int], ...]]:
    """Keep first occurrences: all positions (a range) or a keep-flag per position. The foundation's
    `first_occurrences` decides every repeat; set operations in C first narrow a million rows down to the
    few whose number occurs more than once."""
    repeated = _repeated_numbers(numbers)
    positions = range(len(numbers))
    if not repeated:
        if valid == len(numbers):
            return positions, ()
        return bytearray(map(is_not, numbers, repeat(None))), ()
    involved = list(compress(positions, map(repeated.__contains__, numbers)))
    _, repeats = first_occurrences([numbers[i] for i in involved])
    keep = bytearray(map(is_not, numbers, repeat(None)))
    duplicates = []
    for duplicate in repeats:
        keep[involved[duplicate.index]] = 0
        duplicates.append((involved[duplicate.index], involved[duplicate.first_index]))
    return keep, tuple(duplicates)


def _repeated_numbers(numbers: Sequence[str | None]) -> set[str]:
    """Numbers that occur more than once. A block without a repeat (nearly all) costs a small set of its own and
    one symmetric difference with the numbers seen so far (one probe of the large set a number, where a
    disjointness test and an update took two); small blocks keep the Python work around each repeat small.

    The numbers seen so far are kept in sets of at most SEEN_LIMIT each: a set that grows rehashes all it holds
    in one C call, with the GIL held — ~25–40 ms at a million numbers, a freeze of the window importing on
    the pool. A full set is kept aside and each later block is tested against it as well."""
    full: list[set[str | None]] = []
    seen: set[str | None] = set()
    repeated: set[str | None] = set()
    for start in range(0, len(numbers), DEDUPE_BLOCK):
        block = numbers[start:start + DEDUPE_BLOCK]
        new = set(block)
        new.discard(None)
        for earlier in full:
            if not new.isdisjoint(earlier):
                repeated |= new.intersection(earlier)
        size = len(seen)
        seen ^= new  # adds the block's numbers and takes out those an earlier block had
        if len(seen) - size != len(new):  # some came before: they repeat, and go back in
            again = new.difference(seen)
            seen |= again
            repeated |= again
        if len(new) != len(block) - block.count(None):  # a number twice inside this block
            inside: set[str | None] = set()
            add = inside.add
            repeated.update([n for n in block if n in inside or add(n)])  # add() is None: keeps the repeats
        if len(seen) >= SEEN_LIMIT:
            full.append(seen)
            seen = set()
    repeated.discard(None)
    return repeated  # type: ignore[return-value]  # None was discarded just above


def _hold_suppressed(kept: range | bytearray, numbers: Sequence[str | None],
                     suppressed: Container[str], prefix: str
                     ) -> tuple[range | bytearray, tuple[int, ...]]:
    """Take suppressed numbers out of `kept`; returns the new keep flags and the positions held back."""
    if isinstance(suppressed, Iterable):  # one set intersection, not a lookup per number
        listed = {number[len(prefix):] for number in suppressed if number.startswith(prefix)}
        if not listed:  # an empty list would still walk every number
            return kept, ()
        hits = listed.intersection(numbers)
    else:
        hits = {n for n in numbers if n is not None and prefix + n in suppressed}
    if not hits:
        return kept, ()
    flags = bytearray(kept) if isinstance(kept, bytearray) else bytearray(b"\x01") * len(kept)
    held = []
    for index in compress(range(len(numbers)), map(hits.__contains__, numbers)):
        if flags[index]:  # a repeat of a suppressed number is already reported as a duplicate
            flags[index] = 0
            held.append(index)
    return flags, tuple(held)
