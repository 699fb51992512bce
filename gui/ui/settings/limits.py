"""设置 → 发送限制: the frequency cap (发送频率上限（防骚扰）) fields."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QGroupBox, QSpinBox, QWidget

from gui.services.config.settings import Settings
from gui.ui.labels import field_hint


def _spin(parent: QWidget, name: str, maximum: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    return spin


class LimitsBox(QGroupBox):
    """The settings that limit sending; read from and written into `Settings`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sending limits"))
        self.per_day = _spin(self, "capPerDaySpin", 50)
        self.per_week = _spin(self, "capPerWeekSpin", 200)
        self.per_day.setSuffix(self.tr(" per number per day"))
        self.per_week.setSuffix(self.tr(" per number per 7 days"))
        form = QFormLayout(self)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Frequency cap"), self.per_day)
        form.addRow("", self.per_week)
        form.addRow("", field_hint(self.tr(
            "Marketing SMS only, counted over every campaign in History. Numbers over the cap are left out "
            "(listed with the rule) and checked again just before each batch. 0 switches a limit off."), self))

    def show_settings(self, s: Settings) -> None:
        self.per_day.setValue(s.cap_per_day)
        self.per_week.setValue(s.cap_per_week)

    def apply(self, s: Settings) -> Settings:
        return dataclasses.replace(s, cap_per_day=self.per_day.value(), cap_per_week=self.per_week.value())
