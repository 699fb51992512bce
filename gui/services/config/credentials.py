"""AppID and AppSecret in the OS keyring (never in a file); environment variables for headless use."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import keyring
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from gui.domain.errors import UserFacingError

SERVICE_NAME = "sms-campaign-composer"
APPID_KEY = "appid"
SECRET_KEY = "appsecret"
APPID_ENV = "SMS_COMPOSER_APPID"
SECRET_ENV = "SMS_COMPOSER_APPSECRET"

_FIX_ZH = (
    "软件不会把 AppSecret 以明文保存到文件里。请这样解决："
    "Windows 请确认“凭据管理器”服务可用；macOS 请解锁“钥匙串”；"
    "Linux 请安装并解锁 gnome-keyring 或 KWallet（需要登录的桌面会话）。"
    "在没有桌面的服务器上，可以用环境变量 SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET 提供凭证。"
)
_FIX_EN = (
    "The AppSecret is never stored in a plain file. To fix: on Windows make sure Credential Manager works; "
    "on macOS unlock the Keychain; on Linux install and unlock gnome-keyring or KWallet (needs a desktop session). "
    "On a headless machine, provide SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET as environment variables."
)


class CredentialsError(UserFacingError):
    """The credentials cannot be stored or read (no usable keyring, locked store…)."""

    code = "credentials_unavailable"


@dataclass(frozen=True)
class Credentials:
    """AppID + AppSecret; the secret never shows in repr."""

    appid: str
    secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(appid={self.appid!r}, secret=***)"

    __str__ = __repr__


@dataclass(frozen=True)
class BackendStatus:
    """Which keyring backend is in use and whether it works, with a message the settings page shows."""

    name: str
    usable: bool
    message_zh: str
    message_en: str


def _backend_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _stores_nothing(backend: object) -> bool:
    """The fail backend refuses; the null backend accepts and silently forgets (a saved secret would vanish)."""
    return isinstance(backend, fail.Keyring | null.Keyring)


def _store_errors() -> tuple[type[BaseException], ...]:
    """What a failing OS store raises: keyring's errors, OSError, and pywin32's `pywintypes.error`.

    The Windows backend lets Credential Manager failures (e.g. 1312, no logon session: a service account,
    a remote shell) through as pywintypes.error, which is neither a KeyringError nor an OSError.
    """
    windows = sys.modules.get("keyring.backends.Windows")
    error = getattr(getattr(windows, "pywintypes", None), "error", None)
    extra = (error,) if isinstance(error, type) and issubclass(error, BaseException) else ()
    return (KeyringError, OSError, *extra)


# Class names mean nothing to a user: the status bar and 设置 name the store as the system calls it.
_FRIENDLY_NAMES = (
    ("keyring.backends.Windows.", "Windows 凭据管理器", "Windows Credential Manager"),
    ("keyring.backends.macOS.", "macOS 钥匙串", "macOS Keychain"),
    ("keyring.backends.SecretService.", "Linux 系统密钥环", "Linux Secret Service"),
    ("keyring.backends.libsecret.", "Linux 系统密钥环", "Linux Secret Service"),
    ("keyring.backends.kwallet.", "KDE 钱包", "KWallet"),
    ("keyring.backends.null.", "无", "none"),
    ("keyring.backends.fail.", "无", "none"),
)


def friendly_backend_name(name: str, language: str = "zh") -> str:
    """"Windows 凭据管理器" for keyring.backends.Windows.WinVaultKeyring; an unknown backend is "其他密码库"."""
    for prefix, zh, en in _FRIENDLY_NAMES:
        if name.startswith(prefix):
            return zh if language == "zh" else en
    return "其他密码库" if language == "zh" else "another keyring"


def _unusable(name: str, detail: str) -> CredentialsError:
    return CredentialsError(
        # The backend's class name only in English detail and 设置's 详细信息.
        f"没有可用的系统密码库（当前：{friendly_backend_name(name, 'zh')}），无法安全地保存或读取接口凭证。",
        f"No usable system keyring (current: {friendly_backend_name(name, 'en')}); the credentials cannot be "
        f"stored or read safely. ({name}: {detail})",
        action_zh=_FIX_ZH,
        action_en=_FIX_EN,
    )


def backend_status() -> BackendStatus:
    """Probe the keyring once (a read of a key that need not exist); may block on a locked store."""
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    if _stores_nothing(backend):
        error = _unusable(name, "no backend that keeps secrets")
        return BackendStatus(name, False, error.text("zh"), error.text("en"))
    try:
        backend.get_password(SERVICE_NAME, APPID_KEY)
    except _store_errors() as exc:
        error = _unusable(name, type(exc).__name__)
        return BackendStatus(name, False, error.text("zh"), error.text("en"))
    return BackendStatus(
        name,
        True,
        f"接口凭证保存在系统密码库中（{friendly_backend_name(name, 'zh')}）。",
        f"Credentials are kept in the system keyring ({friendly_backend_name(name, 'en')}).",
    )


def _from_environment() -> Credentials | None:
    appid = os.environ.get(APPID_ENV, "").strip()
    secret = os.environ.get(SECRET_ENV, "").strip()
    return Credentials(appid, secret) if appid and secret else None


def load_credentials() -> Credentials | None:
    """The saved credentials; else the environment variables; else None.

    Raises CredentialsError when the keyring is unusable and the environment has none either.
    """
    try:
        appid = keyring.get_password(SERVICE_NAME, APPID_KEY)
        secret = keyring.get_password(SERVICE_NAME, SECRET_KEY)
    except _store_errors() as exc:
        from_env = _from_environment()
        if from_env is not None:
            return from_env
        raise _unusable(_backend_name(keyring.get_keyring()), type(exc).__name__) from None
    if appid and secret:
        return Credentials(appid, secret)
    return _from_environment()


def save_credentials(credentials: Credentials) -> None:
    """Store both values in the keyring; raises CredentialsError rather than falling back to a file."""
    if not credentials.appid.strip() or not credentials.secret.strip():
        raise CredentialsError(
            "AppID 和 AppSecret 都需要填写。",
            "Both the AppID and the AppSecret are required.",
            action_zh="请在微信公众平台 → 开发管理 → 开发设置 中找到它们。",
            action_en="Find them in MP admin → Development → Settings.",
            where="接口凭证",
        )
    if _stores_nothing(keyring.get_keyring()):
        raise _unusable(_backend_name(keyring.get_keyring()), "no backend that keeps secrets")
    try:
        keyring.set_password(SERVICE_NAME, APPID_KEY, credentials.appid.strip())
        keyring.set_password(SERVICE_NAME, SECRET_KEY, credentials.secret.strip())
    except _store_errors() as exc:
        raise _unusable(_backend_name(keyring.get_keyring()), type(exc).__name__) from None


def delete_credentials() -> None:
    """Remove both values; deleting what is not there is fine, a store that refuses is not."""
    try:
        for key in (APPID_KEY, SECRET_KEY):
            try:
                keyring.delete_password(SERVICE_NAME, key)
            except PasswordDeleteError as exc:
                # "Not there" comes bare (Windows, Secret Service) or from the Keychain's NotFound; any other
                # cause (a locked or denied Keychain) means the secret is still stored.
                cause = exc.__cause__
                if cause is not None and type(cause).__name__ != "NotFound":
                    raise
    except _store_errors() as exc:
        raise _unusable(_backend_name(keyring.get_keyring()), type(exc).__name__) from None
