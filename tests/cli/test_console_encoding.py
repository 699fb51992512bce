"""Output on a console that is not UTF-8 (Windows' cp936 when redirected): JSON stays exact, text never fails."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from gui.cli.output import write_utf8
from tests.services.recipients.builders import csv_bytes

ROOT = Path(__file__).resolve().parents[2]
# Chinese, a rare CJK Extension B character, an emoji, a ZWJ family, a flag, a skin tone, €, ß, full-width
# and a combining accent: everything GBK cannot hold as well as what it can.
EVERY_KIND = "笔𠀀😀👨‍👩‍👧🇨🇳👍🏽€ßＡé"


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0", "SMS_COMPOSER_LANG": "zh", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, env=env, capture_output=True,
                          timeout=60, check=False)


def preview_args(value: str) -> list[str]:
    return ["preview", "--notification", "--signature", "云开发", "--template", "您的{1}已发货", "--param", value]


def test_json_round_trips_every_character_on_a_gbk_console() -> None:
    done = run_cli(*preview_args(EVERY_KIND), "--json")
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")  # emoji are a problem to fix, not a crash
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["text"] == f"【云开发】您的{EVERY_KIND}已发货"
    assert b"Traceback" not in done.stderr


def test_check_json_keeps_emoji_in_file_names_and_cells(tmp_path: Path) -> None:
    folder = tmp_path / "客户 名单 😀"
    folder.mkdir()
    path = csv_bytes(folder / "名单 €.csv", f"手机号,备注\n13812345678,{EVERY_KIND}\nabc😀,坏\n", "utf-8")
    done = run_cli("check", str(path), "--json", env_extra={"SMS_COMPOSER_DATA_DIR": str(tmp_path / "数据 目录")})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["file"] == str(path)
    assert data["invalid"][0]["value"] == "abc😀"


def test_readable_output_degrades_to_question_marks_without_failing() -> None:
    done = run_cli(*preview_args(EVERY_KIND))
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode("gbk")  # the console's own encoding: what a cp936 window shows
    assert "完整短信：【云开发】您的笔" in text and "已发货" in text


def test_write_utf8_bypasses_the_stream_encoding() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="gbk", errors="strict")
    stream.write("先写的文字\n")
    write_utf8('{"x": "😀"}\n', stream)
    assert raw.getvalue() == "先写的文字\n".encode("gbk") + '{"x": "😀"}\n'.encode()
    memory = io.StringIO()
    write_utf8("😀", memory)  # an in-memory stream just keeps the text
    assert memory.getvalue() == "😀"
