"""A campaign: what to send (Marketing content or a Notification template) and how rows feed its parameters."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gui.domain.campaign_rules import campaign_problems, strip_brackets
from gui.domain.errors import UserFacingError
from gui.domain.param_links import DEFAULT_PARAM_LINK_KEY
from gui.domain.sms_text import MarketingDraft, NotificationDraft, SmsType
from gui.domain.suffix_presets import DEFAULT_SUFFIX_KEY

FORMAT_VERSION = 1
# A whole parameter string "{{列名}}" names a recipients column; anything else is literal text.
COLUMN_REFERENCE = re.compile(r"^\{\{\s*(.+?)\s*\}\}$")


class CampaignFileError(UserFacingError):
    """A campaign description that cannot be used: a missing or mistyped field."""

    code = "campaign_file"


@dataclass(frozen=True)
class ParamSource:
    """One Notification template parameter: a fixed `literal`, or the value of a recipients `column`."""

    literal: str = ""
    column: str = ""

    @classmethod
    def parse(cls, value: Any, *, where: str = "template_param_list") -> ParamSource:
        """Read the JSON form: "text", "{{列名}}", {"column": "列名"} or {"literal": "text"}."""
        if isinstance(value, str):
            match = COLUMN_REFERENCE.match(value)
            return cls(column=match.group(1)) if match else cls(literal=value)
        if isinstance(value, Mapping):
            column, literal = value.get("column"), value.get("literal")
            if isinstance(column, str) and column.strip() and literal is None:
                return cls(column=column.strip())
            if isinstance(literal, str) and column is None:
                return cls(literal=literal)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return cls(literal=str(value))
        raise CampaignFileError(
            f"模板变量写法不对：{value!r}。",
            f"A template parameter is not understood: {value!r}.",
            action_zh='请写成文字，或用 "{{列名}}" / {"column": "列名"} 引用收件人表格的一列。',
            action_en='Write text, or refer to a recipients column as "{{column}}" or {"column": "column"}.',
            where=where,
        )

    def to_json(self) -> str | dict[str, str]:
        if self.column:
            return "{{" + self.column + "}}"
        # A literal that looks like a reference must be spelled out, or it would read back as a column.
        return {"literal": self.literal} if COLUMN_REFERENCE.match(self.literal) else self.literal

    def value_for(self, fields: Mapping[str, str]) -> str | None:
        """The parameter's text for one recipient, or None when the column is missing."""
        if not self.column:
            return self.literal
        value = fields.get(self.column)
        return None if value is None else str(value)


