"""The journal's SQLite schema and row conversions (tables prefixed `journal_`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from gui.domain.statuses import BatchState
from gui.services.journal.types import BatchRow, RecipientsSource

SCHEMA = """
CREATE TABLE IF NOT EXISTS journal_campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sms_type TEXT NOT NULL,
    campaign_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state TEXT NOT NULL,
    message_zh TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    source_json TEXT NOT NULL DEFAULT '{}',
    recipients INTEGER NOT NULL,
    total_parts INTEGER NOT NULL,
    estimate_yuan TEXT NOT NULL,
    price_per_part TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    scheduled_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS journal_batches (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES journal_campaigns(id),
    seq INTEGER NOT NULL,
    params_json TEXT NOT NULL,
    parts INTEGER NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT '',
    errcode INTEGER,
    errmsg TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'plan',
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS journal_batches_campaign ON journal_batches(campaign_id, state);
CREATE TABLE IF NOT EXISTS journal_recipients (
    campaign_id INTEGER NOT NULL REFERENCES journal_campaigns(id),
    number TEXT NOT NULL,
    row INTEGER NOT NULL,
    batch_id INTEGER,
    status TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    platform_message TEXT NOT NULL DEFAULT '',
    message_zh TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    advice_zh TEXT NOT NULL DEFAULT '',
    advice_en TEXT NOT NULL DEFAULT '',
    serial_no TEXT NOT NULL DEFAULT '',
    submit_time TEXT NOT NULL DEFAULT '',
    parts INTEGER,
    delivery_status TEXT NOT NULL DEFAULT '',
    delivery_time TEXT NOT NULL DEFAULT '',
    fee INTEGER,
    PRIMARY KEY (campaign_id, number)
) WITHOUT ROWID;
-- Rows of the recipients file that were never sent to: invalid numbers and duplicates (the report lists them).
CREATE TABLE IF NOT EXISTS journal_skipped (
    campaign_id INTEGER NOT NULL REFERENCES journal_campaigns(id),
    row INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    first_row INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    message_zh TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, row)
) WITHOUT ROWID;
-- Covers the per-batch read the sender makes before every request: index-only, already in row order.
CREATE INDEX IF NOT EXISTS journal_recipients_batch_rows ON journal_recipients(batch_id, row, number);
-- Lets opening the journal find numbers left mid-reconciliation without reading every row (partial: tiny).
CREATE INDEX IF NOT EXISTS journal_recipients_reconciling ON journal_recipients(campaign_id)
    WHERE status = 'reconciling';
"""

# Columns added after the first release: (table, column, definition), added to older databases on open.
ADDED_COLUMNS = (
    ("journal_campaigns", "fingerprint", "TEXT NOT NULL DEFAULT ''"),
    ("journal_batches", "text", "TEXT NOT NULL DEFAULT ''"),
    ("journal_campaigns", "scheduled_at", "TEXT NOT NULL DEFAULT ''"),  # 定时发送, 'YYYY-MM-DD HH:MM:SS' Beijing
)


def add_missing_columns(db: sqlite3.Connection) -> None:
    """Bring the journal's tables written by an older version up to SCHEMA (columns only ever added).

    Changes to the data itself are versioned migrations in `journal.database`.
    """
    for table, column, definition in ADDED_COLUMNS:
        present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


NUMBER_COLUMNS = (
    "campaign_id, number, row, batch_id, status, code, platform_message, message_zh, message_en, "
    "advice_zh, advice_en, serial_no, submit_time, parts, delivery_status, delivery_time, fee"
)
BATCH_COLUMNS = (
    "id, campaign_id, seq, params_json, parts, state, attempts, started_at, finished_at, errcode, "
    "errmsg, outcome, origin"
)
OPEN_BATCH_STATES = (BatchState.PLANNED, BatchState.IN_FLIGHT, BatchState.UNKNOWN)


def source_json(source: RecipientsSource) -> dict[str, Any]:
    return {
        "file": source.file,
        "sheet": source.sheet,
        "header_row": source.header_row,
        "phone_column": source.phone_column,
    }


def batch_row(row: tuple[Any, ...]) -> BatchRow:
    return BatchRow(
        id=row[0],
        campaign_id=row[1],
        seq=row[2],
        params=tuple(json.loads(row[3])),
        parts=row[4],
        state=BatchState(row[5]),
        attempts=row[6],
        started_at=row[7],
        finished_at=row[8],
        errcode=row[9],
        errmsg=row[10],
        outcome=row[11],
        origin=row[12],
    )
