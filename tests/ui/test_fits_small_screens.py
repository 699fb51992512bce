"""Every page fits a 1024×768 screen without sideways scrolling, and at the window's minimum size the counters of
内容 are still on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QScrollArea

from gui.ui.main_window import MainWindow, WindowMode


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
    compose.marketing.content_edit.setPlainText("能力上新")
    qtbot.wait(20)
    for counter in (compose.content_counter, compose.total_counter):
        visible = counter.visibleRegion().boundingRect()
        assert counter.isVisible() and visible.width() >= counter.width() - 1, counter.text()
