"""What the terminal shows for hostile data and a full disk: escaped control characters, one plain message."""

from __future__ import annotations

import argparse
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from gui.cli.main import main
from gui.domain.campaign import Campaign
from gui.domain.clock import machine_timestamp
from gui.domain.plan import plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.sms_text import SmsType
from gui.services.config.storage import STALE_SECONDS, remove_stale_temps, storage_error
from gui.services.journal.store import Journal
from gui.services.results.rows import write_atomically
from tests.services.recipients.hostile_files import phone_rows, raw_xlsx, sheet_xml


def test_check_report_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "名单.csv"
    source.write_text("手机号,姓名\n13800000001,张三\n1380\x1b[2J0000002,李四\n\u202e13800000003,王五\n",
                      encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(source)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out and "\\u202e" in out  # shown, so the user can find them in the file


def test_check_notes_a_hidden_sheet_read_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = raw_xlsx(tmp_path / "名单.xlsx", [("旧", sheet_xml(phone_rows(3))), ("新", sheet_xml(phone_rows(2)))],
                      states={"旧": "hidden"})
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(source)]) == 0
    assert "· 新" in capsys.readouterr().out  # the visible sheet, not the hidden first one
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(source), "--sheet", "旧"]) == 0
    assert "隐藏" in capsys.readouterr().out


@pytest.mark.parametrize("message", ["database or disk is full", "attempt to write a readonly database"])
def test_a_full_or_read_only_data_folder_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], message: str) -> None:
    def failing(_args: argparse.Namespace) -> int:
        raise sqlite3.OperationalError(message)

    import gui.cli.campaigns as campaigns

    monkeypatch.setattr(campaigns, "run", failing)
    assert main(["--data-dir", str(tmp_path), "campaigns"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(tmp_path) in err
    assert ("磁盘空间不足" in err and "MB" in err) if "full" in message else "只读" in err


def test_a_failed_write_keeps_its_own_error_not_a_rollback_one(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db") as journal:
        campaign = Campaign(name="促销", env="prod-1", sms_type=SmsType.MARKETING, signature="云开发",
                            content="春季新品", path="/index.html")
        people = [Recipient(i + 2, f"+86138{i:08d}") for i in range(20_000)]
        plan = plan_campaign(campaign, people)
        journal._db.execute("PRAGMA max_page_count = 40")  # the disk fills up during the write
        with pytest.raises(sqlite3.OperationalError, match="full"):
            journal.create_campaign(campaign, plan, created_at=datetime(2026, 1, 1))
        assert journal.campaigns() == []  # nothing half-written
        assert storage_error(sqlite3.OperationalError("database or disk is full"), tmp_path) is not None


def test_stale_temp_files_of_killed_writes_are_removed(tmp_path: Path) -> None:
    old = tmp_path / ".结果-abc123.xlsx"
    old.write_bytes(b"half")
    fresh = tmp_path / ".结果-def456.xlsx"
    fresh.write_bytes(b"in progress")
    keep = tmp_path / ".其他-abc.xlsx"
    keep.write_bytes(b"not ours")
    past = machine_timestamp() - STALE_SECONDS - 60  # file times are the machine's, whatever the app's clock says
    os.utime(old, (past, past))
    os.utime(keep, (past, past))
    write_atomically(tmp_path / "结果.xlsx", lambda temp: temp.write_bytes(b"done"))
    assert not old.exists() and fresh.exists() and keep.exists()
    assert (tmp_path / "结果.xlsx").read_bytes() == b"done"
    settings = tmp_path / ".settings-x.tmp"
    settings.write_text("{")
    os.utime(settings, (past, past))
    assert remove_stale_temps([tmp_path]) == [settings]



def test_a_data_folder_that_cannot_be_created_is_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["--data-dir", str(blocker / "data"), "campaigns"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "错误" in err



def test_check_of_a_named_pipe_does_not_wait(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "名单.csv"
    os.mkfifo(pipe)
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(pipe), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "不是一个普通文件" in captured.err

@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_a_campaign_path_that_is_not_a_file_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    from gui.domain.campaign import CampaignFileError
    from gui.services.drafts.campaign_file import load_campaign

    path = tmp_path / "c.json"
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    with pytest.raises(CampaignFileError, match="not a regular file"):
        load_campaign(path)


def test_temp_files_of_killed_exports_beside_the_recipients_are_removed(tmp_path: Path) -> None:
    from gui.services.recipients import import_recipients
    from gui.services.sending.engine import Engine

    source = tmp_path / "名单.csv"
    source.write_text("手机号\n13800000001\n", encoding="utf-8")
    campaign = Campaign(name="促销", env="prod-1", sms_type=SmsType.MARKETING, signature="云开发",
                        content="春季新品", path="/index.html")
    with Engine(tmp_path / "j.db") as engine:
        imported = import_recipients(source)
        engine.create_campaign(campaign, imported, engine.plan(campaign, imported))
        stale = tmp_path / ".名单-结果-1-k3j9x0ab.xlsx"
        stale.write_bytes(b"half")
        other = tmp_path / ".名单备份.xlsx"
        other.write_bytes(b"the user's own")
        past = machine_timestamp() - STALE_SECONDS - 60
        os.utime(stale, (past, past))
        os.utime(other, (past, past))
        assert engine.remove_interrupted_exports() == [stale]
    assert other.exists()
