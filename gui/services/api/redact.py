"""Keeping secrets out of text: redacting tokens in URLs, known secrets in text, and in httpx's log records."""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
# Query parameters and JSON fields whose values are secrets wherever they appear.
_QUERY_SECRET = re.compile(r"((?:cloudbase_access_token|access_token|appsecret|secret)=)[^&\s#\"'<>]+", re.IGNORECASE)
_JSON_SECRET = re.compile(r"(\"(?:access_token|secret|appsecret)\"\s*:\s*\")[^\"]*(\")", re.IGNORECASE)
# Loggers that see request URLs: httpx logs every request at INFO; httpcore traces at DEBUG.
HTTP_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
MIN_SECRET_LENGTH = 4  # shorter strings would mask ordinary words


def redact_url(url: object) -> str:
    """The URL with the values of `access_token`, `secret` and similar parameters replaced by `***`."""
    return _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, str(url))


def redact_text(text: str, *secrets: str) -> str:
    """`text` with secret URL parameters, secret JSON fields and each given secret string masked."""
    result = _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, text)
    result = _JSON_SECRET.sub(lambda m: m.group(1) + MASK + m.group(2), result)
    for secret in sorted({s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True):
        result = result.replace(secret, MASK)
    return result


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets masked; the secrets are registered by the API client."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._secrets: dict[str, int] = {}

    def add_secret(self, secret: str) -> None:
        if secret:
            with self._lock:
                self._secrets[secret] = self._secrets.get(secret, 0) + 1

    def remove_secret(self, secret: str) -> None:
        with self._lock:
            count = self._secrets.get(secret, 0) - 1
            if count > 0:
                self._secrets[secret] = count
            else:
                self._secrets.pop(secret, None)

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            secrets = tuple(self._secrets)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is not ours to fix; let logging report it
            return True
        cleaned = redact_text(message, *secrets)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text, *secrets)
        return True


_FILTER = RedactingFilter()
_installed: set[str] = set()
_install_lock = threading.Lock()


def log_filter() -> RedactingFilter:
    """The process-wide filter, installed on the HTTP loggers (idempotent)."""
    install_log_redaction()
    return _FILTER


def install_log_redaction(extra_loggers: tuple[str, ...] = ()) -> None:
    """Put the redacting filter on httpx/httpcore loggers (a logger's filter only sees its own records)."""
    with _install_lock:
        for name in (*HTTP_LOGGERS, *extra_loggers):
            if name not in _installed:
                logging.getLogger(name).addFilter(_FILTER)
                _installed.add(name)