@dataclass(frozen=True)
class Campaign:
    """Everything the platform needs besides the numbers, plus the name and text used for checking."""

    name: str
    env: str
    sms_type: SmsType
    signature: str
    short_name: str = ""
    use_short_name: bool = False
    content: str = ""
    path: str = ""
    suffix_key: str = DEFAULT_SUFFIX_KEY
    template_id: str = ""
    template_text: str = ""
    template_params: tuple[ParamSource, ...] = field(default_factory=tuple)
    resource_appid: str = ""
    param_link_key: str = DEFAULT_PARAM_LINK_KEY  # Notification only: how a path value is sent (param_links.py)

    def __post_init__(self) -> None:
        # The platform wraps the signature in 【】 itself: typed brackets would go out doubled.
        object.__setattr__(self, "signature", strip_brackets(self.signature))
        object.__setattr__(self, "short_name", strip_brackets(self.short_name))

    @property
    def is_marketing(self) -> bool:
        return self.sms_type == SmsType.MARKETING

    def columns_used(self) -> tuple[str, ...]:
        """The recipients columns the template parameters read, in order, without repeats."""
        return tuple(dict.fromkeys(p.column for p in self.template_params if p.column))

    def params_for(self, fields: Mapping[str, str]) -> tuple[str, ...] | None:
        """The template parameters for one recipient (None when a referenced column is missing)."""
        if self.is_marketing:
            return ()
        values = tuple(source.value_for(fields) for source in self.template_params)
        return None if any(v is None for v in values) else values  # type: ignore[return-value]  # no None left here

    def draft(self, params: tuple[str, ...] = ()) -> MarketingDraft | NotificationDraft:
        """The text engine's input for one distinct parameter set."""
        if self.is_marketing:
            return MarketingDraft(
                signature=self.signature,
                content=self.content,
                path=self.path,
                short_name=self.short_name,
                use_short_name=self.use_short_name,
                suffix_key=self.suffix_key,
            )
        return NotificationDraft(
            signature=self.signature,
            template_text=self.template_text,
            params=params,
            short_name=self.short_name,
            use_short_name=self.use_short_name,
            template_id=self.template_id,
            param_link_key=self.param_link_key,
        )

    def to_json(self) -> dict[str, Any]:
        """The campaign file's JSON object (only the fields of its SMS type)."""
        data: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "name": self.name,
            "env": self.env,
            "sms_type": self.sms_type.value,
            "signature": self.signature,
            "short_name": self.short_name,
            "use_short_name": self.use_short_name,
        }
        if self.is_marketing:
            data.update(content=self.content, path=self.path, suffix_key=self.suffix_key)
        else:
            data.update(
                template_id=self.template_id,
                template_text=self.template_text,
                template_param_list=[p.to_json() for p in self.template_params],
            )
            if self.param_link_key != DEFAULT_PARAM_LINK_KEY:
                data["param_link_key"] = self.param_link_key
        data["resource_appid"] = self.resource_appid
        return data

    @classmethod
    def from_json(cls, data: Any, *, validate: bool = True) -> Campaign:
        """Read a campaign file's object; every problem names the field concerned.

        `validate=False` skips the field rules (`campaign_rules`), for campaigns the app stored itself: the
        journal's (checked when they were planned) and a draft being restored (checked at the plan).
        """
        if not isinstance(data, Mapping):
            raise CampaignFileError(
                "活动文件应是一个 JSON 对象（{ … }）。",
                "A campaign file must hold one JSON object ({ … }).",
            )
        version = data.get("version", FORMAT_VERSION)
        if isinstance(version, bool) or version != FORMAT_VERSION:
            raise CampaignFileError(
                f"不认识的活动文件版本：{str(version)[:20]}（本软件读取第 {FORMAT_VERSION} 版）。",
                f"Unknown campaign file version {str(version)[:20]!r} (this app reads version {FORMAT_VERSION}).",
                action_zh="这个文件可能来自更新版本的软件，或被改动过。请在本软件里重新保存活动。",
                action_en="It may come from a newer version of the app or have been edited. Save the campaign again here.",
                where="version",
            )
        sms_type_text = _text(data, "sms_type", default="Marketing")
        try:
            sms_type = SmsType(sms_type_text)
        except ValueError:
            raise CampaignFileError(
                f"短信类型“{sms_type_text}”无效。",
                f"Unknown SMS type {sms_type_text!r}.",
                action_zh="请填写 Marketing（营销短信）或 Notification（通知短信）。",
                action_en="Use Marketing or Notification.",
                where="sms_type",
            ) from None
        raw_params = data.get("template_param_list", [])
        if not isinstance(raw_params, list):
            raise _wrong_type("template_param_list", "列表", "a list")
        params = tuple(
            ParamSource.parse(value, where=f"template_param_list[{index}]")
            for index, value in enumerate(raw_params)
        )
        campaign = cls(
            name=_text(data, "name", default=""),
            env=_text(data, "env", default=""),
            sms_type=sms_type,
            signature=_text(data, "signature", default=""),
            short_name=_text(data, "short_name", default=""),
            use_short_name=_flag(data, "use_short_name"),
            content=_text(data, "content", strip=False),
            path=_text(data, "path", default=""),
            suffix_key=_text(data, "suffix_key", default=DEFAULT_SUFFIX_KEY) or DEFAULT_SUFFIX_KEY,
            template_id=_text(data, "template_id", default=""),
            template_text=_text(data, "template_text", strip=False),
            template_params=params,
            resource_appid=_text(data, "resource_appid", default=""),
            param_link_key=_text(data, "param_link_key", default=DEFAULT_PARAM_LINK_KEY) or DEFAULT_PARAM_LINK_KEY,
        )
        problems = campaign_problems(campaign) if validate else []
        if problems:
            first = problems[0]
            raise CampaignFileError(
                first.message_zh, first.message_en,
                action_zh="请改正活动文件中的这一项。", action_en="Correct this field in the campaign file.",
                where=first.field,
            )
        return campaign


def _wrong_type(key: str, kind_zh: str, kind_en: str) -> CampaignFileError:
    return CampaignFileError(
        f"“{key}”应为{kind_zh}。",
        f"{key!r} must be {kind_en}.",
        action_zh="请改正活动文件中的这一项。",
        action_en="Correct this field in the campaign file.",
        where=key,
    )


def _text(data: Mapping[str, Any], key: str, *, default: str = "", strip: bool = True) -> str:
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _wrong_type(key, "文字", "text")
    return str(value).strip() if strip else str(value)


def _flag(data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _wrong_type(key, " true 或 false", "true or false")
    return value
