"""A generated corpus of odd and broken recipients files: each one imports with an exact count or is refused
with a specific reason — never a traceback, a native abort, a hang or a memory blow-up."""

from __future__ import annotations

import os
import resource
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from gui.domain.recipients import ImportResult, RecipientsFileError
from gui.services.recipients import import_recipients
from tests.services.recipients.builders import encrypted_ooxml, ods, xls, xlsx
from tests.services.recipients.hostile_files import (
    cell,
    patch_declared_size,
    phone_rows,
    raw_xlsx,
    row_xml,
    sheet_xml,
)

Build = Callable[[Path], Path]
CASES: list[tuple[str, Build, object]] = []  # (id, builder, expected: rows imported or an error reason)


def case(name: str, expected: object) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        CASES.append((name, build, expected))
        return build
    return register


def numbers(count: int) -> list[tuple[str]]:
    return [("手机号",)] + [(str(13800000000 + i),) for i in range(count)]


# --- workbooks whose extent calamine would allocate without bound -----------------------------------------

for far in ("XFD1048576", "XFD2", "ZZ1048576", "AAA900000", "A1048576", "Z200000"):
    # a far corner is fine while the grid it spans stays small (XFD2: 11 rows × 16,384 columns)
    expected = 10 if far in {"A1048576", "XFD2", "Z200000"} else "too_large"

    @case(f"far-cell-{far}", expected)
    def _far(path: Path, far: str = far) -> Path:
        row = int("".join(c for c in far if c.isdigit()))
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml([*phone_rows(10), row_xml(row, [(far, 1)])]))

for row in (1048577, 4000000000, 99999999999, 10**20):
    @case(f"row-beyond-excel-{row}", "out_of_bounds")
    def _beyond(path: Path, row: int = row) -> Path:
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml([*phone_rows(5), row_xml(row, [(f"A{row}", 1)])]))

for dimension in ("A1:XFD1048576", "A1:C3", "B2", "A1:ZZZ99999999"):
    @case(f"lying-dimension-{dimension}", 20)
    def _dimension(path: Path, dimension: str = dimension) -> Path:
        # calamine does not trust the declared range, and neither does the scan: only real cells count
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(phone_rows(20), dimension))

# 300 rows × 16,384 columns fit; 2,000 and more are refused without trying
for width, expected in ((300, 300), (2000, "too_large"), (20_000, "too_large")):
    @case(f"wide-rows-A-XFD-{width}", expected)
    def _wide(path: Path, width: int = width) -> Path:
        rows = phone_rows(width)
        rows[5] = row_xml(6, [("A6", 13800000006), ("XFD6", "x")])
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows))

for copies in (20_000, 200_000):
    @case(f"shared-string-repeated-{copies}", "too_large")
    def _shared(path: Path, copies: int = copies) -> Path:
        long_text = "备注" * 50_000  # 100 KB, one shared string, referenced by every row
        rows = [row_xml(1, [("A1", "手机号"), ("B1", "备注")])]
        rows += [f'<row r="{i}">{cell(f"A{i}", 13800000000 + i)}{cell(f"B{i}", ("s", 0))}</row>'
                 for i in range(2, copies + 2)]
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows), shared=[long_text])

for size in (8, 20):
    @case(f"zip-bomb-whitespace-{size}MB", "zip_bomb")
    def _bomb(path: Path, size: int = size) -> Path:
        padding = " " * (size << 20)
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml("".join(phone_rows(3)) + padding))

for declared in (600 << 20, 0xFFFFFFFF):
    @case(f"declared-member-size-{declared}", "too_large")
    def _declared(path: Path, declared: int = declared) -> Path:
        return patch_declared_size(raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(phone_rows(3))), declared)


# --- workbooks of an unusual shape: read first in the child process, then imported ------------------------

