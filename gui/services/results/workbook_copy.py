"""Results written into a real copy of the user's .xlsx/.xlsm (openpyxl): other sheets and formatting kept."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from gui.domain.recipients import ImportResult
from gui.domain.row_result import RESULT_COLUMNS, RowResult
from gui.services.results.report import CampaignReport
from gui.services.results.report_sheet import add_report_sheet
from gui.services.results.rows import (
    DUPLICATE_HEADERS,
    DUPLICATE_SHEET,
    INVALID_HEADERS,
    INVALID_SHEET,
    phone_text,
)

TEXT_FORMAT = "@"


def put(cell: Cell | MergedCell, value: object) -> None:
    """Set a cell; text is always stored as text, even when it starts with = + - @ (never a formula)."""
    cell.value = value  # type: ignore[assignment]  # row results are str/int/None; openpyxl's union is wider
    if isinstance(value, str):
        cell.data_type = "s"


def write_copy(result: ImportResult, source: Path, results: Mapping[int, RowResult], out: Path,
               report: CampaignReport | None = None) -> None:
    """Load the user's workbook, append the result columns to the imported sheet, add the report sheets."""
    macro = source.suffix.lower() == ".xlsm" and out.suffix.lower() == ".xlsm"
    workbook = openpyxl.load_workbook(source, keep_vba=macro, rich_text=True)
    try:
        sheet = workbook[result.sheet] if result.sheet in workbook.sheetnames else workbook.worksheets[0]
        shift = 0
        header_row = result.header_row
        if header_row is None:
            # A headerless list gets a header row of its own so the result columns are labelled.
            sheet.insert_rows(1)
            shift, header_row = 1, 1
            for index, name in enumerate(result.columns):
                put(sheet.cell(1, result.phone_column_index - _phone_offset(result) + index), name)
        last = sheet.max_column
        bold = Font(bold=True)
        for offset, title in enumerate(RESULT_COLUMNS, start=1):
            cell = sheet.cell(header_row, last + offset)
            put(cell, title)
            cell.font = bold
        _phones_as_text(sheet, result.phone_column_index, header_row + 1)
        for row, outcome in results.items():
            for offset, value in enumerate(outcome.cells(), start=1):
                if value not in ("", None):
                    put(sheet.cell(row + shift, last + offset), value)
        _report_sheets(workbook, result)
        if report is not None:
            add_report_sheet(workbook, report)
        workbook.save(out)
    finally:
        workbook.close()


def _phone_offset(result: ImportResult) -> int:
    return result.columns.index(result.phone_column) if result.phone_column in result.columns else 0


def _phones_as_text(sheet: Worksheet, column: int, first_row: int) -> None:
    for (cell,) in sheet.iter_rows(min_row=first_row, min_col=column, max_col=column):
        if cell.value is None:
            continue
        text = phone_text(cell.value)
        if text is not cell.value:
            put(cell, text)
            cell.number_format = TEXT_FORMAT


def _report_sheets(workbook: openpyxl.Workbook, result: ImportResult) -> None:
    for title, headers, rows in (
        (INVALID_SHEET, INVALID_HEADERS, [(bad.row, bad.value, bad.message_zh) for bad in result.invalid]),
        (DUPLICATE_SHEET, DUPLICATE_HEADERS, [(d.row, d.first_row, d.number) for d in result.duplicates]),
    ):
        if title in workbook.sheetnames:  # a results file imported again: replace the old report
            del workbook[title]
        sheet = workbook.create_sheet(title)
        for column, header in enumerate(headers, start=1):
            put(sheet.cell(1, column), header)
        for index, values in enumerate(rows, start=2):
            for column, value in enumerate(values, start=1):
                put(sheet.cell(index, column), value)
