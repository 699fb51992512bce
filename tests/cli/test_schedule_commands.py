"""定时发送 from the command line: `send --at`, `campaigns --json`, `schedule`, `run-due` (in-process, simulator)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import pytest

from gui.cli.main import main
from gui.domain.clock import ManualClock
from gui.services.simulator import Simulator, SimulatorConfig
from tests.cli.cli_support import credentials_env, set_time, write_notification_campaign, write_recipients_csv


@pytest.fixture
def live_simulator(default_clock: ManualClock) -> Iterator[Simulator]:
    """A simulator on the suite's fixed clock; `set_time` moves it together with the command's."""
    with Simulator(SimulatorConfig(seed=3, clock=default_clock)) as sim:
        yield sim


@pytest.fixture
def files(tmp_path, monkeypatch):
    credentials_env(monkeypatch)
    return write_notification_campaign(tmp_path / "c.json"), write_recipients_csv(tmp_path / "r.csv", 12)


def cli(live_simulator, *args: str) -> int:
    return main(["--api-base", live_simulator.base_url, *args])


def campaigns(live_simulator, capsys) -> list[dict]:
    capsys.readouterr()
    assert cli(live_simulator, "campaigns", "--json") == 0
    return json.loads(capsys.readouterr().out)["campaigns"]


def test_send_at_schedules_and_run_due_sends_once(live_simulator, files, monkeypatch, capsys):
    campaign, people = files
    set_time(live_simulator, monkeypatch, "2026-11-27T10:00:00+08:00")
    assert cli(live_simulator, "send", str(campaign), "--recipients", str(people), "--at", "2026-11-27 10:30",
               "--yes") == 0
    assert "已预约 2026-11-27 10:30" in capsys.readouterr().out
    assert live_simulator.accepted() == []
    [listed] = campaigns(live_simulator, capsys)
    assert listed["state"] == "scheduled" and listed["scheduled_at"] == "2026-11-27 10:30:00"
    assert cli(live_simulator, "run-due") == 0  # 10:00: not yet
    assert "没有到时间的预约" in capsys.readouterr().out and live_simulator.accepted() == []

    set_time(live_simulator, monkeypatch, "2026-11-27T10:31:00+08:00")
    assert cli(live_simulator, "run-due", "--settle", "0") == 0
    assert "预约 2026-11-27 10:30，开始发送" in capsys.readouterr().out
    assert cli(live_simulator, "run-due") == 0
    assert Counter(Counter(r.mobile for r in live_simulator.accepted()).values()) == Counter({1: 12})
    [listed] = campaigns(live_simulator, capsys)
    assert listed["state"] == "done" and listed["counts"] == {"accepted": 12}


def test_a_missed_schedule_is_listed_not_sent_until_the_user_chooses(live_simulator, files, monkeypatch, capsys):
    campaign, people = files
    set_time(live_simulator, monkeypatch, "2026-11-27T10:00:00+08:00")
    cli(live_simulator, "send", str(campaign), "--recipients", str(people), "--at", "2026-11-27 10:30", "--yes")
    set_time(live_simulator, monkeypatch, "2026-11-27T12:00:00+08:00")
    capsys.readouterr()
    assert cli(live_simulator, "run-due") == 3
    out = capsys.readouterr().out
    assert "错过预约时间 2026-11-27 10:30，没有发送" in out and "sms-composer schedule 1 --at" in out
    assert live_simulator.accepted() == []
    assert cli(live_simulator, "schedule", "1", "--at", "2026-11-27 12:10") == 0
    assert campaigns(live_simulator, capsys)[0]["scheduled_at"] == "2026-11-27 12:10:00"
    assert cli(live_simulator, "schedule", "1", "--cancel") == 0
    set_time(live_simulator, monkeypatch, "2026-11-27T12:11:00+08:00")
    assert cli(live_simulator, "run-due") == 0 and live_simulator.accepted() == []
    assert campaigns(live_simulator, capsys)[0]["state"] == "planned"


def test_marketing_at_night_is_refused_and_nothing_is_stored(live_simulator, files, tmp_path, monkeypatch, capsys):
    campaign = tmp_path / "m.json"
    campaign.write_text(json.dumps({"env": "sandbox-env", "sms_type": "Marketing", "signature": "云开发",
                                    "content": "能力上新", "path": "/index.html"}, ensure_ascii=False), encoding="utf-8")
    set_time(live_simulator, monkeypatch, "2026-11-27T10:00:00+08:00")
    assert cli(live_simulator, "send", str(campaign), "--recipients", str(files[1]), "--at", "2026-11-27 22:30",
               "--yes") == 2
    assert "营销短信只能预约在北京时间 08:00–22:00" in capsys.readouterr().err
    assert campaigns(live_simulator, capsys) == []
    assert cli(live_simulator, "send", str(campaign), "--recipients", str(files[1]), "--at", "tomorrow") == 2
    assert "YYYY-MM-DD HH:MM" in capsys.readouterr().err
