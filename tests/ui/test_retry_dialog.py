"""The 稍后重试 dialog: presets, the safe default (inside the send window for Marketing), Cancel schedules nothing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from gui.domain.clock import BEIJING
from gui.domain.send_window import check_schedule, retry_presets
from gui.ui.history.retry_dialog import RetryLaterDialog
from gui.ui.sending.schedule_dialogs import to_qt


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BEIJING)


def test_presets_are_times_the_schedule_accepts():
    assert retry_presets(at(27, 10, 5), marketing=True) == [
        ("30min", at(27, 10, 35)), ("2h", at(27, 12, 5)), ("tomorrow", at(28, 8))]
    # Late evening: for Marketing every preset moves to the next opening, kept once.
    assert retry_presets(at(27, 21, 50), marketing=True) == [("30min", at(28, 8))]
    assert retry_presets(at(27, 21, 50), marketing=False)[:2] == [("30min", at(27, 22, 20)), ("2h", at(27, 23, 50))]
    for now in (at(27, 10, 5), at(27, 21, 50), at(28, 3)):
        for _key, when in retry_presets(now, marketing=True):
            assert check_schedule(when, now, marketing=True) == when


def test_the_dialog_defaults_to_the_first_allowed_moment(qtbot):
    dialog = RetryLaterDialog(3, at(27, 21, 50), marketing=True)
    qtbot.addWidget(dialog)
    assert dialog.presets["30min"][0].isChecked() and dialog.chosen() == at(28, 8)
    assert "08:00" in dialog.presets["30min"][0].text()
    dialog.edit.setDateTime(to_qt(at(28, 9, 15)))  # editing the time picks "at this time"
    assert dialog.other.isChecked() and dialog.chosen() == at(28, 9, 15)
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.value() is None


def test_accepting_returns_the_chosen_preset(qtbot):
    dialog = RetryLaterDialog(1, at(27, 10, 5), marketing=False)
    qtbot.addWidget(dialog)
    dialog.presets["2h"][0].setChecked(True)
    QTimer.singleShot(0, dialog.accept)
    dialog.exec()
    assert dialog.value() == at(27, 12, 5)
