"""The error catalogue: classification tables, explanations, and the README table kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.services.api.catalogue import (
    CATALOGUE,
    catalogue_markdown,
    classify_errcode,
    classify_number_code,
    explain_errcode,
    explain_number_code,
    parse_ip,
)
from gui.services.api.types import NumberClass, OutcomeKind

README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("Ok", NumberClass.ACCEPTED),
        ("LimitExceeded.PhoneNumberThirtySecondLimit", NumberClass.RETRY_LATER),
        ("LimitExceeded.PhoneNumberDailyLimit", NumberClass.RETRY_LATER),
        ("LimitExceeded.SomethingNew", NumberClass.RETRY_LATER),
        ("FailedOperation.MarketingSendTimeConstraint", NumberClass.RETRY_LATER),
        ("FailedOperation.PhoneNumberInBlacklist", NumberClass.BLACKLISTED),
        ("InvalidParameterValue.IncorrectPhoneNumber", NumberClass.NEVER_RETRY),
        ("FailedOperation.ContainSensitiveWord", NumberClass.NEVER_RETRY),
        ("FailedOperation.SignatureIncorrectOrUnapproved", NumberClass.NEVER_RETRY),
        ("FailedOperation.TemplateIncorrectOrUnapproved", NumberClass.NEVER_RETRY),
        ("FailedOperation.InsufficientBalanceInSmsPackage", NumberClass.NEVER_RETRY),
        ("InternalError.Timeout", NumberClass.TRANSIENT),
        ("InternalError.Whatever", NumberClass.TRANSIENT),
        ("Totally.UnknownCode", NumberClass.NEVER_RETRY),
    ],
)
def test_number_codes(code: str, expected: NumberClass) -> None:
    assert classify_number_code(code) is expected
    assert explain_number_code(code).title_zh


def test_unknown_number_code_is_quoted() -> None:
    explanation = explain_number_code("Totally.UnknownCode")
    assert "Totally.UnknownCode" in explanation.title_zh and "Totally.UnknownCode" in explanation.title_en


@pytest.mark.parametrize(
    ("errcode", "errmsg", "token_call", "expected"),
    [
        (0, "", False, OutcomeKind.ACCEPTED),
        (-1, "system error", False, OutcomeKind.BUSY),
        (40001, "", False, OutcomeKind.TOKEN_ERROR),
        (40001, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (40013, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (40125, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (41002, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (41004, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (40243, "", True, OutcomeKind.CREDENTIALS_ERROR),
        (45009, "", False, OutcomeKind.RATE_LIMITED),
        (45011, "", True, OutcomeKind.RATE_LIMITED),
        (-501007, "x 配额不足 TcbCode", False, OutcomeKind.QUOTA_EXHAUSTED),
        (-501007, "fail TemplateId not exist TcbCode", False, OutcomeKind.TEMPLATE_NOT_GRANTED),
        (-501007, "invalid phone", False, OutcomeKind.PARAMETER_ERROR),
        (123456, "", False, OutcomeKind.OTHER_ERROR),
    ],
)
def test_errcodes(errcode: int, errmsg: str, token_call: bool, expected: OutcomeKind) -> None:
    assert classify_errcode(errcode, errmsg, token_call=token_call) is expected


def test_unknown_errcode_is_quoted() -> None:
    assert "123456" in explain_errcode(123456).title_zh


def test_ip_parsing() -> None:
    errmsg = "invalid ip 112.6.196.165 ipv6 ::ffff:112.6.196.165, not in whitelist rid: 65f1-2"
    assert parse_ip(errmsg) == "112.6.196.165"
    assert parse_ip("invalid ip 1.2.3.4, not in whitelist") == "1.2.3.4"
    assert parse_ip("something else") is None


def test_catalogue_is_complete_and_consistent() -> None:
    keys = [entry.key for entry in CATALOGUE]
    assert len(keys) == len(set(keys))
    for entry in CATALOGUE:
        assert entry.title_zh and entry.title_en
        if entry.kind not in ("accepted",):
            assert entry.action_zh and entry.action_en, entry.key
    required = {"-1", "-501007", "-601027", "-601028", "-601032", "-601033", "-607001", "85088", "48001",
                "40001", "40014", "42001", "40013", "40125", "41002", "41004", "40243", "40164", "45009",
                "45011", "89501", "89503", "89506", "89507", "outcome_unknown", "not_sent",
                "FailedOperation.PhoneNumberInBlacklist", "LimitExceeded.PhoneNumberDailyLimit"}
    assert required <= set(keys)


def test_markdown_table_lists_every_entry() -> None:
    table = catalogue_markdown()
    assert table.count("\n") == len(CATALOGUE) + 2
    assert "| `40164` | 当前电脑的公网 IP 1.2.3.4 不在小程序的 IP 白名单里。 |" in table


def test_readme_table_matches_the_catalogue() -> None:
    """README.md carries the error table, and it is exactly the catalogue's."""
    text = README.read_text(encoding="utf-8")
    header = catalogue_markdown().splitlines()[0]
    assert header in text, "README.md lost the error table: paste catalogue_markdown() back under its heading"
    assert catalogue_markdown() in text
