"""The window never sends the same campaign twice by accident: 发送… becomes 查看发送记录 / 导出结果 after a send,
a double click sends once, and a repeat of an earlier campaign needs its own question (不发送 by default)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)


def _sent_once(simulator) -> Counter:  # noqa: F811
    return Counter(Counter(r.mobile for r in simulator.accepted()).values())


def _finished(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.panel.last_result is not None and not page.panel.is_sending(), timeout=8000)


def test_double_click_sends_once_and_then_send_becomes_results_and_export(qtbot, simulator, tmp_path):  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(24)))
    review(qtbot, window)
    page = window.review
    assert page.name_edit.text().startswith("营销短信 · ") and page.name_edit.text().endswith(" · 客户名单.xlsx")
    assert page.values["source"].text() == "客户名单.xlsx"
    asked: list[str] = []
    page.confirm = lambda text: asked.append(text) or True
    qtbot.mouseDClick(page.send_button, Qt.MouseButton.LeftButton)
    page.send()  # and a third press for good measure
    _finished(qtbot, page)
    assert len(asked) == 1 and "客户名单.xlsx" in asked[0]
    assert len(window.session.engine.campaigns()) == 1 and _sent_once(simulator) == Counter({1: 24})

    # Finished: the same campaign cannot be started again from here, even after re-checking.
    page.refresh()
    qtbot.waitUntil(lambda: page.plan is not None, timeout=5000)
    assert page.send_button.isHidden() and page.history_button.isVisible() and page.export_button.isEnabled()
    page.send()
    assert len(asked) == 1 and len(window.session.engine.campaigns()) == 1
    out = tmp_path / "结果.xlsx"
    page.after_send.export_path = lambda suggested: str(out)
    page.export_button.click()
    qtbot.waitUntil(lambda: page.after_send.last_export is not None, timeout=5000)
    assert out.exists()
    page.history_button.click()
    assert window.pages.currentWidget() is window.history and window.history.selected_id == page._sent_id

    # A different text is a different campaign: 发送… is back.
    window.compose.marketing.content_edit.setPlainText("双十二上新")
    review(qtbot, window)
    assert page.send_button.isVisible() and not page.history_button.isVisible() and page.repeat is None


def test_a_repeat_of_an_earlier_campaign_asks_separately_and_not_sending_is_the_answer(
    qtbot, simulator, tmp_path  # noqa: F811
):
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(6)))
    review(qtbot, window)
    page = window.review
    page.confirm = lambda text: True
    page.send_button.click()
    _finished(qtbot, page)
    first = window.session.engine.campaigns()[0]
    page._sent_id = None  # as after reopening the app the next day: the page no longer remembers the send
    page.refresh()
    qtbot.waitUntil(lambda: page.plan is not None and page.landing is not None, timeout=5000)
    assert page.repeat is not None and "完全相同" in page.checks_label.text()
    questions: list[str] = []
    page.confirm_repeat = lambda text: questions.append(text) or False
    page.send_button.click()
    assert len(questions) == 1
    assert first.name in questions[0] and first.created_at[:16] in questions[0]
    assert "6 个号码" in questions[0] and "¥0.30" in questions[0]
    assert "没有发出任何短信" in page.action_note.text()
    assert len(window.session.engine.campaigns()) == 1 and _sent_once(simulator) == Counter({1: 6})

    page.confirm_repeat = lambda text: True
    page.send_button.click()
    qtbot.waitUntil(lambda: len(window.session.engine.campaigns()) == 2, timeout=5000)
    second = window.session.engine.campaigns()[0].id
    qtbot.waitUntil(lambda: page.panel.last_result is not None and page.panel.last_result.campaign_id == second
                    and not page.panel.is_sending(), timeout=8000)


def test_enter_on_the_focused_send_button_sends(qtbot, simulator, tmp_path):  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(3)))
    review(qtbot, window)
    page = window.review
    asked: list[str] = []
    page.confirm = lambda text: asked.append(text) or False
    page.send_button.setFocus()
    qtbot.keyClick(page.send_button, Qt.Key.Key_Return)
    assert len(asked) == 1
