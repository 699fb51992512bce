"""A number put on the 退订名单 after the import is still left out: at plan time, in the journal, and on the wire."""

from __future__ import annotations

from decimal import Decimal

from gui.domain.statuses import NumberStatus
from gui.services.recipients.importer import import_recipients
from gui.services.recipients.suppression import SuppressionList
from gui.services.sending.engine import Engine
from gui.services.sending.runner import RetryPolicy
from tests.services.recipients.builders import xlsx
from tests.services.sending.conftest import marketing


def test_a_number_suppressed_after_the_import_is_not_sent(tmp_path, simulator, client):
    db = tmp_path / "app.sqlite3"
    suppression = SuppressionList(db)
    suppression.add(["13800000004"], reason="before the import")
    path = xlsx(tmp_path / "名单.xlsx", {"Sheet": [("手机号",), ("13800000001",), ("13800000002",),
                                                   ("13800000003",), ("13800000004",), ("13800000001",)]})
    imported = import_recipients(path, suppressed=suppression.numbers())
    assert imported.numbers() == ["+8613800000001", "+8613800000002", "+8613800000003"]
    assert [r.row for r in imported.suppressed] == [5] and [d.row for d in imported.duplicates] == [6]

    suppression.add(["13800000002"], reason="unsubscribed after the import")  # the list changes before sending
    with Engine(db, clock=simulator.clock, suppression=suppression) as engine:
        plan = engine.plan(marketing(), imported, price_per_part=Decimal("0.05"))
        assert [n for b in plan.batches for n in b.numbers] == ["+8613800000001", "+8613800000003"]
        assert [r.number for r in plan.suppressed] == ["+8613800000002", "+8613800000004"]
        campaign_id = engine.create_campaign(marketing(), imported, plan)
        engine.runner(campaign_id, client, settle_seconds=0, retry=RetryPolicy(base_delay=0.1),
                      sleep=simulator.clock.advance).run()
        statuses = {row.number: row.status for row in engine.numbers(campaign_id)}
        report = engine.report(campaign_id)

    assert sorted(record.mobile for record in simulator.accepted()) == ["+8613800000001", "+8613800000003"]
    assert statuses["+8613800000002"] == statuses["+8613800000004"] == NumberStatus.SUPPRESSED
    assert report.skipped_suppressed == 2
