"""`sms-composer simulator`: run the sandbox WeChat SMS API on this computer until Ctrl-C."""

from __future__ import annotations

import argparse
import gc
import sys
import threading
from datetime import datetime

from gui.cli.output import pick
from gui.domain.clock import BEIJING, ManualClock
from gui.domain.errors import UserFacingError
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET, Simulator, SimulatorConfig


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "simulator",
        help="run the sandbox SMS API (练习模式) locally",
        description="A local stand-in for the WeChat SMS API: nothing is really sent.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8787, help="0 picks a free port")
    parser.add_argument("--appid", default=DEFAULT_APPID)
    parser.add_argument("--secret", default=DEFAULT_SECRET)
    parser.add_argument("--env", default=DEFAULT_ENV)
    parser.add_argument("--latency", type=int, default=0, metavar="MS", help="each answer leaves this long after its request arrived")
    parser.add_argument("--clock", metavar="ISO-8601",
                        help="start the simulated clock at this moment (Beijing time if no offset) and let it run")
    parser.add_argument("--seed", type=int, default=None, help="make links and serial numbers repeatable")
    parser.set_defaults(handler=run)


def _parse_clock(text: str | None) -> ManualClock | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UserFacingError(
            f"--clock 的时间格式不对：{text}",
            f"--clock is not an ISO-8601 time: {text}",
            action_zh="例如 --clock 2026-11-27T21:59:00",
            action_en="For example --clock 2026-11-27T21:59:00",
            where="--clock",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return ManualClock(moment, running=True)


def run(args: argparse.Namespace, *, stop_event: threading.Event | None = None) -> int:
    config = SimulatorConfig(
        appid=args.appid, secret=args.secret, env=args.env, latency_ms=max(0, args.latency),
        clock=_parse_clock(args.clock), seed=args.seed,
    )
    simulator = Simulator(config, host=args.host, port=args.port)
    try:
        base_url = simulator.start()
    except OSError as error:
        raise UserFacingError(
            f"无法在 {args.host}:{args.port} 启动模拟器（{error.strerror or error}）。",
            f"Cannot start the simulator on {args.host}:{args.port} ({error.strerror or error}).",
            action_zh="端口可能被占用，请换一个 --port（或用 --port 0 自动选择）。",
            action_en="The port may be in use; choose another --port (or --port 0 for a free one).",
        ) from None
    lines = [
        pick("练习模式模拟器已启动（不会真正发送短信）。", "Sandbox simulator running (nothing is really sent)."),
        f"base URL : {base_url}",
        f"appid    : {config.appid}",
        f"secret   : {config.secret}",
        f"env      : {config.env}",
        f"clock    : {simulator.clock.now().isoformat(timespec='seconds')}",
        pick("按 Ctrl-C 退出。", "Press Ctrl-C to stop."),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    waiter = stop_event or threading.Event()
    try:
        while not waiter.wait(0.5):
            # A long run keeps millions of records; freezing them spares each full garbage collection
            # from walking them all, which otherwise holds answers up by up to half a second.
            gc.freeze()
    except KeyboardInterrupt:
        sys.stdout.write(pick("模拟器已停止。\n", "Simulator stopped.\n"))
    finally:
        gc.unfreeze()  # the command owns this process, but leaves the collector as it found it
        simulator.stop()
    return 0
