"""Map the text engine's str offsets (code points) onto Qt's UTF-16 positions, and mark them in an editor."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


def utf16_position(text: str, index: int) -> int:
    """The UTF-16 position of code point `index` in `text` (emoji and rare CJK take two units in Qt)."""
    index = max(0, min(index, len(text)))
    return len(text[:index].encode("utf-16-le")) // 2


def wave_underlines(
    editor: QPlainTextEdit | QTextEdit, spans: Iterable[tuple[int, int, str]]
) -> list[QTextEdit.ExtraSelection]:
    """Wave-underline ExtraSelections for each (start, end, colour) code-point span of the editor's text."""
    spans = list(spans)
    if not spans:
        return []  # the first paint's empty editor: the classes below cost PySide milliseconds to build
    from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

    text = editor.toPlainText()
    selections = []
    for start, end, color in spans:
        if end <= start:  # a zero-width problem (e.g. "missing here") still needs one visible character
            start, end = (start - 1, start) if start >= len(text) else (start, start + 1)
        first, last = utf16_position(text, start), utf16_position(text, end)
        if last <= first:
            continue
        cursor = QTextCursor(editor.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        char_format.setUnderlineColor(QColor(color))
        char_format.setBackground(QColor(color).lighter(190))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = char_format
        selections.append(selection)
    return selections
