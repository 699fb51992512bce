"""`sms-composer resume (ID|--last)`: continue a campaign — reconcile unknown outcomes first, then send the rest."""

from __future__ import annotations

import argparse
import sys

from gui.cli.output import pick
from gui.cli.run_output import add_run_options, cli_clock, drive
from gui.domain.errors import UserFacingError
from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "resume",
        help="continue an interrupted, held or stopped campaign",
        description=(
            "继续发送：先核对结果未知的号码，再发送剩余批次。"
            " Continue a campaign: numbers with an unknown outcome are checked against the platform's records"
            " first; those not sent are re-sent after the settle delay (unless --no-resend)."
            " --retry-failed also re-sends exactly the numbers that failed with 可稍后重试 (retry later)"
            " or whose whole request was refused. Exit codes as for send."
        ),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", type=int, help="发送记录编号 campaign ID (see: sms-composer campaigns)")
    target.add_argument("--last", action="store_true", help="the most recent campaign")
    parser.add_argument(
        "--no-resend", action="store_true", help="never re-send numbers with an unknown outcome; keep them listed"
    )
    parser.add_argument(
        "--retry-failed", action="store_true", help="re-send the numbers that failed with 可稍后重试 (retry later)"
    )
    add_run_options(parser)
    parser.set_defaults(handler=run)


def resolve_id(engine: Engine, args: argparse.Namespace) -> int:
    if getattr(args, "last", False):
        last = engine.last_campaign_id()
        if last is None:
            raise UserFacingError("还没有任何发送记录。", "There are no campaigns yet.")
        return last
    engine.info(args.id)  # a clear error for an unknown ID
    return int(args.id)


def run(args: argparse.Namespace) -> int:
    with Engine(clock=cli_clock()) as engine:
        campaign_id = resolve_id(engine, args)
        if args.retry_failed:
            count = engine.retry_failed(campaign_id)
            sys.stdout.write(
                pick(f"重新排入 {count} 个失败的号码。\n", f"Queued {count} failed numbers again.\n")
            )
        return drive(engine, campaign_id, args, allow_resend=not args.no_resend)
