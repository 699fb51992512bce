"""Importing real .xlsx/.xls/.ods files: numbers stored as numbers, text and floats, title rows, sheets, headers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gui.services.recipients import import_recipients
from tests.services.recipients.builders import ods, xls, xlsx


def test_numbers_text_and_floats_all_clean_to_plus86(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "mixed.xlsx", {"名单": [
        ("手机号", "姓名", "金额"),
        (13812345678, "张三", 12.5),          # a number cell (calamine gives 13812345678.0)
        ("13912345678", "李四", 3),            # a text cell
        (15012345678.0, "王五", None),         # a float written by a script
        (1.38e10, "赵六", 0),                  # a number cell that really is 13800000000
        ("138 1234 0000", "钱七", "备注"),      # text needing clean_phone
    ]})
    result = import_recipients(path)
    assert result.sheet == "名单" and result.sheets == ("名单",)
    assert result.header_row == 1 and result.phone_column == "手机号" and result.confident
    assert result.columns == ("手机号", "姓名", "金额")
    assert result.numbers() == [
        "+8613812345678", "+8613912345678", "+8615012345678", "+8613800000000", "+8613812340000",
    ]
    assert [r.row for r in result.recipients] == [2, 3, 4, 5, 6]
    # Every other column is kept as display text: no stray ".0" on whole numbers.
    assert result.recipients[0].fields == {"姓名": "张三", "金额": "12.5"}
    assert result.recipients[1].fields == {"姓名": "李四", "金额": "3"}
    assert result.recipients[2].fields == {"姓名": "王五", "金额": ""}
    assert result.rows_read == 5 and result.invalid == () and result.duplicates == ()


def test_title_rows_and_blank_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "titled.xlsx", {"Sheet1": [
        ("2024 年会员名单",),
        (None,),
        ("导出时间：2024-05-01",),
        ("序号", "客户姓名", "联系电话", "城市"),
        (1, "张三", "13812345678", "上海"),
        (None, None, None, None),
        (2, "李四", 13912345678, "北京"),
    ]})
    result = import_recipients(path)
    assert result.header_row == 4
    assert result.phone_column == "联系电话"
    assert result.phone_column_index == 3
    assert [(r.row, r.number) for r in result.recipients] == [(5, "+8613812345678"), (7, "+8613912345678")]
    assert result.recipients[1].fields == {"序号": "2", "客户姓名": "李四", "城市": "北京"}
    assert result.blank_rows == 1 and result.rows_read == 3


def test_the_first_sheet_with_a_phone_column_is_chosen(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "two.xlsx", {
        "说明": [("这个工作簿的第二张表是名单",), ("请勿修改表头",)],
        "名单": [("姓名", "Mobile"), ("张三", "13812345678")],
    })
    result = import_recipients(path)
    assert result.sheet == "名单"
    assert result.sheets == ("说明", "名单")
    assert result.numbers() == ["+8613812345678"]


def test_a_named_sheet_is_used_even_when_an_earlier_one_has_phones(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "two.xlsx", {
        "A组": [("手机号",), ("13812345678",)],
        "B组": [("手机号",), ("13912345678",), ("15012345678",)],
    })
    assert import_recipients(path, sheet="B组").numbers() == ["+8613912345678", "+8615012345678"]


def test_a_headerless_sheet_gets_letter_names_and_detection_is_not_confident(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "bare.xlsx", {"Sheet": [
        ("张三", 13812345678, "上海"),
        ("李四", "13912345678", "北京"),
        ("王五", "15012345678", "广州"),
    ]})
    result = import_recipients(path)
    assert result.header_row is None
    assert result.columns == ("列A", "列B", "列C")
    assert result.phone_column == "列B"
    assert not result.confident
    assert [r.row for r in result.recipients] == [1, 2, 3]
    assert result.recipients[0].fields == {"列A": "张三", "列C": "上海"}


def test_unusual_header_found_above_the_numbers_by_content(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "odd.xlsx", {"Sheet": [
        ("客户", "联络"),
        ("张三", "13812345678"),
        ("李四", "13912345678"),
    ]})
    result = import_recipients(path)
    assert result.header_row == 1 and result.phone_column == "联络"
    assert not result.confident  # no header said "phone": the window shows the mapping step


def test_two_columns_of_numbers_close_in_count_are_a_guess(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "two-phones.xlsx", {"Sheet": [
        ("手机", "备用手机"),
        ("13812345678", "13912345678"),
        ("13812345679", "13912345679"),
    ]})
    result = import_recipients(path)
    assert result.phone_column == "手机"
    assert not result.confident


def test_header_match_prefers_the_column_that_holds_numbers(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "id.xlsx", {"Sheet": [
        ("身份证号码", "手机号码"),
        ("310101199001011234", "13812345678"),
        ("310101199001015678", "13912345678"),
    ]})
    result = import_recipients(path)
    assert result.phone_column == "手机号码" and result.confident


def test_user_overrides_header_row_and_column(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "override.xlsx", {"Sheet": [
        ("手机", "备用"),
        ("13812345678", "13912345678"),
        ("13812345679", "13912345679"),
    ]})
    by_name = import_recipients(path, phone_column="备用")
    assert by_name.numbers() == ["+8613912345678", "+8613912345679"] and by_name.confident
    by_letter = import_recipients(path, phone_column="B")
    assert by_letter.phone_column == "备用"
    no_header = import_recipients(path, header_row=0, phone_column="列A")
    assert no_header.header_row is None
    assert [i.row for i in no_header.invalid] == [1]  # the old header is now a data row
    assert no_header.numbers() == ["+8613812345678", "+8613812345679"]


def test_progress_reports_rows_read(tmp_path: Path) -> None:
    rows = [("手机号",)] + [(str(13800000000 + i),) for i in range(25_000)]
    path = xlsx(tmp_path / "many.xlsx", {"Sheet": rows})
    seen: list[int] = []
    result = import_recipients(path, progress=seen.append)
    assert len(result.recipients) == 25_000
    assert seen[-1] == 25_000
    assert seen == sorted(seen) and len(seen) >= 3


def test_columns_not_starting_at_a_are_named_by_their_real_letters(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["C2"], sheet["D2"] = "电话", "姓名"
    sheet["C3"], sheet["D3"] = "13812345678", "张三"
    workbook.save(tmp_path / "offset.xlsx")
    result = import_recipients(tmp_path / "offset.xlsx")
    assert result.header_row == 2 and result.phone_column_index == 3
    assert result.recipients[0].row == 3 and result.recipients[0].fields == {"姓名": "张三"}


def test_ods_is_read(tmp_path: Path) -> None:
    path = ods(tmp_path / "list.ods", [("手机号", "姓名"), (13812345678, "张三"), ("13912345678", "李四")])
    result = import_recipients(path)
    assert result.sheet == "名单"
    assert result.numbers() == ["+8613812345678", "+8613912345678"]


@pytest.mark.parametrize("suffix", [".xlsm"])
def test_macro_workbook_suffix_is_read(tmp_path: Path, suffix: str) -> None:
    path = xlsx(tmp_path / f"m{suffix}", {"Sheet": [("手机号",), ("13812345678",)]})
    assert import_recipients(path).numbers() == ["+8613812345678"]


def test_a_legacy_xls_workbook_imports_like_xlsx(tmp_path: Path) -> None:
    path = xls(tmp_path / "老系统导出.xls", {
        "说明": [("本表由旧版 CRM 导出",)],
        "客户": [
            ("客户名单（2024）",),
            ("姓名", "手机", "积分"),
            ("张三", 13812345678, 120),        # .xls keeps every number as a float
            ("李四", "139 1234 5678", 3.5),
            ("王五", "1381234567", 0),          # ten digits: invalid
            ("赵六", 13812345678, 1),           # a repeat of row 3
        ],
    })
    result = import_recipients(path)
    assert result.sheet == "客户" and result.sheets == ("说明", "客户")
    assert result.header_row == 2 and result.phone_column == "手机"
    assert result.numbers() == ["+8613812345678", "+8613912345678"]
    assert result.recipients[0].fields == {"姓名": "张三", "积分": "120"}
    assert result.recipients[1].fields == {"姓名": "李四", "积分": "3.5"}
    assert [bad.row for bad in result.invalid] == [5]
    assert [dup.row for dup in result.duplicates] == [6]
