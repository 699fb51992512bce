"""The title and the one-paragraph hint at the top of each page (the stylesheet styles them by object name)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def page_title(text: str, parent: QWidget) -> QLabel:
    title = QLabel(text, parent)
    title.setObjectName("pageTitle")
    return title


def page_hint(text: str, parent: QWidget) -> QLabel:
    hint = QLabel(text, parent)
    hint.setObjectName("pageHint")
    hint.setWordWrap(True)
    return hint
