"""The app database's schema version: a version-0 file (four timestamp formats) is migrated to one format."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from gui.domain.clock import BEIJING, ManualClock, parse_timestamp
from gui.services.drafts.template_library import SCHEMA as LIBRARY_SCHEMA
from gui.services.drafts.template_library import LibraryTemplate, TemplateLibrary
from gui.services.journal import database
from gui.services.journal.schema import SCHEMA as JOURNAL_SCHEMA
from gui.services.journal.store import Journal
from gui.services.recipients.suppression import SCHEMA as SUPPRESSION_SCHEMA
from gui.services.recipients.suppression import SuppressionList


def version_0_file(path: Path) -> None:
    """What the app wrote before the schema had a version."""
    db = sqlite3.connect(path)
    old_journal = JOURNAL_SCHEMA.replace("    parts INTEGER NOT NULL,", "    segments INTEGER NOT NULL,")
    assert old_journal != JOURNAL_SCHEMA
    db.executescript(old_journal + ";" + SUPPRESSION_SCHEMA + ";" + LIBRARY_SCHEMA)
    db.execute(
        "INSERT INTO journal_campaigns (id, name, sms_type, campaign_json, created_at, updated_at, state, recipients, "
        "total_parts, estimate_yuan, price_per_part) VALUES (1, '', 'Marketing', '{}', '2026-11-28 09:00:00', "
        "'2026-11-28 09:05:00', 'done', 1, 1, '0.05', '0.05')"
    )
    db.execute(
        "INSERT INTO journal_batches (campaign_id, seq, params_json, segments, state, started_at, finished_at) "
        "VALUES (1, 1, '[]', 1, 'done', '2026-11-28T09:00:01.250000+08:00', '2026-11-28T01:00:02+00:00')"
    )
    db.execute("INSERT INTO suppression_numbers VALUES ('+8613800000001', '', '2026-11-28T01:00:00+00:00')")
    db.execute("INSERT INTO library_templates (name, sms_type, updated_at) VALUES ('上新', 'Marketing', "
               "'2026-11-28 01:00:00')")
    db.commit()
    db.close()


def test_a_version_0_file_gets_one_timestamp_format(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    version_0_file(path)
    Journal(path, recover=False).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == database.SCHEMA_VERSION
    assert db.execute("SELECT started_at, finished_at FROM journal_batches").fetchone() == (
        "2026-11-28 09:00:01", "2026-11-28 09:00:02")
    assert db.execute("SELECT added_at FROM suppression_numbers").fetchone() == ("2026-11-28 09:00:00",)
    assert db.execute("SELECT updated_at FROM library_templates").fetchone() == ("2026-11-28 09:00:00",)
    assert db.execute("SELECT created_at FROM journal_campaigns").fetchone() == ("2026-11-28 09:00:00",)
    assert db.execute("SELECT parts FROM journal_batches").fetchone() == (1,)  # was `segments`
    db.close()


def test_migrating_twice_changes_nothing_and_new_rows_use_the_same_format(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    version_0_file(path)
    clock = ManualClock(datetime(2026, 11, 29, 10, 30, 15, tzinfo=BEIJING))
    suppression = SuppressionList(path, clock=clock)  # any module may open the file first; it migrates
    TemplateLibrary(path, clock=clock).save(LibraryTemplate("通知", "Notification", "您好"))
    suppression.add(["13800000002"])
    Journal(path, recover=False).close()
    db = sqlite3.connect(path)
    added = dict(db.execute("SELECT number, added_at FROM suppression_numbers"))
    assert added == {"+8613800000001": "2026-11-28 09:00:00", "+8613800000002": "2026-11-29 10:30:15"}
    updated = dict(db.execute("SELECT name, updated_at FROM library_templates"))
    assert updated == {"上新": "2026-11-28 09:00:00", "通知": "2026-11-29 10:30:15"}
    assert all(parse_timestamp(value) for value in [*added.values(), *updated.values()])
    db.close()


def test_a_new_file_starts_at_the_current_version(tmp_path: Path) -> None:
    db = database.connect(tmp_path / "new" / "app.sqlite3")
    assert database.schema_version(db) == database.SCHEMA_VERSION
    db.close()


def test_connections_opening_a_new_file_together_all_get_it_in_wal_mode(tmp_path: Path) -> None:
    """The window opens the journal and the template library at once on its first start: switching a new file to
    WAL then said "database is locked" now and then (about one start in thirteen with four openers)."""
    import threading

    failures: list[str] = []
    for trial in range(40):
        path = tmp_path / f"new-{trial}.db"
        start = threading.Barrier(4)

        def open_it(path: Path = path, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                db = database.connect(path)
                assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                db.close()
            except Exception as error:  # every failure is collected and shown
                failures.append(repr(error))

        openers = [threading.Thread(target=open_it) for _ in range(4)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join()
    assert failures == []
