"""Problems about missing fields name them as the window does (环境ID, 静态网站路径, 模板ID), never the API's names."""

from __future__ import annotations

from gui.domain.campaign import Campaign
from gui.domain.plan import check_campaign_fields
from gui.domain.sms_text import SmsType
from gui.domain.text_messages import missing_signature
from tests.support.ascii_words import foreign_words


def test_missing_env_path_and_template_id_are_said_in_chinese() -> None:
    marketing = Campaign(name="营销短信", env="", sms_type=SmsType.MARKETING, signature="云开发")
    notification = Campaign(name="通知短信", env="env-1", sms_type=SmsType.NOTIFICATION, signature="云开发")
    problems = [*check_campaign_fields(marketing), *check_campaign_fields(notification)]
    assert {p.field for p in problems} >= {"env", "path"}
    assert any("模板ID" in p.message_zh for p in problems)
    for problem in problems:
        assert foreign_words(problem.message_zh) == [], problem.message_zh


def test_an_empty_signature_points_at_the_field_on_the_same_page() -> None:
    zh, _en = missing_signature()
    assert "本页的“小程序名称”" in zh and "请在设置里填写" not in zh
