"""`sms-composer receipts ID`: fetch delivery receipts (送达回执) for a campaign from the platform's records."""

from __future__ import annotations

import argparse
import sys

from gui.cli.output import pick
from gui.cli.resume import resolve_id
from gui.cli.run_output import cli_clock
from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "receipts",
        help="fetch delivery receipts for a campaign",
        description="送达回执 · read the platform's records: delivered / not delivered, receive time, billed parts.",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", type=int, help="发送记录编号 campaign ID")
    target.add_argument("--last", action="store_true", help="the most recent campaign")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gui.services.api.client import client_from_environment

    with Engine(clock=cli_clock(), recover=False) as engine:
        campaign_id = resolve_id(engine, args)
        with client_from_environment(clock=engine.clock) as client:
            summary = engine.fetch_receipts(campaign_id, client)
    sys.stdout.write(
        pick(
            f"已提交 {summary.checked} · 已送达 {summary.delivered} · 未送达 {summary.not_delivered}"
            f" · 暂无回执 {summary.waiting} · 计费条数 {summary.billed_parts}\n",
            f"Accepted {summary.checked} · delivered {summary.delivered} · not delivered {summary.not_delivered}"
            f" · no receipt yet {summary.waiting} · billed parts {summary.billed_parts}\n",
        )
    )
    return 0
