"""Language choice and the two translators (Qt's own qtbase and the app's), installed before any widget."""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.services.config.paths import resources_dir
from gui.services.config.settings import load_settings

APP_CATALOGUE = "sms_composer"
LANG_ENV = "SMS_COMPOSER_LANG"
CHINESE = "zh"
ENGLISH = "en"

_current_language = CHINESE


class TranslatorStatus(NamedTuple):
    """What `install_translators` managed to load (the smoke test reports it)."""

    language: str
    app_loaded: bool
    qtbase_loaded: bool
    app_file: str
    qtbase_file: str

    @property
    def ok(self) -> bool:
        return self.language == ENGLISH or (self.app_loaded and self.qtbase_loaded)


def resolve_language(requested: str | None) -> str:
    """`requested` (the --lang option), else $SMS_COMPOSER_LANG, else the saved setting; Chinese by default."""
    for candidate in (requested, os.environ.get(LANG_ENV), _language_from_settings()):
        if candidate:
            return ENGLISH if candidate.lower().startswith("en") else CHINESE
    return CHINESE


def _language_from_settings() -> str | None:
    # load_settings answers defaults (with a warning) for a missing or broken file: it never stops the window.
    return load_settings().language or None


def current_language() -> str:
    """The language the window runs in ('zh' or 'en'); picks the zh/en half of domain messages."""
    return _current_language


def pick(zh: str, en: str) -> str:
    """The Chinese or English text of a bilingual domain message, matching the window's language."""
    return en if _current_language == ENGLISH else zh


_QT_GAPS_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class QtGaps(QTranslator):
    """Qt's own strings that qtbase_zh_CN.qm lacks (Qt 6 re-worded them with shortcuts): the file dialog's labels."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None, not "": an empty string would count as a translation and hide qtbase's and ours.
        return _QT_GAPS_ZH.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translators(app: QCoreApplication, language: str) -> TranslatorStatus:
    """Load qtbase_zh_CN (so OK/Cancel are Chinese) and sms_composer_zh_CN; nothing for English.

    The translators are parented to `app` so they live as long as it does.
    """
    global _current_language
    _current_language = language
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return TranslatorStatus(language, False, False, "", "")
    # Forced, not read from the OS: the product is Chinese first whatever the machine's locale says.
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    qtbase_loaded = qtbase.load(locale, "qtbase", "_", qt_dir)
    if qtbase_loaded:
        app.installTranslator(qtbase)
    gaps = QtGaps(app)  # installed after qtbase, so it is asked first
    app.installTranslator(gaps)
    app_dir = str(resources_dir() / "i18n")
    own = QTranslator(app)
    app_loaded = own.load(locale, APP_CATALOGUE, "_", app_dir)
    if app_loaded:
        app.installTranslator(own)
    return TranslatorStatus(language, app_loaded, qtbase_loaded, own.filePath(), qtbase.filePath())
