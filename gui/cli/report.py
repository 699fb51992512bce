"""`sms-composer report ID [--json] [--pdf OUT]`: the campaign report (发送报告), the same figures as the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gui.cli.output import language, pick, print_json
from gui.cli.resume import resolve_id
from gui.domain.statuses import state_label
from gui.services.results.report import CampaignReport, segment_label
from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="show a campaign's report",
        description="发送报告 · figures, billed parts (Fee) and cost, failures grouped by reason with what to do. "
        "Fetch receipts first (sms-composer receipts ID) for delivered / billed figures.",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", type=int, help="发送记录编号 campaign ID")
    target.add_argument("--last", action="store_true", help="the most recent campaign")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pdf", metavar="OUT", help="also write a one-page PDF (or PNG when OUT ends in .png)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Engine(recover=False) as engine:
        campaign_id = resolve_id(engine, args)
        report = engine.report(campaign_id)
    if args.pdf:
        # Qt only when a picture is wanted; offscreen, so it works without a display.
        from gui.ui.history.report_render import render_report_file

        render_report_file(report, Path(args.pdf), language())
    if args.json:
        print_json(report.to_json())
    else:
        sys.stdout.write(report_text(report))
    if args.pdf:
        sys.stderr.write(pick(f"报告已保存：{args.pdf}\n", f"Report written to {args.pdf}\n"))
    return 0


def report_text(report: CampaignReport) -> str:
    """The report as plain lines for a terminal."""
    lang = language()
    zh = lang == "zh"
    state = state_label(report.state, lang, report.counts)
    lines = [
        pick(f"发送报告 · #{report.campaign_id} {report.name} · {state}",
             f"Campaign report · #{report.campaign_id} {report.name} · {state}"),
        pick(f"收件人 {report.recipients} · 已提交 {report.accepted} · 已送达 {report.delivered} · "
             f"发送失败 {report.failed} · 结果未知 {report.unknown} · 待发送 {report.pending}",
             f"Recipients {report.recipients} · accepted {report.accepted} · delivered {report.delivered} · "
             f"failed {report.failed} · unknown {report.unknown} · pending {report.pending}"),
        pick(f"预计计费条数 {report.estimated_parts}（¥{report.estimated_cost}） · 实际计费条数 "
             f"{report.billed_parts}（¥{report.billed_cost}，单价 ¥{report.price_per_part}）",
             f"Estimated parts {report.estimated_parts} (¥{report.estimated_cost}) · billed parts "
             f"{report.billed_parts} (¥{report.billed_cost} at ¥{report.price_per_part})"),
    ]
    if not report.receipts_fetched:
        lines.append(pick("还没有获取送达回执：sms-composer receipts ID", "No receipts yet: sms-composer receipts ID"))
    elif report.delivery_rate is not None:
        lines.append(pick(f"送达率 {report.delivery_rate:.1%}", f"Delivery rate {report.delivery_rate:.1%}"))
    lines.append(" · ".join(f"{segment_label(k, lang)} {v}" for k, v in report.segments if v))
    for group in report.failures:
        lines.append(f"- {group.count} × {group.code}: {group.title_zh if zh else group.title_en} "
                     f"{group.advice_zh if zh else group.advice_en}")
    return "\n".join(lines) + "\n"
