"""The campaign runner: sends the journal's planned batches one by one, exactly once, with pause/resume/cancel."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from gui.domain.campaign import Campaign
from gui.domain.clock import Clock, SystemClock, format_timestamp
from gui.domain.send_window import MARKETING_WINDOW, SendWindow
from gui.domain.statuses import BatchState, CampaignState, NumberStatus
from gui.services.api.types import OutcomeKind, SendOutcome, SendSmsRequest
from gui.services.gc_scope import heap_frozen
from gui.services.journal.store import Journal
from gui.services.journal.types import BatchRow, NumberUpdate
from gui.services.sending.budget import stop_message
from gui.services.sending.outcomes import (
    apply_outcome,
    cancelled_message,
    gave_up_message,
    held_message,
    unknown_left_message,
)
from gui.services.sending.reconcile import ReconcileResult, RecordSource, reconcile
from gui.services.sending.requests import batch_request
from gui.services.sending.run_lock import RunLock
from gui.services.sending.types import ProgressSnapshot, RetryPolicy, RunSummary
from gui.services.sending.writer import Lookahead, OutcomeWriter

Members = list[tuple[str, int]]  # (number, row) of one batch
TRANSIENT_READ_FAILURES = (OutcomeKind.BUSY, OutcomeKind.NOT_SENT, OutcomeKind.OUTCOME_UNKNOWN)


class SmsClient(RecordSource, Protocol):
    def send_sms(self, request: SendSmsRequest) -> SendOutcome: ...


class CampaignRunner:
    """Drives one campaign from the journal. Plain Python: the window's worker thread and the CLI both use it.

    `pause()`, `resume()` and `cancel()` may be called from any thread; they take effect between batches.
    Outside the Marketing send window it waits (`hold_outside_window=False`, the window) or stops with state
    `held` (the CLI).
    """

    def __init__(
        self,
        journal: Journal,
        client: SmsClient,
        campaign_id: int,
        *,
        clock: Clock | None = None,
        sleep: Callable[[float], None] | None = None,
        settle_seconds: float = 60.0,
        allow_resend: bool = True,
        hold_outside_window: bool = False,
        window: SendWindow = MARKETING_WINDOW,
        retry: RetryPolicy | None = None,
        resend_batch_size: int = 1000,
        records_page_size: int = 100,
        suppress: Callable[[Sequence[str]], None] | None = None,
        exclude: Callable[[Members], Members] | None = None,
        gate: Callable[[int, Members, Callable[[], None]], tuple[str, str] | None] | None = None,
        on_batch_result: Callable[[list[NumberUpdate]], None] | None = None,
        on_progress: Callable[[ProgressSnapshot], None] | None = None,
        on_wait: Callable[[datetime, str], None] | None = None,
    ) -> None:
        self.journal = journal
        self.client = client
        self.campaign_id = campaign_id
        self.clock = clock or SystemClock()
        self._cancel = threading.Event()
        self._cancel_state = CampaignState.CANCELLED
        self._running = threading.Event()
        self._running.set()
        self._sleep = sleep or self._cancel.wait
        self.settle_seconds = settle_seconds
        self.allow_resend = allow_resend
        self.hold_outside_window = hold_outside_window
        self.window = window
        self.retry = retry or RetryPolicy()
        self.resend_batch_size = resend_batch_size
        self.records_page_size = records_page_size
        self.suppress = suppress
        self.exclude = exclude  # e.g. the frequency cap: drops (and journals) numbers that must not be sent now
        self.gate = gate  # e.g. the budget limits: (parts, members, flush) -> why to stop before this batch, or None
        self.on_batch_result = on_batch_result
        self.on_progress = on_progress
        self.on_wait = on_wait
        self.campaign: Campaign = journal.campaign(campaign_id)
        self._counts: Counter[str] = Counter()
        self._unknown_before = 0  # numbers with an unknown outcome when the run began
        self._resent: set[str] = set()  # numbers re-sent this run because the records did not show them
        self._batches_done = 0
        self._batches_total = 0
        self._state = CampaignState.PLANNED
        self._writer = OutcomeWriter()
        self._pending: Callable[[], None] | None = None
        self._ahead: Lookahead[tuple[BatchRow, Members] | None] | None = None
        self._publish_lock = threading.RLock()

    # -- controls (any thread) ------------------------------------------------------------------------

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self, *, by_user: bool = True) -> None:
        """Stop after the current batch: 已取消 when the user asked, 已中断 when the app is closing."""
        if not self._cancel.is_set():
            self._cancel_state = CampaignState.CANCELLED if by_user else CampaignState.INTERRUPTED
        self._cancel.set()
        self._running.set()  # a paused runner must wake up to notice

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- the run --------------------------------------------------------------------------------------

    def run(self) -> RunSummary:
        """Send until done, held, stopped or cancelled; safe to call again on the same campaign to resume.

        Raises CampaignBusyError, having sent nothing, while another window or command is sending it.
        """
        with RunLock(self.journal.path, self.campaign_id):
            return self._run_locked()

    def _run_locked(self) -> RunSummary:
        # Holding the lock, anything still in flight was left by a run that ended without its answer.
        self.journal.recover_campaign(self.campaign_id)
        self._resent.clear()
        self._refresh_counts()
        self._unknown_before = self._counts.get(NumberStatus.UNKNOWN, 0)  # reconciling is counted as unknown
        self._set_state(CampaignState.RUNNING)
        # What is in memory now lives as long as the send: frozen, collections skip it; thawed when the run ends.
        with heap_frozen():
            try:
                summary = self._run()
                self._flush()
                self._writer.close()
                return summary
            except BaseException:
                try:
                    self._release_pending()
                    self._writer.close()
                finally:
                    self._set_state(CampaignState.INTERRUPTED, "发送意外中断。",
                                    "Sending was interrupted unexpectedly.")
                raise

    def _run(self) -> RunSummary:
        if self._counts.get(NumberStatus.UNKNOWN):  # as read when the run began (reconciling counted as unknown)
            self._reconcile()  # first thing after a crash: what did the platform really accept?
        resend_rounds = 0
        while True:
            if self.cancelled:
                return self._end(self._cancel_state, *cancelled_message(self._cancel_state == CampaignState.CANCELLED))
            if not self._running.is_set():
                self._ahead = None
                self._wait_while_paused()
                continue
            found = self._next_batch()
            if found is not None:
                summary = self._send_batch(*found)
                if summary is not None:
                    return summary
                continue
            self._flush()
            stored = self.journal.counts(self.campaign_id)
            if not (stored.get(NumberStatus.UNKNOWN) or stored.get(NumberStatus.RECONCILING)):
                return self._end(CampaignState.DONE, stored=stored)  # nothing can change them before it returns
            result = self._reconcile()
            if result.error is not None:
                error = result.error
                return self._end(CampaignState.INTERRUPTED, error.message_zh, error.message_en)
            if result.resendable and self.allow_resend and resend_rounds < self.retry.resend_rounds:
                resend_rounds += 1
                self._resent.update(result.resendable)
                self.journal.requeue(
                    self.campaign_id, result.resendable, origin="resend", batch_size=self.resend_batch_size
                )
                self._refresh_counts()
                continue
            if not result.still_unknown:
                continue
            if result.next_settle is None or not self.allow_resend or resend_rounds >= self.retry.resend_rounds:
                return self._end(CampaignState.INTERRUPTED, *unknown_left_message(len(result.still_unknown)))
            self._notify_wait(result.next_settle, "settle")
            self._wait_until(result.next_settle)

    def _next_batch(self) -> tuple[BatchRow, Members] | None:
        """The next planned batch and its numbers: as read during the last request's wait, else read now."""
        ahead, self._ahead = self._ahead, None
        found = ahead.take() if ahead is not None else None
        return found if found is not None else self._read_next()

    def _read_next(self) -> tuple[BatchRow, Members] | None:
        planned = self.journal.next_planned_batch(self.campaign_id)
        return None if planned is None else (planned, self.journal.batch_numbers(planned.id))

    def _send_batch(self, batch: BatchRow, members: Members) -> RunSummary | None:
        if not members:
            self.journal.finish_batch(batch.id, BatchState.DONE, [], at=self.clock.now(), outcome="empty")
            return None
        if self.campaign.is_marketing and not self.window.is_open(self.clock.now()):
            opening = self.window.next_opening(self.clock.now())
            if self.hold_outside_window:
                return self._end(CampaignState.HELD, *held_message(opening, self.campaign_id), resume_at=opening)
            self._notify_wait(opening, "send_window")
            self._wait_until(opening)
            return None  # the loop re-checks cancel/pause, then comes back to this batch
        if self.exclude is not None and len(kept := self.exclude(members)) != len(members):
            self._flush()
            self._refresh_counts()
            self._publish(self._state)
            if not kept:
                return self._send_batch(batch, kept)  # an empty batch is finished as such, above
            members = kept
        if self.gate is not None and (stop := self.gate(batch.parts, members, self._flush)) is not None:
            return self._end(CampaignState.STOPPED, *stop)
        request = batch_request(self.campaign, batch, [number for number, _row in members])
        attempt = 0
        while True:
            attempt += 1
            if not self.journal.mark_in_flight(batch.id, at=self.clock.now()):
                return None  # no longer planned (another run took it): never sent from here; the loop reads again
            # While this request waits: record the last outcome, then read the batch after this one.
            self._ahead = Lookahead(self._read_next)
            self._release_pending(self._ahead)
            outcome = self.client.send_sms(request)
            if not outcome.safe_to_retry:
                break
            self._ahead = None  # read while this batch was in flight; it is planned again now
            # Nothing was accepted: the batch goes back to planned, unchanged.
            self.journal.mark_planned(
                batch.id, outcome=outcome.kind.value, errcode=outcome.errcode, errmsg=outcome.errmsg
            )
            limit = self.retry.busy_attempts if outcome.kind == OutcomeKind.BUSY else self.retry.not_sent_attempts
            if attempt >= limit:
                return self._end(CampaignState.INTERRUPTED, *gave_up_message(outcome))
            self._wait_until(self.clock.now() + timedelta(seconds=self.retry.delay(attempt)))
            if self.cancelled:
                return None
        if outcome.kind not in (OutcomeKind.ACCEPTED, OutcomeKind.OUTCOME_UNKNOWN):
            # Refused as a whole (credentials, environment, IP whitelist, quota…): nothing was accepted or billed,
            # so no number has failed. The batch goes back to planned with its numbers pending; once the setting
            # is fixed, resume sends it from here, exactly once.
            self._ahead = None
            self._flush()
            self.journal.mark_planned(
                batch.id, outcome=outcome.kind.value, errcode=outcome.errcode, errmsg=outcome.errmsg
            )
            return self._end(CampaignState.STOPPED, *stop_message(self.journal, self.campaign_id, batch, outcome))
        now = self.clock.now()
        # Recorded once the next batch is committed in_flight, so the two writes never wait for each other.
        self._pending = lambda: self._record(batch, members, outcome, now)
        return None

    def _record(self, batch: BatchRow, members: Members, outcome: SendOutcome, now: datetime) -> None:
        """On the writer thread: per-number results, the journal (one transaction), suppression, callbacks."""
        verdict = apply_outcome(outcome, members, parts=batch.parts, submit_time=format_timestamp(now))
        self.journal.finish_batch(
            batch.id,
            verdict.batch_state,
            verdict.updates,
            at=now,
            outcome=outcome.kind.value,
            errcode=outcome.errcode,
            errmsg=outcome.errmsg,
        )
        if verdict.blacklisted and self.suppress is not None:
            self.suppress(verdict.blacklisted)
        self._batches_done += 1
        self._moved(NumberStatus.PENDING, verdict.updates)

    def _reconcile(self) -> ReconcileResult:
        before = self.journal.unknown_numbers(self.campaign_id)
        self._publish(CampaignState.RUNNING, "正在核对平台发送记录…", "Checking the platform's records…")
        for attempt in range(1, self.retry.busy_attempts + 1):
            result = reconcile(self.journal, self.client, self.campaign_id, self.campaign, now=self.clock.now(),
                               settle_seconds=self.settle_seconds, page_size=self.records_page_size)
            # Reading records is harmless to repeat; give a busy or flaky platform a few tries.
            if result.error is None or result.error.kind not in TRANSIENT_READ_FAILURES or self.cancelled:
                break
            self._wait_until(self.clock.now() + timedelta(seconds=self.retry.delay(attempt)))
        if result.accepted or result.still_unknown:
            self._counts[NumberStatus.UNKNOWN] -= len(before)
            self._counts.update(u.status for u in (*result.accepted, *result.still_unknown))
            self._emit_updates([*result.accepted, *result.still_unknown])
        return result

    # -- bookkeeping ----------------------------------------------------------------------------------

    def _refresh_counts(self, stored: dict[str, int] | None = None) -> dict[str, int]:
        stored = self.journal.counts(self.campaign_id) if stored is None else stored
        self._counts = Counter(stored)
        if self._counts.get(NumberStatus.RECONCILING):
            self._counts[NumberStatus.UNKNOWN] += self._counts.pop(NumberStatus.RECONCILING)
        batches = self.journal.batches(self.campaign_id)
        self._batches_total = len(batches)
        self._batches_done = sum(b.state not in (BatchState.PLANNED, BatchState.IN_FLIGHT) for b in batches)
        return stored

    def _moved(self, old: str, updates: Sequence[NumberUpdate]) -> None:
        with self._publish_lock:
            self._counts[old] -= len(updates)
            self._counts.update(u.status for u in updates)
        self._emit_updates(updates)

    def _emit_updates(self, updates: Sequence[NumberUpdate]) -> None:
        if self.on_batch_result is not None and updates:
            self.on_batch_result(list(updates))
        self._publish(self._state)

    def _publish(
        self, state: CampaignState, message_zh: str = "", message_en: str = "", waiting: datetime | None = None
    ) -> None:
        with self._publish_lock:
            self._publish_locked(state, message_zh, message_en, waiting)

    def _publish_locked(self, state: CampaignState, message_zh: str, message_en: str, waiting: datetime | None) -> None:
        if self.on_progress is not None:
            self.on_progress(
                ProgressSnapshot(
                    campaign_id=self.campaign_id,
                    counts={k: v for k, v in self._counts.items() if v},
                    batches_done=self._batches_done,
                    batches_total=self._batches_total,
                    state=state,
                    message_zh=message_zh,
                    message_en=message_en,
                    waiting_until=waiting,
                )
            )

    def _set_state(self, state: CampaignState, message_zh: str = "", message_en: str = "") -> None:
        self._state = state
        self.journal.set_state(
            self.campaign_id, CampaignState(state), at=self.clock.now(), message_zh=message_zh, message_en=message_en
        )
        self._publish(state, message_zh, message_en)

    def _end(self, state: CampaignState, message_zh: str = "", message_en: str = "", *,
             resume_at: datetime | None = None, stored: dict[str, int] | None = None) -> RunSummary:
        self._flush()
        self._set_state(state, message_zh, message_en)
        counts = self._refresh_counts(stored)
        resent = len(self._resent)
        still = counts.get(NumberStatus.UNKNOWN, 0) + counts.get(NumberStatus.RECONCILING, 0)
        found = max(0, self._unknown_before - resent - still)
        return RunSummary(self.campaign_id, state, counts, message_zh, message_en, resume_at,
                          unknown_before=self._unknown_before, found_in_records=found, resent=resent)

    def _notify_wait(self, until: datetime, reason: str) -> None:
        if self.on_wait is not None:
            self.on_wait(until, reason)
        self._publish(self._state, waiting=until)

    def _release_pending(self, *then: Callable[[], None]) -> None:
        jobs = (self._pending, *then) if self._pending is not None else then
        self._pending = None
        if jobs:
            self._writer.submit(*jobs)

    def _flush(self) -> None:
        """Every outcome received so far is in the journal."""
        self._release_pending()
        self._writer.flush()

    def _wait_until(self, deadline: datetime) -> None:
        """Sleep in short steps until `deadline` (by the injected clock) or until cancelled."""
        while not self.cancelled:
            remaining = (deadline - self.clock.now()).total_seconds()
            if remaining <= 0:
                return
            self._sleep(min(remaining, 1.0))

    def _wait_while_paused(self) -> None:
        self._flush()
        self._set_state(CampaignState.PAUSED)
        while not self._running.wait(0.5):
            pass
        if not self.cancelled:
            self._set_state(CampaignState.RUNNING)
