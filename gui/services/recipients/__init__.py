"""Reading recipients files: spreadsheets, CSV, TXT and pasted text, with detection and a report."""

from __future__ import annotations

from gui.services.recipients.importer import import_pasted_text, import_recipients

__all__ = ["import_pasted_text", "import_recipients"]
