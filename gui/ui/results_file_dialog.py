"""Where to write results (the save dialog), and what to do when they could not be written: 重试 or 另存为…."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.services.results.write_errors import ResultsNotWrittenError
from gui.ui import dialogs

RETRY = "retry"
SAVE_AS = "save_as"
CANCEL = ""


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    """The save dialog for a results file; None when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ResultsFileDialog", "Export results"),
        suggested,
        QCoreApplication.translate("ResultsFileDialog", "Excel workbook (*.xlsx);;CSV (*.csv)"),
    )
    return path or None


def not_written_text(error: ResultsNotWrittenError) -> str:
    """The one sentence that says what to do, in the window's language."""
    if error.locked:
        text = QCoreApplication.translate("ResultsFileDialog", "Close {0} in Excel first, then click Retry.")
        return text.format(error.path.name)
    text = QCoreApplication.translate(
        "ResultsFileDialog",
        "The folder {0} does not allow saving files. Click Save as… to choose another folder.",
    )
    return text.format(error.path.parent)


def ask_when_not_written(parent: QWidget, error: ResultsNotWrittenError) -> str:
    """Show the choice modally; returns RETRY, SAVE_AS or CANCEL."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ResultsFileDialog", "The results were not written"),
        not_written_text(error),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("resultsNotWrittenDialog")
    box.setInformativeText(
        QCoreApplication.translate("ResultsFileDialog", "Every result is kept in History; nothing is lost.")
    )
    retry = None
    if error.locked:
        retry = box.addButton(
            QCoreApplication.translate("ResultsFileDialog", "Retry"), QMessageBox.ButtonRole.AcceptRole
        )
    save_as = box.addButton(
        QCoreApplication.translate("ResultsFileDialog", "Save as…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry or save_as)
    clicked = dialogs.run(box)
    if retry is not None and clicked is retry:
        return RETRY
    return SAVE_AS if clicked is save_as else CANCEL
