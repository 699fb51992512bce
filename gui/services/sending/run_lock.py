"""One run per campaign across windows and commands: an OS file lock that the system drops when its process dies."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Protocol, cast

from gui.domain.errors import UserFacingError


class CampaignBusyError(UserFacingError):
    """Another window or command is sending this campaign right now."""

    code = "campaign_busy"

    def __init__(self, campaign_id: int) -> None:
        super().__init__(
            f"编号 {campaign_id} 的发送正在另一个窗口或命令中进行，不能同时再发一次。",
            f"Campaign {campaign_id} is being sent by another window or command; it cannot run twice at once.",
            action_zh="没有发出任何短信。请在那边查看进度；那边发送结束或取消后，才能在这里继续。",
            action_en="Nothing was sent. Follow it there; once it has finished or been cancelled, continue here.",
        )
        self.campaign_id = campaign_id


class Locking(Protocol):
    """Take (without waiting) and drop an exclusive lock on an open file descriptor; a refusal is OSError."""

    def lock(self, fd: int) -> None: ...

    def unlock(self, fd: int) -> None: ...


def lock_directory(journal_path: Path) -> Path:
    """Where the run locks of one journal live (next to it, so a sandbox journal has its own)."""
    return journal_path.with_name(journal_path.name + ".runs")


class RunLock:
    """Held for as long as a run of one campaign goes on; `acquire()` never waits.

    An OS lock rather than a row in the journal: a process killed mid-send (power cut, SIGKILL, Task
    Manager) releases it with no clean-up, so the next start can recover at once.
    """

    def __init__(self, journal_path: Path, campaign_id: int, locking: Locking | None = None) -> None:
        self.campaign_id = campaign_id
        self.path = lock_directory(Path(journal_path)) / f"campaign-{campaign_id}.lock"
        self.locking = locking or platform_locking()
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if no other run holds it; True when this object now holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            self.locking.lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.locking.unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> RunLock:
        if not self.acquire():
            raise CampaignBusyError(self.campaign_id)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class FcntlModule(Protocol):
    """What `FlockLocking` uses of the `fcntl` module."""

    @property
    def LOCK_EX(self) -> int: ...
    @property
    def LOCK_NB(self) -> int: ...
    @property
    def LOCK_UN(self) -> int: ...

    def flock(self, fd: int, operation: int, /) -> None: ...


class MsvcrtModule(Protocol):
    """What `MsvcrtLocking` uses of the `msvcrt` module (Windows only; tests pass a stand-in)."""

    @property
    def LK_NBLCK(self) -> int: ...
    @property
    def LK_UNLCK(self) -> int: ...

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None: ...


class FlockLocking:
    """POSIX: flock, not fcntl/lockf. Its locks belong to the open file, so two runs in one process exclude
    each other too, and closing some other descriptor of the file does not drop them."""

    def __init__(self, fcntl: FcntlModule) -> None:
        self.fcntl = fcntl

    def lock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)

    def unlock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class MsvcrtLocking:
    """Windows: a byte-range lock on the file's first byte (msvcrt.locking, LockFile underneath).

    The range starts at the current file position, so every call seeks to 0 first; LK_NBLCK fails at once
    (OSError, EACCES) instead of retrying for 10 s as LK_LOCK would. Windows drops the lock when the
    handle is closed, including when the process dies.
    """

    def __init__(self, msvcrt: MsvcrtModule) -> None:
        self.msvcrt = msvcrt

    def lock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)

    def unlock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)


def platform_locking(platform: str = sys.platform) -> Locking:
    """The lock primitive of this operating system."""
    if platform == "win32":
        # By name: the type checker runs on Linux, where the stubs give msvcrt no members.
        return MsvcrtLocking(cast(MsvcrtModule, importlib.import_module("msvcrt")))
    import fcntl

    return FlockLocking(fcntl)
