"""Architecture rule: nothing outside gui/ui/ imports PySide6, and gui/domain/ does no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "gui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files_outside_ui() -> list[Path]:
    return [p for p in GUI.rglob("*.py") if "ui" not in p.relative_to(GUI).parts[:1]]


@pytest.mark.parametrize("path", python_files_outside_ui(), ids=lambda p: str(p.relative_to(GUI)))
def test_no_qt_outside_ui(path: Path) -> None:
    qt = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}}
    assert not qt, f"{path} imports {qt}; Qt belongs in gui/ui/"


@pytest.mark.parametrize("path", sorted((GUI / "domain").rglob("*.py")), ids=lambda p: p.name)
def test_domain_is_pure(path: Path) -> None:
    forbidden = {"httpx", "sqlite3", "keyring", "openpyxl", "python_calamine", "socket", "gui.services", "gui.ui"}
    hits = {m for m in imported_modules(path) if m in forbidden or m.split(".")[0] in forbidden}
    assert not hits, f"{path} imports {hits}; gui/domain/ must stay free of I/O"


def test_rule_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself works: a file importing PySide6 is reported."""
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)
