"""Large sheets that lie about their range: every cell is checked against the declared range, not only the head."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from gui.domain.recipients import RecipientsFileError
from gui.services.recipients import guard, import_recipients, large_sheet
from tests.services.recipients.hostile_files import raw_xlsx, sheet_xml

ROW = '<row r="{0}"><c r="A{0}"><v>{1}</v></c></row>'


def phone_sheet(count: int, dimension: str, *, middle: str = "", tail: str = "") -> bytes:
    """A header, `count` numbers in column A, and optional extra cells (raw XML) halfway and at the end."""
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c></row>']
    rows += [ROW.format(i, 13800000000 + i) for i in range(2, count + 2)]
    if middle:
        rows.insert(len(rows) // 2, middle)
    return sheet_xml([*rows, tail], dimension)


def far_row(ref: str, value: int = 13912345678) -> str:
    row = int("".join(c for c in ref if c.isdigit()))
    return f'<row r="{row}"><c r="{ref}"><v>{value}</v></c></row>'


def test_a_sheet_over_the_real_limit_that_hides_a_far_cell_is_refused(tmp_path: Path) -> None:
    xml = phone_sheet(660_000, "A1:A21", tail=far_row("XFD1048576"))
    assert len(xml) > guard.FULL_SCAN_BYTES  # the large-sheet path, at its real threshold
    path = tmp_path / "big.xlsx"
    raw_xlsx(path, xml)
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
        assert member.file_size < guard.MAX_RATIO * member.compress_size  # not refused as a zip bomb
    with pytest.raises(RecipientsFileError) as caught:
        import_recipients(path)  # would ask calamine for 512 GiB and abort the process
    assert caught.value.reason == "too_large"


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "FULL_SCAN_BYTES", 64 * 1024)  # a 200 KB sheet counts as large
    monkeypatch.setattr(guard, "CHUNK", 1000)  # references cut between chunks are met often
    monkeypatch.setattr(large_sheet, "CHUNK", 1000)


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(("dimension", "middle", "tail", "expected"), [
    ("A1:A5001", "", "", 5000),  # honest
    ("A1:A21", "", far_row("XFD1048576"), "too_large"),  # the range in its head is a lie
    ("A1:A5001", far_row("XFD3000"), "", "too_large"),  # a far column in the middle
    ("A1:A21", "", far_row("A4000000000"), "out_of_bounds"),  # a row beyond Excel's last
    ("A1:A1048576", "", far_row("A1048577"), "out_of_bounds"),  # as many digits as the last row, one more
    ("A1:A21", "", far_row("C9000"), 5000),  # a small lie: the real extent (A1:C9000) is read here
    ("A1:A5001", "", '<c r="A7000"/>', 5000),  # an empty cell outside the range: read, nothing to import
    ("A1:A5001", "", '<row r="6000"><c  r="A6000"><v>13912345678</v></c></row>', 5001),  # unusual: trial read
])
def test_a_large_sheet_is_checked_against_its_declared_range(tmp_path: Path, dimension: str, middle: str,
                                                              tail: str, expected: object) -> None:
    xml = phone_sheet(5000, dimension, middle=middle, tail=tail)
    assert len(xml) > guard.FULL_SCAN_BYTES
    path = raw_xlsx(tmp_path / "large.xlsx", xml)
    if isinstance(expected, str):
        with pytest.raises(RecipientsFileError) as caught:
            import_recipients(path)
        assert caught.value.reason == expected
        return
    assert len(import_recipients(path).recipients) == expected


@pytest.mark.usefixtures("small_limits")
def test_an_honest_large_sheet_is_vouched_for_by_the_fast_check(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "honest.xlsx", phone_sheet(5000, "A1:A5001"))
    with zipfile.ZipFile(path) as archive:
        assert large_sheet.within(archive, "xl/worksheets/sheet1.xml", (b"A", b"5001"))
        assert not large_sheet.within(archive, "xl/worksheets/sheet1.xml", (b"A", b"5000"))
    verdict = guard.check_zip(path)
    assert verdict.safe


@pytest.mark.parametrize(("bound", "inside", "outside"), [
    (b"XFD", [b"A", b"Z", b"AA", b"WZZ", b"XEZ", b"XFC", b"XFD"], [b"XFE", b"XGA", b"YAA", b"AAAA"]),
    (b"C", [b"A", b"B", b"C"], [b"D", b"Z", b"AA"]),
])
def test_the_column_bound_pattern_is_exact(bound: bytes, inside: list[bytes], outside: list[bytes]) -> None:
    import re

    pattern = re.compile(rb"(?:" + large_sheet.at_most(bound, ord("A"), ord("Z"), ord("A")) + rb")\Z")
    assert all(pattern.match(column) for column in inside)
    assert not any(pattern.match(column) for column in outside)


def test_the_row_bound_pattern_is_exact() -> None:
    import re

    pattern = re.compile(rb"(?:" + large_sheet.at_most(b"1048576", ord("0"), ord("9"), ord("1")) + rb")\Z")
    for row in (1, 9, 10, 999_999, 1_000_000, 1_048_499, 1_048_576):
        assert pattern.match(str(row).encode()), row
    for row in (0, 1_048_577, 1_049_000, 1_100_000, 2_000_000, 10_000_000):
        assert not pattern.match(str(row).encode()), row


FORMULA_ROW = '<row r="{0}"><c r="A{0}"><f>C{0}*1</f></c><c r="B{0}" t="inlineStr"><is><t>张三</t></is></c></row>'
EMPTY_ROW = '<row r="{0}"><c r="B{0}" t="inlineStr"><is><t>李四</t></is></c></row>'


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize("dimension", ["A1:B5001", None])  # declared, or inferred from the first rows
def test_formula_cells_without_a_value_are_named_in_a_large_sheet(tmp_path: Path, dimension: str | None) -> None:
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>']
    for number in range(2, 5002):
        template = FORMULA_ROW if number in (100, 4000) else EMPTY_ROW if number == 2000 else ROW
        rows.append(template.format(number, 13800000000 + number))
    xml = sheet_xml(rows, dimension)
    assert len(xml) > guard.FULL_SCAN_BYTES
    path = raw_xlsx(tmp_path / "formulas.xlsx", xml)
    verdict = guard.check_zip(path)
    assert verdict.safe and verdict.unscanned == {"Sheet1": "xl/worksheets/sheet1.xml"}  # the bounded check
    assert verdict.formulas == {}  # so the formulas are found only after the read
    result = import_recipients(path)
    assert [(bad.row, bad.reason) for bad in result.invalid] == [
        (100, "formula_without_value"), (2000, "empty"), (4000, "formula_without_value")]
    assert "公式" in result.invalid[0].message_zh
    assert len(result.recipients) == 4997


@pytest.mark.usefixtures("small_limits")
def test_a_large_sheet_without_empty_phone_cells_is_not_read_again(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = raw_xlsx(tmp_path / "honest.xlsx", phone_sheet(5000, "A1:A5001"))
    opened: list[str] = []
    real = large_sheet.uncached_formulas
    monkeypatch.setattr(large_sheet, "uncached_formulas", lambda *args: opened.append("lookup") or real(*args))
    assert len(import_recipients(path).recipients) == 5000
    assert opened == []


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(("tail", "expected"), [
    ("", 5000),  # the widest column of the first rows and Excel's last row bound it
    (far_row("C3000"), 5000),  # a wider cell further down: the exact scan finds the real extent
    (far_row("XFD1048576"), "too_large"),
    (far_row("A1048577"), "out_of_bounds"),
])
def test_a_large_sheet_without_a_declared_range_is_checked_against_its_first_rows(
        tmp_path: Path, tail: str, expected: object) -> None:
    path = raw_xlsx(tmp_path / "streamed.xlsx", phone_sheet(5000, "", tail=tail))
    if isinstance(expected, str):
        with pytest.raises(RecipientsFileError) as caught:
            import_recipients(path)
        assert caught.value.reason == expected
        return
    assert guard.check_zip(path).safe
    assert len(import_recipients(path).recipients) == expected


def test_formula_cells_without_a_value_are_named_in_a_sheet_over_the_real_limit(tmp_path: Path) -> None:
    # Over 32 MB of XML in 1,101 rows: each row carries a 31,500-byte note, and the parts are stored, not
    # packed, so the file is written in a moment and is no zip bomb.
    note = "备" * 10_500
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>备注</t></is></c></row>']
    for number in range(2, 1102):
        phone = '<f>C{0}*1</f>' if number in (7, 1000) else '<v>{1}</v>'
        rows.append(('<row r="{0}"><c r="A{0}">' + phone + '</c><c r="B{0}" t="inlineStr"><is><t>{2}</t></is></c>'
                     '</row>').format(number, 13800000000 + number, note))
    xml = sheet_xml(rows, None)  # no declared range: the bound comes from the first rows
    assert len(xml) > guard.FULL_SCAN_BYTES
    path = raw_xlsx(tmp_path / "large.xlsx", xml, compression=zipfile.ZIP_STORED)
    assert guard.check_zip(path).unscanned == {"Sheet1": "xl/worksheets/sheet1.xml"}  # the bounded check
    result = import_recipients(path)
    assert [(bad.row, bad.reason) for bad in result.invalid] == [(7, "formula_without_value"),
                                                                 (1000, "formula_without_value")]
    assert len(result.recipients) == 1098
