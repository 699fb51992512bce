"""The 设置 page against the simulator (keyring and HTTP off the GUI thread) and the 收件人 import report."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gui.services.config import credentials
from gui.services.config.settings import load_settings
from gui.ui.main_window import MainWindow, WindowMode
from gui.ui.recipients.page import RecipientsPage
from gui.ui.settings.page import SettingsPage
from tests.support.simulator import simulator  # noqa: F401


def test_settings_save_reaches_file_and_compose_defaults(qtbot) -> None:
    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    page = window.settings_page
    assert isinstance(page, SettingsPage)
    page.env_edit.setText("prod-1a2b")
    page.name_edit.setText("云开发")
    page.short_edit.setText("云")
    page.test_numbers_edit.setText("13800138000， 13900139000")
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save_button.click()
    saved = load_settings()
    assert saved.env_id == "prod-1a2b" and saved.mini_program_name == "云开发"
    assert tuple(saved.test_numbers) == ("13800138000", "13900139000")
    assert page.save_status.text() == "已保存。"
    assert window.compose.signature_edit.text() == "云开发"
    assert window.mode_label.text() == "正式发送 · 环境ID prod-1a2b"


def test_credentials_saved_in_keyring_off_thread(qtbot, memory_keyring) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    page.appid_edit.setText("wx1234567890abcdef")
    page.secret_edit.setText("s3cret-value")
    page.save_credentials_button.click()
    qtbot.waitUntil(lambda: page.credential_result.text() == "接口凭证已保存到系统密钥环。", timeout=5000)
    loaded = credentials.load_credentials()
    assert loaded is not None and loaded.appid == "wx1234567890abcdef" and loaded.secret == "s3cret-value"
    qtbot.waitUntil(lambda: page.backend_label.text() == "接口凭证保存在系统密码库中（其他密码库）。", timeout=5000)
    assert "MemoryKeyring" in page.backend_details.text.text()  # the class name only behind 详细信息


def test_check_credentials_shows_the_ip_explanation(qtbot, simulator) -> None:  # noqa: F811
    simulator.config.ip_whitelist = {"198.51.100.1"}
    page = SettingsPage()
    qtbot.addWidget(page)
    page.appid_edit.setText(simulator.config.appid)
    page.secret_edit.setText(simulator.config.secret)
    page.api_base_edit.setText(simulator.base_url)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10000)
    assert "203.0.113.7" in page.credential_result.text()
    simulator.config.ip_whitelist = None
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10000)
    assert "203.0.113.7" not in page.credential_result.text()
    assert page.credential_result.text()


def write_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号"])
    sheet.append(["张三", "13800138000"])
    sheet.append(["李四", "1380013800"])  # one digit short
    sheet.append(["王五", "13800138000"])  # duplicate of row 2
    sheet.append(["赵六", "+86 139 0013 9000"])
    book.save(path)
    return path


def test_import_shows_report_and_invalid_rows(qtbot, tmp_path) -> None:
    page = RecipientsPage()
    qtbot.addWidget(page)
    assert page.findChild(type(page.import_button), "importButton") is page.import_button
    with qtbot.waitSignal(page.imported, timeout=10000) as blocker:
        page.load(write_workbook(tmp_path / "客户.xlsx"))
    result = blocker.args[0]
    assert len(result.recipients) == 2
    report = page.findChild(type(page.report), "recipientsReport")
    assert report is page.report
    assert "可发送 2 个号码" in page.summary.text()
    assert "无效号码 1 个 · 重复号码 1 个" in page.summary.text()
    table = page.invalid_model
    assert page.invalid_table.model() is table
    assert table.rowCount() == 1
    assert table.text(0, 0) == "3" and table.text(0, 1) == "1380013800"
    assert table.text(0, 2)  # the reason, in Chinese from the importer
    # The duplicate is listed too: its row, the row it repeats and the number.
    duplicates = page.duplicate_model
    assert not page.duplicate_table.isHidden() and duplicates.rowCount() == 1
    assert [duplicates.text(0, c) for c in range(3)] == ["4", "2", "+8613800138000"]


def test_unreadable_file_is_explained_not_crashed(qtbot, tmp_path) -> None:
    page = RecipientsPage()
    qtbot.addWidget(page)
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"this is not a workbook")
    page.load(bad)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.result is None
    assert "坏文件.xlsx" in page.summary.text()
    assert "Traceback" not in page.summary.text()
