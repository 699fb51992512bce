"""Keyboard use everywhere: Tab leaves tables, every button takes focus by Tab, Enter presses the focused button."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QPushButton, QWidget


def keyboard_friendly(root: QWidget) -> None:
    """Apply to a window or dialog once its widgets exist (call again for widgets added later)."""
    for view in root.findChildren(QAbstractItemView):
        # Arrow keys still move inside the table; Tab moves on to the next control instead of the next cell.
        view.setTabKeyNavigation(False)
    for button in root.findChildren(QAbstractButton):
        # Qt.FocusPolicy.StrongFocus, by name through Qt's property system: naming `Qt` would make PySide build all
        # of Qt's enums, which the window's start-up (this runs before its first paint) does without.
        button.setProperty("focusPolicy", "StrongFocus")
        if isinstance(button, QPushButton):
            # Outside a dialog a push button ignores Enter unless it is an "auto default" button.
            button.setAutoDefault(True)
