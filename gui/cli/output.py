"""Shared helpers for command output: the language, JSON printing and the one-line error format."""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

from gui.domain.errors import UserFacingError

LANGUAGE_ENV = "SMS_COMPOSER_LANG"


def language() -> str:
    """'zh' (the default) or 'en', from `SMS_COMPOSER_LANG`."""
    return "en" if os.environ.get(LANGUAGE_ENV, "zh").lower().startswith("en") else "zh"


def pick(message_zh: str, message_en: str) -> str:
    """The message in the command line's language."""
    return message_zh if language() == "zh" else message_en


def tolerate_console_encoding(*streams: TextIO | None) -> None:
    """Human-readable text on a console that lacks a character (cp936, cp437) prints "?" instead of failing."""
    for stream in streams:
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def write_utf8(text: str, stream: TextIO | None = None) -> None:
    """Write `text` as UTF-8 bytes whatever the stream's own encoding, so machine-read output loses nothing.

    Redirected output on Windows uses the ANSI code page (cp936 in China), which has no emoji and
    turns them into "?"; JSON meant for another program must say exactly what was typed.
    """
    stream = stream or sys.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:  # an in-memory text stream (tests, embedding): it holds str, no encoding involved
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def printable(text: object) -> str:
    """User data made safe for a terminal: control, format and bidi characters shown as escapes (\\x1b, \\u202e)."""
    value = str(text)
    if value.isprintable():
        return value
    out = []
    for char in value:
        if char.isprintable() or char == " ":
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def print_json(payload: Any, *, compact: bool = False) -> None:
    """One JSON object on stdout, always UTF-8, Chinese kept readable. `compact`: no indentation, for outputs
    that can hold a million entries (json's C encoder only runs without an indent: seconds versus a fraction)."""
    import json  # here: every start, the window's included, imports this module for its console set-up

    if compact:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    write_utf8(text + "\n")


def print_error(error: UserFacingError) -> None:
    """A user-facing error on stderr, one paragraph, no traceback."""
    sys.stderr.write(pick("错误：", "Error: ") + printable(error.text(language())) + "\n")
