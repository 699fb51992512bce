"""Counting and character rules for SMS text: length, billed parts, forbidden symbols, URLs and paths.

Every position returned here is a Python `str` offset (a code point index), the unit a Qt editor's
cursor positions map to; lengths that decide billing are UTF-16 code units, the unit the SMS gateway
counts (an emoji is 2).
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

MAX_CONTENT_LENGTH = 30
SINGLE_SMS_LIMIT = 70
MULTIPART_SEGMENT = 67
MAX_SIGNATURE_LENGTH = 12
MAX_MESSAGE_LENGTH = 500  # the SMS gateway refuses longer messages, signature included


def sms_length(text: str) -> int:
    """Length as the gateway counts it: UTF-16 code units (an emoji or rare CJK character counts 2)."""
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


def parts_for(length: int) -> int:
    """Billed parts for a message of `length` units: 1 up to 70, else one per 67 started."""
    if length <= SINGLE_SMS_LIMIT:
        return 1
    return math.ceil(length / MULTIPART_SEGMENT)


def index_after_units(text: str, units: int) -> int:
    """The largest str offset `i` such that `text[:i]` takes at most `units` UTF-16 units."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            return index
    return len(text)


def fold(text: str) -> str:
    """Full-width forms folded to their plain equivalents (＾ → ^, ￥ → ¥, ｗｗｗ → www), one for one.

    A character whose compatibility form is more than one character is kept, so offsets into the
    folded text are offsets into `text`.
    """
    if text.isascii():  # ASCII has no compatibility forms: the window's first, empty draft never loads unicodedata
        return text
    import unicodedata

    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


class ForbiddenSymbol(NamedTuple):
    """A symbol the platform rejects or phones garble, with the reason shown to the user."""

    token: str
    reason_zh: str
    reason_en: str


_GARBLES_ZH = "在手机上可能显示成乱码"
_GARBLES_EN = "phones may show it as garbage"

# The one list of forbidden symbols (wechat-api-notes §2.4). Matching runs on `fold(text)`, so the
# full-width forms a Chinese input method produces (￥, ＾＿＾) are caught as well.
FORBIDDEN_SYMBOLS: tuple[ForbiddenSymbol, ...] = (
    ForbiddenSymbol("【", "【】是短信签名专用的括号，会和签名混淆", "【】 are reserved for the signature"),
    ForbiddenSymbol("】", "【】是短信签名专用的括号，会和签名混淆", "【】 are reserved for the signature"),
    ForbiddenSymbol("¥", "人民币符号" + _GARBLES_ZH + "，金额请写成“100元”", "the yen/yuan sign may garble; write “100元”"),
    ForbiddenSymbol("★", _GARBLES_ZH, _GARBLES_EN),
    ForbiddenSymbol("☞", _GARBLES_ZH, _GARBLES_EN),
    ForbiddenSymbol("✓", _GARBLES_ZH, _GARBLES_EN),
    ForbiddenSymbol("※", _GARBLES_ZH, _GARBLES_EN),
    ForbiddenSymbol("^_^", "键盘表情" + _GARBLES_ZH, "keyboard emoticons may garble"),
)


class Hit(NamedTuple):
    """One finding in a text: `text[start:end]` is the offending part."""

    start: int
    end: int
    found: str
    symbol: ForbiddenSymbol | None = None


def find_forbidden(text: str) -> list[Hit]:
    """Every occurrence of a forbidden symbol, left to right, not overlapping."""
    folded = fold(text)
    symbols = sorted(FORBIDDEN_SYMBOLS, key=lambda s: -len(s.token))
    hits: list[Hit] = []
    index = 0
    while index < len(folded):
        for symbol in symbols:
            if folded.startswith(symbol.token, index):
                end = index + len(symbol.token)
                hits.append(Hit(index, end, text[index:end], symbol))
                index = end
                break
        else:
            index += 1
    return hits


def find_unsupported(text: str) -> list[Hit]:
    """Characters outside the Basic Multilingual Plane (emoji, rare CJK) and stray surrogates."""
    return [
        Hit(index, index + 1, ch)
        for index, ch in enumerate(text)
        if ord(ch) > 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF
    ]


# Common top-level domains: enough to tell "shop.example.com" from "3.5折" or "index.html".
_TLDS = sorted(
    (
        "com", "cn", "net", "org", "top", "xyz", "vip", "cc", "io", "me", "info", "shop", "club", "site",
        "online", "link", "ly", "co", "tv", "wang", "ren", "ltd", "store", "tech", "app", "fun", "icu", "ink",
        "biz", "mobi", "asia", "pro", "live", "work", "red", "kim", "group", "life", "today", "world", "space",
        "website", "cloud", "xin", "gov", "edu", "hk", "tw", "jp", "uk", "us", "de", "fr", "ru", "in", "la",
        "so", "gl", "im", "tk", "ml", "ga", "cf", "gq",
    ),
    key=lambda t: -len(t),
)
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_URL_PATTERN = (
    rf"(?i)(?:https?://|www\.){_URL_CHARS}*"
    rf"|(?<![A-Za-z0-9@.\-/_])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{'|'.join(_TLDS)})"
    rf"(?![A-Za-z0-9-])(?:[/?#]{_URL_CHARS}*)?"
)
_DOMAIN_PATTERN = rf"(?i)^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{'|'.join(_TLDS)})(?::\d+)?$"
_TRAILING_PUNCT = ".,;:!?)'"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The two long patterns above compile on first use: the window's start-up checks an empty draft."""
    return re.compile(pattern)


def find_urls(text: str) -> list[Hit]:
    """Web addresses: http://, https://, www., or a domain-like token such as shop.example.com."""
    if not text:
        return []
    folded = fold(text)
    hits: list[Hit] = []
    for match in _compiled(_URL_PATTERN).finditer(folded):
        start, end = match.span()
        while end > start and folded[end - 1] in _TRAILING_PUNCT:
            end -= 1
        if end > start:
            hits.append(Hit(start, end, text[start:end]))
    return hits


class PathIssue:
    """Kinds of `invalid_path` findings."""

    MISSING = "missing"
    SCHEME_OR_DOMAIN = "scheme_or_domain"
    NO_LEADING_SLASH = "no_leading_slash"
    SPACE = "space"


_SCHEME_HOST_RE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//[^/\s?#]*")


def check_path(path: str) -> list[tuple[str, int, int]]:
    """Problems with a static-site path as `(kind, start, end)`; an empty list when it is usable.

    The platform wants a path such as `/index.html?from=sms`: it adds its own domain and turns the
    result into the short link, so a scheme or domain here would produce a broken link.
    """
    if not path.strip():
        return [(PathIssue.MISSING, 0, len(path))]
    issues: list[tuple[str, int, int]] = []
    lead = len(path) - len(path.lstrip())
    rest = path[lead:]
    scheme = _SCHEME_HOST_RE.match(rest)
    if scheme:
        issues.append((PathIssue.SCHEME_OR_DOMAIN, lead, lead + scheme.end()))
    elif not rest.startswith("/"):
        first = re.match(r"[^/\s?#]*", rest)
        segment_end = first.end() if first else 0
        if _compiled(_DOMAIN_PATTERN).match(rest[:segment_end]):
            issues.append((PathIssue.SCHEME_OR_DOMAIN, lead, lead + segment_end))
        else:
            issues.append((PathIssue.NO_LEADING_SLASH, lead, lead + 1))
    issues.extend((PathIssue.SPACE, m.start(), m.end()) for m in re.finditer(r"\s+", path))
    return sorted(issues, key=lambda issue: issue[1])
