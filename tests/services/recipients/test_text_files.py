"""CSV and TXT recipients files: UTF-8, UTF-8 with BOM, GBK/GB18030, and comma/tab/semicolon delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.services.recipients import import_recipients
from gui.services.recipients.readers import sniff_delimiter
from tests.services.recipients.builders import csv_bytes

CSV = "客户名单\n姓名,手机号码,城市\n张三,13812345678,上海\n李四,139 1234 5678,北京\n"


@pytest.mark.parametrize(
    ("encoding", "expected"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"),
                               ("gb18030", "gb18030")],
)
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = csv_bytes(tmp_path / "list.csv", CSV, encoding)
    result = import_recipients(path)
    assert result.encoding == expected
    assert result.header_row == 2 and result.phone_column == "手机号码"
    assert result.columns == ("姓名", "手机号码", "城市")  # the BOM is not part of the first header
    assert [(r.row, r.number, r.fields) for r in result.recipients] == [
        (3, "+8613812345678", {"姓名": "张三", "城市": "上海"}),
        (4, "+8613912345678", {"姓名": "李四", "城市": "北京"}),
    ]


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), ("\t", "tab"), (";", "semicolon")])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str, name: str) -> None:
    text = "\n".join(delimiter.join(cells) for cells in (
        ("手机号", "姓名", "备注"), ("13812345678", "张三", "a,b" if delimiter != "," else "ab"),
        ("13912345678", "李四", ""),
    ))
    path = csv_bytes(tmp_path / f"{name}.csv", text, "utf-8")
    result = import_recipients(path)
    assert result.delimiter == delimiter
    assert result.numbers() == ["+8613812345678", "+8613912345678"]
    assert result.recipients[0].fields["姓名"] == "张三"


def test_single_column_csv_defaults_to_comma() -> None:
    assert sniff_delimiter("手机号\n13812345678\n") == ","


def test_short_csv_rows_are_padded(tmp_path: Path) -> None:
    path = csv_bytes(tmp_path / "ragged.csv", "手机号,姓名,城市\n13812345678\n13912345678,李四\n", "utf-8")
    result = import_recipients(path)
    assert [r.fields for r in result.recipients] == [{"姓名": "", "城市": ""}, {"姓名": "李四", "城市": ""}]


def test_txt_one_number_per_line(tmp_path: Path) -> None:
    path = csv_bytes(tmp_path / "numbers.txt", "13812345678\r\n13912345678\r\n\r\nabc\r\n13812345678\r\n", "utf-8")
    result = import_recipients(path)
    assert result.header_row is None and result.columns == ("列A",)
    assert result.numbers() == ["+8613812345678", "+8613912345678"]
    assert result.blank_rows == 1
    assert [(bad.row, bad.value) for bad in result.invalid] == [(4, "abc")]
    assert [(d.row, d.first_row) for d in result.duplicates] == [(5, 1)]


def test_txt_with_a_header_line(tmp_path: Path) -> None:
    path = csv_bytes(tmp_path / "numbers.txt", "手机号\n13812345678\n", "gbk")
    result = import_recipients(path)
    assert result.header_row == 1 and result.numbers() == ["+8613812345678"]
