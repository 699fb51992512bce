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
        reason="password_protected",
    )


def corrupt(path: Path | str, detail: str = "") -> RecipientsFileError:
    """The library's own words (`detail`) stay out of the Chinese text; the window shows them under 详细信息."""
    error = RecipientsFileError(
        "文件已损坏或不是有效的表格文件，无法读取。",
        f"The file is damaged or is not a valid spreadsheet{f' ({detail})' if detail else ''}.",
        action_zh="请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
        action_en="Open it in Excel or WPS, save it as .xlsx and import that copy.",
        where=_name(path),
        reason="corrupt",
    )
    error.detail = detail
    return error


def empty(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "文件是空的，里面没有任何数据。",
        "The file is empty.",
        action_zh="请确认选对了文件。",
        action_en="Check that you picked the right file.",
        where=_name(path),
        reason="empty",
    )


def not_found(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "找不到这个文件，或没有权限读取。",
        "The file does not exist or cannot be read.",
        action_zh="请重新选择文件。",
        action_en="Choose the file again.",
        where=_name(path),
        reason="not_found",
    )


def unsupported(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "不支持这种文件类型。",
        "This file type is not supported.",
        action_zh="请使用 .xlsx、.xlsm、.xls、.ods、.csv 或 .txt 文件。",
        action_en="Use an .xlsx, .xlsm, .xls, .ods, .csv or .txt file.",
        where=_name(path),
        reason="unsupported",
    )


def unknown_encoding(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "无法识别这个文本文件的编码（不是 UTF-8，也不是 GBK/GB18030）。",
        "Cannot tell the text encoding of this file (it is neither UTF-8 nor GBK/GB18030).",
        action_zh="请用 Excel 或记事本把它另存为“UTF-8”编码的 CSV 后再导入。",
        action_en="Save it again as a UTF-8 CSV (Excel or Notepad) and import that.",
        where=_name(path),
        reason="unknown_encoding",
    )


def no_phone_column(path: Path | str, sheet: str | None) -> RecipientsFileError:
    where = f"{_name(path)} · {sheet}" if sheet else _name(path)
    return RecipientsFileError(
        "没有找到手机号列：没有“手机号/电话”等表头，也没有哪一列含有有效的手机号。",
        "No phone column found: no header like 手机号/phone and no column holding valid mobile numbers.",
        action_zh="请把手机号放在一列里并加上表头“手机号”，保存后重新打开这个文件。",
        action_en="Put the numbers in one column headed 手机号, save, and open the file again.",
        where=where,
        reason="no_phone_column",
    )


def no_such_sheet(path: Path | str, sheet: str, sheets: tuple[str, ...]) -> RecipientsFileError:
    names = "、".join(sheets)
    return RecipientsFileError(
        f"没有名为“{sheet}”的工作表。现有工作表：{names}。",
        f"There is no sheet named {sheet!r}. Sheets: {', '.join(sheets)}.",
        where=_name(path),
        reason="no_such_sheet",
    )


def no_such_column(path: Path | str, column: str, columns: tuple[str, ...]) -> RecipientsFileError:
    return RecipientsFileError(
        f"没有名为“{column}”的列。现有列：{'、'.join(columns)}。",
        f"There is no column named {column!r}. Columns: {', '.join(columns)}.",
        where=_name(path),
        reason="no_such_column",
    )


def bad_header_row(path: Path | str, header_row: int) -> RecipientsFileError:
    return RecipientsFileError(
        f"第 {header_row} 行不在表格的数据范围内，不能作为表头行。",
        f"Row {header_row} is outside the sheet's data and cannot be the header row.",
        where=_name(path),
        reason="bad_header_row",
    )


_RESAVE_ZH = "请用 Excel 或 WPS 打开，只保留名单所在的区域，另存为新的 .xlsx 再导入。"
_RESAVE_EN = "Open it in Excel or WPS, keep only the list's cells, save it as a new .xlsx and import that."


