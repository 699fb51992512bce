"""`python -m tools.arrow_pngs`: draw the combo box's arrow SVG as the PNGs the style sheet uses (1× and @2x).

The first page's combo boxes show this arrow: as an SVG it would load Qt's SVG module and plugins before the
first paint (~1.4 ms of a cold start); a PNG drawn by the same engine looks the same, pixel for pixel."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
# (source SVG, PNG drawn from it, size in px at 1×): the style sheet names the PNG; Qt picks the @2x on HiDPI.
ARROWS = (("chevron-down.svg", "chevron-down-12.png", 12),)


def draw(svg: Path, size: int) -> QImage:
    """The SVG drawn by Qt's icon engine at `size` px, as the style sheet draws it."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    return QIcon(str(svg)).pixmap(QSize(size, size)).toImage()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - drawing needs an application
    for source, target, size in ARROWS:
        for scale, suffix in ((1, ""), (2, "@2x")):
            path = ICONS / target.replace(".png", f"{suffix}.png")
            if not draw(ICONS / source, size * scale).save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return 1
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
