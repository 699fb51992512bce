"""Closing the main window without a wait on the GUI thread: hide, stop the send, close the journal, then close."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from gui.ui.workers import run_in_background, when_idle

if TYPE_CHECKING:  # the window imports this module: the page types are for the checker only
    from PySide6.QtGui import QCloseEvent

    from gui.services.sending.session import AppSession
    from gui.services.simulator.sandbox import SandboxSession
    from gui.ui.recipients.page import RecipientsPage
    from gui.ui.sending.review_page import ReviewPage
    from gui.ui.session_keeper import SessionKeeper


class ClosesWithoutWaiting:
    """Mixed into the main window (before QMainWindow), which provides `review`, `recipients`, `built`, `is_sending`, `keeper`,
    `session`, `_own_session`, `_closing`, `_closed`, `ask_close_during_send` and the `closed` signal."""

    review: ReviewPage
    recipients: RecipientsPage
    built: Callable[[int], QWidget | None]
    is_sending: Callable[[], bool]
    keeper: SessionKeeper
    session: AppSession
    _own_session: SandboxSession | None
    _closing: bool
    _closed: bool
    closed: SignalInstance

    def ask_close_during_send(self) -> bool:
        raise NotImplementedError

    def closeEvent(self, event: QCloseEvent) -> None:
        """Never waits: a send is cancelled (its batch finishes first) and the window hides; the journal
        closes on the pool once nothing uses it, and the window closes for real after that."""
        if self._closed:
            super().closeEvent(event)  # type: ignore[misc]  # QMainWindow's, next in the window's MRO
            return
        sending = self.is_sending()
        if sending and not self._closing and not self.ask_close_during_send():
            event.ignore()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.keeper.save()
        self.hide()  # type: ignore[attr-defined]  # the window's
        if self.built(1) is not None:  # the 收件人 page: an import may be running
            self.recipients.cancel_import()
        if sending:
            from PySide6.QtCore import Qt  # not at the top: the window's start-up does without Qt's enums

            self.review.panel.stop_for_close()
            self.review.panel.run_finished.connect(self._after_send, Qt.ConnectionType.SingleShotConnection)
        else:
            when_idle(self._close_journal)

    def _after_send(self, _result: object) -> None:
        when_idle(self._close_journal)

    def _close_journal(self) -> None:
        engine, self.session.engine = self.session.engine, None
        if engine is None:
            self._finish_close()
        else:
            run_in_background(engine.close, self._finish_close, self._finish_close)

    def _finish_close(self, _answer: object = None) -> None:
        if self._own_session is not None:
            self._own_session.stop()
            self._own_session = None
        self._closed = True
        self.close()  # type: ignore[attr-defined]  # the window's
        self.closed.emit()
