"""发送记录 → 导出结果 when Excel holds the target or the folder refuses files: 重试 and 另存为…, nothing lost."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gui.cli.main import main
from gui.services.config import atomic_file
from gui.services.results.write_errors import ResultsNotWrittenError
from gui.services.sending.engine import Engine
from gui.services.sending.session import AppSession
from gui.ui.history.page import HistoryPage
from gui.ui.results_file_dialog import RETRY, SAVE_AS
from tests.cli.cli_support import credentials_env, write_notification_campaign, write_recipients_csv
from tests.services.results.locking import unwritable_folder
from tests.services.results.test_locked_files import sharing_violation
from tests.support.simulator import SIMULATOR_START, simulator  # noqa: F401


def sent_campaign(simulator, folder: Path, monkeypatch) -> Path:  # noqa: F811
    """Campaign 1, sent to 5 numbers from a CSV in `folder`; returns the recipients file."""
    credentials_env(monkeypatch)
    monkeypatch.setenv("SMS_COMPOSER_CLOCK", SIMULATOR_START.isoformat())
    folder.mkdir(parents=True)
    people = write_recipients_csv(folder / "客户 名单.csv", 5)
    campaign = write_notification_campaign(folder / "通知.json")
    assert main(["--api-base", simulator.base_url, "send", str(campaign), "--recipients", str(people), "--yes"]) == 0
    return people


def history_page(qtbot, engine: Engine) -> HistoryPage:
    page = HistoryPage(AppSession(engine=engine))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: not page.numbers_loading, timeout=5000)
    return page


def statuses(path: Path) -> list[str]:
    return [cell.value for cell in openpyxl.load_workbook(path).active["C"]][1:]


def test_excel_holds_the_workbook_then_retry_writes_it(qtbot, simulator, tmp_path, monkeypatch) -> None:  # noqa: F811
    people = sent_campaign(simulator, tmp_path / "七月 活动", monkeypatch)
    out = people.with_name("客户 名单 结果.xlsx")
    out.write_bytes(b"open in Excel")
    held = {"now": True}
    real_replace = atomic_file.os.replace

    def replace(src, dst):
        if held["now"]:
            raise sharing_violation(str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    asked: list[tuple[ResultsNotWrittenError, str]] = []
    suggestions: list[str] = []
    with Engine(recover=False) as engine:
        page = history_page(qtbot, engine)

        def when_not_written(error: ResultsNotWrittenError) -> str:
            asked.append((error, page.note.text()))
            assert out.read_bytes() == b"open in Excel"  # untouched while Excel has it
            held["now"] = False  # the user closes Excel, then clicks 重试
            return RETRY

        page.when_not_written = when_not_written
        page.export_path = lambda suggested: suggestions.append(suggested) or str(out)
        page.export_button.click()
        page.selected_id = None  # the user clicks elsewhere in the list while the export runs
        qtbot.waitUntil(lambda: page.last_export is not None, timeout=5000)
    assert suggestions == [str(people.with_name("客户 名单-结果-1.csv"))]
    [(error, note)] = asked
    assert error.locked and error.path == out
    assert note == "请先在 Excel 中关闭 客户 名单 结果.xlsx，再点重试。"
    assert page.last_export == out and statuses(out) == ["已提交"] * 5
    assert page.note.text().startswith("结果已写入")


def test_a_read_only_folder_offers_save_as_elsewhere(qtbot, simulator, tmp_path, monkeypatch) -> None:  # noqa: F811
    people = sent_campaign(simulator, tmp_path / "共享 盘", monkeypatch)
    blocked = people.with_name("结果.xlsx")
    elsewhere = tmp_path / "我的 文档" / "结果.xlsx"
    answers = iter([str(blocked), str(elsewhere)])
    suggestions: list[str] = []
    with Engine(recover=False) as engine:
        page = history_page(qtbot, engine)
        page.when_not_written = lambda error: SAVE_AS
        page.export_path = lambda suggested: suggestions.append(suggested) or next(answers)
        with unwritable_folder(people.parent):
            page.export_button.click()
            qtbot.waitUntil(lambda: page.last_export is not None, timeout=5000)
    assert Path(suggestions[1]).name == "结果.xlsx" and Path(suggestions[1]).parent != people.parent
    assert not blocked.exists()
    assert statuses(elsewhere) == ["已提交"] * 5


def _click_when_shown(qtbot, text: str) -> list[str]:
    """Click the button labelled `text` in the dialog once it is up; returns what the dialog said."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.extend([box.text(), box.informativeText(), *(b.text() for b in box.buttons())])
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, click)
    return seen


def test_the_dialog_offers_retry_and_save_as_in_chinese(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QWidget

    from gui.ui.results_file_dialog import ask_when_not_written

    parent = QWidget()
    qtbot.addWidget(parent)
    locked = ResultsNotWrittenError(tmp_path / "七月 结果.xlsx", locked=True)
    seen = _click_when_shown(qtbot, "重试")
    assert ask_when_not_written(parent, locked) == RETRY
    assert seen[0] == "请先在 Excel 中关闭 七月 结果.xlsx，再点重试。" and "不会丢失" in seen[1]
    assert {"重试", "另存为…", "取消"} <= set(seen[2:])
    seen = _click_when_shown(qtbot, "另存为…")
    assert ask_when_not_written(parent, ResultsNotWrittenError(tmp_path / "a.xlsx", locked=False)) == SAVE_AS
    assert "重试" not in seen[2:]  # retrying a read-only folder cannot help
