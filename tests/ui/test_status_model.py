"""StatusModel and StatusFilter obey Qt's model contract (QAbstractItemModelTester) through every change they make."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QThreadPool

from gui.domain.statuses import NumberStatus
from gui.services.journal.types import NumberUpdate
from gui.ui.sending import status_model
from gui.ui.sending.status_model import COLUMN_COUNT, STATUS_ROLE, StatusFilter, StatusModel, status_rows

REASON_COLUMN = 5  # row, number, status, 送达状态, 送达时间, reason, advice


def filled_model(count: int = 12) -> StatusModel:
    model = StatusModel(interval_ms=0)
    model.reset_rows((row, f"+8613800000{row:03d}", NumberStatus.PENDING) for row in range(2, 2 + count))
    return model


def test_status_model_keeps_the_contract_while_filled_updated_and_reset(qtmodeltester) -> None:
    model = filled_model()
    qtmodeltester.check(model, force_py=False)
    model.queue_updates([NumberUpdate(2, "+8613800000002", NumberStatus.ACCEPTED),
                         NumberUpdate(5, "+8613800000005", NumberStatus.FAILED, message_zh="号码在黑名单里")])
    model.flush()
    assert model.status_of("+8613800000005") == NumberStatus.FAILED
    assert model.data(model.index(3, REASON_COLUMN)) == "号码在黑名单里"
    assert model.data(model.index(0, 2), STATUS_ROLE) == NumberStatus.ACCEPTED
    model.reset_rows([(9, "+8613900000009", NumberStatus.SUPPRESSED)])
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 0
    model.reset_rows([])
    assert model.rowCount() == 0 and model.columnCount(QModelIndex()) == COLUMN_COUNT


def test_status_filter_keeps_the_contract_while_its_filters_change(qtmodeltester) -> None:
    model = filled_model()
    model.queue_updates([NumberUpdate(3, "+8613800000003", NumberStatus.FAILED),
                         NumberUpdate(4, "+8613800000004", NumberStatus.RETRY_LATER)])
    model.flush()
    proxy = StatusFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=False)
    proxy.set_statuses([NumberStatus.FAILED, NumberStatus.RETRY_LATER])
    assert proxy.active and proxy.rowCount() == 2
    proxy.set_search("0004")
    assert proxy.rowCount() == 1 and proxy.data(proxy.index(0, 1)) == "+8613800000004"
    model.queue_updates([NumberUpdate(4, "+8613800000004", NumberStatus.ACCEPTED)])
    model.flush()
    assert proxy.rowCount() == 0
    proxy.set_statuses(None)
    proxy.set_search("")
    assert not proxy.active and proxy.rowCount() == 12


def test_status_rows_share_equal_texts_and_keep_every_value() -> None:
    """A million rows read from SQLite carry a new string per cell; the columns keep one copy of each text."""
    reason = "号码格式不正确"
    entries = [
        (1, "+8613000000001", "failed", "".join(["号码", "格式不正确"]), "检查号码", "", "", "1016"),
        (2, "+8613000000002", "failed", "".join(["号码格式", "不正确"]), "检查号码", "", "", "1016"),
        (3, "+8613000000003", "accepted"),
    ]
    rows = status_rows(iter(entries))
    assert rows.rows == [1, 2, 3]
    assert rows.numbers == ["+8613000000001", "+8613000000002", "+8613000000003"]
    assert rows.status == ["failed", "failed", "accepted"]
    assert rows.reason == [reason, reason, ""]
    assert rows.code == ["1016", "1016", ""]
    assert rows.delivery == rows.delivery_time == ["", "", ""]
    assert entries[0][3] is not entries[1][3]
    assert rows.reason[0] is rows.reason[1]
    assert [rows.index.get(number) for number in rows.numbers] == [0, 1, 2]
    assert rows.index.get("+8613000000009") is None
    assert rows.done == 3
    assert rows.counts == {"failed": 2, "accepted": 1}


def test_number_index_in_parts_answers_as_one_dict(monkeypatch) -> None:
    """A million numbers fill several dicts (INDEX_PART each, INDEX_STEP at a time); small sizes here."""
    monkeypatch.setattr(status_model, "INDEX_PART", 5)
    monkeypatch.setattr(status_model, "INDEX_STEP", 3)
    numbers = [f"+86130000000{i % 17:02d}" for i in range(40)]  # repeats in different parts
    one = {number: i for i, number in enumerate(numbers)}
    index = status_model.NumberIndex(numbers)
    assert len(index._parts) > 3
    assert [index.get(number) for number in one] == list(one.values())
    assert index.get("+8613999999999") is None
    assert status_model.NumberIndex().get(numbers[0]) is None


def test_two_tables_of_one_campaign_share_its_rows_numbers_and_index(qtbot) -> None:
    """The send panel and 发送记录 showing the same campaign hold its keys once; statuses stay each table's own."""
    entries = [(i + 2, f"+86130{i:08d}", "pending") for i in range(50)]
    panel, history, other = StatusModel(), StatusModel(), StatusModel()
    panel.set_rows(status_rows(iter(entries), source=7))
    sent = [(row, number, "accepted") for row, number, _ in entries]
    history.set_rows(status_rows(iter(sent), source=7))
    assert history.keys.rows is panel.keys.rows and history.keys.numbers is panel.keys.numbers
    assert history.keys.index is panel.keys.index
    assert panel.row_status(3) == "pending" and history.row_status(3) == "accepted"
    assert history.status_of("+8613000000003") == "accepted" and history.row_number(49) == "+8613000000049"
    # Another campaign, or the same one read back with a row that differs, builds its own keys.
    other.set_rows(status_rows(iter(entries), source=8))
    assert other.keys.numbers is not panel.keys.numbers and other.keys.numbers == panel.keys.numbers
    changed = [*entries[:10], (12, "+8613099999999", "pending"), *entries[11:]]
    other.set_rows(status_rows(iter(changed), source=7))
    assert other.keys.numbers[:10] == panel.keys.numbers[:10] and other.row_number(10) == "+8613099999999"
    assert other.status_of("+8613099999999") == "pending" and other.status_of("+8613000000010") is None
    assert panel.status_of("+8613000000010") == "pending"  # the shared lists were not touched
    shorter = status_rows(iter(entries[:20]), source=7)
    assert shorter.numbers == panel.keys.numbers[:20] and shorter.index.get("+8613000000030") is None
    # The panel moves on to another campaign: 发送记录 keeps the shared keys, whole.
    panel.set_rows(status_rows(iter(entries[:1]), source=9))
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    assert len(history.keys.numbers) == 50 and history.status_of("+8613000000049") == "accepted"
