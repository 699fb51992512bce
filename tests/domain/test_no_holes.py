"""Nothing sends with a hole in it: an empty template value, an empty column value, a missing path, signature or
template ID are errors with a code, a span and the affected rows, never warnings."""

from __future__ import annotations

import re

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.plan import plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.sms_text import NotificationDraft, SmsType, render

TEMPLATE = "您购买的{1}已发货，详情见 {2}"


def _notification(**changes) -> Campaign:
    values = dict(name="发货", env="env-1", sms_type=SmsType.NOTIFICATION, signature="云开发", template_id="923584",
                  template_text=TEMPLATE, template_params=(ParamSource(column="商品"), ParamSource(literal="/a")))
    values.update(changes)
    return Campaign(**values)


def test_an_empty_template_value_is_an_error_pointed_at_its_placeholder() -> None:
    for value in ("", "  "):
        result = render(NotificationDraft("云开发", TEMPLATE, (value, "/a"), template_id="923584"))
        assert not result.ok
        (error,) = [p for p in result.errors if p.code == "empty_param"]
        assert (error.field, TEMPLATE[error.start:error.end]) == ("template", "{1}")
        assert "{1}" in error.message_zh and "空" in error.message_zh


def test_rows_with_an_empty_column_value_refuse_the_send_and_are_listed() -> None:
    people = [Recipient(row=r, number=f"+8613800000{r:03d}", fields={"商品": "书" if r % 2 else " "})
              for r in range(2, 8)]
    plan = plan_campaign(_notification(), people)
    assert not plan.ok
    (error,) = [p for p in plan.errors if p.code == "empty_column_value"]
    assert error.rows == (2, 4, 6) and error.field == "params"
    assert "“商品”列在第 2、4、6 行是空的" in error.message_zh


def test_missing_fields_are_errors_in_plain_words() -> None:
    marketing = Campaign(name="m", env="", sms_type=SmsType.MARKETING, signature="", content="上新", path=" ")
    plan = plan_campaign(marketing, [Recipient(row=2, number="+8613800000000")])
    codes = {p.code for p in plan.errors}
    assert {"missing_env", "invalid_path", "missing_signature"} <= codes
    plan = plan_campaign(_notification(template_id=""), [Recipient(row=2, number="+8613800000000",
                                                                  fields={"商品": "书"})])
    assert [p.code for p in plan.errors] == ["missing_template_id"]
    for problem in plan_campaign(marketing, []).errors + plan.errors:
        words = re.sub(r"/\S+", "", problem.message_zh)  # an example path such as /index.html may stay
        assert not re.search(r"[A-Za-z_]{3,}", words), problem.message_zh  # no (env), (path), template_id…
