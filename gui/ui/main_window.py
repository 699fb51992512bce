"""The main window: a step sidebar (内容 / 收件人 / 检查并发送 / 发送记录 / 设置), the pages, and a status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import APP_DISPLAY_NAME
from gui.domain.clock import SystemClock
from gui.domain.sms_text import SmsType
from gui.services.sending.session import AppSession
from gui.ui.compose import ComposeView
from gui.ui.first_paint import after_first_paint
from gui.ui.i18n import current_language, pick
from gui.ui.labels import push_button
from gui.ui.sending.schedule_window import ScheduleWindow
from gui.ui.session_keeper import SessionKeeper
from gui.ui.style import ERROR, STYLESHEET
from gui.ui.window_close import ClosesWithoutWaiting
from gui.ui.window_mode import WindowMode, has_credentials, open_engine
from gui.ui.window_pages import COMPOSE_STEP, HISTORY_STEP, REVIEW_STEP, BuildsPagesLazily
from gui.ui.workers import run_in_background, when_idle

if TYPE_CHECKING:  # the keyring, the simulator and the engine load when used, on the pool, never at start-up
    from gui.domain.campaign import Campaign
    from gui.services.config.credentials import BackendStatus
    from gui.services.sending.engine import Engine
    from gui.services.simulator.sandbox import SandboxSession
    from gui.ui.sending.worker import RunResult

__all__ = ["MainWindow", "WindowMode"]


L = TypeVar("L", bound=QBoxLayout)


class MainWindow(ScheduleWindow, ClosesWithoutWaiting, BuildsPagesLazily, QMainWindow):
    """The app window. Pages are built here; services are passed in, never looked up globally.

    Signals:
        recipients_built(page), review_built(page): a page built after the first paint now exists.
        engine_ready(): the journal is open (it opens on the pool after the first paint).
        closed(): the window has closed for good (its send stopped, its journal closed); the app may quit.
    """

    engine_ready = Signal()
    closed = Signal()
    recipients_built = Signal(object)
    review_built = Signal(object)

    def __init__(self, mode: WindowMode | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode or WindowMode()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_DISPLAY_NAME + (" · " + self.tr("Sandbox") if self.mode.sandbox else ""))
        self.resize(1120, 720)
        self.setMinimumSize(QSize(960, 620))

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("stepSidebar")
        self.sidebar.setFixedWidth(188)
        self.sidebar.setProperty("focusPolicy", "StrongFocus")  # by name: see keyboard_friendly
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")

        # The journal opens on the pool: the window shows at once; pages that need it wait for `engine_ready`.
        self._closing = False
        self._closed = False
        self.session = AppSession(engine=None, clock=self.mode.clock or SystemClock(),
                                  sandbox=self.mode.session, env_id=self.mode.env_id,
                                  settle_seconds=self.mode.settle_seconds)
        self._own_session: SandboxSession | None = None
        self.session.busy = self.is_sending
        self.compose = ComposeView(self, styled_later=True)
        # Only the first page is built before the first paint; the others right after it or when needed.
        self._start_pages()
        for text in (self.tr("Content"), self.tr("Recipients"), self.tr("Check and send"), self.tr("History"),
                     self.tr("Settings")):
            item = QListWidgetItem(self.sidebar)
            item.setText(text)
            item.setSizeHint(QSize(0, 44))
        self.sidebar.currentRowChanged.connect(self._show_page)
        self.sidebar.currentRowChanged.connect(self._on_step)
        self.sidebar.setCurrentRow(0)
        self._apply_settings_file()

        title = QLabel(APP_DISPLAY_NAME, self)
        title.setObjectName("appTitle")
        left = QWidget(self)
        left_layout = _tight(QVBoxLayout(left))
        left_layout.addWidget(title)
        left_layout.addWidget(self.sidebar, 1)
        left.setFixedWidth(188)

        right = QWidget(self)
        right.setObjectName("pageRoot")
        right_layout = _tight(QVBoxLayout(right))
        self.sandbox_banner = QLabel(self.tr("Sandbox: the built-in simulator answers; nothing is really sent "
                                             "and nothing is billed."), self)
        self.sandbox_banner.setObjectName("sandboxBanner")
        self.sandbox_banner.setWordWrap(True)
        self.sandbox_banner.setVisible(self.mode.sandbox)
        right_layout.addWidget(self.sandbox_banner)
        self.offer = QWidget(self)
        self.offer.setObjectName("sandboxOffer")
        offer_row = QHBoxLayout(self.offer)
        offer_row.setContentsMargins(16, 6, 16, 6)
        offer_text = QLabel(self.tr("No credentials yet. Try the sandbox first?"), self.offer)
        offer_text.setObjectName("sandboxOfferText")
        self.offer_button = push_button(self.tr("Use the sandbox"), self.offer, "sandboxOfferButton")
        self.offer_button.clicked.connect(self.enter_sandbox)
        offer_row.addWidget(offer_text, 1)
        offer_row.addWidget(self.offer_button)
        self.offer.hide()
        right_layout.addWidget(self.offer)
        right_layout.addWidget(self.pages, 1)

        central = QWidget(self)
        row = _tight(QHBoxLayout(central))
        row.addWidget(left)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("modeLabel")
        self.keyring_label = QLabel(self.tr("Keyring: checking…"), self)
        self.keyring_label.setObjectName("keyringLabel")
        # Once every widget of the first page exists: set earlier, each widget added would be polished again.
        self.setStyleSheet(STYLESHEET)
        # Laid out from here on, in the styled fonts: 内容's layouts, and the status bar (it measures its widgets as
        # they are added; measured before, in the default font, they would be measured twice).
        self.compose.settle()
        self.statusBar().addWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.keyring_label)
        self.statusBar().setSizeGripEnabled(False)
        self.update_mode_label(self.mode.env_id)
        self.compose.library.failed.connect(self._show_status)
        self.compose.library.saved.connect(self._on_template_saved)
        self.keyring: BackendStatus | None = None
        self.engine_error: Exception | None = None
        # 定时发送 while open; a schedule missed while closed is asked about once the journal is open. Before the
        # journal's start: its services imported here while the pool imports the engine would wait on that import.
        after_first_paint(self, self._start_schedules)
        # Right after the first paint: these import the engine and the keyring on the pool, which would otherwise
        # compete with building and painting the window.
        after_first_paint(self, self._start_background)
        # After the paint too: it walks every widget, wrapping each in a Python object (Qt's internal ones as well).
        after_first_paint(self, self._keyboard_friendly)
        self.keeper = SessionKeeper(self)
        self.keeper.restore()  # the draft, list and page of last time: a close or a crash loses nothing
        self.ask_schedule = self._ask_schedule  # replaceable in tests

    @Slot()
    def _keyboard_friendly(self) -> None:
        # Imported after the first paint: PySide builds each Qt class it names (and its enums) on import.
        from gui.ui.keyboard import keyboard_friendly

        keyboard_friendly(self)

    def _start_background(self) -> None:
        run_in_background(lambda: open_engine(self.mode.clock), self._on_engine, self._on_engine_failed)
        from gui.services.config.storage import remove_app_stale_temps

        run_in_background(remove_app_stale_temps)  # temp files of writes killed last time (settings, session)
        # Keyring backends can block for many seconds (Secret Service, KWallet): never on the GUI thread.
        from gui.services.config.keyring_status import keyring_info

        run_in_background(keyring_info, self._on_keyring_info, self._on_keyring_failed)
        if not self.mode.sandbox and self.mode.offer_sandbox:
            run_in_background(has_credentials, self._on_credentials_known)

    @Slot(object)
    def _on_engine(self, engine: Engine) -> None:
        self.journal_settled()
        if self._closing:
            run_in_background(engine.close)
            return
        self.session.engine = engine
        self.engine_error = None
        # Temp files of exports killed last time, beside the recipients files (folders may be slow shares).
        run_in_background(engine.remove_interrupted_exports)
        self.engine_ready.emit()
        review, history = self.built(REVIEW_STEP), self.built(HISTORY_STEP)
        if review is not None and self.pages.currentWidget() is review and not self.is_sending():
            self.review.refresh()
        if history is not None:
            self.history.refresh()

    @Slot(object)
    def _on_engine_failed(self, error: Exception) -> None:
        self.journal_settled()
        self.engine_error = error
        self.statusBar().showMessage(self.tr("The send history could not be opened: {0}").format(error))

    def _apply_settings_file(self) -> None:
        """The compose defaults from the saved settings, before 设置 exists (it is built after the first paint)."""
        try:
            from gui.services.config.settings import load_settings

            self._apply_settings(load_settings())
        except Exception:  # an unreadable settings file: 设置 explains it once built; compose keeps its blanks
            return

    def show_step(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    # -- status bar ----------------------------------------------------------------------------------------
    def update_mode_label(self, env_id: str) -> None:
        env = env_id or self.tr("not set")
        if self.mode.sandbox:
            self.mode_label.setText(self.tr("Sandbox · Environment ID {0}").format(env))
        else:
            self.mode_label.setText(self.tr("Live · Environment ID {0}").format(env))

    @Slot(str)
    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    @Slot(str)
    def _on_template_saved(self, name: str) -> None:
        self.statusBar().showMessage(self.tr("Saved as template “{0}”.").format(name), 5000)

    @Slot(object)
    def _on_keyring_info(self, info: BackendStatus) -> None:
        self.keyring = info
        self.keyring_label.setToolTip(pick(info.message_zh, info.message_en))
        if info.usable:
            from gui.services.config.credentials import friendly_backend_name  # keyring is loaded by now

            self.keyring_label.setText(self.tr("Keyring: {0}").format(
                friendly_backend_name(info.name, current_language())))
        else:
            self.keyring_label.setText(self.tr("Keyring: not available"))
            self.keyring_label.setStyleSheet(f"color: {ERROR};")

    @Slot(object)
    def _on_keyring_failed(self, error: Exception) -> None:
        from gui.services.config.credentials import BackendStatus

        self.keyring = BackendStatus("?", False, str(error), str(error))
        self.keyring_label.setText(self.tr("Keyring: not available"))
        self.keyring_label.setStyleSheet(f"color: {ERROR};")

    @Slot(object)
    def _on_settings_saved(self, settings: object) -> None:
        if not self.mode.sandbox:
            self.update_mode_label(getattr(settings, "env_id", ""))
        self._apply_settings(settings)

    def _apply_settings(self, settings: object) -> None:
        """The compose view takes its signature, short name and suffix defaults from the settings."""
        self.compose.apply_defaults(
            signature=getattr(settings, "mini_program_name", ""),
            short_name=getattr(settings, "short_name", ""),
            use_short_name=bool(getattr(settings, "use_short_name", False)),
            suffix_key=getattr(settings, "suffix_key", ""),
            param_link_key=getattr(settings, "param_link_key", ""),
        )

    # -- sandbox offer --------------------------------------------------------------------------------------
    @Slot(object)
    def _on_credentials_known(self, present: bool) -> None:
        if not present and not self.session.is_sandbox:
            self.offer.show()

    @Slot()
    def enter_sandbox(self) -> None:
        """Start the simulator in this process and send to it from now on (own data folder, own history)."""
        if self.is_sending():
            return
        from gui.services.simulator.sandbox import SandboxUnavailable, start_sandbox

        try:
            session = start_sandbox()
        except SandboxUnavailable as error:
            self.statusBar().showMessage(self.tr("The sandbox is not available: {0}").format(error), 10000)
            return
        # The sandbox has its own data folder: close the live journal once nothing uses it, open the other.
        old, self.session.engine = self.session.engine, None
        if old is not None:
            when_idle(lambda: run_in_background(old.close))
        run_in_background(lambda: open_engine(self.mode.clock), self._on_engine, self._on_engine_failed)
        self.session.sandbox = session
        self._own_session = session
        self.mode = self.mode._replace(sandbox=True, env_id=session.env_id, api_base=session.base_url,
                                       session=session)
        self.offer.hide()
        self.recipients.set_sandbox(True)
        self.sandbox_banner.show()
        self.setWindowTitle(APP_DISPLAY_NAME + " · " + self.tr("Sandbox"))
        self.update_mode_label(session.env_id)
        self.history.refresh()

    # -- sending and history ----------------------------------------------------------------------------------
    @Slot(int)
    def _on_step(self, index: int) -> None:
        if index == REVIEW_STEP and not self.is_sending():
            self.review.refresh()
        elif index == HISTORY_STEP:
            self.history.refresh()

    @Slot(int)
    def _on_campaign_changed(self, campaign_id: int) -> None:
        self.history.selected_id = campaign_id or self.history.selected_id
        self.history.refresh()

    @Slot(int)
    def show_campaign(self, campaign_id: int) -> None:
        """发送记录 with this campaign selected, on its 报告 (where a finished send leads)."""
        if campaign_id:
            self.history.selected_id = campaign_id
        self.history.tabs.show_report()
        self.show_step(HISTORY_STEP)

    @Slot(object)
    def _on_run_finished(self, result: RunResult) -> None:
        self._on_campaign_changed(result.campaign_id)

    @Slot(int, bool)
    def run_campaign(self, campaign_id: int, allow_resend: bool = True) -> None:
        """Continue a stored campaign on the 检查并发送 page, where the progress shows."""
        if self.is_sending():
            return
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(REVIEW_STEP)
        self.pages.setCurrentWidget(self.review)
        self.sidebar.blockSignals(False)
        self.review.start_run(campaign_id, allow_resend=allow_resend)

    @Slot(object)
    def load_campaign(self, campaign: Campaign) -> None:
        """Put a stored campaign's text into 内容 as a new draft."""
        compose = self.compose
        compose.set_sms_type(campaign.sms_type)
        compose.signature_edit.setText(campaign.signature)
        compose.short_name_edit.setText(campaign.short_name)
        compose.use_short_name.setChecked(campaign.use_short_name)
        if campaign.sms_type == SmsType.NOTIFICATION:
            compose.notification.template_id_edit.setText(campaign.template_id)
            compose.notification.template_edit.setPlainText(campaign.template_text)
            load = getattr(compose.notification, "set_param_sources", None)
            if callable(load):
                load(list(campaign.template_params))
            else:
                compose.notification.set_params([p.literal or "{{" + p.column + "}}" for p in campaign.template_params])
        else:
            compose.marketing.content_edit.setPlainText(campaign.content)
            compose.marketing.path_edit.setText(campaign.path)
            compose.marketing.set_suffix_key(campaign.suffix_key)
        self.show_step(COMPOSE_STEP)

    def ask_close_during_send(self) -> bool:
        from PySide6.QtWidgets import QMessageBox  # not at the top: the first paint needs no dialog classes

        from gui.ui import dialogs

        return dialogs.ask(
            self, self.tr("A send is in progress"),
            self.tr("Stop sending and close? The batch being sent finishes first; the campaign can be continued "
                    "later from History."),
            self.tr("Stop and close"), self.tr("Keep sending"), icon=QMessageBox.Icon.Warning)


def _tight(layout: L) -> L:
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    return layout
