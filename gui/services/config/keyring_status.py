"""Which keyring stores the AppSecret, and whether it works — a blocking call, run off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keyring loads on the worker that asks, never at start-up
    from gui.services.config.credentials import BackendStatus


def keyring_info() -> BackendStatus:
    """The credentials module's `backend_status()`, for the status bar and the 设置 page.

    Blocking (Secret Service / KWallet may take seconds): call it from a worker, never at start-up on
    the GUI thread.
    """
    from gui.services.config.credentials import backend_status  # keyring loads here, on the worker

    return backend_status()


def short_backend_name(name: str) -> str:
    """A readable backend name for the status bar: "SecretService" for keyring.backends.SecretService.Keyring."""
    parts = [part for part in name.split(".") if part]
    if len(parts) > 1 and parts[-1] == "Keyring":
        return parts[-2]
    return parts[-1] if parts else name