@case("cells-without-reference", 8)
def _no_refs(path: Path) -> Path:
    rows = ['<row r="1"><c t="inlineStr"><is><t>手机号</t></is></c></row>']
    rows += [f'<row r="{i}"><c><v>{13800000000 + i}</v></c></row>' for i in range(2, 10)]
    return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows))


@case("cells-without-reference-wide-grid", "reader_crashed")
def _no_refs_wide(path: Path) -> Path:
    # Without references the scan cannot see the grid (one row 16,384 cells wide, 3,000 rows below): the
    # trial read in the child runs out of its memory, and this process never tries.
    rows = ['<row><c t="inlineStr"><is><t>手机号</t></is></c>' + "<c><v>1</v></c>" * 16_383 + "</row>"]
    rows += [f"<row><c><v>{13800000000 + i}</v></c></row>" for i in range(3000)]
    return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows))


@case("attribute-order-t-before-r", 6)
def _order(path: Path) -> Path:
    rows = ['<row r="1"><c t="inlineStr" r="A1"><is><t>手机号</t></is></c></row>']
    rows += [f'<row r="{i}"><c s="0" r="A{i}"><v>{13800000000 + i}</v></c></row>' for i in range(2, 8)]
    return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows))


@case("ods", 4)
def _ods(path: Path) -> Path:
    return ods(path.with_suffix(".ods"), numbers(4))


@case("legacy-xls", 5)
def _xls(path: Path) -> Path:
    return xls(path.with_suffix(".xls"), {"名单": numbers(5)})


@case("legacy-xls-truncated", "corrupt")
def _xls_truncated(path: Path) -> Path:
    good = xls(path.with_name("whole.xls"), {"名单": numbers(3000)})
    target = path.with_suffix(".xls")
    target.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    return target


@case("legacy-xls-named-xlsx", "xls_named_xlsx")
def _xls_renamed(path: Path) -> Path:
    return xls(path.with_suffix(".xls"), {"名单": numbers(5)}).rename(path.with_suffix(".xlsx"))


@case("encrypted-xlsx", "password_protected")
def _encrypted(path: Path) -> Path:
    return encrypted_ooxml(path.with_suffix(".xlsx"))


for suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"):
    for kind in ("random", "zeros-after-magic", "zip-no-workbook"):
        expected = "xls_named_xlsx" if kind == "zeros-after-magic" and suffix in {".xlsx", ".xlsm"} else "corrupt"

        @case(f"garbage-{kind}{suffix}", expected)
        def _garbage(path: Path, suffix: str = suffix, kind: str = kind) -> Path:
            target = path.with_suffix(suffix)
            if kind == "random":
                target.write_bytes(b"\x01\x02" + os.urandom(3000))
            elif kind == "zeros-after-magic":
                target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
            else:
                with zipfile.ZipFile(target, "w") as archive:
                    archive.writestr("readme.txt", "hello")
            return target


# --- which sheet: hidden ones never by themselves ---------------------------------------------------------

for state in ("hidden", "veryHidden"):
    @case(f"first-sheet-{state}", 7)
    def _hidden_first(path: Path, state: str = state) -> Path:
        decoy = sheet_xml(phone_rows(30))
        return raw_xlsx(path.with_suffix(".xlsx"), [("旧名单", decoy), ("名单", sheet_xml(phone_rows(7)))],
                        states={"旧名单": state})

    @case(f"only-sheet-{state}", "only_hidden_sheets")
    def _hidden_only(path: Path, state: str = state) -> Path:
        return raw_xlsx(path.with_suffix(".xlsx"), [("旧名单", sheet_xml(phone_rows(3)))], states={"旧名单": state})


# --- phone digits: ASCII after NFKC, on the fast path and the slow one ------------------------------------

