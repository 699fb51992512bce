"""Honest states and times in the window: a held send says its start date and that the app must stay open, the
wait shows the date, a cancel reads 已取消, and 0 accepted of 4 reads 全部失败, not 已完成."""

from __future__ import annotations

from datetime import datetime

from gui.domain.clock import BEIJING
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)


def test_a_held_marketing_send_names_its_start_date_and_cancel_reads_cancelled(qtbot, simulator, tmp_path):  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    window.session.clock.set(datetime(2026, 11, 27, 22, 30, tzinfo=BEIJING))
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(3)))
    review(qtbot, window)
    page = window.review
    asked: list[str] = []
    page.confirm = lambda text: asked.append(text) or True
    page.send_button.click()
    assert "2026-11-28 08:00" in asked[0] and "请保持本软件打开" in asked[0]
    panel = page.panel
    qtbot.waitUntil(lambda: "2026-11-28 08:00" in panel.state_label.text(), timeout=5000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: panel.last_result is not None and not page.panel.is_sending(), timeout=8000)
    assert panel.state_label.text().startswith("已取消")
    assert simulator.accepted() == []


def test_no_number_accepted_reads_all_failed(qtbot, simulator, tmp_path):  # noqa: F811
    phones = numbers(4)
    simulator.config.blacklist = set(phones)
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", phones))
    review(qtbot, window)
    page = window.review
    page.confirm = lambda text: True
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.last_result is not None and not page.panel.is_sending(), timeout=8000)
    assert page.panel.state_label.text().startswith("全部失败")
    assert "已完成" not in page.panel.state_label.text()


def test_a_path_with_a_domain_gets_no_landing_page_tick(qtbot, simulator, tmp_path):  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    window.compose.marketing.path_edit.setText("https://haowu.com/index.html")
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(2)))
    window.show_step(2)
    page = window.review
    qtbot.waitUntil(lambda: page.plan is not None, timeout=5000)
    qtbot.wait(200)  # a landing check, were one started, would answer by now
    text = page.checks_label.text()
    assert page.landing is None and "落地页" not in text and not page.send_button.isEnabled()
