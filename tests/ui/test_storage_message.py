"""The window's background calls turn a full disk or read-only data folder into the one plain message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def test_the_window_turns_a_full_disk_into_the_same_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.domain.errors import UserFacingError
    from gui.ui.workers import _as_user_facing

    monkeypatch.setenv("SMS_COMPOSER_DATA_DIR", str(tmp_path))
    shown = _as_user_facing(sqlite3.OperationalError("database or disk is full"))
    assert isinstance(shown, UserFacingError) and str(tmp_path) in shown.text()
    other = ValueError("not a storage problem")
    assert _as_user_facing(other) is other