def not_a_file(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "这不是一个普通文件（可能是文件夹、管道或设备）。",
        "This is not a regular file (a folder, a pipe or a device).",
        action_zh="请选择一个 .xlsx、.xls、.csv 或 .txt 文件。",
        action_en="Choose an .xlsx, .xls, .csv or .txt file.",
        where=_name(path),
        reason="not_a_file",
    )


def file_too_big(path: Path | str, size: int, limit: int) -> RecipientsFileError:
    return RecipientsFileError(
        f"文件太大（{size / 1e6:.0f} MB，最多 {limit / 1e6:.0f} MB）。",
        f"The file is too large ({size / 1e6:.0f} MB; at most {limit / 1e6:.0f} MB).",
        action_zh="请把名单拆成几个较小的文件，或只保留手机号等需要的列后另存再导入。",
        action_en="Split the list into smaller files, or keep only the columns you need, and import those.",
        where=_name(path),
        reason="file_too_big",
    )


def too_large_inside(path: Path | str, size: int) -> RecipientsFileError:
    return RecipientsFileError(
        f"表格内部的数据太大（解压后超过 {size / 1e6:.0f} MB），无法安全读取。",
        f"The workbook's contents are too large once unpacked ({size / 1e6:.0f} MB); it cannot be read safely.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="too_large",
    )


def zip_bomb(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "表格文件的压缩比例异常（解压后会变得极大），可能已损坏或被篡改，无法安全读取。",
        "The workbook unpacks to an abnormal size (damaged or tampered with); it cannot be read safely.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="zip_bomb",
    )


def too_large(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "表格的数据范围太大（例如远处的单元格里有内容，或同一段长文字重复了很多次），读取需要的内存超过 1 GB。",
        "The sheet's data range is too large (a far-away cell holds something, or one long text repeats many "
        "times); reading it would need more than 1 GB of memory.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="too_large",
    )


def out_of_bounds(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "表格里有超出 Excel 范围的单元格（行号大于 1048576 或列超过 XFD），文件已损坏。",
        "The sheet has cells outside Excel's grid (beyond row 1048576 or column XFD); the file is damaged.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="out_of_bounds",
    )


def reader_crashed(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "读取这个表格时读取程序崩溃或内存不够（超过 1 GB），文件可能已损坏或数据范围异常。软件本身没有受影响。",
        "Reading this workbook crashed the reader or needed more than 1 GB of memory; the file may be damaged "
        "or its data range abnormal. The app itself is unaffected.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="reader_crashed",
    )


def reader_timeout(path: Path | str, seconds: float) -> RecipientsFileError:
    return RecipientsFileError(
        f"读取这个表格超过了 {seconds:.0f} 秒仍未完成，已停止。",
        f"Reading this workbook took more than {seconds:.0f} seconds and was stopped.",
        action_zh=_RESAVE_ZH, action_en=_RESAVE_EN,
        where=_name(path),
        reason="reader_timeout",
    )


def not_really_xlsx(path: Path | str) -> RecipientsFileError:
    return RecipientsFileError(
        "文件扩展名是 .xlsx，但内容是旧版 .xls（Excel 97–2003）格式。",
        "The file is named .xlsx but holds the old .xls (Excel 97–2003) format.",
        action_zh="请把扩展名改回 .xls，或用 Excel/WPS 打开后另存为 .xlsx 再导入。",
        action_en="Rename it back to .xls, or open it in Excel/WPS and save it as .xlsx.",
        where=_name(path),
        reason="xls_named_xlsx",
    )


def only_hidden_sheets(path: Path | str, sheets: tuple[str, ...]) -> RecipientsFileError:
    names = "、".join(sheets)
    return RecipientsFileError(
        f"这个表格的工作表都是隐藏的（{names}），不会自动读取。",
        f"Every sheet of this workbook is hidden ({', '.join(sheets)}); none is read automatically.",
        action_zh="请在 Excel 里取消隐藏名单所在的工作表，或在导入时指定工作表名称。",
        action_en="Unhide the list's sheet in Excel, or name the sheet when importing.",
        where=_name(path),
        reason="only_hidden_sheets",
    )
