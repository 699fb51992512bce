"""A trial read of a workbook in a child process with a memory and time limit: a native abort kills only it."""

from __future__ import annotations

import sys
from pathlib import Path

from gui.services.recipients import errors

# Address space of the child: what calamine may take for the file, leaving the rest of the 1 GB a file may cost
# to the app and to the rows it keeps once it reads the file itself.
MEMORY_LIMIT = 640 * 1024 * 1024
TIME_LIMIT = 60.0  # seconds: a real workbook of 25 MB reads in a few

# The start of both readers' child scripts (this trial read's and `sheet_process`'s): argv[2] is the memory limit.
CHILD_LIMITS = """
import sys
limit = int(sys.argv[2])
try:
    import resource
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Two minutes of CPU at most: a child left spinning after its app has died (nobody to stop it) still ends.
    resource.setrlimit(resource.RLIMIT_CPU, (120, 120))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
except (ImportError, ValueError, OSError):
    pass  # Windows has no rlimits (and macOS may refuse RLIMIT_AS): the time limit and the separate process remain
"""

# Runs with `python -I -c`: no site packages on the path beyond the interpreter's, no environment hooks.
# Exit codes: 0 read, 3 password, 4 not a workbook calamine can read, 5 out of memory.
_CHILD = CHILD_LIMITS + """
try:
    import python_calamine as calamine
    workbook = calamine.CalamineWorkbook.from_path(sys.argv[1])
    for meta in workbook.sheets_metadata:
        if meta.typ == calamine.SheetTypeEnum.WorkSheet:
            for _row in workbook.get_sheet_by_name(meta.name).iter_rows():
                pass
except MemoryError:
    sys.exit(5)
except calamine.PasswordError:
    sys.exit(3)
except BaseException as error:  # PanicException derives from BaseException
    sys.stderr.write(str(error).splitlines()[0][:120] if str(error) else type(error).__name__)
    sys.exit(4)
"""


PROBE_FLAG = "--probe-workbook"


def run_child(arguments: list[str]) -> None:
    """The child's side, for a frozen bundle started with `PROBE_FLAG PATH LIMIT` (see packaging/launcher.py)."""
    sys.argv = [sys.argv[0], *arguments]
    exec(compile(_CHILD, "<probe>", "exec"), {"__name__": "__main__"})  # our own constant code, not input
    sys.exit(0)


def trial_read(path: Path, *, memory_limit: int = MEMORY_LIMIT, time_limit: float = TIME_LIMIT) -> None:
    """Read every worksheet of `path` in a child process; raise `RecipientsFileError` unless it succeeds.

    Used for workbooks the pre-checks in `guard` cannot vouch for, so the app's own process never meets a
    file that makes calamine abort, allocate without bound or hang.
    """
    import subprocess  # only for the files that need the trial read: most commands and imports never start one

    if getattr(sys, "frozen", False):  # the bundle's executable is the app: it runs the child on this flag
        command = [sys.executable, PROBE_FLAG, str(path), str(memory_limit)]
    else:
        command = [sys.executable, "-I", "-c", _CHILD, str(path), str(memory_limit)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=time_limit, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as error:
        raise errors.reader_timeout(path, time_limit) from error
    except OSError as error:  # cannot start a child at all: refuse rather than risk this process
        raise errors.reader_crashed(path) from error
    if done.returncode == 0:
        return
    if done.returncode == 3:
        raise errors.password_protected(path)
    if done.returncode == 4:
        detail = done.stderr.decode("utf-8", "replace").strip()
        if "memory allocation" in detail or "capacity overflow" in detail:
            raise errors.reader_crashed(path)
        raise errors.corrupt(path, detail[:120])
    raise errors.reader_crashed(path)  # 5, or killed by a signal (abort on a failed allocation)
