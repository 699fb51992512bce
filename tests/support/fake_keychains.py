"""Stand-ins for the OS modules under keyring's Windows and macOS backends, so those real backend classes
run here: pywin32's win32cred/pywintypes (Credential Manager) and keyring's macOS `api` (Security framework).

Each behaves as its documentation says for the calls keyring makes, including the failures users meet:
Credential Manager with no logon session (error 1312: a service account or a remote shell) and a Keychain
that is locked or where the user clicked 拒绝 (errSecUserCanceled, -128).
"""

from __future__ import annotations

import types
from typing import Any

ERROR_NOT_FOUND = 1168
ERROR_NO_SUCH_LOGON_SESSION = 1312


class PywintypesError(Exception):
    """pywintypes.error as pywin32-ctypes defines it: (winerror, funcname, strerror), not an OSError."""

    def __init__(self, *args: Any) -> None:
        self.winerror, self.funcname, self.strerror = (*args, None, None, None)[:3]
        super().__init__(*args)


class FakeWin32Cred:
    """win32cred: CredRead/CredWrite/CredDelete on generic credentials, blobs returned as UTF-16 bytes."""

    CRED_TYPE_GENERIC = 1
    CRED_PERSIST_SESSION = 1
    CRED_PERSIST_LOCAL_MACHINE = 2
    CRED_PERSIST_ENTERPRISE = 3

    def __init__(self) -> None:
        self.vault: dict[str, dict[str, Any]] = {}
        self.no_logon_session = False

    def _check(self, function: str) -> None:
        if self.no_logon_session:
            raise PywintypesError(ERROR_NO_SUCH_LOGON_SESSION, function, "A specified logon session does not exist.")

    def CredRead(self, TargetName: str, Type: int, Flags: int = 0) -> dict[str, Any]:
        self._check("CredRead")
        if Type != self.CRED_TYPE_GENERIC or TargetName not in self.vault:
            raise PywintypesError(ERROR_NOT_FOUND, "CredRead", "Element not found.")
        stored = self.vault[TargetName]
        return {**stored, "CredentialBlob": stored["CredentialBlob"].encode("utf-16-le")}

    def CredWrite(self, Credential: dict[str, Any], Flags: int = 0) -> None:
        self._check("CredWrite")
        assert Credential["Type"] == self.CRED_TYPE_GENERIC and isinstance(Credential["CredentialBlob"], str)
        self.vault[Credential["TargetName"]] = dict(Credential)

    def CredDelete(self, TargetName: str, Type: int, Flags: int = 0) -> None:
        self._check("CredDelete")
        if TargetName not in self.vault:
            raise PywintypesError(ERROR_NOT_FOUND, "CredDelete", "Element not found.")
        del self.vault[TargetName]


def fake_macos_api() -> types.SimpleNamespace:
    """keyring.backends.macOS.api: generic passwords by (service, account); errors carry the OSStatus."""

    class Error(Exception):
        pass

    class NotFound(Error):
        pass

    class KeychainDenied(Error):
        pass

    class SecAuthFailure(Error):
        pass

    api = types.SimpleNamespace(Error=Error, NotFound=NotFound, KeychainDenied=KeychainDenied,
                                SecAuthFailure=SecAuthFailure, items={}, denied=False)

    def check() -> None:
        if api.denied:
            raise KeychainDenied(-128, "Keychain Access Denied")

    def find_generic_password(kc_name: Any, service: str, username: str, not_found_ok: bool = False) -> Any:
        check()
        if (service, username) not in api.items:
            if not_found_ok:
                return None
            raise NotFound(-25300, "Item not found")
        return api.items[(service, username)]

    def delete_generic_password(name: Any, service: str, username: str) -> None:
        check()
        if api.items.pop((service, username), None) is None:
            raise NotFound(-25300, "Item not found")

    def set_generic_password(name: Any, service: str, username: str, password: str) -> None:
        check()
        api.items[(service, username)] = password

    api.find_generic_password = find_generic_password
    api.delete_generic_password = delete_generic_password
    api.set_generic_password = set_generic_password
    return api
