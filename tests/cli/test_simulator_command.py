"""`sms-composer simulator` as a real process: prints its defaults, serves, exits 0 on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx

from gui.cli.main import build_parser


def test_parser_knows_the_command() -> None:
    args = build_parser().parse_args(["simulator", "--port", "0", "--latency", "5", "--clock", "2026-11-27T21:59:00"])
    assert args.port == 0 and args.latency == 5 and args.handler.__module__ == "gui.cli.simulator"


def test_simulator_command_runs_until_ctrl_c() -> None:
    env = {**os.environ, "SMS_COMPOSER_LANG": "en", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "simulator", "--port", "0", "--clock", "2026-11-27T21:59:30+08:00",
         "--env", "cli-env"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env,
    )
    try:
        lines = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if line.startswith("Press Ctrl-C") or not line:
                break
        text = "".join(lines)
        base = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("base URL"))
        assert "appid    : wx5and60x0000000001" in text
        assert "secret   : sandbox-secret" in text
        assert "env      : cli-env" in text
        assert "clock    : 2026-11-27T21:59:3" in text
        answer = httpx.post(f"{base}/cgi-bin/stable_token", json={
            "grant_type": "client_credential", "appid": "wx5and60x0000000001", "secret": "sandbox-secret"}).json()
        assert answer["expires_in"] == 7200 and answer["access_token"]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
