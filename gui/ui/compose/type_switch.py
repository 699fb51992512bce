"""内容's two-button switch between a Marketing and a Notification SMS."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from gui.ui.labels import push_button


class TypeSwitch(QWidget):
    """Two checkable buttons side by side, one checked at a time (Marketing at first); `group` tells the toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smsTypeSwitch")
        self.marketing_button = push_button(self.tr("Marketing SMS"), self, "marketingButton")
        self.notification_button = push_button(self.tr("Notification SMS"), self, "notificationButton")
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for button in (self.marketing_button, self.notification_button):
            button.setCheckable(True)
            self.group.addButton(button)
            row.addWidget(button)
        self.marketing_button.setChecked(True)
