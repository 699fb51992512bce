"""The window's work in progress — the draft, the imported list and the page — kept on disk so nothing is lost.

Written atomically (a temporary file in the same folder, flushed, then renamed over the old one), so a crash
leaves either the previous state or the new one, never half a file. Never holds a secret: the draft is the
campaign file's JSON, the list is where it came from (not the numbers).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from gui.services.config.atomic_file import write_text_atomically
from gui.services.config.paths import database_path

if TYPE_CHECKING:  # not imported at run time: the window restores its session before its first paint
    from gui.domain.recipients import ImportResult

SESSION_FILENAME = "session.json"
FORMAT_VERSION = 1


class ListSource(NamedTuple):
    """Where the imported list came from and how it was read, with the file's size and time to notice changes."""

    file: str
    sheet: str | None = None
    header_row: int | None = None
    phone_column: str = ""
    size: int = -1
    mtime_ns: int = -1

    @classmethod
    def of(cls, imported: ImportResult) -> ListSource | None:
        """The source of an `ImportResult` read from a file (None for pasted numbers)."""
        file = imported.file
        if not file:
            return None
        try:
            stat = Path(file).stat()
            size, mtime = stat.st_size, stat.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        return cls(file=str(file), sheet=imported.sheet, header_row=imported.header_row,
                   phone_column=imported.phone_column, size=size, mtime_ns=mtime)

    def status(self) -> str:
        """'same', 'changed' (size or modification time differ) or 'missing'."""
        try:
            stat = Path(self.file).stat()
        except OSError:
            return "missing"
        return "same" if (stat.st_size, stat.st_mtime_ns) == (self.size, self.mtime_ns) else "changed"


class SessionState(NamedTuple):
    """`draft` is a campaign file's JSON object (type, every field, template and parameter sources)."""

    draft: dict[str, Any]
    recipients: ListSource | None = None
    page: int = 0
    name: str = ""


def session_path(base: Path | None = None) -> Path:
    """Beside the app database, so the sandbox keeps its own."""
    return (base or database_path().parent) / SESSION_FILENAME


def save_state(state: SessionState, path: Path | None = None) -> Path:
    path = path or session_path()
    data = {"version": FORMAT_VERSION, "draft": state.draft, "page": state.page, "name": state.name,
            "recipients": state.recipients._asdict() if state.recipients is not None else None}
    import json  # where a state is read or saved: a first start has none, and json costs ~1 ms to import

    text = json.dumps(data, ensure_ascii=False, indent=1)
    return write_text_atomically(path, text, suffix=".tmp")


def load_state(path: Path | None = None) -> SessionState | None:
    """The saved state, or None when there is none or it cannot be read (a fresh start, never an error)."""
    path = path or session_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    import json  # see save_state

    try:
        data = json.loads(text)
        recipients = data.get("recipients")
        return SessionState(
            draft=dict(data.get("draft") or {}),
            recipients=ListSource(**recipients) if isinstance(recipients, dict) else None,
            page=int(data.get("page", 0)),
            name=str(data.get("name", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None
