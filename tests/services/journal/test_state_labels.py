"""Final states say how it went: 全部成功 / 部分失败 / 全部失败 / 已取消 / 已中断 — never 已完成 for 0 accepted."""

from __future__ import annotations

from gui.domain.statuses import CampaignState, NumberStatus, state_label


def test_a_finished_campaign_reads_by_its_numbers() -> None:
    done = CampaignState.DONE
    assert state_label(done, "zh", {NumberStatus.FAILED: 4}) == "全部失败"
    assert state_label(done, "zh", {NumberStatus.RETRY_LATER: 2, NumberStatus.SUPPRESSED: 1}) == "全部失败"
    assert state_label(done, "zh", {NumberStatus.ACCEPTED: 3, NumberStatus.FAILED: 1}) == "部分失败"
    assert state_label(done, "zh", {NumberStatus.ACCEPTED: 3, NumberStatus.SUPPRESSED: 2}) == "全部成功"
    assert state_label(done, "en", {NumberStatus.FAILED: 4}) == "All failed"


def test_cancelled_and_interrupted_are_different_words() -> None:
    assert state_label(CampaignState.CANCELLED, "zh", {NumberStatus.PENDING: 3}) == "已取消"
    assert state_label(CampaignState.INTERRUPTED, "zh", {NumberStatus.PENDING: 3}) == "已中断"
