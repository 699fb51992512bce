"""Shared helpers for the packaging tests: the project root and packaging/bundle_config.py loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def load_module(name: str, path: Path) -> ModuleType:
    """Import a file from packaging/ by path: that folder must not become an importable `packaging`."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def bundle_config() -> ModuleType:
    return load_module("sms_bundle_config", PACKAGING / "bundle_config.py")


def render_icons() -> ModuleType:
    return load_module("sms_render_icons", PACKAGING / "render_icons.py")
