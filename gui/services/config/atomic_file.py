"""Writing a file so that a crash never leaves half of it: a temporary file beside it, fsynced, then renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class ReplaceRefused(OSError):
    """The new content was complete but could not take `out`'s place (e.g. Excel holds `out` open on Windows).

    `__cause__` is the system's own error.
    """


def write_atomically(out: Path, write: Callable[[Path], None], *, suffix: str | None = None) -> Path:
    """Call `write(temporary path)`, then replace `out` in one step; on any error `out` is left as it was.

    The temporary file is `.{stem}-XXXX{suffix}` (suffix: `out`'s own unless given; writers may pick the format
    by it), the names `config.storage.remove_stale_temps` looks for. Errors creating the temporary file or writing
    it propagate as they are; a refused final rename raises ReplaceRefused.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}-",
                                         suffix=out.suffix if suffix is None else suffix)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        # The rename must not reach the disk before the data does, or a power cut leaves an empty file.
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        try:
            os.replace(temp, out)
        except OSError as error:
            raise ReplaceRefused(error.errno, error.strerror, str(out)) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out


def write_text_atomically(out: Path, text: str, *, suffix: str | None = None) -> Path:
    """`write_atomically` for UTF-8 text."""

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    return write_atomically(out, write, suffix=suffix)
