"""Architecture rules: nothing outside gui/ui/ imports PySide6, arrows point only downwards
(ui -> services -> domain), and gui/domain/ does no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "gui"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
IO = {"httpx", "sqlite3", "keyring", "openpyxl", "python_calamine", "xlsxwriter", "socket"}


def package_of(path: Path) -> str:
    return ".".join(("gui", *path.relative_to(GUI).parent.parts))


def imported_modules(path: Path, package: str) -> set[str]:
    """Every module the file imports, anywhere in it (function-level imports too), relative ones made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # `from gui import ui` imports gui.ui
    return names


def hits(path: Path, forbidden: set[str], package: str | None = None) -> set[str]:
    """Imports of `path` that are, or live under, one of the `forbidden` dotted names."""
    found = imported_modules(path, package or package_of(path))
    return {m for m in found for f in forbidden if m == f or m.startswith(f + ".")}


def files_under(*parts: str) -> list[Path]:
    return sorted(GUI.joinpath(*parts).rglob("*.py"))


def path_id(path: Path) -> str:
    return str(path.relative_to(GUI))


@pytest.mark.parametrize("path", [p for p in files_under() if p.relative_to(GUI).parts[0] != "ui"], ids=path_id)
def test_no_qt_outside_ui(path: Path) -> None:
    qt = hits(path, QT)
    assert not qt, f"{path} imports {qt}; Qt belongs in gui/ui/"


@pytest.mark.parametrize("path", files_under("services"), ids=path_id)
def test_services_do_not_import_the_ui(path: Path) -> None:
    upward = hits(path, {"gui.ui", "gui.cli"})
    assert not upward, f"{path} imports {upward}; services are called by the window and the CLI, never the reverse"


@pytest.mark.parametrize("path", files_under("domain"), ids=path_id)
def test_domain_is_pure(path: Path) -> None:
    found = hits(path, IO | QT | {"gui.services", "gui.ui", "gui.cli"})
    assert not found, f"{path} imports {found}; gui/domain/ must stay free of I/O and of the layers above it"


@pytest.mark.parametrize(
    ("source", "forbidden", "expected"),
    [
        ("from PySide6.QtCore import QObject\n", QT, True),
        ("import gui.services.api.client\n", {"gui.services"}, True),
        ("from gui.services.api import client\n", {"gui.services"}, True),
        ("from gui import ui\n", {"gui.ui"}, True),
        ("def later():\n    from gui.ui.i18n import pick\n", {"gui.ui"}, True),
        ("from ..services import api\n", {"gui.services"}, True),
        ("from gui.services_extra import x\n", {"gui.services"}, False),
        ("from gui.domain.phone import clean_phone\n", {"gui.services"}, False),
    ],
)
def test_rules_see_a_violation(tmp_path: Path, source: str, forbidden: set[str], expected: bool) -> None:
    """The checker itself works, for absolute, relative, nested and `from package import module` imports."""
    sample = tmp_path / "probe.py"
    sample.write_text(source, encoding="utf-8")
    assert bool(hits(sample, forbidden, package="gui.domain")) is expected
