"""Large workbooks read in a child process (`sheet_process`): the same import as in the app's process, errors
mapped as the trial read maps them, and no child, thread or pipe left behind however the read ends."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from gui.domain.recipients import ImportResult, RecipientsFileError
from gui.services.recipients import guard, import_recipients
from gui.services.recipients.readers import open_source
from gui.services.recipients.sheet_process import (
    READ_FLAG,
    SheetChild,
    child_command,
    load_cells,
)
from tests.benchmarks.workbooks import write_customers
from tests.services.recipients.builders import xls
from tests.services.recipients.hostile_files import phone_rows, raw_xlsx, sheet_xml
from tests.services.recipients.test_hostile_files import CASES, Build, check

LAUNCHER = Path(__file__).resolve().parents[3] / "packaging" / "launcher.py"


def _workbook(path: Path, sheets: list[tuple[str, list[list[object]], str]]) -> Path:
    """Sheets as (name, rows, state): state "visible", "hidden" or "veryHidden"."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, state in sheets:
        sheet = book.create_sheet(name)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _people(count: int, start: int = 0) -> list[list[object]]:
    rows: list[list[object]] = [["手机号", "姓名", "生日", "备注"]]
    for i in range(start, start + count):
        number: object = f"138{i:08d}" if i % 3 else 13900000000 + i  # text and number cells
        rows.append([number, f"客户{i}", dt.date(1990, 1, 1) + dt.timedelta(days=i), dt.datetime(2024, 5, 6, 7, 8)])
    rows += [["12345", "太短", None, None], [None, None, None, None], [None, "没有号码", None, None],
             ["+86 138-0000-0001", "重复", dt.time(9, 30), dt.timedelta(hours=30)], ["=1+1", "公式", None, None]]
    return rows


def _formulas(path: Path) -> Path:
    """Phone cells that are formulas saved without a value (as programs that do not calculate write them), and
    a shared string: a workbook written part by part."""
    rows = [*phone_rows(20), '<row r="22"><c r="A22"><f>B2*1</f></c><c r="B22" t="s"><v>0</v></c></row>',
            '<row r="23"><c r="A23"><f t="shared" si="0"/></c><c r="B23" t="s"><v>0</v></c></row>']
    return raw_xlsx(path, sheet_xml(rows), shared=["张三"])


