"""Engine test helpers: campaigns, recipients and a client wired to the simulator's clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.recipients import Recipient
from gui.domain.sms_text import SmsType
from gui.services.api.client import CloudBaseClient
from gui.services.journal.store import Journal
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET, Simulator
from tests.support.simulator import simulator  # noqa: F401


def marketing(**changes) -> Campaign:
    values = dict(name="双十二", env=DEFAULT_ENV, sms_type=SmsType.MARKETING, signature="云开发", content="能力上新",
                  path="/index.html")
    values.update(changes)
    return Campaign(**values)


def notification(**changes) -> Campaign:
    values = dict(
        name="发货通知",
        env=DEFAULT_ENV,
        sms_type=SmsType.NOTIFICATION,
        signature="云开发",
        template_id="923584",
        template_text="您购买的{1}已发货，详情见 {2}",
        template_params=(ParamSource(column="商品"), ParamSource(literal="/index.html")),
    )
    values.update(changes)
    return Campaign(**values)


def numbers(count: int, start: int = 0) -> list[str]:
    return [f"+86138{start + i:08d}" for i in range(count)]


def recipients(count: int, start: int = 0, **fields: str) -> list[Recipient]:
    return [Recipient(row=i + 2, number=n, fields=dict(fields)) for i, n in enumerate(numbers(count, start))]


@pytest.fixture
def journal(tmp_path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.db") as j:
        yield j


@pytest.fixture
def client(simulator: Simulator) -> Iterator[CloudBaseClient]:  # noqa: F811
    with CloudBaseClient(
        appid=DEFAULT_APPID, secret=DEFAULT_SECRET, base_url=simulator.base_url, clock=simulator.clock, timeout=5
    ) as c:
        yield c
