"""Unexpected errors in plain words for the window; the class name and message only as technical detail."""

from __future__ import annotations

import errno
import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from gui.domain.errors import UserFacingError
from gui.ui.i18n import current_language


def plain_reason(error: BaseException) -> str:
    """What went wrong, said so a user understands it ("没有权限", "磁盘已满"), never a class name."""
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "ErrorText", "no permission: the file or folder is protected or open in another program")
    if isinstance(error, FileNotFoundError):
        return QCoreApplication.translate("ErrorText", "the file or folder does not exist")
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return QCoreApplication.translate("ErrorText", "the disk is full")
    if isinstance(error, TimeoutError) or type(error).__module__.split(".")[0] in {"httpx", "httpcore", "socket"} \
            or isinstance(error, ConnectionError):
        return QCoreApplication.translate("ErrorText", "the network did not answer")
    if isinstance(error, sqlite3.Error):
        return QCoreApplication.translate("ErrorText", "the local records could not be read or written")
    if isinstance(error, MemoryError):
        return QCoreApplication.translate("ErrorText", "not enough memory")
    if isinstance(error, OSError):
        return QCoreApplication.translate("ErrorText", "the file could not be read or written")
    return QCoreApplication.translate("ErrorText", "an unexpected error")


def technical(error: BaseException) -> str:
    """The class name and message, for a tooltip or a 详细信息 expander (never the main text)."""
    return f"{type(error).__name__}: {error}"


def explain(label: QLabel, template: str, error: BaseException) -> None:
    """Show `error` on `label`: a user-facing error as its own text, anything else as `template` with the plain
    reason in {0}; the technical detail goes to the tooltip."""
    if isinstance(error, UserFacingError):
        label.setText(error.text(current_language()))
        label.setToolTip(error.detail)
    else:
        label.setText(template.format(plain_reason(error)))
        label.setToolTip(technical(error))
