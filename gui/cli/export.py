"""`sms-composer export ID --results OUT.xlsx`: write a campaign's results into a copy of its recipients file."""

from __future__ import annotations

import argparse
import sys

from gui.cli.output import pick
from gui.cli.resume import resolve_id
from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a campaign's results into a copy of its recipients file",
        description=(
            "导出结果 · a copy of the recipients workbook with the columns 状态, 失败原因, 处理建议, 流水号,"
            " 提交时间, 计费条数, 送达状态, 送达时间 (CSV when OUT ends in .csv)."
        ),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", type=int, help="发送记录编号 campaign ID")
    target.add_argument("--last", action="store_true", help="the most recent campaign")
    parser.add_argument("--results", required=True, metavar="OUT.xlsx", help="where to write (.xlsx or .csv)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Engine(recover=False) as engine:
        campaign_id = resolve_id(engine, args)
        engine.remove_interrupted_exports()  # what a killed export left beside the recipients files
        path = engine.export(campaign_id, args.results)
    sys.stdout.write(pick(f"结果已写入 {path}\n", f"Results written to {path}\n"))
    return 0
