"""The combo box's arrow is a PNG drawn from its SVG (`tools/arrow_pngs.py`): the two must not drift apart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from gui.ui.style import STYLESHEET
from tools.arrow_pngs import ARROWS, ICONS, draw


@pytest.mark.parametrize(("source", "target", "size"), ARROWS)
def test_each_png_is_its_svg_drawn_at_one_and_two_times(qapp, source: str, target: str, size: int) -> None:
    for scale, name in ((1, target), (2, target.replace(".png", "@2x.png"))):
        png = QImage(str(ICONS / name)).convertToFormat(QImage.Format.Format_ARGB32)
        drawn = draw(ICONS / source, size * scale).convertToFormat(QImage.Format.Format_ARGB32)
        assert png.width() == png.height() == size * scale
        assert png == drawn, f"{name} differs from {source}: run python -m tools.arrow_pngs"


def test_the_style_sheet_names_the_png_for_the_first_page_combo_boxes() -> None:
    rule = next(line for line in STYLESHEET.splitlines() if line.startswith("QComboBox::down-arrow"))
    assert "chevron-down-12.png" in rule and "width: 12px; height: 12px" in rule
