"""Every `# type: ignore` names its error codes and says why, on the same line."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


def unexplained(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = IGNORE.search(line)
        if match and (not match.group("codes") or not re.match(r"\s+#\s*\S", match.group("rest"))):
            found.append((number, line.strip()))
    return found


def test_every_type_ignore_has_codes_and_a_reason() -> None:
    bad = {
        str(path.relative_to(ROOT)): lines
        for folder in ("gui", "tests", "tools", "packaging")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "test_type_ignores.py" and (lines := unexplained(path.read_text(encoding="utf-8")))
    }
    assert not bad, f"`# type: ignore[code]  # why` wanted: {bad}"


def test_the_rule_sees_a_bare_or_unexplained_ignore() -> None:
    assert unexplained("x = 1  # type: ignore\n")
    assert unexplained("x = 1  # type: ignore[assignment]\n")
    assert not unexplained("x = 1  # type: ignore[assignment]  # the stub is wrong\n")
