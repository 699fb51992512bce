"""The send worker: a QObject moved to its own QThread that drives the engine's CampaignRunner.

It never touches a widget: the runner's callbacks become signals carrying plain data, and the GUI thread
applies them. Pause/resume/cancel go straight to the runner, which is thread-safe and acts between batches.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from gui.domain.errors import UserFacingError
from gui.domain.statuses import CampaignState
from gui.services.gil_scope import quick_turns
from gui.services.journal.store import Journal
from gui.services.sending.run_lock import CampaignBusyError
from gui.services.sending.session import AppSession
from gui.ui.i18n import current_language

if TYPE_CHECKING:  # the runner loads with the engine, on the pool
    from gui.services.sending.runner import CampaignRunner


@dataclass(frozen=True)
class RunResult:
    """How one run ended, plus what the reconciliation of unknown outcomes found (the runner's RunSummary figures)."""

    campaign_id: int
    state: CampaignState
    counts: dict[str, int]
    message: str = ""
    error: str = ""
    unknown_before: int = 0
    found_in_records: int = 0
    resent: int = 0


class SendWorker(QObject):
    """Runs one campaign (send, resume or retry) on the thread it is moved to.

    Signals:
        batch_result(object): a list of NumberUpdate after each batch or reconciliation.
        progress(object): a ProgressSnapshot after every change.
        finished(object): a RunResult, always emitted last (also after an error or a cancel).
    """

    batch_result = Signal(object)
    progress = Signal(object)
    finished = Signal(object)

    def __init__(self, session: AppSession, campaign_id: int, *, allow_resend: bool = True) -> None:
        super().__init__()
        self._session = session
        self.campaign_id = campaign_id
        self._allow_resend = allow_resend
        self._lock = threading.Lock()
        self._runner: CampaignRunner | None = None
        self._cancelled = False
        self._by_user = True
        self._paused = False

    # -- controls, called from the GUI thread ---------------------------------------------------------------
    def pause(self) -> None:
        with self._lock:
            self._paused = True
            if self._runner is not None:
                self._runner.pause()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            if self._runner is not None:
                self._runner.resume()

    def cancel(self, *, by_user: bool = True) -> None:
        with self._lock:
            self._cancelled = True
            self._by_user = by_user
            if self._runner is not None:
                self._runner.cancel(by_user=by_user)

    # -- the run, on the worker thread ----------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        engine = self._session.engine
        journal = engine.journal
        result = RunResult(self.campaign_id, CampaignState.INTERRUPTED, {})
        client = None
        try:
            client = self._session.make_client()  # the worker owns its client (and its HTTP connections)
            runner = engine.runner(
                self.campaign_id, client, settle_seconds=self._session.settle_seconds,
                allow_resend=self._allow_resend, on_batch_result=self.batch_result.emit,
                on_progress=self.progress.emit,
            )
            with self._lock:
                self._runner = runner
                if self._cancelled:
                    runner.cancel(by_user=self._by_user)
                elif self._paused:
                    runner.pause()
            # The runner's threads hand the GIL over every millisecond while it runs: at 5 ms, the GUI thread's
            # progress slots waited up to 120 ms for their turns at a million numbers.
            with quick_turns():
                summary = runner.run()
            english = current_language() == "en"
            result = RunResult(
                self.campaign_id, CampaignState(summary.state), dict(summary.counts),
                message=(summary.message_en if english else summary.message_zh) or "",
                unknown_before=summary.unknown_before,
                found_in_records=summary.found_in_records,
                resent=summary.resent,
            )
        except CampaignBusyError as error:
            # Not interrupted: it is running elsewhere. Say so, with the state the journal shows.
            result = RunResult(self.campaign_id, _safe_state(journal, self.campaign_id),
                               _safe_counts(journal, self.campaign_id), error=error.text(current_language()))
        except UserFacingError as error:
            result = RunResult(self.campaign_id, CampaignState.INTERRUPTED, _safe_counts(journal, self.campaign_id),
                               error=error.text(current_language()))
        except Exception as error:  # never a traceback in front of the user; the journal keeps the state
            result = RunResult(self.campaign_id, CampaignState.INTERRUPTED, _safe_counts(journal, self.campaign_id),
                               error=f"{type(error).__name__}: {error}")
        finally:
            if client is not None:
                client.close()
            self.finished.emit(result)
            # The thread's own loop ends here; the panel deletes the pair on the QThread's `finished`.
            QThread.currentThread().quit()


def _safe_state(journal: Journal, campaign_id: int) -> CampaignState:
    try:
        return CampaignState(journal.info(campaign_id).state)
    except Exception:
        return CampaignState.INTERRUPTED


def _safe_counts(journal: Journal, campaign_id: int) -> dict[str, int]:
    try:
        return dict(journal.counts(campaign_id))
    except Exception:
        return {}


class SendThread(QObject):
    """One worker on one QThread: start it and control it; it is torn down only after its thread ended.

    Connect to `worker`'s signals directly (queued onto the receiver's thread); connect them before `start`.
    """

    def __init__(self, worker: SendWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.qthread = QThread(self)
        self.qthread.setObjectName(f"send-{worker.campaign_id}")
        worker.moveToThread(self.qthread)
        self.qthread.started.connect(worker.run)
        # Connected first, so `done` is set before any other receiver hears the run has finished.
        worker.finished.connect(self._on_finished)
        self.done = False

    def start(self) -> None:
        self.qthread.start()

    def is_running(self) -> bool:
        return not self.done or self.qthread.isRunning()

    @Slot(object)
    def _on_finished(self, _result: object) -> None:
        self.done = True
