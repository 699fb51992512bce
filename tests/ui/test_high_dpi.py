"""High-DPI layouts: every page at 1366×768 logical pixels at 125 %, 150 % and 200 %, no text cut off;
and the checker itself catches what it is meant to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.ui.style import CJK_FONT_FAMILIES, apply_fonts
from tools.layout_check import SCREEN, text_problems

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"compose", "recipients", "review", "send-finished", "history", "settings"}


@pytest.mark.parametrize("factor", ["1.25", "1.5", "2"])
def test_every_page_fits_at_this_scale(factor: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": factor,
           "SMS_COMPOSER_DATA_DIR": str(tmp_path / "data"), "SMS_COMPOSER_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "tools.layout_check"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ratio"] == float(factor) and report["window"] == list(SCREEN)
    assert set(report["checked"]) == PAGES and min(report["checked"].values()) >= 8  # the walk saw each page
    assert report["problems"] == []


def test_the_checker_finds_clipped_wide_and_covered_text(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    row = QHBoxLayout()
    layout.addLayout(row)
    squeezed = QPushButton("测试发送到我的手机", root)
    squeezed.setObjectName("squeezedButton")
    squeezed.setFixedWidth(40)
    narrow = QLabel("计费条数合计 3 条", root)
    narrow.setObjectName("narrowLabel")
    narrow.setFixedWidth(30)
    short = QLabel("发送结果都保存在发送记录里，不会丢失。" * 4, root)
    short.setObjectName("shortWrappedLabel")
    short.setWordWrap(True)
    short.setFixedSize(120, 20)
    fine = QLabel("正常", root)
    fine.setObjectName("fineLabel")
    for widget in (squeezed, narrow, short, fine):
        row.addWidget(widget)
    covered = QLabel("被挡住的文字", root)
    covered.setObjectName("coveredLabel")
    layout.addWidget(covered)
    root.resize(600, 200)
    root.show()
    qtbot.waitExposed(root)
    cover = QWidget(root)
    cover.setGeometry(covered.geometry().adjusted(covered.width() // 2, 0, 0, 0))
    cover.setAutoFillBackground(True)
    cover.show()
    cover.raise_()
    checked: list[str] = []
    found = {p["widget"].split("/")[-1]: p["problem"] for p in text_problems(root, checked)}
    assert set(found) == {"squeezedButton", "narrowLabel", "shortWrappedLabel", "coveredLabel"}, found
    assert "fineLabel" in " ".join(checked)


def test_the_application_font_falls_back_to_cjk_fonts(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        font = apply_fonts(qapp)
        families = font.families()
        assert families[-4:] == list(CJK_FONT_FAMILIES)
        assert families[-4:] == ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
        assert qapp.font().families() == families
    finally:
        qapp.setFont(before)
