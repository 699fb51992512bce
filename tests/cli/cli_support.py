"""Helpers for driving the sending commands against a simulator that shares the command's clock."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

from gui.domain.clock import ManualClock
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET, Simulator


def write_notification_campaign(path: Path) -> Path:
    path.write_text(
        json.dumps(
            {
                "name": "发货通知",
                "env": DEFAULT_ENV,
                "sms_type": "Notification",
                "signature": "云开发",
                "template_id": "923584",
                "template_text": "您购买的{1}已发货，详情见 {2}",
                "template_param_list": ["{{商品}}", "/index.html"],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def write_recipients_csv(path: Path, count: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["手机号", "商品"])
        for i in range(count):
            writer.writerow([f"139{start + i:08d}", "书" if i % 2 else "笔"])
    return path


def credentials_env(monkeypatch) -> None:
    monkeypatch.setenv("SMS_COMPOSER_APPID", DEFAULT_APPID)
    monkeypatch.setenv("SMS_COMPOSER_APPSECRET", DEFAULT_SECRET)


def set_time(simulator: Simulator, monkeypatch, moment: str) -> None:
    """Move the command's clock (`SMS_COMPOSER_CLOCK`) and the simulator's (a `ManualClock`) to one Beijing moment."""
    clock = simulator.config.clock
    assert isinstance(clock, ManualClock), "the simulator must run on a ManualClock, never the real time"
    monkeypatch.setenv("SMS_COMPOSER_CLOCK", moment)
    clock.set(datetime.fromisoformat(moment))
