"""A generated corpus of malformed campaign files: each is refused naming the field (or loads, normalised), and
the same rules stop a campaign typed in the window at the plan — nothing malformed reaches the API."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from gui.domain.campaign import Campaign, CampaignFileError
from gui.domain.plan import plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.sms_text import SmsType
from gui.services.drafts.campaign_file import load_campaign

MARKETING = {
    "version": 1, "name": "春季促销", "env": "prod-1a2b3c", "sms_type": "Marketing", "signature": "云开发",
    "content": "春季新品上市，全场八折", "path": "/index.html",
}
NOTIFICATION = {
    "version": 1, "name": "发货通知", "env": "prod-1a2b3c", "sms_type": "Notification", "signature": "云开发",
    "template_id": "923584", "template_text": "您购买的{1}已发货，详情见 {2}",
    "template_param_list": ["{{商品}}", "/index.html"],
}
HIDDEN = {
    "NUL": "\x00", "ESC": "\x1b", "newline": "\n", "carriage-return": "\r", "tab": "\t", "bell": "\x07",
    "DEL": "\x7f", "zero-width-space": "\u200b", "zero-width-joiner": "\u200d", "RLO": "\u202e", "LRE": "\u202a",
    "RLI": "\u2067", "BOM": "\ufeff", "line-separator": "\u2028", "soft-hyphen": "\u00ad", "C1-CSI": "\x9b",
}
TEXT_FIELDS = {
    "Marketing": ("name", "env", "signature", "content", "path"),
    "Notification": ("name", "template_id", "template_text", "template_param_list[1]"),
}

Case = tuple[str, Callable[[], str], object]  # id, the file's text, expected: the field refused or a check
CASES: list[Case] = []


def variant(base: dict, **changes: object) -> Callable[[], str]:
    def text() -> str:
        data = dict(base)
        for key, value in changes.items():
            if key.startswith("template_param_list["):
                params = list(data["template_param_list"])
                params[int(key[-2])] = value
                data["template_param_list"] = params
            else:
                data[key] = value
        return json.dumps(data, ensure_ascii=False)
    return text


for kind, base in (("Marketing", MARKETING), ("Notification", NOTIFICATION)):
    for field in TEXT_FIELDS[kind]:
        for name, char in HIDDEN.items():
            original = base["template_param_list"][1] if field.startswith("template_param") else base[field]
            # in the middle, where a trim cannot hide it
            value = original[:1] + char + original[1:]
            CASES.append((f"{kind}-{field}-{name}", variant(base, **{field: value}), field))

for field, size in (("path", 10_000_000), ("content", 5000), ("name", 1000), ("env", 200), ("signature", 300),
                    ("template_id", 100)):
    base = NOTIFICATION if field == "template_id" else MARKETING
    CASES.append((f"too-long-{field}", variant(base, **{field: "/" + "a" * size}), field))

for version in (99, 0, 2, "1", True, None, 1.5, [1]):
    CASES.append((f"version-{version!r}", variant(MARKETING, version=version), "version"))

for field, value in (("name", 5), ("name", ["a"]), ("env", {"a": 1}), ("use_short_name", "yes"),
                     ("use_short_name", 1), ("sms_type", "Voice"), ("content", 1.5), ("path", True),
                     ("template_param_list", "a,b"), ("signature", None)):
    base = NOTIFICATION if field == "template_param_list" else MARKETING
    expected = ("loads", {}) if (field, value) in [("name", 5), ("signature", None)] else field
    CASES.append((f"type-{field}-{type(value).__name__}", variant(base, **{field: value}), expected))

CASES.append(("env-with-space", variant(MARKETING, env="prod 1"), "env"))
CASES.append(("env-chinese", variant(MARKETING, env="环境一"), "env"))
CASES.append(("too-many-params", variant(NOTIFICATION, template_param_list=["x"] * 60), "template_param_list"))
CASES.append(("param-object-unknown", variant(NOTIFICATION, template_param_list=[{"col": "商品"}, "x"]),
              "template_param_list[0]"))
CASES.append(("nested-10000", lambda: "[" * 10_000 + "]" * 10_000, "structure"))
CASES.append(("nested-object-100000", lambda: '{"a":' * 100_000 + "1" + "}" * 100_000, "structure"))
CASES.append(("huge-integer", lambda: '{"version": ' + "9" * 5000 + "}", "structure"))
CASES.append(("huge-integer-in-name", lambda: '{"name": ' + "1" * 20_000 + "}", "structure"))
CASES.append(("infinity", lambda: '{"version": 1, "name": Infinity}', "name"))
CASES.append(("not-an-object", lambda: "[1, 2, 3]", ""))
CASES.append(("not-json", lambda: "{'name': 1}", ""))
CASES.append(("empty", lambda: "", ""))
for signature, expected in (("【云开发】", "云开发"), (" 【云开发】 ", "云开发"), ("[云开发]", "云开发"),
                            ("【【云开发】】", "云开发"), ("云开发", "云开发")):
    CASES.append((f"signature-{signature.strip()}", variant(MARKETING, signature=signature),
                  ("loads", {"signature": expected})))


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_hostile_campaign_file(tmp_path: Path, text: Callable[[], str], expected: object) -> None:
    path = tmp_path / "campaign.json"
    path.write_text(text(), encoding="utf-8")
    if isinstance(expected, tuple):
        campaign = load_campaign(path)
        for key, value in expected[1].items():
            assert getattr(campaign, key) == value
        return
    with pytest.raises(CampaignFileError) as caught:
        load_campaign(path)
    error = caught.value
    assert error.where.startswith(str(path))
    if expected == "structure":
        assert "结构异常" in error.message_zh
    elif expected:
        assert error.where == f"{path}: {expected}", error.text()
    assert error.message_zh and error.message_en and "Traceback" not in error.text()


def test_an_oversized_campaign_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"name": "' + "x" * 17_000_000 + '"}', encoding="utf-8")
    with pytest.raises(CampaignFileError, match="too large"):
        load_campaign(path)


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\n", "\t", "\u200b", "\u202e"])
def test_the_window_campaign_is_stopped_at_the_plan_with_the_same_rule(char: str) -> None:
    # The window builds a Campaign from its forms; the plan behind the review step lists the same problem.
    campaign = Campaign(name="促销", env="prod-1", sms_type=SmsType.MARKETING, signature="云开发",
                        content=f"春季{char}新品", path="/index.html")
    plan = plan_campaign(campaign, [Recipient(2, "+8613800000001")])
    assert not plan.ok
    assert [p.field for p in plan.errors if p.code == "hidden_character"] == ["content"]


def test_the_window_strips_brackets_around_the_signature() -> None:
    campaign = Campaign(name="促销", env="prod-1", sms_type=SmsType.MARKETING, signature="【云开发】",
                        content="春季新品", path="/index.html")
    assert campaign.signature == "云开发"
    plan = plan_campaign(campaign, [Recipient(2, "+8613800000001")])
    assert plan.ok and "【【" not in plan.batches[0].rendered.text


@pytest.mark.parametrize("char", ["\x1b", "\n", "\t", "\u200b", "\u202e", "\x00"])
def test_a_recipients_cell_with_a_hidden_character_stops_the_plan(char: str) -> None:
    from gui.domain.campaign import ParamSource

    campaign = Campaign(name="发货", env="prod-1", sms_type=SmsType.NOTIFICATION, signature="云开发",
                        template_id="923584", template_text="您购买的{1}已发货",
                        template_params=(ParamSource(column="商品"),))
    people = [Recipient(2, "+8613800000001", {"商品": "书"}), Recipient(3, "+8613800000002", {"商品": f"书{char}本"})]
    plan = plan_campaign(campaign, people)
    assert not plan.ok
    (problem,) = [p for p in plan.errors if p.code == "hidden_character"]
    assert "“商品”列在第 3 行" in problem.message_zh


def test_a_stored_campaign_from_before_the_rules_still_opens(tmp_path: Path) -> None:
    # The journal keeps campaigns planned before these rules existed: resume, export and the report must open
    # them; only a campaign about to be planned is held to the rules.
    data = dict(MARKETING, content="春季新品\n全场八折")
    with pytest.raises(CampaignFileError):
        Campaign.from_json(data)
    assert Campaign.from_json(data, validate=False).content == "春季新品\n全场八折"
