"""Work is never lost: the draft, the list and the page come back after closing or a crash; a failed import
leaves no stale list; 调整列 only when there is something to adjust."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.domain.campaign import ParamSource
from gui.domain.sms_text import SmsType
from gui.services.drafts.session_state import load_state, session_path
from gui.ui.main_window import MainWindow, WindowMode
from tests.ui.send_support import import_file, numbers, wait_for_journal, write_workbook


def _window(qtbot) -> MainWindow:
    window = MainWindow(WindowMode(offer_sandbox=False))
    qtbot.addWidget(window)
    window.show()
    wait_for_journal(qtbot, window)
    return window


def _notification_draft(window: MainWindow) -> None:
    compose = window.compose
    compose.signature_edit.setText("云开发")
    qtbot_click = compose.notification_button
    qtbot_click.click()
    compose.notification.template_id_edit.setText("923584")
    compose.notification.template_edit.setPlainText("{1}您好，您购买的{2}已发货")
    compose.notification.set_param_sources([ParamSource(column="姓名"), ParamSource(literal="保温杯")])


def test_draft_list_and_page_survive_closing_and_reopening(qtbot, tmp_path) -> None:
    book = write_workbook(tmp_path / "客户名单.xlsx", numbers(5))
    window = _window(qtbot)
    import_file(qtbot, window, book)
    _notification_draft(window)
    window.show_step(2)
    window.review.name_edit.setText("发货通知 · 周五")
    window.review.name_edit.textEdited.emit("发货通知 · 周五")
    window.review._name_edited = True
    window.close()

    again = _window(qtbot)
    compose = again.compose
    assert compose.sms_type() == SmsType.NOTIFICATION
    assert compose.signature_edit.text() == "云开发"
    assert compose.notification.template_id_edit.text() == "923584"
    assert compose.notification.template_edit.toPlainText() == "{1}您好，您购买的{2}已发货"
    qtbot.waitUntil(lambda: again.recipients.result is not None and not again.recipients.busy, timeout=5000)
    assert compose.notification.param_sources() == (ParamSource(column="姓名"), ParamSource(literal="保温杯"))
    assert len(again.recipients.result.recipients) == 5
    assert again.pages.currentWidget() is again.review
    assert again.review.name_edit.text() == "发货通知 · 周五"
    qtbot.waitUntil(lambda: again.review.plan is not None, timeout=5000)
    assert again.review.values["source"].text() == "客户名单.xlsx"


def test_autosave_keeps_the_draft_through_a_crash(qtbot) -> None:
    window = _window(qtbot)
    window.compose.signature_edit.setText("云开发")
    window.compose.marketing.content_edit.setPlainText("双十二上新")
    # No close: the process could die now. The state is already on disk a moment after the change.
    qtbot.waitUntil(lambda: (load_state() or None) is not None
                    and load_state().draft.get("content") == "双十二上新", timeout=3000)
    assert not list(session_path().parent.glob(".session-*"))
    crashed_into = _window(qtbot)
    assert crashed_into.compose.marketing.content_edit.toPlainText() == "双十二上新"


def test_a_changed_or_vanished_list_file_is_said_on_reopening(qtbot, tmp_path) -> None:
    book = write_workbook(tmp_path / "客户名单.xlsx", numbers(3))
    window = _window(qtbot)
    import_file(qtbot, window, book)
    window.close()
    write_workbook(book, numbers(4))
    again = _window(qtbot)
    qtbot.waitUntil(lambda: again.recipients.result is not None and not again.recipients.busy, timeout=5000)
    assert "客户名单.xlsx 在上次导入后被改过" in again.recipients.summary.text()
    assert len(again.recipients.result.recipients) == 4
    again.close()
    book.unlink()
    third = _window(qtbot)
    assert third.recipients.result is None
    assert "找不到" in third.recipients.summary.text() and "客户名单.xlsx" in third.recipients.summary.text()


def test_a_failed_import_leaves_no_stale_list(qtbot, tmp_path) -> None:
    window = _window(qtbot)
    page = window.recipients
    assert not page.mapping_button.isEnabled()  # a fresh session has nothing to adjust
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(24)))
    assert page.mapping_button.isEnabled()
    bad = tmp_path / "没有手机号.csv"
    bad.write_text("姓名,城市\n张三,上海\n李四,北京\n", encoding="utf-8")
    page.load(bad)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert page.result is None and not page.mapping_button.isEnabled()
    text = page.summary.text()
    assert "导入 没有手机号.csv 失败，现在没有载入任何收件人" in text and "客户名单.xlsx" in text
    assert "调整列" not in text and "手动指定列" not in text
    window.show_step(2)
    assert "请先导入收件人" in window.review.checks_label.text() or "导入" in window.review.checks_label.text()
    assert not window.review.send_button.isEnabled()
    qtbot.mouseClick(window.review.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.engine is not None, timeout=10000)  # the journal opens on the pool
    assert window.session.engine.campaigns() == []


def test_a_damaged_workbook_is_explained_in_chinese_with_the_library_words_behind_details(qtbot, tmp_path) -> None:
    window = _window(qtbot)
    page = window.recipients
    broken = tmp_path / "客户名单.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    page.load(broken)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    text = page.summary.text()
    assert "文件已损坏" in text and "Zip" not in text and "EOCD" not in text and "zip" not in text
    assert page.details.isVisibleTo(page) and not page.details.text.isVisibleTo(page)
    page.details.toggle.click()
    assert page.details.text.isVisibleTo(page) and page.details.text.text().startswith("技术细节：")


def test_an_older_autosave_finishing_late_never_replaces_a_newer_state() -> None:
    """The autosave writes on the pool; the closing save writes at once. Whichever ends last, the newest stays."""
    from gui.services.drafts.session_state import SessionState
    from gui.ui.session_keeper import _Writes

    writes = _Writes()
    older, newer = writes.ticket(), writes.ticket()
    writes.write(SessionState(draft={"content": "新"}, recipients=None, page=2, name="新"), newer)
    writes.write(SessionState(draft={"content": "旧"}, recipients=None, page=1, name="旧"), older)
    state = load_state()
    assert state is not None and state.name == "新" and state.page == 2


def test_a_restored_list_is_read_again_after_the_first_paint(qtbot, tmp_path) -> None:
    book = write_workbook(tmp_path / "客户名单.xlsx", numbers(3))
    window = _window(qtbot)
    import_file(qtbot, window, book)
    window.show_step(0)  # closed on 内容: 收件人 is not the page to show first
    window.close()
    again = MainWindow(WindowMode(offer_sandbox=False))
    qtbot.addWidget(again)
    assert again.built_recipients() is None  # neither built nor reading a workbook before the window is painted
    again.show()
    qtbot.waitUntil(lambda: again.built_recipients() is not None and again.recipients.result is not None
                    and not again.recipients.busy, timeout=5000)
    assert len(again.recipients.result.recipients) == 3
    assert again.pages.currentWidget() is again.compose
