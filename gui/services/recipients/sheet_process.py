"""One sheet of a large workbook read in a child process, its rows streamed back as flat blocks of cells.

python-calamine holds a whole sheet in memory and frees it in one call that holds the GIL (30–50 ms for a
million rows), and it cannot read or free a sheet in parts. Read in a child, the app's process never holds
that sheet: it gets the rows a block at a time over a pipe (blocking reads release the GIL; each block's
unpickling is a fraction of a millisecond), and a native abort, an allocation failure or a hang of calamine
kills only the child (memory and time limits as for the trial read in `probe`).

Protocol on the child's stdout: frames of a kind byte, a 4-byte length and a pickle (protocol 5). `M`: the
worksheets as (name, hidden); `H`: the sheet being read as (name, start or None, width); `C`: a block of
whole rows as one flat list of cells; `E`: the end. Errors are exit codes (3 password, 4 unreadable with a
short line on stderr, 5 out of memory) or a signal. The parent unpickles with `load_cells`, which knows
only the datetime types calamine yields: the child has read an untrusted file.
"""

from __future__ import annotations

import io
import pickle
import struct
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

from gui.domain.recipients import RecipientsFileError
from gui.services.recipients import errors
from gui.services.recipients.probe import CHILD_LIMITS, TIME_LIMIT

READ_FLAG = "--read-sheet"
# A sheet the pre-checks vouched for may take what an in-process read would; the rest get the trial read's cap.
VETTED_MEMORY_LIMIT = 2048 * 1024 * 1024
BLOCK_ROWS = 4_000
BLOCK_CELLS = 48_000  # fewer rows to a block on a wide sheet, so unpickling a block stays short
MAX_FRAME = 512 * 1024 * 1024  # no sheet part unpacks larger (guard.MAX_MEMBER_BYTES): a longer frame is a lie
_FRAME = struct.Struct("<cI")
_CELL_TYPES = frozenset({str, float, int, bool, type(None), date, datetime, time, timedelta})
_CLASSES: dict[tuple[str, str], type] = {("datetime", kind.__name__): kind for kind in (date, datetime, time, timedelta)}

# Runs with `python -I -c` (or the bundle's `READ_FLAG`): argv is PATH MEMORY_LIMIT SHEET LAST ROWS CELLS.
# SHEET "" reads the first visible worksheet, one named LAST after the others (the importer's first choice).
_CHILD = CHILD_LIMITS + r"""
import os
import pickle, queue, struct, threading
from itertools import chain, islice
import python_calamine as calamine
if os.name == "nt":
    import msvcrt
    msvcrt.setmode(1, os.O_BINARY)
# The descriptor, not sys.stdout: a windowed bundle may have no sys.stdout even with a pipe to write to.
out = open(1, "wb", closefd=False)
# Frames are written by a thread of their own, a few blocks ahead of the app's reading (a pipe holds 64 KB,
# less than one block): the next blocks are built while the app cleans the last one.
frames = queue.Queue(8)

def write():
    try:
        while (frame := frames.get()) is not None:
            out.write(frame)
            out.flush()
    except BaseException:
        os._exit(6)  # the app stopped reading (closed, cancelled): nothing to report

writer = threading.Thread(target=write, daemon=True)
writer.start()

def send(kind, value=None):
    data = pickle.dumps(value, protocol=5)
    frames.put(struct.pack("<cI", kind, len(data)) + data)

code = 0
try:
    book = calamine.CalamineWorkbook.from_path(sys.argv[1])
    metas = [m for m in book.sheets_metadata if m.typ == calamine.SheetTypeEnum.WorkSheet]
    shown = [m.name for m in metas if m.visible == calamine.SheetVisibleEnum.Visible]
    send(b"M", [(m.name, m.name not in shown) for m in metas])
    wanted = sys.argv[3] or next(iter(sorted(shown, key=lambda name: name == sys.argv[4])), None)
    if wanted in [m.name for m in metas]:
        sheet = book.get_sheet_by_name(wanted)
        start = sheet.start
        rows = iter(()) if start is None else sheet.iter_rows()
        first = next(rows, None)
        width = len(first) if first is not None else 0
        send(b"H", (wanted, start if first is not None else None, width))
        if first is not None:
            rows = chain([first], rows)
            step = max(1, min(int(sys.argv[5]), int(sys.argv[6]) // max(width, 1)))
            while block := list(chain.from_iterable(islice(rows, step))):
                send(b"C", block)
        send(b"E")
    frames.put(None)
    writer.join()
except MemoryError:
    code = 5
except calamine.PasswordError:
    code = 3
except BaseException as error:  # PanicException derives from BaseException
    text = str(error)
    try:  # a line of its own: a Rust panic prints its own lines first
        os.write(2, ("\n" + (text.splitlines()[0][:120] if text else type(error).__name__)).encode("utf-8"))
    except OSError:
        pass
    code = 4
os._exit(code)  # the sheet is not freed cell by cell: the system takes the memory back at once
"""


def run_child(arguments: list[str]) -> None:
    """The child's side, for a frozen bundle started with `READ_FLAG` and the child's arguments."""
    sys.argv = [sys.argv[0], *arguments]
    exec(compile(_CHILD, "<read-sheet>", "exec"), {"__name__": "__main__"})  # our own constant code, not input


class _CellUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _CLASSES.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a cell type")
        return found


def load_cells(data: bytes | bytearray) -> Any:
    """Unpickle a frame from the child; any class but the datetime types raises `pickle.UnpicklingError`."""
    return _CellUnpickler(io.BytesIO(data)).load()


