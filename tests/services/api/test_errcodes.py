"""Every errcode the issue names, produced by the simulator over real HTTP and classified by the client."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from gui.services.api.types import OutcomeKind, SendSmsRequest
from gui.services.simulator import Simulator
from tests.services.api.helpers import client_for, marketing, notification
from tests.support.simulator import simulator  # noqa: F401

K = OutcomeKind


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Simulator], None]
    expected: OutcomeKind
    errcode: int
    request: SendSmsRequest | None = None  # None: the default Marketing request
    client: dict | None = None


def _config(**values) -> Callable[[Simulator], None]:
    def apply(sim: Simulator) -> None:
        for name, value in values.items():
            setattr(sim.config, name, value)

    return apply


def _fail(path: str, errcode: int, errmsg: str = "", times: int = 1) -> Callable[[Simulator], None]:
    return lambda sim: sim.fail_next(path, errcode, errmsg, times)


def _nothing(sim: Simulator) -> None:
    return None


TOKEN = "/cgi-bin/stable_token"
SEND = "/tcb/sendsms"

CASES = [
    # token call → credentials
    Case("40013 wrong appid", _nothing, K.CREDENTIALS_ERROR, 40013, client={"appid": "wx0000000000000bad"}),
    Case("40125 wrong secret", _nothing, K.CREDENTIALS_ERROR, 40125, client={"secret": "wrong-secret"}),
    Case("41002 appid missing", _nothing, K.CREDENTIALS_ERROR, 41002, client={"appid": ""}),
    Case("41004 secret missing", _nothing, K.CREDENTIALS_ERROR, 41004, client={"secret": ""}),
    Case("40243 secret frozen", _fail(TOKEN, 40243), K.CREDENTIALS_ERROR, 40243),
    Case("40001 on token call", _fail(TOKEN, 40001), K.CREDENTIALS_ERROR, 40001),
    Case("40164 ip whitelist", _config(ip_whitelist=set()), K.IP_NOT_WHITELISTED, 40164),
    Case("89501", _fail(TOKEN, 89501), K.ADMIN_APPROVAL, 89501),
    Case("89503", _fail(TOKEN, 89503), K.ADMIN_APPROVAL, 89503),
    Case("89506", _fail(TOKEN, 89506), K.ADMIN_APPROVAL, 89506),
    Case("89507", _fail(TOKEN, 89507), K.ADMIN_APPROVAL, 89507),
    Case("45009 token quota", _fail(TOKEN, 45009), K.RATE_LIMITED, 45009),
    Case("45011 minute quota on send", _fail(SEND, 45011), K.RATE_LIMITED, 45011),
    # sendsms
    Case("-1 busy", _config(busy_probability=1.0), K.BUSY, -1),
    Case("-601027 unknown env", _nothing, K.CONFIG_ERROR, -601027, request=marketing(env="no-such-env")),
    Case("-601028 no static site", _config(static_site_enabled=False), K.CONFIG_ERROR, -601028),
    Case("-601032 empty name", _config(mini_program_name=""), K.CONFIG_ERROR, -601032),
    Case("-601033 personal account", _config(personal_account=True), K.CONFIG_ERROR, -601033),
    Case("-607001 bad static path", _fail(SEND, -607001), K.CONFIG_ERROR, -607001),
    Case("85088 no cloudbase", _fail(SEND, 85088), K.CONFIG_ERROR, 85088),
    Case("48001 unauthorised", _fail(SEND, 48001), K.CONFIG_ERROR, 48001),
    Case("-501007 quota", _config(resource_pack=0), K.QUOTA_EXHAUSTED, -501007),
    Case("-501007 template not granted", _nothing, K.TEMPLATE_NOT_GRANTED, -501007,
         request=notification(template_id="100001")),
    Case("-501007 content empty", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(content="")),
    Case("-501007 content > 30", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(content="好" * 31)),
    Case("-501007 path missing", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(path="")),
    Case("-501007 path without /", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(path="index.html")),
    Case("-501007 not +86", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(("13800000001",))),
    Case("-501007 not mainland mobile", _nothing, K.PARAMETER_ERROR, -501007, request=marketing(("+8601012345678",))),
    Case("-501007 no template_id", _nothing, K.PARAMETER_ERROR, -501007, request=notification(template_id="")),
    Case("-501007 params not strings", _nothing, K.PARAMETER_ERROR, -501007, request=notification(params=(1, 2))),
    Case("-501007 unknown sms_type", _nothing, K.PARAMETER_ERROR, -501007,
         request=SendSmsRequest(env="sandbox-env", phone_number_list=("+8613800000001",), sms_type="Promo",
                                content="x", path="/a.html")),
    Case("-501002 cloud timeout", _fail(SEND, -501002), K.OUTCOME_UNKNOWN, -501002),
    Case("40001 twice", _fail(SEND, 40001, times=2), K.TOKEN_ERROR, 40001),
    Case("42001 twice", _fail(SEND, 42001, times=2), K.TOKEN_ERROR, 42001),
    Case("40014 twice", _fail(SEND, 40014, times=2), K.TOKEN_ERROR, 40014),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_errcode_is_produced_and_classified(simulator: Simulator, case: Case) -> None:  # noqa: F811
    case.setup(simulator)
    with client_for(simulator, **(case.client or {})) as client:
        outcome = client.send_sms(case.request or marketing())
    assert outcome.kind is case.expected, outcome
    assert outcome.errcode == case.errcode
    assert outcome.results == ()
    assert outcome.explanation.title_zh and outcome.explanation.title_en
    assert outcome.safe_to_retry is (case.expected is K.BUSY)
    assert simulator.accepted() == []  # no failed call accepted anything


def test_ip_is_parsed_into_the_explanation(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.ip_whitelist = {"198.51.100.1"}
    simulator.config.caller_ip = "1.2.3.4"
    with client_for(simulator) as client:
        outcome = client.send_sms(marketing())
    assert outcome.ip == "1.2.3.4"
    assert outcome.rid
    assert outcome.explanation.title_zh == "当前电脑的公网 IP 1.2.3.4 不在小程序的 IP 白名单里。"
    assert outcome.explanation.action_zh == (
        "请让管理员在 微信公众平台 → 开发管理 → 开发设置 → IP白名单 中加入 1.2.3.4 后重试。"
    )


def test_quota_message_says_where_to_buy_a_pack(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.resource_pack = 2
    with client_for(simulator) as client:
        first = client.send_sms(marketing(("+8613800000001", "+8613800000002")))
        second = client.send_sms(marketing(("+8613800000003",)))
    assert first.kind is K.ACCEPTED
    assert second.kind is K.QUOTA_EXHAUSTED
    assert "配额不足" in second.errmsg and second.rid
    assert "短信资源包" in second.explanation.action_zh
    assert "云开发控制台 → 设置 → 资源包" in second.explanation.action_zh
    assert len(simulator.accepted()) == 2


def test_check_credentials_raises_api_error_with_ip(simulator: Simulator) -> None:  # noqa: F811
    from gui.services.api.types import ApiError

    simulator.config.ip_whitelist = set()
    with client_for(simulator) as client, pytest.raises(ApiError) as raised:
        client.check_credentials()
    assert raised.value.kind is K.IP_NOT_WHITELISTED
    assert raised.value.ip == simulator.config.caller_ip
    assert simulator.config.caller_ip in raised.value.text("zh")


def test_check_credentials_ok(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as client:
        explanation = client.check_credentials()
    assert "有效" in explanation.title_zh
    assert simulator.tokens_issued == 1
