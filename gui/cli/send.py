"""`sms-composer send CAMPAIGN.json --recipients FILE`: check, plan, confirm and send a campaign."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from gui.cli.output import language, pick, print_error
from gui.cli.run_output import add_run_options, cli_clock, drive
from gui.domain.plan import DEFAULT_BATCH_SIZE, Plan
from gui.domain.sms_text import Problem
from gui.services.results.write_errors import ResultsNotWrittenError
from gui.services.sending.repeat_guard import RepeatError
from gui.services.sending.types import EXIT_BAD_INPUT

if TYPE_CHECKING:  # the engine is imported when the command runs, so `sms-composer --help` stays light
    from gui.services.sending.engine import Engine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "send",
        help="send a campaign to a recipients file",
        description=(
            "发送一次短信活动：检查内容、生成批次、确认后发送。"
            " Send a campaign: check the text, plan the batches, confirm, send."
            " Exit codes: 0 all accepted; 1 some failed; 2 bad input, nothing sent;"
            " 3 interrupted, held or unknown outcomes remain (sms-composer resume continues)."
        ),
    )
    parser.add_argument("campaign", metavar="CAMPAIGN.json", help="活动文件 the campaign file")
    parser.add_argument("--recipients", required=True, metavar="FILE", help="收件人表格 .xlsx/.xls/.csv/.txt")
    parser.add_argument("--results", metavar="OUT.xlsx", help="write the results here when done (.csv for CSV)")
    parser.add_argument("--yes", action="store_true", help="send without asking")
    parser.add_argument(
        "--again",
        action="store_true",
        help="再发一次：同样的短信发给同样的号码（默认拒绝，退出码 2） send a repeat of an earlier campaign anyway",
    )
    parser.add_argument(
        "--at", metavar='"YYYY-MM-DD HH:MM"',
        help="定时发送: store the campaign and send it at this Beijing time (by sms-composer run-due or the window)",
    )
    add_run_options(parser)
    # Hidden: smaller batches for tests (the platform's limit, 1000, is the default and the maximum).
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gui.domain.send_window import check_schedule, parse_schedule
    from gui.services.config.credentials import load_credentials
    from gui.services.config.settings import load_settings
    from gui.services.drafts.campaign_file import load_campaign
    from gui.services.gc_scope import collector_paused
    from gui.services.recipients.importer import import_recipients
    from gui.services.sending.budget import budget_warning
    from gui.services.sending.engine import Engine

    at = parse_schedule(args.at) if args.at else None
    campaign = load_campaign(args.campaign)
    # Read once for the whole command: the clock check, the price, and the client all use these.
    settings, credentials = load_settings(), load_credentials()
    if credentials is None:
        sys.stderr.write(
            pick(
                "错误：没有接口凭证。请先在窗口的 设置 → 接口凭证 中保存，或设置环境变量 "
                "SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET。没有发出任何短信。\n",
                "Error: no credentials. Save them in the window (Settings → Credentials) or set "
                "SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET. Nothing was sent.\n",
            )
        )
        return EXIT_BAD_INPUT
    with Engine(clock=cli_clock(settings)) as engine:
        suppressed = engine.suppression.numbers()
        with collector_paused():  # the command owns the process; the import builds only acyclic data
            imported = import_recipients(args.recipients, suppressed=suppressed)
        plan = engine.plan(campaign, imported, price_per_part=settings.pack_price_per_sms,
                           batch_size=max(1, min(args.batch_size, DEFAULT_BATCH_SIZE)))
        print_plan(plan, invalid=len(imported.invalid), duplicates=len(imported.duplicates))
        warning = budget_warning(engine.journal, settings, plan.total_parts, engine.clock.now())
        if warning is not None:
            sys.stdout.write(pick("提示：", "Note: ") + pick(*warning) + "\n")
        if plan.errors:
            print_problems(plan.errors)
            return EXIT_BAD_INPUT
        notice = engine.repeat_of(plan)
        if notice is not None:
            if not args.again:
                raise RepeatError(notice)  # main prints it and exits 2
            sys.stdout.write(pick("注意：", "Note: ") + notice.message(language()) + "\n")
        if at is not None:
            check_schedule(at, engine.clock.now(), marketing=campaign.is_marketing)  # refused before it is stored
        if not args.yes and not (confirm() if at is None else confirm_schedule(at)):
            sys.stdout.write(pick("未确认，没有发出任何短信。\n", "Not confirmed; nothing was sent.\n"))
            return EXIT_BAD_INPUT
        campaign_id = engine.create_campaign(campaign, imported, plan, again=args.again)
        if at is not None:
            return _schedule(engine, campaign_id, at)
        sys.stdout.write(pick(f"发送记录编号：{campaign_id}\n", f"Campaign ID: {campaign_id}\n"))
        code = drive(engine, campaign_id, args, allow_resend=True, settings=settings, credentials=credentials)
        if args.results:
            try:
                path = engine.export(campaign_id, args.results)
            except ResultsNotWrittenError as error:
                # The SMS are sent and every result is in the journal: say how to write them out later.
                print_error(error)
                sys.stderr.write(pick(
                    f"稍后导出：sms-composer export {campaign_id} --results {args.results}\n",
                    f"Export later with: sms-composer export {campaign_id} --results {args.results}\n",
                ))
                return code or EXIT_BAD_INPUT
            sys.stdout.write(pick(f"结果已写入 {path}\n", f"Results written to {path}\n"))
        return code


def _schedule(engine: Engine, campaign_id: int, at: datetime) -> int:
    from gui.services.sending.schedule import describe, schedule_campaign

    when = describe(schedule_campaign(engine, campaign_id, at))
    sys.stdout.write(
        pick(
            f"发送记录编号：{campaign_id} · 已预约 {when}（北京时间），现在没有发出任何短信。\n"
            f"到时由 sms-composer run-due（计划任务每分钟调用）或打开的窗口发送；"
            f"改时间或取消：sms-composer schedule {campaign_id} --at … / --cancel\n",
            f"Campaign ID: {campaign_id} · scheduled for {when} (Beijing time); nothing was sent now.\n"
            f"It is sent by sms-composer run-due (run it every minute from a scheduler) or by the open window; "
            f"change or cancel: sms-composer schedule {campaign_id} --at … / --cancel\n",
        )
    )
    return 0


def print_plan(plan: Plan, *, invalid: int = 0, duplicates: int = 0) -> None:
    texts = plan.distinct_texts
    sys.stdout.write(
        pick(
            f"收件人 {plan.recipients} · 批次 {len(plan.batches)} · 不同短信 {texts} 种 · 计费条数 {plan.total_parts}"
            f" · 预计 ¥{plan.estimate_yuan}（每条 ¥{plan.price_per_part}）\n",
            f"Recipients {plan.recipients} · batches {len(plan.batches)} · distinct texts {texts} · billed parts "
            f"{plan.total_parts} · estimate ¥{plan.estimate_yuan} (¥{plan.price_per_part} per part)\n",
        )
    )
    skipped = len(plan.suppressed)
    for recipient, hit in plan.capped[:20]:
        sys.stdout.write(pick(f"不发送 {recipient.number}（第 {recipient.row} 行）：{hit.rule_zh}\n",
                              f"Left out {recipient.number} (row {recipient.row}): {hit.rule_en}\n"))
    if plan.capped:
        sys.stdout.write(pick(f"发送频率上限（防骚扰）：{len(plan.capped)} 个号码不发送（结果中列出，可导出）\n",
                              f"Frequency cap: {len(plan.capped)} numbers left out (listed in the results, "
                              "exportable)\n"))
    if skipped or invalid or duplicates or plan.duplicates:
        sys.stdout.write(
            pick(
                f"跳过：退订名单 {skipped} · 无效号码 {invalid} · 重复号码 {duplicates + plan.duplicates}\n",
                f"Skipped: suppression list {skipped} · invalid {invalid} · duplicates {duplicates + plan.duplicates}\n",
            )
        )
    if plan.batches:
        sample = plan.batches[0].rendered
        sys.stdout.write(pick("完整短信示例：", "Sample final text: ") + sample.text + "\n")
    for warning in plan.warnings:
        sys.stdout.write(pick("提示：", "Note: ") + (warning.message_zh if language() == "zh" else warning.message_en) + "\n")


def print_problems(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        message = problem.message_zh if language() == "zh" else problem.message_en
        sys.stderr.write(pick("错误", "Error") + f" [{problem.field}/{problem.code}]: {message}\n")
    sys.stderr.write(pick("没有发出任何短信。\n", "Nothing was sent.\n"))


def confirm_schedule(at: datetime) -> bool:
    sys.stdout.write(pick(f"预约在 {at:%Y-%m-%d %H:%M}（北京时间）发送？", f"Schedule for {at:%Y-%m-%d %H:%M} (Beijing)? "))
    return confirm()


def confirm() -> bool:
    """Ask y/N on stdin; no answer (EOF, no stdin) means no."""
    sys.stdout.write(pick("确认发送？[y/N] ", "Send now? [y/N] "))
    sys.stdout.flush()
    try:
        answer = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("y", "yes", "是")
