"""The sending commands end to end (in-process) against the simulator: exit codes, confirmation, history."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import pytest

from gui.cli.main import main
from gui.domain.clock import ManualClock
from gui.domain.statuses import NumberStatus
from gui.services.config.paths import database_path
from gui.services.journal.store import Journal
from gui.services.sending.run_lock import RunLock
from gui.services.simulator import Simulator, SimulatorConfig
from tests.cli.cli_support import credentials_env, set_time, write_notification_campaign, write_recipients_csv


@pytest.fixture
def live_simulator(default_clock: ManualClock) -> Iterator[Simulator]:
    """A simulator on the app's clock (the suite's fixed stand-in for real time), so records and the journal share
    one time line."""
    with Simulator(SimulatorConfig(seed=3, clock=default_clock)) as sim:
        yield sim


@pytest.fixture
def files(tmp_path, monkeypatch):
    credentials_env(monkeypatch)
    return write_notification_campaign(tmp_path / "c.json"), write_recipients_csv(tmp_path / "r.csv", 30)


def send(live_simulator, files, *extra: str) -> int:
    campaign, people = files
    return main(["--api-base", live_simulator.base_url, "send", str(campaign), "--recipients", str(people), *extra])


def test_send_with_yes_sends_everything_once_and_exits_0(live_simulator, files, capsys, isolated_dirs):
    assert send(live_simulator, files, "--yes", "--batch-size", "10") == 0
    out = capsys.readouterr().out
    assert "收件人 30 · 批次 4 · 不同短信 2 种" in out and "计费条数 30" in out and "¥1.50" in out
    assert "\r" not in out  # not a terminal: no progress line
    assert Counter(Counter(r.mobile for r in live_simulator.accepted()).values()) == Counter({1: 30})
    with Journal(recover=False) as journal:
        assert journal.counts(1) == {NumberStatus.ACCEPTED: 30}
        assert journal.info(1).source.file.endswith("r.csv")


def test_without_yes_no_answer_means_nothing_is_sent(live_simulator, files, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert send(live_simulator, files) == 2
    assert "[y/N]" in capsys.readouterr().out
    assert live_simulator.accepted() == []


def test_answering_y_sends(live_simulator, files, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert send(live_simulator, files) == 0
    assert len(live_simulator.accepted()) == 30


def test_a_bad_campaign_file_exits_2_naming_the_problem(live_simulator, files, capsys):
    files[0].write_text('{"env": "sandbox-env", "sms_type": "Notification",\n "template_param_list": 3}')
    assert send(live_simulator, files, "--yes") == 2
    assert "template_param_list" in capsys.readouterr().err
    files[0].write_text('{"env": "x",,}')
    assert send(live_simulator, files, "--yes") == 2
    assert "第 1 行" in capsys.readouterr().err
    assert live_simulator.accepted() == []


def test_a_template_error_exits_2_before_anything_is_sent(live_simulator, files, capsys):
    data = json.loads(files[0].read_text(encoding="utf-8"))
    data["template_param_list"] = ["{{不存在的列}}", "/index.html"]
    files[0].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert send(live_simulator, files, "--yes") == 2
    err = capsys.readouterr().err
    assert "不存在的列" in err and "没有发出任何短信" in err
    assert live_simulator.accepted() == []


def test_missing_credentials_exit_2(live_simulator, files, monkeypatch):
    monkeypatch.delenv("SMS_COMPOSER_APPSECRET")
    assert send(live_simulator, files, "--yes") == 2


def test_a_refused_request_stops_with_every_number_pending_and_resume_sends_each_once(live_simulator, files, capsys):
    live_simulator.fail_next("/tcb/sendsms", -601027)  # invalid environment: the whole request refused
    assert send(live_simulator, files, "--yes", "--batch-size", "10") == 3
    out = capsys.readouterr().out
    assert "环境ID无效" in out and "仍待发送" in out and "resume" in out
    assert live_simulator.accepted() == []
    assert main(["--api-base", live_simulator.base_url, "resume", "--last"]) == 0
    assert sorted(Counter(r.mobile for r in live_simulator.accepted()).values()) == [1] * 30


def send_marketing_at_night(live_simulator, files, tmp_path, monkeypatch) -> int:
    """Send a Marketing campaign at 23:00 Beijing time (it is held); returns the exit code."""
    campaign = tmp_path / "m.json"
    campaign.write_text(
        json.dumps({"env": "sandbox-env", "sms_type": "Marketing", "signature": "云开发", "content": "能力上新",
                    "path": "/index.html"}),
        encoding="utf-8",
    )
    set_time(live_simulator, monkeypatch, "2026-11-27T23:00:00+08:00")
    return main(["--api-base", live_simulator.base_url, "send", str(campaign), "--recipients", str(files[1]), "--yes"])


def test_marketing_at_night_is_held_and_exits_3(live_simulator, files, tmp_path, monkeypatch, capsys):
    assert send_marketing_at_night(live_simulator, files, tmp_path, monkeypatch) == 3
    out = capsys.readouterr().out
    assert "2026-11-28 08:00" in out and "resume 1" in out
    assert live_simulator.accepted() == []


def test_resume_while_another_window_sends_the_campaign_exits_2_and_sends_nothing(
    live_simulator, files, tmp_path, monkeypatch, capsys
):
    assert send_marketing_at_night(live_simulator, files, tmp_path, monkeypatch) == 3
    set_time(live_simulator, monkeypatch, "2026-11-28T09:00:00+08:00")
    capsys.readouterr()
    with RunLock(database_path(), 1):  # the window is sending campaign 1 right now
        assert main(["--api-base", live_simulator.base_url, "resume", "1"]) == 2
    err = capsys.readouterr().err
    assert "正在另一个窗口或命令中进行" in err and "没有发出任何短信" in err
    assert live_simulator.accepted() == []
    assert main(["--api-base", live_simulator.base_url, "resume", "1"]) == 0
    assert len(live_simulator.accepted()) == 30


def test_a_fake_clock_is_refused_for_live_sends(files, monkeypatch, capsys):
    monkeypatch.setenv("SMS_COMPOSER_CLOCK", "2026-11-28T09:00:00+08:00")
    campaign, people = files
    code = main(["--api-base", "https://api.weixin.qq.com", "send", str(campaign), "--recipients", str(people),
                 "--yes"])
    assert code == 2
    err = capsys.readouterr().err
    assert "SMS_COMPOSER_CLOCK" in err and "练习模式模拟器" in err and "真实的北京时间" in err


def test_campaigns_lists_history_as_json(live_simulator, files, capsys):
    assert send(live_simulator, files, "--yes") == 0
    capsys.readouterr()
    assert main(["campaigns", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["campaigns"]
    assert listed[0]["id"] == 1 and listed[0]["state"] == "done" and listed[0]["counts"] == {"accepted": 30}
    assert main(["campaigns"]) == 0
    assert "全部成功" in capsys.readouterr().out


def test_resume_of_an_unknown_campaign_exits_2(capsys):
    assert main(["resume", "42"]) == 2
    assert "42" in capsys.readouterr().err


def test_receipts_command_records_delivery(live_simulator, files, capsys):
    live_simulator.config.record_error_probability = 0.3
    assert send(live_simulator, files, "--yes") == 0
    capsys.readouterr()
    assert main(["--api-base", live_simulator.base_url, "receipts", "1"]) == 0
    out = capsys.readouterr().out
    with Journal(recover=False) as journal:
        rows = journal.numbers(1)
    delivered = sum(r.delivery_status == "delivered" for r in rows)
    failed = sum(r.delivery_status == "not_delivered" for r in rows)
    assert delivered + failed == 30 and failed > 0
    assert f"已送达 {delivered}" in out and f"未送达 {failed}" in out
    assert all(r.fee == 1 for r in rows)
    assert all(r.delivery_time for r in rows if r.delivery_status == "delivered")


def test_results_are_written_back_into_a_copy_of_the_workbook(live_simulator, tmp_path, monkeypatch, capsys):
    import openpyxl

    credentials_env(monkeypatch)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号", "商品"])
    for i in range(6):
        sheet.append([f"客户{i}", f"1390000{i:04d}", "书"])
    source = tmp_path / "名单.xlsx"
    book.save(source)
    live_simulator.config.blacklist = {"+8613900000003"}
    campaign = write_notification_campaign(tmp_path / "c.json")
    out = tmp_path / "结果.xlsx"
    base = ["--api-base", live_simulator.base_url]
    assert main([*base, "send", str(campaign), "--recipients", str(source), "--yes", "--results", str(out)]) == 1
    result = openpyxl.load_workbook(out).active
    header = [c.value for c in result[1]]
    status = header.index("状态")
    assert header[:3] == ["姓名", "手机号", "商品"] and "失败原因" in header and "送达状态" in header
    statuses = [row[status].value for row in result.iter_rows(min_row=2)]
    assert statuses == ["已提交", "已提交", "已提交", "发送失败", "已提交", "已提交"]
    # The blacklisted number joined the suppression list: the next send skips it.
    from gui.services.recipients.suppression import SuppressionList

    assert "+8613900000003" in SuppressionList()
    assert main(["export", "1", "--results", str(tmp_path / "结果.csv")]) == 0
    text = (tmp_path / "结果.csv").read_text(encoding="utf-8-sig")
    assert "已提交" in text and "发送失败" in text
    capsys.readouterr()
    monkeypatch.setenv("SMS_COMPOSER_LANG", "en")
    assert main([*base, "send", str(campaign), "--recipients", str(source), "--batch-size", "10"]) == 2
    assert "suppression list 1" in capsys.readouterr().out


def test_sending_the_same_file_and_text_again_exits_2_with_the_reason_unless_again(live_simulator, files, capsys):
    assert send(live_simulator, files, "--yes") == 0
    capsys.readouterr()
    assert send(live_simulator, files, "--yes") == 2
    err = capsys.readouterr().err
    assert "完全相同" in err and "30 个号码" in err and "--again" in err and "没有发出任何短信" in err
    assert len(live_simulator.accepted()) == 30
    with Journal(recover=False) as journal:
        assert len(journal.campaigns()) == 1
    assert send(live_simulator, files, "--yes", "--again") in (0, 1)  # the simulator may refuse same content
    out = capsys.readouterr().out
    assert "注意：" in out and "完全相同" in out
    with Journal(recover=False) as journal:
        assert len(journal.campaigns()) == 2


def test_send_reads_the_settings_file_and_the_keyring_once(live_simulator, files, monkeypatch):
    """The clock check, the price and the client share one read of each (they were three and two)."""
    from gui.services.config import credentials, settings

    reads: Counter = Counter()
    real_settings, real_credentials = settings.load_settings, credentials.load_credentials

    def counted_settings(*args, **kwargs):
        reads["settings"] += 1
        return real_settings(*args, **kwargs)

    def counted_credentials(*args, **kwargs):
        reads["credentials"] += 1
        return real_credentials(*args, **kwargs)

    monkeypatch.setattr(settings, "load_settings", counted_settings)
    monkeypatch.setattr(credentials, "load_credentials", counted_credentials)
    assert send(live_simulator, files, "--yes") == 0
    assert reads == Counter({"settings": 1, "credentials": 1})
    assert len(live_simulator.accepted()) == 30
