"""Benchmarks run only under `make bench` (SMS_COMPOSER_BENCH=1), never as part of the test suite."""

import os

if not os.environ.get("SMS_COMPOSER_BENCH"):
    collect_ignore_glob = ["test_*.py", "bench_*.py"]


if os.environ.get("SMS_COMPOSER_BENCH"):
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    # What the window imports later on its path (on the GUI thread or on the pool): the app's modules and the
    # libraries it loads lazily.
    LAZY_IMPORTS = ("httpx", "keyring", "openpyxl", "python_calamine", "xlsxwriter", "sqlite3", "gui.services.sending.engine",
                    "gui.services.sending.runner", "gui.services.api.client", "gui.services.api.landing_check",
                    "gui.services.recipients.importer", "gui.services.simulator.sandbox")

    @pytest.fixture(scope="session", autouse=True)
    def bytecode_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
        """Byte-code cached, as an installed or packaged app has it. A shell with PYTHONDONTWRITEBYTECODE would
        otherwise make every lazy import compile its source, and compile() holds the GIL for tens of
        milliseconds at a time: a freeze of the window that no installed app has."""
        prefix = tmp_path_factory.mktemp("pycache")
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(prefix)
        root = Path(__file__).resolve().parents[2]
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "gui")], env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=600)
        subprocess.run([sys.executable, "-c", "import importlib, sys\nfor name in sys.argv[1:]:\n"
                        "    try:\n        importlib.import_module(name)\n    except ImportError:\n        pass",
                        *LAZY_IMPORTS], env=env, check=True, cwd=root, timeout=600)
        sys.pycache_prefix = str(prefix)
        sys.dont_write_bytecode = False
