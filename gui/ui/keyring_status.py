"""Which keyring stores the AppSecret, and whether it works — a blocking call, run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyringInfo:
    name: str
    usable: bool
    message_zh: str
    message_en: str


def keyring_info() -> KeyringInfo:
    """The credentials module's `backend_status()` when present, else a direct look at `keyring`.

    Blocking (Secret Service / KWallet may take seconds): call it from a worker, never at start-up on
    the GUI thread.
    """
    try:
        from gui.services.credentials import backend_status
    except ImportError:
        backend_status = None
    if backend_status is not None:
        status = backend_status()
        return KeyringInfo(status.name, bool(status.usable), status.message_zh, status.message_en)
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    name = type(backend).__name__
    if isinstance(backend, fail.Keyring):
        return KeyringInfo(name, False, "没有可用的系统密钥环，无法保存 AppSecret。",
                           "No usable system keyring; the AppSecret cannot be saved.")
    return KeyringInfo(name, True, f"AppSecret 保存在系统密钥环（{name}）。",
                       f"The AppSecret is kept in the system keyring ({name}).")


def short_backend_name(name: str) -> str:
    """A readable backend name for the status bar: "SecretService" for keyring.backends.SecretService.Keyring."""
    parts = [part for part in name.split(".") if part]
    if len(parts) > 1 and parts[-1] == "Keyring":
        return parts[-2]
    return parts[-1] if parts else name
