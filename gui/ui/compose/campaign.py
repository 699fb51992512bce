"""The campaign as the 内容 page has it: the compose view's draft turned into the engine's `Campaign`."""

from __future__ import annotations

from typing import Protocol

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.sms_text import MarketingDraft, NotificationDraft, SmsType


class ParamSourceForm(Protocol):
    """The 通知短信 form: where each template variable comes from (a column or a literal)."""

    def param_sources(self) -> tuple[ParamSource, ...]: ...


class ComposeSource(Protocol):
    """What the campaign is read from: the 内容 page's `ComposeView`."""

    @property
    def notification(self) -> ParamSourceForm: ...

    def draft(self) -> MarketingDraft | NotificationDraft: ...

    def sms_type(self) -> SmsType: ...



def campaign_from_compose(compose: ComposeSource, env: str, resource_appid: str = "", name: str = "") -> Campaign:
    """The campaign as the 内容 page has it (parameters from the column mapping when there is one)."""
    draft = compose.draft()
    name = name or draft.signature
    if isinstance(draft, NotificationDraft):
        return Campaign(name=name, env=env, sms_type=SmsType.NOTIFICATION, signature=draft.signature,
                        short_name=draft.short_name, use_short_name=draft.use_short_name,
                        resource_appid=resource_appid, template_id=draft.template_id,
                        template_text=draft.template_text, template_params=compose.notification.param_sources(),
                        param_link_key=draft.param_link_key)
    return Campaign(name=name, env=env, sms_type=SmsType.MARKETING, signature=draft.signature,
                    short_name=draft.short_name, use_short_name=draft.use_short_name, resource_appid=resource_appid,
                    content=draft.content, path=draft.path, suffix_key=draft.suffix_key)
