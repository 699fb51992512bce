"""Typing into widgets like a user, Chinese included."""

from __future__ import annotations


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` one character at a time as an input method commits it (how Chinese is really typed).

    QTest.keyClicks only handles ASCII; Latin characters still go through it so key handling is exercised.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        if char.isascii() and char.isprintable():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
