"""Opening recipients files as row streams: workbooks via python-calamine, CSV/TXT with encoding sniffing."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import python_calamine as calamine

from gui.services.recipients import errors

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Encrypted OOXML is an OLE container whose directory names this stream (UTF-16LE).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
SNIFF_BYTES = 1 << 20
DELIMITERS = (",", "\t", ";")

Row = list  # one spreadsheet row: values as read (str, float, int, bool, date…); "" is an empty cell


@dataclass
class Table:
    """One sheet (or the whole text file) as rows from spreadsheet row 1; cells start at `first_column`."""

    sheet: str | None
    rows: Callable[[], Iterator[Row]]
    first_column: int = 0  # 0-based spreadsheet column of each row's first value
    encoding: str | None = None
    delimiter: str | None = None
    uniform: bool = False  # every row has the same length (calamine pads to the sheet's width)


class Source:
    """An opened recipients file: its sheet names and a way to get each sheet's rows."""

    def __init__(self, path: Path, sheets: tuple[str, ...], open_table: Callable[[str | None], Table],
                 close: Callable[[], None] = lambda: None) -> None:
        self.path = path
        self.sheets = sheets
        self._open_table = open_table
        self._close = close

    def table(self, sheet: str | None = None) -> Table:
        if sheet is not None and self.sheets and sheet not in self.sheets:
            raise errors.no_such_sheet(self.path, sheet, self.sheets)
        return self._open_table(sheet)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_source(path: Path | str) -> Source:
    """Open any supported recipients file, or raise `RecipientsFileError` saying why it cannot be used."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise errors.not_found(path) from error
    if not head.strip():
        raise errors.empty(path)
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in head or suffix in {".xlsx", ".xlsm"}:
            raise errors.password_protected(path)
        return _open_workbook(path)
    if head.startswith(ZIP_MAGIC) or suffix in WORKBOOK_SUFFIXES:
        return _open_workbook(path)
    if suffix in TEXT_SUFFIXES or not suffix:
        return _open_text(path, head, one_per_line=suffix == ".txt")
    raise errors.unsupported(path)


def _open_workbook(path: Path) -> Source:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        names = tuple(
            meta.name for meta in workbook.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet
        )
    except calamine.PasswordError as error:
        raise errors.password_protected(path) from error
    except (calamine.CalamineError, ValueError, OSError) as error:
        raise errors.corrupt(path, short(error)) from error
    if not names:
        raise errors.empty(path)

    def open_table(sheet: str | None) -> Table:
        name = sheet if sheet is not None else names[0]
        try:
            data = workbook.get_sheet_by_name(name)
            start = data.start
        except calamine.PasswordError as error:
            raise errors.password_protected(path) from error
        except (calamine.CalamineError, ValueError) as error:
            raise errors.corrupt(path, short(error)) from error

        def rows() -> Iterator[Row]:
            # iter_rows yields from spreadsheet row 1 but trims empty leading columns (see `start`).
            # Decoding errors surface from calamine here; the importer turns them into a user message.
            return iter(()) if start is None else data.iter_rows()

        return Table(name, rows, first_column=start[1] if start else 0, uniform=True)

    return Source(path, names, open_table, workbook.close)


def short(error: BaseException) -> str:
    return str(error).splitlines()[0][:120] if str(error) else type(error).__name__


def detect_encoding(head: bytes, complete: bool, path: Path | str = "") -> str:
    """'utf-8-sig', 'utf-16', 'utf-8' or 'gb18030' (a superset of GBK) — or raise: unknown encoding."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:  # binary data, not text in any encoding we accept
        raise errors.unknown_encoding(path)
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        return encoding
    raise errors.unknown_encoding(path)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the most of the first lines into more than one field (comma by default)."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        score = sum(1 for fields in csv.reader(lines, delimiter=delimiter) if len(fields) > 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _open_text(path: Path, head: bytes, *, one_per_line: bool) -> Source:
    encoding = detect_encoding(head, complete=len(head) < SNIFF_BYTES, path=path)
    sample = head.decode(encoding, errors="ignore")
    delimiter = None if one_per_line else sniff_delimiter(sample)

    def rows() -> Iterator[Row]:
        try:
            with path.open("r", encoding=encoding, newline="") as handle:
                if delimiter is None:
                    for line in handle:
                        yield [line.strip()]
                else:
                    yield from csv.reader(handle, delimiter=delimiter)
        except UnicodeDecodeError as error:
            raise errors.unknown_encoding(path) from error
        except csv.Error as error:
            raise errors.corrupt(path, short(error)) from error

    def open_table(sheet: str | None) -> Table:
        return Table(None, rows, encoding=encoding, delimiter=delimiter)

    return Source(path, (), open_table)


PASTE_SPLIT = str.maketrans({c: "\n" for c in ",;，；、\t|"})


def pasted_rows(text: str) -> Iterator[Row]:
    """Pasted text: one number per line, or several separated by commas, semicolons or tabs."""
    for item in io.StringIO(text.translate(PASTE_SPLIT)):
        item = item.strip()
        if item:
            yield [item]
