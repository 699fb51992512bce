"""定时发送 in the window: a timer that sends due campaigns, and the dialog for a missed or changed schedule.

Sleep: the timer does not run while the computer sleeps; on wake it fires late. Each check compares the
schedules with the clock, so a start time passed by more than the grace period (10 minutes) while asleep or
closed counts as missed: the user is asked (send now / re-schedule / cancel), it is never sent silently late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.domain.clock import Clock, beijing
from gui.domain.errors import UserFacingError
from gui.domain.send_window import check_schedule
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


def to_qt(moment: datetime) -> QDateTime:
    local = beijing(moment).replace(tzinfo=None)
    return QDateTime(local.date(), local.time())


def from_qt(value: QDateTime) -> datetime:
    return beijing(value.toPython().replace(second=0, microsecond=0))


class ScheduleDialog(QDialog):
    """Send now, re-schedule or cancel one scheduled campaign (asked when a schedule was missed, or from 发送记录)."""

    def __init__(self, campaign_id: int, at: datetime, now: datetime, *, missed: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("Scheduled send"))
        self.choice: Choice = (LATER, None)
        when = beijing(at).strftime("%Y-%m-%d %H:%M")
        text = self.tr("Campaign {0} missed its scheduled time {1} (Beijing time): the app was closed or the "
                       "computer was asleep. Nothing was sent.").format(campaign_id, when) if missed else \
            self.tr("Campaign {0} is scheduled for {1} (Beijing time).").format(campaign_id, when)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.when_edit = QDateTimeEdit(to_qt(max(at, now) + timedelta(minutes=10)), self)
        self.when_edit.setObjectName("scheduleWhenEdit")
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setCalendarPopup(True)
        buttons = QDialogButtonBox(self)
        for key, text, action in ((SEND_NOW, self.tr("Send now"), SEND_NOW),
                                  (RESCHEDULE, self.tr("Re-schedule"), RESCHEDULE),
                                  (CANCEL, self.tr("Cancel the schedule"), CANCEL)):
            button = QPushButton(text, self)
            button.setObjectName(key + "ScheduleButton")
            button.clicked.connect(lambda _checked=False, a=action: self._choose(a))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        later.setText(self.tr("Decide later"))
        later.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("New time (Beijing):"), self))
        row.addWidget(self.when_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _choose(self, action: str) -> None:
        self.choice = (action, from_qt(self.when_edit.dateTime()) if action == RESCHEDULE else None)
        self.accept()


class ScheduleOption(QWidget):
    """The review page's 定时发送 option: a check box and a Beijing date and time."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.check = QCheckBox(self.tr("Scheduled send"), self)
        self.check.setObjectName("scheduleCheck")
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("scheduleEdit")
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        if clock is not None:  # shown greyed before it is ticked: a sensible time, not Qt's 2000-01-01
            self.edit.setDateTime(self._next_full_hour(clock))
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self._on_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)

    def _on_toggled(self, on: bool) -> None:
        """Ticked with a time already past (or never set): start from the next full hour."""
        if on and self.clock is not None and from_qt(self.edit.dateTime()) <= self.clock.now():
            self.edit.setDateTime(self._next_full_hour(self.clock))

    @staticmethod
    def _next_full_hour(clock: Clock) -> QDateTime:
        now = beijing(clock.now())
        return to_qt(now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1))

    def value(self) -> datetime | None:
        return from_qt(self.edit.dateTime()) if self.check.isChecked() else None

    def follow(self, button: QWidget) -> None:
        """Shown only while `button` (发送…) is: once the campaign is sent, the page offers no schedule."""
        self._button = button
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "_button", None) and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.setVisible(event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)

    def checked(self, now: datetime, *, marketing: bool) -> datetime | None:
        """The chosen time if 定时发送 is ticked (ScheduleError when it may not be used), else None."""
        at = self.value()
        return None if at is None else check_schedule(at, now, marketing=marketing)

    def question(self, at: datetime) -> str:
        return self.tr("Schedule this campaign for {0} (Beijing time)? Nothing is sent before then; you can change "
                       "or cancel it in History until it starts.").format(at.strftime("%Y-%m-%d %H:%M"))

    def set_value(self, at: datetime) -> None:
        self.edit.setDateTime(to_qt(at))
        self.check.setChecked(True)
