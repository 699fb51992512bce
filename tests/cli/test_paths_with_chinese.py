"""Chinese characters, spaces and brackets in every path: data, settings, recipients, results, templates."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from gui.cli.main import main
from gui.services.config import atomic_file
from gui.services.config.paths import config_dir, data_dir, database_path
from gui.services.config.settings import Settings, load_settings, save_settings, settings_path
from gui.services.drafts.campaign_file import load_campaign
from gui.services.journal.store import Journal
from gui.services.sending.run_lock import RunLock, lock_directory
from tests.cli.cli_support import credentials_env, write_notification_campaign, write_recipients_csv
from tests.services.results.test_locked_files import sharing_violation
from tests.support.simulator import SIMULATOR_START, simulator  # noqa: F401

# What Windows office PCs look like: a OneDrive folder named after the company, spaces and brackets.
ONEDRIVE = "OneDrive - 上海 示例 (公司)"


@pytest.fixture
def chinese_dirs(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "用户 张三" / ONEDRIVE
    monkeypatch.setenv("SMS_COMPOSER_DATA_DIR", str(home / "应用 数据" / "短信 群发助手"))
    monkeypatch.setenv("SMS_COMPOSER_CONFIG_DIR", str(home / "设置 (本机)" / "短信 群发助手"))
    monkeypatch.setenv("SMS_COMPOSER_CLOCK", SIMULATOR_START.isoformat())  # the simulator's ManualClock time
    credentials_env(monkeypatch)
    return home


def test_settings_round_trip_in_a_chinese_config_dir(chinese_dirs: Path) -> None:
    saved = Settings(env_id="测试-环境 1", mini_program_name="云开发 小助手", test_numbers=("13812345678",))
    path = save_settings(saved)
    assert path == settings_path() and path.parent == config_dir()
    assert str(config_dir()).startswith(str(chinese_dirs)) and "设置 (本机)" in str(path)
    assert load_settings() == saved


def test_send_and_export_with_chinese_names_everywhere(chinese_dirs: Path, simulator, capsys) -> None:  # noqa: F811
    folder = chinese_dirs / "七月 活动 (最终版)"
    folder.mkdir(parents=True)
    campaign = write_notification_campaign(folder / "发货 通知 #1.json")
    assert load_campaign(campaign).name == "发货通知"
    people = write_recipients_csv(folder / "客户 名单 7月.csv", 6)
    results = chinese_dirs / "结果 文件夹" / "七月 结果 [第1批].xlsx"
    code = main(["--api-base", simulator.base_url, "send", str(campaign), "--recipients", str(people), "--yes",
                 "--results", str(results)])
    assert code == 0, capsys.readouterr().err
    assert len(simulator.accepted()) == 6
    assert database_path().parent == data_dir() and "应用 数据" in str(database_path())
    assert database_path().is_file()
    with RunLock(database_path(), 1):  # the run lock lives beside the journal, in the Chinese folder too
        assert lock_directory(database_path()).is_dir()
    sheet = openpyxl.load_workbook(results).active
    assert [sheet.cell(1, c).value for c in (1, 3)] == ["手机号", "状态"]
    assert [sheet.cell(r, 3).value for r in range(2, 8)] == ["已提交"] * 6

    as_csv = chinese_dirs / "结果 文件夹" / "七月 结果.csv"
    assert main(["export", "1", "--results", str(as_csv)]) == 0
    with as_csv.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:3] == ["手机号", "商品", "状态"] and len(table) == 7
    with Journal(recover=False) as journal:
        assert journal.info(1).source.file == str(people)


def test_send_whose_results_file_is_held_open_keeps_everything_and_says_how_to_export(
    chinese_dirs: Path, simulator, capsys, monkeypatch  # noqa: F811
) -> None:
    folder = chinese_dirs / "名单"
    folder.mkdir(parents=True)
    campaign = write_notification_campaign(folder / "通知.json")
    people = write_recipients_csv(folder / "名单 A.csv", 4)
    results = folder / "结果 A.xlsx"
    results.write_bytes(b"the workbook the user has open in Excel")

    def replace(src, dst):
        raise sharing_violation(str(dst))

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    code = main(["--api-base", simulator.base_url, "send", str(campaign), "--recipients", str(people), "--yes",
                 "--results", str(results)])
    err = capsys.readouterr().err
    assert code == 2
    assert "请先在 Excel 中关闭 结果 A.xlsx，再重试" in err and "不会丢失" in err
    assert f"sms-composer export 1 --results {results}" in err
    assert len(simulator.accepted()) == 4  # sent once, and only once
    assert results.read_bytes() == b"the workbook the user has open in Excel"
    monkeypatch.undo()
    monkeypatch.setenv("SMS_COMPOSER_DATA_DIR", str(chinese_dirs / "应用 数据" / "短信 群发助手"))
    assert main(["export", "1", "--results", str(results)]) == 0  # after closing Excel: nothing was lost
    assert [c.value for c in openpyxl.load_workbook(results).active["C"]][1:] == ["已提交"] * 4
