"""内容's layouts wait for the window's style sheet: laid out before it, the page's texts would be measured in the
default font first and again in the styled one (~1 % of a cold start)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


class HeldLayouts:
    """Layouts switched off while the page is built.

    Qt lays a widget out the moment it is shown, even inside a window nobody has shown yet: a stacked page made
    current, a widget shown again after a move. `release` (the main window calls it once its style sheet is set,
    before showing) switches them on; until then they measure nothing."""

    def __init__(self) -> None:
        self._layouts: list[QLayout] = []
        self.released = False

    def hold(self, layout: QLayout) -> QLayout:
        layout.setEnabled(False)
        self._layouts.append(layout)
        return layout

    def release(self) -> None:
        """Switch the layouts on (once)."""
        if self.released:
            return
        self.released = True
        for layout in self._layouts:
            layout.setEnabled(True)
