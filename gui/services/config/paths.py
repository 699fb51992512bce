"""Where the app keeps its database, settings and bundled resources (source tree, installed or frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gui import APP_NAME

DATA_DIR_ENV = "SMS_COMPOSER_DATA_DIR"
CONFIG_DIR_ENV = "SMS_COMPOSER_CONFIG_DIR"
API_BASE_ENV = "SMS_COMPOSER_API_BASE"  # overrides the saved base: the sandbox and `--api-base` set it
DATABASE_FILENAME = "sms-composer.db"


def data_dir() -> Path:
    """The app's data folder (database, journal): `SMS_COMPOSER_DATA_DIR` or the platform's user data dir."""
    return _folder(DATA_DIR_ENV, "user_data_dir")


def config_dir() -> Path:
    """The app's settings folder: `SMS_COMPOSER_CONFIG_DIR` or the platform's user config dir."""
    return _folder(CONFIG_DIR_ENV, "user_config_dir")


def _folder(override_env: str, platform_dir: str) -> Path:
    """The folder `override_env` names, else platformdirs' `platform_dir` for the app; created if missing."""
    override = os.environ.get(override_env)
    if override:
        path = Path(override)
    else:
        import platformdirs  # only when needed: importing it costs the window's start-up several milliseconds

        path = Path(getattr(platformdirs, platform_dir)(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(base: Path | None = None) -> Path:
    """The single SQLite file holding the journal, the suppression list and the template library."""
    return (base or data_dir()) / DATABASE_FILENAME


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a source tree, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"
