"""Window tests run in Chinese, as the product does by default: install the translators once per session."""

from __future__ import annotations

import time

import pytest

from gui.ui.first_paint import first_paint_pending
from gui.ui.i18n import CHINESE, install_translators
from gui.ui.workers import wait_for_background


@pytest.fixture(scope="session", autouse=True)
def chinese_translators(qapp):
    status = install_translators(qapp, CHINESE)
    yield status


@pytest.fixture(autouse=True)
def drain_pool(qapp):
    """No pool task (keyring, import) and no start-up work of a window (it runs a step per pass of the event loop
    after the first paint) may outlive its test, to call into a deleted widget or read the next test's folders."""
    yield
    deadline = time.monotonic() + 10
    while any(first_paint_pending(widget) for widget in qapp.topLevelWidgets()) and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.001)
    assert wait_for_background(10000)
    qapp.processEvents()



def pytest_collection_modifyitems(items):
    # The offscreen platform plugin itself warns when a top-level window has size constraints; that is
    # the test platform talking, not the app. Every other Qt warning still fails the test.
    marker = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(marker)
