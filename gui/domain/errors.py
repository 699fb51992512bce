"""The one exception type whose text may be shown to a user: what went wrong, where, and what to do."""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem the user can act on, explained in Chinese and English.

    `where` names the file, row or field concerned; `action_*` says what to do next. Subclasses add
    a stable `code`. The text never carries secrets, so it is safe to log and to show.
    """

    code = "error"

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        action_zh: str = "",
        action_en: str = "",
        where: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        self.action_zh = action_zh
        self.action_en = action_en
        self.where = where
        # Technical wording (a library's own error) for the 详细信息 expander, never in the message itself.
        self.detail = detail

    def text(self, language: str = "zh") -> str:
        """One readable paragraph in the chosen language ('zh' or 'en')."""
        message, action = (
            (self.message_zh, self.action_zh) if language == "zh" else (self.message_en, self.action_en)
        )
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{message}" + (f" {action}" if action else "")
