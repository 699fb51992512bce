"""Questions the app asks: the safe answer is the default button and the Esc answer, every time."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def run(box: QMessageBox) -> QAbstractButton | None:
    """Show `box` modally and return the button clicked (tests replace this to inspect the box)."""
    box.exec()
    return box.clickedButton()


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str, *,
        icon: QMessageBox.Icon = QMessageBox.Icon.Question,
        yes_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole) -> bool:
    """True only when the user picks `yes`; Enter and Esc pick `no`."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("questionDialog")
    yes_button = box.addButton(yes, yes_role)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    return run(box) is yes_button
