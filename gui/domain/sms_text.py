"""The SMS text engine: the final text of a Marketing or Notification SMS, its length, parts and problems."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from gui.domain import text_messages as msg
from gui.domain.param_links import DEFAULT_PARAM_LINK_KEY, ParamLinkRule, param_link_rule
from gui.domain.suffix_presets import DEFAULT_SUFFIX_KEY, SUFFIX_PRESETS, SuffixPreset, suffix_preset
from gui.domain.text_rules import (
    MAX_CONTENT_LENGTH,
    MAX_MESSAGE_LENGTH,
    MAX_SIGNATURE_LENGTH,
    MULTIPART_SEGMENT,
    SINGLE_SMS_LIMIT,
    check_path,
    find_forbidden,
    find_unsupported,
    find_urls,
    index_after_units,
    parts_for,
    sms_length,
)

__all__ = [
    "DEFAULT_SUFFIX_KEY",
    "MAX_CONTENT_LENGTH",
    "MAX_MESSAGE_LENGTH",
    "MAX_SIGNATURE_LENGTH",
    "MULTIPART_SEGMENT",
    "SINGLE_SMS_LIMIT",
    "SUFFIX_PRESETS",
    "MarketingDraft",
    "NotificationDraft",
    "Problem",
    "RenderedSms",
    "Severity",
    "SmsType",
    "SuffixPreset",
    "effective_use_short_name",
    "parts_for",
    "placeholder_count",
    "render",
    "render_marketing",
    "render_notification",
    "sms_length",
]


class SmsType(StrEnum):
    MARKETING = "Marketing"
    NOTIFICATION = "Notification"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Problem(NamedTuple):
    """One thing wrong with a draft, with the span of what the user typed that it refers to.

    `field` is "content", "template", "path" or "signature" (the name in use: the short name when
    `use_short_name` is on), and `start`/`end` are Python `str` offsets (code points, not UTF-16
    units) into that field's text, so an editor can underline `text[start:end]`; a Qt editor maps them
    to its own positions. A problem inside a Notification parameter value points at the placeholder
    `{n}` in the template. For `field == "params"` (surplus values), `start`/`end` are indices into the
    parameter tuple instead.
    """

    code: str
    severity: Severity
    message_zh: str
    message_en: str
    start: int
    end: int
    field: str
    rows: tuple[int, ...] = ()  # spreadsheet rows of the recipients concerned (plan problems only)


class MarketingDraft(NamedTuple):
    signature: str
    content: str
    path: str
    short_name: str = ""
    use_short_name: bool = False
    suffix_key: str = DEFAULT_SUFFIX_KEY


class NotificationDraft(NamedTuple):
    signature: str
    template_text: str
    params: tuple[str, ...]
    short_name: str = ""
    use_short_name: bool = False
    template_id: str = ""
    param_link_key: str = DEFAULT_PARAM_LINK_KEY  # how a static-site path value is sent (param_links.py)


class RenderedSms(NamedTuple):
    """The final text (with the placeholder link for Marketing) and everything measured on it.

    Length, parts and warnings are computed even when there are errors, on the text as given.
    """

    sms_type: SmsType
    text: str
    length: int
    parts: int
    content_length: int | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    signature_shown: str
    body_offset: int

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.errors + self.warnings


_PLACEHOLDER_RE = re.compile(r"\{(\d+)\}")
_FIELD_ORDER = {"signature": 0, "content": 1, "template": 2, "params": 3, "path": 4}


def placeholder_count(template_text: str) -> int:
    """The highest `n` among the template's `{n}` placeholders (0 when there are none)."""
    return max((int(m.group(1)) for m in _PLACEHOLDER_RE.finditer(template_text)), default=0)


def effective_use_short_name(name: str, short_name: str, use_short_name: bool) -> bool:
    """Whether the short name should sign: when asked to, or when the name is too long and one is given.

    The engine itself takes `use_short_name` literally (the request sent must match what was checked);
    callers that want the automatic choice apply this first and say so.
    """
    return use_short_name or (sms_length(name) > MAX_SIGNATURE_LENGTH and bool(short_name.strip()))


def _error(code: str, message: msg.Message, start: int, end: int, field: str) -> Problem:
    return Problem(code, Severity.ERROR, message[0], message[1], start, end, field)


