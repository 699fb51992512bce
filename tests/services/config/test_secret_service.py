"""Against the real default keyring (Secret Service under dbus-run-session + gnome-keyring in CI)."""

from __future__ import annotations

import keyring
import pytest

from gui.services.config.credentials import (
    Credentials,
    backend_status,
    delete_credentials,
    load_credentials,
    save_credentials,
)

pytestmark = pytest.mark.secretservice


def test_real_backend_is_usable() -> None:
    status = backend_status()
    assert status.usable, status.message_en
    assert "fail" not in status.name
    assert "SecretService" in status.name or "keyring.backends" in status.name


def test_chinese_secret_round_trips() -> None:
    secret = "微信密钥-秘密-Ω-0123456789abcdef"
    try:
        save_credentials(Credentials("wx5and60x0000000001", secret))
        loaded = load_credentials()
        assert loaded == Credentials("wx5and60x0000000001", secret)
    finally:
        delete_credentials()
    assert load_credentials() is None
    assert keyring.get_password("sms-campaign-composer", "appsecret") is None
