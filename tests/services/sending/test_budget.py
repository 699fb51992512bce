"""Resource packs, the ledger from billed parts, the per-campaign and per-day limits, and 配额不足 (simulator)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest

from gui.domain.budget import ResourcePack, balance, packs_to_buy
from gui.domain.clock import BEIJING
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.config.settings import Settings, load_settings, save_settings, settings_path
from gui.services.recipients.importer import import_pasted_text
from gui.services.sending.budget import budget_warning, ledger
from gui.services.sending.engine import Engine
from gui.services.sending.types import RetryPolicy
from tests.services.sending.conftest import marketing

OPTIONS = {"retry": RetryPolicy(base_delay=0.1), "settle_seconds": 0, "hold_outside_window": True}
NOV = date(2026, 11, 1)


def pack(size: int, purchased: date, expires: date) -> ResourcePack:
    return ResourcePack(size, Decimal("50"), purchased, expires)


@pytest.fixture
def engine(tmp_path, simulator):
    with Engine(tmp_path / "j.db", clock=simulator.clock) as e:
        yield e


def store(engine, count: int, content: str = "能力上新", batch_size: int = 50) -> int:
    imported = import_pasted_text("\n".join(f"1390000{n:04d}" for n in range(count)))
    plan = engine.plan(marketing(content=content), imported, batch_size=batch_size)
    return engine.create_campaign(marketing(content=content), imported, plan)


def sent_once(simulator) -> Counter:
    return Counter(Counter(r.mobile for r in simulator.accepted()).values())


def test_the_balance_spends_the_pack_expiring_first_and_loses_what_expired():
    old = pack(100, date(2026, 10, 1), date(2026, 10, 31))
    new = pack(1000, date(2026, 10, 20), date(2026, 11, 19))
    usage = [(date(2026, 10, 25), 80), (date(2026, 11, 5), 300)]
    result = balance([old, new], usage, date(2026, 11, 10))
    # Oct 25: 80 from the old pack (it expires first); its 20 left expired on Oct 31. Nov 5: 300 from the new one.
    assert (result.bought, result.used, result.left, result.uncovered) == (1100, 380, 700, 0)
    assert balance([old], [(date(2026, 11, 5), 30)], date(2026, 11, 10)).uncovered == 30
    assert packs_to_buy(1500) == (2, 1000, Decimal("100")) and packs_to_buy(9500)[1] == 10_000


def test_packs_and_limits_are_kept_in_the_settings_file():
    packs = (pack(1000, NOV, date(2026, 11, 30)),)
    save_settings(Settings(packs=packs, limit_per_campaign=500, limit_per_day=800))
    loaded = load_settings()
    assert loaded.packs == packs and (loaded.limit_per_campaign, loaded.limit_per_day) == (500, 800)
    settings_path().write_text('{"packs": [{"size": -5, "price": "1", "purchased": "x", "expires": "y"}]}',
                               encoding="utf-8")
    damaged = load_settings()
    assert damaged.packs == () and "packs" in damaged.warning_zh


def test_the_ledger_counts_billed_parts_fee_first_and_warns_before_a_campaign_too_big(engine, client, simulator):
    packs = (pack(100, NOV, date(2026, 11, 30)),)
    campaign_id = store(engine, 30)
    engine.runner(campaign_id, client, **OPTIONS).run()
    today = date(2026, 11, 27)
    assert ledger(engine.journal, packs, today).left == 70  # 30 numbers × 1 part (the estimate)
    first = engine.numbers(campaign_id)[0].number
    engine.journal.record_receipts(campaign_id, [(first, "delivered", "2026-11-27 10:00:05", 3)])
    assert ledger(engine.journal, packs, today).left == 68  # the platform's Fee replaces the estimate
    settings = Settings(packs=packs)
    assert budget_warning(engine.journal, settings, 60, simulator.clock.now()) is None
    zh, en = budget_warning(engine.journal, settings, 100, simulator.clock.now())
    assert "需要 100 条" in zh and "只剩 68 条" in zh and "1000 条" in zh and "68 left" in en
    assert budget_warning(engine.journal, Settings(), 10**6, simulator.clock.now()) is None  # no packs: no guess


def test_a_per_campaign_limit_stops_with_the_rest_pending_and_resumes_once(engine, client, simulator):
    save_settings(Settings(limit_per_campaign=120))
    campaign_id = store(engine, 200)
    summary = engine.runner(campaign_id, client, **OPTIONS).run()
    assert summary.state == CampaignState.STOPPED and summary.exit_code == 3  # numbers left open: resume
    assert summary.counts == {NumberStatus.ACCEPTED: 100, NumberStatus.PENDING: 100}
    assert "上限 120 条" in summary.message_zh and "100 个号码待发送" in summary.message_zh
    save_settings(Settings(limit_per_campaign=200))
    summary = engine.runner(campaign_id, client, **OPTIONS).run()
    assert summary.state == CampaignState.DONE and summary.counts == {NumberStatus.ACCEPTED: 200}
    assert sent_once(simulator) == Counter({1: 200})


def test_a_per_day_limit_counts_every_campaign_and_lets_the_next_day_continue(engine, client, simulator):
    save_settings(Settings(limit_per_day=100))
    first = store(engine, 50)
    assert engine.runner(first, client, **OPTIONS).run().state == CampaignState.DONE
    second = store(engine, 100, content="周末特价")
    summary = engine.runner(second, client, **OPTIONS).run()
    assert summary.state == CampaignState.STOPPED and summary.counts[NumberStatus.PENDING] == 50
    assert "今天" in summary.message_zh
    simulator.clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=BEIJING))
    assert engine.runner(second, client, **OPTIONS).run().state == CampaignState.DONE
    assert Counter(r.mobile for r in simulator.accepted()).most_common(1)[0][1] == 2  # once per campaign


def test_quota_exhausted_stops_says_what_remains_and_top_up_finishes_once(engine, client, simulator):
    simulator.config.resource_pack = 60
    campaign_id = store(engine, 120)
    summary = engine.runner(campaign_id, client, **OPTIONS).run()
    assert summary.state == CampaignState.STOPPED
    assert summary.counts[NumberStatus.ACCEPTED] == 50 and len(simulator.accepted()) == 50
    # Nothing else was sent or billed: every other number can still go out.
    assert summary.counts.get(NumberStatus.PENDING, 0) + len(engine.journal.retryable_numbers(campaign_id)) == 70
    assert "还有 70 个号码没有发出（约 70 条，没有计费）" in summary.message_zh
    assert "1 个 1000 条的资源包" in summary.message_zh and "70 numbers were not sent" in summary.message_en

    simulator.config.resource_pack = 1000  # topped up in the console
    engine.retry_failed(campaign_id)  # the refused batch, if it was marked failed rather than left pending
    summary = engine.runner(campaign_id, client, **OPTIONS).run()
    assert summary.state == CampaignState.DONE and summary.counts == {NumberStatus.ACCEPTED: 120}
    assert sent_once(simulator) == Counter({1: 120})
