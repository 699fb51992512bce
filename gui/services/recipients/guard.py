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
from dataclasses import dataclass, field
from pathlib import Path

from gui.services.recipients import errors, large_sheet
from gui.services.recipients.large_sheet import UNCACHED_FORMULA, column_number

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
# Larger ones are checked against a bound — the range they declare in their head, or without one the widest
# column of their first rows and Excel's last row — by one regex that fails at every honest cell
# (`large_sheet.within`).
FULL_SCAN_BYTES = 32 * 1024 * 1024
TAIL = 64  # bytes of a chunk scanned again with the next one

# A row number beyond Excel's last row (1,048,576): seven digits above it, or eight and more.
_BEYOND_EXCEL = (rb"(?:1(?:0(?:4(?:8(?:5(?:7[7-9]|[89][0-9])|[6-9][0-9]{2})|9[0-9]{3})|[5-9][0-9]{4})"
                 rb"|[1-9][0-9]{5})|[2-9][0-9]{6}|[0-9]{8,})")
_REF = re.compile(rb"([A-Z]+)([0-9]+)")
_SHARED_ITEM = re.compile(rb"<si>.*?</si>", re.DOTALL)
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
    # sheet name → its part, for large sheets checked against a bound: their formulas are looked up on demand
    unscanned: dict[str, str] = field(default_factory=dict)


@dataclass
class _SheetScan:
    """What one pass over a sheet's XML proved: its size, rightmost column and how many digits its rows have."""

    size: int = 0
    widest: int = 1
    digits: int = 1
    unusual: bool = False
    beyond: bool = False
    formulas: set[tuple[int, int]] = field(default_factory=set)
    last: tuple[bytes, bytes] = (b"A", b"1")  # the bound's last column and row (large sheets)
    inferred: bool = False  # the bound comes from the first rows, not from a declared range
    bounded: bool = False  # judged by its bound, cell by cell, without looking at formulas

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
            if info.flag_bits & 0x1:  # zip encryption: not how Excel protects a workbook, and unreadable here
                raise errors.corrupt(path, "encrypted zip part")
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
        unscanned: dict[str, str] = {}
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
            if scan.bounded and name in parts:
                unscanned[parts[name]] = name
        if estimate > REFUSE_FACTOR * MEMORY_BUDGET:
            raise errors.too_large(path)
        if estimate > MEMORY_BUDGET:
            return Verdict(False, "large_estimate", estimate, formulas, unscanned)
        return Verdict(True, estimate=estimate, formulas=formulas, unscanned=unscanned)


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
    """A large sheet's bound: the range it declares, or without one (openpyxl's write-only mode and other
    streaming writers leave it out) the widest column of its first rows and Excel's last row."""
    with archive.open(name) as stream:
        head = stream.read(EDGE)
    scan = _SheetScan(size=archive.getinfo(name).file_size)
    if b"<sheetData" not in head or b"<worksheet" not in head:
        scan.unusual = True  # prefixed tags (x:c…): the exact scan sends it to the trial read
        return scan
    match = _DIMENSION.search(head)
    if match is not None and match.group(1) is not None:
        scan.last = (match.group(1), match.group(2))
    else:
        widest = large_sheet.widest_column(head[head.find(b"<sheetData"):])
        if widest is None:
            scan.unusual = True
            return scan
        scan.last, scan.inferred = (widest, str(EXCEL_ROWS).encode()), True
    scan.seen(scan.last[0] + scan.last[1])
    return scan


def _scan_sheet(archive: zipfile.ZipFile, name: str) -> _SheetScan:
    if archive.getinfo(name).file_size <= FULL_SCAN_BYTES:
        return _scan_cells(archive, name)
    scan = _scan_head(archive, name)
    if scan.unusual:
        return _scan_cells(archive, name)
    if scan.inferred and _grid(scan) > MEMORY_BUDGET:
        return _scan_cells(archive, name)  # Excel's last row is too loose a bound here: the exact one may fit
    if scan.beyond or scan.widest > EXCEL_COLUMNS:
        return scan  # refused by its declared range
    if large_sheet.within(archive, name, scan.last):
        scan.bounded = True
        return scan
    return _scan_cells(archive, name)  # a cell outside the bound: find the real extent


def _grid(scan: _SheetScan) -> int:
    rows: int = min(10 ** scan.digits - 1, EXCEL_ROWS)
    return rows * scan.widest * CELL_BYTES + scan.size * SPARSE_PER_XML_BYTE


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
                for found in UNCACHED_FORMULA.finditer(text, 0, limit):
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