def _warning(code: str, message: msg.Message, start: int, end: int, field: str) -> Problem:
    return Problem(code, Severity.WARNING, message[0], message[1], start, end, field)


def _signature(name: str, short_name: str, use_short_name: bool) -> tuple[str, list[Problem]]:
    """The signature as shown (with 【】) and its problems."""
    used = short_name if use_short_name else name
    length = sms_length(used)
    problems: list[Problem] = []
    if not use_short_name and not name.strip():
        problems.append(_error("missing_signature", msg.missing_signature(), 0, len(name), "signature"))
    elif (use_short_name and not short_name.strip()) or length > MAX_SIGNATURE_LENGTH:
        message = msg.signature_too_long(
            name=name, length=length, short_name=short_name, use_short_name=use_short_name
        )
        start = index_after_units(used, MAX_SIGNATURE_LENGTH) if length > MAX_SIGNATURE_LENGTH else 0
        problems.append(_error("signature_too_long", message, start, len(used), "signature"))
    return f"【{used}】", problems


def _character_problems(text: str, field: str) -> list[Problem]:
    """Forbidden and unsupported characters in text the user typed, one problem per occurrence."""
    problems = [
        _error("forbidden_character", msg.forbidden_character(hit.found, hit.symbol), hit.start, hit.end, field)
        for hit in find_forbidden(text)
        if hit.symbol is not None
    ]
    problems += [
        _error("unsupported_character", msg.unsupported_character(hit.found), hit.start, hit.end, field)
        for hit in find_unsupported(text)
    ]
    return problems


def _finish(
    sms_type: SmsType,
    signature_shown: str,
    body: str,
    content_length: int | None,
    problems: list[Problem],
) -> RenderedSms:
    text = signature_shown + body
    length = sms_length(text)
    ordered = sorted(problems, key=lambda p: (_FIELD_ORDER.get(p.field, 9), p.start, p.end))
    return RenderedSms(
        sms_type=sms_type,
        text=text,
        length=length,
        parts=parts_for(length),
        content_length=content_length,
        errors=tuple(p for p in ordered if p.severity is Severity.ERROR),
        warnings=tuple(p for p in ordered if p.severity is Severity.WARNING),
        signature_shown=signature_shown,
        body_offset=len(signature_shown),
    )


def render_marketing(draft: MarketingDraft) -> RenderedSms:
    """`【signature】` + content + the preset's suffix (placeholder link), measured and checked."""
    preset = suffix_preset(draft.suffix_key)
    signature_shown, problems = _signature(draft.signature, draft.short_name, draft.use_short_name)
    content = draft.content
    content_length = sms_length(content)
    if not content.strip():
        problems.append(_error("empty_content", msg.empty_content(), 0, len(content), "content"))
    if content_length > MAX_CONTENT_LENGTH:
        start = index_after_units(content, MAX_CONTENT_LENGTH)
        problems.append(
            _error("content_too_long", msg.content_too_long(content_length), start, len(content), "content")
        )
    problems += _character_problems(content, "content")
    problems += [
        _warning("url_in_content", msg.url_in_content(hit.found), hit.start, hit.end, "content")
        for hit in find_urls(content)
    ]
    problems += [
        _error("invalid_path", msg.invalid_path(kind, draft.path[start:end]), start, end, "path")
        for kind, start, end in check_path(draft.path)
    ]
    total = sms_length(signature_shown) + content_length + preset.fixed_length
    if total > SINGLE_SMS_LIMIT:
        # The suffix is fixed, so what can be cut is the content past its share of the 70.
        budget = max(SINGLE_SMS_LIMIT - sms_length(signature_shown) - preset.fixed_length, 0)
        start = index_after_units(content, budget)
        message = msg.multi_part(total, parts_for(total))
        problems.append(_warning("multi_part", message, start, len(content), "content"))
    return _finish(SmsType.MARKETING, signature_shown, content + preset.render(), content_length, problems)


class _Piece(NamedTuple):
    """A run of the rendered body and the template span it came from (`param`: the `{n}` it fills)."""

    text: str
    start: int
    end: int
    param: int | None


