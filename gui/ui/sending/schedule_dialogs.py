"""定时发送's dialogs: send now / re-schedule / cancel one scheduled campaign, and the review page's option."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, QObject
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
from gui.domain.send_window import check_schedule
from gui.ui.sending.scheduler import CANCEL, LATER, RESCHEDULE, SEND_NOW, Choice


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
