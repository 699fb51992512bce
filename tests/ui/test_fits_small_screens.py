"""Every page fits a 1024×768 screen without sideways scrolling (empty, and with a list imported, both SMS types
and the review), no text is cut at 1024×768 in Chinese or English, and at the window's minimum size the counters of
内容 are still on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QScrollArea

from gui.domain.sms_text import SmsType
from gui.ui.main_window import MainWindow, WindowMode
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, width: int, height: int) -> MainWindow:
    window = MainWindow(WindowMode(offer_sandbox=False))
    qtbot.addWidget(window)
    window.show()
    window.resize(width, height)
    qtbot.wait(20)
    return window


def _sideways(window: MainWindow) -> list[str]:
    found = []
    for index in range(window.pages.count()):
        window.show_step(index)
        qtbot_page = window.pages.widget(index)
        qtbot_page.layout().activate()
        for area in qtbot_page.findChildren(QScrollArea):
            if isinstance(area, QAbstractItemView):
                continue
            bar = area.horizontalScrollBar()
            if area.isVisibleTo(window) and bar.isVisible() and bar.maximum() > 0:
                found.append(f"page {index}: {area.objectName() or type(area).__name__} scrolls sideways")
        if qtbot_page.minimumSizeHint().width() > window.pages.width():
            found.append(f"page {index} needs {qtbot_page.minimumSizeHint().width()} px, has {window.pages.width()}")
    return found


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_every_page_fits_without_sideways_scrolling(qtbot, size) -> None:
    from tools.layout_check import text_problems

    window = _window(qtbot, *size)
    window.recipients.set_sandbox(True)  # every button of 收件人 shown
    assert window.width() <= size[0] and window.minimumWidth() <= 1024 and window.minimumHeight() <= 768
    assert _sideways(window) == []
    cut = []
    for index in range(window.pages.count()):
        window.show_step(index)
        qtbot.wait(10)
        cut += [p for p in text_problems(window) if p["problem"].startswith("button text")]
    assert cut == []


def test_the_counters_stay_visible_at_the_minimum_window_size(qtbot) -> None:
    window = _window(qtbot, 400, 300)  # resized below the minimum: Qt keeps the minimum
    assert (window.width(), window.height()) == (window.minimumWidth(), window.minimumHeight())
    window.show_step(0)
    compose = window.compose
    compose.signature_edit.setText("云开发")
    compose.marketing.content_edit.setPlainText("能力上新，限时免费体验云开发全新短信群发功能")  # too long: red counters
    qtbot.wait(20)
    for counter in (compose.content_counter, compose.total_counter):
        visible = counter.visibleRegion().boundingRect()
        assert counter.isVisible() and visible.width() >= counter.width() - 1, counter.text()
    compose.set_sms_type(SmsType.NOTIFICATION)  # its 整条 counter sits under the template, below the fold or not
    qtbot.wait(20)
    assert (window.width(), window.height()) == (window.minimumWidth(), window.minimumHeight())
    counter = compose.total_counter
    assert counter.isVisible() and counter.visibleRegion().boundingRect().size() == counter.size(), counter.text()


def _page_sideways(page) -> list[str]:
    found = [area.objectName() or "QScrollArea" for area in page.findChildren(QScrollArea)
             if area.isVisible() and area.horizontalScrollBar().maximum() > 0]
    if page.minimumSizeHint().width() > page.width():
        found.append(f"needs {page.minimumSizeHint().width()} px, has {page.width()}")
    return found


def test_pages_with_a_list_and_both_sms_types_fit_1024_by_768(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    window.resize(1024, 768)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "名单.xlsx", numbers(3), extra=[["坏", "123", "北京"]]))
    found = {}
    for sms_type in (SmsType.NOTIFICATION, SmsType.MARKETING):
        window.compose.set_sms_type(sms_type)
        window.show_step(0)
        qtbot.wait(20)
        found[f"compose {sms_type}"] = _page_sideways(window.compose)
        counter = window.compose.total_counter
        assert counter.visibleRegion().boundingRect().size() == counter.size(), sms_type
    for step in (1, 3, 4):  # 收件人's six buttons wrap onto a second line rather than widening the page
        window.show_step(step)
        qtbot.wait(20)
        found[f"step {step}"] = _page_sideways(window.pages.currentWidget())
    review(qtbot, window)
    found["review"] = _page_sideways(window.review)
    assert all(not problems for problems in found.values()), found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_text_is_cut_off_at_1024_by_768(language: str, tmp_path) -> None:
    """tools.layout_check on the sample window at 1024×768: no button or label cut, squeezed or covered."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMS_COMPOSER_DATA_DIR": str(tmp_path / "data"),
           "SMS_COMPOSER_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run([sys.executable, "-m", "tools.layout_check", "--lang", language, "--size", "1024x768"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["window"] == [1024, 768] and min(report["checked"].values()) >= 8
    assert report["problems"] == []
