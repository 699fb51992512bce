"""Files that cannot be used: each gives a RecipientsFileError naming the file and the problem, no traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from gui.domain.errors import UserFacingError
from gui.domain.recipients import RecipientsFileError
from gui.services.recipients import import_recipients
from tests.services.recipients.builders import encrypted_ooxml, xlsx


def fails(path: Path, **kwargs: object) -> RecipientsFileError:
    with pytest.raises(RecipientsFileError) as caught:
        import_recipients(path, **kwargs)  # type: ignore[arg-type]  # each case passes one keyword of its own type
    error = caught.value
    assert isinstance(error, UserFacingError)
    assert error.where.startswith(path.name)  # the message names the file
    assert error.message_zh and error.message_en
    assert "Traceback" not in error.text()
    return error


def test_password_protected_workbook(tmp_path: Path) -> None:
    error = fails(encrypted_ooxml(tmp_path / "secret.xlsx"))
    assert error.message_zh == "文件有密码保护，请先在 Excel 里取消密码后另存"


def test_encrypted_package_is_recognised_whatever_the_suffix(tmp_path: Path) -> None:
    error = fails(encrypted_ooxml(tmp_path / "secret.xls"))
    assert "密码" in error.message_zh


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "损坏" in fails(path).message_zh


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    assert "损坏" in fails(path).message_zh


def test_truncated_xlsx(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", {"Sheet": [("手机号",)] + [(str(13800000000 + i),) for i in range(500)]})
    data = good.read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "损坏" in fails(path).message_zh


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv", "empty.txt"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert "空" in fails(path).message_zh


def test_workbook_with_an_empty_sheet(tmp_path: Path) -> None:
    assert "空" in fails(xlsx(tmp_path / "blank.xlsx", {"Sheet": []})).message_zh


def test_no_phone_column(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "names.xlsx", {"Sheet": [("姓名", "城市"), ("张三", "上海"), ("李四", "北京")]})
    error = fails(path)
    assert "手机号列" in error.message_zh


def test_undecodable_csv(tmp_path: Path) -> None:
    path = tmp_path / "weird.csv"
    path.write_bytes(b"\x80\x81\xff\xfd,13812345678\n" * 10)  # not UTF-8, not GB18030
    assert "编码" in fails(path).message_zh


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"13812345678\x00\x01\x02")
    assert "编码" in fails(path).message_zh


def test_missing_file(tmp_path: Path) -> None:
    assert "找不到" in fails(tmp_path / "nowhere.xlsx").message_zh


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF-1.4 hello")
    assert "不支持" in fails(path).message_zh


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "s.xlsx", {"名单": [("手机号",), ("13812345678",)]})
    assert "名单" in fails(path, sheet="不存在").message_zh


def test_unknown_column_lists_the_columns(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "c.xlsx", {"Sheet": [("手机号", "姓名"), ("13812345678", "张三")]})
    assert "姓名" in fails(path, phone_column="邮箱").message_zh


def test_header_row_outside_the_sheet(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "h.xlsx", {"Sheet": [("手机号",), ("13812345678",)]})
    assert "第 500 行" in fails(path, header_row=500).message_zh
