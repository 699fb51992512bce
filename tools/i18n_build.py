"""`python -m tools.i18n_build`: lupdate gui/ui/**.py into the zh_CN .ts, then lrelease it into the .qm.

The .ts is the translation source of truth: lupdate keeps existing translations and adds new strings as
"unfinished"; a test fails until every string has its Chinese text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from gui.services.config.paths import resources_dir

UI_DIR = Path(__file__).resolve().parents[1] / "gui" / "ui"
TS_FILE = resources_dir() / "i18n" / "sms_composer_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def _tool(name: str) -> str:
    """The pyside6 tool beside this interpreter (the venv's bin), else whatever is on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found; install PySide6 (pyside6-essentials)")
    return found


def python_sources() -> list[Path]:
    """Every .py under gui/ui/, sorted so the .ts is stable."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def update_ts(ts_file: Path = TS_FILE, sources: list[Path] | None = None) -> None:
    """Scan the sources into `ts_file`, keeping translations already there and dropping vanished strings."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in (sources or python_sources())]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", "zh_CN", "-ts", str(ts_file)],
        check=True, capture_output=True, text=True,
    )


def release(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    """Compile `ts_file` into `qm_file`."""
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True, capture_output=True, text=True,
    )


def messages(ts_file: Path = TS_FILE) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message in the .ts."""
    root = ET.parse(ts_file).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: message without <translation>"
            found.append((name, message.findtext("source", ""), translation))
    return found


def _translated(element: ET.Element) -> bool:
    forms = element.findall("numerusform")
    texts = [f.text or "" for f in forms] if forms else [element.text or ""]
    return element.get("type") not in {"unfinished", "vanished", "obsolete"} and all(t.strip() for t in texts)


def untranslated(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of every message still unfinished or empty."""
    return [(ctx, src) for ctx, src, tr in messages(ts_file) if not _translated(tr)]


def source_keys(ts_file: Path = TS_FILE) -> set[tuple[str, str]]:
    """The (context, source) pairs the .ts covers."""
    return {(ctx, src) for ctx, src, _ in messages(ts_file)}


def fill(translations: dict[str, str], ts_file: Path = TS_FILE) -> int:
    """Write `translations` (source text → Chinese) into every matching message; returns how many changed.

    For bulk work on new strings; Qt Linguist (`pyside6-linguist`) edits the same file interactively.
    """
    tree = ET.parse(ts_file)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if source not in translations or translation is None:
            continue
        text = translations[source]
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            for form in forms[1:]:  # Chinese has one plural form
                translation.remove(form)
            form = forms[0] if forms else ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
        translation.attrib.pop("type", None)
        changed += 1
    ET.indent(tree, space="    ")
    with open(ts_file, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return changed


def _read_tsv(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            source, text = line.split("\t", 1)
            pairs[source] = text
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    parser.add_argument("--fill", type=Path, metavar="TSV",
                        help="write translations from a 'source<TAB>Chinese' file into the .ts, then release")
    args = parser.parse_args(argv)
    if args.fill:
        print(f"filled {fill(_read_tsv(args.fill))} messages")
        release()
    elif not args.check:
        update_ts()
        release()
        print(f"updated {TS_FILE} and {QM_FILE}")
    missing = untranslated()
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
