"""The compose view, driven like a user: typing updates the counters, problems, underlines and preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from gui.domain.sms_text import SmsType
from gui.ui.compose import ComposeView
from gui.ui.compose.spans import utf16_position
from gui.ui.first_paint import first_paint_done
from gui.ui.style import ERROR, WARNING
from tests.ui.typing_helpers import type_text

SEED_TEXT = "【云开发】能力上新,跳转小程序 https://tcbe.cn/XXXXXXXX 回T退订"


def make_view(qtbot) -> ComposeView:
    view = ComposeView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: first_paint_done(view))  # the carrier rule pack is read then
    return view


def type_marketing(qtbot, view: ComposeView, content: str, signature: str = "云开发") -> None:
    type_text(qtbot, view.signature_edit, signature)
    type_text(qtbot, view.marketing.path_edit, "/index.html")
    type_text(qtbot, view.marketing.content_edit, content)


def test_seed_example_counts_45_of_70_in_one_part(qtbot) -> None:
    view = make_view(qtbot)
    type_marketing(qtbot, view, "能力上新")
    assert view.findChild(type(view.content_counter), "contentCounter").text() == "正文 4/30"
    assert view.total_counter.text() == "整条 45/70 · 1 条"
    assert view.preview.text() == SEED_TEXT
    bubble = view.findChild(type(view.preview.bubble), "previewBubble")
    assert '<a href="https://tcbe.cn/XXXXXXXX"' in bubble.text()
    assert view.preview.sender.text().startswith("1069")
    # The example's 回T退订 is the old unsubscribe text: the carrier rule pack says so (a warning, not an error).
    assert view.problems.codes() == ["unsubscribe_wording"]
    assert view.content_counter.property("state") == ""
    # It is about the 退订提示 preset, not a place in the content: nothing in the editor is underlined.
    assert view.marketing.content_edit.extraSelections() == []


def test_every_keystroke_updates_the_counters(qtbot) -> None:
    view = make_view(qtbot)
    type_marketing(qtbot, view, "能力")
    assert view.content_counter.text() == "正文 2/30"
    type_text(qtbot, view.marketing.content_edit, "上")
    assert view.content_counter.text() == "正文 3/30"
    assert view.total_counter.text() == "整条 44/70 · 1 条"
    qtbot.keyClick(view.marketing.content_edit, Qt.Key.Key_Backspace)
    assert view.content_counter.text() == "正文 2/30"


def _underlines(editor, colour: str = ERROR) -> list[tuple[int, int]]:
    """The (start, end) Qt positions underlined with a wave in `colour`."""
    spans = []
    for selection in editor.extraSelections():
        assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        if selection.format.underlineColor().name() == colour:
            spans.append((selection.cursor.selectionStart(), selection.cursor.selectionEnd()))
    return spans


def test_31_characters_turn_the_counter_red_and_underline_the_extra_one(qtbot) -> None:
    view = make_view(qtbot)
    type_marketing(qtbot, view, "能" * 31)
    assert view.content_counter.text() == "正文 31/30"
    assert view.content_counter.property("state") == "error"
    assert "content_too_long" in view.problems.codes()
    too_long = next(p for p in view.last_rendered().errors if p.code == "content_too_long")
    assert (too_long.start, too_long.end) == (30, 31)
    assert (30, 31) in _underlines(view.marketing.content_edit)
    assert view.total_counter.property("state") == "error"
    shown = [label.text() for label in view.problems.findChildren(type(view.content_counter))]
    assert any("最多只能 30 个字" in text for text in shown)
    # Deleting the extra character clears the error on the next keystroke.
    qtbot.keyClick(view.marketing.content_edit, Qt.Key.Key_Backspace)
    assert view.content_counter.property("state") == ""
    assert "content_too_long" not in view.problems.codes()
    assert _underlines(view.marketing.content_edit, ERROR) == []
    # 30 characters still make 71 in all: the multi-part warning underlines in amber, not red.
    assert "multi_part" in view.problems.codes()
    assert _underlines(view.marketing.content_edit, WARNING)


def test_underline_maps_code_points_to_utf16_positions(qtbot) -> None:
    view = make_view(qtbot)
    content = "😀" * 16  # 32 UTF-16 units: over the limit, and every character is 2 Qt positions wide
    type_marketing(qtbot, view, "")
    view.marketing.content_edit.setPlainText(content)
    problem = next(p for p in view.last_rendered().errors if p.code == "content_too_long")
    expected = (utf16_position(content, problem.start), utf16_position(content, problem.end))
    assert expected == (problem.start * 2, problem.end * 2)
    assert expected in _underlines(view.marketing.content_edit)


def test_utf16_position() -> None:
    assert utf16_position("ab", 1) == 1
    assert utf16_position("😀a", 1) == 2
    assert utf16_position("😀a", 5) == 3


def test_switching_to_notification_shows_template_and_parameter_rows(qtbot) -> None:
    view = make_view(qtbot)
    type_text(qtbot, view.signature_edit, "云开发")
    qtbot.mouseClick(view.notification_button, Qt.MouseButton.LeftButton)
    assert view.sms_type() == SmsType.NOTIFICATION
    assert view.stack.currentWidget() is view.notification
    assert view.content_counter.isHidden()
    template = view.findChild(type(view.marketing.content_edit), "templateEdit")
    type_text(qtbot, template, "您的{1}已发货，点击 {2} 查看")
    table = view.notification.params_table
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["{1}", "{2}"]
    assert "param_count_mismatch" in view.problems.codes()
    view.notification.set_params(["商品", "/order.html"])
    assert view.problems.codes() == []
    # The path becomes the platform's short link: previewed and counted as the same-length placeholder.
    assert view.preview.text() == "【云开发】您的商品已发货，点击 https://tcbe.cn/XXXXXXXX 查看"
    assert view.total_counter.text() == f"整条 {len(view.preview.text())}/70 · 1 条"
    # Fewer placeholders: the rows follow, keeping the first value.
    template.setPlainText("您的{1}已发货")
    assert table.rowCount() == 1 and table.item(0, view.notification.VALUE).text() == "商品"
    qtbot.mouseClick(view.marketing_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.marketing
    assert view.content_counter.isVisible()


def test_short_name_signs_when_chosen(qtbot) -> None:
    view = make_view(qtbot)
    type_marketing(qtbot, view, "能力上新", signature="一个名字很长很长的小程序示例")
    type_text(qtbot, view.short_name_edit, "示例")
    view.use_short_name.setChecked(True)
    assert view.preview.text().startswith("【示例】能力上新")
    assert view.draft().use_short_name is True


def test_settings_defaults_fill_empty_fields_only(qtbot) -> None:
    view = make_view(qtbot)
    type_text(qtbot, view.signature_edit, "我的店")
    view.apply_defaults(signature="云开发", short_name="云", suffix_key="dllzff_reply_r")
    assert view.signature_edit.text() == "我的店"
    assert view.short_name_edit.text() == "云"
    assert view.marketing.suffix_key() == "dllzff_reply_r"


def test_an_empty_template_value_is_an_error_not_a_pass(qtbot) -> None:
    view = make_view(qtbot)
    type_text(qtbot, view.signature_edit, "云开发")
    qtbot.mouseClick(view.notification_button, Qt.MouseButton.LeftButton)
    view.notification.template_edit.setPlainText("您购买的{1}已发货，详情见 {2}")
    view.notification.set_params(["", "/pages/order/index"])
    assert "empty_param" in view.problems.codes()
    # What 检查并发送 plans from the same page refuses it too (trailing empty values included).
    from gui.domain.plan import plan_campaign
    from gui.domain.recipients import Recipient
    from gui.ui.compose.campaign import campaign_from_compose

    view.notification.set_params(["保温杯", ""])
    plan = plan_campaign(campaign_from_compose(view, "env-1"), [Recipient(row=2, number="+8613800000000")])
    assert not plan.ok and "empty_param" in {p.code for p in plan.errors}
    view.notification.set_params(["保温杯", "/pages/order/index"])
    assert "empty_param" not in view.problems.codes()


def test_the_path_link_preset_is_configurable(qtbot) -> None:
    from gui.domain.campaign import Campaign
    from gui.ui.compose.campaign import campaign_from_compose

    view = make_view(qtbot)
    type_text(qtbot, view.signature_edit, "云开发")
    qtbot.mouseClick(view.notification_button, Qt.MouseButton.LeftButton)
    view.notification.template_id_edit.setText("923584")
    view.notification.template_edit.setPlainText("您的{1}已发货，点击 {2} 查看")
    view.notification.set_params(["商品", "/order.html"])
    assert "https://tcbe.cn/XXXXXXXX" in view.preview.text()
    view.apply_defaults(param_link_key="as_typed")  # 设置's param_link_key, if the platform sends paths as typed
    assert view.preview.text() == "【云开发】您的商品已发货，点击 /order.html 查看"
    campaign = campaign_from_compose(view, "env-1")
    assert campaign.param_link_key == "as_typed" and Campaign.from_json(campaign.to_json()) == campaign
