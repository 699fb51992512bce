"""定时发送 in the window: a timer that sends due campaigns (the dialogs are in `schedule_dialogs`).

Sleep: the timer does not run while the computer sleeps; on wake it fires late. Each check compares the
schedules with the clock, so a start time passed by more than the grace period (10 minutes) while asleep or
closed counts as missed: the user is asked (send now / re-schedule / cancel), it is never sent silently late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

# Only QtCore: the window starts the watcher right after its first paint, and each Qt class named here is built
# (with its enums) on import; the dialogs' widgets load when a dialog is shown.
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from gui.domain.errors import UserFacingError
from gui.services.sending.schedule import Schedules, cancel_schedule, claim, find_due, schedule_campaign
from gui.ui.i18n import current_language
from gui.ui.workers import run_in_background

if TYPE_CHECKING:
    from gui.services.sending.session import AppSession

SEND_NOW, RESCHEDULE, CANCEL, LATER = "send", "reschedule", "cancel", "later"
Choice = tuple[str, datetime | None]


class ScheduleWatcher(QObject):
    """Checks the journal's schedules every `interval_ms` and at start.

    Signals:
        due(int): this campaign was claimed for sending (nobody else will send it): send it now.
        missed(int, object): this campaign's time (a datetime) passed more than the grace period ago.
    """

    due = Signal(int)
    missed = Signal(int, object)

    def __init__(self, session: AppSession, busy: Callable[[], bool], parent: QObject | None = None,
                 interval_ms: int = 30_000) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = busy
        self.asked: set[int] = set()  # missed schedules already put to the user in this session
        self.checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    @Slot()
    def check(self) -> None:
        engine = self.session.engine
        if engine is None:  # the journal is still being opened off the GUI thread: look again shortly
            QTimer.singleShot(200, self.check)
            return
        if self.checking:
            return
        self.checking = True
        run_in_background(lambda: find_due(engine), self._on_found, self._on_failed)

    @Slot(object)
    def _on_found(self, found: Schedules) -> None:
        self.checking = False
        # One send at a time in the window; the next due campaign is claimed on a later check.
        if found.due and not self.busy() and claim(self.session.engine, found.due[0][0]):
            self.due.emit(found.due[0][0])
        for campaign_id, at in found.missed:
            if campaign_id not in self.asked:
                self.asked.add(campaign_id)
                self.missed.emit(campaign_id, at)

    @Slot(object)
    def _on_failed(self, _error: Exception) -> None:
        self.checking = False  # the next tick tries again

    def apply(self, campaign_id: int, choice: Choice) -> tuple[bool, str]:
        """Carry out the user's choice: (send it now?, a message for the status bar)."""
        engine = self.session.engine
        action, when = choice
        try:
            if action == SEND_NOW:
                return claim(engine, campaign_id), ""
            if action == RESCHEDULE and when is not None:
                at = schedule_campaign(engine, campaign_id, when)
                return False, self.tr("Campaign {0} scheduled for {1}.").format(
                    campaign_id, at.strftime("%Y-%m-%d %H:%M"))
            if action == CANCEL:
                cancel_schedule(engine, campaign_id)
                return False, self.tr("Schedule of campaign {0} cancelled; nothing was sent.").format(campaign_id)
        except UserFacingError as error:
            return False, error.text(current_language())
        return False, ""
