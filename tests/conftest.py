"""Test-wide isolation: offscreen Qt, a throwaway data/config dir, and an in-memory keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring


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
