"""Linux desktop integration: the .desktop entry and the AppStream metainfo are valid and agree."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from tests.packaging.bundle import PACKAGING, ROOT, bundle_config

config = bundle_config()
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{config.APP_ID}.desktop"
METAINFO = LINUX / f"{config.APP_ID}.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_installed_command_with_the_app_icon() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == config.BUNDLE_NAME and config.BUNDLE_NAME in scripts
    assert entry["Icon"] == config.APP_ID
    assert entry["Name"] == config.DISPLAY_NAME_EN
    assert entry["Name[zh_CN]"] == config.DISPLAY_NAME_ZH
    assert entry["Comment[zh_CN]"] and entry["Comment"]
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


def test_metainfo_is_well_formed_with_the_app_id() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == config.APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name and DESKTOP.is_file()
    names = {el.get(XML_LANG): el.text for el in root.findall("name")}
    assert names == {None: config.DISPLAY_NAME_EN, "zh-CN": config.DISPLAY_NAME_ZH}
    summaries = {el.get(XML_LANG) for el in root.findall("summary")}
    assert summaries == {None, "zh-CN"}
    paragraphs = {el.get(XML_LANG) for el in root.iterfind("description/p")}
    assert paragraphs == {None, "zh-CN"}
    assert root.findtext("provides/binary") == config.BUNDLE_NAME
    assert root.findtext("icon") == config.APP_ID
    releases = [el.get("version") for el in root.iterfind("releases/release")]
    assert releases[0] == config.project_version(ROOT), "add a <release> for the new version"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli not installed")
def test_metainfo_validates_with_appstreamcli() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_script_covers_every_icon_size() -> None:
    script = (LINUX / "install-desktop.sh").read_text(encoding="utf-8")
    sizes = sorted(int(p.stem.split("-")[1]) for p in (ROOT / "resources" / "icons").glob("app-*.png"))
    assert f"for size in {' '.join(map(str, sizes))}; do" in script
    assert f"app_id={config.APP_ID}" in script
    subprocess.run(["bash", "-n", str(LINUX / "install-desktop.sh")], check=True, timeout=30)
