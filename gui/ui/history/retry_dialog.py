"""The 稍后重试 dialog: pick when a failure group's numbers are retried (a preset or a Beijing date and time)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.domain.send_window import MARKETING_WINDOW, retry_presets
from gui.ui.sending.schedule_dialogs import from_qt, to_qt


class RetryLaterDialog(QDialog):
    """Choose the retry time; `value()` is None unless accepted. The first preset is selected: for Marketing it
    is already inside the send window, so the safe default is a time the schedule accepts."""

    def __init__(self, count: int, now: datetime, *, marketing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retryLaterDialog")
        self.setWindowTitle(self.tr("Retry later"))
        captions = {"30min": self.tr("In 30 minutes"), "2h": self.tr("In 2 hours"),
                    "tomorrow": self.tr("Tomorrow 08:00")}
        intro = self.tr("%n number(s) will be queued again and sent at the chosen time (Beijing time), once. "
                        "Nothing is sent before then; you can change or cancel it in History.", "", count)
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        if marketing:
            opens, closes = MARKETING_WINDOW.opens.strftime("%H:%M"), MARKETING_WINDOW.closes.strftime("%H:%M")
            hint = QLabel(self.tr("Marketing SMS go out only between {0} and {1} (Beijing time): the choices "
                                  "below are inside it; another time outside it is refused.").format(opens, closes), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.group = QButtonGroup(self)
        self.presets: dict[str, tuple[QRadioButton, datetime]] = {}
        for key, at in retry_presets(now, marketing=marketing):
            button = QRadioButton(f"{captions[key]}（{at:%Y-%m-%d %H:%M}）", self)
            button.setObjectName("retryPreset_" + key)
            self.group.addButton(button)
            layout.addWidget(button)
            self.presets[key] = (button, at)
        self.other = QRadioButton(self.tr("At this time:"), self)
        self.other.setObjectName("retryPreset_other")
        self.group.addButton(self.other)
        first = next(iter(self.presets.values()))
        self.edit = QDateTimeEdit(to_qt(first[1]), self)
        self.edit.setObjectName("retryWhenEdit")
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.dateTimeChanged.connect(lambda _value: self.other.setChecked(True))
        layout.addWidget(self.other)
        layout.addWidget(self.edit)
        first[0].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Schedule the retry"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        """The selected time (checked by the schedule when applied: a refusal is explained, nothing queued)."""
        for button, at in self.presets.values():
            if button.isChecked():
                return at
        return from_qt(self.edit.dateTime())

    def value(self) -> datetime | None:
        return self.chosen() if self.result() == QDialog.DialogCode.Accepted else None


def ask_retry_time(count: int, now: datetime, marketing: bool, parent: QWidget | None = None) -> datetime | None:
    """Show the dialog; the chosen time, or None when cancelled."""
    dialog = RetryLaterDialog(count, now, marketing=marketing, parent=parent)
    dialog.exec()
    return dialog.value()
