"""The main window's pages built one at a time: 内容 before the first paint, the others right after or on use."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QWidget

from gui.ui.first_paint import NEXT_PASS_MS

if TYPE_CHECKING:
    from gui.ui.history.page import HistoryPage
    from gui.ui.recipients.page import RecipientsPage
    from gui.ui.sending.review_page import ReviewPage
    from gui.ui.settings.page import SettingsPage

# The sidebar's steps, in order.
COMPOSE_STEP, RECIPIENTS_STEP, REVIEW_STEP, HISTORY_STEP, SETTINGS_STEP = range(5)
PAGE_BUILD_DELAY_MS = 100  # after the first paint has reached the screen; a click on a step builds it at once
# Each page's module, imported a pass of the event loop before the page is built: ~20–30 ms each, together a freeze.
PAGE_MODULES = {RECIPIENTS_STEP: "gui.ui.recipients.page", REVIEW_STEP: "gui.ui.sending.review_page",
                HISTORY_STEP: "gui.ui.history.page", SETTINGS_STEP: "gui.ui.settings.page"}

class BuildsPagesLazily:
    """Mixed into the main window (before QMainWindow), which provides `compose`, `pages`, `session`, `mode`,
    `_closing`, the signals `recipients_built` and `review_built`, and the slots the pages connect to."""

    compose: Any
    pages: Any
    session: Any
    mode: Any
    _closing: bool
    recipients_built: Any
    review_built: Any
    _on_campaign_changed: Any
    _on_run_finished: Any
    _on_settings_saved: Any
    show_campaign: Any
    run_campaign: Any
    load_campaign: Any
    edit_schedule: Any
    show_step: Any

    def _start_pages(self) -> None:
        """Called once the first page is in place: the others are placeholders until needed or built."""
        self._pages_started = self._shown = self._journal_settled = False
        self._built: dict[int, QWidget] = {COMPOSE_STEP: self.compose}
        self._builders: dict[int, Callable[[], QWidget]] = {
            RECIPIENTS_STEP: self._build_recipients, REVIEW_STEP: self._build_review,
            HISTORY_STEP: self._build_history, SETTINGS_STEP: self._build_settings_page,
        }
        self.compose.setObjectName(self.compose.objectName() or "page")
        self.pages.addWidget(self.compose)
        for _ in self._builders:
            self.pages.addWidget(QWidget(self.pages))

    def page(self, step: int) -> QWidget:
        """The page of `step`, built now if it was not yet."""
        page = self._built.get(step)
        if page is None:
            page = self._builders[step]()
            page.setObjectName(page.objectName() or "page")
            self._built[step] = page
            placeholder = self.pages.widget(step)
            showing = self.pages.currentIndex() == step
            self.pages.insertWidget(step, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if showing:
                self.pages.setCurrentIndex(step)
            from gui.ui.keyboard import keyboard_friendly  # pages are built after the first paint

            keyboard_friendly(page)
        return page

    def built(self, step: int) -> QWidget | None:
        """The page of `step` if it exists yet (None before it is built): for code that must not build it."""
        return self._built.get(step)

    def built_recipients(self) -> RecipientsPage | None:
        return self._built.get(RECIPIENTS_STEP)  # type: ignore[return-value]  # built by _build_recipients

    def built_review(self) -> ReviewPage | None:
        return self._built.get(REVIEW_STEP)  # type: ignore[return-value]  # built by _build_review

    def build_pages(self) -> None:
        """Build every page now (tests, screenshots); the window otherwise builds them right after showing."""
        for step in self._builders:
            self.page(step)

    def setVisible(self, visible: bool) -> None:
        # Not a showEvent: an event handler in Python makes PySide build Qt's event classes and their enums
        # before the first paint (~1 % of a cold start).
        super().setVisible(visible)  # type: ignore[misc]  # QMainWindow's, next in the window's MRO
        if visible and not self._shown:
            self._shown = True
            self._load_pages_when_ready()

    def journal_settled(self) -> None:
        """The journal has opened (or failed to): its imports are done, the pages' may start."""
        self._journal_settled = True
        self._load_pages_when_ready()

    def _load_pages_when_ready(self) -> None:
        # After the first paint and after the journal's imports: one page is built per pass of the event loop,
        # its module imported there, on the GUI thread. Importing the pages' Qt classes on a pool thread while the
        # GUI thread runs Qt code crashed the process now and then (exit -11) and could stall the journal's open.
        if self._shown and self._journal_settled and not self._pages_started:
            self._pages_started = True
            QTimer.singleShot(PAGE_BUILD_DELAY_MS, self._build_next_page)

    @Slot()
    def _build_next_page(self) -> None:
        missing = [step for step in self._builders if step not in self._built]
        if not missing or self._closing:
            return
        module = PAGE_MODULES[missing[0]]
        if module not in sys.modules:
            importlib.import_module(module)  # this pass; the page itself in the next
        else:
            self.page(missing[0])
            if len(missing) == 1:
                return
        QTimer.singleShot(NEXT_PASS_MS, self._build_next_page)

    @property
    def recipients(self) -> RecipientsPage:
        return self.page(RECIPIENTS_STEP)  # type: ignore[return-value]  # built by _build_recipients

    @property
    def review(self) -> ReviewPage:
        return self.page(REVIEW_STEP)  # type: ignore[return-value]  # built by _build_review

    @property
    def history(self) -> HistoryPage:
        return self.page(HISTORY_STEP)  # type: ignore[return-value]  # built by _build_history

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(SETTINGS_STEP)  # type: ignore[return-value]  # built by _build_settings_page

    def is_sending(self) -> bool:
        review = self._built.get(REVIEW_STEP)
        return bool(review is not None and review.panel.is_sending())  # type: ignore[attr-defined]  # a ReviewPage, typed QWidget here

    def _build_recipients(self) -> QWidget:
        from gui.ui.recipients.page import RecipientsPage

        page = RecipientsPage(self)
        # Parameters may read the imported columns; the preview picks a row.
        page.imported.connect(self.compose.set_recipients)
        page.set_sandbox(self.mode.sandbox)
        self.recipients_built.emit(page)
        return page

    def _build_review(self) -> QWidget:
        from gui.ui.sending.review_page import ReviewPage

        page = ReviewPage(self.session, self.compose, lambda: self.recipients.result, self)
        page.campaign_created.connect(self._on_campaign_changed)
        page.panel.run_finished.connect(self._on_run_finished)
        page.history_requested.connect(self.show_campaign)
        self.review_built.emit(page)
        return page

    def _build_history(self) -> QWidget:
        from gui.ui.history.page import HistoryPage

        page = HistoryPage(self.session, self)
        page.run_requested.connect(self.run_campaign)
        page.copy_requested.connect(self.load_campaign)
        page.settings_requested.connect(lambda: self.show_step(SETTINGS_STEP))
        page.schedule_requested.connect(self.edit_schedule)
        return page

    @Slot(int)
    def _show_page(self, index: int) -> None:
        if index >= 0:
            if index in self._builders:
                self.page(index)
            self.pages.setCurrentIndex(index)

    def _build_settings_page(self) -> QWidget:
        from gui.ui.settings.page import SettingsPage

        page = SettingsPage(self, sandbox=self.mode.sandbox, session=self.mode.session)
        page.saved.connect(self._on_settings_saved)  # its file was applied at start (_apply_settings_file)
        return page
