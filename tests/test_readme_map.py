"""README's "Where the code is" map names only paths that exist, and every package under gui/ appears in it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code_map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Where the code is")
    end = text.find("\n#", start + 1)
    return text[start:] if end < 0 else text[start:end]


def named_paths(section: str) -> list[str]:
    """Backticked words that look like paths: a folder (ends in /) or a file with an extension."""
    return [word for word in re.findall(r"`([^`\s]+)`", section) if word.endswith("/") or "." in word]


def test_every_path_the_map_names_exists() -> None:
    section = code_map()
    paths = named_paths(section)
    assert len(paths) > 15, "the map lost its table"
    folders = [p for p in paths if p.endswith("/")]
    missing = []
    for path in paths:
        # A bare file name in a row resolves against the folder named before it in that row.
        row = next(line for line in section.splitlines() if f"`{path}`" in line)
        bases = [ROOT] + [ROOT / f for f in folders if f"`{f}`" in row]
        if not any((base / path).exists() for base in bases):
            missing.append(path)
    assert not missing, f"README's code map names paths that do not exist: {missing}"


def test_every_package_under_gui_is_on_the_map() -> None:
    mapped = set(named_paths(code_map()))
    packages = {f"{p.parent.relative_to(ROOT).as_posix()}/" for p in (ROOT / "gui").glob("*/**/__init__.py")}
    unmapped = {p for p in packages if not any(m.startswith(p) for m in mapped)}
    assert not unmapped, f"README's code map does not say what these folders are for: {sorted(unmapped)}"
