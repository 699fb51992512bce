"""The sample recipients workbook (收件人示例.xlsx): how it is built, and a copy for the user to download.

Regenerate the bundled file with `python -m gui.services.recipients.sample_workbook`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from gui.services.config.atomic_file import write_atomically
from gui.services.config.paths import resources_dir

SAMPLE_NAME = "收件人示例.xlsx"
HEADERS = ("手机号", "姓名", "城市", "订单号", "备注")
ROWS = (
    ("13812345678", "张三", "上海", "A10001", "老客户"),
    ("13987654321", "李四", "北京", "A10002", ""),
    ("+86 150 1234 5678", "王五", "广州", "A10003", "带 +86 和空格也可以"),
    ("18600001111", "赵六", "深圳", "A10004", ""),
)
EXPLANATION = (
    ("列", "说明"),
    ("手机号", "必填。中国大陆 11 位手机号，以 13–19 开头。可以带 +86、空格或短横线，导入时会自动整理。"
               "请把这一列设为“文本”格式，否则 Excel 可能把号码显示成 1.38E+10 并丢掉后几位。"),
    ("姓名", "选填。可在通知短信的模板变量里使用，例如“{1}您好”。"),
    ("城市", "选填。其他列都会原样保留，可作为模板变量。"),
    ("订单号", "选填。示例：通知短信里的订单号。"),
    ("备注", "选填。不会发送，只是给自己看的。"),
    ("", ""),
    ("提示", "第一行是表头；表头上方可以有标题行，导入时会自动跳过。空行会被跳过，重复号码只发送一次。"),
    ("提示", "退订名单中的号码不会被发送。发送结束后可以“导出结果”，结果会追加在你的表格最后几列。"),
)


def sample_path() -> Path:
    """The bundled sample under resources/samples/."""
    return resources_dir() / "samples" / SAMPLE_NAME


def build_sample_workbook(dest: Path) -> Path:
    """Write the sample workbook to `dest`: a 收件人 sheet with the phone column as text, and a 说明 sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]  # a new workbook has exactly one
    sheet.title = "收件人"
    header_font = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font, cell.fill = header_font, fill
    for values in ROWS:
        sheet.append(values)
    for (cell,) in sheet.iter_rows(min_row=1, max_row=200, min_col=1, max_col=1):
        cell.number_format = "@"  # text, so typed numbers are never turned into 1.38E+10
    for letter, width in zip("ABCDE", (18, 10, 10, 12, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet("说明")
    for note in EXPLANATION:
        notes.append(note)
    for cell in notes[1]:
        cell.font, cell.fill = header_font, fill
    notes.column_dimensions["A"].width = 10
    notes.column_dimensions["B"].width = 90
    for (cell,) in notes.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return write_atomically(Path(dest), workbook.save)


def save_sample_workbook(dest: Path | str) -> Path:
    """Save a copy of the sample workbook to `dest` (the window's "download the sample" action)."""
    dest = Path(dest)
    source = sample_path()
    if not source.exists():  # a source tree without the generated file: build it on the spot
        return build_sample_workbook(dest)

    def copy(temp: Path) -> None:
        shutil.copyfile(source, temp)

    return write_atomically(dest, copy)


if __name__ == "__main__":
    print(build_sample_workbook(sample_path()))
