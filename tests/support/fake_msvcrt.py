"""A stand-in for Windows' msvcrt module with the locking() semantics of the C runtime's _locking.

What it implements, from the CRT documentation: a lock covers `nbytes` from the handle's current
position; LK_NBLCK and LK_LOCK fail with EACCES when any byte is locked through another handle *or the
same one* (LockFile does not nest); LK_UNLCK fails unless exactly that range is locked by this handle;
LK_LOCK retries 10 times a second apart, which here fails at once with the same error. Locks are keyed by
the file (device, inode), so two descriptors of one file conflict as two Windows handles do, and closing a
handle (`handle_closed`, what Windows does when a process dies) drops its locks.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4


@dataclass
class FakeMsvcrt:
    LK_UNLCK: int = LK_UNLCK
    LK_LOCK: int = LK_LOCK
    LK_NBLCK: int = LK_NBLCK
    LK_RLCK: int = LK_RLCK
    LK_NBRLCK: int = LK_NBRLCK
    # (device, inode) -> [(start, end, fd)]
    regions: dict[tuple[int, int], list[tuple[int, int, int]]] = field(default_factory=dict)
    calls: list[tuple[str, int, int]] = field(default_factory=list)  # (mode name, fd, start offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        try:
            info = os.fstat(fd)
            start = os.lseek(fd, 0, os.SEEK_CUR)
        except OSError:
            raise OSError(errno.EBADF, "Bad file descriptor") from None
        if nbytes <= 0:
            raise OSError(errno.EINVAL, "Invalid argument")
        key, end = (info.st_dev, info.st_ino), start + nbytes
        held = self.regions.setdefault(key, [])
        name = {LK_UNLCK: "unlock", LK_LOCK: "lock", LK_NBLCK: "nblock", LK_RLCK: "lock", LK_NBRLCK: "nblock"}
        self.calls.append((name[mode], fd, start))
        if mode == LK_UNLCK:
            if (start, end, fd) not in held:
                raise PermissionError(errno.EACCES, "Permission denied")
            held.remove((start, end, fd))
            return
        if mode not in (LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK):
            raise OSError(errno.EINVAL, "Invalid argument")
        if any(s < end and start < e for s, e, _ in held):
            # LK_LOCK would retry for ten seconds first; the outcome is the same error.
            raise PermissionError(errno.EACCES, "Permission denied")
        held.append((start, end, fd))

    def handle_closed(self, fd: int) -> None:
        """The handle went away without unlocking (process killed, Task Manager): Windows drops its locks."""
        for key, held in self.regions.items():
            self.regions[key] = [region for region in held if region[2] != fd]

    def locked_bytes(self) -> list[tuple[int, int]]:
        return sorted((s, e) for held in self.regions.values() for s, e, _ in held)
