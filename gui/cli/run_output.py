"""What the sending commands share: the engine, the client, a `\\r` progress line and the end-of-run report."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from gui.cli.output import language, pick
from gui.domain import statuses
from gui.domain.clock import Clock, ManualClock, SystemClock
from gui.domain.errors import UserFacingError
from gui.domain.statuses import state_label
from gui.services.sending.engine import Engine
from gui.services.sending.runner import CampaignRunner
from gui.services.sending.types import EXIT_OPEN, ProgressSnapshot, RetryPolicy, RunSummary

if TYPE_CHECKING:
    from gui.services.config.credentials import Credentials
    from gui.services.config.settings import Settings

# Test and demo hook, honoured only against the local simulator: run the commands as if it were this Beijing
# time (the clock then moves on normally).
CLOCK_ENV = "SMS_COMPOSER_CLOCK"
DEFAULT_SETTLE = 60.0


def cli_clock(settings: Settings | None = None) -> Clock:
    value = os.environ.get(CLOCK_ENV)
    if not value:
        return SystemClock()
    if not _talks_to_local_simulator(settings):
        # The Marketing send window is the law, not a preference: live sends always use the real time.
        raise UserFacingError(
            f"{CLOCK_ENV} 只能在连接本机的练习模式模拟器时使用。",
            f"{CLOCK_ENV} may only be used with the sandbox simulator on this computer.",
            action_zh="正式发送时，营销短信的发送时段按真实的北京时间判断。请删掉这个环境变量后再试。",
            action_en="Live sends judge the Marketing send window by the real Beijing time. Unset it and try again.",
            where=CLOCK_ENV,
        )
    try:
        return ManualClock(datetime.fromisoformat(value), running=True)
    except ValueError:
        raise UserFacingError(
            f"{CLOCK_ENV} 的时间格式不对。", f"{CLOCK_ENV} is not an ISO date-time.", where=CLOCK_ENV
        ) from None


def _talks_to_local_simulator(settings: Settings | None) -> bool:
    from gui.services.config.settings import effective_api_base, load_settings

    base = effective_api_base(settings or load_settings())
    return urlsplit(base).hostname in ("127.0.0.1", "localhost", "::1")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settle",
        type=float,
        default=DEFAULT_SETTLE,
        metavar="SECONDS",
        help=f"wait this long after an unknown outcome before re-sending numbers the records do not show "
        f"(default {DEFAULT_SETTLE:g})",
    )
    # Hidden: shorter back-off for tests.
    parser.add_argument("--retry-delay", type=float, default=1.0, help=argparse.SUPPRESS)


def counts_text(counts: dict[str, int]) -> str:
    return statuses.counts_text(counts, language(), empty=pick("没有号码", "no numbers"))


class ProgressLine:
    """A one-line progress display, rewritten with `\\r`; silent unless stdout is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stdout.isatty()
        self._width = 0

    def __call__(self, snapshot: ProgressSnapshot) -> None:
        if not self.enabled:
            return
        text = pick(
            f"批次 {snapshot.batches_done}/{snapshot.batches_total} · {counts_text(snapshot.counts)}",
            f"Batches {snapshot.batches_done}/{snapshot.batches_total} · {counts_text(snapshot.counts)}",
        )
        if snapshot.waiting_until is not None:
            text += pick(" · 等待至 ", " · waiting until ") + snapshot.waiting_until.strftime("%H:%M:%S")
        sys.stdout.write("\r" + text.ljust(self._width))
        sys.stdout.flush()
        self._width = len(text)

    def finish(self) -> None:
        if self.enabled and self._width:
            sys.stdout.write("\n")
            sys.stdout.flush()


@contextmanager
def cancel_on_interrupt(runner: CampaignRunner) -> Iterator[None]:
    """The first Ctrl-C stops after the current batch; a second one interrupts at once."""
    if sys.platform == "win32" or not _main_thread():
        yield
        return

    def handler(_signum: int, _frame: object) -> None:
        if runner.cancelled:
            raise KeyboardInterrupt
        sys.stderr.write(pick("\n正在停止（当前批次完成后）…\n", "\nStopping after the current batch…\n"))
        runner.cancel()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def drive(engine: Engine, campaign_id: int, args: argparse.Namespace, *, allow_resend: bool,
          settings: Settings | None = None, credentials: Credentials | None = None) -> int:
    """Run the campaign from the command line and report; returns the exit code."""
    from gui.services.api.client import client_from_environment

    progress = ProgressLine()
    with client_from_environment(clock=engine.clock, settings=settings, credentials=credentials) as client:
        runner = engine.runner(
            campaign_id,
            client,
            settings=settings,
            settle_seconds=max(0.0, args.settle),
            allow_resend=allow_resend,
            hold_outside_window=True,
            retry=RetryPolicy(base_delay=max(0.0, args.retry_delay)),
            on_progress=progress,
            on_wait=lambda until, reason: None,
        )
        with cancel_on_interrupt(runner):
            summary = runner.run()
    progress.finish()
    print_summary(summary)
    return summary.exit_code


def print_summary(summary: RunSummary) -> None:
    lang = language()
    out = sys.stdout
    out.write(
        pick(
            f"发送记录 {summary.campaign_id}：{state_label(summary.state, lang, summary.counts)} · "
            f"{counts_text(summary.counts)}\n",
            f"Campaign {summary.campaign_id}: {state_label(summary.state, lang, summary.counts)} · "
            f"{counts_text(summary.counts)}\n",
        )
    )
    message = summary.message_zh if lang == "zh" else summary.message_en
    if message:
        out.write(message + "\n")
    if summary.unknown_before:
        out.write(
            pick(
                f"核对了 {summary.unknown_before} 个结果未知的号码：平台记录中找到 {summary.found_in_records} 个，"
                f"重新发送 {summary.resent} 个。\n",
                f"Checked {summary.unknown_before} numbers with an unknown outcome: {summary.found_in_records} found "
                f"in the platform's records, {summary.resent} re-sent.\n",
            )
        )
    if summary.exit_code == EXIT_OPEN and "resume" not in message:
        out.write(
            pick(
                f"继续发送：sms-composer resume {summary.campaign_id}\n",
                f"To continue: sms-composer resume {summary.campaign_id}\n",
            )
        )
    elif summary.failed_numbers:
        out.write(
            pick(
                f"导出结果：sms-composer export {summary.campaign_id} --results 结果.xlsx；"
                f"稍后重试失败的号码：sms-composer resume {summary.campaign_id} --retry-failed\n",
                f"Export results: sms-composer export {summary.campaign_id} --results results.xlsx; "
                f"retry failed numbers later: sms-composer resume {summary.campaign_id} --retry-failed\n",
            )
        )
