"""Recipients as imported from a spreadsheet: the people, the rows we could not use, and the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gui.domain.errors import UserFacingError


@dataclass(frozen=True, slots=True)
class Recipient:
    """One sendable row: `row` is the spreadsheet row number the user sees (1-based)."""

    row: int
    number: str  # "+86…"
    fields: dict[str, str] = field(default_factory=dict)  # every other column by header name, as display text


@dataclass(frozen=True, slots=True)
class InvalidRow:
    """A row whose phone cell is not a sendable number, with the original value and why."""

    row: int
    value: str
    reason: str  # a `PhoneProblem` code
    message_zh: str
    message_en: str


@dataclass(frozen=True, slots=True)
class DuplicateRow:
    """A row repeating a number first seen on `first_row`; only the first is kept."""

    row: int
    first_row: int
    number: str


@dataclass(frozen=True)
class ImportResult:
    """Everything one import found. `confident` is False when detection guessed: show the mapping step."""

    file: str
    sheet: str | None
    sheets: tuple[str, ...]
    header_row: int | None
    phone_column: str
    columns: tuple[str, ...]
    recipients: Sequence[Recipient]  # a tuple, or a tuple-like sequence built row by row on access
    invalid: tuple[InvalidRow, ...]
    duplicates: tuple[DuplicateRow, ...]
    suppressed: tuple[Recipient, ...]
    blank_rows: int
    rows_read: int
    confident: bool
    # Where the phone column sits (1-based spreadsheet column): the write-back stores those cells as text.
    phone_column_index: int = 1
    encoding: str | None = None  # the detected text encoding of a CSV/TXT file
    delimiter: str | None = None  # the detected CSV delimiter
    sheet_hidden: bool = False  # the sheet is hidden in Excel: read only because it was chosen by name

    def numbers(self) -> list[str]:
        """The numbers to send to, in first-seen order, duplicates and suppressed numbers removed."""
        fast = getattr(self.recipients, "numbers", None)
        return fast() if callable(fast) else [recipient.number for recipient in self.recipients]


class RecipientsFileError(UserFacingError):
    """A recipients file that cannot be used at all (corrupt, encrypted, empty, no phone column…).

    `reason` is a stable code for the problem (`corrupt`, `too_large`, `not_a_file`…), for JSON and tests;
    `detail` the reading library's own words, if any (shown only under 详细信息).
    """

    code = "recipients_file"

    def __init__(self, message_zh: str, message_en: str, *, reason: str = "unusable", **kwargs: str) -> None:
        super().__init__(message_zh, message_en, **kwargs)
        self.reason = reason
        self.detail = ""
