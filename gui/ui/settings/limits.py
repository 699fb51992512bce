"""设置 → 发送限制: the frequency cap (发送频率上限（防骚扰）), the resource packs bought, and the budget limits."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
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
        # One pack per line: a handful of packs at most, so plain text beats a table here.
        self.packs = QPlainTextEdit(self)
        self.packs.setObjectName("packsEdit")
        self.packs.setPlaceholderText(self.tr("One pack per line: parts, price, bought on, expires on — "
                                              "e.g. 1000, 50, 2026-11-01, 2026-11-30"))
        self.packs.setMaximumHeight(90)
        add = QPushButton(self.tr("Add a pack"), self)
        add.setObjectName("addPackButton")
        add.clicked.connect(lambda: self.add_pack())
        packs = QVBoxLayout()
        packs.addWidget(self.packs)
        packs.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

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
            "The SMS packs bought in the CloudBase console. Check and send shows what is left (billed parts from the "
            "platform's records when fetched, estimates otherwise) and warns when a campaign needs more."), self))
        form.addRow(self.tr("Stop sending at"), self.per_campaign_limit)
        form.addRow("", self.per_day_limit)
        form.addRow("", field_hint(self.tr(
            "Sending stops before the batch that would go over; the rest stays pending. 0 means no limit."), self))

    def add_pack(self, size: int = PACK_OFFERS[0][0], price: Decimal = PACK_OFFERS[0][1],
                 bought: date | None = None, expires: date | None = None) -> None:
        bought = bought or SystemClock().now().date()  # a form default only: the user corrects it
        line = f"{size}, {price}, {bought.isoformat()}, {(expires or bought + timedelta(days=30)).isoformat()}"
        self.packs.appendPlainText(line)

    def show_settings(self, s: Settings) -> None:
        self.per_day.setValue(s.cap_per_day)
        self.per_week.setValue(s.cap_per_week)
        self.per_campaign_limit.setValue(s.limit_per_campaign)
        self.per_day_limit.setValue(s.limit_per_day)
        self.packs.clear()
        for pack in s.packs:
            self.add_pack(pack.size, pack.price, pack.purchased, pack.expires)

    def apply(self, s: Settings) -> Settings:
        """The settings with these fields; UserFacingError naming the pack row that cannot be read."""
        return s._replace(
            cap_per_day=self.per_day.value(), cap_per_week=self.per_week.value(), packs=self._packs(),
            limit_per_campaign=self.per_campaign_limit.value(), limit_per_day=self.per_day_limit.value())

    def _packs(self) -> tuple[ResourcePack, ...]:
        packs = []
        lines = [line for line in self.packs.toPlainText().splitlines() if line.strip()]
        for row, line in enumerate(lines):
            cells = [cell.strip() for cell in line.replace("，", ",").split(",")]
            try:
                if len(cells) != 4:
                    raise ValueError(line)
                packs.append(ResourcePack.from_json(
                    {"size": int(cells[0]), "price": cells[1], "purchased": cells[2], "expires": cells[3]}))
            except (ValueError, InvalidOperation):
                raise UserFacingError(
                    f"资源包第 {row + 1} 行看不懂：{line}。",
                    f"Resource pack line {row + 1} is not readable: {line}.",
                    action_zh="每行写：条数, 价格, 购买日期, 到期日期，例如 1000, 50, 2026-11-01, 2026-11-30。",
                    action_en="Write each line as: parts, price, bought on, expires on, e.g. 1000, 50, 2026-11-01, "
                              "2026-11-30.",
                ) from None
        return tuple(packs)
