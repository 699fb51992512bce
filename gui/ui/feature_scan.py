"""Spare the app's modules PySide's source scan: PySide reads the source of each module imported after it to see
whether it might select a PySide `__feature__`; the app's own modules and the standard library never do."""

from __future__ import annotations

import sys
from collections.abc import MutableMapping, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

# PySide's default for a module: 0 ("no feature") for one that uses PySide, -1 ("ignore") for one that does not.
_USES_PYSIDE, _IGNORED = 0, -1


class _KnownModules:
    """An import finder that finds nothing: it only records the app's and the standard library's modules in PySide's table as they load."""

    def __init__(self, table: MutableMapping[str, int], package: str) -> None:
        self._table = table
        self._package = package + "."
        self._ui = package + ".ui"

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name.startswith(self._package) or name.partition(".")[0] in sys.stdlib_module_names:
            self.record(name)
        return None

    def record(self, name: str) -> None:
        uses_pyside = name == self._ui or name.startswith(self._ui + ".")
        self._table.setdefault(name, _USES_PYSIDE if uses_pyside else _IGNORED)

    def invalidate_caches(self) -> None:
        return None


def skip_feature_scan(package: str = "gui") -> bool:
    """Record `package`'s and the standard library's modules in PySide's feature table as they are imported.

    Returns False, changing nothing, where PySide keeps no such table (a PySide without the scan)."""
    try:
        import shiboken6  # noqa: F401  # sets up PySide's import hook and its `shibokensupport` modules
        from shibokensupport import feature  # type: ignore[import-not-found]  # made by shiboken at run time
    except ImportError:
        return False
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return False
    if any(isinstance(finder, _KnownModules) for finder in sys.meta_path):
        return True
    known = _KnownModules(table, package)
    for name in list(sys.modules):  # imported before PySide was: the scan would come at their next import
        if name == package or name.startswith(package + ".") or name.partition(".")[0] in sys.stdlib_module_names:
            known.record(name)
    sys.meta_path.insert(0, known)
    return True
