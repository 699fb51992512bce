"""Why a results file could not be written (Excel holds it, a read-only folder), in words a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from gui.domain.errors import UserFacingError

# Windows error codes for "another program has this file open": ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION,
# and ERROR_ACCESS_DENIED, which is what replacing a file that Excel holds open usually reports.
SHARING_VIOLATIONS = frozenset({32, 33})
ACCESS_DENIED = 5


class ResultsNotWrittenError(UserFacingError):
    """The results file could not be written; nothing was lost (the journal keeps every result).

    `locked` is True when another program holds the target open (close it, then retry), False when the
    folder does not let the app write there (save somewhere else).
    """

    code = "results_not_written"

    def __init__(self, path: Path, *, locked: bool) -> None:
        name = path.name
        if locked:
            super().__init__(
                f"「{name}」正被其他程序（通常是 Excel 或 WPS）打开，结果没能写进去。",
                f"“{name}” is open in another program (usually Excel or WPS), so the results could not be written.",
                action_zh=f"请先在 Excel 中关闭 {name}，再重试；也可以另存为一个新文件。发送结果都保存在发送记录里，不会丢失。",
                action_en=f"Close {name} in Excel first, then retry; or save as a new file. Every result is "
                          "kept in the history; nothing is lost.",
                where=str(path),
            )
            self.code = "results_file_locked"
        else:
            super().__init__(
                f"不能在文件夹「{path.parent}」里保存文件：这个文件夹不允许写入。",
                f"The folder “{path.parent}” does not allow saving files.",
                action_zh="请另存到别的文件夹，例如“文档”或“桌面”。发送结果都保存在发送记录里，不会丢失。",
                action_en="Save into another folder, such as Documents or Desktop. Every result is kept in the "
                          "history; nothing is lost.",
                where=str(path),
            )
            self.code = "results_folder_read_only"
        self.path = path
        self.locked = locked


def is_refused(error: OSError) -> bool:
    """Whether `error` is the system refusing access (held open elsewhere, read-only), not a missing disk etc."""
    if getattr(error, "winerror", None) in {*SHARING_VIOLATIONS, ACCESS_DENIED}:
        return True
    return isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY)
