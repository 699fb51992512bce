"""The main window in Chinese: the steps, the pages, the status bar (mode and keyring, fetched off-thread)."""

from __future__ import annotations

import threading

from gui.services.config import keyring_status
from gui.ui.main_window import MainWindow, WindowMode
from gui.ui.window_pages import PAGE_MODULES


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

    monkeypatch.setattr(keyring_status, "keyring_info", spy)  # looked up when the window asks, after its paint
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


def test_only_the_first_page_is_built_before_the_first_paint(qtbot) -> None:
    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    assert window.built(0) is window.compose
    assert [window.built(step) for step in range(1, 5)] == [None, None, None, None]
    assert window.pages.count() == 5  # placeholders keep the sidebar's rows and the pages' indices together
    window.show()
    # Right after the first paint the others are built, one per pass of the event loop.
    qtbot.waitUntil(lambda: all(window.built(step) is not None for step in range(5)), timeout=5000)
    assert [window.pages.widget(step) for step in range(5)] == [
        window.compose, window.recipients, window.review, window.history, window.settings_page]
    # Each page's module is imported a pass before the page is built: the list names every later page.
    assert sorted(PAGE_MODULES) == sorted(window._builders)


def test_a_step_clicked_before_its_page_exists_builds_and_shows_it(qtbot) -> None:
    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    window.sidebar.setCurrentRow(3)
    assert window.built(3) is not None and window.pages.currentWidget() is window.history
    assert window.built(1) is None  # the steps in between wait for their turn


def test_temp_files_of_killed_writes_are_removed_after_the_first_paint(qtbot, tmp_path) -> None:
    import os

    from gui.services.config.paths import config_dir, data_dir
    from gui.services.config.storage import STALE_SECONDS
    from gui.ui.first_paint import first_paint_done
    from gui.ui.workers import wait_for_background

    stale = [config_dir() / ".settings-killed.tmp", data_dir() / ".session-killed.tmp"]
    fresh = config_dir() / ".settings-writing.tmp"  # a write under way in another window: left alone
    for path in (*stale, fresh):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{", encoding="utf-8")
    old = fresh.stat().st_mtime - STALE_SECONDS - 60
    for path in stale:
        os.utime(path, (old, old))
    window = MainWindow(WindowMode(offer_sandbox=False))
    qtbot.addWidget(window)
    assert all(path.exists() for path in stale)  # not while the window is built
    window.show()
    qtbot.waitUntil(lambda: first_paint_done(window))
    assert wait_for_background(10000)
    assert [path.exists() for path in stale] == [False, False] and fresh.exists()
