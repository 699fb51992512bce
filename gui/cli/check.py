"""`sms-composer check FILE`: read a recipients file and report valid, invalid, duplicate and suppressed rows."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gui.cli.output import pick, print_json, printable
from gui.domain.recipients import ImportResult
from gui.services.gc_scope import collector_paused
from gui.services.recipients.importer import import_recipients
from gui.services.recipients.suppression import SuppressionList

EXIT_OK = 0  # as `gui.services.sending.types.EXIT_OK`, without importing the sending types into this command
EXIT_NO_VALID = 1
SHOWN_PROBLEMS = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="检查收件人文件 · check a recipients file",
        description="读取收件人表格（.xlsx/.xls/.ods/.csv/.txt），报告有效、无效、重复和退订的号码。",
    )
    parser.add_argument("file", help="收件人文件 · the recipients file")
    parser.add_argument("--sheet", help="工作表名称（默认：第一个含手机号的工作表）")
    parser.add_argument("--phone-column", help="手机号所在列：表头名称或列字母（默认：自动识别）")
    parser.add_argument("--header-row", type=int, help="表头所在行号（0 表示没有表头；默认：自动识别）")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象 · print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Import the file against the app's suppression list; exit 0 with valid numbers, 1 without, 2 unusable."""
    # This command owns the process: the cyclic collector would only rescan the growing, acyclic import.
    with collector_paused():
        result = import_recipients(
            args.file,
            sheet=args.sheet,
            header_row=args.header_row,
            phone_column=args.phone_column,
            suppressed=SuppressionList().numbers(),
            fields=False,  # the report names numbers and rows, never another column's value
        )
    if args.json:
        write_json(result)
    else:
        sys.stdout.write(report(result))
    return EXIT_OK if result.recipients else EXIT_NO_VALID


def write_json(result: ImportResult) -> None:
    """The report as one compact JSON object (a million numbers indented take seconds to print).

    The numbers are written as one join of their digits (see `_numbers_array`), so a million of them cost a
    join instead of a million `+86` strings and the encoder's walk over them.
    """
    payload = as_json(result, with_numbers=False)
    digits_of = getattr(result.recipients, "national_digits", None)
    numbers = _numbers_array(digits_of()) if callable(digits_of) else None
    if numbers is None:
        print_json(as_json(result), compact=True)
        return
    head = {key: payload.pop(key) for key in list(payload) if key in _BEFORE_NUMBERS}
    parts = ((_compact(head)[:-1] + ',"numbers":').encode("utf-8"), *numbers,
             ("," + _compact(payload)[1:] + "\n").encode("utf-8"))
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # an in-memory text stream (tests)
        sys.stdout.write(b"".join(parts).decode("utf-8"))
        return
    sys.stdout.flush()
    for part in parts:
        stream.write(part)
    stream.flush()


def _numbers_array(digits: list[str]) -> tuple[bytes, ...] | None:
    """`["+86…",…]` as ASCII bytes in parts, or None unless every entry is exactly 11 ASCII digits (they then
    need no escaping; otherwise the general encoder writes the report).

    Checked on the joined text itself: with the digits taken out only the separators are left, and each
    separator starts 17 bytes after the one before, so every entry between them is 11 digits long.
    """
    if not digits:
        return (b"[]",)
    joined = '","+86'.join(digits)
    if not joined.isascii() or len(joined) != 17 * len(digits) - 6:
        return None
    data = joined.encode("ascii")
    gaps = len(digits) - 1
    if data[11::17] != b'"' * gaps or data[12::17] != b"," * gaps \
            or data.translate(None, b"0123456789") != b'","+' * gaps:
        return None
    return b'["+86', data, b'"]'


_BEFORE_NUMBERS = ("file", "sheet", "sheet_hidden", "header_row", "phone_column", "confident", "rows", "blank_rows",
                   "valid")


def _compact(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def as_json(result: ImportResult, *, with_numbers: bool = True) -> dict[str, Any]:
    return {
        "file": result.file,
        "sheet": result.sheet,
        "sheet_hidden": result.sheet_hidden,
        "header_row": result.header_row,
        "phone_column": result.phone_column,
        "confident": result.confident,
        "rows": result.rows_read,
        "blank_rows": result.blank_rows,
        "valid": len(result.recipients),
        **({"numbers": result.numbers()} if with_numbers else {}),
        "invalid": [
            {"row": bad.row, "value": bad.value, "reason": bad.reason, "message": pick(bad.message_zh, bad.message_en)}
            for bad in result.invalid
        ],
        "duplicates": [{"row": d.row, "first_row": d.first_row, "number": d.number} for d in result.duplicates],
        "suppressed": len(result.suppressed),
    }


def report(result: ImportResult) -> str:
    """A readable report (Chinese by default, English with --lang en)."""
    # Everything from the file is escaped: a cell holding ESC sequences must not drive the terminal.
    where = printable(result.file + (f" · {result.sheet}" if result.sheet else ""))
    header = f"第 {result.header_row} 行" if result.header_row else pick("无表头", "none")
    column = printable(result.phone_column)
    lines = [
        pick(f"文件：{where}", f"File: {where}"),
        pick(f"表头：{header}；手机号列：{column}", f"Header: {header}; phone column: {column}"),
        pick(
            f"读取 {result.rows_read} 行：有效号码 {len(result.recipients)} 个，无效号码 {len(result.invalid)} 行，"
            f"重复号码 {len(result.duplicates)} 行，退订名单 {len(result.suppressed)} 个，空行 {result.blank_rows} 行。",
            f"Read {result.rows_read} rows: {len(result.recipients)} valid, {len(result.invalid)} invalid, "
            f"{len(result.duplicates)} duplicates, {len(result.suppressed)} suppressed, {result.blank_rows} blank.",
        ),
    ]
    if result.sheet_hidden:
        lines.append(pick("注意：这个工作表在 Excel 里是隐藏的，按你的指定读取。",
                          "Note: this sheet is hidden in Excel; it was read because you named it."))
    if not result.confident:
        lines.append(pick("注意：手机号列是推测的，请确认（可用 --phone-column 指定）。",
                          "Note: the phone column was guessed; check it (or use --phone-column)."))
    if result.invalid:
        lines.append(pick("无效号码：", "Invalid numbers:"))
        for bad in result.invalid[:SHOWN_PROBLEMS]:
            value = printable(bad.value) if bad.value else "（空）"
            lines.append(f"  第 {bad.row} 行  {value}  {printable(pick(bad.message_zh, bad.message_en))}")
        if len(result.invalid) > SHOWN_PROBLEMS:
            lines.append(pick(f"  ……另有 {len(result.invalid) - SHOWN_PROBLEMS} 行",
                              f"  …and {len(result.invalid) - SHOWN_PROBLEMS} more"))
    if result.duplicates:
        lines.append(pick("重复号码：", "Duplicates:"))
        for d in result.duplicates[:SHOWN_PROBLEMS]:
            lines.append(pick(f"  第 {d.row} 行  {d.number}  与第 {d.first_row} 行重复",
                              f"  row {d.row}  {d.number}  repeats row {d.first_row}"))
        if len(result.duplicates) > SHOWN_PROBLEMS:
            lines.append(pick(f"  ……另有 {len(result.duplicates) - SHOWN_PROBLEMS} 行",
                              f"  …and {len(result.duplicates) - SHOWN_PROBLEMS} more"))
    if not result.recipients:
        lines.append(pick("没有可以发送的号码。", "No numbers to send to."))
    return "\n".join(lines) + "\n"
