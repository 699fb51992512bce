"""What goes into the PyInstaller bundle: data files, hidden imports, exclusions and Windows version info.

Plain Python with no PyInstaller import, so packaging/sms-composer.spec and tests/packaging/ share one list.
Load it by path (this folder is not a package: an importable `packaging` would shadow the PyPI `packaging`
that PyInstaller itself needs).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Container, Iterable
from pathlib import Path

APP_ID = "cn.smscomposer.SmsComposer"
BUNDLE_NAME = "sms-composer"
DISPLAY_NAME_ZH = "短信群发助手"
DISPLAY_NAME_EN = "SMS Campaign Composer"

# resources/ sub-folders and suffixes that stay out of the bundle: README screenshots, translation sources,
# and the executable-only icon containers (the spec passes those to EXE/BUNDLE directly).
RESOURCE_SKIP_DIRS = frozenset({"screenshots"})
RESOURCE_SKIP_SUFFIXES = frozenset({".ts", ".ico", ".icns", ".pro", ".md"})

# Qt's own translations the app installs (standard buttons, dialogs). The app's language is Chinese with an
# English option, so every other language's catalogue is dropped from the bundle.
QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)
QT_TRANSLATION_LANGUAGES = ("zh_CN",)

# keyring discovers its backends through entry points; a frozen app without the modules (and the
# keyring dist-info, copied by the spec) silently falls back to keyring.backends.fail (jaraco/keyring#324,
# #591; pyinstaller#7053).
KEYRING_HIDDEN_IMPORTS = (
    "keyring.backends",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.macOS.api",
)
LINUX_HIDDEN_IMPORTS = (
    "secretstorage",
    "secretstorage.collection",
    "secretstorage.item",
    "secretstorage.dhcrypto",
    "secretstorage.util",
    "jeepney",
    "jeepney.io.blocking",
    "jeepney.bus_messages",
)
WINDOWS_HIDDEN_IMPORTS = ("win32ctypes.core",)

# Python modules the app never uses. The PySide6 entries keep whole Qt modules (and their plugins) out even if
# some library imports them; tests/packaging checks that gui/ imports none of them.
EXCLUDES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest",
    "pytest",
    "pytestqt",
    "_pytest",
    "setuptools",
    "pkg_resources",
    "PyInstaller",
    "IPython",
    "numpy",
    "PIL",
    "PyQt5",
    "PyQt6",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DCore", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DRender", "PySide6.QtBluetooth", "PySide6.QtCharts",
    "PySide6.QtConcurrent", "PySide6.QtDataVisualization", "PySide6.QtDesigner", "PySide6.QtGraphs",
    "PySide6.QtHelp", "PySide6.QtHttpServer", "PySide6.QtLocation", "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets", "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtNfc", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPositioning",
    "PySide6.QtPrintSupport", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtQuickWidgets", "PySide6.QtRemoteObjects",
    "PySide6.QtScxml", "PySide6.QtSensors", "PySide6.QtSerialBus", "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio", "PySide6.QtSql", "PySide6.QtStateMachine", "PySide6.QtTest",
    "PySide6.QtTextToSpeech", "PySide6.QtUiTools", "PySide6.QtWebChannel", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.QtXml",
)

# Shared libraries and Qt plugins that Qt's plugin collection drags in although the app doesn't use them:
# the PDF image plugin pulls QtPdf, the virtual keyboard pulls QML and Quick. Each rule is lifted when the
# app really imports the PySide6 module named in the key (None: never needed).
BINARY_SKIP_RULES: dict[str | None, tuple[str, ...]] = {
    "QtPdf": ("Qt6Pdf", "imageformats/libqpdf", "imageformats/qpdf"),
    "QtQml": ("Qt6Qml",),
    "QtQuick": ("Qt6Quick",),
    "QtNetwork": ("Qt6Network", "plugins/tls/", "plugins/networkinformation/"),
    None: (
        "Qt6VirtualKeyboard",
        "qtvirtualkeyboard",
        # Embedded-device platforms and input plugins; desktops use xcb or wayland (offscreen for tests).
        *(f"plugins/platforms/libq{name}." for name in ("eglfs", "linuxfb", "vnc", "minimal", "minimalegl")),
        "plugins/platforms/libqvkkhrdisplay.",
        "plugins/egldeviceintegrations/",
        "plugins/generic/",
        "Qt6EglFSDeviceIntegration",
        "Qt6EglFsKmsSupport",
        # The GTK3 platform theme would bundle the build machine's whole GTK stack (about 25 MB) and load
        # it next to the user's own GTK modules; the app draws its own style instead.
        "plugins/platformthemes/libqgtk3.",
        *(
            f"/lib{name}"
            for name in (
                "gtk-3.", "gdk-3.", "gdk_pixbuf-2.0.", "atk-1.0.", "atk-bridge-2.0.", "atspi.", "cairo.",
                "cairo-gobject.", "pango-1.0.", "pangocairo-1.0.", "pangoft2-1.0.", "epoxy.", "fribidi.",
                "thai.", "datrie.", "graphite2.", "harfbuzz.", "pixman-1.", "jpeg.", "Xcomposite.",
                "Xdamage.", "Xi.", "Xinerama.", "Xcursor.", "Xrandr.", "gio-2.0.", "gobject-2.0.",
                "gmodule-2.0.", "mount.", "blkid.", "selinux.",
            )
        ),
    ),
}


def project_version(root: Path) -> str:
    """The version in pyproject.toml: the one number the bundle, --version and the Windows metadata show."""
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """(source file, bundle folder) pairs for everything under resources/ that the running app may read.

    Whole folders are listed file by file, so the tests can see exactly what ships; the bundle keeps the
    source tree's layout (`<_MEIPASS>/resources/...`), which is what `gui.services.config.paths.resources_dir()`
    expects when frozen.
    """
    resources = root / "resources"
    pairs: list[tuple[str, str]] = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        relative = path.relative_to(resources)
        if relative.parts[0] in RESOURCE_SKIP_DIRS or path.suffix.lower() in RESOURCE_SKIP_SUFFIXES:
            continue
        pairs.append((str(path), str(Path("resources") / relative.parent)))
    return pairs


def qt_translation_datas(translations_dir: Path) -> list[tuple[str, str]]:
    """Qt's own catalogues, placed where PySide6's QLibraryInfo looks inside the bundle."""
    destination = str(Path("PySide6") / "Qt" / "translations")
    return [(str(translations_dir / name), destination) for name in QT_TRANSLATIONS]


def hidden_imports(platform: str = sys.platform) -> list[str]:
    """Modules imported only dynamically (keyring's backends and what they load) for one target platform."""
    names = list(KEYRING_HIDDEN_IMPORTS)
    if platform.startswith("linux") or "bsd" in platform:
        names += LINUX_HIDDEN_IMPORTS
    elif platform == "win32":
        names += WINDOWS_HIDDEN_IMPORTS
    return names


def console_for(platform: str = sys.platform) -> bool:
    """Whether the executable is a console program.

    Windows and macOS get a windowed build (no black console window, a proper .app); packaging/launcher.py
    then finds somewhere to print --version and the smoke report. Linux ELF files have no such flag, so
    the Linux build stays a console program and prints normally from a terminal.
    """
    return not (platform == "win32" or platform == "darwin")


def keep_binary(destination: str, imported_qt: Container[str] = frozenset()) -> bool:
    """False for a library or plugin in BINARY_SKIP_RULES whose Qt module (e.g. "QtPdf") isn't imported."""
    normalised = "/" + destination.replace("\\", "/")
    for module, parts in BINARY_SKIP_RULES.items():
        if module not in imported_qt and any(part in normalised for part in parts):
            return False
    return True


def keep_data(destination: str) -> bool:
    """False for Qt translation catalogues of languages the app doesn't offer."""
    normalised = destination.replace("\\", "/")
    if "/Qt/translations/" not in normalised or not normalised.endswith(".qm"):
        return True
    return any(normalised.endswith(f"_{language}.qm") for language in QT_TRANSLATION_LANGUAGES)


def filter_toc(entries: Iterable[tuple[str, str, str]], keep: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    """The PyInstaller TOC entries (destination, source, kind) whose destination `keep` accepts."""
    return [entry for entry in entries if keep(entry[0])]


def windows_version_info(version: str) -> str:
    """The text of a PyInstaller VSVersionInfo file (the file properties Windows Explorer shows)."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    four = tuple(numbers)
    dotted = ".".join(str(n) for n in four)
    strings = {
        "CompanyName": DISPLAY_NAME_EN,
        "FileDescription": f"{DISPLAY_NAME_ZH} · {DISPLAY_NAME_EN}",
        "FileVersion": dotted,
        "InternalName": BUNDLE_NAME,
        "LegalCopyright": f"© {DISPLAY_NAME_EN} contributors",
        "OriginalFilename": f"{BUNDLE_NAME}.exe",
        "ProductName": DISPLAY_NAME_ZH,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # Two string tables: 0804 (Simplified Chinese, code page 1200 = UTF-16) and 0409 (US English).
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{string_structs}]),
      StringTable('040904b0', [
{string_structs}])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200, 1033, 1200])])
  ]
)
"""
