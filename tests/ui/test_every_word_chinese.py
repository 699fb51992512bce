"""Every word Chinese: walk every page and dialog of the zh_CN window (with a list imported and a campaign sent) and
fail on any visible ASCII word that is not a unit, product name, URL or one of the few allowed technical words."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from gui.services.recipients.suppression import SuppressionList
from gui.ui.recipients.tools import PasteDialog, SuppressionDialog
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)

ALLOWED = {
    "AppID", "AppSecret", "ID", "Excel", "CSV", "PDF", "English", "Windows", "macOS", "Linux", "KWallet", "gnome",
    "keyring", "SMS_COMPOSER_APPID", "SMS_COMPOSER_APPSECRET", "XXXXXXXX",
}
# URLs, domains, file names and paths are allowed as they are: the user types or opens them.
TAGS = re.compile(r"<[^>]+>|&\w+;")
NOT_WORDS = re.compile(r"https?://\S+|[\w.-]+\.(?:cn|com|html?|xlsx|xls|csv|txt|json)\b\S*|/[\w./?=&-]+|\*\.\w+")
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QLineEdit):
            found.append((name, widget.placeholderText()))
        if isinstance(widget, QComboBox):
            found += [(name, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            found += [(name, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(widget.horizontalHeader().count())]
            for row in range(min(model.rowCount(QModelIndex()), 5)):
                found += [(name, str(model.index(row, c).data() or "")) for c in range(widget.horizontalHeader().count())]
        if widget.toolTip():
            found.append((name + ".toolTip", widget.toolTip()))
    return found


def english_words(root: QWidget, data: tuple[str, ...] = ()) -> list[tuple[str, str, list[str]]]:
    """`data`: values the user or the sandbox supplied (an environment ID), shown as they are."""
    bad = []
    for name, text in visible_texts(root):
        plain = TAGS.sub(" ", text.replace("\u200b", ""))
        for value in data:
            plain = plain.replace(value, " ")
        words = [w for w in WORD.findall(NOT_WORDS.sub(" ", plain)) if w not in ALLOWED]
        if words:
            bad.append((name, text[:100], words))
    return bad


def test_every_page_and_dialog_reads_chinese(qtbot, simulator, tmp_path):  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "客户名单.xlsx", [*numbers(3), "12345"]))
    review(qtbot, window)
    page = window.review
    page.confirm = lambda text: True
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.last_result is not None and not page.is_sending(), timeout=8000)
    bad = []
    for index in range(window.pages.count()):
        window.show_step(index)
        qtbot.wait(50)
        bad += [(index, *entry) for entry in english_words(window, (window.context.campaign_env(),))]
    dialog = SuppressionDialog(SuppressionList(tmp_path / "s.db"), window)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    bad += [("退订名单", *entry) for entry in english_words(dialog)]
    files = QFileDialog(window, "打开", str(tmp_path), "表格 (*.xlsx)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.show()
    bad += [("文件对话框", *entry) for entry in english_words(files)]
    box = QMessageBox(QMessageBox.Icon.Question, "确认", page.confirmation_text(), QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No, window)
    box.show()
    bad += [("确认框", *entry) for entry in english_words(box)]
    # The column mapping (shown for a guessed column, or by 调整列) and the paste dialog.
    window.show_step(1)
    window.recipients.show_mapping()
    bad += [("调整列", *entry) for entry in english_words(window.recipients.mapping)]
    paste = PasteDialog(window)
    paste.show()
    bad += [("粘贴号码", *entry) for entry in english_words(paste)]
    paste.close()
    files.close()
    box.close()
    dialog.close()
    assert not bad, "\n".join(map(str, bad))
