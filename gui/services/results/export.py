"""Export results: a copy of the user's workbook with result columns, or a CSV; always to a new file."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from pathlib import Path

from gui.domain.recipients import ImportResult
from gui.domain.row_result import RESULT_COLUMNS, RowResult
from gui.services.recipients.detection import display
from gui.services.recipients.readers import SEPARATE_PROCESS_BYTES, open_source
from gui.services.results.report import CampaignReport
from gui.services.results.rows import all_row_results, check_target, csv_safe, phone_text, write_atomically
from gui.services.results.workbook_copy import write_copy
from gui.services.results.workbook_stream import write_rebuilt

# openpyxl's normal mode keeps formatting but is slow and memory-hungry (a 5 MB, 280,000-row file took 33 s
# and ~900 MB here): above this size the workbook is streamed instead (values, sheets and layout; no styles).
OPENPYXL_MAX_BYTES = 2 * 1024 * 1024
OPENPYXL_SUFFIXES = {".xlsx", ".xlsm"}

__all__ = ["RESULT_COLUMNS", "write_results_csv", "write_results_workbook"]


def write_results_workbook(
    result: ImportResult,
    source: Path,
    rows: Mapping[int, RowResult],
    out: Path,
    *,
    progress: Callable[[int], None] | None = None,
    keep_formatting: bool | None = None,
    report: CampaignReport | None = None,
    separate_process: bool = False,
    separate_process_from: int = SEPARATE_PROCESS_BYTES,
) -> Path:
    """Write `out` (.xlsx): the user's rows and columns with 状态, 失败原因… appended, plus 无效号码/重复号码.

    `rows` maps spreadsheet row numbers to results; invalid, duplicate and suppressed rows are labelled
    too. An .xlsx/.xlsm up to `OPENPYXL_MAX_BYTES` is copied with its formatting and other sheets;
    larger files and CSV/TXT/.xls/.ods are rebuilt by streaming. The source file is never touched.
    With `report`, the campaign report comes first as the sheet 报告 (figures, chart, grouped failures).
    `separate_process`: a source workbook of `separate_process_from` bytes or more is read in a child process
    (`recipients.readers.open_source`).
    """
    source, out = Path(source), Path(out)
    check_target(source, out)
    results = all_row_results(result, rows)
    if keep_formatting is None:
        keep_formatting = (
            source.suffix.lower() in OPENPYXL_SUFFIXES and source.stat().st_size <= OPENPYXL_MAX_BYTES
        )
    if keep_formatting:
        return write_atomically(out, lambda temp: write_copy(result, source, results, temp, report))
    return write_atomically(out, lambda temp: write_rebuilt(result, source, results, temp, progress, report,
                                                            separate_process, separate_process_from))


def write_results_csv(result: ImportResult, source: Path, rows: Mapping[int, RowResult], out: Path, *,
                      separate_process: bool = False, separate_process_from: int = SEPARATE_PROCESS_BYTES) -> Path:
    """The imported sheet as CSV (UTF-8 with BOM so Excel shows Chinese) with the result columns appended."""
    source, out = Path(source), Path(out)
    check_target(source, out)
    results = all_row_results(result, rows)
    phone = result.columns.index(result.phone_column) if result.phone_column in result.columns else 0
    empty = ("",) * len(RESULT_COLUMNS)

    def write(temp: Path) -> None:
        with open_source(source, separate_process=separate_process,
                         separate_process_from=separate_process_from) as opened, \
                temp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            rows_in = opened.table(result.sheet).rows()
            header_row = result.header_row or 0
            if header_row == 0:
                writer.writerow([*result.columns, *RESULT_COLUMNS])
            for number, values in enumerate(rows_in, start=1):
                if number < header_row:
                    continue  # title rows above the header do not belong in a CSV
                cells = [csv_safe(_text(v)) for v in values]
                if number == header_row:
                    writer.writerow([*cells, *RESULT_COLUMNS])
                    continue
                if phone < len(cells):
                    cells[phone] = csv_safe(_text(phone_text(values[phone])))
                outcome = results.get(number)
                extra = empty if outcome is None else tuple(
                    "" if v is None else csv_safe(str(v)) for v in outcome.cells()
                )
                writer.writerow([*cells, *extra])

    return write_atomically(out, write)


def _text(value: object) -> str:
    return value if type(value) is str else display(value)
