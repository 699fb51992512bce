"""Labels and buttons the stylesheet styles by object name: page titles and hints, form sections, field hints."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def _label(text: str, parent: QWidget, object_name: str, *, wrap: bool) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    return label


def page_title(text: str, parent: QWidget) -> QLabel:
    return _label(text, parent, "pageTitle", wrap=False)


def page_hint(text: str, parent: QWidget) -> QLabel:
    return _label(text, parent, "pageHint", wrap=True)


def section_label(text: str, parent: QWidget) -> QLabel:
    return _label(text, parent, "sectionLabel", wrap=False)


def field_hint(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    return _label(text, parent, "fieldHint", wrap=wrap)


def push_button(text: str, parent: QWidget, object_name: str) -> QPushButton:
    """A push button given its text once made: made with its text, PySide first tries the overload that takes an
    icon and builds QIcon with all its enums (~1 ms of the window's start-up)."""
    button = QPushButton(parent)
    button.setText(text)
    button.setObjectName(object_name)
    return button
