"""`python -m tools.layout_check [--shots DIR]`: walk every page of the sample window at 1366×768 logical
pixels and print, as JSON lines, each label or button whose text is cut off, wider than its widget, hidden
under another widget, or a window that does not fit. Set QT_SCALE_FACTOR for 125 %, 150 %, 200 % displays.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

SCREEN = (1366, 768)  # the smallest common office screen, in logical pixels
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _plain(text: str, *, button: bool) -> str:
    if TAG.search(text):
        text = TAG.sub("", text.replace("<br>", "\n").replace("<br/>", "\n")).replace("&nbsp;", " ")
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if button:
        text = re.sub(r"&(.)", r"\1", text)  # mnemonics: "&&" shows "&", "&S" shows "S"
    return text


def _name(widget: Any) -> str:
    parts = []
    while widget is not None and len(parts) < 3:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def text_problems(window: Any, checked: list[str] | None = None) -> list[dict[str, Any]]:
    """Every visible QLabel and QPushButton of `window` whose text does not fit where it is drawn.

    `checked`, when given, collects the name of every widget looked at (so a caller can tell that the
    walk really saw the page).
    """
    from PySide6.QtWidgets import QLabel, QPushButton

    found: list[dict[str, Any]] = []
    hint = window.minimumSizeHint()
    if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
        found.append({"widget": "window", "problem": f"needs at least {hint.width()}×{hint.height()}"})
    for widget in [*window.findChildren(QLabel), *window.findChildren(QPushButton)]:
        if not widget.isVisibleTo(window) or widget.visibleRegion().isEmpty():
            continue  # on another page, collapsed, or scrolled out of view
        is_button = isinstance(widget, QPushButton)
        text = _plain(widget.text(), button=is_button)
        if not text.strip():
            continue
        if checked is not None:
            checked.append(_name(widget))
        metrics = widget.fontMetrics()
        width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        problem = ""
        if is_button:
            # The style's own size (text, icon, stylesheet padding and border) is the least it can show.
            need = widget.sizeHint().width()
            if need > widget.width():
                problem = f"button text needs {need} px, has {widget.width()}"
        elif widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                problem = f"wrapped text needs {need} px of height, has {widget.height()}"
        else:
            room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() * (widget.indent() > 0)
            if width > room:
                problem = f"text is {width} px wide, room for {room}"
        visible = widget.visibleRegion().boundingRect()
        if not problem and visible.width() < widget.width() - 1:
            problem = f"only {visible.width()} of {widget.width()} px visible (clipped or covered)"
        if problem:
            found.append({"widget": _name(widget), "text": text[:60], "problem": problem})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.layout_check", description=__doc__)
    parser.add_argument("--shots", type=Path, help="also save one PNG per page into this folder")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--size", default=f"{SCREEN[0]}x{SCREEN[1]}", help="window size, e.g. 1024x768")
    args = parser.parse_args(argv)
    size = tuple(int(part) for part in args.size.lower().split("x"))

    from tools.screenshots import _wait, sample_window

    app, window, simulator = sample_window(args.lang, size=size)
    from gui.ui.workers import wait_for_background as drain

    pages = ("compose", "recipients", "review", "history", "settings")
    report: list[dict[str, Any]] = []
    checked: dict[str, int] = {}
    try:
        review = window.review
        review.batch_size = 2
        for index, name in enumerate(pages):
            window.show_step(index)
            if name == "review":
                _wait(app, lambda: review.plan is not None and review.landing is not None)
            if name == "history":
                _wait(app, lambda: window.history.model.rowCount() > 0)
                window.history.table.selectRow(0)
                _wait(app, lambda: window.history.numbers.model.rowCount() > 0)
            drain(10000)
            for _ in range(5):
                app.processEvents()
            seen: list[str] = []
            for problem in text_problems(window, seen):
                report.append({"page": name, **problem})
            checked[name] = len(seen)
            if args.shots:
                args.shots.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(args.shots / f"{name}.png"))
            if name == "review":
                review.confirm = lambda text: True
                review.send()
                _wait(app, lambda: review.panel.last_result is not None, 20.0)
                seen = []
                for problem in text_problems(window, seen):
                    report.append({"page": "send-finished", **problem})
                checked["send-finished"] = len(seen)
                if args.shots:
                    window.grab().save(str(args.shots / "send-finished.png"))
        size = window.size()
        print(json.dumps({"window": [size.width(), size.height()], "ratio": window.devicePixelRatio(),
                          "font": window.font().families(), "checked": checked, "problems": report}, ensure_ascii=False))
    finally:
        window.close()
        simulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
