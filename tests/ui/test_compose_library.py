"""The 内容 page's template library, parameters read from recipient columns, and the per-recipient preview."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from gui.domain.campaign import ParamSource
from gui.domain.sms_text import SmsType
from gui.services.drafts.template_library import LibraryTemplate, TemplateLibrary
from gui.services.recipients.importer import import_recipients
from gui.ui.compose import ComposeView
from gui.ui.main_window import MainWindow, WindowMode
from gui.ui.sending.review_page import campaign_from_compose
from tests.ui.typing_helpers import type_text

TEMPLATE = "{1}您好，您的订单已于{2}发货"


def write_customers(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号", "日期"])
    sheet.append(["张三", "13800138000", "11月27日"])
    sheet.append(["李四", "13912345678", "11月28日"])
    book.save(path)
    return path


def make_view(qtbot) -> ComposeView:
    view = ComposeView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.library.loaded, timeout=5000)
    return view


def notification_with_template(qtbot, view: ComposeView) -> None:
    type_text(qtbot, view.signature_edit, "云开发")
    qtbot.mouseClick(view.notification_button, Qt.MouseButton.LeftButton)
    view.notification.template_id_edit.setText("923584")
    view.notification.template_edit.setPlainText(TEMPLATE)


def test_save_as_template_asks_a_name_and_loads_back(qtbot) -> None:
    view = make_view(qtbot)
    type_text(qtbot, view.signature_edit, "云开发")
    type_text(qtbot, view.marketing.content_edit, "能力上新")
    view.marketing.path_edit.setText("/promo.html")
    asked: list[str] = []
    view.library.ask_name = lambda default: asked.append(default) or "双十一"
    with qtbot.waitSignal(view.library.saved, timeout=5000) as saved:
        qtbot.mouseClick(view.library.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["双十一"] and asked == [""]
    stored = TemplateLibrary().get("双十一")  # the app database, a real SQLite file
    assert stored is not None and (stored.sms_type, stored.text, stored.path) == ("Marketing", "能力上新", "/promo.html")
    assert view.library.combo.currentText() == "双十一"

    view.marketing.content_edit.setPlainText("别的内容")
    view.marketing.path_edit.clear()
    combo = view.findChild(type(view.library.combo), "templateCombo")
    combo.activated.emit(combo.findData("双十一"))
    assert view.marketing.content_edit.toPlainText() == "能力上新"
    assert view.marketing.path_edit.text() == "/promo.html"
    assert view.preview.text().startswith("【云开发】能力上新")


def test_cancelled_name_saves_nothing(qtbot) -> None:
    view = make_view(qtbot)
    type_text(qtbot, view.marketing.content_edit, "能力上新")
    view.library.ask_name = lambda default: None
    qtbot.mouseClick(view.library.save_button, Qt.MouseButton.LeftButton)
    assert TemplateLibrary().all() == []
    assert view.library.save_button.isEnabled()


def test_notification_template_loads_id_text_and_named_parameters(qtbot, tmp_path) -> None:
    TemplateLibrary().save(LibraryTemplate("发货通知", "Notification", TEMPLATE, template_id="923584",
                                           param_names=("姓名", "发货日期")))
    TemplateLibrary().save(LibraryTemplate("促销", "Marketing", "能力上新", path="/index.html"))
    view = make_view(qtbot)
    assert view.library.names() == ["促销"]  # the combo lists templates of the type on screen
    view.set_recipients(import_recipients(write_customers(tmp_path / "客户.xlsx")))
    qtbot.mouseClick(view.notification_button, Qt.MouseButton.LeftButton)
    assert view.library.names() == ["发货通知"]
    assert view.library.load("发货通知")
    form = view.notification
    assert form.template_id_edit.text() == "923584"
    assert form.template_edit.toPlainText() == TEMPLATE
    assert [form.params_table.item(r, form.NAME).text() for r in range(2)] == ["{1} 姓名", "{2} 发货日期"]
    # 姓名 is a column of the imported file, so it reads the column; 发货日期 is not, so it stays text.
    assert form.param_sources() == (ParamSource(column="姓名"), ParamSource(literal=""))
    assert form.param_names() == ("姓名", "发货日期")


def test_parameter_from_a_column_and_the_preview_row_picker(qtbot, tmp_path) -> None:
    view = make_view(qtbot)
    notification_with_template(qtbot, view)
    form = view.notification
    assert view.preview.row_box.isHidden()  # nothing imported yet
    assert form.source_picker(0).count() == 1 and form.columns_hint.isVisible()

    view.set_recipients(import_recipients(write_customers(tmp_path / "客户.xlsx")))
    picker = view.findChild(type(form.source_picker(0)), "paramSource1")
    assert [picker.itemText(i) for i in range(picker.count())] == ["文字", "列：姓名", "列：日期"]
    picker.setCurrentIndex(picker.findData("姓名"))
    form.params_table.item(1, form.VALUE).setText("今天")
    assert form.param_sources() == (ParamSource(column="姓名"), ParamSource(literal="今天"))
    assert not (form.params_table.item(0, form.VALUE).flags() & Qt.ItemFlag.ItemIsEditable)
    # The value cell of a column row says where the value comes from; a text row shows its text.
    option = QStyleOptionViewItem()
    delegate = form.params_table.itemDelegateForColumn(form.VALUE)
    delegate.initStyleOption(option, form.params_table.model().index(0, form.VALUE))
    assert option.text == "每位收件人的姓名" and option.font.italic()
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, form.params_table.model().index(1, form.VALUE))
    assert option.text == "今天"

    rows = view.findChild(type(view.preview.row_picker), "previewRowPicker")
    assert view.preview.row_box.isVisible()
    assert [rows.itemText(i) for i in range(rows.count())] == ["第 2 行 · 138****8000", "第 3 行 · 139****5678"]
    assert view.preview.text() == "【云开发】张三您好，您的订单已于今天发货"
    rows.setCurrentIndex(1)
    assert view.preview.text() == "【云开发】李四您好，您的订单已于今天发货"
    assert view.total_counter.text() == f"整条 {len(view.preview.text())}/70 · 1 条"

    # The second parameter from a column too: each row's own date.
    form.set_param_sources([ParamSource(column="姓名"), ParamSource(column="日期")])
    assert view.preview.text() == "【云开发】李四您好，您的订单已于11月28日发货"
    assert view.set_preview_row(2)
    assert view.preview.text() == "【云开发】张三您好，您的订单已于11月27日发货"
    campaign = campaign_from_compose(view, "env-1")
    assert campaign.template_params == (ParamSource(column="姓名"), ParamSource(column="日期"))
    assert campaign.template_id == "923584"

    # Back to text: the literal typed before is still there.
    form.set_param_sources([ParamSource(literal="王先生"), ParamSource(column="日期")])
    assert view.preview.text() == "【云开发】王先生您好，您的订单已于11月27日发货"
    qtbot.mouseClick(view.marketing_button, Qt.MouseButton.LeftButton)
    assert view.preview.row_box.isHidden()


def test_a_column_without_recipients_shows_its_name_in_the_preview(qtbot) -> None:
    view = make_view(qtbot)
    notification_with_template(qtbot, view)
    view.notification.set_param_sources([ParamSource(column="姓名"), ParamSource(literal="今天")])
    assert view.notification.source_picker(0).currentText() == "列：姓名"
    assert view.preview.text() == "【云开发】{姓名}您好，您的订单已于今天发货"


def test_window_passes_imported_columns_to_the_compose_view(qtbot, tmp_path) -> None:
    window = MainWindow(WindowMode(env_id="prod-123"))
    qtbot.addWidget(window)
    window.compose.set_sms_type(SmsType.NOTIFICATION)
    window.compose.notification.template_edit.setPlainText(TEMPLATE)
    with qtbot.waitSignal(window.recipients.imported, timeout=10000):
        window.recipients.load(write_customers(tmp_path / "客户.xlsx"))
    assert window.compose.notification.columns() == ("姓名", "日期")
    assert window.compose.preview.row_picker.count() == 2


def test_delete_asks_then_removes_the_selected_template(qtbot) -> None:
    TemplateLibrary().save(LibraryTemplate("旧活动", "Marketing", "能力上新", path="/old.html"))
    TemplateLibrary().save(LibraryTemplate("新活动", "Marketing", "新品上市", path="/new.html"))
    view = make_view(qtbot)
    bar = view.library
    qtbot.waitUntil(lambda: sorted(bar.names()) == ["新活动", "旧活动"], timeout=5000)
    assert not bar.delete_button.isEnabled()  # nothing selected yet
    bar.combo.setCurrentIndex(bar.combo.findData("旧活动"))
    assert bar.delete_button.isEnabled()

    bar.confirm_delete = lambda name: False
    qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    assert TemplateLibrary().get("旧活动") is not None

    asked: list[str] = []
    bar.confirm_delete = lambda name: asked.append(name) or True
    with qtbot.waitSignal(bar.deleted, timeout=5000) as deleted:
        qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == ["旧活动"] and asked == ["旧活动"]
    assert [t.name for t in TemplateLibrary().all()] == ["新活动"]
    assert bar.names() == ["新活动"]
    assert not bar.delete_button.isEnabled()
