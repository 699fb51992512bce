"""Results written back: read the output with openpyxl and compare cell by cell, formats included."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill

from gui.domain.recipients import RecipientsFileError
from gui.domain.row_result import RESULT_COLUMNS, RowResult
from gui.services.recipients import import_recipients
from gui.services.results.export import write_results_csv, write_results_workbook
from tests.services.recipients.builders import csv_bytes, ods, read_back, xls

ACCEPTED = RowResult("已提交", serial_no="SN-1", submit_time="2024-05-01 10:00:00", parts=1)
FAILED = RowResult("发送失败", reason="=HYPERLINK(\"http://x\")", advice="-联系客服", serial_no="+1", parts=None)


def user_workbook(path: Path) -> Path:
    """A workbook the way people make them: a title row, styling, a second sheet, numbers as numbers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    sheet.append(["七月活动名单"])
    sheet.append(["手机号", "姓名", "备注"])
    sheet.append([13812345678, "张三", "=1+1"])          # a real formula of the user's: kept as theirs
    sheet.append(["13912345678", "李四", "@提醒"])
    sheet.append(["1.38E+10", "王五", None])            # invalid: scientific notation
    sheet.append([13812345678, "张三(重复)", None])     # duplicate of row 3
    sheet.append([15012345678, "钱七", "-5"])           # suppressed
    sheet["A2"].font = Font(bold=True, color="FF0000")
    sheet["B2"].fill = PatternFill("solid", fgColor="FFFF00")
    sheet.column_dimensions["B"].width = 33
    other = workbook.create_sheet("汇总")
    other["A1"] = "总数"
    other["B1"] = "=COUNTA(客户!A:A)"
    workbook.save(path)
    return path


@pytest.fixture
def imported(tmp_path: Path):
    source = user_workbook(tmp_path / "名单.xlsx")
    result = import_recipients(source, suppressed={"+8615012345678"})
    assert result.numbers() == ["+8613812345678", "+8613912345678"]
    return source, result


def test_copy_keeps_the_users_workbook_and_appends_result_columns(tmp_path: Path, imported) -> None:
    source, result = imported
    before = source.read_bytes()
    out = write_results_workbook(result, source, {3: ACCEPTED, 4: FAILED}, tmp_path / "out" / "结果.xlsx")
    assert source.read_bytes() == before  # the user's file is never touched

    workbook = openpyxl.load_workbook(out)
    sheet = workbook["客户"]
    assert workbook.sheetnames == ["客户", "汇总", "无效号码", "重复号码"]
    # Same rows and columns, header in the same row, results from column D on.
    assert [c.value for c in sheet[1]][:1] == ["七月活动名单"]
    assert [c.value for c in sheet[2]] == ["手机号", "姓名", "备注", *RESULT_COLUMNS]
    assert all(sheet.cell(2, 4 + i).font.bold for i in range(len(RESULT_COLUMNS)))
    row3 = [c.value for c in sheet[3]]
    assert row3 == ["13812345678", "张三", "=1+1", "已提交", None, None, "SN-1", "2024-05-01 10:00:00", 1, None, None]
    row4 = [c.value for c in sheet[4]]
    assert row4[:9] == ["13912345678", "李四", "@提醒", "发送失败", "=HYPERLINK(\"http://x\")", "-联系客服", "+1", None, None]
    assert [c.value for c in sheet[5]][:4] == ["1.38E+10", "王五", None, "无效号码"]
    assert sheet.cell(6, 4).value == "重复号码" and "第 3 行" in sheet.cell(6, 5).value
    assert sheet.cell(7, 4).value == "未发送" and "退订" in sheet.cell(7, 5).value
    # Phone cells are text (never 1.38E+10); our text never became a formula; the user's formula stayed one.
    for row in range(3, 8):
        assert sheet.cell(row, 1).data_type == "s"
    assert sheet.cell(3, 1).number_format == "@"
    assert sheet.cell(3, 3).data_type == "f"
    assert sheet.cell(4, 5).data_type == "s" and sheet.cell(4, 6).data_type == "s" and sheet.cell(4, 7).data_type == "s"
    assert sheet.cell(4, 3).data_type == "s"  # "@提醒" typed as text by the user stays text
    # Formatting and the other sheet survive.
    assert sheet["A2"].font.bold and sheet["A2"].font.color.rgb.endswith("FF0000")
    assert sheet["B2"].fill.fgColor.rgb.endswith("FFFF00")
    assert sheet.column_dimensions["B"].width == 33
    assert workbook["汇总"]["B1"].value == "=COUNTA(客户!A:A)"
    assert [list(r) for r in workbook["无效号码"].iter_rows(values_only=True)] == [
        ["行号", "原始内容", "原因"], [5, "1.38E+10", result.invalid[0].message_zh],
    ]
    assert [list(r) for r in workbook["重复号码"].iter_rows(values_only=True)] == [
        ["行号", "首次出现的行", "号码"], [6, 3, "+8613812345678"],
    ]
    workbook.close()


