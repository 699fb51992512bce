"""Settings: JSON under config_dir(), unknown keys ignored, corrupt file → defaults + warning, atomic writes."""

from __future__ import annotations

import json
from decimal import Decimal

from gui.services.config.paths import config_dir
from gui.services.config.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings == Settings()
    assert settings.api_base == "https://api.weixin.qq.com"
    assert settings.pack_price_per_sms == Decimal("0.05")
    assert settings.warning_zh == ""


def test_round_trip_and_location() -> None:
    saved = Settings(env_id="prod-1a2b", mini_program_name="好物小店", short_name="好物", use_short_name=True,
                     test_numbers=("+8613800000001",), pack_price_per_sms=Decimal("0.047"), language="en",
                     static_site_domain="https://prod-1a2b.tcloudbaseapp.com")
    path = save_settings(saved)
    assert path == settings_path() and path.parent == config_dir()
    assert load_settings() == saved
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pack_price_per_sms"] == "0.047"
    assert "好物小店" in path.read_text(encoding="utf-8")
    assert not any(key in data for key in ("secret", "appsecret", "access_token"))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


def test_unknown_keys_are_ignored() -> None:
    settings_path().write_text(json.dumps({"env_id": "e1", "future_option": 3}), encoding="utf-8")
    settings = load_settings()
    assert settings.env_id == "e1"
    assert settings.warning_zh == ""


def test_corrupt_file_gives_defaults_and_a_warning() -> None:
    settings_path().write_text("{not json", encoding="utf-8")
    settings = load_settings()
    assert settings.env_id == "" and settings.api_base == Settings().api_base
    assert "已损坏" in settings.warning_zh and "damaged" in settings.warning_en


def test_wrong_types_fall_back_per_field() -> None:
    settings_path().write_text(json.dumps({"env_id": "ok", "use_short_name": "yes", "pack_price_per_sms": "abc",
                                           "test_numbers": "13800000001"}), encoding="utf-8")
    settings = load_settings()
    assert settings.env_id == "ok"
    assert settings.use_short_name is False and settings.pack_price_per_sms == Decimal("0.05")
    assert "use_short_name" in settings.warning_zh and "test_numbers" in settings.warning_en
