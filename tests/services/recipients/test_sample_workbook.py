"""The bundled sample workbook imports cleanly and can be saved for the user."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gui.services.recipients import import_recipients
from gui.services.recipients.sample_workbook import (
    SAMPLE_NAME,
    build_sample_workbook,
    sample_path,
    save_sample_workbook,
)


def test_bundled_sample_exists_and_imports() -> None:
    path = sample_path()
    assert path.name == SAMPLE_NAME and path.exists()
    result = import_recipients(path)
    assert result.sheet == "收件人" and result.confident
    assert len(result.recipients) == 4 and result.invalid == ()
    assert result.recipients[0].fields["姓名"] == "张三"


def test_sample_has_an_explanation_sheet_and_text_phone_column(tmp_path: Path) -> None:
    copy = save_sample_workbook(tmp_path / "下载" / "示例.xlsx")
    assert copy.read_bytes() == sample_path().read_bytes()
    workbook = openpyxl.load_workbook(copy)
    assert workbook.sheetnames == ["收件人", "说明"]
    notes = [row[0] for row in workbook["说明"].iter_rows(values_only=True)]
    assert "手机号" in notes and "姓名" in notes
    assert workbook["收件人"]["A2"].number_format == "@" and workbook["收件人"]["A2"].data_type == "s"
    workbook.close()


def test_generator_reproduces_the_bundled_content(tmp_path: Path) -> None:
    built = build_sample_workbook(tmp_path / "built.xlsx")
    fresh, bundled = openpyxl.load_workbook(built), openpyxl.load_workbook(sample_path())
    for name in fresh.sheetnames:
        assert list(fresh[name].iter_rows(values_only=True)) == list(bundled[name].iter_rows(values_only=True))
