"""Below the campaign list in 发送记录: the selected campaign's 报告 and 逐个号码 tabs."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.services.sending.session import AppSession
from gui.ui.history.report_view import ReportView
from gui.ui.sending.panel import StatusTable


class CampaignTabs(QTabWidget):
    """The report (first) and the per-number table; a report's link opens the table filtered to its numbers."""

    def __init__(self, session: AppSession, numbers: StatusTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTabs")
        self.report_view = ReportView(session, self)
        self.numbers = numbers
        self.report_view.numbers_requested.connect(self.show_numbers)
        self.addTab(self.report_view, self.tr("Report"))
        self.addTab(numbers, self.tr("Each number"))

    def show_report(self) -> None:
        self.setCurrentWidget(self.report_view)

    @Slot(str, object)
    def show_numbers(self, label: str, keys: tuple[str, ...]) -> None:
        """The numbers behind a failure group, in the per-number tab."""
        self.setCurrentWidget(self.numbers)
        self.numbers.show_keys(label, tuple(keys))
