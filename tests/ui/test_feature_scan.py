"""The app's and the standard library's modules skip PySide's source scan, and a module that uses PySide still
gets the value the scan would give it."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, sys
import gui.ui  # PySide's hook and the app's finder: the modules PySide itself imports are scanned before
from shibokensupport import feature
scanned = []
original = feature._mod_uses_pyside
def spy(module):
    scanned.append(module.__name__)
    return original(module)
feature._mod_uses_pyside = spy
import gui.ui.main_window  # the window's start-up imports, with the finder in place
import gui.ui.recipients.page, gui.ui.history.page  # and pages built later
mine = {name: value for name, value in feature.pyside_feature_dict.items() if name.startswith("gui")}
expected = {name: (0 if original(sys.modules[name]) else -1) for name in mine if name in sys.modules}
print(json.dumps({"scanned": scanned, "mine": mine, "expected": expected}))
"""


def _probe() -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_module_of_the_app_or_the_standard_library_is_scanned() -> None:
    result = _probe()
    scanned = result["scanned"]
    assert isinstance(scanned, list)
    stdlib = sys.stdlib_module_names
    assert [name for name in scanned if name.startswith("gui") or name.partition(".")[0] in stdlib] == []
    assert len(result["mine"]) > 40  # the finder saw the window's modules


def test_a_module_that_uses_pyside_gets_what_the_scan_would_have_given() -> None:
    # 0 ("no feature") for a module whose source names PySide6; the scan gives -1 ("ignore") to the rest. A gui.ui
    # module that names no PySide class is recorded as 0 too: that matters only for a module that calls PySide.
    result = _probe()
    mine, expected = result["mine"], result["expected"]
    assert isinstance(mine, dict) and isinstance(expected, dict)
    uses_pyside = sorted(name for name, value in expected.items() if value == 0)
    assert len(uses_pyside) > 30
    assert {name: mine[name] for name in uses_pyside} == {name: 0 for name in uses_pyside}
    assert all(mine[name] == -1 for name in expected if not name.startswith("gui.ui"))
