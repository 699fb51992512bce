"""Opening recipients files as row streams: workbooks via python-calamine, CSV/TXT with encoding sniffing."""

from __future__ import annotations

import codecs
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine

from gui.services.recipients import errors, guard, large_sheet
from gui.services.recipients.probe import trial_read
from gui.services.recipients.text_rows import csv_rows, sniff_delimiter

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Encrypted OOXML is an OLE container whose directory names this stream (UTF-16LE).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
SNIFF_BYTES = 1 << 20
MAX_FILE_BYTES = 100 * 1000 * 1000  # a full 1,048,576-row list is well under this
# From this size on disk (~250,000 rows of three columns in .xlsx) a caller that asks for it gets the workbook
# read in a child process (`sheet_process`): below it calamine's one-call drop of the sheet is ~5 ms or less.
SEPARATE_PROCESS_BYTES = 4 * 1024 * 1024
REPORT_SHEET_NAME = "报告"  # the results workbook's first sheet (services/results/report_sheet.py)

Row = list[Any]  # one spreadsheet row: values as read (str, float, int, bool, date…); "" is an empty cell


@dataclass
class Table:
    """One sheet (or the whole text file) as rows from spreadsheet row 1; cells start at `first_column`."""

    sheet: str | None
    rows: Callable[[], Iterator[Row]]
    first_column: int = 0  # 0-based spreadsheet column of each row's first value
    encoding: str | None = None
    delimiter: str | None = None
    uniform: bool = False  # every row has the same length (calamine pads to the sheet's width)
    hidden: bool = False  # a hidden or very hidden sheet, read because the user chose it
    # (row, column), 1-based, of formula cells saved without a value (calamine reads them as empty)
    uncached_formulas: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    # For a large sheet whose formulas the pre-check did not look at: which of the given cells are such
    # formulas (one streamed pass over the sheet, so only asked when the read found empty cells).
    formula_lookup: Callable[[Collection[tuple[int, int]]], set[tuple[int, int]]] | None = None
    # A sheet read in a child process: its rows as flat lists of whole rows, `width` cells each (`rows` gives
    # the same rows one list each).
    blocks: Callable[[], Iterator[list[Any]]] | None = None
    width: int = 0


class Source:
    """An opened recipients file: its sheet names and a way to get each sheet's rows."""

    def __init__(self, path: Path, sheets: tuple[str, ...], open_table: Callable[[str | None], Table],
                 close: Callable[[], None] = lambda: None, hidden: frozenset[str] = frozenset()) -> None:
        self.path = path
        self.sheets = sheets
        self.hidden = hidden  # sheets Excel does not show: never picked without being asked for
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


def open_source(path: Path | str, *, separate_process: bool = False, separate_process_from: int = SEPARATE_PROCESS_BYTES,
                sheet: str | None = None) -> Source:
    """Open any supported recipients file, or raise `RecipientsFileError` saying why it cannot be used.

    `separate_process`: a workbook of at least `separate_process_from` bytes is read in a child process
    (`sheet_process`), which starts on `sheet` at once (None: the first visible sheet, 报告 last).
    """
    path = Path(path)
    head = read_head(path)
    if not head.strip() and len(head) < SNIFF_BYTES:  # the whole file is blank (a longer one may go on)
        raise errors.empty(path)
    suffix = path.suffix.lower()
    apart = separate_process and path.stat().st_size >= separate_process_from
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in head:
            raise errors.password_protected(path)
        if suffix in {".xlsx", ".xlsm"}:
            raise errors.not_really_xlsx(path)
        if apart:
            return _open_apart(path, None, sheet)
        trial_read(path)  # the legacy format has no cheap pre-check: read it first where a crash is harmless
        return _open_workbook(path)
    if head.startswith(ZIP_MAGIC):
        verdict = guard.check_zip(path)
        if apart:
            return _open_apart(path, verdict, sheet)
        if not verdict.safe:
            trial_read(path)
        return _open_workbook(path, verdict)
    if suffix in WORKBOOK_SUFFIXES:
        if apart:
            return _open_apart(path, None, sheet)
        trial_read(path)
        return _open_workbook(path)
    if suffix in TEXT_SUFFIXES or not suffix:
        return _open_text(path, head, one_per_line=suffix == ".txt")
    raise errors.unsupported(path)


def read_head(path: Path) -> bytes:
    """The first bytes of a regular file; never blocks on a pipe, a device or a directory."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError as error:
        raise errors.not_a_file(path) from error
    except OSError as error:
        raise errors.not_found(path) from error
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise errors.not_a_file(path)
    if info.st_size > MAX_FILE_BYTES:
        os.close(descriptor)
        raise errors.file_too_big(path, info.st_size, MAX_FILE_BYTES)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(SNIFF_BYTES)
        except OSError as error:
            raise errors.not_found(path) from error


def is_panic(error: BaseException) -> bool:
    """A Rust panic inside calamine, raised as pyo3's PanicException (a BaseException)."""
    return type(error).__name__ == "PanicException"


