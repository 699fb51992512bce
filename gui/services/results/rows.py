"""What each output row says: the send result, or why the row was not sent (invalid, duplicate, suppressed)."""

from __future__ import annotations

import glob
from collections.abc import Callable, Mapping
from pathlib import Path

from gui.domain.recipients import ImportResult, RecipientsFileError
from gui.domain.row_result import RESULT_COLUMNS, RowResult
from gui.services.config import atomic_file
from gui.services.config.atomic_file import ReplaceRefused
from gui.services.config.storage import remove_stale_temps
from gui.services.results.write_errors import ResultsNotWrittenError, is_refused

INVALID_SHEET = "无效号码"
DUPLICATE_SHEET = "重复号码"
INVALID_HEADERS = ("行号", "原始内容", "原因")
DUPLICATE_HEADERS = ("行号", "首次出现的行", "号码")
FORMULA_START = ("=", "+", "-", "@")
SUPPRESSED_RESULT = RowResult("未发送", reason="号码在退订名单中", advice="对方已退订，请勿发送")

__all__ = ["RESULT_COLUMNS", "all_row_results"]


def all_row_results(result: ImportResult, rows: Mapping[int, RowResult]) -> dict[int, RowResult]:
    """Every row that gets a status: the given results, plus invalid, duplicate and suppressed rows."""
    merged: dict[int, RowResult] = {}
    for bad in result.invalid:
        merged[bad.row] = RowResult("无效号码", reason=bad.message_zh, advice="请改正号码后重新导入")
    for duplicate in result.duplicates:
        merged[duplicate.row] = RowResult(
            "重复号码", reason=f"与第 {duplicate.first_row} 行号码相同", advice="已跳过，不会重复发送"
        )
    for recipient in result.suppressed:
        merged[recipient.row] = SUPPRESSED_RESULT
    merged.update(rows)
    return merged


def phone_text(value: object) -> object:
    """A phone cell as text, so Excel never shows 1.38E+10: integral numbers become their digits."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return value


def check_target(source: Path | None, out: Path) -> None:
    """Refuse to write over the user's own file."""
    if source is not None and out.exists() and out.resolve() == Path(source).resolve():
        raise RecipientsFileError(
            "不能覆盖原始文件，请另选一个保存位置或文件名。",
            "The results cannot overwrite the original file; choose another name or folder.",
            where=out.name,
        )


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """`config.atomic_file.write_atomically`, with the system's refusals told as the user can act on them.

    Raises ResultsNotWrittenError when the folder refuses new files (read-only, no permission) or when
    another program holds `out` open (Excel locks an open workbook on Windows); `out` is then unchanged.
    """
    # A write killed last time left its hidden temp file here: the next write to this name clears it.
    remove_stale_temps([Path(out).parent], patterns=[f".{glob.escape(Path(out).stem)}-*{glob.escape(Path(out).suffix)}"])
    try:
        return atomic_file.write_atomically(Path(out), write)
    except ReplaceRefused as error:
        cause = error.__cause__
        if isinstance(cause, OSError) and is_refused(cause):
            raise ResultsNotWrittenError(Path(out), locked=True) from cause
        raise
    except OSError as error:
        if is_refused(error):
            raise ResultsNotWrittenError(Path(out), locked=False) from error
        raise


def csv_safe(text: str) -> str:
    """A CSV cell Excel will not run as a formula (the OWASP apostrophe prefix)."""
    return "'" + text if text.startswith(FORMULA_START) else text
