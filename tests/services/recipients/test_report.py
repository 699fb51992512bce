"""The import report: each invalid reason with the row the user sees, duplicates, blanks and suppression."""

from __future__ import annotations

from pathlib import Path

from gui.domain.phone import PhoneProblem
from gui.domain.recipients import Recipient
from gui.services.recipients import import_pasted_text, import_recipients
from tests.services.recipients.builders import xlsx


def test_every_invalid_reason_is_reported_with_row_value_and_message(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "bad.xlsx", {"Sheet": [
        ("标题：测试名单",),
        ("手机号", "姓名"),
        ("13812345678", "好号码"),
        (None, "没填号码"),
        ("1.38E+10", "科学计数法文本"),
        ("138abc45678", "字母"),
        ("1381234567", "十位"),
        ("02112345678", "座机"),
        (1381234567.8, "小数"),
    ]})
    result = import_recipients(path)
    got = [(bad.row, bad.value, bad.reason) for bad in result.invalid]
    assert got == [
        (4, "", PhoneProblem.EMPTY),
        (5, "1.38E+10", PhoneProblem.SCIENTIFIC_NOTATION),
        (6, "138abc45678", PhoneProblem.NOT_A_NUMBER),
        (7, "1381234567", PhoneProblem.WRONG_LENGTH),
        (8, "02112345678", PhoneProblem.NOT_MAINLAND_MOBILE),
        (9, "1381234567.8", PhoneProblem.NOT_A_NUMBER),
    ]
    assert all(bad.message_zh and bad.message_en for bad in result.invalid)
    assert "文本" in result.invalid[1].message_zh
    assert result.numbers() == ["+8613812345678"]
    assert result.rows_read == 7


def test_duplicates_name_the_first_row_and_first_occurrence_wins(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "dup.xlsx", {"Sheet": [
        ("手机号", "姓名"),
        ("13812345678", "第一次"),
        ("13912345678", "别人"),
        (13812345678, "数字格式的重复"),
        ("+86 138-1234-5678", "带前缀的重复"),
    ]})
    result = import_recipients(path)
    assert [(d.row, d.first_row, d.number) for d in result.duplicates] == [
        (4, 2, "+8613812345678"), (5, 2, "+8613812345678"),
    ]
    assert [(r.row, r.fields["姓名"]) for r in result.recipients] == [(2, "第一次"), (3, "别人")]


def test_blank_rows_are_counted_and_skipped_not_invalid(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "blank.xlsx", {"Sheet": [
        ("手机号", "姓名"), ("13812345678", "a"), (None, None), (None, None), ("13912345678", "b"),
    ]})
    result = import_recipients(path)
    assert result.blank_rows == 2 and result.invalid == ()
    assert [r.row for r in result.recipients] == [2, 5]


def test_suppressed_numbers_are_counted_and_left_out(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "s.xlsx", {"Sheet": [
        ("手机号",), ("13812345678",), ("13912345678",), ("13912345678",), ("15012345678",),
    ]})
    result = import_recipients(path, suppressed=frozenset({"+8613912345678"}))
    assert result.numbers() == ["+8613812345678", "+8615012345678"]
    assert [(r.row, r.number) for r in result.suppressed] == [(3, "+8613912345678")]
    assert [(d.row, d.first_row) for d in result.duplicates] == [(4, 3)]
    assert len(result.recipients) + len(result.suppressed) == 3


def test_the_recipient_sequence_behaves_like_a_tuple(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "t.xlsx", {"Sheet": [("手机号", "姓名"), ("13812345678", "a"), ("13912345678", "b")]})
    recipients = import_recipients(path).recipients
    expected = (Recipient(2, "+8613812345678", {"姓名": "a"}), Recipient(3, "+8613912345678", {"姓名": "b"}))
    assert len(recipients) == 2
    assert recipients[-1] == expected[-1]
    assert recipients[0:1] == expected[0:1]
    assert tuple(recipients) == expected
    assert recipients == expected
    assert list(reversed(recipients)) == list(reversed(expected))


def test_pasted_text_one_per_line_or_separated() -> None:
    result = import_pasted_text("13812345678\n 139-1234-5678 ，15012345678;abc\n\n13812345678")
    assert result.file == "" and result.sheet is None
    assert result.numbers() == ["+8613812345678", "+8613912345678", "+8615012345678"]
    assert [(bad.row, bad.value) for bad in result.invalid] == [(4, "abc")]
    assert [(d.row, d.first_row) for d in result.duplicates] == [(5, 1)]


def test_pasted_text_honours_the_suppression_list() -> None:
    result = import_pasted_text("13812345678\n13912345678", suppressed={"+8613812345678"})
    assert result.numbers() == ["+8613912345678"] and len(result.suppressed) == 1
