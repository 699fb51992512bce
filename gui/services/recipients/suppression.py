"""The 退订名单 (suppression list): numbers never to be sent to, kept in the app's SQLite database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gui.domain.clock import Clock, SystemClock, format_timestamp
from gui.domain.phone import clean_phone
from gui.services.config.paths import database_path
from gui.services.journal import database
from gui.services.recipients.importer import import_recipients

SCHEMA = """
CREATE TABLE IF NOT EXISTS suppression_numbers (
    number TEXT PRIMARY KEY,          -- "+86…", cleaned by the same rules as an import
    reason TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL            -- gui.domain.clock.TIMESTAMP_FORMAT (Beijing time)
)
"""


@dataclass(frozen=True)
class SuppressionEntry:
    """One suppressed number, why it is there and when it was added (Beijing time, `YYYY-MM-DD HH:MM:SS`)."""

    number: str
    reason: str
    added_at: str


def _cleaned(numbers: Iterable[object]) -> list[str]:
    """Valid numbers only, as `+86…`; anything that is not a mobile number cannot be suppressed."""
    out: list[str] = []
    for value in numbers:
        number = clean_phone(value).number
        if number is not None:
            out.append(number)
    return out


class SuppressionList:
    """Add, remove, list and check suppressed numbers. Each call opens its own short connection."""

    def __init__(self, db_path: Path | None = None, *, clock: Clock | None = None) -> None:
        self.db_path = Path(db_path) if db_path is not None else database_path()
        self.clock = clock or SystemClock()
        with self._connect() as db:
            db.execute(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = database.connect(self.db_path)
        try:
            with db:  # one transaction: committed on success, rolled back on error
                yield db
        finally:
            db.close()

    def add(self, numbers: Iterable[object], reason: str = "") -> int:
        """Suppress these numbers (any spelling `clean_phone` accepts); returns how many were new."""
        cleaned = _cleaned(numbers)
        now = format_timestamp(self.clock.now())
        with self._connect() as db:
            before = db.total_changes
            db.executemany(
                "INSERT OR IGNORE INTO suppression_numbers (number, reason, added_at) VALUES (?, ?, ?)",
                ((number, reason, now) for number in cleaned),
            )
            return db.total_changes - before

    def remove(self, numbers: Iterable[object]) -> int:
        """Take these numbers off the list; returns how many were removed."""
        cleaned = _cleaned(numbers)
        with self._connect() as db:
            before = db.total_changes
            db.executemany("DELETE FROM suppression_numbers WHERE number = ?", ((n,) for n in cleaned))
            return db.total_changes - before

    def numbers(self) -> frozenset[str]:
        """Every suppressed number, for `import_recipients(suppressed=...)`."""
        with self._connect() as db:
            return frozenset(row[0] for row in db.execute("SELECT number FROM suppression_numbers"))

    def entries(self) -> list[SuppressionEntry]:
        """Every entry, newest first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT number, reason, added_at FROM suppression_numbers ORDER BY added_at DESC, number"
            ).fetchall()
        return [SuppressionEntry(*row) for row in rows]

    def __contains__(self, number: object) -> bool:
        cleaned = clean_phone(number).number
        if cleaned is None:
            return False
        with self._connect() as db:
            row = db.execute("SELECT 1 FROM suppression_numbers WHERE number = ?", (cleaned,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM suppression_numbers").fetchone()[0])

    def import_file(self, path: Path | str, reason: str = "") -> int:
        """Suppress every valid number in a recipients file (any format the importer reads); returns new count.

        Raises `RecipientsFileError` when the file cannot be used; nothing is added in that case.
        """
        result = import_recipients(path)
        return self.add(result.numbers(), reason or f"导入自 {Path(path).name}")
