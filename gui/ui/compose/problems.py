"""The problems under 内容's editor, one line per error or warning, and the footer they share with the counters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.domain.sms_text import Problem, Severity
from gui.ui.i18n import pick
from gui.ui.style import ERROR, WARNING

if TYPE_CHECKING:
    from gui.ui.compose.held_layouts import HeldLayouts


class ProblemList(QWidget):
    """Shows `Problem`s; each line is a QLabel whose `code` property is the problem's code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemList")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._shown: tuple[tuple[str, str, str], ...] = ()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        key = tuple((p.code, p.message_zh, p.message_en) for p in problems)
        if key == self._shown:  # unchanged while typing: keep the labels, avoid flicker
            return
        self._shown = key
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # deletion is deferred; until then it must not paint over the new lines
                item.widget().deleteLater()
        for problem in problems:
            is_error = problem.severity == Severity.ERROR
            label = QLabel(self)
            label.setWordWrap(True)
            label.setProperty("code", problem.code)
            label.setProperty("severity", str(problem.severity))
            mark = "✕" if is_error else "!"
            colour = ERROR if is_error else WARNING
            label.setStyleSheet(f"color: {colour};")
            label.setText(f"{mark}  {pick(problem.message_zh, problem.message_en)}")
            self._layout.addWidget(label)
        self.setVisible(bool(problems))

    def codes(self) -> list[str]:
        """The codes currently listed, in order (tests and accessibility)."""
        return [code for code, _, _ in self._shown]


def editor_footer(parent: QWidget, held: HeldLayouts) -> tuple[QWidget, QLabel, QLabel, ProblemList]:
    """The footer under 内容's editor: the body and whole-message counters in a row, the problem list under them.
    Returns the footer, the two counters and the list; the layouts are held with 内容's (see held_layouts)."""
    content_counter = QLabel(parent)
    content_counter.setObjectName("contentCounter")
    total_counter = QLabel(parent)
    total_counter.setObjectName("totalCounter")
    for counter in (content_counter, total_counter):
        counter.setProperty("counter", True)
    problems = ProblemList(parent)
    held.hold(problems.layout())
    footer = QWidget(parent)
    counters = QHBoxLayout()
    counters.setContentsMargins(0, 0, 0, 0)
    counters.addWidget(content_counter)
    counters.addStretch(1)
    counters.addWidget(total_counter)
    footer_layout = held.hold(QVBoxLayout(footer))
    footer_layout.setContentsMargins(0, 0, 0, 4)
    footer_layout.setSpacing(6)
    footer_layout.addLayout(counters)
    footer_layout.addWidget(problems)
    return footer, content_counter, total_counter, problems
