"""Loads the carrier rule pack: a file in <config>/rules/ (an update the user dropped in) or the bundled one."""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from gui.domain.carrier_rules import RulePack, apply_rules
from gui.domain.errors import UserFacingError
from gui.domain.sms_text import MarketingDraft, NotificationDraft, RenderedSms, render
from gui.services.config.paths import config_dir, resources_dir

BUNDLED = "carrier-2025.json"

log = logging.getLogger(__name__)


class RulePackError(UserFacingError):
    code = "rule_pack"


def rule_files() -> list[Path]:
    """Where rule packs are looked for, first match wins: the user's newest file by name, then the bundled one."""
    user = sorted((config_dir() / "rules").glob("*.json"), reverse=True)
    return [*user, resources_dir() / "rules" / BUNDLED]


def read_rule_pack(path: Path) -> RulePack:
    """One file, or RulePackError saying which file and which rule is wrong."""
    try:
        return RulePack.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:
        raise RulePackError(
            f"运营商规则文件读不出来：{error}", f"The carrier rule file cannot be read: {error}",
            action_zh="请改正或删掉这个文件；改正之前使用内置的规则。",
            action_en="Fix or remove the file; the built-in rules are used until then.", where=str(path),
        ) from None


def load_rule_pack() -> RulePack | None:
    """The rule pack in use; a broken update falls back to the bundled file (logged), never stops sending."""
    for path in rule_files():
        if path.exists():
            try:
                return _cached(path, path.stat().st_mtime_ns)
            except RulePackError as error:
                log.warning("%s", error.text("en"))
    return None


def checked_sms(draft: MarketingDraft | NotificationDraft) -> RenderedSms:
    """The text engine's result plus the rule pack's warnings: what 内容, the plan and `preview` all show."""
    return apply_rules(load_rule_pack(), draft, render(draft))


@lru_cache(maxsize=4)
def _cached(path: Path, _mtime: int) -> RulePack:
    return read_rule_pack(path)
