"""Importing recipients: pick the sheet, detect the layout, clean every row, screen them, build the report."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any

import python_calamine as calamine

from gui.domain.phone import PROBLEM_MESSAGES, PhoneProblem
from gui.domain.phone_fast import check_digits, split_easy
from gui.domain.recipients import DuplicateRow, ImportResult, InvalidRow
from gui.domain.screening import COUNTRY_PREFIX, screen_numbers
from gui.services.recipients import errors
from gui.services.recipients.detection import Layout, detect, display, is_blank
from gui.services.recipients.readers import (
    SEPARATE_PROCESS_BYTES,
    Table,
    data_sheets_first,
    is_panic,
    open_source,
    pasted_rows,
    rows_of,
    short,
)
from gui.services.recipients.recipient_list import PackedColumn, RecipientList
from gui.services.recipients.text_rows import MalformedLine, MalformedRow

SAMPLE_ROWS = 200
PROGRESS_EVERY = 10_000
CHUNK_ROWS = 4_000
PASTED_FILE = ""
_EMPTY_MESSAGES = PROBLEM_MESSAGES[PhoneProblem.EMPTY]
UNCACHED_FORMULA_MESSAGES = (
    "手机号是公式，但文件里没有保存公式的计算结果（常见于程序生成的表格）。请在 Excel 或 WPS 里打开并保存一次，"
    "或把这一列复制后“选择性粘贴 → 数值”。",
    "The phone cell is a formula saved without its result (common in generated files). Open and save the file "
    "in Excel or WPS once, or copy the column and paste it as values.",
)


def malformed_messages(line: MalformedLine) -> tuple[str, str]:
    """What is wrong with a CSV line the reader could not split, naming its line number."""
    if line.problem == "field_too_long":
        return (
            f"第 {line.line} 行格式错误：有一个单元格超过 131072 个字符，这一行没有读取。请检查这一行。",
            f"Line {line.line} is malformed: a cell is longer than 131072 characters; the line was not read.",
        )
    return (
        f"第 {line.line} 行格式错误：引号不成对，这一行没有读取。请删掉多余的引号（\"）后重新导入。",
        f"Line {line.line} is malformed: its quotes are unbalanced, so the line was not read. Remove the stray "
        "quote (\") and import again.",
    )


def import_recipients(
    path: Path | str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    phone_column: str | None = None,
    suppressed: Container[str] = frozenset(),
    progress: Callable[[int], None] | None = None,
    fields: bool = True,
    separate_process: bool = False,
    separate_process_from: int = SEPARATE_PROCESS_BYTES,
) -> ImportResult:
    """Read a recipients file into an `ImportResult`, or raise `RecipientsFileError` (nothing half-imported).

    `header_row` is the spreadsheet row number of the header (0: the sheet has no header row);
    `phone_column` is a header name or a column letter ("B" / "列B"). `fields=False` keeps only the numbers:
    the recipients' other columns (for personalised content) are not stored, and their `fields` are empty.
    `separate_process`: a workbook of `separate_process_from` bytes or more is read in a child process
    (`readers.open_source`), so this process never holds nor frees calamine's copy of the sheet (the window:
    no long GIL-holding call on its pool thread).
    """
    path = Path(path)
    try:
        return _import(path, sheet, header_row, phone_column, suppressed, progress, fields, separate_process,
                       separate_process_from)
    except calamine.PasswordError as error:
        raise errors.password_protected(path) from error
    except calamine.CalamineError as error:
        raise errors.corrupt(path, short(error)) from error
    except OSError as error:  # the file vanished or became unreadable while being read
        raise errors.not_found(path) from error
    except MemoryError:
        raise errors.too_large(path) from None
    except BaseException as error:
        if is_panic(error):
            raise errors.corrupt(path, short(error)) from None
        raise


def _import(path: Path, sheet: str | None, header_row: int | None, phone_column: str | None,
            suppressed: Container[str], progress: Callable[[int], None] | None, fields: bool,
            separate_process: bool = False, separate_process_from: int = SEPARATE_PROCESS_BYTES) -> ImportResult:
    raw: _Raw | None = None
    with open_source(path, separate_process=separate_process, separate_process_from=separate_process_from,
                     sheet=sheet) as source:
        if sheet is not None:
            candidates: list[str | None] = [sheet]
        elif source.sheets:
            # Hidden sheets are never picked by themselves: the user sees only the visible ones in Excel.
            candidates = [name for name in data_sheets_first(source.sheets) if name not in source.hidden]
            if not candidates:
                raise errors.only_hidden_sheets(path, source.sheets)
        else:
            candidates = [None]
        for name in candidates:
            table = source.table(name)
            blocks: Iterator[list[Any]] | None = None
            rows: Iterator[list[Any]]
            if table.blocks is not None:
                rows = iter(())
                sample, blocks = _sample_of(table.blocks(), table.width)
            else:
                rows = table.rows()
                sample = list(islice(rows, SAMPLE_ROWS))
            if not sample:
                if sheet is not None or len(candidates) == 1:
                    raise errors.empty(path)
                continue
            layout = _layout(path, table, sample, header_row, phone_column)
            if layout is not None:
                raw = _read(str(path), table, source.sheets, layout, sample, rows, progress, fields, blocks)
                break
        # Drop the sheet before deduplicating: calamine holds the whole sheet, and a million rows of it
        # is the larger half of the peak memory.
        table = rows = sample = blocks = None  # type: ignore[assignment]  # released for memory, not read again
    if raw is None:
        raise errors.no_phone_column(path, sheet)
    return _finish(raw, suppressed)


def _sample_of(blocks: Iterator[list[Any]], width: int) -> tuple[list[list[Any]], Iterator[list[Any]]]:
    """The first `SAMPLE_ROWS` rows of flat blocks as row lists, and the blocks after them."""
    sample: list[list[Any]] = []
    for block in blocks:
        taken = min(len(block) // width, SAMPLE_ROWS - len(sample))
        sample.extend(block[index * width:(index + 1) * width] for index in range(taken))
        if len(sample) == SAMPLE_ROWS:
            return sample, chain((block[taken * width:],), blocks)
    return sample, iter(())


def import_pasted_text(text: str, *, suppressed: Container[str] = frozenset()) -> ImportResult:
    """Numbers pasted into the window: one per line (or separated by commas/semicolons/tabs)."""
    table = Table(None, lambda: pasted_rows(text))
    rows = list(table.rows())
    if not rows:
        raise errors.empty(PASTED_FILE)
    layout = Layout(None, 0, ("号码",), True)
    return _finish(_read(PASTED_FILE, table, (), layout, rows, iter(()), None), suppressed)


def _layout(path: Path, table: Table, sample: list[list[Any]], header_row: int | None,
            phone_column: str | None) -> Layout | None:
    header_given = header_row is not None
    header_index = header_row - 1 if header_row else None
    if header_index is not None and not 0 <= header_index < len(sample):
        raise errors.bad_header_row(path, header_row)  # type: ignore[arg-type]  # header_index set means header_row is
    layout = detect(
        sample, first_column=table.first_column, header_index=header_index,
        header_given=header_given, phone_column=phone_column,
    )
    if layout is not None and layout.phone_index < 0:
        raise errors.no_such_column(path, phone_column or "", layout.names)
    return layout


@dataclass
class _Raw:
    """What one pass over the rows found, before deduplication and suppression."""

    file: str
    table: Table
    sheets: tuple[str, ...]
    layout: Layout
    skip: int
    others: list[int]
    digits: list[str | None]
    columns: list[PackedColumn]
    invalid: list[InvalidRow]
    blanks: list[int]


def _read(
    file: str, table: Table, sheets: tuple[str, ...], layout: Layout, sample: list[list[Any]], rows: Iterator[list[Any]],
    progress: Callable[[int], None] | None, fields: bool = True, blocks: Iterator[list[Any]] | None = None,
) -> _Raw:
    """One pass over every data row, a block at a time; per-cell Python work only for the hard cells."""
    phone = layout.phone_index
    names = layout.names
    width = len(names)
    others = [i for i in range(width) if i != phone] if fields else []
    skip = layout.header_index + 1 if layout.header_index is not None else 0

    # One entry per data row: the national digits, or None for an invalid or blank row; the row number is
    # implicit (skip + index + 1), which saves a column and a step per row.
    digits: list[str | None] = []
    columns = [PackedColumn() for _ in others]
    invalid: list[InvalidRow] = []
    blanks: list[int] = []
    phone_column = table.first_column + phone + 1
    formulas = {row for row, column in table.uncached_formulas if column == phone_column}

    def add(phones: list[Any], row_of: Callable[[int], list[Any]], column_of: Callable[[int], list[Any]]) -> None:
        # Column-wise, in C: a block of clean numbers costs a join and one regex, not a call per cell.
        start = len(digits)
        _phones(phones, row_of, skip + start, digits, invalid, blanks, formulas)
        for index, column in zip(others, columns, strict=True):
            column.add_block(column_of(index), start)
        if progress is not None and len(digits) % PROGRESS_EVERY < len(phones):
            progress(len(digits))

    # A workbook's rows (all as wide as the sheet) are read a block at a time as one flat list: each row's
    # list is freed as soon as it is read, so no collector pass ever walks thousands of live rows, and the
    # columns are slices. Text files (and the sample) go row by row, padded to the header's width.
    # Nothing kept here forms a cycle; callers that import big files may pause the cyclic collector around
    # the call (gui.services.gc_scope.collector_paused) — this function leaves the process's GC alone.
    stride = len(sample[0]) if table.uniform and sample and len(sample[0]) >= width else 0
    if blocks is not None and not stride:  # not the flat path after all: the blocks' rows one by one
        rows, blocks = rows_of(blocks, table.width), None
    chunk = sample[skip:]
    while chunk:
        if not table.uniform:
            chunk = [
                (row if len(row) >= width else row + [""] * (width - len(row)))
                if type(row) is not MalformedRow else row * width
                for row in chunk
            ]
        add(list(map(itemgetter(phone), chunk)), chunk.__getitem__, partial(_column, chunk))
        chunk = [] if stride else list(islice(rows, CHUNK_ROWS))
    # A sheet read in a child comes in such blocks already (`readers.Table.blocks`); only the in-process read
    # builds them here, 4,000 rows in one C call.
    flats = blocks if blocks is not None else iter(lambda: list(chain.from_iterable(islice(rows, CHUNK_ROWS))), [])
    for flat in flats if stride else ():
        if not flat:
            continue
        if len(flat) % stride:
            raise errors.corrupt(Path(file), "rows of different lengths")
        add(flat[phone::stride], partial(_flat_row, flat, stride), partial(_flat_column, flat, stride))
    if progress is not None:
        progress(len(digits))
    if table.formula_lookup is not None:
        _settle_formulas(table.formula_lookup, phone_column, invalid)
    table = Table(table.sheet, lambda: iter(()), table.first_column, table.encoding, table.delimiter,
                  hidden=table.hidden)
    return _Raw(file, table, sheets, layout, skip, others, digits, columns, invalid, blanks)


def _column(rows: list[list[Any]], index: int) -> list[Any]:
    return list(map(itemgetter(index), rows))


def _flat_row(flat: list[Any], stride: int, index: int) -> list[Any]:
    return flat[index * stride:(index + 1) * stride]


def _flat_column(flat: list[Any], stride: int, index: int) -> list[Any]:
    return flat[index::stride]


def _settle_formulas(lookup: Callable[[Collection[tuple[int, int]]], set[tuple[int, int]]], column: int,
                     invalid: list[InvalidRow]) -> None:
    """A large sheet's empty phone cells: those that are formulas saved without a value are reported as such.

    Asked only when the read found an empty phone cell in a row that holds something else (a row with nothing
    at all in it stays a blank row), so a sheet without one costs nothing here."""
    empty = [index for index, bad in enumerate(invalid) if bad.reason == PhoneProblem.EMPTY.value]
    if not empty:
        return
    found = lookup({(invalid[index].row, column) for index in empty})
    for index in empty:
        if (invalid[index].row, column) in found:
            invalid[index] = InvalidRow(invalid[index].row, "", "formula_without_value", *UNCACHED_FORMULA_MESSAGES)


def _finish(raw: _Raw, suppressed: Container[str]) -> ImportResult:
    """Screen the cleaned rows (`gui.domain.screening`: duplicates, suppression list) and assemble the report."""
    digits, skip, layout, table = raw.digits, raw.skip, raw.layout, raw.table
    names, phone = layout.names, layout.phone_index
    invalid, blanks, others, columns = raw.invalid, raw.blanks, raw.others, raw.columns
    read = len(digits)
    screen = screen_numbers(digits, _listed(suppressed), prefix=COUNTRY_PREFIX, valid=read - len(invalid) - len(blanks))
    order, held = screen.keep, list(screen.held)
    duplicates = tuple(DuplicateRow(skip + index + 1, skip + first + 1, COUNTRY_PREFIX + digits[index])  # type: ignore[operator]  # duplicates hold digits
                       for index, first in screen.duplicates)
    other_names = tuple(names[i] for i in others)
    recipients = RecipientList(skip, digits, other_names, columns, order)
    held_list = RecipientList(skip, digits, other_names, columns, held)
    return ImportResult(
        file=raw.file,
        sheet=table.sheet,
        sheets=raw.sheets,
        header_row=layout.header_index + 1 if layout.header_index is not None else None,
        phone_column=names[phone],
        columns=names,
        recipients=recipients,
        invalid=tuple(invalid),
        duplicates=duplicates,
        suppressed=tuple(held_list),
        blank_rows=len(blanks),
        rows_read=read,
        confident=layout.confident,
        phone_column_index=table.first_column + phone + 1,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet_hidden=table.hidden,
    )


def _phones(values: list[object], row_of: Callable[[int], list[Any]], offset: int, digits: list[str | None],
            invalid: list[InvalidRow], blanks: list[int], formulas: Container[int] = frozenset()) -> None:
    """Clean a block of phone cells: the easy ones all at once, `clean_phone` for the few hard ones."""
    easy, hard = split_easy(values)
    for index in hard:
        easy[index] = _slow_path(values[index], row_of(index), offset + index + 1, invalid, blanks, formulas)
    digits.extend(easy)


def _slow_path(value: object, row: list[Any], row_number: int, invalid: list[InvalidRow],
               blanks: list[int], formulas: Container[int] = frozenset()) -> str | None:
    """Digits for a cell that needed `clean_phone`, or None after recording an invalid or blank row."""
    if type(value) is MalformedLine:
        invalid.append(InvalidRow(row_number, value.text, value.problem, *malformed_messages(value)))
        return None
    if value == "" or value is None:
        if row_number in formulas:
            invalid.append(InvalidRow(row_number, "", "formula_without_value", *UNCACHED_FORMULA_MESSAGES))
        elif is_blank(row):
            blanks.append(row_number)
        else:
            invalid.append(InvalidRow(row_number, "", PhoneProblem.EMPTY.value, *_EMPTY_MESSAGES))
        return None
    number, check = check_digits(value)
    if number is None and check is not None:
        problem = check.problem or PhoneProblem.NOT_A_NUMBER
        invalid.append(InvalidRow(row_number, _shown(display(value)), problem.value, check.message_zh,
                                  check.message_en))
    return number


def _shown(text: str, limit: int = 100) -> str:
    """A cell as quoted in the report: a 50 MB "number" is shown by its start, not copied whole."""
    return text if len(text) <= limit else text[:limit] + "…"


def _listed(suppressed: Container[str]) -> Container[str]:
    """The suppression list as a plain set: a `SuppressionList` is read once, not asked about every number."""
    snapshot = getattr(suppressed, "numbers", None)
    return snapshot() if callable(snapshot) else suppressed
