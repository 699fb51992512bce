"""What every campaign field may hold: lengths, the environment ID's characters, no control or invisible characters.

One set of rules for a campaign read from a file and one typed in the window: `Campaign.from_json` refuses the
first problem, and the plan (behind both `send` and the window's review step) lists them all as errors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.domain.campaign import Campaign

# Generous for real use, small enough that nothing absurd reaches the API (a 10 MB path, say).
MAX_LENGTHS: dict[str, int] = {
    "name": 100,
    "env": 64,
    "signature": 50,
    "short_name": 50,
    "content": 2000,
    "path": 1024,
    "suffix_key": 64,
    "template_id": 64,
    "template_text": 2000,
    "template_param": 500,
    "resource_appid": 64,
}
MAX_PARAMS = 50
ENV_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
FIELD_NAMES_ZH = {
    "name": "活动名称", "env": "环境ID", "signature": "短信签名", "short_name": "小程序简称", "content": "短信内容",
    "path": "静态网站路径", "suffix_key": "结尾用语", "template_id": "模板ID", "template_text": "模板内容",
    "resource_appid": "资源方 AppID", "template_param_list": "模板变量",
}


@dataclass(frozen=True)
class FieldProblem:
    """One field that cannot be sent as it is; `field` is the campaign file's key (with an index for params)."""

    field: str
    code: str
    message_zh: str
    message_en: str


def describe_character(char: str) -> str:
    """A character as the user can find it: U+200B (ZERO WIDTH SPACE)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f"（{name}）" if name else "")


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first control, format (invisible, bidi) or separator character other than a plain space."""
    for index, char in enumerate(text):
        if char == " ":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return index, char
    return None


def _texts(campaign: Campaign) -> Iterator[tuple[str, str, str]]:
    """(field, rule, text) of every text the campaign would send or show."""
    for key in ("name", "env", "signature", "short_name", "resource_appid"):
        yield key, key, getattr(campaign, key)
    if campaign.is_marketing:
        for key in ("content", "path", "suffix_key"):
            yield key, key, getattr(campaign, key)
    else:
        for key in ("template_id", "template_text"):
            yield key, key, getattr(campaign, key)
        for index, source in enumerate(campaign.template_params):
            yield f"template_param_list[{index}]", "template_param", source.column or source.literal


def campaign_problems(campaign: Campaign) -> list[FieldProblem]:
    """Every field problem of `campaign`, in field order (empty when it may be sent)."""
    problems: list[FieldProblem] = []
    if not campaign.is_marketing and len(campaign.template_params) > MAX_PARAMS:
        problems.append(FieldProblem(
            "template_param_list", "too_many_params",
            f"模板变量太多（{len(campaign.template_params)} 个，最多 {MAX_PARAMS} 个）。",
            f"Too many template parameters ({len(campaign.template_params)}; at most {MAX_PARAMS}).",
        ))
    for field, rule, text in _texts(campaign):
        label = FIELD_NAMES_ZH.get(field.split("[")[0], field)
        limit = MAX_LENGTHS[rule]
        if len(text) > limit:
            problems.append(FieldProblem(
                field, "field_too_long",
                f"“{label}”（{field}）太长：{len(text)} 个字符，最多 {limit} 个。请检查是否填错或粘贴了多余内容。",
                f"{field!r} is too long: {len(text)} characters, at most {limit}. Check for a wrong or pasted value.",
            ))
            continue
        found = hidden_character(text)
        if found is not None:
            index, char = found
            shown = describe_character(char)
            problems.append(FieldProblem(
                field, "hidden_character",
                f"“{label}”（{field}）第 {index + 1} 个字符是看不见的控制字符或格式字符 {shown}"
                "（如换行、制表符、零宽空格、文字方向控制符）。请删掉它后重试。",
                f"{field!r} holds an invisible control or format character at position {index + 1}: {shown} "
                "(a line break, tab, zero-width space or direction mark). Delete it and try again.",
            ))
    env_checked = any(p.field == "env" for p in problems)
    if campaign.env and not env_checked and not ENV_ID.fullmatch(campaign.env):
        problems.append(FieldProblem(
            "env", "invalid_env",
            "环境ID只能包含英文字母、数字、“-”和“_”。请从云开发控制台复制环境ID。",
            "The environment ID may only hold letters, digits, '-' and '_'. Copy it from the CloudBase console.",
        ))
    return problems


def strip_brackets(signature: str) -> str:
    """`【云开发】` → `云开发`: the platform adds the brackets itself, so typed ones would be doubled."""
    text = signature.strip()
    while text.startswith(("【", "[")) and text.endswith(("】", "]")) and len(text) >= 2:
        text = text[1:-1].strip()
    return text
