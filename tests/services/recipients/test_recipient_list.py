"""The compact column storage gives back exactly the values it was given, whatever they are."""

from __future__ import annotations

import datetime as dt

from gui.domain.recipients import Recipient
from gui.services.recipients.recipient_list import SEPARATOR, PackedColumn, RecipientList


def test_packed_column_round_trips_text_numbers_and_the_separator_itself() -> None:
    blocks = [
        ["张三", "", "李四"],                     # plain text: packed
        ["a" + SEPARATOR + "b", "c"],             # a cell holding the separator: kept as a list
        [1.5, "x", dt.date(2024, 1, 2)],          # not all text: kept as a list
        [""],
        [],
        ["only"],
    ]
    column = PackedColumn()
    flat: list[object] = []
    for block in blocks:
        column.add_block(list(block), len(flat))
        flat.extend(block)
    assert [column[i] for i in range(len(flat))] == flat
    assert [column[i] for i in reversed(range(len(flat)))] == flat[::-1]  # random access, not just forward


def test_recipient_list_builds_recipients_on_access() -> None:
    names = PackedColumn()
    names.add_block(["甲", "乙", "丙"], 0)
    digits: list[str | None] = ["13812345678", None, "13912345678"]
    recipients = RecipientList(1, digits, ("姓名",), [names], [0, 2])
    assert list(recipients) == [Recipient(2, "+8613812345678", {"姓名": "甲"}), Recipient(4, "+8613912345678", {"姓名": "丙"})]
    assert recipients.numbers() == ["+8613812345678", "+8613912345678"]
    assert "len=2" in repr(recipients)


def test_rows_and_a_field_read_without_building_match_the_recipients() -> None:
    names, amounts = PackedColumn(), PackedColumn()
    names.add_block(["甲", "乙", "丙", "丁"], 0)
    amounts.add_block([1.0, None, "3", dt.date(2024, 1, 2)], 0)  # not all text: kept as values, shown as text
    digits: list[str | None] = ["13812345678", None, "13912345678", "13712345678"]
    for order in ([0, 2, 3], bytearray([1, 0, 0, 1])):  # positions, or a keep flag per position
        recipients = RecipientList(3, digits, ("姓名", "金额"), [names, amounts], order)
        built = list(recipients)
        assert recipients.rows() == [r.row for r in built]
        assert recipients.field("姓名") == [r.fields.get("姓名") for r in built]
        assert recipients.field("金额") == [r.fields.get("金额") for r in built]
        assert recipients.field("没有这列") == [None] * len(built)
