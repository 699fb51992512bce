"""Large worksheets: every cell's reference checked against a bound in one streamed pass, and formula lookups.

A sheet too large for the exact scan in `guard` is checked against a bound: the range it declares in its head,
or (when it declares none, as streaming writers do) the widest column of its first rows and Excel's last row.
The member is inflated on a helper thread (zlib releases the GIL) while this thread runs the regex over the
chunk before: with a free core the pass takes about as long as the regex alone (with none, as long as both).
"""

from __future__ import annotations

import queue
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Collection, Iterator
from types import TracebackType

CHUNK = 1 << 18  # small enough to reuse freed memory: 4 MB chunks cost a page fault every 4 KB
_READ = 1 << 16  # packed bytes read at a time
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature …, file name length, extra field length
_CELL_REF = re.compile(rb'<c r="([A-Z]+)[0-9]+"')
# A formula cell saved without its value (by a program that does not calculate): calamine reads it as empty.
UNCACHED_FORMULA = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)</c>')


class Inflated:
    """A member's XML in chunks of at most `CHUNK` bytes, inflated one chunk ahead on a helper thread.

    Use it in a `with` block: leaving early stops the helper. Members that are not plainly deflated or stored
    (encrypted, another method) are read through `zipfile` in this thread instead.
    """

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self._archive = archive
        self._info = archive.getinfo(name)
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=2)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Inflated:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop.set()  # a helper waiting to hand over a chunk gives up within 50 ms
        if self._thread is not None:
            self._thread.join()

    def __iter__(self) -> Iterator[bytes]:
        info = self._info
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
            with self._archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    yield chunk
            return
        self._thread = threading.Thread(target=self._inflate, name="inflate-sheet", daemon=True)
        self._thread.start()
        while (item := self._queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    def _hand_over(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _inflate(self) -> None:
        try:
            for chunk in self._chunks():
                if not self._hand_over(chunk):
                    return
            self._hand_over(None)
        except BaseException as error:  # handed to the reading thread, which raises it there
            self._hand_over(error)

    def _chunks(self) -> Iterator[bytes]:
        info = self._info
        path = self._archive.filename
        if path is None:
            raise zipfile.BadZipFile("the workbook has no file name")
        with open(path, "rb") as handle:
            handle.seek(info.header_offset)
            header = handle.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
                raise zipfile.BadZipFile("bad local file header")
            _signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
            handle.seek(name_length + extra_length, 1)
            left = info.compress_size
            inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
            while left > 0:
                packed = handle.read(min(left, _READ))
                if not packed:
                    raise EOFError("the workbook ends inside a part")
                left -= len(packed)
                if inflater is None:
                    yield packed
                    continue
                while packed:  # at most CHUNK bytes at a time, however well the data packs
                    chunk = inflater.decompress(packed, CHUNK)
                    packed = inflater.unconsumed_tail
                    if chunk:
                        yield chunk
            if inflater is not None:
                while not inflater.eof and (chunk := inflater.decompress(b"", CHUNK)):
                    yield chunk
                if not inflater.eof:
                    raise EOFError("a part of the workbook is cut short")


def at_most(bound: bytes, low: int, high: int, first: int) -> bytes:
    """A regex for the strings over [low-high] (not starting with a character below `first`) that sort at or
    below `bound` as numbers in that alphabet do: fewer characters, or as many and not greater."""
    def between(a: int, b: int) -> bytes:
        return rb"[%c-%c]" % (a, b)

    options = [re.escape(bound)]
    for index, character in enumerate(bound):
        floor = first if index == 0 else low
        if character > floor:
            options.append(re.escape(bound[:index]) + between(floor, character - 1)
                           + between(low, high) * (len(bound) - index - 1))
    if len(bound) > 1:
        options.append(between(first, high) + between(low, high) + b"{0,%d}" % (len(bound) - 2))
    return b"|".join(options)


def widest_column(head: bytes) -> bytes | None:
    """The rightmost column letters among the cell references in the head of a sheet, or None without any."""
    letters = {match.group(1) for match in _CELL_REF.finditer(head)}
    return max(letters, key=lambda text: (len(text), text)) if letters else None


def within(archive: zipfile.ZipFile, name: str, last: tuple[bytes, bytes]) -> bool:
    """Whether every cell of a sheet lies inside A1:`last` (column letters, row digits).

    One regex meets each `<c` and fails unless the reference right after it is inside the bound, so an honest
    sheet costs one C-level comparison per cell. False: a cell outside the bound or written in a way this
    check does not read (the exact scan decides).
    """
    columns = at_most(last[0], ord("A"), ord("Z"), ord("A"))
    rows = at_most(last[1], ord("0"), ord("9"), ord("1"))
    outside = re.compile(rb'<c(?=[\s>/])(?! r="(?:' + columns + rb")(?:" + rows + rb')")')
    # The exact pattern's alternations cost twice as much per cell, so a cheaper one filters first: columns
    # as one character class when the bound is one letter wide, rows by having fewer digits than the last.
    # What it lets through (rows with as many digits as the last; `<col`, `<cols>` in the head) is checked
    # exactly. Without a look-ahead after `<c` it runs ~15 % faster; with the row digits possessive (a quote
    # follows them, so giving one back can never help) ~5 % faster again.
    narrow = rb"[A-%c]" % last[0][0] if len(last[0]) == 1 else rb"(?:" + columns + rb")"
    shorter = rb"[1-9][0-9]{0,%d}+" % (len(last[1]) - 2) if len(last[1]) > 1 else rb"(?!)"
    suspect = re.compile(rb'<c(?! r="' + narrow + shorter + rb'")')
    carry = b""  # the chunk before's last tag, completed by the start of the next one
    with Inflated(archive, name) as chunks:
        for chunk in chunks:
            first = chunk.find(b"<")
            if first < 0:
                carry += chunk
                if len(carry) > CHUNK:
                    return False  # megabytes without a tag: not what a sheet writer makes
                continue
            edge = carry + chunk[:first]
            if _any_outside(edge, 0, len(edge), suspect, outside):
                return False
            cut = chunk.rfind(b"<")  # everything before the last tag is whole: scanned where it lies
            if _any_outside(chunk, first, cut, suspect, outside):
                return False
            carry = chunk[cut:]
    return not _any_outside(carry, 0, len(carry), suspect, outside)


def _any_outside(text: bytes, start: int, end: int, suspect: re.Pattern[bytes], outside: re.Pattern[bytes]) -> bool:
    position = start
    while (hit := suspect.search(text, position, end)) is not None:
        if outside.match(text, hit.start(), end) is not None:
            return True
        position = hit.start() + 2
    return False


def uncached_formulas(archive: zipfile.ZipFile, name: str, cells: Collection[tuple[int, int]]
                      ) -> set[tuple[int, int]]:
    """Which of `cells` ((row, column), 1-based) hold a formula saved without its value; one streamed pass,
    for a large sheet whose cells the exact scan did not see. Only chunks holding a formula are searched."""
    found: set[tuple[int, int]] = set()
    carry = b""
    with Inflated(archive, name) as chunks:
        for chunk in chunks:
            text = carry + chunk if carry else chunk
            # A cell never holds another: everything before the last cell's start is whole.
            cut = text.rfind(b"<c ")
            if cut < 0 or len(text) - cut > CHUNK:
                cut = len(text)
            _formulas_in(text, cut, cells, found)
            carry = text[cut:]
        _formulas_in(carry, len(carry), cells, found)
    return found


def _formulas_in(text: bytes, end: int, cells: Collection[tuple[int, int]], found: set[tuple[int, int]]) -> None:
    if text.find(b"<f", 0, end) < 0:
        return
    for match in UNCACHED_FORMULA.finditer(text, 0, end):
        place = (int(match.group(2)), column_number(match.group(1)))
        if place in cells:
            found.add(place)


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
