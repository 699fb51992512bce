"""Campaign files and the send plan: parameters from columns, validation, grouping, batches and the estimate."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import pytest

from gui.domain.campaign import Campaign, CampaignFileError, ParamSource
from gui.domain.plan import fingerprint, plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.screening import screen_recipients
from gui.domain.sms_text import SmsType
from gui.services.drafts.campaign_file import load_campaign, save_campaign
from tests.services.sending.conftest import marketing, notification, recipients


def test_parameters_accept_both_column_forms_and_round_trip(tmp_path):
    data = {
        "name": "发货",
        "env": "sandbox-env",
        "sms_type": "Notification",
        "signature": "云开发",
        "template_id": "923584",
        "template_text": "您购买的{1}已发货，详情见 {2}",
        "template_param_list": ["{{ 商品 }}", {"column": "链接"}, "/index.html", {"literal": "{{不是列}}"}],
    }
    campaign = Campaign.from_json(data)
    assert campaign.template_params == (
        ParamSource(column="商品"),
        ParamSource(column="链接"),
        ParamSource(literal="/index.html"),
        ParamSource(literal="{{不是列}}"),
    )
    path = save_campaign(campaign, tmp_path / "c.json")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["template_param_list"] == ["{{商品}}", "{{链接}}", "/index.html", {"literal": "{{不是列}}"}]
    assert load_campaign(path) == campaign
    assert campaign.params_for({"商品": "书", "链接": "/a.html"}) == ("书", "/a.html", "/index.html", "{{不是列}}")
    assert campaign.params_for({"商品": "书"}) is None


def test_marketing_file_round_trips(tmp_path):
    campaign = marketing(short_name="云", use_short_name=True, resource_appid="wx123")
    assert load_campaign(save_campaign(campaign, tmp_path / "m.json")) == campaign
    assert campaign.to_json()["sms_type"] == "Marketing" and "template_param_list" not in campaign.to_json()


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('{"sms_type": "Voice"}', "sms_type", "Voice"),
        ('{"use_short_name": "yes"}', "use_short_name", "true"),
        ('{"template_param_list": [[1]]}', "template_param_list[0]", "column"),
        ("[1, 2]", "", "JSON"),
    ],
)
def test_bad_fields_are_named(tmp_path, text, where, words):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CampaignFileError) as caught:
        load_campaign(path)
    assert str(path) in caught.value.where and where in caught.value.where
    assert words in caught.value.text("en")


def test_invalid_json_and_missing_file_say_where(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "env": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(CampaignFileError, match="line 3"):
        load_campaign(path)
    with pytest.raises(CampaignFileError) as caught:
        load_campaign(tmp_path / "nope.json")
    assert "找不到" in caught.value.message_zh


def test_plan_groups_by_rendered_parameters_in_row_order_and_cuts_batches():
    people = [
        Recipient(row=2, number="+8613800000001", fields={"商品": "书"}),
        Recipient(row=3, number="+8613800000002", fields={"商品": "笔"}),
        Recipient(row=4, number="+8613800000003", fields={"商品": "书"}),
        Recipient(row=5, number="+8613800000001", fields={"商品": "笔"}),  # duplicate number
        Recipient(row=6, number="+8613800000004", fields={"商品": "书"}),
        Recipient(row=7, number="+8613800000005", fields={"商品": "书"}),  # suppressed
    ]
    plan = plan_campaign(
        notification(), screen_recipients(people, suppressed={"+8613800000005"}), batch_size=2, price_per_part=Decimal("0.047")
    )
    assert plan.ok
    assert [(b.index, b.params[0], b.rows) for b in plan.batches] == [
        (1, "书", (2, 4)),
        (2, "书", (6,)),
        (3, "笔", (3,)),
    ]
    assert plan.recipients == 4 and plan.duplicates == 1 and [r.row for r in plan.suppressed] == [7]
    assert plan.total_parts == 4 and plan.estimate_yuan == Decimal("0.19")
    assert plan == plan_campaign(
        notification(), screen_recipients(people, suppressed={"+8613800000005"}), batch_size=2, price_per_part=Decimal("0.047")
    )


def test_plan_counts_billed_parts_of_long_texts():
    long_name = "很长的商品名称" * 8
    plan = plan_campaign(notification(), recipients(3, 商品=long_name))
    assert plan.batches[0].rendered.parts >= 2
    assert plan.total_parts == 3 * plan.batches[0].rendered.parts
    assert plan.estimate_yuan == Decimal("0.05") * plan.total_parts


def test_plan_reports_text_errors_and_missing_columns_before_sending():
    too_long = plan_campaign(marketing(content="这段自定义内容实在是太长了" * 3), recipients(2))
    assert not too_long.ok and "content_too_long" in {p.code for p in too_long.errors}
    missing = plan_campaign(notification(), recipients(2, 名字="张三"))
    assert [p.code for p in missing.errors] == ["unknown_column"] and "商品" in missing.errors[0].message_zh
    no_env = plan_campaign(marketing(env=""), recipients(1))
    assert "missing_env" in {p.code for p in no_env.errors}
    nobody = plan_campaign(marketing(), [])
    assert [p.code for p in nobody.errors] == ["no_recipients"]


def test_a_parameter_error_names_the_first_row_with_it():
    people = [
        Recipient(row=2, number="+8613800000001", fields={"商品": "书"}),
        Recipient(row=9, number="+8613800000002", fields={"商品": "【促销】"}),
    ]
    plan = plan_campaign(notification(), people)
    assert not plan.ok and any(p.message_zh.startswith("第 9 行") for p in plan.errors)


def test_campaign_type_is_an_enum():
    assert Campaign.from_json({"sms_type": "Notification"}).sms_type is SmsType.NOTIFICATION


def test_a_plan_from_the_imported_columns_equals_the_plan_from_the_recipients_one_by_one(tmp_path):
    """The plan reads numbers, rows and the columns it needs straight from the import's column storage; the result
    must be the plan of the same recipients built one by one: groups, batches, empty cells, the frequency cap."""
    from gui.domain.frequency import CapHit
    from gui.services.recipients.importer import import_recipients

    path = tmp_path / "客户.csv"
    lines = ["手机号,商品,城市"]
    lines += [f"138{i:08d},{'' if i % 97 == 5 else ('书', '笔', '纸')[i % 3]},上海" for i in range(2500)]
    lines += ["13800000007,书,上海"]  # a repeat of row 9: left out by the screen
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported = import_recipients(path)
    one_by_one = tuple(imported.recipients)
    assert type(imported.recipients) is not tuple and len(one_by_one) == 2500
    cap = {f"+86138{i:08d}": CapHit(f"+86138{i:08d}", 1, 2, "今天已发", "sent today") for i in (3, 4, 1500)}
    with_empty = notification()
    filled = notification(template_params=(ParamSource(column="城市"), ParamSource(literal="/index.html")))
    literal = notification(template_params=(ParamSource(literal="书"), ParamSource(literal="/index.html")))
    missing = notification(template_params=(ParamSource(column="没有这列"), ParamSource(literal="/index.html")))
    for campaign in (with_empty, filled, literal, missing, marketing()):
        for capped in (None, cap):
            fast = plan_campaign(campaign, screen_recipients(imported.recipients), capped=capped, batch_size=300)
            slow = plan_campaign(campaign, screen_recipients(one_by_one), capped=capped, batch_size=300)
            assert fast == slow
    assert plan_campaign(with_empty, screen_recipients(imported.recipients)).errors[0].rows[:2] == (7, 104)
    filled_plan = plan_campaign(filled, screen_recipients(imported.recipients), capped=cap, batch_size=300)
    assert filled_plan.ok and filled_plan.recipients == 2497 and len(filled_plan.capped) == 3
    assert [len(b.numbers) for b in filled_plan.batches] == [300] * 8 + [97]
    assert filled_plan.batches[0].rows[:3] == (2, 3, 4) and filled_plan.batches[0].numbers[3] == "+8613800000005"


def test_planning_an_imported_list_builds_no_recipient_per_row(tmp_path, monkeypatch):
    """The plan of a large import reads its columns; building a Recipient (with every field) per row was most
    of the plan's time. Only the few numbers the frequency cap leaves out are built, to be listed."""
    from gui.domain.frequency import CapHit
    from gui.services.recipients.importer import import_recipients
    from gui.services.recipients.recipient_list import RecipientList

    path = tmp_path / "客户.csv"
    path.write_text("手机号,商品\n" + "".join(f"139{i:08d},{'书' if i % 2 else '笔'}\n" for i in range(3000)),
                    encoding="utf-8")
    imported = import_recipients(path)
    built: list[int] = []
    make = RecipientList._make
    monkeypatch.setattr(RecipientList, "_make", lambda self, index: built.append(index) or make(self, index))
    cap = {"+8613900000007": CapHit("+8613900000007", 1, 1, "今天已发", "sent today")}
    for campaign in (notification(), notification(template_params=(ParamSource(literal="书"),
                                                                    ParamSource(literal="/index.html")))):
        plan = plan_campaign(campaign, screen_recipients(imported.recipients), capped=cap)
        assert plan.ok and plan.recipients == 2999 and plan.capped[0][0].row == 9
    assert built == [7, 7]  # the capped row, once per plan


def test_the_fingerprint_hashes_each_text_with_its_sorted_numbers_as_before():
    """Fed to the hash piece by piece, it is still the digest journals stored: campaigns sent before still match."""
    people = [Recipient(row=i + 2, number=f"+86138{(i * 7919) % 50_000:08d}", fields={"商品": "书笔"[i % 2]})
              for i in range(45_000)]
    plan = plan_campaign(notification(), screen_recipients(people), batch_size=1000)
    by_text: dict[str, list[str]] = {}
    for batch in plan.batches:
        by_text.setdefault(batch.rendered.text, []).extend(batch.numbers)
    expected = hashlib.sha256()
    for text in sorted(by_text):
        expected.update(text.encode("utf-8") + b"\x1e" + "\n".join(sorted(by_text[text])).encode("ascii") + b"\x1d")
    assert len(by_text) == 2 and fingerprint(plan) == expected.hexdigest()
