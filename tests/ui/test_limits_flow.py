"""设置 → 发送限制 reaches the settings file, and 检查并发送 counts the numbers the frequency cap leaves out."""

from __future__ import annotations

import pytest

from gui.domain.statuses import NumberStatus
from gui.services.config.settings import Settings, load_settings, save_settings
from gui.ui.settings.page import SettingsPage
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)


def test_frequency_cap_fields_are_saved(qtbot) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    assert (page.limits.per_day.value(), page.limits.per_week.value()) == (2, 6)  # the defaults
    page.limits.per_day.setValue(1)
    page.limits.per_week.setValue(3)
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save_button.click()
    saved = load_settings()
    assert (saved.cap_per_day, saved.cap_per_week) == (1, 3)


def test_review_leaves_out_numbers_over_the_cap(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    save_settings(Settings(cap_per_day=1, cap_per_week=6))
    window = sandbox_window(qtbot, simulator)
    page = window.review
    page.confirm = lambda text: True
    page.confirm_repeat = lambda text: pytest.fail(f"asked about a repeat: {text}")
    compose_marketing(window, "周五上新")
    import_file(qtbot, window, write_workbook(tmp_path / "a.xlsx", numbers(5)))
    review(qtbot, window)
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.campaign_id is not None and not page.panel.is_sending(), timeout=10000)

    window.show_step(0)
    compose_marketing(window, "周末特价")
    import_file(qtbot, window, write_workbook(tmp_path / "b.xlsx", numbers(8)))
    review(qtbot, window)
    assert page.values["recipients"].text() == "3"
    assert "超过发送频率上限 5" in page.values["skipped"].text()
    assert "每天最多 1 条" in page.values["skipped"].toolTip()
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.campaign_id == 2 and not page.panel.is_sending(), timeout=10000)
    assert window.session.engine.info(2).counts == {NumberStatus.ACCEPTED: 3, NumberStatus.CAPPED: 5}
    assert len(simulator.accepted()) == 8
