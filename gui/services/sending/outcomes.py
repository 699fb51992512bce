"""What one send outcome means for a batch and each of its numbers, and the runner's end-of-run messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from gui.domain.phone import normalise_mobile
from gui.domain.statuses import BatchState, NumberStatus
from gui.services.api.types import NumberClass, OutcomeKind, SendOutcome
from gui.services.journal.types import NumberUpdate

NUMBER_STATUS = {
    NumberClass.ACCEPTED: NumberStatus.ACCEPTED,
    NumberClass.RETRY_LATER: NumberStatus.RETRY_LATER,
    NumberClass.NEVER_RETRY: NumberStatus.FAILED,
    NumberClass.BLACKLISTED: NumberStatus.FAILED,
    # An internal platform error may or may not have gone out: reconcile, never re-send blind.
    NumberClass.TRANSIENT: NumberStatus.UNKNOWN,
}


@dataclass
class Verdict:
    batch_state: BatchState
    updates: list[NumberUpdate] = field(default_factory=list)
    blacklisted: list[str] = field(default_factory=list)


def apply_outcome(
    outcome: SendOutcome, members: Sequence[tuple[str, int]], *, parts: int, submit_time: str
) -> Verdict:
    """Per-number results for a batch of (number, row) pairs."""
    if outcome.kind == OutcomeKind.ACCEPTED:
        return _accepted(outcome, members, parts, submit_time)
    if outcome.kind == OutcomeKind.OUTCOME_UNKNOWN:
        return Verdict(
            BatchState.UNKNOWN,
            [
                NumberUpdate(
                    row=row,
                    number=number,
                    status=NumberStatus.UNKNOWN,
                    message_zh=outcome.explanation.title_zh,
                    message_en=outcome.explanation.title_en,
                    advice_zh="将核对平台发送记录后再决定是否重发。",
                    advice_en="The platform's records will be checked before anything is re-sent.",
                    platform_message=outcome.errmsg,
                )
                for number, row in members
            ],
        )
    # Refused as a whole (config, quota, IP whitelist…): nothing was accepted, nothing billed, and no number
    # failed. The runner puts such a batch back to planned; it never reaches here to fail its numbers.
    raise ValueError(f"a whole-request outcome ({outcome.kind.value}) has no per-number results")


def _accepted(outcome: SendOutcome, members: Sequence[tuple[str, int]], parts: int, submit_time: str) -> Verdict:
    # The client hands back numbers already normalised to "+86…"; normalise again only if one does not match.
    by_number = {r.phone_number: r for r in outcome.results}
    if any(number not in by_number for number, _row in members):
        by_number = {normalise_mobile(r.phone_number): r for r in outcome.results}
    verdict = Verdict(BatchState.DONE)
    for number, row in members:
        result = by_number.get(number)
        if result is None:
            # errcode 0 but the number is missing from send_status_list: it may have gone out.
            verdict.updates.append(
                NumberUpdate(
                    row=row,
                    number=number,
                    status=NumberStatus.UNKNOWN,
                    message_zh="平台的回复里没有这个号码。",
                    message_en="The platform's answer did not mention this number.",
                    advice_zh="将核对平台发送记录。",
                    advice_en="The platform's records will be checked.",
                )
            )
            continue
        status = NUMBER_STATUS.get(result.number_class, NumberStatus.FAILED)
        accepted = status == NumberStatus.ACCEPTED
        verdict.updates.append(
            NumberUpdate(
                row=row,
                number=number,
                status=status,
                code=result.code,
                message_zh="" if accepted else result.explanation.title_zh,
                message_en="" if accepted else result.explanation.title_en,
                advice_zh="" if accepted else result.explanation.action_zh,
                advice_en="" if accepted else result.explanation.action_en,
                serial_no=result.serial_no,
                submit_time=submit_time if accepted else "",
                parts=parts if accepted else None,
                platform_message=result.message,
            )
        )
        if result.number_class == NumberClass.BLACKLISTED:
            verdict.blacklisted.append(number)
    if any(u.status == NumberStatus.UNKNOWN for u in verdict.updates):
        verdict.batch_state = BatchState.UNKNOWN
    return verdict


def stopped_message(outcome: SendOutcome, campaign_id: int) -> tuple[str, str]:
    """A whole-request refusal: what is wrong, which setting to fix, and that every number still waits."""
    explanation = outcome.explanation
    return (
        f"{explanation.title_zh} {explanation.action_zh} 这一批和之后的号码都没有发出，也没有计费，仍待发送；"
        f"改好后继续：sms-composer resume {campaign_id}",
        f"{explanation.title_en} {explanation.action_en} This batch and the ones after it were not sent or "
        f"billed and are still pending; once fixed, continue: sms-composer resume {campaign_id}",
    )


def cancelled_message(by_user: bool = True) -> tuple[str, str]:
    if not by_user:
        return (
            "软件关闭，发送已中断：剩余批次没有发送，可以在“发送记录”里继续。",
            "The app closed, so sending stopped: the remaining batches were not sent; continue from History.",
        )
    return (
        "已取消：剩余批次没有发送，可以稍后继续。",
        "Cancelled: the remaining batches were not sent; you can resume later.",
    )


def held_message(opening: datetime, campaign_id: int) -> tuple[str, str]:
    when = opening.strftime("%Y-%m-%d %H:%M")
    return (
        f"营销短信只能在北京时间 08:00–22:00 发送。请在 {when} 之后继续：sms-composer resume {campaign_id}",
        f"Marketing SMS may only be sent 08:00–22:00 Beijing time. Continue after {when}: "
        f"sms-composer resume {campaign_id}",
    )


def gave_up_message(outcome: SendOutcome) -> tuple[str, str]:
    return (
        f"{outcome.explanation.title_zh} 多次重试仍未成功，已暂停在当前批次（没有发出），稍后可以继续。",
        f"{outcome.explanation.title_en} Retries did not help; stopped before this batch (not sent). "
        "Resume later.",
    )


def unknown_left_message(count: int) -> tuple[str, str]:
    return (
        f"还有 {count} 个号码结果未知。继续发送时会先核对平台记录，确认没有发出的才会重发。",
        f"{count} numbers have an unknown outcome. Resuming checks the platform's records first and re-sends "
        "only numbers that were not sent.",
    )
