"""Autosave and restore of the window's work: the draft, the imported list (re-read on start) and the page."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from gui.domain.errors import UserFacingError
from gui.services.drafts.session_state import ListSource, SessionState, load_state, save_state
from gui.ui.first_paint import after_first_paint
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the window creates the keeper: a runtime import would be circular
    from gui.ui.main_window import MainWindow
    from gui.ui.recipients.page import RecipientsPage
    from gui.ui.sending.review_page import ReviewPage

SAVE_DELAY_MS = 400


class _Writes:
    """Session writes in the order their states were taken: a background write that finishes after the closing
    save (a newer state) is dropped, never renamed over it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._issued = self._written = 0

    def ticket(self) -> int:
        """Taken on the GUI thread together with the state it numbers."""
        self._issued += 1
        return self._issued

    def write(self, state: SessionState, ticket: int) -> None:
        with self._lock:
            if ticket < self._written:
                return
            with contextlib.suppress(OSError, UserFacingError):  # a full or read-only disk must not break typing
                save_state(state)
            self._written = ticket


class SessionKeeper(QObject):
    """Saves a moment after every change (and on close); `restore()` puts the last state back on start."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.restoring = False
        self.note = ""  # what the restore says about the list (changed / vanished), shown on 收件人
        self._source: ListSource | None = None
        self._name = ""  # the restored campaign name, kept while 检查并发送 is not built
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self._save_in_background)
        self._writes = _Writes()
        self._writing = self._again = False
        window.compose.rendered.connect(self.schedule)
        window.sidebar.currentRowChanged.connect(self.schedule)
        # 收件人 and 检查并发送 are built after the first paint (or when the restore needs them).
        window.recipients_built.connect(self._watch_recipients)
        window.review_built.connect(self._watch_review)

    @Slot(object)
    def _watch_recipients(self, page: RecipientsPage) -> None:
        page.imported.connect(self._on_imported)

    @Slot(object)
    def _watch_review(self, page: ReviewPage) -> None:
        page.name_edit.textEdited.connect(self.schedule)
        if self._name:  # restored before the page existed (it is built after the first paint)
            page.name_edit.setText(self._name)
            page._name_edited = True

    @Slot()
    @Slot(object)
    @Slot(int)
    @Slot(str)
    def schedule(self, *_args: object) -> None:
        if not self.restoring:
            self.timer.start()

    def state(self) -> SessionState:
        window = self.window
        from gui.ui.compose.campaign import campaign_from_compose  # after the first paint: saving is later

        draft = campaign_from_compose(window.compose, "").to_json()
        draft.pop("env", None)
        recipients, review = window.built_recipients(), window.built_review()  # None: not built yet, no change
        result = recipients.result if recipients is not None else None
        source = ListSource.of(result) if result is not None else None
        if source is None and (self.restoring or recipients is None):
            source = self._source  # still re-reading it (or not yet): keep what was there
        if review is None:
            name = self._name
        else:
            name = review.name_edit.text().strip() if getattr(review, "_name_edited", False) else ""
        return SessionState(draft=draft, recipients=source, page=max(0, window.sidebar.currentRow()), name=name)

    @Slot()
    def save(self) -> None:
        """Write the state now, on this thread (closing: it must land before the process ends)."""
        self.timer.stop()
        self._writes.write(self.state(), self._writes.ticket())

    @Slot()
    def _save_in_background(self) -> None:
        # A moment after a change: on the pool, since the write ends with an fsync (tens of milliseconds on a busy
        # disk, a freeze on the GUI thread). One write at a time; a change meanwhile is saved again after it.
        if self._writing:
            self._again = True
            return
        self._writing, self._again = True, False
        state, ticket, writes = self.state(), self._writes.ticket(), self._writes
        run_in_background(lambda: writes.write(state, ticket), self._written, self._written)

    @Slot(object)
    def _written(self, _answer: object) -> None:
        self._writing = False
        if self._again:
            self._save_in_background()

    # -- restoring ------------------------------------------------------------------------------------------
    def restore(self) -> bool:
        """Put the saved draft, list and page back; False when there was nothing to restore."""
        state = load_state()
        if state is None:
            return False
        window = self.window
        self.restoring = True
        try:
            if state.draft:
                with contextlib.suppress(UserFacingError):  # an unreadable draft: start empty, never fail to open
                    from gui.domain.campaign import Campaign  # only when there is a draft to restore

                    window.load_campaign(Campaign.from_json(state.draft, validate=False))
            self._name = state.name  # put on 检查并发送 when it is built, not by building it before the first paint
            review = window.built_review()
            if state.name and review is not None:
                review.name_edit.setText(state.name)
                review._name_edited = True
            self._source = source = state.recipients
            if source is not None:  # 收件人 is built and the list read again after the first paint, not before
                after_first_paint(window, lambda: self._reload_later(source))
            window.show_step(min(state.page, window.pages.count() - 1))
        finally:
            self.restoring = self._reading_list()
        return True

    def _reload_later(self, source: ListSource) -> None:
        self._reload(source)
        self.restoring = self._reading_list()

    def _reading_list(self) -> bool:
        """Whether 收件人 is reading a list again: restoring lasts until it has (see _on_imported)."""
        recipients = self.window.built_recipients()
        return bool(recipients is not None and recipients.busy)

    def _reload(self, source: ListSource) -> None:
        page = self.window.recipients
        name = Path(source.file).name
        status = source.status()
        if status == "missing":
            self.note = self.tr("The list imported last time ({0}) is no longer there (moved or deleted): no "
                                "recipients are loaded. Open the file again.").format(name)
            page.summary.setText(self.note)
            return
        if status == "changed":
            self.note = self.tr("{0} changed since it was imported; it was read again as it is now.").format(name)
        page.load(Path(source.file), sheet=source.sheet, header_row=source.header_row,
                  phone_column=source.phone_column or None)

    @Slot(object)
    def _on_imported(self, result: object) -> None:
        if self.restoring:
            self.restoring = False
            page = self.window.recipients
            if self.note and result is not None:
                page.summary.setText(self.note + "\n" + page.summary.text())
            review = self.window.built_review()
            if review is not None and self.window.pages.currentWidget() is review:
                review.refresh()
        self.schedule()
