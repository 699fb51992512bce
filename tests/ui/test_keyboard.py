"""Keyboard: Tab leaves every table, every button is reachable by Tab, Enter presses the focused button, and the
default button of each confirmation is the safe one. Also the suppression list's words and times."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QPushButton

from gui.services.recipients.suppression import SuppressionList
from gui.services.results.write_errors import ResultsNotWrittenError
from gui.ui import dialogs
from gui.ui.first_paint import first_paint_done
from gui.ui.main_window import MainWindow, WindowMode
from gui.ui.recipients.tools import SuppressionDialog, beijing_text
from gui.ui.results_file_dialog import RETRY, ask_when_not_written
from gui.ui.sending import confirm
from tests.support.ascii_words import foreign_words


def _window(qtbot) -> MainWindow:
    window = MainWindow(WindowMode(offer_sandbox=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: first_paint_done(window))  # keys are made keyboard-friendly right after the paint
    return window


def test_tab_leaves_every_table_and_reaches_every_button(qtbot) -> None:
    window = _window(qtbot)
    for index in range(window.pages.count()):
        window.show_step(index)
        page = window.pages.widget(index)
        for view in page.findChildren(QAbstractItemView):
            assert not view.tabKeyNavigation(), view.objectName()
        reached = set()
        start = window.sidebar
        start.setFocus()
        widget = start
        for _ in range(5000):
            widget = widget.nextInFocusChain()
            if widget is start:
                break
            reached.add(widget)
        for button in page.findChildren(QPushButton):
            if button.isVisibleTo(window):
                assert button in reached and button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.objectName()
                assert button.autoDefault(), button.objectName()  # Enter presses it when it has the focus


def test_tab_moves_out_of_the_invalid_numbers_table(qtbot) -> None:
    window = _window(qtbot)
    window.show_step(1)
    page = window.recipients
    page.load_text("13800000001\n12345\n99")
    qtbot.waitUntil(lambda: page.result is not None and not page.busy, timeout=5000)
    table = page.invalid_table
    assert table.model().rowCount() == 2
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_confirmations_default_to_the_safe_answer(qtbot) -> None:
    window = _window(qtbot)
    seen: list[str] = []

    def check_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, check_and_close)
            return
        assert box.escapeButton() is box.defaultButton()  # Esc gives the safe answer too
        words = [w for b in box.buttons() for w in foreign_words(b.text())] + foreign_words(box.windowTitle())
        assert words == [], words  # the buttons say what they do, in Chinese (not Yes / No)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default

    # All four go through gui.ui.dialogs.ask, so the rule is one function.
    for ask in (lambda: confirm.ask(window, "发送？"), lambda: confirm.ask_repeat(window, "再发一次？"),
                lambda: window.compose.library.confirm_delete("双十二"), window.ask_close_during_send):
        QTimer.singleShot(0, check_and_close)
        assert ask() is False
    assert seen == ["不发送", "不发送", "保留", "继续发送"]


def test_a_results_file_that_was_not_written_defaults_to_retry(qtbot, monkeypatch, tmp_path) -> None:
    boxes: list[QMessageBox] = []

    def enter(box: QMessageBox):
        boxes.append(box)
        return box.defaultButton()  # as if Enter were pressed

    monkeypatch.setattr(dialogs, "run", enter)
    window = _window(qtbot)
    answer = ask_when_not_written(window, ResultsNotWrittenError(tmp_path / "结果.xlsx", locked=True))
    assert answer == RETRY and boxes[0].defaultButton().text() == "重试"  # writes nothing twice, spends nothing


def test_suppression_list_shows_plain_reasons_in_beijing_time(qtbot, tmp_path) -> None:
    suppression = SuppressionList(tmp_path / "app.sqlite3")
    suppression.add(["13800000001"], reason="manual")  # as older versions stored it
    suppression.add(["13800000002"], reason="平台退订/黑名单 (PhoneNumberInBlacklist)")
    suppression.add(["13800000003"], reason="导入自 老客户.xlsx")  # SuppressionList.import_file's reason
    dialog = SuppressionDialog(suppression)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 3, timeout=5000)
    reasons = {dialog.model.text(r, 1) for r in range(3)}
    assert reasons == {"手动添加", "平台退订/黑名单", "导入自 老客户.xlsx"}
    assert not dialog.table.tabKeyNavigation()
    assert beijing_text(datetime(2026, 11, 29, 2, 30, tzinfo=UTC).isoformat()) == "2026-11-29 10:30"
    assert beijing_text("2026-11-29 10:30:15") == "2026-11-29 10:30"  # the database keeps Beijing time
