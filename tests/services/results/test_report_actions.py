"""Which one-click action each stored failure code gets in the report, with the catalogue's own words."""

from __future__ import annotations

import pytest

from gui.services.api.catalogue import explain_errcode, explain_number_code
from gui.services.results.report import NO_ACTION, RETRY_LATER, RETRY_NOW, SETTINGS, SUPPRESS, explain_code


@pytest.mark.parametrize(
    ("code", "message", "action"),
    [
        ("FailedOperation.PhoneNumberInBlacklist", "", SUPPRESS),
        ("LimitExceeded.PhoneNumberDailyLimit", "", RETRY_LATER),
        ("LimitExceeded.PhoneNumberThirtySecondLimit", "", RETRY_LATER),
        ("InvalidParameterValue.IncorrectPhoneNumber", "", NO_ACTION),
        ("40164", "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: x", SETTINGS),
        ("40125", "invalid appsecret", SETTINGS),
        ("-601027", "", SETTINGS),
        ("-501007", "openapi.cloudbase.sendSms:fail 配额不足 rid: x", RETRY_NOW),
        ("-1", "system busy", RETRY_NOW),
        ("-501007", "openapi.cloudbase.sendSms:fail invalid phone_number_list", NO_ACTION),
    ],
)
def test_each_code_gets_the_action_that_helps(code: str, message: str, action: str) -> None:
    explanation, got = explain_code(code, message)
    assert got == action
    expected = explain_errcode(int(code), message) if code.lstrip("-").isdigit() else explain_number_code(code)
    assert explanation == expected
    assert explanation.title_zh and explanation.action_zh


def test_the_ip_the_platform_saw_is_in_the_explanation() -> None:
    explanation, _ = explain_code("40164", "invalid ip 198.51.100.4 ipv6 ::ffff:198.51.100.4, not in whitelist")
    assert "198.51.100.4" in explanation.title_zh and "198.51.100.4" in explanation.action_zh