def _cases(folder: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Workbooks and import keywords: every way the importer picks and reads a sheet."""
    titled: list[list[object]] = [["客户名单"], [], *_people(30)]
    leading = [[None, None, *row] for row in _people(25)]
    no_phone: list[list[object]] = [["姓名", "城市"], ["张三", "上海"], ["李四", "北京"]]
    return {
        "plain": (_workbook(folder / "plain.xlsx", [("名单", _people(40), "visible")]), {}),
        "title-rows": (_workbook(folder / "title.xlsx", [("名单", titled, "visible")]), {}),
        "leading-columns": (_workbook(folder / "leading.xlsx", [("名单", leading, "visible")]), {}),
        "report-first": (_workbook(folder / "results.xlsx", [("报告", [["发送报告"], ["成功", 3]], "visible"),
                                                             ("名单", _people(20), "visible")]), {}),
        "hidden-skipped": (_workbook(folder / "hidden.xlsx", [("旧名单", _people(10, 500), "hidden"),
                                                              ("新名单", _people(15), "visible")]), {}),
        "hidden-named": (_workbook(folder / "named.xlsx", [("旧名单", _people(10, 500), "veryHidden"),
                                                           ("新名单", _people(15), "visible")]),
                         {"sheet": "旧名单"}),
        "second-sheet": (_workbook(folder / "second.xlsx", [("说明", no_phone, "visible"),
                                                            ("名单", _people(12), "visible")]), {}),
        "mapping-given": (_workbook(folder / "mapping.xlsx", [("名单", _people(20), "visible")]),
                          {"header_row": 1, "phone_column": "B"}),
        "formulas": (_formulas(folder / "formulas.xlsx"), {}),
        # 260 columns: blocks of 184 rows (BLOCK_CELLS), fewer than the importer's 200-row sample.
        "wide": (_workbook(folder / "wide.xlsx", [("名单", [[*row, *(f"x{i}" for i in range(256))]
                                                          for row in _people(230)], "visible")]), {}),
        "empty-first": (_workbook(folder / "empty.xlsx", [("空白", [], "visible"), ("名单", _people(8), "visible")]),
                        {}),
        "numbers-only": (_workbook(folder / "numbers.xlsx", [("名单", _people(20), "visible")]), {"fields": False}),
        # Many blocks: 12,000 rows of a streamed workbook (blocks of 4,000 rows, the sample taken from the first).
        "streamed": (write_customers(folder / "客户.xlsx", 12_345), {}),
    }


def _same(one: ImportResult, other: ImportResult) -> None:
    for name in ("file", "sheet", "sheets", "header_row", "phone_column", "columns", "invalid", "duplicates",
                 "suppressed", "blank_rows", "rows_read", "confident", "phone_column_index", "encoding",
                 "delimiter", "sheet_hidden"):
        assert getattr(one, name) == getattr(other, name), name
    assert list(one.recipients) == list(other.recipients)
    assert one.numbers() == other.numbers()


def test_a_workbook_read_in_a_child_imports_exactly_as_in_this_process(tmp_path: Path) -> None:
    for name, (path, keywords) in _cases(tmp_path).items():
        here = import_recipients(path, **keywords)
        apart = import_recipients(path, separate_process=True, separate_process_from=0, **keywords)
        assert here.rows_read > 0, name
        _same(here, apart)
    plain = import_recipients(tmp_path / "plain.xlsx", separate_process=True, separate_process_from=0)
    assert [bad.reason for bad in plain.invalid] == ["wrong_length", "empty", "empty"]
    assert plain.recipients[0].fields["生日"] == "1990-01-01"
    assert import_recipients(tmp_path / "leading.xlsx", separate_process=True,
                             separate_process_from=0).phone_column_index == 3
    formulas = import_recipients(tmp_path / "formulas.xlsx", separate_process=True, separate_process_from=0)
    assert [bad.reason for bad in formulas.invalid] == ["formula_without_value"] * 2
    assert import_recipients(tmp_path / "results.xlsx", separate_process=True, separate_process_from=0).sheet == "名单"


@pytest.mark.parametrize(("build", "expected"), [pytest.param(b, e, id=n) for n, b, e in CASES])
def test_a_hostile_file_read_apart_ends_as_it_does_here(tmp_path: Path, build: Build, expected: object) -> None:
    # The same outcome as `test_hostile_files` expects in this process: the child's limits stand in for the
    # trial read, its errors map to the same reasons.
    path = build(tmp_path / "file")
    if isinstance(expected, str):
        with pytest.raises(RecipientsFileError) as caught:
            import_recipients(path, separate_process=True, separate_process_from=0)
        assert caught.value.reason == expected, caught.value.text()
        return
    check(import_recipients(path, separate_process=True, separate_process_from=0), expected)
    assert _no_watchdog()


def test_an_empty_workbook_is_empty_either_way(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "空.xlsx", [("空白", [], "visible")])
    for apart in (False, True):
        with pytest.raises(RecipientsFileError) as caught:
            import_recipients(path, separate_process=apart, separate_process_from=0)
        assert caught.value.reason == "empty"


def test_a_large_sheet_checked_by_its_bound_looks_up_formulas_the_same_way(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "FULL_SCAN_BYTES", 100)  # every sheet counts as large: formulas looked up later
    path = _formulas(tmp_path / "big.xlsx")
    here = import_recipients(path)
    apart = import_recipients(path, separate_process=True, separate_process_from=0)
    _same(here, apart)
    assert [bad.reason for bad in apart.invalid] == ["formula_without_value"] * 2


def test_only_workbooks_from_the_threshold_on_are_read_apart(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "small.xlsx", [("名单", _people(5), "visible")])
    size = path.stat().st_size
    with open_source(path, separate_process=True, separate_process_from=size + 1) as source:
        assert source.table("名单").blocks is None
    with open_source(path, separate_process=True, separate_process_from=size) as source:
        assert source.table("名单").blocks is not None
    with open_source(path, separate_process_from=0) as source:  # not asked for: read here
        assert source.table("名单").blocks is None


def _children() -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # succeeds for a zombie too: only a reaped child is gone
    except ProcessLookupError:
        return True
    return False


def _no_watchdog() -> bool:
    return not any(thread.name == "sheet-child-watchdog" for thread in threading.enumerate())


class Stop(Exception):
    pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="lists children through /proc")
def test_a_cancelled_import_leaves_no_child_behind(tmp_path: Path) -> None:
    path = write_customers(tmp_path / "客户.xlsx", 30_000)
    before = _children()
    seen: set[int] = set()

    def cancel(rows: int) -> None:
        seen.update(_children() - before)
        raise Stop  # as the window's cancel does: from the progress callback, mid-read

    with pytest.raises(Stop):
        import_recipients(path, separate_process=True, separate_process_from=0, progress=cancel)
    assert len(seen) == 1
    assert all(_gone(pid) for pid in seen)
    assert _no_watchdog()


def test_closing_the_source_mid_read_kills_and_reaps_the_child(tmp_path: Path) -> None:
    path = write_customers(tmp_path / "客户.xlsx", 30_000)
    child = SheetChild(path, None, last="报告")
    blocks = child.blocks()
    assert len(next(blocks)) == 4_000 * 3
    pid = child.pid
    child.close()
    assert _gone(pid)
    assert _no_watchdog()


def test_a_child_killed_mid_read_is_a_crashed_reader(tmp_path: Path) -> None:
    path = write_customers(tmp_path / "客户.xlsx", 30_000)
    with SheetChild(path, None, last="报告") as child:
        blocks = child.blocks()
        next(blocks)
        os.kill(child.pid, signal.SIGKILL)
        with pytest.raises(RecipientsFileError) as caught:
            for _block in blocks:
                pass
    assert caught.value.reason == "reader_crashed"
    assert "读取程序崩溃" in caught.value.message_zh and caught.value.action_zh
    assert _gone(child.pid)


def test_a_child_that_sends_nothing_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "名单.xlsx", [("名单", _people(3), "visible")])
    silent = [sys.executable, "-c", "import time; time.sleep(60)"]
    with pytest.raises(RecipientsFileError) as caught:
        SheetChild(path, None, time_limit=0.5, command=silent)
    assert caught.value.reason == "reader_timeout"
    assert "秒仍未完成" in caught.value.message_zh
    assert _no_watchdog()


def test_a_damaged_workbook_read_apart_is_damaged(tmp_path: Path) -> None:
    good = xls(tmp_path / "名单.xls", {"名单": [["手机号"], ["13800000000"]]})
    broken = tmp_path / "broken.xls"
    broken.write_bytes(good.read_bytes()[:600])
    with pytest.raises(RecipientsFileError) as here:
        import_recipients(broken)
    with pytest.raises(RecipientsFileError) as apart:
        import_recipients(broken, separate_process=True, separate_process_from=0)
    assert apart.value.reason == here.value.reason == "corrupt"
    assert apart.value.message_zh == here.value.message_zh
    assert apart.value.detail


def test_an_xls_is_read_apart_as_it_is_here(tmp_path: Path) -> None:
    path = xls(tmp_path / "名单.xls", {"说明": [["姓名"], ["张三"]], "名单": [["手机号", "姓名"], ["13800000000", "王五"],
                                                                            ["13800000001", "赵六"]]})
    _same(import_recipients(path), import_recipients(path, separate_process=True, separate_process_from=0))


def test_the_parent_unpickles_nothing_but_cells() -> None:
    cells = [1.0, "张三", True, 3, None, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), dt.time(5, 6),
             dt.timedelta(days=2)]
    assert load_cells(pickle.dumps(cells, protocol=5)) == cells
    for hostile in (pickle.dumps([Path("/etc/passwd")], protocol=5), b"cos\nsystem\n(S'echo hi'\ntR.",
                    pickle.dumps(dt.UTC, protocol=5)):
        with pytest.raises(pickle.UnpicklingError):
            load_cells(hostile)


def _frames(script: str) -> list[str]:
    """A stand-in child that writes the given frames (kind, value) and exits."""
    return [sys.executable, "-c", "import pickle, struct, sys, pathlib\n"
            "def send(kind, value):\n"
            "    data = pickle.dumps(value, protocol=5)\n"
            "    sys.stdout.buffer.write(struct.pack('<cI', kind, len(data)) + data)\n" + script]


@pytest.mark.parametrize("script", [
    "send(b'M', [pathlib.PurePosixPath('x')])",  # a class the parent does not know
    "send(b'M', [('名单', False)]); send(b'H', ('名单', (0, 0), 2)); send(b'C', [1, 2, 3])",  # not whole rows
    "send(b'M', [('名单', False)]); send(b'H', ('名单', (0, 0), 1)); send(b'C', [[1]])",  # not a cell
    "send(b'M', [('名单', False)]); send(b'H', ('另一个', (0, 0), 1))",  # not the sheet it was told to read
    "send(b'M', [('名单', False)]); send(b'H', ('名单', (0, 0), 0))",  # rows without cells
    "sys.stdout.buffer.write(struct.pack('<cI', b'M', 1 << 31))",  # a frame longer than any sheet
    "send(b'M', [('名单', False)]); sys.stdout.flush(); sys.exit(0)",  # output cut short
])
def test_a_child_breaking_the_protocol_is_a_crashed_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           script: str) -> None:
    from gui.services.recipients import sheet_process

    path = _workbook(tmp_path / "名单.xlsx", [("名单", _people(3), "visible")])
    monkeypatch.setattr(sheet_process, "child_command", lambda *arguments: _frames(script))
    with pytest.raises(RecipientsFileError) as caught:
        import_recipients(path, sheet="名单", separate_process=True, separate_process_from=0)
    assert caught.value.reason == "reader_crashed"
    assert _no_watchdog()


def test_the_bundle_reads_a_sheet_through_its_own_executable(tmp_path: Path) -> None:
    # A frozen app has no `python -c`: the launcher takes the flag and runs the same child code.
    path = _workbook(tmp_path / "名单.xlsx", [("名单", [["手机号"], ["13800000000"], ["13800000001"]], "visible")])
    arguments = child_command(path, None, "报告", 640 << 20)[4:]  # after `python -I -c CODE`
    done = subprocess.run([sys.executable, str(LAUNCHER), READ_FLAG, *arguments], capture_output=True, timeout=60,
                          check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    frames, data = [], done.stdout
    while data:
        kind, size = data[0:1], int.from_bytes(data[1:5], "little")
        frames.append((kind, load_cells(data[5:5 + size])))
        data = data[5 + size:]
    assert frames == [(b"M", [("名单", False)]), (b"H", ("名单", (0, 0), 1)),
                      (b"C", ["手机号", "13800000000", "13800000001"]), (b"E", None)]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    bad = subprocess.run([sys.executable, str(LAUNCHER), READ_FLAG, str(broken), *arguments[1:]],
                         capture_output=True, timeout=60, check=False, stdin=subprocess.DEVNULL)
    assert bad.returncode == 4


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="reads the child's limits from /proc")
def test_the_child_runs_with_a_cpu_memory_and_core_limit(tmp_path: Path) -> None:
    """A child left spinning after its app has died still ends: nobody else would stop it."""
    path = write_customers(tmp_path / "客户.xlsx", 30_000)
    with SheetChild(path, None, last="报告") as child:
        next(child.blocks())  # the child has set its limits before it reads
        limits = {line[:26].strip(): line[26:].split()[:2]
                  for line in Path(f"/proc/{child.pid}/limits").read_text().splitlines()[1:]}
    assert limits["Max cpu time"] == ["120", "120"]
    assert limits["Max core file size"] == ["0", "0"]
    assert limits["Max address space"][0] not in ("unlimited", "")
