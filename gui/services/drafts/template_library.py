"""The template library: saved Marketing drafts and Notification templates (id, text, named parameters)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.domain.clock import Clock, SystemClock, format_timestamp
from gui.services.config.paths import database_path
from gui.services.journal import database

SCHEMA = """
CREATE TABLE IF NOT EXISTS library_templates (
    name TEXT PRIMARY KEY,
    sms_type TEXT NOT NULL,
    template_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    suffix_key TEXT NOT NULL DEFAULT '',
    params_json TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL DEFAULT ''  -- gui.domain.clock.TIMESTAMP_FORMAT (Beijing time)
)
"""


@dataclass(frozen=True)
class LibraryTemplate:
    """A saved draft: Marketing (text = content, path, suffix) or Notification (template id, text, param names)."""

    name: str
    sms_type: str
    text: str
    template_id: str = ""
    path: str = ""
    suffix_key: str = ""
    param_names: tuple[str, ...] = field(default_factory=tuple)  # what {1}, {2}… mean, e.g. ("姓名", "日期")


class TemplateLibrary:
    """Templates in the app database (`library_templates`), one short connection per call."""

    def __init__(self, db_path: Path | None = None, *, clock: Clock | None = None) -> None:
        self.path = Path(db_path) if db_path else database_path()
        self.clock = clock or SystemClock()
        with self._connect() as db:
            db.execute(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = database.connect(self.path)
        try:
            with db:
                yield db
        finally:
            db.close()

    def save(self, template: LibraryTemplate) -> None:
        """Insert or replace the template with this name."""
        if not template.name.strip():
            raise ValueError("a template needs a name")
        with self._connect() as db:
            db.execute(
                "INSERT INTO library_templates (name, sms_type, template_id, text, path, suffix_key, params_json, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                "sms_type=excluded.sms_type, template_id=excluded.template_id, text=excluded.text, "
                "path=excluded.path, suffix_key=excluded.suffix_key, params_json=excluded.params_json, "
                "updated_at=excluded.updated_at",
                (template.name.strip(), template.sms_type, template.template_id, template.text, template.path,
                 template.suffix_key, json.dumps(list(template.param_names), ensure_ascii=False),
                 format_timestamp(self.clock.now())),
            )

    def delete(self, name: str) -> bool:
        with self._connect() as db:
            return db.execute("DELETE FROM library_templates WHERE name = ?", (name,)).rowcount > 0

    def get(self, name: str) -> LibraryTemplate | None:
        return next((t for t in self.all() if t.name == name), None)

    def all(self, sms_type: str | None = None) -> list[LibraryTemplate]:
        """Every template (optionally of one type), by name."""
        sql = "SELECT name, sms_type, text, template_id, path, suffix_key, params_json FROM library_templates"
        params: tuple[Any, ...] = ()
        if sms_type:
            sql, params = sql + " WHERE sms_type = ?", (sms_type,)
        with self._connect() as db:
            rows = db.execute(sql + " ORDER BY name", params).fetchall()
        return [LibraryTemplate(name, kind, text, tid, path, suffix, tuple(json.loads(names)))
                for name, kind, text, tid, path, suffix, names in rows]
