"""The fixed text the platform appends to Marketing content (link + unsubscribe text), as named presets."""

from __future__ import annotations

from typing import NamedTuple

from gui.domain.errors import UserFacingError

LINK_MARK = "{link}"


class SuffixPreset(NamedTuple):
    """One version of the platform's Marketing template, minus the `{1}` content.

    `template` holds `{link}` where the platform puts the short link it generates from the static-site
    path; `link_placeholder` stands in for that link, with the documented domain and code length, so the
    length of the final text is counted as the platform will count it.
    """

    key: str
    label_zh: str
    label_en: str
    template: str
    link_placeholder: str

    def render(self, link: str | None = None) -> str:
        """The suffix text with `link`, or with the placeholder link when none is given."""
        return self.template.replace(LINK_MARK, self.link_placeholder if link is None else link)

    @property
    def fixed_length(self) -> int:
        """Characters (UTF-16 units) the suffix adds to every message, link included."""
        return len(self.render().encode("utf-16-le")) // 2


DEFAULT_SUFFIX_KEY = "tcbe_reply_t"

# The platform has changed this text over time (wechat-api-notes §2.1/§2.3), hence presets, not one literal.
SUFFIX_PRESETS: dict[str, SuffixPreset] = {
    preset.key: preset
    for preset in (
        SuffixPreset(
            key="tcbe_reply_t",
            label_zh="跳转小程序 + tcbe.cn 短链接 + 回T退订（接口文档示例）",
            label_en="Jump to mini program + tcbe.cn short link + reply T to unsubscribe (API page example)",
            template=",跳转小程序 {link} 回T退订",
            link_placeholder="https://tcbe.cn/XXXXXXXX",
        ),
        SuffixPreset(
            key="dllzff_reply_r",
            label_zh="跳转小程序 + dllzff.cn 短链接 + 拒收请回复R。（较新的批量任务文档）",
            label_en="Jump to mini program + dllzff.cn short link + reply R to opt out (newer task docs)",
            template=",跳转小程序{link},拒收请回复R。",
            link_placeholder="https://dllzff.cn/XXXXXXXX",
        ),
        SuffixPreset(
            key="wxmpurl_reply_r",
            label_zh="跳转小程序 + wxmpurl.cn 链接 + 拒收请回复R（2024 年文档）",
            label_en="Jump to mini program + wxmpurl.cn link + reply R to opt out (2024 docs)",
            template=",跳转小程序 {link},拒收请回复R",
            link_placeholder="https://wxmpurl.cn/XXXXXXXXXXX",
        ),
    )
}


class UnknownSuffixError(UserFacingError):
    """A suffix key that names no preset (e.g. from an old settings file)."""

    code = "unknown_suffix"


def suffix_preset(key: str) -> SuffixPreset:
    """The preset named `key`; raises `UnknownSuffixError` naming the valid keys."""
    try:
        return SUFFIX_PRESETS[key]
    except KeyError:
        keys = ", ".join(SUFFIX_PRESETS)
        raise UnknownSuffixError(
            f"没有名为「{key}」的短信结尾样式。",
            f"There is no SMS suffix preset named '{key}'.",
            action_zh=f"请改用其中一个：{keys}。",
            action_en=f"Use one of: {keys}.",
            where="suffix",
        ) from None
