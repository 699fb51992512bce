"""The campaign report end to end: a mixed campaign in the sandbox, its receipts, every figure checked against the
simulator's own records, the chart against the figures, each failure group's action, and `report --json`."""

from __future__ import annotations

import json
from datetime import timedelta

import openpyxl
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from gui.cli.main import main
from gui.domain.clock import ManualClock, beijing
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.api.types import SendSmsRequest
from gui.services.recipients.importer import import_recipients
from gui.services.results.export import write_results_workbook
from gui.services.results.report import RETRY_LATER, SUPPRESS
from gui.services.simulator.state import QUOTA_ERRMSG
from gui.ui.history.chart import paint_outcomes, segment_widths
from gui.ui.history.report_render import render_report_file
from tests.support.simulator import SIMULATOR_START, simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)

BLACKLISTED = "13800000006"
SUPPRESSED = "13800000011"
LIMITED = "13800000009"  # sent to just before: the 30-second rule refuses it once


def _group(report, code):
    return next(g for g in report.failures if g.code == code)


def _wait_report(qtbot, view):
    qtbot.waitUntil(lambda: not view.loading and view.report is not None, timeout=5000)
    return view.report


def _wait_run(qtbot, window, campaign_id, state):
    engine = window.session.engine
    qtbot.waitUntil(lambda: not window.review.panel.is_sending() and engine.info(campaign_id).state == state, timeout=8000)


