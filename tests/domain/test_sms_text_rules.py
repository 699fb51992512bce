"""Table-driven tests of the counting rules, suffix presets and character, URL and path checks."""

from __future__ import annotations

import pytest

from gui.domain.errors import UserFacingError
from gui.domain.suffix_presets import (
    DEFAULT_SUFFIX_KEY,
    LINK_MARK,
    SUFFIX_PRESETS,
    UnknownSuffixError,
    suffix_preset,
)
from gui.domain.text_rules import (
    FORBIDDEN_SYMBOLS,
    PathIssue,
    check_path,
    find_forbidden,
    find_unsupported,
    find_urls,
    fold,
    index_after_units,
    parts_for,
    sms_length,
)

LENGTHS = [
    ("", 0, "empty"),
    ("abc 123", 7, "ASCII letters, digits and a space"),
    ("能力上新", 4, "Chinese"),
    ("，。！？、", 5, "full-width punctuation"),
    ("ＡＢＣ１２３", 6, "full-width letters and digits"),
    ("\u3000", 1, "ideographic space"),
    ("😀", 2, "emoji is a surrogate pair"),
    ("👍🏻", 4, "emoji with a skin-tone modifier"),
    ("𠀀", 2, "rare CJK (Extension B)"),
    ("【云开发】", 5, "signature brackets count"),
    ("e\u0301", 2, "e + combining accent: two code units"),
]


@pytest.mark.parametrize(("text", "expected", "why"), LENGTHS, ids=[w for *_, w in LENGTHS])
def test_sms_length_counts_utf16_units(text: str, expected: int, why: str) -> None:
    assert sms_length(text) == expected, why


SEGMENTS = [(0, 1), (1, 1), (70, 1), (71, 2), (100, 2), (134, 2), (135, 3), (150, 3), (201, 3), (202, 4), (268, 4), (269, 5)]


@pytest.mark.parametrize(("length", "parts"), SEGMENTS)
def test_parts_for_boundaries(length: int, parts: int) -> None:
    assert parts_for(length) == parts


@pytest.mark.parametrize(
    ("text", "units", "index"),
    [("abcdef", 3, 3), ("abc", 10, 3), ("ab😀c", 2, 2), ("ab😀c", 3, 2), ("ab😀c", 4, 3), ("😀", 0, 0)],
)
def test_index_after_units_never_splits_a_surrogate_pair(text: str, units: int, index: int) -> None:
    assert index_after_units(text, units) == index
    assert sms_length(text[:index]) <= units


# --- suffix presets ----------------------------------------------------------------------------

PRESET_TABLE = [
    ("tcbe_reply_t", ",跳转小程序 {link} 回T退订", "https://tcbe.cn/XXXXXXXX", 24, 36),
    ("dllzff_reply_r", ",跳转小程序{link},拒收请回复R。", "https://dllzff.cn/XXXXXXXX", 26, 40),
    ("wxmpurl_reply_r", ",跳转小程序 {link},拒收请回复R", "https://wxmpurl.cn/XXXXXXXXXXX", 30, 44),
]


@pytest.mark.parametrize(("key", "template", "placeholder", "link_length", "fixed"), PRESET_TABLE)
def test_presets_fixed_character_counts(key, template, placeholder, link_length, fixed) -> None:
    preset = SUFFIX_PRESETS[key]
    assert preset.template == template
    assert preset.template.count(LINK_MARK) == 1
    assert preset.link_placeholder == placeholder
    assert sms_length(preset.link_placeholder) == link_length
    assert preset.fixed_length == fixed
    assert preset.label_zh and preset.label_en


def test_default_preset_is_the_api_page_suffix() -> None:
    assert DEFAULT_SUFFIX_KEY == "tcbe_reply_t"
    assert set(SUFFIX_PRESETS) == {key for key, *_ in PRESET_TABLE}


DOC_EXAMPLES = [
    ("tcbe_reply_t", "https://tcbe.cn/VcdrUJK0", "【云开发】能力上新,跳转小程序 https://tcbe.cn/VcdrUJK0 回T退订", 45),
    ("dllzff_reply_r", "https://dllzff.cn/VcdrUJK0", "【云开发】能力上新,跳转小程序https://dllzff.cn/VcdrUJK0,拒收请回复R。", 49),
    ("wxmpurl_reply_r", "https://wxmpurl.cn/tN5huKl2Gwg", "【云开发】能力上新,跳转小程序 https://wxmpurl.cn/tN5huKl2Gwg,拒收请回复R", 53),
]


@pytest.mark.parametrize(("key", "link", "example", "length"), DOC_EXAMPLES)
def test_presets_reproduce_the_documented_examples(key: str, link: str, example: str, length: int) -> None:
    preset = SUFFIX_PRESETS[key]
    assert "【云开发】能力上新" + preset.render(link) == example
    assert sms_length(example) == length
    # The placeholder link has exactly the length of a real one, so the count is the platform's.
    assert sms_length(preset.render()) == sms_length(preset.render(link))


def test_unknown_suffix_key_is_a_user_facing_error() -> None:
    with pytest.raises(UnknownSuffixError) as caught:
        suffix_preset("old_style")
    assert isinstance(caught.value, UserFacingError)
    assert "old_style" in caught.value.message_zh
    assert "tcbe_reply_t" in caught.value.action_en


# --- characters --------------------------------------------------------------------------------