DIGIT_FORMS = {
    "ascii": ("13812345678", 1),
    "fullwidth": ("１３８１２３４５６７８", 1),
    "fullwidth-mixed": ("138１２３４５６７８", 1),
    "arabic-indic": ("١٣٨١٢٣٤٥٦٧٨", 0),
    "extended-arabic-indic": ("۱۳۸۱۲۳۴۵۶۷۸", 0),
    "devanagari": ("१३८१२३४५६७८", 0),
    "bengali": ("১৩৮১২৩৪৫৬৭৮", 0),
    "mathematical-bold": ("𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", 1),
    "superscript-one": ("¹3812345678", 1),
    "thai": ("๑๓๘๑๒๓๔๕๖๗๘", 0),
    "fullwidth-dashes": ("１３８－１２３４－５６７８", 1),
    "ideographic-spaces": ("138\u30001234\u30005678", 1),
    "fullwidth-plus86": ("＋８６１３８１２３４５６７８", 1),
    "circled": ("①③⑧①②③④⑤⑥⑦⑧", 1),
    "zero-width-space": ("138\u200b12345678", 0),
    "right-to-left-override": ("\u202e13812345678", 0),
    "arabic-indic-mixed": ("1381234567٨", 0),
}
for form, (text, valid) in DIGIT_FORMS.items():
    for kind in ("csv", "xlsx", "txt"):
        # a lone invalid number in a file without a header leaves no phone column to find
        outcome = "no_phone_column" if kind == "txt" and not valid else ("valid", valid)

        @case(f"digits-{form}-{kind}", outcome)
        def _digits(path: Path, text: str = text, kind: str = kind) -> Path:
            if kind == "xlsx":
                return xlsx(path.with_suffix(".xlsx"), {"名单": [("手机号",), (text,)]})
            target = path.with_suffix("." + kind)
            target.write_text(("手机号\n" if kind == "csv" else "") + text + "\n", encoding="utf-8")
            return target


# --- CSV and TXT: every line is a row or a reported bad line ---------------------------------------------

for position in (2, 3, 50, 500, 1002, 1003):
    for delimiter in (",", ";", "\t"):
        @case(f"csv-unbalanced-quote-line{position}-{delimiter!r}", ("lines", 1003, position))
        def _quote(path: Path, position: int = position, delimiter: str = delimiter) -> Path:
            lines = ["手机号" + delimiter + "姓名"]
            for line in range(2, 1004):
                name = '"张三' if line == position else f"客户{line}"
                lines.append(f"{13800000000 + line}{delimiter}{name}")
            target = path.with_suffix(".csv")
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return target

for length in (140_000, 1_000_000, 5_000_000):
    @case(f"csv-long-field-{length}", ("lines", 4, 3))
    def _long(path: Path, length: int = length) -> Path:
        target = path.with_suffix(".csv")
        target.write_text(f'手机号,备注\n13800000001,a\n13800000002,"{"x" * length}"\n13800000003,b\n',
                          encoding="utf-8")
        return target

for columns in (1_000, 100_000):
    @case(f"csv-{columns}-columns", 2)
    def _columns(path: Path, columns: int = columns) -> Path:
        target = path.with_suffix(".csv")
        extra = ",".join("x" for _ in range(columns))
        target.write_text(f"手机号,{extra}\n13800000001,{extra}\n13800000002,{extra}\n", encoding="utf-8")
        return target


@case("csv-one-huge-line", "no_phone_column")
def _huge_line(path: Path) -> Path:
    target = path.with_suffix(".csv")
    target.write_text("a" * (8 << 20) + "\n", encoding="utf-8")
    return target


for size, tail, expected in ((1, b"", "empty"), (1536, b"", "no_phone_column"),
                             (1, b"13800000001\n13800000002\n", 2)):
    # 1.5 MB of blank lines is read line by line in constant memory; it holds no phone column
    @case(f"whitespace-{size}KB{'-then-numbers' if tail else ''}", expected)
    def _spaces(path: Path, size: int = size, tail: bytes = tail) -> Path:
        target = path.with_suffix(".txt" if tail else ".csv")
        target.write_bytes(b" \n\t\r\n" * (size * 205 if not tail else 30) + tail)
        return target

