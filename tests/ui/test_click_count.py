"""A newcomer's first Marketing campaign in the sandbox takes at most 12 clicks, counted one by one.

Launch, mini program name, content, path, the sample workbook, review, send, confirm, export. Every mouse click
counts 1 and a file dialog counts 2 (choose, save). Typing is not a click; Tab is never used.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import sandbox_window
from tests.ui.typing_helpers import type_text

MAX_CLICKS = 12


class Clicks:
    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.log: list[str] = []

    def click(self, widget: QWidget, what: str, pos=None) -> None:
        from PySide6.QtCore import Qt

        assert widget.isVisible() and widget.isEnabled(), what
        self.log.append(what)
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def step(self, window, index: int, what: str) -> None:
        sidebar = window.sidebar
        self.click(sidebar.viewport(), what, pos=sidebar.visualItemRect(sidebar.item(index)).center())

    def file_dialog(self, what: str) -> None:
        self.log += [what + " (choose)", what + " (save)"]


def test_first_marketing_campaign_takes_at_most_12_clicks(qtbot, simulator, tmp_path):  # noqa: F811
    clicks = Clicks(qtbot)
    window = sandbox_window(qtbot, simulator)
    compose = window.compose
    path_edit = compose.marketing.path_edit
    assert path_edit.text() == "" and path_edit.placeholderText().startswith("必填")  # a hint, not a value

    if not compose.signature_edit.text():
        clicks.click(compose.signature_edit, "小程序名称")
        type_text(qtbot, compose.signature_edit, "云开发")
    clicks.click(compose.marketing.content_edit.viewport(), "自定义内容")
    type_text(qtbot, compose.marketing.content_edit, "双十二上新")
    clicks.click(path_edit, "静态网站路径")
    type_text(qtbot, path_edit, "/index.html")

    clicks.step(window, 1, "收件人")
    clicks.click(window.recipients.use_sample_button, "用示例表格练习")
    qtbot.waitUntil(lambda: window.recipients.result is not None and not window.recipients.busy, timeout=5000)

    clicks.step(window, 2, "检查并发送")
    page = window.review
    qtbot.waitUntil(lambda: page.plan is not None and page.landing is not None and page.send_button.isEnabled(),
                    timeout=5000)
    assert page.values["source"].text() == "收件人示例.xlsx"

    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        assert box.defaultButton().text() == "不发送"  # Enter or Esc never sends
        send = next(b for b in box.buttons() if b.text() == "发送")
        answered.append(box.text())
        clicks.click(send, "确认发送")

    QTimer.singleShot(0, answer)
    clicks.click(page.send_button, "发送…")
    assert answered and "收件人示例.xlsx" in answered[0]
    qtbot.waitUntil(lambda: page.panel.last_result is not None and not page.panel.is_sending(), timeout=8000)

    out = tmp_path / "结果.xlsx"

    def save_as(suggested: str) -> str:
        clicks.file_dialog("导出结果")
        return str(out)

    page.after_send.export_path = save_as
    clicks.click(page.export_button, "导出结果…")
    qtbot.waitUntil(lambda: page.after_send.last_export is not None, timeout=5000)
    assert out.exists()
    assert len(clicks.log) <= MAX_CLICKS, clicks.log
    print(f"\nclicks: {len(clicks.log)}: {' → '.join(clicks.log)}")