@pytest.mark.parametrize("symbol", FORBIDDEN_SYMBOLS, ids=lambda s: s.token)
def test_each_forbidden_symbol_is_found_with_its_span(symbol) -> None:
    text = f"新品{symbol.token}上市"
    hits = find_forbidden(text)
    assert [(h.start, h.end, h.found, h.symbol) for h in hits] == [(2, 2 + len(symbol.token), symbol.token, symbol)]


def test_forbidden_symbol_list_is_the_documented_one() -> None:
    assert {s.token for s in FORBIDDEN_SYMBOLS} == {"【", "】", "¥", "★", "☞", "✓", "※", "^_^"}
    assert all(s.reason_zh and s.reason_en for s in FORBIDDEN_SYMBOLS)


FORBIDDEN_CASES = [
    ("满100减20", [], "plain text"),
    ("¥5 ¥6", [(0, 1), (3, 4)], "one hit per occurrence"),
    ("只要￥9", [(2, 3)], "full-width yuan sign from a Chinese input method"),
    ("谢谢＾＿＾", [(2, 5)], "full-width emoticon"),
    ("^_^^_^", [(0, 3), (3, 6)], "two emoticons back to back"),
    ("^_", [], "half an emoticon"),
    ("【新品】", [(0, 1), (3, 4)], "brackets in content"),
]


@pytest.mark.parametrize(("text", "spans", "why"), FORBIDDEN_CASES, ids=[w for *_, w in FORBIDDEN_CASES])
def test_find_forbidden(text: str, spans: list[tuple[int, int]], why: str) -> None:
    assert [(h.start, h.end) for h in find_forbidden(text)] == spans, why


def test_fold_keeps_offsets() -> None:
    text = "ｗｗｗ．ａ．ｃｏｍ㎡ﬁ￥"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("www.a.com")


@pytest.mark.parametrize(
    ("text", "spans"),
    [("上新", []), ("上新😀", [(2, 3)]), ("𠀀字", [(0, 1)]), ("a👍🏻b", [(1, 2), (2, 3)]), ("ＡＢＣ", [])],
)
def test_find_unsupported_outside_the_bmp(text: str, spans: list[tuple[int, int]]) -> None:
    assert [(h.start, h.end) for h in find_unsupported(text)] == spans


URLS = [
    ("看http://a.cn", "http://a.cn", "http scheme"),
    ("详见https://shop.example.com/a?b=1。", "https://shop.example.com/a?b=1", "https with path, trailing 。 cut"),
    ("打开www.abc.com,谢谢", "www.abc.com", "www. prefix, trailing comma cut"),
    ("访问abc.com了解", "abc.com", "bare domain between Chinese"),
    ("官网 m.shop.net.cn/x", "m.shop.net.cn/x", "multi-label domain with a path"),
    ("ｗｗｗ．ａｂｃ．ｃｏｍ", "ｗｗｗ．ａｂｃ．ｃｏｍ", "full-width www address"),
    ("WWW.ABC.COM", "WWW.ABC.COM", "upper case"),
]


@pytest.mark.parametrize(("text", "found", "why"), URLS, ids=[w for *_, w in URLS])
def test_find_urls(text: str, found: str, why: str) -> None:
    hits = find_urls(text)
    assert [h.found for h in hits] == [found], why
    assert text[hits[0].start : hits[0].end] == found


@pytest.mark.parametrize("text", ["全场3.5折", "见index.html", "Node.js 课程", "v1.2.3 版本", "写信到 a@qq.com", "能力上新"])
def test_find_urls_ignores_things_that_are_not_addresses(text: str) -> None:
    assert find_urls(text) == []


# --- static-site path --------------------------------------------------------------------------

PATHS = [
    ("/index.html", [], "plain path"),
    ("/action/index.html?action=double12", [], "path with a query, from the API page"),
    ("/", [], "site root"),
    ("", [(PathIssue.MISSING, 0, 0)], "missing"),
    ("   ", [(PathIssue.MISSING, 0, 3)], "only spaces"),
    ("index.html", [(PathIssue.NO_LEADING_SLASH, 0, 1)], "no leading slash"),
    ("／index.html", [(PathIssue.NO_LEADING_SLASH, 0, 1)], "full-width slash"),
    ("https://env-1.tcloudbaseapp.com/index.html", [(PathIssue.SCHEME_OR_DOMAIN, 0, 31)], "full URL"),
    ("http://a.cn", [(PathIssue.SCHEME_OR_DOMAIN, 0, 11)], "URL without a path"),
    ("//a.cn/x.html", [(PathIssue.SCHEME_OR_DOMAIN, 0, 6)], "protocol-relative URL"),
    ("example.com/index.html", [(PathIssue.SCHEME_OR_DOMAIN, 0, 11)], "domain without scheme"),
    ("/my page.html", [(PathIssue.SPACE, 3, 4)], "space inside"),
    ("/a\u3000b", [(PathIssue.SPACE, 2, 3)], "ideographic space"),
    (" /index.html", [(PathIssue.SPACE, 0, 1)], "leading space only"),
    ("/index.html  ", [(PathIssue.SPACE, 11, 13)], "trailing spaces as one run"),
    ("https://a.cn/my page", [(PathIssue.SCHEME_OR_DOMAIN, 0, 12), (PathIssue.SPACE, 15, 16)], "two problems"),
]


@pytest.mark.parametrize(("path", "issues", "why"), PATHS, ids=[w for *_, w in PATHS])
def test_check_path(path: str, issues: list[tuple[str, int, int]], why: str) -> None:
    assert check_path(path) == issues, why