for kind in ("nul", "binary", "png-named-csv"):
    @case(f"binary-{kind}", "unknown_encoding")
    def _binary(path: Path, kind: str = kind) -> Path:
        target = path.with_suffix(".csv")
        data = {"nul": b"13800000001\x0013800000002\n", "binary": bytes(range(256)) * 40,
                "png-named-csv": b"\x89PNG\r\n\x1a\n" + bytes(2000)}[kind]
        target.write_bytes(data)
        return target

for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
    for line_end in ("\n", "\r\n", "\r"):
        @case(f"csv-{encoding}-{line_end!r}", 3)
        def _encoded(path: Path, encoding: str = encoding, line_end: str = line_end) -> Path:
            target = path.with_suffix(".csv")
            text = line_end.join(["手机号,姓名", "13800000001,张三", "13800000002,李四", "13800000003,王五"])
            target.write_bytes((text + line_end).encode(encoding))
            return target

for count in (1, 2, 10):
    @case(f"txt-control-characters-{count}", 2)
    def _control(path: Path, count: int = count) -> Path:
        target = path.with_suffix(".txt")
        target.write_text("13800000001\n" + "\x1b[31m\x07" * count + "\n13800000002\n", encoding="utf-8")
        return target


# --- formula cells saved without their value --------------------------------------------------------------

for formula in ('<f>B2*1</f>', '<f t="shared" si="0"/>', '<f t="shared" ref="A2:A4" si="0">B2</f>'):
    @case(f"formula-without-value-{formula[:12]}", ("formula", 2))
    def _formula(path: Path, formula: str = formula) -> Path:
        rows = [row_xml(1, [("A1", "手机号")]), row_xml(2, [("A2", 13800000002)]),
                f'<row r="3"><c r="A3">{formula}</c></row>', f'<row r="4"><c r="A4">{formula}</c></row>',
                row_xml(5, [("A5", 13800000005)])]
        return raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(rows))


@case("zip-encrypted-parts", "corrupt")
def _zip_encrypted(path: Path) -> Path:
    # The "encrypted" flag set on every part (Excel encrypts differently: an OLE file, see above).
    target = raw_xlsx(path.with_suffix(".xlsx"), sheet_xml(phone_rows(5)))
    data = bytearray(target.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position != -1:
            data[position + offset] |= 1
            position = data.find(signature, position + 4)
    target.write_bytes(bytes(data))
    return target


# --- what is not a file -----------------------------------------------------------------------------------

@case("named-pipe", "not_a_file")
def _fifo(path: Path) -> Path:
    target = path.with_suffix(".csv")
    os.mkfifo(target)
    return target


@case("directory", "not_a_file")
def _directory(path: Path) -> Path:
    target = path.with_suffix(".xlsx")
    target.mkdir()
    return target


@case("character-device", "not_a_file")
def _device(path: Path) -> Path:
    return Path("/dev/zero")


@case("missing", "not_found")
def _missing(path: Path) -> Path:
    return path.with_suffix(".xlsx")


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("build", "expected"), [pytest.param(b, e, id=n) for n, b, e in CASES])
def test_hostile_file(tmp_path: Path, build: Build, expected: object) -> None:
    path = build(tmp_path / "file")
    if isinstance(expected, str):
        with pytest.raises(RecipientsFileError) as caught:
            import_recipients(path)
        error = caught.value
        assert error.reason == expected, error.text()
        assert (error.message_zh and error.action_zh) or expected in {"no_such_sheet", "no_such_column"}
        assert "Traceback" not in error.text() and "Traceback" not in error.text("en")
        return
    result = import_recipients(path)
    check(result, expected)


