"""Non-secret settings in a JSON file under config_dir(); unknown keys are ignored, writes are atomic."""

from __future__ import annotations

import logging
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from gui.domain.frequency import DEFAULT_PER_DAY, DEFAULT_PER_WEEK
from gui.domain.param_links import DEFAULT_PARAM_LINK_KEY
from gui.services.config.paths import API_BASE_ENV, config_dir

if TYPE_CHECKING:  # the budget rules load when there are packs to read (the window's start-up has none to)
    from gui.domain.budget import ResourcePack

SETTINGS_FILENAME = "settings.json"
DEFAULT_API_BASE = "https://api.weixin.qq.com"
# Keys that must never be written even if someone adds them to the record by mistake.
_FORBIDDEN_KEYS = {"secret", "appsecret", "access_token", "token"}

log = logging.getLogger(__name__)


class Settings(NamedTuple):
    """Everything the app remembers except the credentials (those live in the keyring).

    A NamedTuple, not a dataclass: the window reads it before its first paint, and a dataclass of this many fields
    costs a compile per generated method there (~1 ms). Change it with `_replace`; `==` leaves out the warnings.
    """

    env_id: str = ""
    mini_program_name: str = ""
    short_name: str = ""
    use_short_name: bool = False
    resource_appid: str = ""
    api_base: str = DEFAULT_API_BASE
    suffix_key: str = "tcbe_reply_t"
    pack_price_per_sms: Decimal = Decimal("0.05")
    test_numbers: tuple[str, ...] = ()
    static_site_domain: str = ""
    language: str = "zh"
    token_mode: str = "stable"  # "stable" or "classic"
    # How a Notification value that is a static-site path is sent (gui/domain/param_links.py); an inference.
    param_link_key: str = DEFAULT_PARAM_LINK_KEY
    # 发送频率上限（防骚扰）: Marketing SMS per number per day / per 7 days; 0 switches a limit off.
    cap_per_day: int = DEFAULT_PER_DAY
    cap_per_week: int = DEFAULT_PER_WEEK
    # 短信资源包 the user bought (for 资源包余量), and optional limits in billed parts (0 = none).
    packs: tuple[ResourcePack, ...] = ()
    limit_per_campaign: int = 0
    limit_per_day: int = 0
    # Not saved: why the file could not be read, for the UI to show once.
    warning_zh: str = ""
    warning_en: str = ""

    def saved_values(self) -> tuple[Any, ...]:
        """Every field but the warnings: what `==` compares."""
        return self[:_SAVED_FIELDS]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return self.saved_values() == other.saved_values()

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self.saved_values())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in Settings._fields[:_SAVED_FIELDS]:
            if name in _FORBIDDEN_KEYS:
                continue
            value = getattr(self, name)
            if isinstance(value, Decimal):
                value = str(value)
            elif name == "packs":
                value = [pack.to_json() for pack in value]
            elif isinstance(value, tuple):
                value = list(value)
            data[name] = value
        return data


_SAVED_FIELDS = Settings._fields.index("warning_zh")  # the warnings come last and are never saved


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILENAME


def _coerce(name: str, default: Any, value: Any) -> Any:
    """The value in the field's type, or raise ValueError."""
    if name == "packs":
        if not isinstance(value, list):
            raise ValueError(name)
        if not value:
            return ()
        from gui.domain.budget import ResourcePack

        try:
            return tuple(ResourcePack.from_json(item) for item in value)
        except (ValueError, ArithmeticError):
            raise ValueError(name) from None
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise ValueError(name)
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(name)
        return value
    if isinstance(default, Decimal):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(name)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(name) from None
        if not number.is_finite() or number < 0:
            raise ValueError(name)
        return number
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ValueError(name)
    if isinstance(value, str):
        return value
    raise ValueError(name)


def _with_warning(settings: Settings, zh: str, en: str) -> Settings:
    log.warning("settings: %s", en)
    return settings._replace(warning_zh=zh, warning_en=en)


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults when there is no file; defaults plus a warning when it is unreadable."""
    target = path or settings_path()
    defaults = Settings()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return defaults
    except OSError as error:
        return _with_warning(defaults, f"无法读取设置文件 {target}，已使用默认设置。",
                             f"Could not read the settings file {target} ({type(error).__name__}); using defaults.")
    import json  # only when there is a file: a first start has none, and json costs ~1 ms to import

    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return _with_warning(defaults, f"设置文件 {target} 已损坏，已使用默认设置。保存设置时会重新写入。",
                             f"The settings file {target} is damaged; defaults are used. Saving writes it again.")
    values: dict[str, Any] = {}
    bad: list[str] = []
    for name in Settings._fields[:_SAVED_FIELDS]:
        if name not in data:
            continue
        try:
            values[name] = _coerce(name, getattr(defaults, name), data[name])
        except ValueError:
            bad.append(name)
    settings = Settings(**values)
    if bad:
        names = ", ".join(bad)
        return _with_warning(settings, f"设置文件中这些项的格式不对，已改用默认值：{names}。",
                             f"These settings had the wrong format and were reset to defaults: {names}.")
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (temp file in the same folder, then rename)."""
    import json

    payload = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
    from gui.services.config.atomic_file import write_text_atomically  # only when saving: not the start-up's

    return write_text_atomically(path or settings_path(), payload, suffix=".tmp")


def effective_api_base(settings: Settings) -> str:
    """Where requests go: $SMS_COMPOSER_API_BASE, else the saved base, else WeChat's."""
    return os.environ.get(API_BASE_ENV) or settings.api_base or DEFAULT_API_BASE
