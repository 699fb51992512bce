"""Table-driven tests of the SMS text engine: final text, length, parts, and every problem code."""

from __future__ import annotations

import re

import pytest

from gui.domain.sms_text import (
    DEFAULT_SUFFIX_KEY,
    MarketingDraft,
    NotificationDraft,
    Problem,
    RenderedSms,
    Severity,
    SmsType,
    effective_use_short_name,
    placeholder_count,
    render,
    render_marketing,
    render_notification,
    sms_length,
)

NAME10 = "一二三四五六七八九十"
CONTENT30 = "甲" * 30
SEED = "【云开发】能力上新,跳转小程序 https://tcbe.cn/VcdrUJK0 回T退订"


def marketing(content: str = "能力上新", *, signature: str = "云开发", path: str = "/index.html", **kw) -> RenderedSms:
    return render_marketing(MarketingDraft(signature=signature, content=content, path=path, **kw))


def notification(template: str, *params: str, signature: str = "云开发", **kw) -> RenderedSms:
    return render_notification(NotificationDraft(signature=signature, template_text=template, params=params, **kw))


def codes(problems: tuple[Problem, ...]) -> list[str]:
    return [p.code for p in problems]


def field_text(draft: MarketingDraft | NotificationDraft, problem: Problem) -> str:
    """The text a problem's span points into."""
    if problem.field == "signature":
        return draft.short_name if draft.use_short_name else draft.signature
    attribute = {"content": "content", "path": "path", "template": "template_text"}[problem.field]
    return getattr(draft, attribute)


# --- the two acceptance examples ---------------------------------------------------------------


def test_seed_example_measures_45_and_one_part() -> None:
    result = marketing()
    assert result.sms_type is SmsType.MARKETING
    assert result.text == "【云开发】能力上新,跳转小程序 https://tcbe.cn/XXXXXXXX 回T退订"
    assert result.text.replace("XXXXXXXX", "VcdrUJK0") == SEED
    assert (result.length, result.parts, result.content_length) == (45, 1, 4)
    assert result.ok and result.errors == () and result.warnings == ()
    assert result.signature_shown == "【云开发】"
    assert result.body_offset == 5
    assert result.text[result.body_offset :].startswith("能力上新")


def test_thirty_characters_under_a_ten_character_name_is_78_and_two_parts() -> None:
    result = marketing(CONTENT30, signature=NAME10)
    assert (result.length, result.parts, result.content_length) == (78, 2, 30)
    assert result.ok
    (warning,) = result.warnings
    assert warning.code == "multi_part" and warning.severity is Severity.WARNING
    assert "整条短信 78 字，将按 2 条计费" in warning.message_zh
    assert "78" in warning.message_en and "2 parts" in warning.message_en
    # 12 (signature) + 22 + 36 = 70: the last 8 characters are what pushes it into a second part.
    assert (warning.field, warning.start, warning.end) == ("content", 22, 30)


# --- boundaries --------------------------------------------------------------------------------

MARKETING_BOUNDARIES = [
    # signature length, content length -> total, parts; total = name + 2 + content + 36
    (2, 30, 70, 1),
    (3, 30, 71, 2),
    (12, 20, 70, 1),
    (12, 21, 71, 2),
]


@pytest.mark.parametrize(("name_len", "content_len", "total", "parts"), MARKETING_BOUNDARIES)
def test_marketing_70_71_boundary(name_len: int, content_len: int, total: int, parts: int) -> None:
    result = marketing("文" * content_len, signature="名" * name_len)
    assert (result.length, result.parts) == (total, parts)
    assert result.ok
    assert ("multi_part" in codes(result.warnings)) is (parts > 1)


