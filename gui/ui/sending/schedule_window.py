"""定时发送 in the main window (mixed into MainWindow): the timer's due and missed campaigns, and 更改预约…."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # loaded after the first paint, when the window starts watching its schedules
    from gui.ui.sending.scheduler import Choice, ScheduleWatcher


class ScheduleWindow:
    """Expects MainWindow's session, is_sending, history, statusBar, run_campaign and _show_status."""

    session: Any
    is_sending: Callable[[], bool]
    history: Any
    ask_schedule: Callable[[int, datetime, bool], Choice]
    schedules: ScheduleWatcher

    def _start_schedules(self) -> None:
        # 定时发送 while the window is open; a schedule missed while it was closed is asked about at start.
        from gui.ui.sending.scheduler import ScheduleWatcher

        self.schedules = ScheduleWatcher(self.session, self.is_sending, self)  # type: ignore[arg-type]  # a mixin: self is the MainWindow
        self.schedules.due.connect(self._send_scheduled)
        self.schedules.missed.connect(self._on_missed_schedule)
        self.schedules.start()

    def _send_scheduled(self, campaign_id: int) -> None:
        self.statusBar().showMessage(QCoreApplication.translate(  # type: ignore[attr-defined]  # MainWindow's
            "MainWindow", "Scheduled campaign {0}: sending now.").format(campaign_id), 10000)
        self.run_campaign(campaign_id)  # type: ignore[attr-defined]  # MainWindow's

    def _on_missed_schedule(self, campaign_id: int, at: datetime) -> None:
        self._decide_schedule(campaign_id, at, missed=True)

    def edit_schedule(self, campaign_id: int, at: datetime) -> None:
        self._decide_schedule(campaign_id, at, missed=False)

    def _decide_schedule(self, campaign_id: int, at: datetime, *, missed: bool) -> None:
        from gui.ui.sending.scheduler import SEND_NOW

        choice = self.ask_schedule(campaign_id, at, missed)
        if choice[0] == SEND_NOW and self.is_sending():
            self.schedules.asked.discard(campaign_id)  # asked again once this send has finished
            self._show_status(QCoreApplication.translate(  # type: ignore[attr-defined]  # MainWindow's
                "MainWindow", "Another campaign is being sent; campaign {0} stays scheduled.").format(campaign_id))
            return
        send, message = self.schedules.apply(campaign_id, choice)
        if message:
            self._show_status(message)  # type: ignore[attr-defined]  # MainWindow's
        if send:
            self._send_scheduled(campaign_id)
        self.history.refresh()

    def _ask_schedule(self, campaign_id: int, at: datetime, missed: bool) -> Choice:
        from gui.ui.sending.schedule_dialogs import ScheduleDialog

        dialog = ScheduleDialog(campaign_id, at, self.session.clock.now(), missed=missed,
                                parent=self)  # type: ignore[arg-type]  # a mixin: self is the MainWindow
        dialog.exec()
        return dialog.choice
