"""Odd and broken recipients files built on the fly (no binaries checked in): raw workbook parts, CSVs, text."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}{shared}</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def cell(ref: str, value: object) -> str:
    """One cell: a number, an inline string, or (for a `("s", index)` tuple) a shared-string reference."""
    if isinstance(value, tuple):
        return f'<c r="{ref}" t="s"><v>{value[1]}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_xml(rows: Iterable[str] | str, dimension: str | None = None) -> bytes:
    body = rows if isinstance(rows, str) else "".join(rows)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}" '
            f'xmlns:r="{REL_NS}">{dim}<sheetData>{body}</sheetData></worksheet>').encode()


def row_xml(number: int, cells: Iterable[tuple[str, object]]) -> str:
    return f'<row r="{number}">' + "".join(cell(ref, value) for ref, value in cells) + "</row>"


def raw_xlsx(path: Path, sheets: list[tuple[str, bytes]] | bytes, *, shared: list[str] | bytes | None = None,
             states: dict[str, str] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A workbook written part by part, so its XML can be anything a test needs (lies included)."""
    if isinstance(sheets, bytes):
        sheets = [("Sheet1", sheets)]
    states = states or {}
    entries = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"'
        + (f' state="{states[name]}"' if name in states else "") + "/>"
        for i, (name, _xml) in enumerate(sheets, start=1)
    )
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" '
                f'xmlns:r="{REL_NS}"><sheets>{entries}</sheets></workbook>')
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                     f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    shared_override = (
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        if shared is not None else ""
    )
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides, shared=shared_override))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for i, (_name, xml) in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            if isinstance(shared, list):
                items = "".join(f"<si><t>{text}</t></si>" for text in shared)
                shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" '
                          f'count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>').encode()
            archive.writestr("xl/sharedStrings.xml", shared)
    return path


def phone_rows(count: int, start: int = 2, column: str = "A") -> list[str]:
    """A header row and `count` valid numbers below it."""
    rows = [row_xml(1, [(f"{column}1", "手机号")])]
    rows += [row_xml(i, [(f"{column}{i}", 13800000000 + i)]) for i in range(start, start + count)]
    return rows


def patch_declared_size(path: Path, size: int) -> Path:
    """Make the central directory claim every member unpacks to `size` bytes (the data stays tiny)."""
    data = bytearray(path.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position != -1:
        data[position + 24:position + 28] = size.to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))
    return path

