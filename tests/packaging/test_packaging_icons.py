"""The app icon: the SVG source, the PNG sizes, and the ICO/ICNS containers made from them."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from tests.packaging.bundle import ICONS, render_icons

icons = render_icons()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(declared size, image bytes) for each image of a .ico file."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        assert width == height
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def icns_entries(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, pos = [], 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        entries.append((kind, data[pos + 8 : pos + length]))
        pos += length
    assert pos == len(data)
    return entries


def test_svg_source_is_square_and_uses_the_brand_green() -> None:
    root = ET.parse(ICONS / "app.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert "#07C160" in (ICONS / "app.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("size", icons.PNG_SIZES)
def test_png_exists_with_its_size(size: int) -> None:
    assert png_size((ICONS / f"app-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_every_windows_size() -> None:
    entries = ico_entries((ICONS / "app.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 32, 48, 64, 128, 256]
    for size, image in entries:
        assert png_size(image) == (size, size)


def test_icns_holds_every_macos_size() -> None:
    entries = icns_entries((ICONS / "app.icns").read_bytes())
    assert [kind for kind, _ in entries] == [kind for kind, _ in icons.ICNS_TYPES]
    for (kind, image), (_, size) in zip(entries, icons.ICNS_TYPES, strict=True):
        assert png_size(image) == (size, size), kind


def test_rendering_draws_the_green_bubble_on_a_white_tile(qapp) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage.fromData(icons.render_png(ICONS / "app.svg", 64))
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 0).alpha() == 0  # transparent outside the rounded tile
    assert image.pixelColor(8, 56) == QColor("#FFFFFF")  # the tile
    bubble = image.pixelColor(16, 20)
    assert bubble.green() > 180 and bubble.red() < 60 and bubble.blue() < 140  # WeChat green
    assert image.pixelColor(32, 29) == QColor("#FFFFFF")  # the middle dot


def test_containers_round_trip_what_was_rendered() -> None:
    pngs = {16: PNG_MAGIC + b"\0\0\0\rIHDR" + struct.pack(">II", 16, 16), 256: PNG_MAGIC + b"x" * 40}
    assert ico_entries(icons.ico_bytes(pngs)) == [(16, pngs[16]), (256, pngs[256])]
