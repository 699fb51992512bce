"""The simulator in a child process (as the real platform is), for benchmarks that must not share our GIL."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def simulator_process(*options: str) -> Iterator[str]:
    """Start `sms-composer simulator --port 0 OPTIONS…` and yield its base URL; stop it afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "simulator", "--port", "0", *options],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base_url = ""
        assert process.stdout is not None
        for line in process.stdout:
            found = re.search(r"base URL\s*:\s*(\S+)", line)
            if found:
                base_url = found.group(1)
                break
        assert base_url, "the simulator did not print its base URL"
        yield base_url
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
