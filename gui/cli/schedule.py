"""`sms-composer schedule ID (--at "YYYY-MM-DD HH:MM" | --cancel)`: change or cancel a campaign's 定时发送."""

from __future__ import annotations

import argparse
import sys

from gui.cli.output import pick
from gui.cli.run_output import cli_clock


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="change or cancel a scheduled campaign",
        description="定时发送：在开始发送之前改时间或取消预约。 Change or cancel a schedule until the campaign starts.",
    )
    parser.add_argument("id", type=int, help="发送记录编号 campaign ID")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--at", metavar='"YYYY-MM-DD HH:MM"', help="new start time, Beijing time")
    what.add_argument("--cancel", action="store_true", help="cancel the schedule; nothing is sent")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gui.domain.send_window import parse_schedule
    from gui.services.sending.engine import Engine
    from gui.services.sending.schedule import cancel_schedule, describe, schedule_campaign

    at = parse_schedule(args.at) if args.at else None
    with Engine(clock=cli_clock()) as engine:
        engine.info(args.id)  # a clear error for an unknown ID
        if at is None:
            cancel_schedule(engine, args.id)
            sys.stdout.write(pick(f"发送记录 {args.id}：预约已取消，没有发出任何短信。\n",
                                  f"Campaign {args.id}: schedule cancelled; nothing was sent.\n"))
        else:
            when = describe(schedule_campaign(engine, args.id, at))
            sys.stdout.write(pick(f"发送记录 {args.id}：已预约 {when}（北京时间）。\n",
                                  f"Campaign {args.id}: scheduled for {when} (Beijing time).\n"))
    return 0
