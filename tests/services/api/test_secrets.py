"""The AppSecret and access tokens never reach log output, reprs or exception texts."""

from __future__ import annotations

import io
import logging
import traceback
from collections.abc import Iterator
from datetime import date

import pytest

from gui.services.api.redact import redact_text, redact_url
from gui.services.api.types import ApiError
from gui.services.simulator import Simulator
from tests.services.api.helpers import client_for, marketing
from tests.support.simulator import simulator  # noqa: F401

SECRET = "Sup3rSecretAppSecretValue0001"


@pytest.fixture
def all_logs() -> Iterator[io.StringIO]:
    """Everything logged anywhere (root at DEBUG, httpx/httpcore included) into one buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    touched = []
    for name in ("httpx", "httpcore", "gui"):
        logger = logging.getLogger(name)
        touched.append((logger, logger.level))
        logger.setLevel(logging.DEBUG)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        for logger, level in touched:
            logger.setLevel(level)


def test_full_cycle_logs_contain_no_secret_or_token(simulator: Simulator, all_logs: io.StringIO) -> None:  # noqa: F811
    simulator.config.secret = SECRET
    tokens: list[str] = []
    with client_for(simulator, secret=SECRET) as client:
        outcome = client.send_sms(marketing())
        tokens.append(client.tokens.token())
        simulator.revoke_tokens()  # forces a 42001 + refresh inside the cycle
        client.send_sms(marketing(("+8613900000001",)))
        tokens.append(client.tokens.token())
        records = client.describe_sms_records("sandbox-env", date(2026, 11, 27), date(2026, 11, 27))
        client_repr = repr(client) + repr(client.tokens)
    with client_for(simulator, secret=SECRET, token_mode="classic") as classic:  # secret in the query string
        classic.send_sms(marketing(("+8613900000002",)))
        tokens.append(classic.tokens.token())
    text = all_logs.getvalue()
    assert "HTTP Request: POST" in text  # httpx did log the requests…
    assert "access_token=***" in text  # …with the token masked
    assert "secret=***" in text
    assert outcome.results and records
    for token in tokens:
        assert token and token not in text and token not in client_repr
    assert SECRET not in text and SECRET not in client_repr


def test_failure_reprs_and_exception_texts_carry_no_secret(simulator: Simulator, all_logs: io.StringIO) -> None:  # noqa: F811
    simulator.config.secret = SECRET
    texts: list[str] = []
    with client_for(simulator, secret=SECRET + "x") as wrong:
        outcome = wrong.send_sms(marketing())
        texts.append(repr(outcome))
        try:
            wrong.check_credentials()
        except ApiError as error:
            texts += [str(error), repr(error), error.text("zh"), error.text("en"),
                      "".join(traceback.format_exception(error))]
    simulator.config.drop_probability = 1.0
    with client_for(simulator, secret=SECRET) as client:
        texts.append(repr(client.send_sms(marketing())))
        token = client.tokens.token()
        try:
            client.describe_sms_records("nope", date(2026, 11, 27), date(2026, 11, 27))
        except ApiError as error:
            texts += [str(error), repr(error), "".join(traceback.format_exception(error))]
    joined = "\n".join(texts) + all_logs.getvalue()
    assert "40125" in joined or "AppSecret" in joined
    assert SECRET not in joined
    assert token not in joined


def test_credentials_repr_hides_secret() -> None:
    from gui.services.config.credentials import Credentials

    credentials = Credentials("wx123", SECRET)
    assert SECRET not in repr(credentials) and SECRET not in str(credentials)
    assert "wx123" in repr(credentials)


def test_redact_helpers() -> None:
    url = "https://api.weixin.qq.com/tcb/sendsms?access_token=ABC.def-123&x=1"
    assert redact_url(url) == "https://api.weixin.qq.com/tcb/sendsms?access_token=***&x=1"
    assert redact_url("/cgi-bin/token?appid=wx1&secret=abcd1234") == "/cgi-bin/token?appid=wx1&secret=***"
    assert redact_text('{"secret": "abcd1234"}') == '{"secret": "***"}'
    assert redact_text("error near mysecretvalue here", "mysecretvalue") == "error near *** here"
