"""The user-facing messages for recipients files that cannot be used, one constructor per problem."""

from __future__ import annotations

from pathlib import Path

from gui.domain.recipients import RecipientsFileError


def _name(path: Path | str) -> str:
    return Path(path).name if str(path) else "粘贴的号码"


def password_protected(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "文件有密码保护，请先在 Excel 里取消密码后另存",
        "The file is password-protected; remove the password in Excel and save it again.",
        action_zh="（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后保存）",
        action_en="(File → Info → Protect Workbook → Encrypt with Password, clear it, then save.)",
        where=_name(path),
    )


def corrupt(path: Path | str, detail: str = "") -> RecipientsFileError:
    extra = f"（{detail}）" if detail else ""
    return RecipientsFileError(
        f"文件已损坏或不是有效的表格文件，无法读取{extra}。",
        f"The file is damaged or is not a valid spreadsheet{f' ({detail})' if detail else ''}.",
        action_zh="请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
        action_en="Open it in Excel or WPS, save it as .xlsx and import that copy.",
        where=_name(path),
    )


def empty(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "文件是空的，里面没有任何数据。",
        "The file is empty.",
        action_zh="请确认选对了文件。",
        action_en="Check that you picked the right file.",
        where=_name(path),
    )


def not_found(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "找不到这个文件，或没有权限读取。",
        "The file does not exist or cannot be read.",
        action_zh="请重新选择文件。",
        action_en="Choose the file again.",
        where=_name(path),
    )


def unsupported(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "不支持这种文件类型。",
        "This file type is not supported.",
        action_zh="请使用 .xlsx、.xlsm、.xls、.ods、.csv 或 .txt 文件。",
        action_en="Use an .xlsx, .xlsm, .xls, .ods, .csv or .txt file.",
        where=_name(path),
    )


def unknown_encoding(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "无法识别这个文本文件的编码（不是 UTF-8，也不是 GBK/GB18030）。",
        "Cannot tell the text encoding of this file (it is neither UTF-8 nor GBK/GB18030).",
        action_zh="请用 Excel 或记事本把它另存为“UTF-8”编码的 CSV 后再导入。",
        action_en="Save it again as a UTF-8 CSV (Excel or Notepad) and import that.",
        where=_name(path),
    )


def no_phone_column(path: Path | str, sheet: str | None) -> RecipientsFileError:
    where = f"{_name(path)} · {sheet}" if sheet else _name(path)
    return RecipientsFileError(
        "没有找到手机号列：没有“手机号/电话”等表头，也没有哪一列含有有效的手机号。",
        "No phone column found: no header like 手机号/phone and no column holding valid mobile numbers.",
        action_zh="请把手机号放在一列里并加上表头“手机号”，保存后重新打开这个文件。",
        action_en="Put the numbers in one column headed 手机号, save, and open the file again.",
        where=where,
    )


def no_such_sheet(path: Path | str, sheet: str, sheets: tuple[str, ...]) -> RecipientsFileError:
    names = "、".join(sheets)
    return RecipientsFileError(
        f"没有名为“{sheet}”的工作表。现有工作表：{names}。",
        f"There is no sheet named {sheet!r}. Sheets: {', '.join(sheets)}.",
        where=_name(path),
    )


def no_such_column(path: Path | str, column: str, columns: tuple[str, ...]) -> RecipientsFileError:
    return RecipientsFileError(
        f"没有名为“{column}”的列。现有列：{'、'.join(columns)}。",
        f"There is no column named {column!r}. Columns: {', '.join(columns)}.",
        where=_name(path),
    )


def bad_header_row(path: Path | str, header_row: int) -> RecipientsFileError:
    return RecipientsFileError(
        f"第 {header_row} 行不在表格的数据范围内，不能作为表头行。",
        f"Row {header_row} is outside the sheet's data and cannot be the header row.",
        where=_name(path),
    )
