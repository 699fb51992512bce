"""Unexpected errors read as plain Chinese reasons; the class name stays technical detail."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from gui.ui.error_text import plain_reason, technical
from tests.support.ascii_words import foreign_words


@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(13, "Permission denied", "结果.xlsx"), "没有权限：文件或文件夹受保护，或正被其他程序打开"),
    (FileNotFoundError(2, "No such file"), "文件或文件夹不存在"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满"),
    (TimeoutError("timed out"), "网络没有响应"),
    (sqlite3.OperationalError("database is locked"), "本机的发送记录无法读取或写入"),
    (OSError(errno.EIO, "I/O error"), "文件无法读取或写入"),
    (ValueError("boom"), "意外的错误"),
])
def test_reasons_are_plain_chinese(error: Exception, reason: str) -> None:
    assert plain_reason(error) == reason
    assert foreign_words(plain_reason(error)) == []
    assert technical(error).startswith(type(error).__name__ + ": ")  # the detail keeps what a developer needs
