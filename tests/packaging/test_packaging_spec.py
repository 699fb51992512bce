"""The PyInstaller spec and its bundle_config: data files that exist, keyring backends, exclusions, version."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gui
from tests.packaging.bundle import PACKAGING, ROOT, bundle_config

config = bundle_config()
SPEC = PACKAGING / "sms-composer.spec"


def spec_calls() -> set[str]:
    """Dotted names of every function the spec calls (e.g. 'copy_metadata', 'config.resource_datas')."""
    names = set()
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            names.add(ast.unparse(node.func))
    return names


def test_spec_is_valid_python_and_uses_the_shared_lists() -> None:
    calls = spec_calls()
    for needed in (
        "config.resource_datas",
        "config.qt_translation_datas",
        "config.hidden_imports",
        "config.console_for",
        "copy_metadata",
        "collect_submodules",
        "Analysis",
        "EXE",
        "COLLECT",
    ):
        assert needed in calls, f"the spec no longer calls {needed}"
    text = SPEC.read_text(encoding="utf-8")
    assert 'copy_metadata("keyring")' in text
    assert 'collect_submodules("gui")' in text
    assert "launcher.py" in text and (PACKAGING / "launcher.py").is_file()


def test_resource_datas_ship_every_runtime_resource_and_only_those() -> None:
    pairs = config.resource_datas(ROOT)
    sources = {Path(src) for src, _ in pairs}
    for src, dest in pairs:
        assert Path(src).is_file(), src
        assert Path(dest).parts[0] == "resources"
        assert Path(dest) == Path("resources") / Path(src).parent.relative_to(ROOT / "resources")
    resources = ROOT / "resources"
    for wanted in [*resources.glob("i18n/*.qm"), *resources.glob("samples/*"), resources / "icons" / "app.svg"]:
        if wanted.is_file() and not wanted.name.startswith("."):
            assert wanted in sources, f"{wanted} would be missing from the bundle"
    assert not any("screenshots" in src.parts or src.suffix in {".ts", ".ico", ".icns"} for src in sources)


def test_resource_datas_on_a_made_up_tree(tmp_path: Path) -> None:
    for name in ("i18n/app_zh_CN.qm", "i18n/app_zh_CN.ts", "samples/示例名单.xlsx", "screenshots/main.png",
                 "icons/app.svg", "icons/app.ico", "styles/dark/theme.qss", "i18n/.keep"):
        (tmp_path / "resources" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "resources" / name).write_bytes(b"x")
    shipped = {(Path(src).relative_to(tmp_path).as_posix(), dest) for src, dest in config.resource_datas(tmp_path)}
    assert shipped == {
        ("resources/i18n/app_zh_CN.qm", "resources/i18n"),
        ("resources/samples/示例名单.xlsx", "resources/samples"),
        ("resources/icons/app.svg", "resources/icons"),
        ("resources/styles/dark/theme.qss", str(Path("resources/styles/dark"))),
    }


def test_qt_translation_is_taken_from_pyside6() -> None:
    from PySide6.QtCore import QLibraryInfo

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    pairs = config.qt_translation_datas(qt_dir)
    assert [Path(src).name for src, _ in pairs] == ["qtbase_zh_CN.qm"]
    for src, dest in pairs:
        assert Path(src).is_file(), f"{src}: PySide6 ships no Chinese Qt translation"
        assert Path(dest) == Path("PySide6/Qt/translations")


def test_every_keyring_backend_entry_point_is_a_hidden_import() -> None:
    """keyring loads backends by entry point; each must be frozen in, or the bundle gets the fail backend."""
    entry_points = importlib.metadata.entry_points(group="keyring.backends")
    modules = {ep.value.split(":")[0] for ep in entry_points}
    assert {"keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS"} <= modules
    assert modules <= set(config.KEYRING_HIDDEN_IMPORTS)


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_hidden_imports_exist(platform: str) -> None:
    for name in config.hidden_imports(platform):
        if name.startswith("win32ctypes") and sys.platform != "win32":
            continue  # only installed on Windows (keyring depends on pywin32-ctypes there)
        assert importlib.util.find_spec(name) is not None, f"hidden import {name} not found"
    linux = config.hidden_imports("linux")
    assert "secretstorage" in linux and "jeepney" in linux
    assert "secretstorage" not in config.hidden_imports("win32")


def test_the_app_imports_nothing_the_bundle_excludes() -> None:
    """An excluded module that gui/ imports would only fail in the frozen app, so catch it here."""
    excluded = set(config.EXCLUDES)
    offenders = []
    for path in (ROOT / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            for name in names:
                parts = name.split(".")
                if any(".".join(parts[:i]) in excluded for i in range(1, len(parts) + 1)):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders, offenders


@pytest.mark.parametrize(
    ("destination", "imported", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", set(), True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", set(), True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", set(), True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", set(), True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", set(), False),
        ("PySide6/Qt/plugins/platforms/libqminimal.so", set(), False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", set(), False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", {"QtPdf"}, True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", set(), True),
        ("PySide6\\Qt\\plugins\\imageformats\\qpdf.dll", set(), False),
        ("PySide6/Qt/lib/libQt6Network.so.6", set(), False),
        ("PySide6/Qt/lib/libQt6Network.so.6", {"QtNetwork"}, True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", set(), False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", set(), True),
        ("libgtk-3.so.0", set(), False),
        ("libXi.so.6", set(), False),
        ("libX11.so.6", set(), True),
        ("libxcb-xinerama.so.0", set(), True),
        ("libpng16.so.16", set(), True),
        ("libffi.so.8", set(), True),
    ],
)
def test_keep_binary(destination: str, imported: set[str], kept: bool) -> None:
    assert config.keep_binary(destination, imported) is kept


def test_only_chinese_qt_catalogues_stay() -> None:
    assert config.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not config.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not config.keep_data("PySide6\\Qt\\translations\\qt_help_fr.qm")
    assert config.keep_data("resources/i18n/sms_composer_zh_CN.qm")
    toc = [("PySide6/Qt/translations/qtbase_ja.qm", "/x", "DATA"), ("resources/icons/app.svg", "/y", "DATA")]
    assert config.filter_toc(toc, config.keep_data) == [toc[1]]


def test_console_choice_per_platform() -> None:
    assert config.console_for("linux") is True
    assert config.console_for("win32") is False
    assert config.console_for("darwin") is False


def test_version_comes_from_pyproject_and_matches_the_package() -> None:
    assert config.project_version(ROOT) == gui.__version__


def test_windows_version_info_evaluates_like_pyinstaller_reads_it() -> None:
    """PyInstaller eval()s the file with its VSVersionInfo classes (Windows-only: they need pefile); the
    same names bound to a recorder show the text is valid and carries the right fields."""

    def record(kind: str):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    info = eval(config.windows_version_info("1.2.3"), {name: record(name) for name in names})
    assert info["ffi"]["filevers"] == (1, 2, 3, 0) == info["ffi"]["prodvers"]
    tables = info["kids"][0]["args"][0]
    assert [table["args"][0] for table in tables] == ["080404b0", "040904b0"]
    strings = {item["args"][0]: item["args"][1] for item in tables[0]["args"][1]}
    assert strings["ProductName"] == "短信群发助手"
    assert strings["ProductVersion"] == "1.2.3" and strings["FileVersion"] == "1.2.3.0"
    assert strings["OriginalFilename"] == "sms-composer.exe"
    assert info["kids"][1]["args"][0][0]["args"] == ("Translation", [2052, 1200, 1033, 1200])


def test_launcher_reports_version_into_a_file_for_windowed_builds(tmp_path: Path) -> None:
    """A console-less Windows build has no stdout; SMS_COMPOSER_OUTPUT still gets the --version line."""
    out = tmp_path / "out.txt"
    env = {**os.environ, "SMS_COMPOSER_OUTPUT": str(out), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launcher.py"), "--version"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").strip() == f"sms-composer {gui.__version__}"


def test_ci_script_is_valid_bash_and_runs_both_checks() -> None:
    script = PACKAGING / "ci-bundle.sh"
    assert os.access(script, os.X_OK), "packaging/ci-bundle.sh must be executable"
    subprocess.run(["bash", "-n", str(script)], check=True, timeout=30)
    text = script.read_text(encoding="utf-8")
    assert '"$STEPS" version' in text and '"$0" "$1" smoke' in text  # the steps in packaging/ci_steps.py
    steps = (PACKAGING / "ci_steps.py").read_text(encoding="utf-8")
    assert '"--version"' in steps and '"--smoke-test"' in steps and '"sms-composer.spec"' in steps
