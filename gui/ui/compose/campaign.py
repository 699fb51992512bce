"""The campaign as the 内容 page has it: the compose view's draft turned into the engine's `Campaign`."""

from __future__ import annotations

from typing import Any

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.sms_text import SmsType


def campaign_from_compose(compose: Any, env: str, resource_appid: str = "", name: str = "") -> Campaign:
    """The campaign as the 内容 page has it (parameters from the column mapping when there is one)."""
    draft = compose.draft()
    common = {"name": name or draft.signature, "env": env, "signature": draft.signature,
              "short_name": draft.short_name, "use_short_name": draft.use_short_name,
              "resource_appid": resource_appid}
    if compose.sms_type() == SmsType.NOTIFICATION:
        sources = getattr(compose.notification, "param_sources", None)
        params = tuple(sources()) if callable(sources) else tuple(ParamSource(literal=v) for v in draft.params)
        return Campaign(sms_type=SmsType.NOTIFICATION, template_id=draft.template_id,
                        template_text=draft.template_text, template_params=params,
                        param_link_key=draft.param_link_key, **common)
    return Campaign(sms_type=SmsType.MARKETING, content=draft.content, path=draft.path,
                    suffix_key=draft.suffix_key, **common)
