"""The main window: a step sidebar (内容 / 收件人 / 检查并发送 / 发送记录 / 设置), the pages, and a status bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
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
from gui.ui.compose import ComposeView
from gui.ui.i18n import pick
from gui.ui.keyring_status import KeyringInfo, keyring_info, short_backend_name
from gui.ui.placeholder_page import PlaceholderPage
from gui.ui.sandbox import SandboxSession
from gui.ui.style import ERROR, STYLESHEET
from gui.ui.workers import run_in_background, wait_for_background


@dataclass(frozen=True)
class WindowMode:
    """How the window was started: sandbox (simulator) or live, and against which environment."""

    sandbox: bool = False
    env_id: str = ""
    api_base: str = ""
    session: SandboxSession | None = None  # the running simulator and its credentials, in sandbox mode


class MainWindow(QMainWindow):
    """The app window. Pages are built here; services are passed in, never looked up globally."""

    def __init__(self, mode: WindowMode | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode or WindowMode()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_DISPLAY_NAME + (" · " + self.tr("Sandbox") if self.mode.sandbox else ""))
        self.setStyleSheet(STYLESHEET)
        self.resize(1120, 720)
        self.setMinimumSize(QSize(960, 620))

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("stepSidebar")
        self.sidebar.setFixedWidth(188)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")

        self.compose = ComposeView(self)
        self.recipients = self._build_recipients_page()
        self.review = PlaceholderPage(
            self.tr("Check and send"),
            self.tr("Pre-flight checks, the test send and the batch sending are not built yet in this version. "
                    "Use the Content page to write and check the message, and Recipients to check the list."),
            self,
        )
        self.history = PlaceholderPage(
            self.tr("History"),
            self.tr("Past campaigns and their results will be listed here. This page is not built yet."),
            self,
        )
        self.settings = self._build_settings_page()
        steps = [
            (self.tr("Content"), self.compose),
            (self.tr("Recipients"), self.recipients),
            (self.tr("Check and send"), self.review),
            (self.tr("History"), self.history),
            (self.tr("Settings"), self.settings),
        ]
        for text, page in steps:
            page.setObjectName(page.objectName() or "page")
            self.pages.addWidget(page)
            item = QListWidgetItem(text, self.sidebar)
            item.setSizeHint(QSize(0, 44))
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

        title = QLabel(APP_DISPLAY_NAME, self)
        title.setObjectName("appTitle")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(title)
        left_layout.addWidget(self.sidebar, 1)
        left.setFixedWidth(188)

        right = QWidget(self)
        right.setObjectName("pageRoot")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        if self.mode.sandbox:
            banner = QLabel(self.tr("Sandbox: the built-in simulator answers; nothing is really sent and "
                                    "nothing is billed."), self)
            banner.setObjectName("sandboxBanner")
            banner.setWordWrap(True)
            right_layout.addWidget(banner)
        right_layout.addWidget(self.pages, 1)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(left)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("modeLabel")
        self.keyring_label = QLabel(self.tr("Keyring: checking…"), self)
        self.keyring_label.setObjectName("keyringLabel")
        self.statusBar().addWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.keyring_label)
        self.statusBar().setSizeGripEnabled(False)
        self.update_mode_label(self.mode.env_id)
        self.keyring: KeyringInfo | None = None
        # Keyring backends can block for many seconds (Secret Service, KWallet): never on the GUI thread.
        run_in_background(keyring_info, self._on_keyring_info, self._on_keyring_failed)

    # -- pages that depend on other parts ------------------------------------------------------------------
    def _build_recipients_page(self) -> QWidget:
        try:
            from gui.ui.recipients_page import RecipientsPage
        except ImportError:
            return PlaceholderPage(self.tr("Recipients"), self.tr("The recipients import is not available."), self)
        return RecipientsPage(self)

    def _build_settings_page(self) -> QWidget:
        try:
            from gui.ui.settings_page import SettingsPage
        except ImportError:
            return PlaceholderPage(self.tr("Settings"), self.tr("The settings are not available."), self)
        page = SettingsPage(self, sandbox=self.mode.sandbox, session=self.mode.session)
        page.saved.connect(self._on_settings_saved)
        self._apply_settings(page.settings)
        return page

    def show_step(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    # -- status bar ----------------------------------------------------------------------------------------
    def update_mode_label(self, env_id: str) -> None:
        env = env_id or self.tr("not set")
        if self.mode.sandbox:
            self.mode_label.setText(self.tr("Sandbox · Environment ID {0}").format(env))
        else:
            self.mode_label.setText(self.tr("Live · Environment ID {0}").format(env))

    @Slot(object)
    def _on_keyring_info(self, info: KeyringInfo) -> None:
        self.keyring = info
        self.keyring_label.setText(self.tr("Keyring: {0}").format(short_backend_name(info.name)))
        self.keyring_label.setToolTip(pick(info.message_zh, info.message_en))
        if not info.usable:
            self.keyring_label.setStyleSheet(f"color: {ERROR};")

    @Slot(object)
    def _on_keyring_failed(self, error: Exception) -> None:
        self.keyring = KeyringInfo("?", False, str(error), str(error))
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
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pool tasks emit into this window's slots: let them finish before the widgets go away.
        wait_for_background(5000)
        super().closeEvent(event)
