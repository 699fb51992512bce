"""No module is over 400 lines: a bigger one holds more than one role and is split by role."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 400


@pytest.mark.parametrize("folder", ["gui", "tools", "packaging"])
def test_no_module_is_over_the_limit(folder: str) -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / folder).rglob("*.py")}
    over = {p: n for p, n in sizes.items() if n > LIMIT}
    assert not over, f"over {LIMIT} lines, split by role: {over}"