def _pieces(template: str, params: tuple[str, ...], rule: ParamLinkRule | None = None) -> list[_Piece]:
    """The body in runs; a value the platform turns into a short link is its placeholder link here."""
    rule = rule or param_link_rule()
    pieces: list[_Piece] = []
    position = 0
    for match in _PLACEHOLDER_RE.finditer(template):
        if match.start() > position:
            pieces.append(_Piece(template[position : match.start()], position, match.start(), None))
        number = int(match.group(1))
        if 1 <= number <= len(params):
            pieces.append(_Piece(rule.shown(params[number - 1]), match.start(), match.end(), number))
        else:
            pieces.append(_Piece(match.group(), match.start(), match.end(), None))
        position = match.end()
    if position < len(template):
        pieces.append(_Piece(template[position:], position, len(template), None))
    return pieces


def _template_offset(pieces: list[_Piece], units: int) -> int:
    """Where in the template the body passes `units` UTF-16 units (a filled placeholder as a whole)."""
    used = 0
    for piece in pieces:
        size = sms_length(piece.text)
        if used + size > units:
            if piece.param is not None:
                return piece.start
            return piece.start + index_after_units(piece.text, units - used)
        used += size
    return pieces[-1].end if pieces else 0


def _param_problems(template: str, params: tuple[str, ...]) -> list[Problem]:
    """Character and URL checks on each parameter value, pointed at its placeholder in the template."""
    first_span: dict[int, tuple[int, int]] = {}
    for match in _PLACEHOLDER_RE.finditer(template):
        first_span.setdefault(int(match.group(1)), match.span())
    problems: list[Problem] = []
    for number, value in enumerate(params, start=1):
        if number not in first_span:
            continue
        start, end = first_span[number]
        if not value.strip():
            problems.append(_error("empty_param", msg.empty_param(number), start, end, "template"))
            continue
        for hit in find_forbidden(value):
            if hit.symbol is not None:
                message = msg.forbidden_character(hit.found, hit.symbol, number)
                problems.append(_error("forbidden_character", message, start, end, "template"))
        for hit in find_unsupported(value):
            message = msg.unsupported_character(hit.found, number)
            problems.append(_error("unsupported_character", message, start, end, "template"))
        for hit in find_urls(value):
            problems.append(_warning("url_in_content", msg.url_in_content(hit.found, number), start, end, "template"))
    return problems


def render_notification(draft: NotificationDraft) -> RenderedSms:
    """`【signature】` + the template with `{n}` replaced by the n-th parameter, measured and checked.

    A placeholder without a value stays as `{n}` in the text; surplus values are not used.
    """
    template, params = draft.template_text, tuple(draft.params)
    signature_shown, problems = _signature(draft.signature, draft.short_name, draft.use_short_name)
    if not template.strip():
        problems.append(_error("missing_template", msg.missing_template(), 0, len(template), "template"))
    else:
        expected = placeholder_count(template)
        if expected != len(params):
            message = msg.param_count_mismatch(expected, len(params))
            if len(params) < expected:
                unfilled = next(
                    m for m in _PLACEHOLDER_RE.finditer(template) if int(m.group(1)) > len(params)
                )
                problems.append(_error("param_count_mismatch", message, *unfilled.span(), "template"))
            else:
                problems.append(_error("param_count_mismatch", message, expected, len(params), "params"))
    problems += _character_problems(template, "template")
    problems += _param_problems(template, params)
    pieces = _pieces(template, params, param_link_rule(draft.param_link_key))
    body = "".join(piece.text for piece in pieces)
    total = sms_length(signature_shown) + sms_length(body)
    if total > MAX_MESSAGE_LENGTH:
        start = _template_offset(pieces, max(MAX_MESSAGE_LENGTH - sms_length(signature_shown), 0))
        problems.append(_error("message_too_long", msg.message_too_long(total), start, len(template), "template"))
    if total > SINGLE_SMS_LIMIT:
        budget = max(SINGLE_SMS_LIMIT - sms_length(signature_shown), 0)
        start = _template_offset(pieces, budget)
        message = msg.multi_part(total, parts_for(total))
        problems.append(_warning("multi_part", message, start, len(template), "template"))
    return _finish(SmsType.NOTIFICATION, signature_shown, body, None, problems)


def render(draft: MarketingDraft | NotificationDraft) -> RenderedSms:
    """Render either kind of draft."""
    if isinstance(draft, MarketingDraft):
        return render_marketing(draft)
    return render_notification(draft)
