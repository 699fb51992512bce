"""A full disk or a read-only data folder, told once and plainly; leftover temp files of interrupted writes removed."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path

from gui.domain.clock import machine_timestamp
from gui.domain.errors import UserFacingError

NEEDED_MB = 100  # room for the journal of a large campaign and its checkpoint
STALE_SECONDS = 600  # a temp file this old belongs to a write that was interrupted, not one in progress
# Temp names of the app's atomic writes: settings, session state, campaign files, result exports.
TEMP_PATTERNS = (".settings-*.tmp", ".session-*.tmp", "*.json.tmp")
_FULL = ("database or disk is full", "disk i/o error")
_READ_ONLY = ("readonly database", "read-only", "unable to open database file")


class StorageError(UserFacingError):
    """The data folder cannot take a write: full, or read-only."""

    code = "storage"


def storage_error(error: BaseException, folder: Path) -> StorageError | None:
    """The user-facing form of a write failure caused by the disk or folder, else None (not a storage problem)."""
    import sqlite3  # here, not at the top: commands import this module at start for remove_app_stale_temps

    text = str(error).lower()
    full = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
    full = full or (isinstance(error, sqlite3.OperationalError) and any(m in text for m in _FULL))
    read_only = isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    read_only = read_only or (isinstance(error, sqlite3.OperationalError) and any(m in text for m in _READ_ONLY))
    unusable = isinstance(error, OSError) and error.errno in (errno.ENOTDIR, errno.EEXIST)
    if not (full or read_only or unusable):
        return None
    if unusable:
        return StorageError(
            f"数据文件夹 {folder} 无法使用：路径上有一个同名的文件，文件夹建不起来。",
            f"The data folder {folder} cannot be used: a file stands where a folder is needed.",
            action_zh="请用 --data-dir 指定另一个文件夹，或移走那个文件。",
            action_en="Choose another folder with --data-dir, or move that file away.",
            where=str(folder),
        )
    import shutil

    try:
        free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
    except OSError:
        free_mb = -1
    free = f"（现在剩余 {free_mb} MB）" if free_mb >= 0 else ""
    free_en = f" ({free_mb} MB free now)" if free_mb >= 0 else ""
    if full:
        return StorageError(
            f"磁盘空间不足，无法写入数据文件夹 {folder}{free}。没有写入一半的内容，已发送的记录不会丢失。",
            f"The disk is full: cannot write to the data folder {folder}{free_en}. Nothing was half-written; "
            "what was sent is not lost.",
            action_zh=f"请在这个磁盘上腾出至少 {NEEDED_MB} MB 空间后重试（可用 --data-dir 换一个文件夹）。",
            action_en=f"Free at least {NEEDED_MB} MB on that disk and try again (or use --data-dir).",
            where=str(folder),
        )
    return StorageError(
        f"数据文件夹 {folder} 是只读的或没有写入权限。",
        f"The data folder {folder} is read-only or not writable.",
        action_zh="请检查这个文件夹的权限，或用 --data-dir 指定一个可以写入的文件夹。",
        action_en="Check the folder's permissions, or choose a writable one with --data-dir.",
        where=str(folder),
    )


def remove_stale_temps(folders: Iterable[Path], *, patterns: Iterable[str] = TEMP_PATTERNS) -> list[Path]:
    """Delete temp files left by writes that were killed (older than `STALE_SECONDS`); returns what was removed.

    Age is measured on the machine's own clock, the one that stamped the files, not the app's `Clock` (which a
    sandbox or a test may set to another day)."""
    now = machine_timestamp()
    removed: list[Path] = []
    patterns = tuple(patterns)
    for folder in folders:
        for pattern in patterns:
            try:
                candidates = list(Path(folder).glob(pattern))
            except OSError:
                continue
            for path in candidates:
                try:
                    if path.is_file() and now - path.stat().st_mtime > STALE_SECONDS:
                        path.unlink()
                        removed.append(path)
                except OSError:
                    continue  # in use or not ours to delete: leave it
    return removed


def remove_app_stale_temps() -> list[Path]:
    """`remove_stale_temps` in the data and config folders (every command at start, the window after its first
    paint); a folder that cannot be listed is skipped: it says so when it is used."""
    from gui.services.config.paths import config_dir, data_dir

    try:
        return remove_stale_temps([data_dir(), config_dir()])
    except OSError:
        return []
