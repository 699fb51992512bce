"""Shared helpers for command output: the language, JSON printing and the one-line error format."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from gui.domain.errors import UserFacingError

LANGUAGE_ENV = "SMS_COMPOSER_LANG"


def language() -> str:
    """'zh' (the default) or 'en', from `SMS_COMPOSER_LANG`."""
    return "en" if os.environ.get(LANGUAGE_ENV, "zh").lower().startswith("en") else "zh"


def pick(message_zh: str, message_en: str) -> str:
    """The message in the command line's language."""
    return message_zh if language() == "zh" else message_en


def print_json(payload: Any) -> None:
    """One JSON object on stdout, Chinese kept readable."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def print_error(error: UserFacingError) -> None:
    """A user-facing error on stderr, one paragraph, no traceback."""
    sys.stderr.write(pick("错误：", "Error: ") + error.text(language()) + "\n")
