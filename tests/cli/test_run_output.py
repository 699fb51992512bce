"""The end-of-run report prints what reconciliation found and re-sent, the same figures the window shows."""

from __future__ import annotations

from gui.cli.run_output import print_summary
from gui.domain.statuses import CampaignState, NumberStatus
from gui.services.sending.types import RunSummary


def test_the_report_carries_the_reconciliation_figures(capsys, monkeypatch) -> None:
    monkeypatch.delenv("SMS_COMPOSER_LANG", raising=False)
    summary = RunSummary(7, CampaignState.DONE, {NumberStatus.ACCEPTED: 10}, unknown_before=10,
                         found_in_records=5, resent=5)
    print_summary(summary)
    out = capsys.readouterr().out
    assert "发送记录 7：全部成功 · 已提交 10" in out
    assert "核对了 10 个结果未知的号码：平台记录中找到 5 个，重新发送 5 个。" in out


def test_a_run_with_nothing_unknown_says_nothing_about_records(capsys) -> None:
    print_summary(RunSummary(8, CampaignState.DONE, {NumberStatus.ACCEPTED: 3}))
    assert "核对" not in capsys.readouterr().out
