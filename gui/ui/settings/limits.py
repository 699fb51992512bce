"""设置 → 发送限制: the frequency cap (发送频率上限（防骚扰）), the resource packs bought, and the budget limits."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.domain.budget import PACK_OFFERS, ResourcePack
from gui.domain.clock import SystemClock
from gui.domain.errors import UserFacingError
from gui.services.config.settings import Settings
from gui.ui.labels import field_hint


def _spin(parent: QWidget, name: str, maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    spin.setSuffix(suffix)
    return spin


class LimitsBox(QGroupBox):
    """The settings that limit sending; read from and written into `Settings`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sending limits"))
        self.per_day = _spin(self, "capPerDaySpin", 50, self.tr(" per number per day"))
        self.per_week = _spin(self, "capPerWeekSpin", 200, self.tr(" per number per 7 days"))
        self.per_campaign_limit = _spin(self, "campaignLimitSpin", 10_000_000, self.tr(" parts per campaign"))
        self.per_day_limit = _spin(self, "dayLimitSpin", 10_000_000, self.tr(" parts per day"))
        self.packs = QTableWidget(0, 4, self)
        self.packs.setObjectName("packsTable")
        self.packs.setHorizontalHeaderLabels([self.tr("Parts"), self.tr("Price (¥)"), self.tr("Bought on"),
                                              self.tr("Expires on")])
        self.packs.verticalHeader().setVisible(False)
        self.packs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.packs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packs.setMaximumHeight(140)
        add = QPushButton(self.tr("Add a pack"), self)
        add.setObjectName("addPackButton")
        add.clicked.connect(self.add_pack)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setObjectName("removePackButton")
        remove.clicked.connect(self.remove_pack)
        pack_buttons = QHBoxLayout()
        pack_buttons.addWidget(add)
        pack_buttons.addWidget(remove)
        pack_buttons.addStretch(1)
        packs = QVBoxLayout()
        packs.addWidget(self.packs)
        packs.addLayout(pack_buttons)

        form = QFormLayout(self)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Frequency cap"), self.per_day)
        form.addRow("", self.per_week)
        form.addRow("", field_hint(self.tr(
            "Marketing SMS only, counted over every campaign in History. Numbers over the cap are left out "
            "(listed with the rule) and checked again just before each batch. 0 switches a limit off."), self))
        form.addRow(self.tr("Resource packs"), packs)
        form.addRow("", field_hint(self.tr(
            "The SMS packs bought in the CloudBase console. 检查并发送 shows what is left (billed parts from the "
            "platform's records when fetched, estimates otherwise) and warns when a campaign needs more."), self))
        form.addRow(self.tr("Stop sending at"), self.per_campaign_limit)
        form.addRow("", self.per_day_limit)
        form.addRow("", field_hint(self.tr(
            "Sending stops before the batch that would go over; the rest stays pending. 0 means no limit."), self))

    @Slot()
    def add_pack(self, size: int = PACK_OFFERS[0][0], price: Decimal = PACK_OFFERS[0][1],
                 bought: date | None = None, expires: date | None = None) -> None:
        bought = bought or SystemClock().now().date()  # a form default only: the user corrects it
        cells = (str(size), str(price), bought.isoformat(), (expires or bought + timedelta(days=30)).isoformat())
        row = self.packs.rowCount()
        self.packs.insertRow(row)
        for column, text in enumerate(cells):
            self.packs.setItem(row, column, QTableWidgetItem(text))

    @Slot()
    def remove_pack(self) -> None:
        for index in sorted({i.row() for i in self.packs.selectedIndexes()}, reverse=True):
            self.packs.removeRow(index)

    def show_settings(self, s: Settings) -> None:
        self.per_day.setValue(s.cap_per_day)
        self.per_week.setValue(s.cap_per_week)
        self.per_campaign_limit.setValue(s.limit_per_campaign)
        self.per_day_limit.setValue(s.limit_per_day)
        self.packs.setRowCount(0)
        for pack in s.packs:
            self.add_pack(pack.size, pack.price, pack.purchased, pack.expires)

    def apply(self, s: Settings) -> Settings:
        """The settings with these fields; UserFacingError naming the pack row that cannot be read."""
        return dataclasses.replace(
            s, cap_per_day=self.per_day.value(), cap_per_week=self.per_week.value(), packs=self._packs(),
            limit_per_campaign=self.per_campaign_limit.value(), limit_per_day=self.per_day_limit.value())

    def _packs(self) -> tuple[ResourcePack, ...]:
        packs = []
        for row in range(self.packs.rowCount()):
            cells = [(self.packs.item(row, c).text().strip() if self.packs.item(row, c) else "") for c in range(4)]
            try:
                packs.append(ResourcePack.from_json(
                    {"size": int(cells[0]), "price": cells[1], "purchased": cells[2], "expires": cells[3]}))
            except (ValueError, InvalidOperation):
                raise UserFacingError(
                    f"资源包第 {row + 1} 行看不懂：{' · '.join(cells)}。",
                    f"Resource pack row {row + 1} is not readable: {' · '.join(cells)}.",
                    action_zh="条数填正整数，价格填数字，日期写成 YYYY-MM-DD，到期日期不早于购买日期。",
                    action_en="Parts: a whole number; price: a number; dates as YYYY-MM-DD, expiry not before purchase.",
                ) from None
        return tuple(packs)