def _open_workbook(path: Path, verdict: guard.Verdict | None = None) -> Source:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        metas = [meta for meta in workbook.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet]
    except calamine.PasswordError as error:
        raise errors.password_protected(path) from error
    except (calamine.CalamineError, ValueError, OSError) as error:
        raise errors.corrupt(path, short(error)) from error
    except BaseException as error:
        if is_panic(error):
            raise errors.corrupt(path, short(error)) from None
        raise
    names = tuple(meta.name for meta in metas)
    hidden = frozenset(meta.name for meta in metas if meta.visible != calamine.SheetVisibleEnum.Visible)
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
        except BaseException as error:
            if is_panic(error):
                raise errors.corrupt(path, short(error)) from None
            raise

        def rows() -> Iterator[Row]:
            # iter_rows yields from spreadsheet row 1 but trims empty leading columns (see `start`).
            # Decoding errors surface from calamine here; the importer turns them into a user message.
            return iter(()) if start is None else data.iter_rows()

        uncached = verdict.formulas.get(name, frozenset()) if verdict else frozenset()
        part = verdict.unscanned.get(name) if verdict else None
        return Table(name, rows, first_column=start[1] if start else 0, uniform=True, hidden=name in hidden,
                     uncached_formulas=uncached,
                     formula_lookup=None if part is None else _formula_lookup(path, part))

    return Source(path, names, open_table, workbook.close, hidden)


def _open_apart(path: Path, verdict: guard.Verdict | None, first: str | None) -> Source:
    """A workbook read in a child process. The trial read is not needed: the child is one already (same
    limits, its own process), and the app's process never hands this file to calamine."""
    from gui.services.recipients import probe, sheet_process

    limit = sheet_process.VETTED_MEMORY_LIMIT if verdict is not None and verdict.safe else probe.MEMORY_LIMIT

    def start(sheet: str | None) -> sheet_process.SheetChild:
        return sheet_process.SheetChild(path, sheet, last=REPORT_SHEET_NAME, memory_limit=limit)

    reading = [start(first)]  # one child at a time: the sheet being read
    names = tuple(name for name, _ in reading[0].sheets)
    hidden = frozenset(name for name, secret in reading[0].sheets if secret)
    if not names:
        reading[0].close()
        raise errors.empty(path)
    # The sheet the first child reads: the one asked for, or its own first choice (the importer's too).
    shown = [name for name in data_sheets_first(names) if name not in hidden]
    upcoming = [first if first is not None else next(iter(shown), None)]

    def open_table(sheet: str | None) -> Table:
        name = sheet if sheet is not None else names[0]
        child = reading[0]
        if upcoming[0] != name:  # another sheet, or this one read before: a new child reads it
            child.close()
            child = reading[0] = start(name)
        upcoming[0] = None
        shown_name, begin, width = child.header()
        if shown_name != name:
            raise errors.reader_crashed(path)  # not the sheet it was told to read: not a child to trust
        uncached = verdict.formulas.get(name, frozenset()) if verdict else frozenset()
        part = verdict.unscanned.get(name) if verdict else None
        return Table(name, lambda: rows_of(child.blocks(), width),
                     first_column=begin[1] if begin else 0, uniform=True, hidden=name in hidden,
                     uncached_formulas=uncached, formula_lookup=None if part is None else _formula_lookup(path, part),
                     blocks=child.blocks, width=width)

    return Source(path, names, open_table, lambda: reading[0].close(), hidden)


def data_sheets_first(sheets: Sequence[str]) -> list[str]:
    """A results workbook opens with its 报告 sheet (figures, not people): look at it last."""
    return sorted(sheets, key=lambda name: name == REPORT_SHEET_NAME)


def rows_of(blocks: Iterator[Row], width: int) -> Iterator[Row]:
    """Flat blocks of whole rows (`Table.blocks`) as one list per row."""
    for block in blocks:
        for index in range(0, len(block), width):
            yield block[index:index + width]


def _formula_lookup(path: Path, part: str) -> Callable[[Collection[tuple[int, int]]], set[tuple[int, int]]]:
    def lookup(cells: Collection[tuple[int, int]]) -> set[tuple[int, int]]:
        try:
            with zipfile.ZipFile(path) as archive:
                return large_sheet.uncached_formulas(archive, part, cells)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
            return set()  # the file changed since it was read: the cells stay reported as empty
    return lookup


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
                    yield from csv_rows(handle, delimiter)
        except UnicodeDecodeError as error:
            raise errors.unknown_encoding(path) from error

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
