"""The 模板 row of the 内容 page: load a saved draft or template, or save the current one under a name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from gui.ui.labels import push_button
from gui.ui.workers import run_in_background

if TYPE_CHECKING:  # the library (SQLite) is opened on the pool after the first paint: imported there
    from gui.services.drafts.template_library import LibraryTemplate, TemplateLibrary


class LibraryBar(QWidget):
    """A template combo (templates of the current SMS type) with 保存为模板 and 删除 buttons; SQLite work runs on the pool.

    `ask_name(default) -> str | None` asks for the name and `confirm_delete(name) -> bool` asks before deleting
    (dialogs; tests replace them).

    Signals:
        chosen(object): the user picked a `LibraryTemplate` to load.
        saved(str): a template was saved under this name.
        failed(str): the library could not be read or written (message for the status line).
    """

    chosen = Signal(object)
    saved = Signal(str)
    deleted = Signal(str)
    failed = Signal(str)

    def __init__(self, current: Callable[[], LibraryTemplate], db_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryBar")
        self._current = current
        self._db_path = db_path
        self._templates: list[LibraryTemplate] = []
        self._sms_type = ""
        self.loaded = False  # the first list has arrived
        self.combo = QComboBox(self)
        self.combo.setObjectName("templateCombo")
        self.combo.setMinimumContentsLength(8)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.save_button = push_button(self.tr("Save as template"), self, "saveTemplateButton")
        self.delete_button = push_button(self.tr("Delete"), self, "deleteTemplateButton")
        self.delete_button.setToolTip(self.tr("Delete the selected template"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.combo, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        self.combo.activated.connect(self._on_activated)
        self.combo.currentIndexChanged.connect(self._update_delete_button)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_selected)
        self._fill()

    def _library(self) -> TemplateLibrary:
        from gui.services.drafts.template_library import TemplateLibrary

        return TemplateLibrary(self._db_path)

    def ask_name(self, default: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("Save as template"), self.tr("Template name"), text=default)
        return name.strip() if ok and name.strip() else None

    def confirm_delete(self, name: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # not at the top: the first paint needs no dialog classes

        from gui.ui import dialogs

        return dialogs.ask(self, self.tr("Delete template"),  # Enter and Esc keep the template
                           self.tr("Delete the template “{0}”? This cannot be undone.").format(name),
                           self.tr("Delete"), self.tr("Keep it"), icon=QMessageBox.Icon.Warning)

    # -- reading -----------------------------------------------------------------------------------------
    def set_sms_type(self, sms_type: str) -> None:
        self._sms_type = str(sms_type)
        self._fill()

    def refresh(self) -> None:
        """Re-read the library in the background."""
        library = self._library
        run_in_background(lambda: library().all(), self._on_listed, self._on_failed)

    @Slot(object)
    def _on_listed(self, templates: list[LibraryTemplate]) -> None:
        self._templates = list(templates)
        self.loaded = True
        self._fill()

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self.failed.emit(self.tr("The template library is not available: {0}").format(error))

    def names(self) -> list[str]:
        """The names the combo offers for the current SMS type."""
        return [t.name for t in self._templates if t.sms_type == self._sms_type]

    def _fill(self) -> None:
        names = self.names()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Load a template…") if names else self.tr("None saved yet"), "")
        for name in names:
            self.combo.addItem(name, name)
        self.combo.setEnabled(bool(names))
        self.combo.blockSignals(False)
        self._update_delete_button()

    @Slot()
    def _update_delete_button(self) -> None:
        self.delete_button.setEnabled(bool(self.combo.currentData()))

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        self.load(str(self.combo.itemData(index) or ""))

    def load(self, name: str) -> bool:
        """Emit `chosen` for the template with this name (of the current type)."""
        template = next((t for t in self._templates if t.name == name and t.sms_type == self._sms_type), None)
        if template is not None:
            self.chosen.emit(template)
        return template is not None

    # -- writing -----------------------------------------------------------------------------------------
    @Slot()
    def save_current(self) -> None:
        """Ask a name and save the draft on screen (replacing a template of that name)."""
        template = self._current()
        name = self.ask_name(str(self.combo.currentData() or ""))
        if not name:
            return
        from gui.services.drafts.template_library import LibraryTemplate

        template = LibraryTemplate(name, template.sms_type, template.text, template.template_id, template.path,
                                   template.suffix_key, template.param_names)
        library = self._library

        def work() -> tuple[str, list[LibraryTemplate]]:
            store = library()
            store.save(template)
            return name, store.all()

        self.save_button.setEnabled(False)
        run_in_background(work, self._on_saved, self._on_save_failed)

    @Slot(object)
    def _on_saved(self, outcome: tuple[str, list[LibraryTemplate]]) -> None:
        name, templates = outcome
        self.save_button.setEnabled(True)
        self._on_listed(templates)
        self.combo.setCurrentIndex(max(self.combo.findData(name), 0))
        self.saved.emit(name)

    @Slot(object)
    def _on_save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self._on_failed(error)

    @Slot()
    def delete_selected(self) -> None:
        """Ask, then delete the template selected in the combo."""
        name = str(self.combo.currentData() or "")
        if not name or not self.confirm_delete(name):
            return
        library = self._library

        def work() -> tuple[str, list[LibraryTemplate]]:
            store = library()
            store.delete(name)
            return name, store.all()

        self.delete_button.setEnabled(False)
        run_in_background(work, self._on_deleted, self._on_save_failed)

    @Slot(object)
    def _on_deleted(self, outcome: tuple[str, list[LibraryTemplate]]) -> None:
        name, templates = outcome
        self._on_listed(templates)
        self.deleted.emit(name)
