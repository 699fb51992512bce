"""Token refresh (proactive and on 42001), token modes, and transport failures classified safely."""

from __future__ import annotations

import socket
from datetime import datetime

import pytest

from gui.domain.clock import BEIJING, ManualClock
from gui.services.api.tokens import CLASSIC_TOKEN_WARNING, ClassicTokenProvider
from gui.services.api.types import OutcomeKind, SendSmsRequest
from gui.services.simulator import Simulator
from tests.services.api.helpers import client_for, marketing
from tests.support.simulator import simulator  # noqa: F401


def _one(i: int) -> tuple[str, ...]:
    return (f"+861380000{i:04d}",)


def test_proactive_refresh_at_expires_in_minus_300(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.token_lifetime = 600
    clock = simulator.clock
    assert isinstance(clock, ManualClock)
    with client_for(simulator) as client:
        assert client.send_sms(marketing(_one(1))).kind is OutcomeKind.ACCEPTED
        clock.advance(250)  # 350 s left: still cached
        assert client.send_sms(marketing(_one(2))).kind is OutcomeKind.ACCEPTED
        assert simulator.tokens_issued == 1
        clock.advance(60)  # 290 s left: inside the 300 s margin, so fetched again before use
        assert client.send_sms(marketing(_one(3))).kind is OutcomeKind.ACCEPTED
    assert simulator.tokens_issued == 2
    assert 42001 not in simulator.answered("/tcb/sendsms")  # never hit an expired token
    assert len(simulator.accepted()) == 3


def test_reacts_to_42001_mid_run_by_refreshing_and_retrying_once(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.token_lifetime = 600
    client_clock = ManualClock(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING))  # the client's view lags behind
    with client_for(simulator, clock=client_clock) as client:
        assert client.send_sms(marketing(_one(1))).kind is OutcomeKind.ACCEPTED
        simulator.clock.advance(601)  # the platform's token has expired; the client does not know
        outcome = client.send_sms(marketing(_one(2)))
    assert outcome.kind is OutcomeKind.ACCEPTED
    assert simulator.answered("/tcb/sendsms") == [0, 42001, 0]
    assert simulator.tokens_issued == 2
    assert [r.mobile for r in simulator.accepted()] == ["+8613800000001", "+8613800000002"]


def test_refresh_is_tried_only_once(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.token_lifetime = 0  # every token is dead on arrival
    with client_for(simulator) as client:
        outcome = client.send_sms(marketing())
    assert outcome.kind is OutcomeKind.TOKEN_ERROR
    assert outcome.errcode == 42001
    assert simulator.answered("/tcb/sendsms") == [42001, 42001]
    assert simulator.accepted() == []


def test_revoked_tokens_are_replaced(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as client:
        client.send_sms(marketing(_one(1)))
        simulator.revoke_tokens()
        assert client.send_sms(marketing(_one(2))).kind is OutcomeKind.ACCEPTED
    assert simulator.answered("/tcb/sendsms") == [0, 42001, 0]


def test_classic_mode_uses_get_token_and_carries_a_warning(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator, token_mode="classic") as client:
        assert isinstance(client.tokens, ClassicTokenProvider)
        assert client.tokens.warning is CLASSIC_TOKEN_WARNING
        assert client.send_sms(marketing()).kind is OutcomeKind.ACCEPTED
    assert simulator.answered("/cgi-bin/token") == [0]
    assert simulator.answered("/cgi-bin/stable_token") == []
    assert "失效" in CLASSIC_TOKEN_WARNING.title_zh


def test_pasted_token_works_then_gives_a_clear_error_when_it_expires(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as fetcher:
        token = fetcher.tokens.token()
    with client_for(simulator, appid="", secret="", access_token=token, token_mode="pasted") as client:
        assert client.send_sms(marketing(_one(1))).kind is OutcomeKind.ACCEPTED
        simulator.revoke_tokens()
        outcome = client.send_sms(marketing(_one(2)))
    assert outcome.kind is OutcomeKind.TOKEN_ERROR
    assert "粘贴" in outcome.explanation.title_zh
    assert simulator.answered("/tcb/sendsms") == [0, 42001]  # no refresh possible, no retry


def test_dropped_response_is_outcome_unknown_but_the_send_happened(simulator: Simulator) -> None:  # noqa: F811
    simulator.config.drop_probability = 1.0
    with client_for(simulator) as client:
        outcome = client.send_sms(marketing(_one(1)))
    assert outcome.kind is OutcomeKind.OUTCOME_UNKNOWN
    assert not outcome.safe_to_retry
    assert outcome.explanation.title_zh == "结果未知：请求可能已被接受。"
    assert outcome.explanation.action_zh == "不要重复发送；软件会先核对发送记录。"
    assert [r.mobile for r in simulator.accepted()] == ["+8613800000001"]


def test_read_timeout_is_outcome_unknown(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator, timeout=0.3) as client:
        client.tokens.token()
        simulator.config.latency_ms = 800
        outcome = client.send_sms(marketing(_one(1)))
    simulator.config.latency_ms = 0
    assert outcome.kind is OutcomeKind.OUTCOME_UNKNOWN
    assert outcome.errmsg == "ReadTimeout"
    assert len(simulator.accepted()) == 1


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_is_not_sent() -> None:
    from gui.services.api.client import CloudBaseClient

    base = f"http://127.0.0.1:{_closed_port()}"
    with CloudBaseClient(appid="wx1", secret="s3cret-value", base_url=base, timeout=2) as client:
        outcome = client.send_sms(marketing())
    assert outcome.kind is OutcomeKind.NOT_SENT
    assert outcome.safe_to_retry


def test_connection_refused_after_token_is_not_sent(simulator: Simulator) -> None:  # noqa: F811
    with client_for(simulator) as client:
        client.tokens.token()
        client.base_url = f"http://127.0.0.1:{_closed_port()}"
        outcome = client.send_sms(marketing())
    assert outcome.kind is OutcomeKind.NOT_SENT


def test_more_than_1000_numbers_is_refused_before_sending(simulator: Simulator) -> None:  # noqa: F811
    numbers = tuple(f"+86138{i:08d}" for i in range(1001))
    with client_for(simulator) as client, pytest.raises(ValueError, match="1000"):
        client.send_sms(SendSmsRequest(env="sandbox-env", phone_number_list=numbers, sms_type="Marketing",
                                       content="x", path="/a.html"))
    assert simulator.answered() == []


def test_simulator_rejects_more_than_1000_numbers_itself(simulator: Simulator) -> None:  # noqa: F811
    import httpx

    with client_for(simulator) as client:
        token = client.tokens.token()
    body = {"env": "sandbox-env", "sms_type": "Marketing", "content": "x", "path": "/a.html",
            "phone_number_list": [f"+86138{i:08d}" for i in range(1001)]}
    answer = httpx.post(f"{simulator.base_url}/tcb/sendsms", params={"access_token": token}, json=body).json()
    assert answer["errcode"] == -501007
    assert "1000" in answer["errmsg"]
