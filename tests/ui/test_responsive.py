"""Nothing on the window's path grows with the list: start-up imports, the preview picker, the tables, quitting."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.domain.recipients import Recipient
from gui.ui.compose import ComposeView

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "gui" / "ui"

# Loaded on the pool or on first use, never while the window is built: the simulator, HTTP, the engine, the
# importer; the schedule watcher (after the first paint); platformdirs (the folders are given here) and the
# command line's parser modules (`sms-composer` without arguments parses nothing); what an empty Marketing draft
# does not need: the recipients' and campaign classes, the template library (SQLite, on the pool), html; the
# budget rules (settings without resource packs); the question dialogs (asked on closing during a send, or
# deleting a template); the carrier rule pack, the Notification editor and the preview picker's rows model (made
# right after the first paint, or when used); the template-library glue of 内容 (on a library action).
NOT_AT_START_UP = ("gui.services.simulator", "http.server", "httpx", "keyring", "openpyxl", "python_calamine",
                   "gui.services.sending.engine", "gui.services.sending.runner",
                   "gui.services.api.client", "gui.services.recipients.importer",
                   "gui.ui.sending.scheduler", "gui.services.sending.schedule", "platformdirs",
                   "gui.cli.check", "gui.cli.send", "gui.cli.simulator",
                   "gui.domain.recipients", "gui.domain.campaign", "gui.services.drafts.template_library", "html",
                   "gui.domain.budget", "gui.ui.dialogs", "gui.domain.carrier_rules",
                   "gui.services.drafts.carrier_rules", "gui.ui.compose.notification_form",
                   "gui.ui.compose.recipient_model", "gui.ui.compose.templates")

BUILD_WINDOW = textwrap.dedent("""
    import sys
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
    lazy = "Qt" not in vars(PySide6.QtCore)  # this PySide builds a class, and all its enums, when first named
    import gui.cli.main  # what `sms-composer` imports before the window
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from gui.ui.main_window import MainWindow, WindowMode
    window = MainWindow(WindowMode())
    window.show()
    loaded = sorted(sys.modules)
    app.processEvents()  # the first paint
    # Naming Qt's namespace or QStyle before the first paint costs it some 20 ms of enum building (QMessageBox
    # and its enums some 3 ms). QEvent comes with an event handler written in Python (showEvent…), QIcon with a
    # button or item made with its text (PySide tries the overload that takes an icon first): ~1 ms each.
    built = [name for name, module in (("Qt", PySide6.QtCore), ("QStyle", PySide6.QtWidgets),
                                       ("QMessageBox", PySide6.QtWidgets), ("QEvent", PySide6.QtCore),
                                       ("QIcon", PySide6.QtGui), ("QFontDatabase", PySide6.QtGui),
                                       ("QTableView", PySide6.QtWidgets))
             if lazy and name in vars(module)]
    # The address patterns of the text rules compile on first use; an empty draft has no address to look for.
    from gui.domain import text_rules
    compiled = text_rules._compiled.cache_info().currsize
    import dataclasses
    records = [f"dataclass:{name}.{value.__qualname__}" for name in loaded if name.startswith("gui.")
               for value in vars(sys.modules[name]).values()
               if isinstance(value, type) and value.__module__ == name and dataclasses.is_dataclass(value)]
    print("\\n".join(loaded + ["built:" + name for name in built] + [f"compiled:{compiled}"] + records))