def test_report_of_a_mixed_campaign_matches_the_platform_records(qtbot, simulator, tmp_path, capsys):  # noqa: F811
    clock = ManualClock(SIMULATOR_START, running=True)
    simulator.config.clock = clock  # one clock for the app and the platform: receive times line up
    simulator.config.blacklist = {BLACKLISTED}
    simulator.config.receipt_status = {"13800000005": "error", "13800000007": ""}
    simulator.config.delivery_seconds = {"13800000008": 90, "13800000010": 400}
    phones = numbers(12)
    workbook = write_workbook(tmp_path / "名单.xlsx", phones,
                              extra=[["坏号码", "12345", "北京"], ["重复", phones[0], "北京"]])
    window = sandbox_window(qtbot, simulator, settle=0.2)
    window.session.clock = clock
    window.ask_close_during_send = lambda: True  # a failing assertion mid-send must not leave a dialog open
    window.session.engine.clock = clock
    engine = window.session.engine
    engine.suppression.add([SUPPRESSED], reason="test")
    compose_marketing(window)
    import_file(qtbot, window, workbook)
    review(qtbot, window, batch_size=4)

    # Phase 1: the first batch is refused for the IP whitelist. Refused as a whole, nothing was sent and no
    # number failed: the campaign stops with every number pending and says which setting to fix.
    simulator.fail_next("/tcb/sendsms", 40164)
    page = window.review
    page.confirm = lambda text: True
    page.send_button.click()
    qtbot.waitUntil(lambda: page.panel.campaign_id is not None, timeout=5000)
    campaign_id = page.panel.campaign_id
    _wait_run(qtbot, window, campaign_id, CampaignState.STOPPED)
    info = engine.info(campaign_id)
    assert info.counts == {NumberStatus.PENDING: 11, NumberStatus.SUPPRESSED: 1}
    assert "203.0.113.7" in info.message_zh and "白名单" in info.message_zh
    qtbot.waitUntil(lambda: page.history_button.isVisible(), timeout=5000)
    page.history_button.click()  # where a finished send leads: 发送记录 → 报告
    history = window.history
    view = history.report_view
    assert window.pages.currentWidget() is history and history.tabs.currentWidget() is view
    report = _wait_report(qtbot, view)
    assert report.failures == [] or report.failures == ()
    assert (report.failed, report.pending) == (0, 11)

    # Phase 2: continue; the same batch is refused because the resource pack is empty: still all pending.
    simulator.fail_next("/tcb/sendsms", -501007, QUOTA_ERRMSG + " rid: x")
    window.show_step(3)
    qtbot.waitUntil(lambda: not history.loading and history.info() is not None, timeout=5000)
    history.buttons["resumeButton"].click()
    qtbot.waitUntil(lambda: "资源包" in engine.info(campaign_id).message_zh, timeout=8000)
    _wait_run(qtbot, window, campaign_id, CampaignState.STOPPED)
    info = engine.info(campaign_id)
    assert info.counts == {NumberStatus.PENDING: 11, NumberStatus.SUPPRESSED: 1} and "资源包" in info.message_zh

    # Someone sends LIMITED the same text right now: the campaign's send to it hits the 30-second rule.
    client = window.session.make_client()
    try:
        client.send_sms(SendSmsRequest(env=simulator.config.env, phone_number_list=("+86" + LIMITED,),
                                       sms_type="Marketing", content="能力上新", path="/index.html"))
    finally:
        client.close()
    outside = len(simulator.accepted())

    # A resource pack was bought: 继续发送 sends the whole campaign from the refused batch, each number once.
    window.show_step(3)
    qtbot.waitUntil(lambda: not history.loading and history.buttons["resumeButton"].isEnabled(), timeout=5000)
    history.buttons["resumeButton"].click()
    _wait_run(qtbot, window, campaign_id, CampaignState.DONE)
    counts = engine.info(campaign_id).counts
    assert counts[NumberStatus.FAILED] == 1 and counts[NumberStatus.RETRY_LATER] == 1  # blacklisted; 30 s rule
    assert counts[NumberStatus.ACCEPTED] == 9

    # "Retry later…" on the 30-second group, in 30 minutes: queued and scheduled, nothing sent before the time.
    window.show_step(3)
    history.show_report(campaign_id)
    qtbot.waitUntil(lambda: not view.loading and view.report is not None
                    and any(g.code.endswith("ThirtySecondLimit") for g in view.report.failures), timeout=5000)
    limit = next(g for g in view.report.failures if g.code.endswith("ThirtySecondLimit"))
    assert limit.action == RETRY_LATER and limit.numbers == ("+86" + LIMITED,)
    sent_before = len(simulator.answered("/tcb/sendsms"))
    asked = []
    retry_at = beijing(clock.now()).replace(second=0, microsecond=0) + timedelta(minutes=30)
    view.retry_time = lambda count, marketing: asked.append((count, marketing)) or retry_at
    view.group_buttons[limit.code].click()
    qtbot.waitUntil(lambda: view.last_action == RETRY_LATER, timeout=5000)
    assert asked == [(1, True)]
    assert engine.journal.numbers(campaign_id, [NumberStatus.PENDING])[0].number == "+86" + LIMITED
    info = engine.info(campaign_id)
    assert info.state == CampaignState.SCHEDULED and info.scheduled_time == retry_at
    qtbot.waitUntil(lambda: view.report is not None and view.report.scheduled_at != "", timeout=5000)
    assert f"{retry_at:%Y-%m-%d %H:%M}" in view.note.text() and "已预约" in info.state_text()
    clock.advance(20 * 60)
    window.schedules.check()  # the scheduler looks before the time: nothing
    qtbot.wait(300)
    assert engine.info(campaign_id).state == CampaignState.SCHEDULED
    assert len(simulator.answered("/tcb/sendsms")) == sent_before
    clock.set(retry_at + timedelta(seconds=20))
    window.schedules.check()
    qtbot.waitUntil(lambda: not window.review.panel.is_sending()
                    and engine.info(campaign_id).counts.get(NumberStatus.ACCEPTED) == 10, timeout=8000)
    _wait_run(qtbot, window, campaign_id, CampaignState.DONE)
    window.schedules.check()  # looked at again: it is not sent a second time
    qtbot.wait(300)
    assert len(simulator.answered("/tcb/sendsms")) == sent_before + 1
    assert [r.mobile for r in simulator.accepted()[outside:]].count("+86" + LIMITED) == 1

    # The blacklisted number: the run put it on the 退订名单; taken off by mistake, one click puts it back.
    engine.suppression.remove(["+86" + BLACKLISTED])
    window.show_step(3)
    history.show_report(campaign_id)
    qtbot.waitUntil(lambda: not view.loading and view.report is not None
                    and view.report.accepted == 10, timeout=5000)
    black = next(g for g in view.report.failures if g.action == SUPPRESS)
    assert black.numbers == ("+86" + BLACKLISTED,) and black.on_suppression_list == 0
    view.group_buttons[black.code].click()
    qtbot.waitUntil(lambda: view.last_action == SUPPRESS, timeout=5000)
    assert "+86" + BLACKLISTED in engine.suppression.numbers()

    # The link behind a group filters the per-number table to exactly its numbers.
    qtbot.waitUntil(lambda: not history.numbers_loading and history.numbers.model.rowCount() == 12, timeout=5000)
    qtbot.waitUntil(lambda: not view.loading and black.code in view.group_links, timeout=5000)
    view.group_links[black.code].click()
    assert history.tabs.currentWidget() is history.numbers
    proxy = history.numbers.proxy
    assert [proxy.data(proxy.index(r, 1)) for r in range(proxy.rowCount())] == ["+86" + BLACKLISTED]

    # Receipts, then every figure against the platform's own records.
    history.tabs.setCurrentWidget(view)
    clock.advance(600)  # every receive time has passed
    # While the report is open and receipts are due, they refresh by themselves (the minute, sped up here).
    assert view.receipts_wanted() and view.auto_timer.isActive()
    view.auto_timer.setInterval(50)
    qtbot.waitUntil(lambda: not view.fetching and not view.loading and view.report is not None
                    and view.report.receipts_fetched, timeout=5000)
    view.receipts_button.click()  # and on demand
    qtbot.waitUntil(lambda: not view.fetching and not view.loading, timeout=5000)
    report = view.report
    records = simulator.state.records[outside:]  # the campaign's sends (the one before it was not ours)
    assert report.accepted == len(records) == 10
    assert report.delivered == sum(r.status == "sent" for r in records) == 8
    assert report.not_delivered == sum(r.status == "error" for r in records) == 1
    assert report.awaiting_receipt == 1
    assert report.billed_parts == sum(r.fee for r in records)
    assert report.billed_cost == f"{report.billed_parts * 0.05:.2f}"
    assert (report.failed, report.unknown, report.pending) == (1, 0, 0)
    assert (report.skipped_invalid, report.skipped_duplicate, report.skipped_suppressed) == (1, 1, 1)
    assert report.rows_in_file == 14 == sum(count for _key, count in report.segments)
    assert sum(b.delivered for b in report.delivery) == report.delivered
    assert report.delivery_rate == 8 / 10
    assert [(g.code, g.count) for g in report.failures] == [("FailedOperation.PhoneNumberInBlacklist", 1)]
    assert view.figures["delivered"].text() == "8" and view.figures["accepted"].text() == "10"
    assert view.figures["billed_parts"].text().startswith(str(report.billed_parts))

    # The per-number table shows 送达状态 and 送达时间 now, and filters by them.
    numbers_table = history.numbers
    qtbot.waitUntil(lambda: not history.numbers_loading and numbers_table.model.has_receipts, timeout=5000)
    assert not numbers_table.view.isColumnHidden(3) and not numbers_table.view.isColumnHidden(4)
    assert numbers_table.model.delivery_of("+8613800000005") == ("not_delivered", "")
    assert numbers_table.model.delivery_of("+8613800000008")[1]  # a receive time
    labels = [numbers_table.filter.itemText(i) for i in range(numbers_table.filter.count())]
    numbers_table.filter.setCurrentIndex(labels.index("已送达"))
    assert numbers_table.proxy.rowCount() == report.delivered
    numbers_table.filter.setCurrentIndex(labels.index("已提交，暂无回执"))
    assert numbers_table.proxy.rowCount() == report.awaiting_receipt
    # Search 发送记录 by name.
    history.search.setText("名单")
    assert not history.table.isRowHidden(0)
    history.search.setText("没有这个名字")
    assert history.table.isRowHidden(0)
    history.search.clear()

    # The chart: each segment's width is its share of the rows, and the painted bar shows those colours.
    widths = dict(segment_widths(report, 700.0))
    assert widths["delivered"] == 700.0 * 8 / 14 and widths["skipped_invalid"] == 700.0 / 14
    assert sum(widths.values()) == 700.0
    image = QImage(700, 200, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    paint_outcomes(painter, QRectF(0, 0, 700, 200), report, "zh")
    painter.end()
    assert image.pixelColor(int(widths["delivered"] / 2), 10).name() == "#07a35a"

    # The command line shows the same figures from the same function.
    capsys.readouterr()
    data_dir = str(engine.journal.path.parent)
    assert main(["--data-dir", data_dir, "report", str(campaign_id), "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    for key in ("recipients", "accepted", "delivered", "not_delivered", "failed", "billed_parts", "billed_cost",
                "estimated_parts", "rows_in_file"):
        assert cli[key] == getattr(report, key), key
    assert cli["segments"] == dict(report.segments)
    assert [g["code"] for g in cli["failures"]] == [g.code for g in report.failures]
    assert main(["--data-dir", data_dir, "report", "--last"]) == 0
    text = capsys.readouterr().out
    assert f"已送达 {report.delivered}" in text and f"实际计费条数 {report.billed_parts}" in text
    assert black.title_zh in text

    # A page to share: PDF and PNG from the window's button, PDF from the command line.
    view.save_path = lambda suggested: str(tmp_path / "报告.pdf")
    view.share_button.click()
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF") and "报告.pdf" in view.note.text()
    png = render_report_file(report, tmp_path / "报告.png", "zh")
    assert QImage(str(png)).width() > 1000
    assert main(["--data-dir", data_dir, "report", str(campaign_id), "--pdf", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")

    # The results workbook: 报告 first (figures, the outcome chart, grouped failures), invalid and duplicate rows
    # listed, and the file still opens on the recipients with their results.
    out = tmp_path / "结果.xlsx"
    history.export_path = lambda suggested: str(out)
    history.export_button.click()
    qtbot.waitUntil(lambda: history.last_export is not None, timeout=5000)
    _check_report_sheet(out, report)
    # Big or non-xlsx sources are streamed (XlsxWriter): the same sheet and chart.
    streamed = tmp_path / "结果-流式.xlsx"
    imported = import_recipients(workbook)
    write_results_workbook(imported, workbook, engine.results_by_row(campaign_id), streamed, keep_formatting=False,
                           report=engine.report(campaign_id))
    _check_report_sheet(streamed, engine.report(campaign_id))
    assert import_recipients(streamed).numbers() == imported.numbers()  # a results file still imports

    # The numbers of the batch refused for the whitelist never failed: the resume after the fix sent them, each
    # once, so there is no group to retry.
    history.tabs.show_report()
    view.load(campaign_id)
    qtbot.waitUntil(lambda: not view.loading and view.report is not None, timeout=5000)
    assert "40164" not in view.group_retry
    ours = [r.mobile for r in simulator.accepted()[outside:]]
    assert sorted(ours) == sorted(set(ours)) and {"+86" + p for p in phones[:4]} <= set(ours)

    # The platform keeps records for two months: after that the report stops asking for receipts.
    clock.advance(61 * 86400)
    view.load(campaign_id)
    qtbot.waitUntil(lambda: not view.loading and view.report.accepted == 10, timeout=5000)
    assert view.report.awaiting_receipt and not view.receipts_wanted()


def _check_report_sheet(path, report) -> None:
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "报告" and book.active.title == "客户"
    assert {"无效号码", "重复号码"} <= set(book.sheetnames)
    sheet = book["报告"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["收件人"] == report.recipients and values["已提交"] == report.accepted
    assert values["已送达"] == report.delivered and values["发送失败"] == report.failed
    assert values["实际计费条数（平台记录 Fee）"] == report.billed_parts
    assert values["实际费用（元）"] == report.billed_cost
    assert values["已送达"] == dict(report.segments)["delivered"]
    assert values[report.failures[0].title_zh] == report.failures[0].count
    assert len(sheet._charts) == 1
    assert list(book["重复号码"].iter_rows(min_row=2, values_only=True)) == [(15, 2, "+8613800000000")]
