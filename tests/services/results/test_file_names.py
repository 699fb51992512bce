"""Suggested export names: nothing Windows forbids, no reserved device names, no trailing dots or spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.services.results.file_names import (
    MAX_NAME_LENGTH,
    alternative_results_path,
    safe_file_name,
    suggested_results_path,
)

WINDOWS_FORBIDDEN = set('\\/:*?"<>|')


@pytest.mark.parametrize(("name", "expected"), [
    ("双11 大促.xlsx", "双11 大促.xlsx"),
    ('a\\b/c:d*e?f"g<h>i|j.csv', "a_b_c_d_e_f_g_h_i_j.csv"),
    ("名单\t第二版\n.xlsx", "名单_第二版_.xlsx"),
    ("CON.xlsx", "_CON.xlsx"),
    ("con", "_con"),
    ("Nul.tar.gz", "_Nul.tar.gz"),
    ("COM1.csv", "_COM1.csv"),
    ("lpt9.xlsx", "_lpt9.xlsx"),
    ("COM¹.csv", "_COM¹.csv"),
    ("CON .xlsx", "_CON .xlsx"),
    ("CONSOLE.xlsx", "CONSOLE.xlsx"),
    ("COM10.csv", "COM10.csv"),
    ("结果. . .", "结果"),
    ("结果.xlsx  ", "结果.xlsx"),
    ("  ", "结果"),
    ("...", "结果"),
    ("???", "结果"),
    ("", "结果"),
])
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_a_long_name_is_shortened_and_keeps_its_extension() -> None:
    name = safe_file_name("很长的活动名称" * 40 + ".xlsx")
    assert len(name) == MAX_NAME_LENGTH and name.endswith(".xlsx")


def test_every_character_and_reserved_name_gives_a_windows_valid_name() -> None:
    for code in range(0x00, 0x80):
        for template in ("{}", "a{}b.csv", "{}.xlsx", "CON{}", "{}NUL"):
            name = safe_file_name(template.format(chr(code)))
            assert name and not (set(name) & WINDOWS_FORBIDDEN) and all(ord(c) >= 32 for c in name)
            assert not name.endswith((".", " "))
            assert name.split(".")[0].rstrip().upper() not in {"CON", "PRN", "AUX", "NUL"}


def test_suggested_results_path_sits_beside_the_recipients_file(tmp_path: Path) -> None:
    source = tmp_path / "客户 名单" / "双11 名单.xlsx"
    assert suggested_results_path(str(source), 7, "活动", tmp_path) == source.with_name("双11 名单-结果-7.xlsx")
    csv = tmp_path / "名单.txt"
    assert suggested_results_path(str(csv), 3, "活动", tmp_path) == tmp_path / "名单-结果-3.csv"


def test_without_a_file_the_campaign_name_is_cleaned(tmp_path: Path) -> None:
    assert suggested_results_path("", 4, "", tmp_path) == tmp_path / "发送记录-结果-4.csv"
    assert suggested_results_path("", 5, '双11: "大促" 第1/2批', tmp_path) == tmp_path / "双11_ _大促_ 第1_2批-结果-5.csv"


def test_save_as_after_a_lock_proposes_the_next_free_name_in_the_same_folder(tmp_path: Path) -> None:
    held = tmp_path / "七月 结果.xlsx"
    held.write_bytes(b"open in Excel")
    (tmp_path / "七月 结果 (2).xlsx").write_bytes(b"an older copy")
    documents = tmp_path / "文档"
    assert alternative_results_path(held, locked=True, documents=documents) == tmp_path / "七月 结果 (3).xlsx"
    assert alternative_results_path(held, locked=False, documents=documents) == documents / "七月 结果.xlsx"
