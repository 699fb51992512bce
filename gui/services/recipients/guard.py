"""Checks on an untrusted workbook before python-calamine reads it in this process.

calamine builds a whole sheet in memory: a dense grid from the first to the last row and the leftmost to the
rightmost column (32 bytes a cell), every shared-string cell as its own copy, and it aborts the process when an
allocation fails. So before it sees a file, one streaming pass over each worksheet's XML (constant memory,
one regex that matches only rare things) finds the grid's real extent and anything unusual. A workbook of the
usual shape (what Excel, WPS, openpyxl and XlsxWriter write) whose estimate fits the budget is read here; one
whose estimate is far too large is refused; anything the scan cannot vouch for (an unusual XML shape, .xls,
.xlsb, .ods) is first read in a child process with a memory and time limit (see `probe`).
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gui.services.recipients import errors

MEMORY_BUDGET = 700 * 1024 * 1024  # what calamine may take for one file; Python's share comes on top
REFUSE_FACTOR = 8  # an estimate this many times the budget is refused without a trial read
CELL_BYTES = 48  # one cell of the dense grid: calamine's 32 bytes and the row list's pointer when it is read
SPARSE_PER_XML_BYTE = 2  # calamine's cell list before the grid: ~40 bytes a cell, a cell is >= 20 bytes of XML
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # one part of the workbook, unpacked
MAX_TOTAL_BYTES = 768 * 1024 * 1024  # all parts, unpacked
MAX_RATIO = 200  # unpacked/packed of a large part: real sheets pack 5–20×, zip bombs thousands of times
RATIO_FLOOR = 4 * 1024 * 1024  # small parts may pack as well as they like
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
CHUNK = 1 << 22
EDGE = 1 << 16  # bytes kept from the start of a sheet's XML
# Sheets up to this size (unpacked XML, ~170,000 rows) are scanned cell by cell: 0.1–0.25 s at the most.
# Larger ones are checked against the range they declare in their head by one regex that fails at every
# honest cell (see `_within_declared`).
FULL_SCAN_BYTES = 32 * 1024 * 1024
TAIL = 64  # bytes of a chunk scanned again with the next one

# A row number beyond Excel's last row (1,048,576): seven digits above it, or eight and more.
_BEYOND_EXCEL = (rb"(?:1(?:0(?:4(?:8(?:5(?:7[7-9]|[89][0-9])|[6-9][0-9]{2})|9[0-9]{3})|[5-9][0-9]{4})"
                 rb"|[1-9][0-9]{5})|[2-9][0-9]{6}|[0-9]{8,})")
_REF = re.compile(rb"([A-Z]+)([0-9]+)")
_SHARED_ITEM = re.compile(rb"<si>.*?</si>", re.DOTALL)
# A formula cell saved without its value (by a program that does not calculate): calamine reads it as empty.
_UNCACHED_FORMULA = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)</c>')
_SHEET_TAG = re.compile(rb"<sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')


@dataclass
class Verdict:
    """`safe`: read it here; otherwise it needs the trial read in a child process (`reason` says why)."""

    safe: bool
    reason: str = ""
    estimate: int = 0
    # sheet name → (row, column) of formula cells without a saved value, both 1-based
    formulas: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class _SheetScan:
    """What one pass over a sheet's XML proved: its size, rightmost column and how many digits its rows have."""

    size: int = 0
    widest: int = 1
    digits: int = 1
    unusual: bool = False
    beyond: bool = False
    formulas: set[tuple[int, int]] = field(default_factory=set)
    last: tuple[bytes, bytes] = (b"A", b"1")  # the declared range's last column and row (large sheets)

    def pattern(self) -> re.Pattern[bytes]:
        """Only what would move a bound matches, so a normal sheet costs one failed comparison per cell: a
        column right of the widest so far, a row with more digits than any so far, a row beyond Excel's
        last, and a cell tag whose first attribute is not its reference (or that has none)."""
        wider = rb"[A-Z]{2,}" if self.widest >= 26 else rb"(?:[%c-Z]|[A-Z]{2,})" % (65 + self.widest)
        bigger = rb"[A-Z]+(?:" + _BEYOND_EXCEL + rb'"|[0-9]{%d})' % (self.digits + 1)
        return re.compile(rb'<c(?:>|/>|\s(?!r=")|\sr="(?=' + wider + rb"|" + bigger + rb"))")

    def seen(self, ref: bytes) -> None:
        match = _REF.match(ref)
        if match is None:
            self.unusual = True
            return
        self.widest = max(self.widest, column_number(match.group(1)))
        self.digits = max(self.digits, len(match.group(2)))
        self.beyond = self.beyond or int(match.group(2)) > EXCEL_ROWS


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def check_zip(path: Path) -> Verdict:
    """Judge a zip-based workbook; raise `RecipientsFileError` for one that must not be read at all."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise errors.corrupt(path, "zip") from error
    with archive:
        infos = archive.infolist()
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                raise errors.too_large_inside(path, info.file_size)
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise errors.zip_bomb(path)
        names = {info.filename for info in infos}
        sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        if not sheets:  # .ods, .xlsb or something stranger: the trial read decides
            return Verdict(False, "not_xlsx")
        try:
            shared = _shared_longest(archive, names)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
            raise errors.corrupt(path, "zip") from error
        parts = _sheet_parts(archive, names)
        estimate = 0
        formulas: dict[str, frozenset[tuple[int, int]]] = {}
        for name in sheets:
            try:
                scan = _scan_sheet(archive, name)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
                raise errors.corrupt(path, "zip") from error
            if scan.unusual:
                return Verdict(False, "unusual_sheet_xml")
            estimate = max(estimate, _estimate(path, scan, shared))
            if scan.formulas and name in parts:
                formulas[parts[name]] = frozenset(scan.formulas)
        if estimate > REFUSE_FACTOR * MEMORY_BUDGET:
            raise errors.too_large(path)
        if estimate > MEMORY_BUDGET:
            return Verdict(False, "large_estimate", estimate, formulas)
        return Verdict(True, estimate=estimate, formulas=formulas)


def _estimate(path: Path, scan: _SheetScan, shared: tuple[int, int] | None) -> int:
    if scan.beyond or scan.widest > EXCEL_COLUMNS:
        raise errors.out_of_bounds(path)
    # Rows are bounded by their digits (the scan saw the first row of each new length, not every row).
    rows = min(10 ** scan.digits - 1, EXCEL_ROWS)
    estimate = rows * scan.widest * CELL_BYTES + scan.size * SPARSE_PER_XML_BYTE
    if shared is not None:
        table, longest = shared
        # Each shared-string cell holds its own copy: at most one cell per 20 bytes of sheet XML.
        estimate += table * 2 + (scan.size // 20) * longest
    return int(estimate)


def _shared_longest(archive: zipfile.ZipFile, names: set[str]) -> tuple[int, int] | None:
    """(unpacked size, longest string in bytes) of the shared-strings table, or None without one."""
    name = "xl/sharedStrings.xml"
    if name not in names:
        return None
    size = archive.getinfo(name).file_size
    longest = 0
    tail = b""
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<si>")
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            # An item's XML (its text with any formatting runs) is at least as long as the text calamine keeps.
            for match in _SHARED_ITEM.finditer(text):
                longest = max(longest, match.end() - match.start())
            if len(tail) > CHUNK:  # one string longer than a chunk: count it as the whole table
                longest = max(longest, size)
                tail = b""
    for match in _SHARED_ITEM.finditer(tail):
        longest = max(longest, match.end() - match.start())
    return size, max(longest, 1)


_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]+[0-9]+(?::([A-Z]+)([0-9]+))?"')


def _scan_head(archive: zipfile.ZipFile, name: str) -> _SheetScan:
    """A large sheet: its declared range bounds the grid; without one, `unusual` (the caller scans every cell)."""
    with archive.open(name) as stream:
        head = stream.read(EDGE)
    scan = _SheetScan(size=archive.getinfo(name).file_size)
    match = _DIMENSION.search(head)
    if match is None or match.group(1) is None or b"<sheetData" not in head or b"<worksheet" not in head:
        scan.unusual = True
        return scan
    scan.seen(match.group(1) + match.group(2))
    scan.last = (match.group(1), match.group(2))
    return scan


def _scan_sheet(archive: zipfile.ZipFile, name: str) -> _SheetScan:
    if archive.getinfo(name).file_size <= FULL_SCAN_BYTES:
        return _scan_cells(archive, name)
    scan = _scan_head(archive, name)
    if scan.unusual:
        # No declared range (openpyxl's write-only mode and other streaming writers leave it out): scanned cell
        # by cell like a small sheet, about a third of calamine's read, rather than read first in a child.
        return _scan_cells(archive, name)
    if scan.beyond or scan.widest > EXCEL_COLUMNS or _within_declared(archive, name, scan.last):
        return scan  # judged by its range: refused, sent to the trial read, or vouched for cell by cell
    return _scan_cells(archive, name)  # a cell outside the declared range: find the real one


def _at_most(bound: bytes, low: int, high: int, first: int) -> bytes:
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


def _within_declared(archive: zipfile.ZipFile, name: str, last: tuple[bytes, bytes]) -> bool:
    """Whether every cell of a large sheet lies inside the range its head declares.

    One regex meets each `<c` and fails unless the reference right after it is inside the range, so an honest
    sheet costs one C-level comparison per cell (~0.25 s for 190 MB, about as much as inflating it).
    False: a cell outside the range or written in a way this check does not read — the exact scan decides.
    """
    columns = _at_most(last[0], ord("A"), ord("Z"), ord("A"))
    rows = _at_most(last[1], ord("0"), ord("9"), ord("1"))
    outside = re.compile(rb'<c(?=[\s>/])(?! r="(?:' + columns + rb")(?:" + rows + rb')")')
    # The exact pattern's alternations cost twice as much per cell, so a cheaper one filters first: columns
    # as one character class when the range is one letter wide, rows by having fewer digits than the last.
    # What it lets through (rows with as many digits as the last, ~5% of a million-row sheet) is checked
    # exactly.
    narrow = rb"[A-%c]" % last[0][0] if len(last[0]) == 1 else rb"(?:" + columns + rb")"
    shorter = rb"[1-9][0-9]{0,%d}" % (len(last[1]) - 2) if len(last[1]) > 1 else rb"(?!)"
    suspect = re.compile(rb'<c(?=[\s>/])(?! r="' + narrow + shorter + rb'")')
    carry = b""
    for chunk in _inflated(archive, name):
        text = carry + chunk
        cut = text.rfind(b"<")
        if cut < 0:
            cut = len(text)
        if _any_outside(text, cut, suspect, outside):
            return False
        carry = text[cut:]
        if len(carry) > CHUNK:
            return False  # megabytes without a tag: not what a sheet writer makes
    return not _any_outside(carry, len(carry), suspect, outside)


def _any_outside(text: bytes, end: int, suspect: re.Pattern[bytes], outside: re.Pattern[bytes]) -> bool:
    position = 0
    while (hit := suspect.search(text, position, end)) is not None:
        if outside.match(text, hit.start(), end) is not None:
            return True
        position = hit.start() + 2
    return False


def _inflated(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    # Inflating in a helper thread was tried: on two busy cores it gained nothing (the regex holds the GIL).
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def _scan_cells(archive: zipfile.ZipFile, name: str) -> _SheetScan:
    scan = _SheetScan()
    pattern = scan.pattern()
    head = b""
    carry = b""
    with archive.open(name) as stream:
        while not scan.unusual and (chunk := stream.read(CHUNK)):
            scan.size += len(chunk)
            if len(head) < EDGE:
                head += chunk[:EDGE]
            text = carry + chunk
            # The last bytes are looked at again with the next chunk: a reference may be cut there.
            limit = len(text) - TAIL if len(chunk) == CHUNK else len(text)
            position = 0
            while (match := pattern.search(text, position)) is not None and match.start() < limit:
                if not match.group(0).endswith(b'r="'):
                    scan.unusual = True  # a cell without its reference first: positions the scan cannot see
                    break
                scan.seen(text[match.end():match.end() + 16])
                pattern = scan.pattern()
                position = match.end()
            if b"<f" in chunk:  # only sheets with formulas pay for this
                for found in _UNCACHED_FORMULA.finditer(text, 0, limit):
                    scan.formulas.add((int(found.group(2)), column_number(found.group(1))))
            carry = text[max(limit, position):]
    if not scan.unusual and (b"<sheetData" not in head or b"<worksheet" not in head):
        scan.unusual = True  # prefixed tags (x:c…) would slip past the scan: let the trial read decide
    return scan


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Worksheet part (xl/worksheets/….xml) → the sheet's name, from the workbook and its relationships."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError):
        return {}
    targets: dict[bytes, str] = {}
    for tag in re.finditer(rb"<Relationship\b[^>]*>", relations):
        attributes = dict(_ATTRIBUTE.findall(tag.group(0)))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        targets[attributes.get(b"Id", b"")] = target if target.startswith("xl/") else "xl/" + target
    parts: dict[str, str] = {}
    for tag in _SHEET_TAG.finditer(workbook):
        attributes = {key.split(b":")[-1]: value for key, value in _ATTRIBUTE.findall(tag.group(0))}
        target = targets.get(attributes.get(b"id", b""))
        if target is not None:
            parts[target] = html.unescape(attributes.get(b"name", b"").decode("utf-8", "replace"))
    return parts
