"""Whole-process wall times for the benchmarks, taken by a blocking wait for the process's exit.

`subprocess.run(..., timeout=...)` without pipes waits by polling, sleeping 1, 2, 4 … up to 50 ms between looks:
a process that ends at 170 ms is seen at 213 ms, one that ends at 116 ms at 163 ms. Its figures are rounded up
to the next look — by up to a third for a start-up of a tenth of a second."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from typing import IO


def timed_run(command: Sequence[str], *, env: Mapping[str, str], timeout: float,
              stdout: int | IO[bytes] | None = subprocess.DEVNULL, check: bool = True) -> float:
    """Run `command` to its end and return its wall time in seconds; killed after `timeout` seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(list(command), env=dict(env), stdout=stdout)
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        code = process.wait()  # waitpid without WNOHANG: returns the moment the process has ended
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - started
    if check and code != 0:
        raise subprocess.CalledProcessError(code, list(command))
    return elapsed
