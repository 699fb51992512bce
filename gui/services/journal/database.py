"""The app's SQLite file: every connection to it opens here, and its schema version and migrations live here."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

from gui.domain.clock import format_timestamp

# PRAGMA user_version. 0: tables from before versioning, timestamps in four formats. 1: one timestamp format
# (gui.domain.clock.TIMESTAMP_FORMAT) in every table. 2: journal_batches.segments is called parts, the word the
# code uses for 条.
SCHEMA_VERSION = 2


def connect(path: Path, *, autocommit: bool = False, any_thread: bool = False) -> sqlite3.Connection:
    """A connection in WAL mode to the app database, migrated to SCHEMA_VERSION first.

    `autocommit`: no implicit transactions (the caller issues BEGIN); `any_thread`: the caller serialises use.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=30, isolation_level=None if autocommit else "DEFERRED",
                         check_same_thread=not any_thread)
    _switch_to_wal(db)
    migrate(db)
    return db


WAL_ATTEMPTS = 100  # × WAL_PAUSE: about 2 s of other connections switching the same new file
WAL_PAUSE = 0.02


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """PRAGMA journal_mode=WAL, retried while another connection holds the lock it needs.

    On a new file the switch needs an exclusive lock, and SQLite reports "database is locked" at once instead of
    waiting the busy timeout when another connection is switching it too (the window opens the journal and the
    template library together on its first start).
    """
    for attempt in range(WAL_ATTEMPTS):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(WAL_PAUSE)


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection of its own, for one long read on a worker thread: in WAL mode it reads a
    consistent snapshot while the shared connection goes on writing, and it never migrates or creates the file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> None:
    """Bring an older file up to SCHEMA_VERSION, in one transaction (another process may be doing the same)."""
    if schema_version(db) >= SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = schema_version(db)  # re-read under the write lock: someone may have migrated meanwhile
        if version < 1:
            _one_timestamp_format(db)
        if version < 2:
            _batch_parts_column(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _tables(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _from_iso(text: str) -> str:
    """An ISO 8601 moment as version 0 wrote it (batches: with offset; suppression list: UTC) → TIMESTAMP_FORMAT."""
    return format_timestamp(datetime.fromisoformat(text)) if "T" in text else text


def _one_timestamp_format(db: sqlite3.Connection) -> None:
    tables = _tables(db)
    if "journal_batches" in tables:
        rows = db.execute(
            "SELECT id, started_at, finished_at FROM journal_batches WHERE started_at LIKE '%T%' "
            "OR finished_at LIKE '%T%'"
        ).fetchall()
        db.executemany(
            "UPDATE journal_batches SET started_at = ?, finished_at = ? WHERE id = ?",
            [(_from_iso(started), _from_iso(finished), batch_id) for batch_id, started, finished in rows],
        )
    if "suppression_numbers" in tables:
        rows = db.execute("SELECT number, added_at FROM suppression_numbers WHERE added_at LIKE '%T%'").fetchall()
        db.executemany(
            "UPDATE suppression_numbers SET added_at = ? WHERE number = ?",
            [(_from_iso(added), number) for number, added in rows],
        )
    if "library_templates" in tables:
        # Version 0 wrote SQLite's datetime('now'): UTC without an offset.
        db.execute("UPDATE library_templates SET updated_at = datetime(updated_at, '+8 hours')")


def _batch_parts_column(db: sqlite3.Connection) -> None:
    if "journal_batches" not in _tables(db):
        return
    columns = {row[1] for row in db.execute("PRAGMA table_info(journal_batches)")}
    if "segments" in columns and "parts" not in columns:
        db.execute("ALTER TABLE journal_batches RENAME COLUMN segments TO parts")
