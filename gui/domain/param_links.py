"""How the platform treats a Notification parameter that is a static-site path: a named, configurable preset.

wechat-api-notes §2.6 infers (it is not documented) that a template value such as `/pages/order/index` is turned
into a `tcbe.cn` short link, as the Marketing `path` is, because variables may not carry raw URLs. The sandbox
behaves so. The text engine, the counter, the bubble and the simulator all ask this one preset, so what is
counted and previewed is what is sent; if the platform turns out to send the path as it is, choose `as_typed`.
"""

from __future__ import annotations

from typing import NamedTuple


class ParamLinkRule(NamedTuple):
    """`link_placeholder` stands in for the generated link with its real domain and code length."""

    key: str
    label_zh: str
    label_en: str
    link_prefix: str = ""  # "" means parameters are sent as typed
    code_length: int = 0

    def applies(self, value: str) -> bool:
        return bool(self.link_prefix) and value.startswith("/")

    @property
    def link_placeholder(self) -> str:
        return self.link_prefix + "X" * self.code_length

    def shown(self, value: str) -> str:
        """The value as the recipient will see it (the placeholder link for a path)."""
        return self.link_placeholder if self.applies(value) else value


DEFAULT_PARAM_LINK_KEY = "tcbe_short_link"
PARAM_LINK_RULES: dict[str, ParamLinkRule] = {
    rule.key: rule
    for rule in (
        ParamLinkRule(
            key="tcbe_short_link",
            label_zh="以 / 开头的模板变量（静态网站路径）换成 tcbe.cn 短链接（推断，练习模式如此）",
            label_en="A template value starting with / (a static-site path) becomes a tcbe.cn short link (inferred)",
            link_prefix="https://tcbe.cn/",
            code_length=8,
        ),
        ParamLinkRule(
            key="as_typed",
            label_zh="模板变量原样发送",
            label_en="Template values are sent as typed",
        ),
    )
}


def param_link_rule(key: str = DEFAULT_PARAM_LINK_KEY) -> ParamLinkRule:
    return PARAM_LINK_RULES.get(key, PARAM_LINK_RULES[DEFAULT_PARAM_LINK_KEY])
