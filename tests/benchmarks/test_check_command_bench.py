"""`sms-composer check --json` end to end (make bench): start-up, import and the JSON, as a whole process, against a
whole process that only iterates the same workbook with python-calamine. SMS_COMPOSER_BENCH_CHECK_ROWS sets the size
(default 1,000,000); the figure is the median of paired, alternated runs."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

import pytest

from tests.benchmarks.processes import timed_run
from tests.benchmarks.workbooks import write_customers

pytestmark = pytest.mark.skipif(not os.environ.get("SMS_COMPOSER_BENCH"), reason="benchmark: make bench")
ROWS = int(os.environ.get("SMS_COMPOSER_BENCH_CHECK_ROWS", "1000000"))
PAIRS = 3
ALLOWED = 1.3

BARE = """
import sys, python_calamine
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
count = sum(1 for _ in book.get_sheet_by_index(0).iter_rows())
print(count)
"""


def _timed(command: list[str], env: dict[str, str], out: Path) -> float:
    with out.open("wb") as sink:
        return timed_run(command, env=env, stdout=sink, check=False, timeout=1800)


def test_check_within_ratio_of_bare_calamine(tmp_path: Path) -> None:
    book = tmp_path / "客户.xlsx"
    write_customers(book, ROWS)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"), SMS_COMPOSER_DATA_DIR=str(tmp_path / "data"),
               SMS_COMPOSER_CONFIG_DIR=str(tmp_path / "config"))
    bare_cmd = [sys.executable, "-c", BARE, str(book)]
    check_cmd = [sys.executable, "-m", "gui", "check", str(book), "--json"]
    _timed(check_cmd, env, tmp_path / "warm.json")  # .pyc files written once
    ratios = []
    for index in range(PAIRS):
        if index % 2 == 0:
            bare = _timed(bare_cmd, env, tmp_path / "bare.txt")
            check = _timed(check_cmd, env, tmp_path / "check.json")
        else:
            check = _timed(check_cmd, env, tmp_path / "check.json")
            bare = _timed(bare_cmd, env, tmp_path / "bare.txt")
        ratios.append(check / bare)
        print(f"\n[check] bare calamine {bare:.2f} s · sms-composer check --json {check:.2f} s → {check / bare:.2f}×")
    report = json.loads((tmp_path / "check.json").read_text(encoding="utf-8"))
    assert report["valid"] == ROWS and len(report["numbers"]) == ROWS  # complete and valid JSON
    ratio = statistics.median(ratios)
    print(f"[check] median of {PAIRS} paired runs: {ratio:.2f}×")
    assert ratio <= ALLOWED
