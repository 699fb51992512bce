"""A results file Excel holds open, or a folder that refuses files: a clear message, the old file intact,
nothing lost, and the same export works once the file is free."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import openpyxl
import pytest

from gui.domain.row_result import RowResult
from gui.services.config import atomic_file
from gui.services.recipients import import_recipients
from gui.services.results.export import write_results_csv, write_results_workbook
from gui.services.results.write_errors import ResultsNotWrittenError
from tests.services.recipients.builders import csv_bytes
from tests.services.results.locking import unwritable_folder

ACCEPTED = RowResult("已提交", serial_no="SN-1", submit_time="2024-05-01 10:00:00", parts=1)


@pytest.fixture
def recipients(tmp_path: Path):
    source = csv_bytes(tmp_path / "客户 名单.csv", "手机号,姓名\n13812345678,张三\n13912345678,李四\n", "utf-8")
    return source, import_recipients(source)


def sharing_violation(path: str) -> PermissionError:
    """What Windows raises when replacing a workbook that Excel has open (ERROR_SHARING_VIOLATION)."""
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by "
                            "another process", path)
    error.winerror = 32  # type: ignore[attr-defined]  # only Windows builds define it; is_refused reads it
    return error


def test_a_workbook_held_by_excel_gives_close_and_retry_and_keeps_the_old_file(tmp_path, recipients, monkeypatch):
    source, result = recipients
    out = tmp_path / "结果 7月.xlsx"
    write_results_workbook(result, source, {2: ACCEPTED}, out)
    before = out.read_bytes()
    held = {"by_excel": True}
    real_replace = os.replace

    def replace(src, dst):
        if held["by_excel"] and Path(dst) == out:
            raise sharing_violation(str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    with pytest.raises(ResultsNotWrittenError) as caught:
        write_results_workbook(result, source, {2: ACCEPTED, 3: ACCEPTED}, out)
    error = caught.value
    assert error.locked and error.code == "results_file_locked" and error.path == out
    assert "请先在 Excel 中关闭 结果 7月.xlsx，再重试" in error.text("zh")
    assert "Close 结果 7月.xlsx in Excel first" in error.text("en")
    assert out.read_bytes() == before  # the old results are untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left behind

    held["by_excel"] = False  # the user closed Excel and pressed 重试
    write_results_workbook(result, source, {2: ACCEPTED, 3: ACCEPTED}, out)
    sheet = openpyxl.load_workbook(out).active
    assert [sheet.cell(row, 3).value for row in (2, 3)] == ["已提交", "已提交"]


@pytest.mark.skipif(os.name != "nt", reason="only Windows refuses to replace a file another handle has open")
def test_a_file_really_held_open_blocks_the_replace_on_windows(tmp_path, recipients):
    """No simulation: an open handle without FILE_SHARE_DELETE (what Python's open() and Excel hold) makes
    the final rename fail with access denied, and that must read as "close it in Excel"."""
    source, result = recipients
    out = tmp_path / "结果 打开中.xlsx"
    write_results_workbook(result, source, {2: ACCEPTED}, out)
    with out.open("rb"), pytest.raises(ResultsNotWrittenError) as caught:
        write_results_workbook(result, source, {2: ACCEPTED, 3: ACCEPTED}, out)
    assert caught.value.locked
    write_results_workbook(result, source, {2: ACCEPTED, 3: ACCEPTED}, out)  # closed: 重试 works


def test_a_csv_held_open_is_reported_the_same_way(tmp_path, recipients, monkeypatch):
    source, result = recipients
    out = tmp_path / "结果.csv"

    def replace(src, dst):
        raise sharing_violation(str(dst))

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    with pytest.raises(ResultsNotWrittenError, match="another program"):
        write_results_csv(result, source, {2: ACCEPTED}, out)
    assert not out.exists()


def test_an_unwritable_folder_asks_for_another_place_and_saving_there_works(tmp_path, recipients):
    source, result = recipients
    folder = tmp_path / "只读 共享盘"
    folder.mkdir()
    with unwritable_folder(folder), pytest.raises(ResultsNotWrittenError) as caught:
        write_results_workbook(result, source, {2: ACCEPTED}, folder / "结果.xlsx")
    error = caught.value
    assert not error.locked and error.code == "results_folder_read_only"
    assert "只读 共享盘" in error.text("zh") and "另存到别的文件夹" in error.text("zh")
    assert list(folder.iterdir()) == []
    saved = write_results_workbook(result, source, {2: ACCEPTED}, tmp_path / "文档" / "结果.xlsx")  # 另存为…
    assert openpyxl.load_workbook(saved).active.cell(2, 3).value == "已提交"


def test_other_os_errors_are_not_dressed_up_as_locks(tmp_path, recipients, monkeypatch):
    source, result = recipients

    def replace(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    with pytest.raises(OSError) as caught:
        write_results_csv(result, source, {2: ACCEPTED}, tmp_path / "结果.csv")
    assert not isinstance(caught.value, ResultsNotWrittenError)
