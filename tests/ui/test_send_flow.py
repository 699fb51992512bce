"""The whole window flow against the simulator: compose, import, review, send with failures, pause/resume,
export into the workbook, reopen from history, copy as a draft; and closing the window during a send."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.sending.engine import Engine
from gui.services.sending.run_lock import RunLock
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)

BLACKLISTED = ("13800000003", "13800000011")


def _status_column(path):
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book["客户"]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    header = list(rows[0])
    return [(str(r[header.index("手机号")]), r[header.index("状态")]) for r in rows[1:]]


def test_compose_import_review_send_pause_resume_export_history(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    simulator.config.blacklist = set(BLACKLISTED)
    simulator.config.latency_ms = 60  # slow enough to pause between batches
    phones = numbers(20)
    workbook = write_workbook(tmp_path / "名单.xlsx", phones, extra=[["坏号码", "12345", "北京"],
                                                                  ["重复", phones[0], "北京"]])
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, workbook)
    assert "无效号码 1 个" in window.recipients.summary.text()

    review(qtbot, window, batch_size=4)
    page = window.review
    assert page.values["recipients"].text() == "20"
    assert page.values["batches"].text() == "5"
    assert "落地页可以打开" in page.checks_label.text()
    assert "发送时段" in page.checks_label.text()

    asked = []
    page.confirm = lambda text: asked.append(text) or True
    page.send_button.click()
    assert asked and "条" in asked[0] and "¥" in asked[0] and "20" in asked[0]
    panel = page.panel
    qtbot.waitUntil(lambda: panel.is_sending() and panel.pause_button.isEnabled(), timeout=5000)

    panel.pause_button.click()
    campaign_id = panel.campaign_id
    qtbot.waitUntil(lambda: window.session.engine.info(campaign_id).state == CampaignState.PAUSED, timeout=5000)
    assert panel.pause_button.text() == "继续"
    paused_counts = window.session.engine.info(campaign_id).counts
    assert paused_counts.get(NumberStatus.PENDING, 0) > 0  # it really stopped part-way
    panel.pause_button.click()
    qtbot.waitUntil(lambda: not panel.is_sending(), timeout=8000)

    result = panel.last_result
    assert result.state == CampaignState.DONE
    assert result.counts[NumberStatus.ACCEPTED] == 18
    assert result.counts[NumberStatus.FAILED] == 2
    model = panel.model
    assert model.status_of("+8613800000003") == NumberStatus.FAILED
    assert model.status_of("+8613800000000") == NumberStatus.ACCEPTED
    assert panel.progress_bar.value() == panel.progress_bar.maximum() == 20
    # Filter by status and search by number, through the proxy.
    panel.table.filter.setCurrentIndex(2)  # 发送失败 / 可稍后重试
    assert panel.table.proxy.rowCount() == 2
    panel.table.filter.setCurrentIndex(0)
    panel.table.search.setText("0011")
    assert panel.table.proxy.rowCount() == 1
    assert sorted(r.mobile for r in simulator.accepted()) == sorted(
        "+86" + p for p in phones if p not in BLACKLISTED)

    # 发送记录: the campaign, its numbers, the export and the copy as a draft.
    window.show_step(3)
    history = window.history
    # Several refreshes overlap (stored, finished, step opened); wait for the newest one's answer.
    qtbot.waitUntil(lambda: not history.loading and history.model.rowCount() == 1, timeout=5000)
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: not history.numbers_loading and history.numbers.model.rowCount() == 20, timeout=5000)
    assert history.model.text(0, 3) == "部分失败"  # 18 accepted, 2 failed
    assert history.model.text(0, 5) == "18"
    # The same campaign in both tables: its rows and numbers are held once, the statuses read back agree.
    assert history.numbers.model.keys.numbers is panel.model.keys.numbers
    assert history.numbers.model.status_of("+8613800000003") == NumberStatus.FAILED
    out = tmp_path / "结果.xlsx"
    history.export_path = lambda suggested: str(out)
    history.export_button.click()
    qtbot.waitUntil(lambda: history.last_export is not None, timeout=5000)
    statuses = _status_column(out)
    assert statuses[0] == ("13800000000", "已提交")
    assert statuses[3] == ("13800000003", "发送失败")
    assert [s for _, s in statuses].count("已提交") == 18
    assert statuses[-2][1] == "无效号码" and statuses[-1][1] == "重复号码"

    window.compose.marketing.content_edit.setPlainText("别的内容")
    history.buttons["copyDraftButton"].click()
    qtbot.waitUntil(lambda: window.compose.marketing.content_edit.toPlainText() == "能力上新", timeout=5000)
    assert window.pages.currentWidget() is window.compose


def test_close_during_send_hides_then_closes_after_the_worker_then_resume_sends_the_rest(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    simulator.config.latency_ms = 80
    phones = numbers(24, start=100)
    workbook = write_workbook(tmp_path / "名单.xlsx", phones)
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, workbook)
    review(qtbot, window, batch_size=2)
    page = window.review
    page.confirm = lambda text: True
    page.send_button.click()
    panel = page.panel
    qtbot.waitUntil(lambda: panel.is_sending() and panel.progress_bar.value() >= 2, timeout=5000)
    campaign_id = panel.campaign_id

    asked = []
    window.ask_close_during_send = lambda: asked.append(True) or False
    window.close()
    assert asked and window.isVisible() and panel.is_sending()  # "no" keeps sending

    window.ask_close_during_send = lambda: True
    with qtbot.waitSignal(window.closed, timeout=10000):
        window.close()
        assert not window.isVisible()  # hidden at once; nothing waits on the GUI thread
        assert panel.is_sending()  # the batch in flight finishes first
    # Closed for good only after the worker ended (its thread is deleted once finished).
    assert panel.send_thread is None and panel.last_result is not None
    with Engine(recover=False) as engine:
        info = engine.info(campaign_id)
        assert info.state == CampaignState.INTERRUPTED
        sent = info.counts.get(NumberStatus.ACCEPTED, 0)
        assert 0 < sent < 24 and info.counts.get(NumberStatus.PENDING, 0) == 24 - sent

    # Reopen: 发送记录 shows it interrupted; 继续发送 sends exactly the rest.
    simulator.config.latency_ms = 0
    window = sandbox_window(qtbot, simulator)
    window.show_step(3)
    history = window.history
    # Several refreshes overlap (stored, finished, step opened); wait for the newest one's answer.
    qtbot.waitUntil(lambda: not history.loading and history.model.rowCount() == 1, timeout=5000)
    history.table.selectRow(0)
    assert history.model.text(0, 3) == "已中断"
    assert history.buttons["resumeButton"].isEnabled()
    # While `sms-composer resume` is sending it in a terminal, 继续发送 here is refused and sends nothing.
    sent_before = len(simulator.accepted())
    with RunLock(window.session.engine.journal.path, campaign_id):
        history.buttons["resumeButton"].click()
        panel = window.review.panel
        qtbot.waitUntil(lambda: panel.last_result is not None, timeout=8000)
    assert panel.last_result.state == CampaignState.INTERRUPTED  # what the journal says; this window did nothing
    assert "正在另一个窗口或命令中进行" in panel.state_label.text()
    assert "没有发出任何短信" in panel.state_label.text()
    assert len(simulator.accepted()) == sent_before

    window.show_step(3)
    qtbot.waitUntil(lambda: not history.loading and history.model.rowCount() == 1, timeout=5000)
    history.table.selectRow(0)
    panel.last_result = None
    history.buttons["resumeButton"].click()
    assert window.pages.currentWidget() is window.review
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=8000)
    assert panel.last_result.counts == {NumberStatus.ACCEPTED: 24}
    mobiles = [r.mobile for r in simulator.accepted()]
    assert sorted(mobiles) == sorted("+86" + p for p in phones)  # each number exactly once
    assert panel.status_table.model().data(panel.status_table.model().index(0, 2), Qt.ItemDataRole.DisplayRole)
