"""The repeat guard: the same texts to the same numbers, or the same text to a number today, needs an explicit yes."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest

from gui.domain.recipients import ImportResult
from gui.services.journal.store import Journal
from gui.services.sending.engine import Engine
from gui.services.sending.repeat_guard import RepeatError
from gui.services.sending.runner import RetryPolicy
from tests.services.sending.conftest import marketing, notification, recipients


class _NoSuppression:
    def numbers(self) -> frozenset[str]:
        return frozenset()

    def add(self, numbers, *, reason: str = "") -> None:
        pass


def imported(people) -> ImportResult:
    return ImportResult(file="客户名单.xlsx", sheet=None, sheets=(), header_row=1, phone_column="手机号",
                        columns=("手机号", "商品"), recipients=tuple(people), invalid=(), duplicates=(), suppressed=(),
                        blank_rows=0, rows_read=len(people), confident=True)


@pytest.fixture
def engine(tmp_path, simulator):
    with Engine(tmp_path / "journal.db", clock=simulator.clock, suppression=_NoSuppression()) as e:
        yield e


def send(engine: Engine, client, simulator, campaign, people, **create) -> int:
    source = imported(people)
    plan = engine.plan(campaign, source, price_per_part=Decimal("0.05"), batch_size=50)
    campaign_id = engine.create_campaign(campaign, source, plan, **create)
    engine.runner(campaign_id, client, settle_seconds=0, retry=RetryPolicy(base_delay=0.1),
                  sleep=simulator.clock.advance).run()
    return campaign_id


def test_the_same_campaign_again_is_refused_naming_the_first_until_the_user_says_again(engine, client, simulator):
    people = recipients(24)
    first = send(engine, client, simulator, marketing(name="营销短信 · 11-29 10:00 · 客户名单.xlsx"), people)
    simulator.clock.advance(35)
    plan = engine.plan(marketing(name="另一个名字"), imported(people), price_per_part=Decimal("0.05"))
    notice = engine.repeat_of(plan)
    assert notice is not None and notice.same_campaign and notice.earlier.id == first
    assert notice.earlier.reached == 24 and notice.parts_again == 24 and notice.cost_again == Decimal("1.20")
    text = notice.message("zh")
    assert "营销短信 · 11-29 10:00 · 客户名单.xlsx" in text and notice.earlier.created_at[:16] in text
    assert "24 个号码" in text and "¥1.20" in text
    with pytest.raises(RepeatError) as refused:
        engine.create_campaign(marketing(), imported(people), plan)
    assert "没有发出任何短信" in refused.value.text("zh")
    assert len(engine.campaigns()) == 1 and len(simulator.accepted()) == 24
    # The list in another order is the same campaign; a different text is not.
    assert engine.repeat_of(engine.plan(marketing(), imported(people[::-1]), price_per_part=Decimal("0.05")))
    assert engine.repeat_of(engine.plan(marketing(content="双十二上新"), imported(people),
                                        price_per_part=Decimal("0.05"))) is None
    send(engine, client, simulator, marketing(), people, again=True)
    assert Counter(Counter(r.mobile for r in simulator.accepted()).values()) == Counter({2: 24})


def test_the_next_day_is_still_a_repeat_and_after_30_days_it_is_not(engine, client, simulator):
    people = recipients(10)
    send(engine, client, simulator, marketing(), people)
    simulator.clock.advance(timedelta(days=1).total_seconds())
    with pytest.raises(RepeatError):
        engine.create_campaign(marketing(), imported(people), engine.plan(marketing(), imported(people)))
    simulator.clock.advance(timedelta(days=30).total_seconds())
    assert engine.repeat_of(engine.plan(marketing(), imported(people))) is None


def test_numbers_that_got_this_exact_text_today_are_counted(engine, client, simulator):
    send(engine, client, simulator, marketing(name="上午"), recipients(10))
    simulator.clock.advance(600)
    bigger = recipients(15)  # the ten of this morning and five more
    plan = engine.plan(marketing(), imported(bigger), price_per_part=Decimal("0.05"))
    notice = engine.repeat_of(plan)
    assert notice is not None and not notice.same_campaign
    assert notice.numbers_again == 10 and notice.parts_again == 10 and notice.cost_again == Decimal("0.50")
    assert "10 个号码今天已经收到过完全相同的短信" in notice.message("zh") and "上午" in notice.message("zh")
    with pytest.raises(RepeatError):
        engine.create_campaign(marketing(), imported(bigger), plan)


def test_per_recipient_texts_count_only_where_the_text_is_the_same(engine, client, simulator):
    people = recipients(4, 商品="书")
    send(engine, client, simulator, notification(), people)
    others = recipients(4, 商品="笔")  # the same numbers, a different text
    assert engine.repeat_of(engine.plan(notification(), imported(others))) is None


def test_test_sends_are_not_guarded_and_do_not_count(engine, client, simulator):
    people = recipients(2)
    send(engine, client, simulator, marketing(), people, test=True)
    send(engine, client, simulator, marketing(), people, test=True)
    assert engine.repeat_of(engine.plan(marketing(), imported(people))) is None


def test_an_older_journal_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE journal_campaigns (id INTEGER PRIMARY KEY, name TEXT NOT NULL, sms_type TEXT NOT NULL, "
        "campaign_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL, "
        "message_zh TEXT NOT NULL DEFAULT '', message_en TEXT NOT NULL DEFAULT '', source_json TEXT NOT NULL "
        "DEFAULT '{}', recipients INTEGER NOT NULL, total_parts INTEGER NOT NULL, estimate_yuan TEXT NOT NULL, "
        "price_per_part TEXT NOT NULL);"
        "CREATE TABLE journal_batches (id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
        "params_json TEXT NOT NULL, segments INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL "
        "DEFAULT 0, started_at TEXT NOT NULL DEFAULT '', finished_at TEXT NOT NULL DEFAULT '', errcode INTEGER, "
        "errmsg TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT 'plan');"
    )
    db.close()
    with Journal(path) as journal:
        assert journal.campaign_with_fingerprint("abc", "2000-01-01 00:00:00") is None
        columns = {row[1] for row in journal._query("PRAGMA table_info(journal_batches)")}
        assert "text" in columns
