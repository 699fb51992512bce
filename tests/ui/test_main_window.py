"""The main window in Chinese: the steps, the pages, the status bar (mode and keyring, fetched off-thread)."""

from __future__ import annotations

import threading

from gui.services.config import keyring_status
from gui.ui.main_window import MainWindow, WindowMode


def test_window_is_chinese_with_five_steps(qtbot) -> None:
    window = MainWindow(WindowMode(env_id="prod-123"))
    qtbot.addWidget(window)
    window.show()
    steps = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert steps == ["内容", "收件人", "检查并发送", "发送记录", "设置"]
    assert window.pages.count() == 5
    assert window.mode_label.text() == "正式发送 · 环境ID prod-123"
    assert window.compose.marketing_button.text() == "营销短信"
    window.sidebar.setCurrentRow(1)
    assert window.pages.currentWidget() is window.recipients


def test_keyring_backend_is_fetched_off_the_gui_thread(qtbot, monkeypatch) -> None:
    threads = []
    real = keyring_status.keyring_info

    def spy():
        threads.append(threading.current_thread())
        return real()

    monkeypatch.setattr("gui.ui.main_window.keyring_info", spy)
    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    assert window.keyring_label.text() == "密钥环：检查中…"
    qtbot.waitUntil(lambda: window.keyring is not None, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    assert window.keyring.usable
    assert window.keyring_label.text().startswith("密钥环：")
    assert window.keyring_label.text() == "密钥环：其他密码库"  # the test keyring: never its class name
    assert "MemoryKeyring" in window.keyring.name
    assert window.mode_label.text() == "正式发送 · 环境ID 未设置"


def test_sandbox_mode_shows_the_banner(qtbot) -> None:
    window = MainWindow(WindowMode(sandbox=True, env_id="sandbox-env"))
    qtbot.addWidget(window)
    window.show()
    assert window.mode_label.text() == "练习模式 · 环境ID sandbox-env"
    banner = window.findChild(type(window.mode_label), "sandboxBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith("练习模式")
    assert "练习模式" in window.windowTitle()
