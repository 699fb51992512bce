"""Every word Chinese: walk every page and dialog of the zh_CN window — with a list imported, a finished send and
history, the Notification form, the 退订名单, 调整列, 粘贴号码, a damaged workbook, the file dialog, the send confirmation, and the
live window without credentials — and fail on any visible ASCII word that is not a unit, product or format name,
URL, path or file name (tests/support/ascii_words.py). Labels, buttons, group titles, placeholders, tooltips,
window titles, combo items, table headers and cells are all read (tests/ui/visible_text.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from gui.domain.sms_text import SmsType
from gui.ui.recipients.tools import PasteDialog
from tests.support.ascii_words import foreign_words
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)
from tests.ui.visible_text import offenders

# Data the test itself put on screen (environment IDs, the sheet's name), not UI wording; "English" names itself
# in the language choice.
DATA_WORDS = {"sandbox-env", "prod-123", "Sheet", "English"}


def test_the_checker_flags_english_and_lets_names_urls_and_files_pass() -> None:
    assert foreign_words("resource_appid") == ["resource_appid"]
    assert foreign_words("缺少静态网站路径（path）。") == ["path"]
    assert foreign_words("密钥环：WinVaultKeyring") == ["WinVaultKeyring"]
    assert foreign_words("Look in:") == ["Look", "in"]
    assert foreign_words("落地页可以打开：http://127.0.0.1:4000/index.html") == []
    assert foreign_words("客户名单.xlsx：请用 Excel 或 WPS 打开后另存为 .xlsx") == []
    assert foreign_words("打开(&O) · 环境ID · AppID") == []


def _look(root, step: str, found: list, allowed: set[str] = DATA_WORDS) -> None:
    QApplication.processEvents()
    found.extend((step, *problem) for problem in offenders(root, allowed))


def test_every_page_and_dialog_reads_chinese(qtbot, simulator, tmp_path: Path) -> None:  # noqa: F811
    simulator.config.blacklist = {"13800000001"}  # the send adds it to the 退订名单 with the platform's reason
    window = sandbox_window(qtbot, simulator)
    window.resize(1366, 768)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", numbers(4), extra=[["坏", "123", "北京"]]))
    found: list = []
    for step in (0, 1, 4):
        window.show_step(step)
        _look(window, f"step {step}", found)
    review(qtbot, window, batch_size=2)
    _look(window, "review", found)
    page = window.review
    box = QMessageBox(QMessageBox.Icon.Question, "确认发送", page.confirmation_text(),
                      QMessageBox.StandardButton.NoButton, window)
    box.show()
    _look(box, "confirmation", found)
    box.close()
    page.confirm = lambda text: True
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.last_result is not None and not page.panel.is_sending(), timeout=10000)
    _look(window, "send finished", found)
    window.show_step(3)
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0 and not history.loading, timeout=5000)
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: history.numbers.model.rowCount() > 0, timeout=5000)
    _look(window, "history", found)
    window.compose.set_sms_type(SmsType.NOTIFICATION)
    window.show_step(0)
    _look(window, "notification", found)

    # The 退订名单: a number added by hand and one the platform reported; reasons and times in plain Chinese.
    window.show_step(1)
    window.recipients.open_suppression()
    dialog = window.recipients.suppression_dialog
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 1, timeout=5000)
    dialog.number_edit.setText("13900000000")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 2, timeout=5000)
    assert {dialog.model.text(r, 1) for r in range(2)} == {"手动添加", "平台退订/黑名单"}
    _look(dialog, "suppression", found)
    dialog.close()

    # The column mapping (shown for a guessed column, or by 调整列) and the paste dialog.
    window.recipients.show_mapping()
    _look(window.recipients.mapping, "调整列", found)
    paste = PasteDialog(window)
    paste.show()
    _look(paste, "粘贴号码", found)
    paste.close()

    # A damaged workbook: plain Chinese, the reader's own words only behind 详细信息.
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip archive")
    recipients = window.recipients
    recipients.load(broken)
    qtbot.waitUntil(lambda: not recipients.busy, timeout=5000)
    assert "文件已损坏" in recipients.summary.text()
    _look(window, "damaged workbook", found)
    assert recipients.details.isVisible() and not recipients.details.text.isVisible()
    recipients.details.toggle.click()
    assert recipients.details.text.isVisible() and recipients.details.text.text()
    assert found == [], "\n".join(map(str, found))


def test_qt_file_dialog_is_chinese(qtbot, tmp_path: Path) -> None:
    (tmp_path / "客户名单.xlsx").write_bytes(b"")
    dialog = QFileDialog(None, "打开文件", str(tmp_path), "表格 (*.xlsx *.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert offenders(dialog, {Path.home().name}) == []  # the home folder in the sidebar is the user's name


def test_the_live_window_without_credentials_is_chinese(qtbot) -> None:
    """Live mode, nothing saved yet: the 练习模式 offer, the keyring line in 设置 and the status bar."""
    from gui.ui.main_window import MainWindow, WindowMode

    window = MainWindow(WindowMode(env_id="prod-123"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.keyring is not None and window.offer.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "检查中" not in window.settings_page.backend_label.text(), timeout=5000)
    found: list = []
    for step in range(5):
        window.show_step(step)
        _look(window, f"live step {step}", found)
    assert found == [], "\n".join(map(str, found))
    assert window.keyring_label.text() == "密钥环：其他密码库"  # the test keyring; never its class name
