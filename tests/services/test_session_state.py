"""The saved work in progress: atomic writes, a damaged file reads as a fresh start, a changed or vanished list."""

from __future__ import annotations

import os

from gui.services.drafts.session_state import ListSource, SessionState, load_state, save_state, session_path


def test_round_trip_atomic_and_damaged_files_start_fresh(tmp_path) -> None:
    path = tmp_path / "session.json"
    state = SessionState(draft={"sms_type": "Marketing", "content": "能力上新"}, page=2, name="双十二",
                         recipients=ListSource(file=str(tmp_path / "a.xlsx"), sheet="客户", header_row=1,
                                               phone_column="手机号", size=10, mtime_ns=5))
    save_state(state, path)
    assert load_state(path) == state
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]  # no temporary file left behind
    path.write_text('{"draft": ', encoding="utf-8")  # cut off mid-write by something else
    assert load_state(path) is None
    assert load_state(tmp_path / "none.json") is None
    assert session_path().name == "session.json"


def test_a_list_source_notices_changes_and_a_vanished_file(tmp_path) -> None:
    file = tmp_path / "名单.csv"
    file.write_text("手机号\n13800000000\n", encoding="utf-8")

    class Imported:
        sheet, header_row, phone_column = None, 1, "手机号"

    imported = Imported()
    imported.file = str(file)
    source = ListSource.of(imported)
    assert source is not None and source.status() == "same"
    file.write_text("手机号\n13800000000\n13800000001\n", encoding="utf-8")
    os.utime(file, ns=(source.mtime_ns + 10**9, source.mtime_ns + 10**9))
    assert source.status() == "changed"
    file.unlink()
    assert source.status() == "missing"
    imported.file = ""
    assert ListSource.of(imported) is None  # pasted numbers have no file to re-read
