"""The `sms-composer preview` command: JSON and readable output, exit codes, and a real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli.main import main
from gui.cli.preview import marker_lines

ROOT = Path(__file__).resolve().parents[2]
SEED_ARGS = ["preview", "--marketing", "--signature", "云开发", "--content", "能力上新", "--path", "/index.html"]


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code = main([*args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_seed_example_json(capsys) -> None:
    code, data = run_json(capsys, *SEED_ARGS)
    assert code == 0
    assert data["text"] == "【云开发】能力上新,跳转小程序 https://tcbe.cn/XXXXXXXX 回T退订"
    assert (data["length"], data["segments"], data["content_length"]) == (45, 1, 4)
    assert data["errors"] == []
    # The API page's ending: the carrier rule pack says what the count assumes, as 内容 does.
    assert [w["code"] for w in data["warnings"]] == ["unsubscribe_wording"]
    assert data["signature"] == "【云开发】"


def test_preview_shows_the_carrier_rules_the_window_shows(capsys) -> None:
    code, data = run_json(capsys, "preview", "--marketing", "--signature", "云开发", "--content", "详询13800138000",
                          "--path", "/index.html", "--suffix", "dllzff_reply_r")
    assert code == 0
    [warning] = data["warnings"]
    assert warning["code"] == "phone_in_text" and "13800138000" in warning["message"]


def test_multi_part_is_a_warning_and_exits_zero(capsys) -> None:
    code, data = run_json(
        capsys, "preview", "--marketing", "--signature", "一二三四五六七八九十",
        "--content", "甲" * 30, "--path", "/index.html",
    )
    assert code == 0
    assert (data["length"], data["segments"], data["content_length"]) == (78, 2, 30)
    (warning,) = [w for w in data["warnings"] if w["code"] != "unsubscribe_wording"]
    assert warning["code"] == "multi_part"
    assert "整条短信 78 字，将按 2 条计费" in warning["message"]
    assert (warning["start"], warning["end"]) == (22, 30)


def test_errors_exit_one_and_carry_spans(capsys) -> None:
    code, data = run_json(
        capsys, "preview", "--marketing", "--signature", "云开发",
        "--content", "满100减20¥" + "文" * 25, "--path", "index.html",
    )
    assert code == 1
    found = {(e["code"], e["start"], e["end"]) for e in data["errors"]}
    assert found == {("content_too_long", 30, 33), ("forbidden_character", 7, 8), ("invalid_path", 0, 1)}
    assert data["content_length"] == 33
    assert data["length"] == 5 + 33 + 36 and data["segments"] == 2  # still measured
    assert all(set(e) >= {"code", "message", "start", "end"} for e in data["errors"] + data["warnings"])


def test_messages_follow_the_cli_language(capsys) -> None:
    code, data = run_json(capsys, "--lang", "en", *SEED_ARGS[:-1], "")
    assert code == 1
    (error,) = data["errors"]
    assert error["code"] == "invalid_path"
    assert error["message"].startswith("The static-site path is missing")


@pytest.mark.parametrize(("key", "length"), [("tcbe_reply_t", 45), ("dllzff_reply_r", 49), ("wxmpurl_reply_r", 53)])
def test_suffix_option(capsys, key: str, length: int) -> None:
    code, data = run_json(capsys, *SEED_ARGS, "--suffix", key)
    assert code == 0 and data["length"] == length


def test_notification_json(capsys) -> None:
    code, data = run_json(
        capsys, "preview", "--notification", "--signature", "云开发",
        "--template", "您的订单{1}已发货，请于{2}前到{3}取件", "--param", "A123", "--param", "明天", "菜鸟驿站",
    )
    assert code == 0
    assert data["text"] == "【云开发】您的订单A123已发货，请于明天前到菜鸟驿站取件"
    assert data["content_length"] is None
    assert data["sms_type"] == "Notification"
    assert data["length"] == len(data["text"])


def test_notification_parameter_problem_points_at_placeholder(capsys) -> None:
    code, data = run_json(
        capsys, "preview", "--notification", "--signature", "云开发", "--template", "订单{1}已发货", "--param", "A★",
    )
    assert code == 1
    (error,) = data["errors"]
    assert (error["code"], error["field"], error["start"], error["end"]) == ("forbidden_character", "template", 2, 5)
    assert "{1}" in error["message"]


def test_missing_template_and_mismatch(capsys) -> None:
    code, data = run_json(capsys, "preview", "--notification", "--signature", "云开发")
    assert code == 1
    assert [e["code"] for e in data["errors"]] == ["missing_template"]
    code, data = run_json(capsys, "preview", "--notification", "--signature", "云开发", "--template", "{1}{2}")
    assert [e["code"] for e in data["errors"]] == ["param_count_mismatch"]


def test_long_name_with_short_name_signs_with_the_short_name(capsys) -> None:
    long_name = "很长很长很长很长很长很长的名字"
    code, data = run_json(capsys, *SEED_ARGS[:3], long_name, "--short-name", "云开发", *SEED_ARGS[4:])
    assert code == 0
    assert data["signature"] == "【云开发】" and data["use_short_name"] is True
    assert data["length"] == 45 and [w["code"] for w in data["warnings"]] == ["unsubscribe_wording"]
    assert "简称" in data["notes"][0]


def test_long_name_without_short_name_is_an_error(capsys) -> None:
    code, data = run_json(capsys, *SEED_ARGS[:3], "很长很长很长很长很长很长的名字", *SEED_ARGS[4:])
    assert code == 1
    assert [e["code"] for e in data["errors"]] == ["signature_too_long"]


def test_short_name_is_not_used_unless_needed_or_asked(capsys) -> None:
    _, data = run_json(capsys, *SEED_ARGS, "--short-name", "云")
    assert data["signature"] == "【云开发】" and data["use_short_name"] is False
    _, data = run_json(capsys, *SEED_ARGS, "--short-name", "云", "--use-short-name")
    assert data["signature"] == "【云】" and data["length"] == 43


def test_readable_preview(capsys) -> None:
    assert main(SEED_ARGS) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "完整短信：【云开发】能力上新,跳转小程序 https://tcbe.cn/XXXXXXXX 回T退订"
    assert out[1] == "整条 45/70 · 1 条"
    assert out[2] == "正文 4/30"
    assert any("[unsubscribe_wording]" in line for line in out)
    assert out[-1] == "没有错误，可以发送；请先看一下上面的提醒。"


def test_readable_preview_marks_the_offending_span(capsys) -> None:
    code = main([*SEED_ARGS[:5], "能力★上新", *SEED_ARGS[6:]])
    assert code == 1
    out = capsys.readouterr().out.splitlines()
    index = next(i for i, line in enumerate(out) if "[forbidden_character]" in line)
    assert out[index + 1] == "      正文：能力★上新"
    # 6 spaces + 正文： (6 columns) + 能力 (4 columns) = 16 columns before the ★.
    assert out[index + 2] == " " * 16 + "^"


def test_readable_preview_in_english_with_a_template(capsys) -> None:
    code = main(["--lang", "en", "preview", "--notification", "--signature", "云开发", "--template", "订单{1}", "--param", "😀"])
    assert code == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "Whole SMS 9/70 · 1 part(s)"
    assert not any(line.startswith("Content ") for line in out)
    index = next(i for i, line in enumerate(out) if "[unsupported_character]" in line)
    assert out[index + 1] == "      template: 订单{1}"
    assert out[index + 2] == " " * (16 + 4) + "^^^"


@pytest.mark.parametrize(
    ("label", "text", "start", "end", "marker"),
    [
        ("> ", "abc", 1, 2, "   ^"),
        ("> ", "中文ab", 0, 2, "  ^^^^"),
        ("> ", "ＡＢ", 1, 2, "    ^^"),
        ("> ", "", 0, 0, "  ^"),
        ("> ", "a\tb", 2, 3, "    ^"),
    ],
)
def test_marker_lines_align_with_wide_characters(label: str, text: str, start: int, end: int, marker: str) -> None:
    assert marker_lines(label, text, start, end)[1] == marker


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["preview", "--marketing", "--signature", "a", "--template", "{1}"], "--template"),
        (["preview", "--notification", "--signature", "a", "--content", "x", "--path", "/"], "--content, --path"),
    ],
)
def test_options_of_the_other_type_are_refused(capsys, args: list[str], needle: str) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and needle in err and "Traceback" not in err


def test_preview_in_a_real_process() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "SMS_COMPOSER_LANG": "zh"}
    args = [*SEED_ARGS[:5], "甲" * 31, *SEED_ARGS[6:], "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "gui", *args], cwd=ROOT, env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    data = json.loads(done.stdout.decode("utf-8"))
    assert [e["code"] for e in data["errors"]] == ["content_too_long"]
    assert (data["length"], data["segments"], data["content_length"]) == (72, 2, 31)
    done = subprocess.run(
        [sys.executable, "-m", "gui", *SEED_ARGS, "--json"], cwd=ROOT, env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert json.loads(done.stdout.decode("utf-8"))["length"] == 45
