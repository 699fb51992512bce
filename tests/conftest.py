"""Test-wide isolation: offscreen Qt, a throwaway data/config dir, an in-memory keyring and a fixed clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from gui.domain.clock import ManualClock, SystemClock
from tests.support.clock import GUARD_CLOCKS, ROTATE, guard_clock
from tests.support.memory_keyring import MemoryKeyring


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock-at",
        default=ROTATE,
        help=f"where the app's default clock stands in every test: {ROTATE} (by test id), one of "
        f"{', '.join(GUARD_CLOCKS)}, or an ISO date-time in Beijing time",
    )


@pytest.fixture(autouse=True)
def default_clock(request, monkeypatch) -> ManualClock:
    """The app's real clock (`SystemClock`) replaced by a fixed Beijing moment that then runs on.

    No test may depend on the hour the suite happens to run at: the Marketing send window, dates and "today" all
    come from this clock, or from a `ManualClock` the test passes explicitly. Tests that start the command line in a
    child process hand it the same moment through `SMS_COMPOSER_CLOCK`.
    """
    clock = guard_clock(request.config.getoption("--clock-at"), request.node.nodeid)
    monkeypatch.setattr(SystemClock, "now", lambda self: clock.now())
    return clock


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Every test gets its own data and config folders; nothing touches the user's real ones."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("SMS_COMPOSER_DATA_DIR", str(data))
    monkeypatch.setenv("SMS_COMPOSER_CONFIG_DIR", str(config))
    monkeypatch.delenv("SMS_COMPOSER_APPID", raising=False)
    monkeypatch.delenv("SMS_COMPOSER_APPSECRET", raising=False)
    monkeypatch.delenv("SMS_COMPOSER_API_BASE", raising=False)
    monkeypatch.setenv("SMS_COMPOSER_LANG", "zh")
    return data


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """An in-memory keyring, set explicitly, so tests never reach the developer's real keychain.

    Tests marked `secretservice` keep the real default backend instead.
    """
    if request.node.get_closest_marker("secretservice"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