def check(result: ImportResult, expected: object) -> None:
    if isinstance(expected, int):
        assert len(result.recipients) == expected
        return
    kind, *values = expected  # type: ignore[misc]  # not an int: one of the (kind, …) tuples below
    if kind == "valid":
        assert len(result.recipients) == values[0]
        assert all(number.isascii() for number in result.numbers())
        assert len(result.invalid) == 1 - values[0]
        if result.invalid:
            assert result.invalid[0].reason == "not_a_number"
    elif kind == "lines":  # every data line accounted for: sent to, or reported with its line number
        lines, bad = values  # lines in the file, header included
        assert len(result.recipients) + len(result.invalid) == lines - 1
        (broken,) = result.invalid
        assert broken.reason in {"unbalanced_quote", "field_too_long"}
        assert f"第 {bad} 行" in broken.message_zh
    elif kind == "formula":
        assert len(result.recipients) == 2
        assert [bad.reason for bad in result.invalid] == ["formula_without_value"] * values[0]


def test_the_corpus_stayed_within_memory() -> None:
    # Runs after the corpus in this module: the whole process never came near the 1 GB a file may cost.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024


def test_the_bundle_runs_the_trial_read_through_its_own_executable(tmp_path: Path) -> None:
    # A frozen app has no `python -c`: the launcher takes the flag and runs the same child code.
    import subprocess
    import sys

    from gui.services.recipients.probe import PROBE_FLAG

    good = xls(tmp_path / "名单.xls", {"名单": numbers(3)})
    broken = tmp_path / "broken.xls"
    broken.write_bytes(good.read_bytes()[:600])
    launcher = Path(__file__).resolve().parents[3] / "packaging" / "launcher.py"
    ok = subprocess.run([sys.executable, str(launcher), PROBE_FLAG, str(good), str(640 << 20)], timeout=60,
                        capture_output=True, check=False)
    bad = subprocess.run([sys.executable, str(launcher), PROBE_FLAG, str(broken), str(640 << 20)], timeout=60,
                         capture_output=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert bad.returncode == 4


# Without a declared range a large sheet is scanned cell by cell, as a small one is (streaming writers such as
# openpyxl's write-only mode leave the range out); only what that scan cannot vouch for goes to the child.
@pytest.mark.parametrize(("dimension", "expected"), [("A1:A21", "safe"), (None, "safe"),
                                                      ("A1:XFD1048576", "too_large")])
def test_a_large_sheet_is_judged_by_its_declared_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       dimension: str | None, expected: str) -> None:
    from gui.services.recipients import guard

    monkeypatch.setattr(guard, "FULL_SCAN_BYTES", 100)  # every sheet counts as large here
    path = raw_xlsx(tmp_path / "big.xlsx", sheet_xml(phone_rows(20), dimension))
    if expected == "too_large":
        with pytest.raises(RecipientsFileError) as caught:
            guard.check_zip(path)
        assert caught.value.reason == "too_large"
        return
    verdict = guard.check_zip(path)
    assert verdict.safe is (expected == "safe")
    assert len(import_recipients(path).recipients) == 20  # read here, or after the trial read in the child


def test_a_damaged_shared_strings_part_is_a_damaged_file(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "s.xlsx", sheet_xml(phone_rows(3)), shared=["a" * 5000])
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/sharedStrings.xml") + len("xl/sharedStrings.xml")  # its local header's name
    data[start + 10:start + 40] = bytes(30)  # inside the packed text
    path.write_bytes(bytes(data))
    with pytest.raises(RecipientsFileError) as caught:
        import_recipients(path)
    assert caught.value.reason == "corrupt"


def test_a_large_sheet_without_a_declared_range_and_cells_without_references_goes_to_the_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.services.recipients import guard

    monkeypatch.setattr(guard, "FULL_SCAN_BYTES", 100)  # every sheet counts as large here
    rows = [row_xml(1, [("A1", "手机号")])] + [f'<row r="{i}"><c><v>{13800000000 + i}</v></c></row>'
                                               for i in range(2, 22)]
    path = raw_xlsx(tmp_path / "big.xlsx", sheet_xml(rows))
    verdict = guard.check_zip(path)
    assert (verdict.safe, verdict.reason) == (False, "unusual_sheet_xml")
    assert len(import_recipients(path).recipients) == 20  # after the trial read in the child

