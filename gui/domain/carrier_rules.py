"""The carrier rule pack (运营商规则): warnings from an updatable data file, added to the text engine's problems."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from gui.domain.sms_text import MarketingDraft, NotificationDraft, Problem, RenderedSms, Severity

KINDS = ("pattern", "signature", "unsubscribe")


@dataclass(frozen=True)
class CarrierRule:
    """One rule as the file states it; `data` keeps the kind's own keys (pattern, word lists…)."""

    id: str
    kind: str
    applies_to: tuple[str, ...]
    message_zh: str
    message_en: str
    advice_zh: str
    advice_en: str
    source: str
    since: str
    date: str
    data: Mapping[str, Any] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None


class RulePack(NamedTuple):
    name: str
    version: str
    rules: tuple[CarrierRule, ...]

    @classmethod
    def from_json(cls, data: object) -> RulePack:
        """Raises ValueError naming the rule and key that is wrong."""
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise ValueError("the file needs a list under \"rules\"")
        rules = []
        for index, raw in enumerate(data["rules"]):
            where = f"rules[{index}]"
            if not isinstance(raw, dict):
                raise ValueError(f"{where} is not an object")
            for key in ("id", "kind", "message_zh", "message_en", "source", "date"):
                if not isinstance(raw.get(key), str) or not raw[key].strip():
                    raise ValueError(f"{where}: \"{key}\" is missing")
            if raw["kind"] not in KINDS:
                raise ValueError(f"{where}: kind must be one of {', '.join(KINDS)}")
            try:
                pattern = re.compile(raw["pattern"]) if raw["kind"] == "pattern" else None
            except (re.error, TypeError, KeyError) as error:
                raise ValueError(f"{where} ({raw['id']}): bad \"pattern\": {error}") from None
            rules.append(CarrierRule(
                id=raw["id"], kind=raw["kind"], applies_to=tuple(raw.get("applies_to") or ("Marketing",)),
                message_zh=raw["message_zh"], message_en=raw["message_en"], advice_zh=raw.get("advice_zh", ""),
                advice_en=raw.get("advice_en", ""), source=raw["source"], since=str(raw.get("since", "")),
                date=raw["date"], data=raw, pattern=pattern,
            ))
        return cls(name=str(data.get("name", "")), version=str(data.get("version", "")), rules=tuple(rules))


def apply_rules(pack: RulePack | None, draft: MarketingDraft | NotificationDraft, rendered: RenderedSms) -> RenderedSms:
    """The rendered SMS with a warning for every rule it breaks (a rule whose id the text engine already reported
    is not repeated)."""
    if pack is None:
        return rendered
    seen = {p.code for p in (*rendered.errors, *rendered.warnings)}
    found: list[Problem] = []
    for rule in pack.rules:
        if rendered.sms_type.value not in rule.applies_to or rule.id in seen:
            continue
        found += _check(rule, draft, rendered)
    return rendered._replace(warnings=rendered.warnings + tuple(found)) if found else rendered


def _check(rule: CarrierRule, draft: Any, rendered: RenderedSms) -> list[Problem]:
    if rule.kind == "pattern":
        return _pattern(rule, draft)
    if rule.kind == "signature":
        name = rendered.signature_shown.strip("【】")
        return [_problem(rule, name, 0, len(name), "signature")] if name and _odd_signature(rule, name) else []
    return _unsubscribe(rule, rendered)


def _pattern(rule: CarrierRule, draft: Any) -> list[Problem]:
    assert rule.pattern is not None
    if isinstance(draft, MarketingDraft):
        texts: Sequence[tuple[str, str]] = (("content", draft.content),)
    else:
        texts = (("template", draft.template_text), *(("params", value) for value in draft.params))
    problems = []
    for index, (name, text) in enumerate(texts):
        for match in rule.pattern.finditer(text):
            if name == "params":  # a parameter value: point at the value, as the text engine does
                problems.append(_problem(rule, match.group(0), index - 1, index, name))
            else:
                problems.append(_problem(rule, match.group(0), match.start(), match.end(), name))
    return problems


def _odd_signature(rule: CarrierRule, name: str) -> bool:
    data = rule.data
    lowered = name.lower()
    if any(word.lower() == lowered or (len(word) > 1 and word.lower() in lowered)
           for word in data.get("generic_words", ())):
        return True
    if re.search(str(data.get("company_markers") or "(?!)"), name):
        return False
    surnames = str(data.get("personal_surnames", ""))
    personal = 2 <= len(name) <= 3 and name[0] in surnames and all("\u4e00" <= ch <= "\u9fff" for ch in name)
    return personal or name.isdigit()


def _unsubscribe(rule: CarrierRule, rendered: RenderedSms) -> list[Problem]:
    data = rule.data
    text = rendered.text
    # About the suffix preset (the 退订提示 picker), not a place in the content: no span to underline.
    for old in data.get("outdated", ()):
        if old in text:
            return [_problem(rule, old, 0, 0, "suffix")]
    required = str(data.get("required", ""))
    if required and required not in text:
        return [_problem(rule, "", 0, 0, "suffix", missing=True)]
    return []


def _problem(rule: CarrierRule, found: str, start: int, end: int, field_name: str, *, missing: bool = False
             ) -> Problem:
    data = rule.data
    zh = (data.get("missing_zh") if missing else None) or rule.message_zh.format(found=found)
    en = (data.get("missing_en") if missing else None) or rule.message_en.format(found=found)
    # The rule's source and date stay in the rule file: the window has no room for a citation on every line.
    return Problem(
        code=rule.id,
        severity=Severity.WARNING,
        message_zh=f"{zh}{rule.advice_zh}",
        message_en=f"{en} {rule.advice_en}",
        start=start,
        end=end,
        field=field_name,
    )
