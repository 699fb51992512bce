"""The results workbook's first sheet, 报告: headline figures, outcomes with a native stacked-bar chart, failures.

The chart is an Excel chart built from the sheet's own outcome table, not a picture: it needs neither Qt nor
Pillow (openpyxl cannot embed a PNG without Pillow), it is the same from the window and the command line, and
the manager can restyle it. The one-page PDF/PNG of the report is the picture to share.
"""

from __future__ import annotations

from typing import Any

from gui.domain.statuses import state_label
from gui.services.recipients.readers import REPORT_SHEET_NAME as REPORT_SHEET
from gui.services.results.report import SEGMENTS, CampaignReport, segment_label

COLOURS = {  # the window's chart colours (gui/ui/history/chart.py), without the '#'
    "delivered": "07A35A", "awaiting": "8FD6B0", "not_delivered": "E8710A", "failed_retry": "F2B705",
    "failed_blacklisted": "D93026", "failed_other": "A50E0E", "unknown": "9334E6", "pending": "C4C7C5",
    "skipped_invalid": "5F6368", "skipped_duplicate": "80868B", "skipped_suppressed": "B0B5BA",
}
ACTION_WORDS = {"retry_now": "立即重试", "retry_later": "稍后重试", "suppress": "加入退订名单",
                "settings": "到「设置」修改后重试", "none": "改正号码"}
CHART_ANCHOR = "E3"


def figure_rows(report: CampaignReport) -> list[tuple[str, object]]:
    rate = f"{report.delivery_rate:.1%}" if report.delivery_rate is not None else "未获取回执"
    billed: object = report.billed_parts if report.receipts_fetched else "未获取回执"
    billed_cost: object = report.billed_cost if report.receipts_fetched else "未获取回执"
    return [
        ("收件人", report.recipients),
        ("已提交", report.accepted),
        ("已送达", report.delivered),
        ("未送达", report.not_delivered),
        ("已提交，暂无回执", report.awaiting_receipt),
        ("送达率", rate),
        ("发送失败", report.failed),
        ("结果未知", report.unknown),
        ("待发送", report.pending),
        ("跳过：无效号码", report.skipped_invalid),
        ("跳过：重复号码", report.skipped_duplicate),
        ("跳过：退订名单", report.skipped_suppressed),
        ("预计计费条数", report.estimated_parts),
        ("预计费用（元）", report.estimated_cost),
        ("实际计费条数（平台记录 Fee）", billed),
        ("实际费用（元）", billed_cost),
        ("短信资源包单价（元/条，设置）", report.price_per_part),
    ]


def sheet_cells(report: CampaignReport) -> tuple[list[list[object]], int]:
    """Every row of the sheet, and the 0-based row where the outcome table's data starts."""
    rows: list[list[object]] = [
        [f"发送报告 · #{report.campaign_id} {report.name}"],
        [f"{state_label(report.state, 'zh', report.counts)} · 创建于 {report.created_at}"],
        [],
        ["指标", "数值"],
        *[[label, value] for label, value in figure_rows(report)],
        [],
        ["每一行的结果", "行数"],
    ]
    first = len(rows)
    counts = dict(report.segments)
    rows += [[segment_label(key), counts.get(key, 0)] for key in segment_keys(report)]
    rows += [[], ["按原因分组的失败号码", "号码数", "处理建议", "代码", "可以做的"]]
    rows += [[g.title_zh, g.count, g.advice_zh, g.code, ACTION_WORDS.get(g.action, "")] for g in report.failures]
    if not report.failures:
        rows.append(["没有发送失败的号码。"])
    return rows, first


def segment_keys(report: CampaignReport) -> list[str]:
    return [key for key, count in report.segments if count] or [SEGMENTS[0][0]]


def add_report_sheet(workbook: Any, report: CampaignReport) -> None:
    """openpyxl: insert 报告 as the first sheet (replacing an old one), with its chart; the active sheet stays."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.styles import Font

    if REPORT_SHEET in workbook.sheetnames:
        del workbook[REPORT_SHEET]
    active = workbook.active
    sheet = workbook.create_sheet(REPORT_SHEET, 0)
    rows, first = sheet_cells(report)
    for index, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(index, column, value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["C"].width = 40
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "每一行的结果"
    chart.height, chart.width = 5, 18
    for offset, key in enumerate(segment_keys(report)):
        row = first + 1 + offset
        chart.add_data(Reference(sheet, min_col=2, min_row=row), titles_from_data=False)
        series = chart.series[-1]
        series.tx = SeriesLabel(v=segment_label(key))
        series.graphicalProperties.solidFill = COLOURS.get(key, "6B7280")
    chart.y_axis.delete = False
    chart.x_axis.delete = True
    sheet.add_chart(chart, CHART_ANCHOR)
    # 报告 comes first, but the file still opens on the recipients with their results (as before).
    sheet.sheet_view.tabSelected = False
    workbook.active = active


def add_report_sheet_streamed(workbook: Any, report: CampaignReport) -> None:
    """XlsxWriter: call before any other sheet is added, so 报告 comes first (the caller activates its data)."""
    sheet = workbook.add_worksheet(REPORT_SHEET)
    rows, first = sheet_cells(report)
    bold = workbook.add_format({"bold": True, "font_size": 14})
    for index, values in enumerate(rows):
        for column, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(index, column, value, bold if index == 0 and column == 0 else None)
            else:
                sheet.write_number(index, column, value)
    sheet.set_column(0, 0, 30)
    sheet.set_column(2, 2, 40)
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for offset, key in enumerate(segment_keys(report)):
        row = first + offset
        chart.add_series({"name": segment_label(key), "values": [REPORT_SHEET, row, 1, row, 1],
                          "fill": {"color": "#" + COLOURS.get(key, "6B7280")}, "gap": 50})
    chart.set_title({"name": "每一行的结果"})
    chart.set_x_axis({"min": 0})
    chart.set_y_axis({"visible": False})
    chart.set_size({"width": 620, "height": 160})
    sheet.insert_chart(CHART_ANCHOR, chart)