def child_command(path: Path, sheet: str | None, last: str, memory_limit: int) -> list[str]:
    arguments = [str(path), str(memory_limit), sheet or "", last, str(BLOCK_ROWS), str(BLOCK_CELLS)]
    if getattr(sys, "frozen", False):  # the bundle's executable is the app: it runs the child on this flag
        return [sys.executable, READ_FLAG, *arguments]
    return [sys.executable, "-I", "-c", _CHILD, *arguments]


class SheetChild:
    """A child reading `sheet` of `path` (None: the first visible one, `last` after the others).

    `sheets` (name, hidden) is known once this returns; `header()` waits for the sheet to be read, `blocks()`
    yields it. Use it from one thread and close it there (or in a `with` block): `close` kills and reaps the
    child whatever it is doing. No data for `time_limit` seconds while waiting for it kills the child too
    (`reader_timeout`). `command` replaces the child (tests).
    """

    def __init__(self, path: Path, sheet: str | None = None, *, last: str = "", memory_limit: int = VETTED_MEMORY_LIMIT,
                 time_limit: float = TIME_LIMIT, command: Sequence[str] | None = None) -> None:
        import subprocess  # only when a large workbook is read apart
        import tempfile

        self.path = path
        self._time_limit = time_limit
        self._fed = threading.Event()
        self._waiting = False
        self._closed = False
        self._timed_out = False
        self._ended = False
        self._header: tuple[str, tuple[int, int] | None, int] | None = None
        # A file, not a pipe: a chatty child can never block on it. Closed in `close`.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._process = subprocess.Popen(
                list(command) if command is not None else child_command(path, sheet, last, memory_limit),
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._errors, bufsize=0)
        except OSError as error:  # cannot start a child at all: refuse rather than risk this process
            self._errors.close()
            raise errors.reader_crashed(path) from error
        self._out = cast(io.FileIO, self._process.stdout)  # unbuffered (bufsize=0): reads return what came
        self._watchdog = threading.Thread(target=self._watch, name="sheet-child-watchdog", daemon=True)
        self._watchdog.start()
        try:
            sheets = self._frame(b"M")
            if not isinstance(sheets, list) or not all(
                    type(item) is tuple and len(item) == 2 and type(item[0]) is str and type(item[1]) is bool
                    for item in sheets):
                raise self._lie()
            self.sheets: list[tuple[str, bool]] = sheets
        except BaseException:
            self.close()
            raise

    @property
    def pid(self) -> int:
        return self._process.pid

    def header(self) -> tuple[str, tuple[int, int] | None, int]:
        """(sheet name, (row, column) of its first cell or None when empty, cells per row), once read."""
        if self._header is None:
            header = self._frame(b"H")
            if not (type(header) is tuple and len(header) == 3 and type(header[0]) is str
                    and type(header[2]) is int and _is_start(header[1]) and (header[2] > 0) == (header[1] is not None)):
                raise self._lie()
            self._header = header
        return self._header

    def blocks(self) -> Iterator[list[Any]]:
        """The sheet's rows from spreadsheet row 1, whole rows of `width` cells to a flat list."""
        _, start, width = self.header()
        if start is None or self._ended:
            return
        while True:
            block = self._frame(b"C", b"E")
            if block is None:
                self._ended = True
                return
            if type(block) is not list or len(block) % width or not _CELL_TYPES.issuperset(map(type, block)):
                raise self._lie()
            yield block

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._fed.set()  # wakes the watchdog, which sees `_closed` and ends
        self._watchdog.join()
        self._out.close()
        self._errors.close()

    def __enter__(self) -> SheetChild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _watch(self) -> None:
        while not self._closed:
            if self._fed.wait(self._time_limit):
                self._fed.clear()
            elif self._waiting and not self._closed:
                self._timed_out = True
                self._process.kill()  # the blocked read then sees the pipe's end
                return

    def _frame(self, *kinds: bytes) -> Any:
        kind, size = _FRAME.unpack(self._read(_FRAME.size))
        if kind not in kinds or size > MAX_FRAME:
            raise self._lie()
        data = self._read(size)
        if kind == b"E":
            return None
        try:
            return load_cells(data)
        except Exception as error:  # UnpicklingError, EOFError, ValueError…: whatever a broken child wrote
            raise self._lie() from error

    def _read(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        got = 0
        self._waiting = True
        self._fed.set()  # the time limit counts from here, not from the last frame
        try:
            while got < size:
                count = self._out.readinto(view[got:])
                if not count:
                    raise self._failure()
                got += count
                self._fed.set()
        finally:
            self._waiting = False
            view.release()
        return buffer

    def _lie(self) -> RecipientsFileError:
        """The child wrote something the protocol does not allow: it is not trusted with anything more."""
        self._kill()
        return errors.reader_crashed(self.path)

    def _kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()

    def _failure(self) -> RecipientsFileError:
        """Why the child's output ended early, as the trial read (`probe`) reports it."""
        import subprocess

        try:
            code = self._process.wait(timeout=self._time_limit)
        except subprocess.TimeoutExpired:  # closed its output but runs on
            self._timed_out = True
            self._kill()
            code = -1
        if self._timed_out:
            return errors.reader_timeout(self.path, self._time_limit)
        if code == 3:
            return errors.password_protected(self.path)
        if code == 4:
            self._errors.seek(0)
            lines = self._errors.read(4096).decode("utf-8", "replace").strip().splitlines()
            detail = lines[-1] if lines else ""
            if "memory allocation" in detail or "capacity overflow" in detail:
                return errors.reader_crashed(self.path)
            return errors.corrupt(self.path, detail[:120])
        return errors.reader_crashed(self.path)  # 5, killed by a signal (an abort), or the output cut short


def _is_start(value: object) -> bool:
    return value is None or (type(value) is tuple and len(value) == 2 and all(type(n) is int for n in value))
