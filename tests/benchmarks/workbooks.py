"""The benchmarks' customer workbook: 手机号, 姓名, 城市 for `rows` customers, written by openpyxl's write-only mode
in a child process (so writing it counts towards no benchmark's time or memory)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WRITE = """
import sys, openpyxl
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("客户")
sheet.append(["手机号", "姓名", "城市"])
for i in range(int(sys.argv[2])):
    sheet.append([f"13{i:09d}", f"客户{i}", "上海"])
book.save(sys.argv[1])
"""


def write_customers(path: Path, rows: int) -> Path:
    subprocess.run([sys.executable, "-c", WRITE, str(path), str(rows)], check=True, timeout=1800)
    return path
