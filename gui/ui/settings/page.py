"""The 设置 page: credentials in the keyring, the environment and mini program, sending defaults, language."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.domain.errors import UserFacingError
from gui.domain.suffix_presets import SUFFIX_PRESETS
from gui.services.api.types import Explanation
from gui.services.config.keyring_status import keyring_info
from gui.services.config.settings import DEFAULT_API_BASE, Settings, load_settings, save_settings
from gui.ui.details import DetailsExpander
from gui.ui.error_text import plain_reason
from gui.ui.i18n import current_language, pick
from gui.ui.labels import field_hint, page_title
from gui.ui.settings.limits import LimitsBox
from gui.ui.style import ACCENT, ERROR
from gui.ui.workers import run_in_background


def _check(appid: str, secret: str, base_url: str) -> object:
    """Ask the API (or the simulator) whether these credentials get a token. Runs on the pool."""
    from gui.services.api.client import CloudBaseClient

    kwargs = {"appid": appid, "secret": secret}
    if base_url:
        kwargs["base_url"] = base_url
    with CloudBaseClient(**kwargs) as client:
        return client.check_credentials()


def _numbers_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return ", ".join(str(v) for v in (value or ()))


def _numbers_value(text: str, like: object) -> object:
    parts = tuple(p.strip() for p in text.replace("，", ",").replace(";", ",").split(",") if p.strip())
    if isinstance(like, str):
        return ", ".join(parts)
    return list(parts) if isinstance(like, list) else parts


class SettingsPage(QWidget):
    """Edit and save `Settings`; AppID/AppSecret go to the keyring, always through a worker.

    Signals:
        saved(object): the `Settings` just saved.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, sandbox: bool = False, session: object = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.sandbox = sandbox
        self.session = session
        self.settings: Settings = load_settings()

        title = page_title(self.tr("Settings"), self)

        self.appid_edit = QLineEdit(self)
        self.appid_edit.setObjectName("appidEdit")
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("secretEdit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("Kept in the system keyring, never in the settings file"))
        self.save_credentials_button = QPushButton(self.tr("Save credentials"), self)
        self.save_credentials_button.setObjectName("saveCredentialsButton")
        self.test_button = QPushButton(self.tr("Test credentials"), self)
        self.test_button.setObjectName("testCredentialsButton")
        self.backend_label = QLabel(self.tr("Keyring: checking…"), self)
        self.backend_label.setObjectName("backendLabel")
        self.backend_label.setWordWrap(True)
        self.credential_result = QLabel(self)
        self.credential_result.setObjectName("credentialResult")
        self.credential_result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.save_credentials_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        cred_box = QGroupBox(self.tr("Credentials"), self)
        cred_form = self._form(cred_box)
        cred_form.addRow("AppID", self.appid_edit)
        cred_form.addRow("AppSecret", self.secret_edit)
        cred_form.addRow("", buttons)
        cred_form.addRow("", self.backend_label)
        self.backend_details = DetailsExpander(self)
        cred_form.addRow("", self.backend_details)
        cred_form.addRow("", self.credential_result)

        self.env_edit = QLineEdit(self)
        self.env_edit.setObjectName("envEdit")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("miniProgramNameEdit")
        self.short_edit = QLineEdit(self)
        self.short_edit.setObjectName("settingsShortNameEdit")
        self.use_short_check = QCheckBox(self.tr("Use the short name"), self)
        self.resource_appid_edit = QLineEdit(self)
        self.resource_appid_edit.setPlaceholderText(self.tr("Only for third-party development"))
        self.api_base_edit = QLineEdit(self)
        self.api_base_edit.setPlaceholderText(DEFAULT_API_BASE)
        self.domain_edit = QLineEdit(self)
        self.domain_edit.setPlaceholderText(self.tr("e.g. your-env-1234.tcloudbaseapp.com"))
        account_box = QGroupBox(self.tr("Mini program and environment"), self)
        account_form = self._form(account_box)
        account_form.addRow(self.tr("Environment ID"), self.env_edit)
        account_form.addRow(self.tr("Mini program name"), self.name_edit)
        account_form.addRow(self.tr("Mini program short name"), self.short_edit)
        account_form.addRow("", self.use_short_check)
        account_form.addRow(self.tr("Resource mini program AppID"), self.resource_appid_edit)
        account_form.addRow(self.tr("API address"), self.api_base_edit)
        account_form.addRow(self.tr("Static-site domain"), self.domain_edit)

        self.suffix_combo = QComboBox(self)
        for key, preset in SUFFIX_PRESETS.items():
            self.suffix_combo.addItem(pick(preset.label_zh, preset.label_en), key)
        self.suffix_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suffix_combo.setMinimumContentsLength(18)
        self.price_spin = QDoubleSpinBox(self)
        self.price_spin.setDecimals(3)
        self.price_spin.setRange(0, 10)
        self.price_spin.setSingleStep(0.005)
        self.price_spin.setSuffix(" ¥")
        self.test_numbers_edit = QLineEdit(self)
        self.test_numbers_edit.setPlaceholderText(self.tr("Your own numbers, separated by commas"))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("中文", "zh")
        self.language_combo.addItem("English", "en")
        sending_box = QGroupBox(self.tr("Sending"), self)
        sending_form = self._form(sending_box)
        sending_form.addRow(self.tr("Unsubscribe text"), self.suffix_combo)
        sending_form.addRow(self.tr("Resource pack price per part"), self.price_spin)
        sending_form.addRow(self.tr("Test numbers"), self.test_numbers_edit)
        sending_form.addRow(self.tr("Language (after restart)"), self.language_combo)

        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_status = field_hint("", self, wrap=False)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_status)
        save_row.addWidget(self.save_button)

        column = QWidget(self)
        column.setObjectName("formColumn")
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 12, 0)
        column_layout.setSpacing(16)
        # Sending defaults (test numbers, price) first: what a user changes most; credentials are set once.
        self.limits = LimitsBox(self)
        for box in (sending_box, self.limits, account_box, cred_box):
            column_layout.addWidget(box)
        column_layout.addStretch(1)
        column.setMaximumWidth(760)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(column)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 20, 24)
        root.setSpacing(12)
        root.addWidget(title)
        root.addWidget(scroll, 1)
        # Outside the scroll area, so 保存设置 is always on screen; as wide as the form, so it sits under it.
        save_bar = QWidget(self)
        save_bar.setMaximumWidth(column.maximumWidth())
        save_row.setContentsMargins(0, 0, 12, 0)
        save_bar.setLayout(save_row)
        root.addWidget(save_bar)

        self.save_button.clicked.connect(self.save)
        self.save_credentials_button.clicked.connect(self.save_credentials)
        self.test_button.clicked.connect(self.test_credentials)
        self.show_settings(self.settings)
        self.credential_result.hide()
        if self.settings.warning_zh:  # the settings file could not be read as saved: say so, keep going
            self._say(self.save_status, pick(self.settings.warning_zh, self.settings.warning_en), ok=False)
        if sandbox and session is not None:
            self.appid_edit.setText(getattr(session, "appid", ""))
            self.secret_edit.setText(getattr(session, "secret", ""))
            for widget in (self.appid_edit, self.secret_edit, self.save_credentials_button):
                widget.setEnabled(False)
            self._say(self.credential_result, self.tr("Sandbox: the simulator's own credentials are used."), ok=True)
        # After the window's first paint: both load the keyring module on the pool.
        QTimer.singleShot(0, self._load_in_background)

    @Slot()
    def _load_in_background(self) -> None:
        if not (self.sandbox and self.session is not None):
            run_in_background(_load_credentials, self._on_credentials_loaded, self._on_credentials_failed)
        run_in_background(keyring_info, self._on_backend, self._on_credentials_failed)

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        return form

    # -- settings file ----------------------------------------------------------------------------------------
    def show_settings(self, s: Settings) -> None:
        self.env_edit.setText(s.env_id)
        self.name_edit.setText(s.mini_program_name)
        self.short_edit.setText(s.short_name)
        self.use_short_check.setChecked(bool(s.use_short_name))
        self.resource_appid_edit.setText(s.resource_appid)
        self.api_base_edit.setText(s.api_base)
        self.domain_edit.setText(s.static_site_domain)
        self.suffix_combo.setCurrentIndex(max(self.suffix_combo.findData(s.suffix_key), 0))
        self.price_spin.setValue(float(s.pack_price_per_sms))
        self.test_numbers_edit.setText(_numbers_text(s.test_numbers))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(s.language or "zh"), 0))
        self.limits.show_settings(s)

    def edited_settings(self) -> Settings:
        s = self.settings
        price = type(s.pack_price_per_sms)(str(round(self.price_spin.value(), 3))) \
            if isinstance(s.pack_price_per_sms, Decimal) else round(self.price_spin.value(), 3)
        return self.limits.apply(s._replace(
            env_id=self.env_edit.text().strip(),
            mini_program_name=self.name_edit.text().strip(),
            short_name=self.short_edit.text().strip(),
            use_short_name=self.use_short_check.isChecked(),
            resource_appid=self.resource_appid_edit.text().strip(),
            api_base=self.api_base_edit.text().strip(),
            static_site_domain=self.domain_edit.text().strip(),
            suffix_key=str(self.suffix_combo.currentData()),
            pack_price_per_sms=price,
            test_numbers=_numbers_value(self.test_numbers_edit.text(), s.test_numbers),
            language=str(self.language_combo.currentData()),
        ))

    @Slot()
    def save(self) -> None:
        try:
            settings = self.edited_settings()
            save_settings(settings)
        except UserFacingError as error:
            self._say(self.save_status, error.text(current_language()), ok=False)
            return
        self.settings = settings
        self._say(self.save_status, self.tr("Saved."), ok=True)
        self.saved.emit(settings)

    # -- credentials (keyring: always on the pool) -----------------------------------------------------------
    @Slot()
    def save_credentials(self) -> None:
        appid, secret = self.appid_edit.text().strip(), self.secret_edit.text()
        if not appid or not secret:
            self._say(self.credential_result, self.tr("Enter both the AppID and the AppSecret."), ok=False)
            return
        self.save_credentials_button.setEnabled(False)
        run_in_background(lambda: _save_credentials(appid, secret),
                          self._on_credentials_saved, self._on_credentials_failed)

    @Slot()
    def test_credentials(self) -> None:
        appid, secret = self.appid_edit.text().strip(), self.secret_edit.text()
        base = getattr(self.session, "base_url", "") if self.sandbox else self.api_base_edit.text().strip()
        self.test_button.setEnabled(False)
        self._say(self.credential_result, self.tr("Asking the platform…"), ok=True)
        run_in_background(lambda: _check(appid, secret, base), self._on_checked, self._on_check_failed)

    @Slot(object)
    def _on_credentials_loaded(self, loaded: object) -> None:
        if loaded is not None and not self.appid_edit.text():
            self.appid_edit.setText(getattr(loaded, "appid", ""))
            self.secret_edit.setText(getattr(loaded, "secret", ""))

    @Slot(object)
    def _on_backend(self, info: object) -> None:
        message = pick(getattr(info, "message_zh", ""), getattr(info, "message_en", ""))
        self.backend_label.setText(message or self.tr("Keyring: {0}").format(getattr(info, "name", "?")))
        self.backend_details.set_details(self.tr("Keyring backend: {0}").format(getattr(info, "name", "?")))
        if not getattr(info, "usable", False):
            self.backend_label.setStyleSheet(f"color: {ERROR};")

    @Slot(object)
    def _on_credentials_saved(self, _result: object) -> None:
        self.save_credentials_button.setEnabled(True)
        self._say(self.credential_result, self.tr("Credentials saved in the keyring."), ok=True)

    @Slot(object)
    def _on_credentials_failed(self, error: Exception) -> None:
        self.save_credentials_button.setEnabled(not self.sandbox)
        self._say(self.credential_result, self._error_text(error), ok=False)

    @Slot(object)
    def _on_checked(self, explanation: Explanation) -> None:
        self.test_button.setEnabled(True)
        self._say(self.credential_result, explanation.text(current_language()), ok=True)

    @Slot(object)
    def _on_check_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        text = self._error_text(error)
        ip = getattr(error, "ip", None)
        if ip and ip not in text:
            text += " " + self.tr("(IP seen by the platform: {0})").format(ip)
        self._say(self.credential_result, text, ok=False)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, UserFacingError):
            return error.text(current_language())
        return self.tr("Something went wrong ({0}).").format(plain_reason(error))

    @staticmethod
    def _say(label: QLabel, text: str, *, ok: bool) -> None:
        label.setVisible(bool(text))
        label.setStyleSheet(f"color: {ACCENT if ok else ERROR};")
        label.setText(text)


def _load_credentials() -> object:
    """The saved AppID/AppSecret (blocking; the keyring module loads here, on the pool, not at start-up)."""
    from gui.services.config.credentials import load_credentials

    return load_credentials()


def _save_credentials(appid: str, secret: str) -> object:
    from gui.services.config.credentials import Credentials, save_credentials

    return save_credentials(Credentials(appid, secret))
