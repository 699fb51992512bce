"""The credentials code on keyring's real Windows and macOS backend classes, their OS modules stood in for."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import Windows as windows_backend
from keyring.backends import macOS as macos_backend

from gui.services.config.credentials import (
    APPID_KEY,
    SECRET_KEY,
    SERVICE_NAME,
    Credentials,
    CredentialsError,
    backend_status,
    delete_credentials,
    load_credentials,
    save_credentials,
)
from gui.services.config.keyring_status import keyring_info, short_backend_name
from tests.support.fake_keychains import FakeWin32Cred, PywintypesError, fake_macos_api

CREDENTIALS = Credentials("wx5and60x0000000001", "密钥-secret-值🔑")


@pytest.fixture
def credential_manager(monkeypatch) -> FakeWin32Cred:
    """keyring's WinVaultKeyring on a stand-in Credential Manager."""
    win32cred = FakeWin32Cred()
    monkeypatch.setattr(windows_backend, "win32cred", win32cred, raising=False)
    monkeypatch.setattr(windows_backend, "pywintypes", type("pywintypes", (), {"error": PywintypesError}),
                        raising=False)
    keyring.set_keyring(windows_backend.WinVaultKeyring())
    return win32cred


@pytest.fixture
def keychain(monkeypatch):
    """keyring's macOS Keyring on a stand-in Security framework."""
    api = fake_macos_api()
    monkeypatch.setattr(macos_backend, "api", api, raising=False)
    monkeypatch.delenv("KEYCHAIN_PATH", raising=False)
    keyring.set_keyring(macos_backend.Keyring())
    return api


def test_windows_round_trip(credential_manager) -> None:
    assert load_credentials() is None
    save_credentials(CREDENTIALS)
    assert credential_manager.vault[SERVICE_NAME]["UserName"] in (APPID_KEY, SECRET_KEY)
    assert load_credentials() == CREDENTIALS
    status = backend_status()
    assert status.usable and status.name == "keyring.backends.Windows.WinVaultKeyring"
    delete_credentials()
    delete_credentials()  # nothing there any more: fine
    assert load_credentials() is None and credential_manager.vault == {}


def test_windows_without_a_logon_session_explains_instead_of_crashing(credential_manager, monkeypatch) -> None:
    credential_manager.no_logon_session = True
    status = backend_status()
    assert not status.usable and "凭据管理器" in status.message_zh and "PywintypesError" in status.message_en
    with pytest.raises(CredentialsError, match="No usable system keyring"):
        save_credentials(CREDENTIALS)
    with pytest.raises(CredentialsError):
        load_credentials()
    with pytest.raises(CredentialsError):
        delete_credentials()
    monkeypatch.setenv("SMS_COMPOSER_APPID", "wxenv")
    monkeypatch.setenv("SMS_COMPOSER_APPSECRET", "env-secret")
    assert load_credentials() == Credentials("wxenv", "env-secret")  # the headless fallback still works


def test_macos_round_trip(keychain) -> None:
    assert load_credentials() is None
    save_credentials(CREDENTIALS)
    assert keychain.items[(SERVICE_NAME, SECRET_KEY)] == CREDENTIALS.secret
    assert load_credentials() == CREDENTIALS
    info = keyring_info()
    assert info.usable and short_backend_name(info.name) == "macOS"
    delete_credentials()
    delete_credentials()
    assert keychain.items == {}


def test_a_denied_keychain_is_reported_and_a_delete_is_not_pretended(keychain) -> None:
    save_credentials(CREDENTIALS)
    keychain.denied = True  # locked, or the user clicked 拒绝 in the Keychain prompt
    status = backend_status()
    assert not status.usable and "钥匙串" in status.message_zh
    with pytest.raises(CredentialsError):
        load_credentials()
    with pytest.raises(CredentialsError):
        delete_credentials()  # the secret is still in the Keychain: saying "deleted" would be false
    keychain.denied = False
    assert load_credentials() == CREDENTIALS
