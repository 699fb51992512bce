"""`sms-composer run-due`: send every scheduled campaign whose time has come, once; safe to run every minute."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta

from gui.cli.output import pick
from gui.cli.run_output import add_run_options, cli_clock, print_summary
from gui.domain.send_window import SCHEDULE_GRACE
from gui.services.sending.types import EXIT_OK, EXIT_OPEN, RetryPolicy


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    grace = int(SCHEDULE_GRACE.total_seconds() // 60)
    parser = subparsers.add_parser(
        "run-due",
        help="send the scheduled campaigns that are due (for cron, systemd timers, Task Scheduler, launchd)",
        description=(
            "发送到时间的定时发送（已预约）。每分钟调用一次即可；多个调用同时运行时，每个活动也只发送一次。"
            " Send every scheduled campaign whose time has come, exactly once even when several callers run at"
            f" the same moment. A schedule more than {grace} minutes late (the computer was off or asleep) is"
            " missed: it is not sent, it is listed, and the user decides (window, sms-composer resume ID, or"
            " sms-composer schedule ID --at/--cancel). Exit codes: 0 nothing left open; 1 some numbers failed;"
            " 3 a missed schedule or open numbers remain."
        ),
    )
    parser.add_argument("--grace", type=float, default=grace, metavar="MINUTES",
                        help=f"how late a schedule may still be sent (default {grace})")
    add_run_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gui.services.api.client import client_from_environment
    from gui.services.sending.engine import Engine
    from gui.services.sending.schedule import describe, run_due

    def started(campaign_id: int, at: datetime) -> None:
        sys.stdout.write(pick(f"发送记录 {campaign_id}：预约 {describe(at)}，开始发送。\n",
                              f"Campaign {campaign_id}: scheduled for {describe(at)}, sending now.\n"))

    with Engine(clock=cli_clock()) as engine, client_from_environment(clock=engine.clock) as client:
        options = dict(settle_seconds=max(0.0, args.settle), hold_outside_window=True,
                       retry=RetryPolicy(base_delay=max(0.0, args.retry_delay)))
        summaries, found = run_due(engine, client, grace=timedelta(minutes=max(0.0, args.grace)),
                                   runner_options=options, on_start=started)
    for summary in summaries:
        print_summary(summary)
    for campaign_id, at in found.missed:
        sys.stdout.write(pick(
            f"发送记录 {campaign_id}：错过预约时间 {describe(at)}，没有发送。请打开窗口选择：立即发送、重新预约或取消；"
            f"或者 sms-composer resume {campaign_id}（立即发送）/ sms-composer schedule {campaign_id} --at … / --cancel\n",
            f"Campaign {campaign_id}: missed its schedule ({describe(at)}); not sent. Open the window to send now, "
            f"re-schedule or cancel, or: sms-composer resume {campaign_id} (send now) / "
            f"sms-composer schedule {campaign_id} --at … / --cancel\n",
        ))
    if not summaries and not found.missed:
        sys.stdout.write(pick("没有到时间的预约。\n", "Nothing is due.\n"))
    codes = [s.exit_code for s in summaries] + ([EXIT_OPEN] if found.missed else [])
    return max(codes, default=EXIT_OK)
