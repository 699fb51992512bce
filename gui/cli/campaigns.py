"""`sms-composer campaigns [--json]`: the send history (发送记录) with each campaign's state and counts."""

from __future__ import annotations

import argparse
import sys

from gui.cli.output import language, pick, print_json
from gui.cli.run_output import counts_text
from gui.domain.statuses import CampaignState, state_label
from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "campaigns", help="list past campaigns", description="发送记录 · the campaigns in the journal, newest first."
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Engine(recover=False) as engine:
        infos = engine.campaigns()
    if args.json:
        print_json({"campaigns": [info.to_json() for info in infos]})
        return 0
    if not infos:
        sys.stdout.write(pick("还没有任何发送记录。\n", "No campaigns yet.\n"))
        return 0
    lang = language()
    for info in infos:
        state = state_label(info.state, lang, info.counts)
        if info.state == CampaignState.SCHEDULED:
            state += " " + info.scheduled_at[:16]
        sys.stdout.write(
            f"{info.id:>4}  {info.created_at}  {state}  {info.name or '-'}  "
            f"{info.sms_type}  {counts_text(info.counts)}\n"
        )
    return 0
