"""The carrier rule pack: the bundled file loads, each rule warns with its source and date, updates replace it."""

from __future__ import annotations

import json

import pytest

from gui.domain.carrier_rules import RulePack, apply_rules
from gui.domain.sms_text import MarketingDraft, NotificationDraft, Severity, render
from gui.services.config.paths import config_dir
from gui.services.drafts.carrier_rules import RulePackError, load_rule_pack, read_rule_pack, rule_files


def check(draft):
    return apply_rules(load_rule_pack(), draft, render(draft))


def marketing(content: str = "能力上新", signature: str = "云开发", suffix: str = "dllzff_reply_r") -> MarketingDraft:
    return MarketingDraft(signature=signature, content=content, path="/index.html", suffix_key=suffix)


def codes(rendered) -> list[str]:
    return [p.code for p in rendered.warnings]


def test_the_bundled_pack_names_a_source_and_date_for_every_rule():
    path = rule_files()[-1]
    pack = read_rule_pack(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(pack.rules) == len(data["rules"]) == 5
    assert all(rule.source and rule.date and rule.since for rule in pack.rules)


def test_a_clean_marketing_text_with_the_new_unsubscribe_wording_has_no_warning():
    assert codes(check(marketing())) == []


@pytest.mark.parametrize(("content", "code", "found"), [
    ("咨询13812345678", "phone_in_text", "13812345678"),
    ("致电021-12345678", "phone_in_text", "021-12345678"),
    ("热线400-123-4567", "phone_in_text", "400-123-4567"),
    ("加微信abc_12345领券", "wechat_id_in_text", "加微信"),
    ("VX: shop_2025 领券", "wechat_id_in_text", "VX: shop_2025"),
    ("详情见shop.vip", "url_in_content", None),  # the text engine already reports links: not repeated
])
def test_contact_details_in_the_content_are_warned_at_their_place(content, code, found):
    rendered = check(marketing(content))
    hits = [p for p in rendered.warnings if p.code == code]
    assert hits and all(p.severity is Severity.WARNING for p in hits)
    assert [p.code for p in rendered.warnings].count(code) == 1
    if found is not None:
        assert content[hits[0].start:hits[0].end] == found


def test_a_phone_number_in_a_notification_parameter_points_at_that_parameter():
    draft = NotificationDraft(signature="云开发", template_text="您购买的{1}已发货，详情见 {2}",
                              params=("书 客服13812345678", "/index.html"))
    [hit] = [p for p in check(draft).warnings if p.code == "phone_in_text"]
    assert (hit.field, hit.start, hit.end) == ("params", 0, 1)


@pytest.mark.parametrize(("signature", "odd"), [
    ("云开发", False), ("腾讯科技", False), ("测试", True), ("会员通知", True), ("王芳", True), ("张三丰商城", False),
    ("12345", True),
])
def test_signatures_that_are_not_company_app_or_trademark_like(signature, odd):
    assert ("signature_not_registered_kind" in codes(check(marketing(signature=signature)))) is odd


def test_old_or_missing_unsubscribe_wording_offers_the_new_one():
    [old] = [p for p in check(marketing(suffix="tcbe_reply_t")).warnings if p.code == "unsubscribe_wording"]
    assert "按“回T退订”计算" in old.message_zh and "拒收请回复R" in old.message_zh


def test_an_update_in_the_config_folder_replaces_the_bundled_pack_and_a_broken_one_is_named(tmp_path):
    folder = config_dir() / "rules"
    folder.mkdir(parents=True)
    data = json.loads(rule_files()[-1].read_text(encoding="utf-8"))
    data["rules"] = [r for r in data["rules"] if r["id"] != "phone_in_text"]
    (folder / "carrier-2026.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "phone_in_text" not in [r.id for r in load_rule_pack().rules]
    assert codes(check(marketing("咨询13812345678"))) == []
    broken = folder / "carrier-2027.json"
    broken.write_text('{"rules": [{"id": "x", "kind": "pattern", "pattern": "(", "message_zh": "a", '
                      '"message_en": "a", "source": "s", "date": "d"}]}', encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        read_rule_pack(broken)
    assert "rules[0] (x)" in caught.value.text("en") and caught.value.where == str(broken)
    assert load_rule_pack().version == data["version"]  # the broken update is skipped, the next one used
    with pytest.raises(ValueError, match="kind must be one of"):
        RulePack.from_json({"rules": [{"id": "x", "kind": "magic", "message_zh": "a", "message_en": "a",
                                       "source": "s", "date": "d"}]})
