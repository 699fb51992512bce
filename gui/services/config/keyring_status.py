"""Which keyring stores the AppSecret, and whether it works — a blocking call, run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from gui.services.config.credentials import backend_status


@dataclass(frozen=True)
class KeyringInfo:
    name: str
    usable: bool
    message_zh: str
    message_en: str


def keyring_info() -> KeyringInfo:
    """The credentials module's `backend_status()`, for the status bar.

    Blocking (Secret Service / KWallet may take seconds): call it from a worker, never at start-up on
    the GUI thread.
    """
    status = backend_status()
    return KeyringInfo(status.name, bool(status.usable), status.message_zh, status.message_en)


def short_backend_name(name: str) -> str:
    """A readable backend name for the status bar: "SecretService" for keyring.backends.SecretService.Keyring."""
    parts = [part for part in name.split(".") if part]
    if len(parts) > 1 and parts[-1] == "Keyring":
        return parts[-2]
    return parts[-1] if parts else name
