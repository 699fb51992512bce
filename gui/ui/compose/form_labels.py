"""One label width for every form on the 内容 page, so the fields line up in one column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout

MAX_LABEL_WIDTH = 120  # a longer label (English) wraps onto two lines instead of pushing the fields off-screen


def align_form_labels(forms: Sequence[QFormLayout], width: int = 0) -> int:
    """Give every label of `forms` the widest label's width (at most MAX_LABEL_WIDTH); returns it.

    Call it once the style sheet has set the fonts (on first show): labels measured before are too narrow. A form
    added later is lined up by calling it again with the width returned: labels aligned before keep their wrapping
    (a wrapped label measures narrower than its text)."""
    # The forms are named, not found with findChildren: that wraps every descendant (Qt's internal widgets too) in
    # a Python object, building their classes — milliseconds of the window's first show.
    labels, fresh = [], []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                label = item.widget()
                labels.append(label)
                if label.minimumWidth() != label.maximumWidth():
                    fresh.append(label)
    width = max(width, min(max((label.sizeHint().width() for label in fresh), default=0) + 8, MAX_LABEL_WIDTH))
    for label in labels:
        if label in fresh:
            label.setWordWrap(label.sizeHint().width() > width)
        label.setMinimumWidth(width)
        label.setMaximumWidth(width)
    for form in forms:
        # A form on the hidden editor keeps the sizes it measured before the style sheet applied otherwise.
        form.invalidate()
    return width
