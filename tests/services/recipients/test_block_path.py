"""The block fast path agrees with a plain row-by-row `clean_phone` reference on a large, messy file."""

from __future__ import annotations

import random
from pathlib import Path

from gui.domain.phone import clean_phone, first_occurrences
from gui.services.recipients import import_recipients
from tests.services.recipients.builders import xlsx

ODD = ["", "1.38E+10", "138abc45678", " 13812345678", "１３８１２３４５６７８", "+86 139 0000 0000", "02112345678",
       "1381234567", "13800000000.0"]


def messy_rows(count: int, seed: int = 7) -> list[tuple[object, ...]]:
    rng = random.Random(seed)
    rows: list[tuple[object, ...]] = [("手机号", "姓名", "城市")]
    for index in range(count):
        roll = rng.random()
        if roll < 0.01:
            rows.append((None, None, None))  # blank row
        elif roll < 0.03:
            rows.append((rng.choice(ODD), f"n{index}", "上海"))
        elif roll < 0.05:
            rows.append((13800000000 + rng.randrange(50), f"n{index}", "北京"))  # duplicates
        elif roll < 0.5:
            rows.append((float(13900000000 + index), f"n{index}", "广州"))
        else:
            rows.append((str(15000000000 + index), f"n{index}", "深圳"))
    return rows


def test_block_path_matches_row_by_row_reference(tmp_path: Path) -> None:
    rows = messy_rows(12_000)
    result = import_recipients(xlsx(tmp_path / "messy.xlsx", {"Sheet": rows}), suppressed={"+8613800000003"})

    numbers: list[str | None] = []
    invalid: list[tuple[int, str]] = []
    blank = 0
    for row_number, values in enumerate(rows[1:], start=2):
        if all(v is None for v in values):
            blank += 1
            numbers.append(None)
            continue
        check = clean_phone(values[0])
        numbers.append(check.number)
        if check.number is None:
            invalid.append((row_number, check.problem.value))  # type: ignore[union-attr]  # an invalid cell always has a problem
    kept, duplicates = first_occurrences(numbers)
    expected = [(i + 2, numbers[i]) for i in kept if numbers[i] != "+8613800000003"]

    assert [(r.row, r.number) for r in result.recipients] == expected
    assert [(bad.row, bad.reason) for bad in result.invalid] == invalid
    assert [(d.row, d.first_row, d.number) for d in result.duplicates] == [
        (d.index + 2, d.first_index + 2, d.number) for d in duplicates
    ]
    assert result.blank_rows == blank and result.rows_read == 12_000
    assert [r.number for r in result.suppressed] == (["+8613800000003"] if "+8613800000003" in numbers else [])
    assert all(r.fields["姓名"].startswith("n") for r in result.recipients)


def test_numbers_only_import_reports_the_same_rows(tmp_path: Path) -> None:
    # `sms-composer check` skips the other columns; every number, row and problem must stay the same.
    rows = messy_rows(12_000, seed=11)
    book = xlsx(tmp_path / "messy.xlsx", {"Sheet": rows})
    text = tmp_path / "messy.csv"
    text.write_text("\n".join(",".join("" if v is None else str(v) for v in row) for row in rows), encoding="utf-8")
    for path in (book, text):
        full = import_recipients(path, suppressed={"+8613800000003"})
        numbers_only = import_recipients(path, suppressed={"+8613800000003"}, fields=False)
        assert numbers_only.recipients.numbers() == full.recipients.numbers()
        assert numbers_only.recipients.rows() == full.recipients.rows()
        assert numbers_only.invalid == full.invalid and numbers_only.duplicates == full.duplicates
        assert [(r.row, r.number) for r in numbers_only.suppressed] == [(r.row, r.number) for r in full.suppressed]
        assert (numbers_only.rows_read, numbers_only.blank_rows, numbers_only.columns) == (
            full.rows_read, full.blank_rows, full.columns)
        assert all(r.fields == {} for r in numbers_only.recipients[:100])
        assert full.recipients[0].fields["姓名"].startswith("n")
