"""Real recipients files for the tests: .xlsx via openpyxl, .xls via xlwt, a hand-made .ods, CSVs, broken files."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import xlwt

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """One workbook; each sheet's rows start at A1 (None leaves a cell empty)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for values in rows:
            sheet.append(list(values))
    workbook.save(path)
    return path


def xls(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """A legacy Excel 97–2003 workbook, as older office software and some CRMs still export."""
    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for row_index, values in enumerate(rows):
            for column_index, value in enumerate(values):
                if value is not None:
                    sheet.write(row_index, column_index, value)
    workbook.save(str(path))
    return path


def csv_bytes(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def ods(path: Path, rows: Iterable[Sequence[object]], sheet: str = "名单") -> Path:
    """A minimal but valid OpenDocument spreadsheet (numbers as float cells, the rest as strings)."""
    body = []
    for values in rows:
        cells = []
        for value in values:
            if isinstance(value, int | float):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                             f"<text:p>{value}</text:p></table:table-cell>")
            elif value is None:
                cells.append("<table:table-cell/>")
            else:
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                             "</text:p></table:table-cell>")
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">'
        + "".join(body)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def encrypted_ooxml(path: Path) -> Path:
    """What Excel writes for a password-protected .xlsx: an OLE compound file with an EncryptedPackage stream."""
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")  # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version 3: 512-byte sectors
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")  # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")
    directory = bytearray(512)
    for index, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = index * 128
        directory[entry:entry + len(encoded)] = encoded
        directory[entry + 64:entry + 66] = len(encoded).to_bytes(2, "little")
    path.write_bytes(bytes(header) + bytes(directory) + bytes(1024))
    return path


def read_back(path: Path, sheet: str | None = None) -> list[list[object]]:
    """Every row of a sheet as values (openpyxl, normal mode)."""
    workbook = openpyxl.load_workbook(path)
    try:
        ws = workbook[sheet] if sheet else workbook.worksheets[0]
        return [list(row) for row in ws.iter_rows(values_only=True)]
    finally:
        workbook.close()
