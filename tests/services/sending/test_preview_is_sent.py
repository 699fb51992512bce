"""Preview = sent: random campaigns rendered by the text engine, sent through the engine to the simulator; what the
simulator recorded is the preview with the real link in place of the placeholder, with the counter's length and parts.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.param_links import param_link_rule
from gui.domain.recipients import ImportResult, Recipient
from gui.domain.sms_text import SmsType
from gui.domain.suffix_presets import suffix_preset
from gui.domain.text_rules import sms_length
from gui.services.sending.engine import Engine
from gui.services.sending.runner import RetryPolicy
from gui.services.simulator import DEFAULT_ENV

SEED = 20261129
CAMPAIGNS = 40
WORDS = ("您好", "订单", "已发货", "保温杯", "会员", "积分", "明天", "上午", "门店", "优惠", "快递", "签收")
VALUES = ("张三", "李四", "A10001", "2件", "12.5元", "上海徐汇店", "明早9点", "VIP")
PATHS = ("/pages/order/index", "/index.html", "/pages/a/b?id=12", "/m")


class _NoSuppression:
    def numbers(self) -> frozenset[str]:
        return frozenset()

    def add(self, numbers, *, reason: str = "") -> None:
        pass


def _imported(people: list[Recipient]) -> ImportResult:
    return ImportResult(file="", sheet=None, sheets=(), header_row=1, phone_column="手机号", columns=("值",),
                        recipients=tuple(people), invalid=(), duplicates=(), suppressed=(), blank_rows=0,
                        rows_read=len(people), confident=True)


def _random_campaign(rng: random.Random, index: int, templates: dict[str, str]) -> Campaign:
    if rng.random() < 0.3:
        content = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7)))[:30]
        return Campaign(name=f"m{index}", env=DEFAULT_ENV, sms_type=SmsType.MARKETING, signature="云开发",
                        content=content, path=rng.choice(PATHS[:2]))
    count = rng.randint(1, 3)
    pieces = []
    for number in range(1, count + 1):
        pieces.append("".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))))
        pieces.append(f"{{{number}}}")
    pieces.append("".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4))) or "。")
    template_id = str(900000 + index)
    templates[template_id] = "".join(pieces)
    sources = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.3:
            sources.append(ParamSource(literal=rng.choice(PATHS)))
        elif roll < 0.6:
            sources.append(ParamSource(column="值"))
        else:
            sources.append(ParamSource(literal=rng.choice(VALUES)))
    return Campaign(name=f"n{index}", env=DEFAULT_ENV, sms_type=SmsType.NOTIFICATION, signature="云开发",
                    template_id=template_id, template_text=templates[template_id], template_params=tuple(sources))


def _as_pattern(preview: str) -> re.Pattern[str]:
    """The preview with each placeholder link standing for any real link of the same shape."""
    placeholders = {param_link_rule().link_placeholder, suffix_preset("tcbe_reply_t").link_placeholder}
    pattern = re.escape(preview)
    for placeholder in placeholders:
        prefix = placeholder.rstrip("X")
        code = len(placeholder) - len(prefix)
        pattern = pattern.replace(re.escape(placeholder), re.escape(prefix) + f"[A-Za-z0-9]{{{code}}}")
    return re.compile(pattern + r"\Z")


def test_what_the_simulator_records_is_the_preview_with_the_link_filled_in(tmp_path, simulator, client):
    rng = random.Random(SEED)
    with Engine(tmp_path / "journal.db", clock=simulator.clock, suppression=_NoSuppression()) as engine:
        for index in range(CAMPAIGNS):
            campaign = _random_campaign(rng, index, simulator.config.templates)
            people = [Recipient(row=r + 2, number=f"+86139{index:04d}{r:04d}", fields={"值": rng.choice(VALUES)})
                      for r in range(2)]
            plan = engine.plan(campaign, _imported(people), price_per_part=Decimal("0.05"))
            assert plan.ok, (campaign, plan.errors)
            before = len(simulator.accepted())
            campaign_id = engine.create_campaign(campaign, _imported(people), plan)
            engine.runner(campaign_id, client, settle_seconds=0, retry=RetryPolicy(base_delay=0.1),
                          sleep=simulator.clock.advance).run()
            records = {r.mobile: r for r in simulator.accepted()[before:]}
            for batch in plan.batches:
                rendered = batch.rendered
                for number in batch.numbers:
                    record = records[number]
                    assert _as_pattern(rendered.text).match(record.content), (rendered.text, record.content)
                    assert sms_length(record.content) == rendered.length == record.content_size
                    assert record.fee == rendered.parts
            simulator.clock.advance(40)