@pytest.mark.parametrize(("total", "parts"), [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
def test_notification_boundaries(total: int, parts: int) -> None:
    # 【云开发】 is 5; the rest is the template with one 3-character parameter.
    template = "通" * (total - 5 - 3) + "{1}"
    result = notification(template, "ABC")
    assert (result.length, result.parts) == (total, parts)
    assert result.content_length is None
    assert result.ok
    if parts == 1:
        assert result.warnings == ()
    else:
        (warning,) = result.warnings
        assert warning.code == "multi_part"
        assert f"整条短信 {total} 字，将按 {parts} 条计费" in warning.message_zh


def test_emoji_counts_two_toward_length_and_parts() -> None:
    # 【云开发】(5) + 29 + emoji(2) + 36 = 72: two parts although there are only 30 code points of content.
    result = marketing("文" * 28 + "😀")
    assert result.content_length == 30
    assert result.length == 5 + 30 + 36
    assert "unsupported_character" in codes(result.errors)


def test_full_width_characters_count_one_each() -> None:
    result = marketing("ＡＢＣ１２３，全角！")
    assert result.content_length == 10
    assert result.length == 5 + 10 + 36
    assert result.ok


@pytest.mark.parametrize(("key", "length"), [("tcbe_reply_t", 45), ("dllzff_reply_r", 49), ("wxmpurl_reply_r", 53)])
def test_each_suffix_preset_changes_the_length(key: str, length: int) -> None:
    result = marketing(suffix_key=key)
    assert result.length == length
    assert result.text.startswith("【云开发】能力上新,跳转小程序")


def test_default_suffix_key_is_used_by_drafts() -> None:
    assert MarketingDraft("a", "b", "/").suffix_key == DEFAULT_SUFFIX_KEY


# --- every error and warning code --------------------------------------------------------------

ERRORS = [
    # (draft, code, field, start, end)
    (MarketingDraft("云开发", "文" * 32, "/i.html"), "content_too_long", "content", 30, 32),
    (MarketingDraft("云开发", "文" * 29 + "😀", "/i.html"), "content_too_long", "content", 29, 30),
    (MarketingDraft("云开发", "", "/i.html"), "empty_content", "content", 0, 0),
    (MarketingDraft("云开发", "  ", "/i.html"), "empty_content", "content", 0, 2),
    (MarketingDraft("云开发", "只要¥9", "/i.html"), "forbidden_character", "content", 2, 3),
    (MarketingDraft("云开发", "好评^_^", "/i.html"), "forbidden_character", "content", 2, 5),
    (MarketingDraft("云开发", "上新😀", "/i.html"), "unsupported_character", "content", 2, 3),
    (MarketingDraft("云开发", "𠀀上新", "/i.html"), "unsupported_character", "content", 0, 1),
    (MarketingDraft("小" * 13, "上新", "/i.html"), "signature_too_long", "signature", 12, 13),
    (MarketingDraft("小" * 13, "上新", "/i.html", short_name="简称"), "signature_too_long", "signature", 12, 13),
    (MarketingDraft("小" * 13, "上新", "/i.html", use_short_name=True), "signature_too_long", "signature", 0, 0),
    (MarketingDraft("云开发", "上新", "/i.html", "简" * 14, True), "signature_too_long", "signature", 12, 14),
    (MarketingDraft("", "上新", "/i.html"), "missing_signature", "signature", 0, 0),
    (MarketingDraft("云开发", "上新", ""), "invalid_path", "path", 0, 0),
    (MarketingDraft("云开发", "上新", "i.html"), "invalid_path", "path", 0, 1),
    (MarketingDraft("云开发", "上新", "https://a.cn/i.html"), "invalid_path", "path", 0, 12),
    (MarketingDraft("云开发", "上新", "a.cn/i.html"), "invalid_path", "path", 0, 4),
    (MarketingDraft("云开发", "上新", "/i .html"), "invalid_path", "path", 2, 3),
    (NotificationDraft("云开发", "订单{1}已发货，{2}", ("A",)), "param_count_mismatch", "template", 9, 12),
    (NotificationDraft("云开发", "订单{1}已发货", ("A", "B", "C")), "param_count_mismatch", "params", 1, 3),
    (NotificationDraft("云开发", "订单已发货", ("A",)), "param_count_mismatch", "params", 0, 1),
    (NotificationDraft("云开发", "", ()), "missing_template", "template", 0, 0),
    (NotificationDraft("云开发", " ", ("A",)), "missing_template", "template", 0, 1),
    (NotificationDraft("云开发", "订单★{1}", ("A",)), "forbidden_character", "template", 2, 3),
    (NotificationDraft("云开发", "订单{1}已发货", ("A¥",)), "forbidden_character", "template", 2, 5),
    (NotificationDraft("云开发", "订单{1}已发货", ("😀",)), "unsupported_character", "template", 2, 5),
    (NotificationDraft("小" * 13, "订单{1}", ("A",)), "signature_too_long", "signature", 12, 13),
    # 【云开发】 is 5: the 495th body character is the last that fits in 500.
    (NotificationDraft("云开发", "通" * 496, ()), "message_too_long", "template", 495, 496),
    (NotificationDraft("云开发", "通" * 490 + "{1}", ("A" * 20,)), "message_too_long", "template", 490, 493),
]


@pytest.mark.parametrize(
    ("draft", "code", "field", "start", "end"),
    ERRORS,
    ids=[f"{i}-{row[1]}" for i, row in enumerate(ERRORS)],
)
def test_error_codes_and_spans(draft, code: str, field: str, start: int, end: int) -> None:
    result = render(draft)
    assert not result.ok
    matching = [p for p in result.errors if p.code == code]
    assert len(matching) == 1, result.errors
    problem = matching[0]
    assert problem.severity is Severity.ERROR
    assert (problem.field, problem.start, problem.end) == (field, start, end)
    # Length and parts are reported whatever the errors.
    assert result.length == sms_length(result.text) and result.parts >= 1


WARNINGS = [
    (MarketingDraft(NAME10, CONTENT30, "/i.html"), "multi_part", "content", 22, 30),
    (MarketingDraft("云开发", "详见www.abc.com", "/i.html"), "url_in_content", "content", 2, 13),
    (MarketingDraft("云开发", "访问abc.com了解", "/i.html"), "url_in_content", "content", 2, 9),
    (MarketingDraft("云开发", "看https://a.cn/x", "/i.html"), "url_in_content", "content", 1, 15),
    (NotificationDraft("云开发", "您好{1}，详见{2}", ("张三", "http://a.cn")), "url_in_content", "template", 8, 11),
    (NotificationDraft("云开发", "通" * 60 + "{1}", ("ABCDEFGHIJ",)), "multi_part", "template", 60, 63),
    (NotificationDraft("云开发", "通" * 66 + "尾", ()), "multi_part", "template", 65, 67),
]


@pytest.mark.parametrize(
    ("draft", "code", "field", "start", "end"),
    WARNINGS,
    ids=[f"{i}-{row[1]}" for i, row in enumerate(WARNINGS)],
)
def test_warning_codes_and_spans(draft, code: str, field: str, start: int, end: int) -> None:
    result = render(draft)
    assert result.ok, result.errors
    (problem,) = [p for p in result.warnings if p.code == code]
    assert problem.severity is Severity.WARNING
    assert (problem.field, problem.start, problem.end) == (field, start, end)


def test_multi_part_message_says_how_many_to_cut() -> None:
    (warning,) = marketing("文" * 30, signature="名" * 4).warnings  # 6 + 30 + 36 = 72
    assert warning.message_zh == "整条短信 72 字，将按 2 条计费。删掉 2 个字（划线部分）即可按 1 条计费。"
    assert (warning.start, warning.end) == (28, 30)


def test_errors_and_warnings_are_reported_together_with_length() -> None:
    result = marketing("文" * 40 + "www.a.com", signature=NAME10)
    assert codes(result.errors) == ["content_too_long"]
    assert sorted(codes(result.warnings)) == ["multi_part", "url_in_content"]
    assert result.content_length == 49
    assert result.length == 12 + 49 + 36
    assert result.parts == 2
    too_long = result.errors[0]
    assert "49" in too_long.message_zh and "19" in too_long.message_zh


def test_one_problem_per_forbidden_occurrence() -> None:
    result = marketing("★新★品★")
    found = [(p.start, p.end) for p in result.errors if p.code == "forbidden_character"]
    assert found == [(0, 1), (2, 3), (4, 5)]


def test_full_width_yuan_sign_is_forbidden_and_quoted_as_typed() -> None:
    (problem,) = marketing("只要￥9.9").errors
    assert problem.code == "forbidden_character"
    assert "「￥」" in problem.message_zh


def test_signature_brackets_are_not_character_problems() -> None:
    result = notification("【活动】{1}", "A")
    assert [(p.start, p.end) for p in result.errors] == [(0, 1), (3, 4)]  # only the template's own brackets
    assert all(p.field == "template" for p in result.errors)


def test_forbidden_character_in_a_parameter_names_the_parameter() -> None:
    result = notification("您好{1}，订单{2}已发货", "张三", "A★B")
    (problem,) = result.errors
    assert problem.code == "forbidden_character"
    assert (problem.field, problem.start, problem.end) == ("template", 8, 11)
    assert result.errors[0].message_zh.startswith("第 2 个模板变量 {2} 的值里的「★」")
    assert "{2}" in problem.message_en


def test_short_name_signs_when_turned_on() -> None:
    result = marketing(signature="很长很长很长很长很长很长的名字", short_name="长名", use_short_name=True)
    assert result.ok
    assert result.signature_shown == "【长名】"
    assert result.length == 4 + 4 + 36


@pytest.mark.parametrize(
    ("name", "short", "use", "expected", "hint"),
    [
        ("小" * 13, "", False, "missing_short", "填写小程序简称"),
        ("小" * 13, "简称", False, "turn_on", "勾选“使用小程序简称”"),
        ("小" * 13, " ", True, "empty_short", "简称是空的"),
        ("云开发", "简" * 13, True, "short_too_long", "不超过 12 个字的简称"),
    ],
)
def test_signature_messages_say_what_to_do(name: str, short: str, use: bool, expected: str, hint: str) -> None:
    result = marketing(signature=name, short_name=short, use_short_name=use)
    (problem,) = result.errors
    assert problem.code == "signature_too_long", expected
    assert hint in problem.message_zh


def test_twelve_character_name_is_fine_and_brackets_count() -> None:
    result = marketing(signature="名" * 12)
    assert result.ok
    assert result.signature_shown == "【" + "名" * 12 + "】"
    assert result.length == 14 + 4 + 36


@pytest.mark.parametrize(
    ("name", "short", "use", "expected"),
    [
        ("云开发", "", False, False),
        ("云开发", "云", False, False),
        ("云开发", "云", True, True),
        ("名" * 13, "", False, False),
        ("名" * 13, "简", False, True),
        ("名" * 12, "简", False, False),
    ],
)
def test_effective_use_short_name(name: str, short: str, use: bool, expected: bool) -> None:
    assert effective_use_short_name(name, short, use) is expected


# --- notification rendering --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "count"),
    [("", 0), ("无变量", 0), ("{1}", 1), ("{1}{2}", 2), ("{2}", 2), ("{1}又{1}", 1), ("{3}和{1}", 3), ("{0}", 0), ("{a}", 0)],
)
def test_placeholder_count(template: str, count: int) -> None:
    assert placeholder_count(template) == count


def test_notification_renders_parameters_in_place() -> None:
    result = notification("您的订单{1}已发货，请于{2}前取件", "A123", "明天")
    assert result.sms_type is SmsType.NOTIFICATION
    assert result.text == "【云开发】您的订单A123已发货，请于明天前取件"
    assert result.length == sms_length(result.text) == 24
    assert result.ok and result.body_offset == 5


def test_missing_values_stay_as_placeholders_and_still_count() -> None:
    result = notification("订单{1}，{2}", "A")
    assert result.text == "【云开发】订单A，{2}"
    assert result.length == 12


def test_notification_uses_the_short_name() -> None:
    result = notification("订单{1}", "A", signature="名" * 13, short_name="短名", use_short_name=True)
    assert result.ok and result.text == "【短名】订单A"


def test_parameter_with_emoji_counts_two() -> None:
    result = notification("{1}", "😀")
    assert result.length == 5 + 2


# --- messages and spans in general -------------------------------------------------------------

MESSY = [
    MarketingDraft("很长很长很长很长很长很长的名字", "【抢】" + "¥★☞✓※^_^😀www.a.com" + "文" * 30, "https://a.cn/x y"),
    MarketingDraft("", "", ""),
    MarketingDraft("云开发", "ＡＢＣ￥😀", "index.html", "简" * 20, True),
    NotificationDraft("名" * 20, "★{1}😀{2}{3}" + "字" * 80, ("¥", "https://x.cn", "𠀀", "多余")),
    NotificationDraft("云开发", "", ("A",)),
]


@pytest.mark.parametrize("draft", MESSY, ids=range(len(MESSY)))
def test_every_problem_has_both_languages_an_action_and_a_valid_span(draft) -> None:
    result = render(draft)
    assert result.problems
    for problem in result.problems:
        assert re.search(r"[\u4e00-\u9fff]", problem.message_zh), problem
        assert re.search(r"[A-Za-z]{3}", problem.message_en), problem
        assert "请" in problem.message_zh or "删掉" in problem.message_zh, problem
        assert problem.start <= problem.end
        if problem.field == "params":
            assert problem.end <= len(draft.params)
        else:
            assert problem.end <= len(field_text(draft, problem)), problem


def test_problems_are_ordered_by_field_then_position() -> None:
    result = render(MESSY[0])
    fields = [p.field for p in result.errors]
    assert fields == sorted(fields, key=["signature", "content", "template", "params", "path"].index)
    content_starts = [p.start for p in result.errors if p.field == "content"]
    assert content_starts == sorted(content_starts)


def test_every_code_is_covered_by_these_tests() -> None:
    seen = {code for *_, code, _f, _s, _e in ERRORS} | {code for *_, code, _f, _s, _e in WARNINGS}
    assert seen >= {
        "content_too_long", "empty_content", "forbidden_character", "unsupported_character",
        "signature_too_long", "invalid_path", "param_count_mismatch", "missing_template",
        "multi_part", "url_in_content",
    }


def test_the_500_character_cap_is_exact() -> None:
    fits = render(NotificationDraft("云开发", "通" * 495, ()))
    assert fits.length == 500 and fits.ok and fits.parts == 8
    over = render(NotificationDraft("云开发", "通" * 496, ()))
    assert over.length == 501 and codes(over.errors) == ["message_too_long"]
    assert over.errors[0].message_zh.startswith("整条短信 501 字，超过了平台允许的 500 字上限")
    assert "Delete at least 1 character" in over.errors[0].message_en