def test_streamed_rebuild_has_the_same_cells(tmp_path: Path, imported) -> None:
    source, result = imported
    copied = write_results_workbook(result, source, {3: ACCEPTED, 4: FAILED}, tmp_path / "a.xlsx")
    streamed = write_results_workbook(
        result, source, {3: ACCEPTED, 4: FAILED}, tmp_path / "b.xlsx", keep_formatting=False
    )
    a, b = read_back(copied, "客户"), read_back(streamed, "客户")
    # The streamed copy has values only: the user's formula comes back as its cached value (none here).
    a[2][2] = None
    b[2][2] = None
    assert a == b
    for name in ("无效号码", "重复号码"):
        assert read_back(copied, name) == read_back(streamed, name)
    assert read_back(streamed, "汇总")[0][0] == "总数"
    assert_no_formulas(streamed)
    workbook = openpyxl.load_workbook(streamed)
    assert all(workbook["客户"].cell(r, 1).data_type == "s" for r in range(3, 8))
    workbook.close()


def test_a_workbook_read_in_a_child_process_is_written_back_the_same(tmp_path: Path) -> None:
    """The window reads a large workbook in a child process, for the import and for writing the results back
    (threshold 0 here, so this small one is): the same workbook and CSV as read in this process."""
    source = user_workbook(tmp_path / "名单.xlsx")
    here = import_recipients(source, suppressed={"+8615012345678"}, fields=False)
    apart = import_recipients(source, suppressed={"+8615012345678"}, fields=False, separate_process=True,
                              separate_process_from=0)
    assert apart.numbers() == here.numbers() and apart.invalid == here.invalid
    rows = {3: ACCEPTED, 4: FAILED}
    written = {}
    for name, result, far in (("here", here, False), ("apart", apart, True)):
        written[name] = (
            write_results_workbook(result, source, rows, tmp_path / f"{name}.xlsx", keep_formatting=False,
                                   separate_process=far, separate_process_from=0),
            write_results_csv(result, source, rows, tmp_path / f"{name}.csv", separate_process=far,
                              separate_process_from=0),
        )
    for sheet in ("客户", "汇总", "无效号码", "重复号码"):
        assert read_back(written["here"][0], sheet) == read_back(written["apart"][0], sheet)
    assert read_back(written["apart"][0], "客户")[2][3] == "已提交"
    assert written["here"][1].read_bytes() == written["apart"][1].read_bytes()


