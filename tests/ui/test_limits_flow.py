"""设置 → 发送限制 reaches the settings file, and 检查并发送 counts the numbers the frequency cap leaves out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gui.domain.budget import ResourcePack
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


def test_resource_packs_and_limits_are_saved_and_a_bad_row_is_named(qtbot) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    limits = page.limits
    limits.add_pack(1000, Decimal("50"), date(2026, 11, 1), date(2026, 11, 30))
    limits.per_campaign_limit.setValue(500)
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save_button.click()
    saved = load_settings()
    assert saved.packs == (ResourcePack(1000, Decimal("50"), date(2026, 11, 1), date(2026, 11, 30)),)
    assert saved.limit_per_campaign == 500 and saved.limit_per_day == 0
    limits.packs.setPlainText("1000, 50, 十一月一日, 2026-11-30")
    page.save_button.click()
    assert "资源包第 1 行看不懂" in page.save_status.text() and load_settings().packs == saved.packs


def test_review_leaves_out_numbers_over_the_cap_and_shows_the_packs_left(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    packs = (ResourcePack(10, Decimal("50"), date(2026, 11, 1), date(2026, 11, 30)),)
    save_settings(Settings(cap_per_day=1, cap_per_week=6, packs=packs))
    window = sandbox_window(qtbot, simulator)
    page = window.review
    page.confirm = lambda text: True
    page.confirm_repeat = lambda text: pytest.fail(f"asked about a repeat: {text}")
    compose_marketing(window, "周五上新")
    import_file(qtbot, window, write_workbook(tmp_path / "a.xlsx", numbers(5)))
    review(qtbot, window)
    # The pre-send checks finish on the pool after the plan: wait for them rather than race them.
    qtbot.waitUntil(lambda: "资源包余量 10 条，这次需要 5 条" in page.checks_label.text(), timeout=5000)
    page.send_button.click()
    qtbot.waitUntil(lambda: not page.panel.is_sending() and any(
        i.id == 1 and i.counts.get(NumberStatus.ACCEPTED) == 5 for i in window.session.engine.campaigns()), timeout=10000)

    window.show_step(0)
    compose_marketing(window, "周末特价")
    import_file(qtbot, window, write_workbook(tmp_path / "b.xlsx", numbers(8)))
    review(qtbot, window)
    page.refresh()  # the new list and text, planned again
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.recipients == 3, timeout=5000)
    qtbot.waitUntil(lambda: page.values["recipients"].text() == "3"
                    and "资源包余量 5 条，这次需要 3 条" in page.checks_label.text(), timeout=5000)
    assert "超过发送频率上限 5" in page.values["skipped"].text()
    assert "每天最多 1 条" in page.values["skipped"].toolTip()
    page.send_button.click()
    qtbot.waitUntil(lambda: not page.panel.is_sending() and any(
        i.id == 2 and i.counts.get(NumberStatus.ACCEPTED) == 3 for i in window.session.engine.campaigns()), timeout=10000)
    assert window.session.engine.info(2).counts == {NumberStatus.ACCEPTED: 3, NumberStatus.CAPPED: 5}
    assert len(simulator.accepted()) == 8
