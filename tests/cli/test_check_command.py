"""`sms-composer check FILE`: the JSON object, the Chinese report and the exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gui.cli.main import main
from gui.services.recipients.suppression import SuppressionList
from tests.services.recipients.builders import csv_bytes, xlsx


def sample(tmp_path: Path) -> Path:
    return xlsx(tmp_path / "名单.xlsx", {
        "说明": [("请看第二张表",)],
        "名单": [
            ("标题",), ("手机号", "姓名"), ("13812345678", "张三"), ("1.38E+10", "李四"), (13812345678, "重复"),
            ("13912345678", "退订的人"), (15012345678, "王五"),
        ],
    })


def test_json_report(tmp_path: Path, capsys) -> None:
    SuppressionList().add(["13912345678"])
    path = sample(tmp_path)
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(path) and data["sheet"] == "名单"
    assert data["rows"] == 5
    assert data["valid"] == 2
    assert data["numbers"] == ["+8613812345678", "+8615012345678"]
    assert data["invalid"] == [{"row": 4, "value": "1.38E+10", "reason": "scientific_notation",
                                "message": data["invalid"][0]["message"]}]
    assert "文本" in data["invalid"][0]["message"]
    assert data["duplicates"] == [{"row": 5, "first_row": 3, "number": "+8613812345678"}]
    assert data["suppressed"] == 1


def test_sheet_and_column_options(tmp_path: Path, capsys) -> None:
    path = xlsx(tmp_path / "two.xlsx", {"A": [("手机号", "备用"), ("13812345678", "13912345678")],
                                         "B": [("电话",), ("15012345678",)]})
    assert main(["check", str(path), "--phone-column", "备用", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["numbers"] == ["+8613912345678"]
    assert main(["check", str(path), "--sheet", "B", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["numbers"] == ["+8615012345678"]


def test_readable_chinese_report(tmp_path: Path, capsys) -> None:
    assert main(["check", str(sample(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "有效号码 3 个" in out and "无效号码 1 行" in out and "重复号码 1 行" in out
    assert "第 4 行" in out and "科学计数法" in out


def test_exit_1_when_no_valid_number(tmp_path: Path, capsys) -> None:
    path = csv_bytes(tmp_path / "bad.csv", "手机号\nabc\n123\n", "utf-8")
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] == 0 and data["numbers"] == [] and len(data["invalid"]) == 2


def test_exit_2_with_one_line_reason(tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 truncated")
    assert main(["check", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "broken.xlsx" in captured.err and "Traceback" not in captured.err


def test_data_dir_option_selects_the_suppression_list(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other-data"
    SuppressionList(other / "sms-composer.db").add(["13812345678"])
    path = csv_bytes(tmp_path / "l.txt", "13812345678\n13912345678\n", "utf-8")
    assert main(["--data-dir", str(other), "check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["numbers"] == ["+8613912345678"] and data["suppressed"] == 1


def test_installed_command_runs_as_a_process(tmp_path: Path) -> None:
    path = csv_bytes(tmp_path / "l.txt", "13812345678\n", "utf-8")
    done = subprocess.run([sys.executable, "-c", "import sys; from gui.cli.main import main; sys.exit(main())",
                           "check", str(path), "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["numbers"] == ["+8613812345678"]


def test_json_is_the_whole_report_in_its_order(tmp_path: Path, capsys) -> None:
    from gui.cli.check import as_json
    from gui.services.recipients import import_recipients

    SuppressionList().add(["13912345678"])
    every_row_sent = xlsx(tmp_path / "全部.xlsx", {"名单": [("手机号",), ("13812345678",), (15012345678,)]})
    for path in (sample(tmp_path), every_row_sent):
        main(["check", str(path), "--json"])
        written = json.loads(capsys.readouterr().out)
        expected = as_json(import_recipients(path, suppressed=SuppressionList().numbers()))
        assert written == expected
        assert list(written) == list(expected)  # the same keys in the same order


def test_numbers_are_written_by_the_join_only_when_each_is_eleven_digits() -> None:
    from gui.cli.check import _numbers_array

    good = ["13812345678", "15012345678", "19999999999"]
    assert json.loads(b"".join(_numbers_array(good) or ())) == ["+86" + d for d in good]
    assert _numbers_array([]) == (b"[]",)
    # Same total length and all digits, but not 11 each; a non-ASCII digit; a character to escape.
    for odd in (["138123456789", "1501234567", "19999999999"], ["138123456", "1381234567890"],
                ["1381234567８", "15012345678"],
                ['1381234567"', "15012345678"], ["13812345678\n"]):
        assert _numbers_array(odd) is None, odd
