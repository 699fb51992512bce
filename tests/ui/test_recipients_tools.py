"""收件人 page tools: pasted numbers, the column mapping step, import progress, the 退订名单 and the sample download."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gui.services.recipients.suppression import SuppressionList
from gui.ui.recipients.page import RecipientsPage
from gui.ui.recipients.tools import SuppressionDialog


def _page(qtbot) -> RecipientsPage:
    page = RecipientsPage()
    qtbot.addWidget(page)
    page.show()
    return page


def _wait(qtbot, page: RecipientsPage) -> None:
    qtbot.waitUntil(lambda: page.result is not None and not page.busy, timeout=5000)


def test_pasted_numbers_are_imported_off_the_gui_thread(qtbot) -> None:
    page = _page(qtbot)
    page.ask_pasted = lambda: "13800000001\n138 0000 0002, 12345\n13800000001"
    page.paste_button.click()
    assert page.busy and page.progress_bar.isVisible()
    _wait(qtbot, page)
    assert [r.number for r in page.result.recipients] == ["+8613800000001", "+8613800000002"]
    assert len(page.result.invalid) == 1 and len(page.result.duplicates) == 1
    assert not page.progress_bar.isVisible()
    assert not page.mapping_button.isEnabled()  # nothing to re-map in pasted text


def test_mapping_step_reimports_with_the_chosen_column(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "两列.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["备用电话", "手机"])
    for n in range(5):
        sheet.append([f"1390000{n:04d}", f"1380000{n:04d}"])
    book.save(path)
    page = _page(qtbot)
    page.load(path)
    _wait(qtbot, page)
    first = page.result
    assert page.mapping_button.isEnabled()
    page.mapping_button.click()
    assert page.mapping.isVisible()
    other = next(c for c in first.columns if c != first.phone_column)
    page.mapping.column_picker.setCurrentText(other)
    page.result = None
    page.mapping.apply_button.click()
    _wait(qtbot, page)
    assert page.result.phone_column == other
    assert page.result.recipients[0].number != first.recipients[0].number
    assert "“" + other + "”" in page.summary.text()


def test_suppression_list_add_remove_and_import(qtbot, tmp_path: Path) -> None:
    suppression = SuppressionList(tmp_path / "app.sqlite3")
    dialog = SuppressionDialog(suppression)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    dialog.number_edit.setText("13800000001，13800000002")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 2, timeout=5000)
    assert suppression.numbers() == {"+8613800000001", "+8613800000002"}
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 1, timeout=5000)
    assert len(suppression.numbers()) == 1
    source = tmp_path / "退订.txt"
    source.write_text("13800000007\n13800000008\n", encoding="utf-8")
    dialog.ask_file = lambda: str(source)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 3, timeout=5000)
    assert "+8613800000008" in suppression
    assert "3" in dialog.note.text()


def test_suppressed_numbers_are_set_aside_on_import(qtbot) -> None:
    SuppressionList().add(["13800000002"])
    page = _page(qtbot)
    page.load_text("13800000001\n13800000002")
    _wait(qtbot, page)
    assert [r.number for r in page.result.suppressed] == ["+8613800000002"]


def test_sample_workbook_is_saved_where_asked(qtbot, tmp_path: Path) -> None:
    page = _page(qtbot)
    out = tmp_path / "示例.xlsx"
    page.ask_sample_path = lambda: str(out)
    page.sample_button.click()
    qtbot.waitUntil(lambda: page.sample_saved is not None, timeout=5000)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "收件人"
    book.close()
    assert str(out) in page.summary.text()


def test_a_hidden_sheet_is_never_picked_and_noted_when_chosen(qtbot, tmp_path: Path) -> None:
    from tests.services.recipients.hostile_files import phone_rows, raw_xlsx, sheet_xml

    source = raw_xlsx(tmp_path / "名单.xlsx", [("旧", sheet_xml(phone_rows(3))), ("新", sheet_xml(phone_rows(2)))],
                      states={"旧": "veryHidden"})
    page = _page(qtbot)
    page.load(source)
    _wait(qtbot, page)
    assert page.result.sheet == "新" and len(page.result.recipients) == 2
    assert "隐藏" not in page.summary.text()
    page.load(source, sheet="旧")
    _wait(qtbot, page)
    assert page.result.sheet == "旧" and "隐藏" in page.summary.text()