def assert_no_formulas(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    finally:
        workbook.close()


def test_csv_input_becomes_an_xlsx_with_the_original_columns(tmp_path: Path) -> None:
    source = csv_bytes(tmp_path / "list.csv", "手机号,姓名\n13812345678,=cmd|' /C calc'!A0\n+8613912345678,@x\nabc,-1\n", "gbk")
    result = import_recipients(source)
    out = write_results_workbook(result, source, {2: ACCEPTED}, tmp_path / "list-results.xlsx")
    rows = read_back(out)
    assert rows[0] == ["手机号", "姓名", *RESULT_COLUMNS]
    assert rows[1] == ["13812345678", "=cmd|' /C calc'!A0", "已提交", None, None, "SN-1", "2024-05-01 10:00:00", 1, None, None]
    assert rows[2][:3] == ["+8613912345678", "@x", None]
    assert rows[3][:3] == ["abc", "-1", "无效号码"]
    assert_no_formulas(out)


def test_headerless_txt_gets_a_header_row(tmp_path: Path) -> None:
    source = csv_bytes(tmp_path / "n.txt", "13812345678\n13912345678\n", "utf-8")
    result = import_recipients(source)
    out = write_results_workbook(result, source, {1: ACCEPTED, 2: FAILED}, tmp_path / "n.xlsx")
    rows = read_back(out)
    assert rows[0] == ["列A", *RESULT_COLUMNS]
    assert rows[1][:2] == ["13812345678", "已提交"] and rows[2][:2] == ["13912345678", "发送失败"]


def test_headerless_xlsx_copy_gets_a_header_row(tmp_path: Path) -> None:
    source = tmp_path / "bare.xlsx"
    workbook = openpyxl.Workbook()
    for values in (("张三", 13812345678), ("李四", 13912345678)):
        workbook.active.append(values)
    workbook.save(source)
    result = import_recipients(source)
    rows = read_back(write_results_workbook(result, source, {2: ACCEPTED}, tmp_path / "o.xlsx"))
    assert rows[0][:3] == ["列A", "列B", "状态"]
    assert rows[1][:3] == ["张三", "13812345678", None] and rows[2][:3] == ["李四", "13912345678", "已提交"]


def test_ods_input_is_rebuilt(tmp_path: Path) -> None:
    source = ods(tmp_path / "l.ods", [("手机号", "姓名"), (13812345678, "张三")])
    result = import_recipients(source)
    rows = read_back(write_results_workbook(result, source, {2: ACCEPTED}, tmp_path / "l.xlsx"), "名单")
    assert rows == [["手机号", "姓名", *RESULT_COLUMNS],
                    ["13812345678", "张三", "已提交", None, None, "SN-1", "2024-05-01 10:00:00", 1, None, None]]


def test_xls_input_is_rebuilt_as_xlsx(tmp_path: Path) -> None:
    source = xls(tmp_path / "l.xls", {"名单": [("手机号", "姓名"), (13812345678, "张三")]})
    result = import_recipients(source)
    rows = read_back(write_results_workbook(result, source, {2: ACCEPTED}, tmp_path / "l.xlsx"), "名单")
    assert rows == [["手机号", "姓名", *RESULT_COLUMNS],
                    ["13812345678", "张三", "已提交", None, None, "SN-1", "2024-05-01 10:00:00", 1, None, None]]


def test_csv_output_has_a_bom_and_safe_cells(tmp_path: Path, imported) -> None:
    source, result = imported
    out = write_results_csv(result, source, {3: ACCEPTED, 4: FAILED}, tmp_path / "r.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["手机号", "姓名", "备注", *RESULT_COLUMNS]
    # The user's formula has no cached value (openpyxl wrote it), so the CSV has its value: empty.
    assert rows[1] == ["13812345678", "张三", "", "已提交", "", "", "SN-1", "2024-05-01 10:00:00", "1", "", ""]
    assert rows[2][:7] == ["13912345678", "李四", "'@提醒", "发送失败", "'=HYPERLINK(\"http://x\")", "'-联系客服", "'+1"]
    assert rows[3][3] == "无效号码" and len(rows) == 6


def test_never_overwrites_the_source(tmp_path: Path, imported) -> None:
    source, result = imported
    before = source.read_bytes()
    with pytest.raises(RecipientsFileError):
        write_results_workbook(result, source, {}, source)
    with pytest.raises(RecipientsFileError):
        write_results_csv(result, source, {}, source)
    assert source.read_bytes() == before


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path, imported) -> None:
    source, result = imported
    out = tmp_path / "o.xlsx"
    out.write_bytes(b"previous results")

    class Broken(RowResult):
        def cells(self):
            raise OSError("disk full")

    for keep in (True, False):
        with pytest.raises(OSError):
            write_results_workbook(result, source, {3: Broken("x")}, out, keep_formatting=keep)
    assert out.read_bytes() == b"previous results"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".o-")] == []


def test_re_exporting_replaces_the_report_sheets(tmp_path: Path, imported) -> None:
    source, result = imported
    first = write_results_workbook(result, source, {3: ACCEPTED}, tmp_path / "first.xlsx")
    again = import_recipients(first, sheet="客户", suppressed={"+8615012345678"})
    second = write_results_workbook(again, first, {3: ACCEPTED}, tmp_path / "second.xlsx")
    assert openpyxl.load_workbook(second).sheetnames == ["客户", "汇总", "无效号码", "重复号码"]
    streamed = write_results_workbook(again, first, {}, tmp_path / "third.xlsx", keep_formatting=False)
    assert openpyxl.load_workbook(streamed).sheetnames == ["客户", "汇总", "无效号码", "重复号码"]
