"""What 检查并发送 offers once a campaign was sent from it: 查看发送记录 and 导出结果… in place of 发送…."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from gui.domain.errors import UserFacingError
from gui.ui.error_text import plain_reason
from gui.ui.i18n import current_language
from gui.ui.results_file_dialog import ask_export_path
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the engine opens on the pool
    from gui.services.sending.engine import Engine


class AfterSendBar(QWidget):
    """Two buttons for the campaign `campaign_id`; the export writes into a copy of its recipients file.

    Signals:
        history_requested(int): show the campaign in 发送记录.
        note(str): a line for the page's action note (writing, written, failed).
    """

    history_requested = Signal(int)
    note = Signal(str)

    def __init__(self, engine: Callable[[], Engine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.campaign_id: int | None = None
        self.last_export: Path | None = None
        self.export_path: Callable[[str], str | None] = partial(ask_export_path, self)  # replaceable in tests
        self.history_button = QPushButton(self.tr("View history"), self)
        self.history_button.setObjectName("viewHistoryButton")
        self.history_button.setAutoDefault(True)
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.campaign_id or 0))
        self.export_button = QPushButton(self.tr("Export results…"), self)
        self.export_button.setObjectName("exportResultsButton")
        self.export_button.setProperty("primary", True)
        self.export_button.setAutoDefault(True)
        self.export_button.clicked.connect(self.export)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.history_button)
        layout.addWidget(self.export_button)


    @Slot()
    def export(self) -> None:
        if self.campaign_id is None:
            return
        engine, campaign_id = self._engine(), self.campaign_id
        info = engine.info(campaign_id)
        source = Path(info.source.file) if info.source.file else Path.home() / "results.csv"
        suffix = source.suffix if source.suffix.lower() in (".xlsx", ".xlsm") else ".csv"
        path = self.export_path(str(source.with_name(f"{source.stem}-结果-{info.id}{suffix}")))
        if not path:
            return
        self.note.emit(self.tr("Writing the results…"))
        # In a child process for a large workbook, and no full collection while every row's result is built.
        run_in_background(lambda: engine.export(campaign_id, Path(path), separate_process=True), self._on_exported,
                          self._on_failed, whole_list=True)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.last_export = Path(path)
        self.note.emit(self.tr("Results written to {0}").format(path))

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        text = error.text(current_language()) if isinstance(error, UserFacingError) else \
            self.tr("The results could not be written ({0}).").format(plain_reason(error))
        self.note.emit(text)
