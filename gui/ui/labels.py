"""Labels the stylesheet styles by object name: page titles and hints, form sections and field hints."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


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
