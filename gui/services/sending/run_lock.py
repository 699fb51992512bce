"""One run per campaign across windows and commands: an OS file lock that the system drops when its process dies."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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


def lock_directory(journal_path: Path) -> Path:
    """Where the run locks of one journal live (next to it, so a sandbox journal has its own)."""
    return journal_path.with_name(journal_path.name + ".runs")


class RunLock:
    """Held for as long as a run of one campaign goes on; `acquire()` never waits.

    An OS lock rather than a row in the journal: a process killed mid-send (power cut, SIGKILL, Task
    Manager) releases it with no clean-up, so the next start can recover at once.
    """

    def __init__(self, journal_path: Path, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        self.path = lock_directory(Path(journal_path)) / f"campaign-{campaign_id}.lock"
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
            _lock(fd)
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
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> RunLock:
        if not self.acquire():
            raise CampaignBusyError(self.campaign_id)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock, not fcntl/lockf: its locks belong to the open file, so two runs in one process exclude each
    # other too, and closing some other descriptor of the file does not drop them.
    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
