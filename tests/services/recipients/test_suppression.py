"""The 退订名单 in the app's SQLite database: add, remove, list, import a file, applied at import time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gui.domain.clock import parse_timestamp
from gui.domain.recipients import RecipientsFileError
from gui.services.config.paths import database_path
from gui.services.recipients import import_recipients
from gui.services.recipients.suppression import SuppressionList
from tests.services.recipients.builders import csv_bytes, xlsx


def test_add_list_remove_in_the_app_database() -> None:
    suppression = SuppressionList()
    assert suppression.db_path == database_path()
    assert suppression.add(["13812345678", "+86 139 1234 5678", "not a number"], reason="回T退订") == 2
    assert suppression.add(["+8613812345678"]) == 0  # already there, however it is spelled
    assert suppression.numbers() == frozenset({"+8613812345678", "+8613912345678"})
    assert "138-1234-5678" in suppression and "15012345678" not in suppression and "abc" not in suppression
    assert len(suppression) == 2
    entries = suppression.entries()
    assert {e.number for e in entries} == {"+8613812345678", "+8613912345678"}
    assert all(e.reason == "回T退订" and parse_timestamp(e.added_at) is not None for e in entries)
    assert suppression.remove(["13812345678", "15012345678"]) == 1
    assert suppression.numbers() == frozenset({"+8613912345678"})


def test_the_list_survives_a_new_instance_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    SuppressionList(path).add(["13812345678"])
    assert "+8613812345678" in SuppressionList(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT number FROM suppression_numbers").fetchall() == [("+8613812345678",)]


def test_import_file_adds_its_valid_numbers(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "unsub.xlsx", {"Sheet": [("退订号码",), ("13812345678",), ("bad",), (13912345678,)]})
    suppression = SuppressionList()
    assert suppression.import_file(path) == 2
    assert suppression.numbers() == frozenset({"+8613812345678", "+8613912345678"})
    assert all("unsub.xlsx" in e.reason for e in suppression.entries())


def test_import_file_from_txt(tmp_path: Path) -> None:
    suppression = SuppressionList()
    assert suppression.import_file(csv_bytes(tmp_path / "t.txt", "13812345678\n", "utf-8")) == 1


def test_a_bad_file_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"garbage")
    suppression = SuppressionList()
    with pytest.raises(RecipientsFileError):
        suppression.import_file(path)
    assert suppression.numbers() == frozenset()


def test_applied_at_import_time(tmp_path: Path) -> None:
    suppression = SuppressionList()
    suppression.add(["13912345678"])
    path = xlsx(tmp_path / "list.xlsx", {"Sheet": [("手机号",), ("13812345678",), ("13912345678",)]})
    result = import_recipients(path, suppressed=suppression)  # the list itself is a Container
    assert result.numbers() == ["+8613812345678"]
    assert [r.number for r in result.suppressed] == ["+8613912345678"]
    assert import_recipients(path, suppressed=suppression.numbers()).numbers() == ["+8613812345678"]
