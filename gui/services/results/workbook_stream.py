"""Results written as a rebuilt .xlsx, streamed (XlsxWriter constant-memory): huge sheets, CSV/TXT/.xls/.ods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from gui.domain.recipients import ImportResult
from gui.domain.row_result import RESULT_COLUMNS, RowResult
from gui.services.recipients.detection import display
from gui.services.recipients.readers import REPORT_SHEET_NAME as REPORT_SHEET
from gui.services.recipients.readers import SEPARATE_PROCESS_BYTES, Row, open_source
from gui.services.results.report import CampaignReport
from gui.services.results.report_sheet import add_report_sheet_streamed
from gui.services.results.rows import (
    DUPLICATE_HEADERS,
    DUPLICATE_SHEET,
    INVALID_HEADERS,
    INVALID_SHEET,
    phone_text,
)

TEXT_SHEET_NAME = "收件人"
EXCEL_MAX_ROWS = 1_048_576
PROGRESS_EVERY = 10_000


class _Writer:
    """Type-directed cell writing: text always as a string cell (never a formula), numbers as numbers."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.text_format = workbook.add_format({"num_format": "@"})
        self.bold = workbook.add_format({"bold": True})

    def row(self, sheet: Worksheet, row: int, first_column: int, values: Iterable[object]) -> None:
        write_string, write_number = sheet.write_string, sheet.write_number
        for column, value in enumerate(values, first_column):
            kind = type(value)
            if kind is str:
                if value:
                    write_string(row, column, value)
            elif kind is float or kind is int:
                write_number(row, column, value)
            elif value is None:
                continue
            else:
                self.other(sheet, row, column, value)

    def other(self, sheet: Worksheet, row: int, column: int, value: object) -> None:
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, dt.datetime):
            sheet.write_datetime(row, column, value, self.datetime_format)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, column, value, self.date_format)
        else:  # times, durations and anything else: their text
            sheet.write_string(row, column, display(value))


def write_rebuilt(result: ImportResult, source: Path, results: Mapping[int, RowResult], out: Path,
                  progress: Callable[[int], None] | None = None, report: CampaignReport | None = None,
                  separate_process: bool = False, separate_process_from: int = SEPARATE_PROCESS_BYTES) -> None:
    """Every sheet's values re-read from `source`, the imported one with the result columns appended."""
    workbook = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_numbers": False, "strings_to_urls": False})
    writer = _Writer(workbook)
    try:
        if report is not None:
            add_report_sheet_streamed(workbook, report)
        with open_source(source, separate_process=separate_process,
                         separate_process_from=separate_process_from) as opened:
            for name in opened.sheets or (None,):
                if name in (INVALID_SHEET, DUPLICATE_SHEET, REPORT_SHEET):
                    continue  # a results file imported again: its old report is replaced below
                table = opened.table(name)
                sheet = workbook.add_worksheet(_sheet_title(name))
                if name == result.sheet:
                    sheet.activate()  # opens on the results, as without the 报告 sheet
                    _imported_sheet(writer, sheet, table.rows(), table.first_column, result, results, progress)
                else:
                    for index, values in enumerate(table.rows()):
                        writer.row(sheet, index, table.first_column, values)
        _report_sheets(workbook, writer, result)
    finally:
        workbook.close()


def _sheet_title(name: str | None) -> str:
    return name if name is not None else TEXT_SHEET_NAME


def _imported_sheet(writer: _Writer, sheet: Worksheet, rows: Iterator[Row], first_column: int, result: ImportResult,
                    results: Mapping[int, RowResult], progress: Callable[[int], None] | None) -> None:
    names = result.columns
    width = len(names)
    phone = result.phone_column_index - 1 - first_column
    last = first_column + width  # 0-based column of the first result column
    shift = 0
    header_row = result.header_row
    labelled = True
    if header_row is None:
        header_row = 0
        if result.rows_read < EXCEL_MAX_ROWS:
            # A headerless list gets a header row of its own so the result columns are labelled.
            writer.row(sheet, 0, first_column, names)
            shift = 1
        else:  # a full headerless sheet has no room for one: the results go unlabelled
            labelled = False
    rows = iter(rows)
    write_row, write_string = writer.row, sheet.write_string
    text_format = writer.text_format
    for index, values in enumerate(islice(rows, header_row), start=1):
        write_row(sheet, index - 1 + shift, first_column, values)
    if labelled:
        title_row = 0 if shift else header_row - 1
        for column, title in enumerate(RESULT_COLUMNS, last):
            sheet.write_string(title_row, column, title, writer.bold)
    row_number = header_row
    for values in rows:
        row_number += 1
        out_row = row_number - 1 + shift
        value = values[phone] if phone < len(values) else ""
        # The phone cell goes out as text so Excel never shows 1.38E+10; the rest keep their types.
        if phone < len(values):
            values[phone] = ""  # each row is a fresh list from the reader
        write_row(sheet, out_row, first_column, values)
        text = phone_text(value)
        if isinstance(text, str) and text:
            write_string(out_row, first_column + phone, text, text_format)
        elif text not in ("", None):
            write_row(sheet, out_row, first_column + phone, (text,))
        outcome = results.get(row_number)
        if outcome is not None:
            write_row(sheet, out_row, last, outcome.cells())
        if progress is not None and row_number % PROGRESS_EVERY == 0:
            progress(row_number)


def _report_sheets(workbook: xlsxwriter.Workbook, writer: _Writer, result: ImportResult) -> None:
    for title, headers, rows in (
        (INVALID_SHEET, INVALID_HEADERS, ((bad.row, bad.value, bad.message_zh) for bad in result.invalid)),
        (DUPLICATE_SHEET, DUPLICATE_HEADERS, ((d.row, d.first_row, d.number) for d in result.duplicates)),
    ):
        sheet = workbook.add_worksheet(title)
        writer.row(sheet, 0, 0, headers)
        for index, values in enumerate(rows, start=1):
            writer.row(sheet, index, 0, values)
