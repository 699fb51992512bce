"""Credentials in the keyring (in-memory backend here), the env fallback, and the fail-backend message."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from gui.services.config.credentials import (
    APPID_KEY,
    SECRET_KEY,
    SERVICE_NAME,
    Credentials,
    CredentialsError,
    backend_status,
    delete_credentials,
    friendly_backend_name,
    load_credentials,
    save_credentials,
)


def test_round_trip_in_the_keyring(memory_keyring) -> None:
    assert load_credentials() is None
    save_credentials(Credentials("wx5and60x0000000001", "密钥-secret-值"))
    assert memory_keyring.store[(SERVICE_NAME, SECRET_KEY)] == "密钥-secret-值"
    assert memory_keyring.store[(SERVICE_NAME, APPID_KEY)] == "wx5and60x0000000001"
    assert load_credentials() == Credentials("wx5and60x0000000001", "密钥-secret-值")
    delete_credentials()
    delete_credentials()  # deleting twice is fine
    assert load_credentials() is None


def test_nothing_is_written_to_the_config_dir(memory_keyring, tmp_path) -> None:
    save_credentials(Credentials("wx1", "do-not-write-me"))
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"do-not-write-me" not in path.read_bytes()


def test_environment_variables_for_headless_use(monkeypatch) -> None:
    monkeypatch.setenv("SMS_COMPOSER_APPID", "wxenv")
    monkeypatch.setenv("SMS_COMPOSER_APPSECRET", "env-secret")
    assert load_credentials() == Credentials("wxenv", "env-secret")


def test_keyring_wins_over_environment(monkeypatch) -> None:
    save_credentials(Credentials("wxkeyring", "kr-secret"))
    monkeypatch.setenv("SMS_COMPOSER_APPID", "wxenv")
    monkeypatch.setenv("SMS_COMPOSER_APPSECRET", "env-secret")
    assert load_credentials().appid == "wxkeyring"


def test_empty_values_are_refused() -> None:
    with pytest.raises(CredentialsError):
        save_credentials(Credentials("wx1", "  "))


def test_backend_status_reports_the_memory_backend() -> None:
    status = backend_status()
    assert status.usable
    assert "MemoryKeyring" in status.name
    assert "MemoryKeyring" not in status.message_zh  # the class name stays out of what the user reads
    assert "其他密码库" in status.message_zh and "another keyring" in status.message_en


@pytest.mark.parametrize(("name", "zh", "en"), [
    ("keyring.backends.Windows.WinVaultKeyring", "Windows 凭据管理器", "Windows Credential Manager"),
    ("keyring.backends.macOS.Keyring", "macOS 钥匙串", "macOS Keychain"),
    ("keyring.backends.SecretService.Keyring", "Linux 系统密钥环", "Linux Secret Service"),
    ("keyring.backends.libsecret.Keyring", "Linux 系统密钥环", "Linux Secret Service"),
    ("keyring.backends.kwallet.DBusKeyring", "KDE 钱包", "KWallet"),
    ("keyring.backends.null.Keyring", "无", "none"),
    ("tests.support.memory_keyring.MemoryKeyring", "其他密码库", "another keyring"),
])
def test_backends_have_names_a_user_knows(name: str, zh: str, en: str) -> None:
    assert friendly_backend_name(name, "zh") == zh
    assert friendly_backend_name(name, "en") == en


@pytest.fixture
def fail_backend():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_fail_backend_gives_a_clear_message_and_no_plaintext(fail_backend, tmp_path) -> None:
    status = backend_status()
    assert not status.usable
    assert "keyring.backends.fail.Keyring" in status.name
    assert "没有可用的系统密码库" in status.message_zh
    assert "gnome-keyring" in status.message_zh and "SMS_COMPOSER_APPSECRET" in status.message_zh
    assert "No usable system keyring" in status.message_en
    with pytest.raises(CredentialsError) as raised:
        save_credentials(Credentials("wx1", "never-in-a-file"))
    assert "明文" in raised.value.text("zh")
    with pytest.raises(CredentialsError):
        load_credentials()
    with pytest.raises(CredentialsError):
        delete_credentials()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"never-in-a-file" not in path.read_bytes()


def test_the_null_backend_is_not_taken_for_a_keyring(tmp_path) -> None:
    """It accepts every secret and forgets it: saving must fail loudly, not vanish on the next start."""
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        status = backend_status()
        assert not status.usable and "keyring.backends.null.Keyring" in status.name
        assert "没有可用的系统密码库" in status.message_zh
        with pytest.raises(CredentialsError) as raised:
            save_credentials(Credentials("wx1", "never-in-a-file"))
        assert "SMS_COMPOSER_APPSECRET" in raised.value.text("zh")
    finally:
        keyring.set_keyring(previous)


def test_fail_backend_with_environment_still_loads(fail_backend, monkeypatch) -> None:
    monkeypatch.setenv("SMS_COMPOSER_APPID", "wxenv")
    monkeypatch.setenv("SMS_COMPOSER_APPSECRET", "env-secret")
    assert load_credentials() == Credentials("wxenv", "env-secret")


def test_client_from_environment_uses_saved_credentials(monkeypatch, default_clock) -> None:
    from gui.services.api.client import client_from_environment
    from gui.services.simulator import Simulator, SimulatorConfig

    with Simulator(SimulatorConfig(clock=default_clock)) as sim:
        save_credentials(Credentials(sim.config.appid, sim.config.secret))
        monkeypatch.setenv("SMS_COMPOSER_API_BASE", sim.base_url)
        with client_from_environment() as client:
            assert client.base_url == sim.base_url
            assert "有效" in client.check_credentials().title_zh
        delete_credentials()
        with pytest.raises(CredentialsError):
            client_from_environment()