""")


def _run(code: str, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMS_COMPOSER_DATA_DIR": str(tmp_path / "data"),
           "SMS_COMPOSER_CONFIG_DIR": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=ROOT)


def test_building_the_window_imports_neither_simulator_nor_http_nor_engine(tmp_path) -> None:
    result = _run(BUILD_WINDOW, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = set(result.stdout.split())
    assert "gui.ui.main_window" in loaded and "gui.ui.compose.compose_view" in loaded  # the check saw the window
    early = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_AT_START_UP))
    assert early == []
    assert sorted(m for m in loaded if m.startswith("built:")) == []
    assert "compiled:0" in loaded
    # @dataclass builds each class with exec(), some 0.5 ms apiece (Settings's twenty fields: over 1 ms): the
    # start-up path's records are NamedTuples and its state holders plain classes (the carrier rule pack's
    # CarrierRule is read after the first paint).
    assert [m for m in loaded if m.startswith("dataclass:")] == []


# QTableWidget / QListWidget items and combo-box items are one object per row. Each use left must be bounded by
# something other than the recipients or the campaigns: the five steps, a template's parameters, a sheet's
# columns or sheet names, the saved templates, fixed choice lists.
BOUNDED_ITEM_USES = {
    "main_window.py": "the five steps of the sidebar",
    "compose/forms.py": "the suffix presets as choices",
    "compose/notification_form.py": "one row per template parameter; the sheet's columns as choices",
    "compose/library_bar.py": "the saved templates",
    "recipients/tools.py": "the workbook's sheet names and header columns",
    "settings/page.py": "suffix presets and the two languages",
    "sending/panel.py": "the fixed status-filter choices",
}
PER_ITEM = {"QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "addItem", "addItems", "insertItem",
            "setItem"}


def _item_uses(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name) and node.id in PER_ITEM:
            found.add(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in PER_ITEM:
            found.add(node.attr)
    return found


def test_no_widget_item_per_row_outside_bounded_lists() -> None:
    users = {str(p.relative_to(UI)): _item_uses(p) for p in sorted(UI.rglob("*.py")) if _item_uses(p)}
    unexpected = {path: uses for path, uses in users.items() if path not in BOUNDED_ITEM_USES}
    assert unexpected == {}, "a widget item per row: use a model (gui/ui/rows_model.py) instead"
    for page in ("history/page.py", "recipients/page.py", "compose/preview.py", "compose/compose_view.py"):
        assert page not in users


class CountingRecipients(Sequence[Recipient]):
    """A million recipients made on demand; counts what the window reads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.reads: list[int] = []
        self.iterated = False
        self.lengths = 0

    def __len__(self) -> int:
        self.lengths += 1
        return self.size

    def __getitem__(self, index):  # type: ignore[override]  # also refuses slices, on purpose
        if isinstance(index, slice):
            raise AssertionError("the window must not slice the recipients")
        if not -self.size <= index < self.size:
            raise IndexError(index)
        index %= self.size
        self.reads.append(index)
        return Recipient(row=index + 2, number=f"+86138{index:08d}", fields={"姓名": f"客户{index}"})

    def __iter__(self) -> Iterator[Recipient]:
        self.iterated = True
        raise AssertionError("the window must not walk every recipient")


class Imported:
    def __init__(self, recipients: Sequence[Recipient]) -> None:
        self.recipients = recipients
        self.columns = ("手机号", "姓名")
        self.phone_column = "手机号"


def test_preview_picker_takes_a_million_recipients_without_reading_them(qtbot) -> None:
    view = ComposeView()
    qtbot.addWidget(view)
    view.set_sms_type(view.sms_type().NOTIFICATION)
    view.notification.template_edit.setPlainText("{1}您好")
    people = CountingRecipients(1_000_000)
    view.set_recipients(Imported(people))
    picker = view.preview.row_picker
    assert picker.count() == 1_000_000
    assert not people.iterated and len(people.reads) < 20  # the previewed row and a few labels, not a million
    view.preview.row_box.show()
    picker.setCurrentIndex(999_999)
    assert picker.currentText() == "第 1000001 行 · 138****9999"
    assert view.preview_recipient().row == 1_000_001
    people.reads.clear()
    assert view.set_preview_row(500_002)  # a binary search: about 20 reads, not half a million
    assert picker.currentIndex() == 500_000 and len(people.reads) < 60
    assert picker.model().data(picker.model().index(3, 0), Qt.ItemDataRole.DisplayRole) == "第 5 行 · 138****0003"


# The offscreen platform cannot raise a popup or grab the keyboard for it: the platform talking, not the app.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_opening_the_preview_picker_asks_about_the_shown_rows_only(qtbot) -> None:
    """Each question the popup asks the model is a call into Python that needs the GIL: a list view laying out a
    million rows asked two million times, a freeze while a worker thread ran."""
    view = ComposeView()
    qtbot.addWidget(view)
    view.show()
    people = CountingRecipients(1_000_000)
    view.set_recipients(Imported(people))
    view.preview.row_box.show()
    picker = view.preview.row_picker
    picker.setCurrentIndex(999_999)
    people.lengths = 0
    people.reads.clear()
    picker.showPopup()
    qtbot.waitUntil(lambda: picker.view().isVisible())
    qtbot.wait(300)  # a batched layout would go on pass after pass
    assert picker.view().currentIndex().row() == 999_999
    assert people.lengths < 1000 and len(people.reads) < 200
    picker.hidePopup()


QUIT_DURING_IMPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    from gui.ui.main_window import MainWindow, WindowMode
    window = MainWindow(WindowMode())
    window.closed.connect(app.quit)
    window.show()
    window.recipients.load(Path(sys.argv[1]))
    QTimer.singleShot(300, window.close)  # the import is still running
    QTimer.singleShot(60000, lambda: app.exit(3))
    sys.exit(app.exec())
""")


def test_quitting_during_a_long_import_stops_it_quietly(tmp_path) -> None:
    big = tmp_path / "名单.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write("手机号,姓名\n")
        for i in range(300_000):
            out.write(f"138{i:08d},客户{i}\n")
    code = QUIT_DURING_IMPORT.replace("sys.argv[1]", repr(str(big)))
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "RuntimeError" not in result.stderr, result.stderr[-2000:]
