"""The report's charts, drawn with QPainter: outcomes as one stacked bar with a legend, delivery over time as bars.

QPainter rather than Qt Charts: the PySide6-Essentials wheel the app ships has no QtCharts (it lives in the
PySide6-Addons wheel, well over 100 MB more), and two simple charts do not need it. The same painting serves the
window, the PNG in the exported workbook and the one-page PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.services.results.report import CampaignReport, segment_label
from gui.ui.style import MUTED, TEXT

SEGMENT_COLOURS = {
    "delivered": "#07a35a",
    "awaiting": "#8fd6b0",
    "not_delivered": "#e8710a",
    "failed_retry": "#f2b705",
    "failed_blacklisted": "#d93026",
    "failed_other": "#a50e0e",
    "unknown": "#9334e6",
    "pending": "#c4c7c5",
    "skipped_invalid": "#5f6368",
    "skipped_duplicate": "#80868b",
    "skipped_suppressed": "#b0b5ba",
}



def visible_segments(report: CampaignReport) -> list[tuple[str, int]]:
    """The outcome segments the bar shows, in order: only those with a count."""
    return [(key, count) for key, count in report.segments if count]


def segment_widths(report: CampaignReport, width: float) -> list[tuple[str, float]]:
    """Each visible segment's share of `width`, proportional to its count (what the tests check)."""
    total = sum(count for _key, count in visible_segments(report))
    if not total:
        return []
    return [(key, width * count / total) for key, count in visible_segments(report)]


def paint_outcomes(painter: QPainter, rect: QRectF, report: CampaignReport, language: str) -> None:
    """A stacked bar of every row's outcome over `rect`'s width, with a two-column legend below it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(painter.font())
    line = metrics.height() + 6
    bar = QRectF(rect.left(), rect.top(), rect.width(), min(36.0, rect.height() / 3))
    x = bar.left()
    painter.setPen(Qt.PenStyle.NoPen)
    for key, width in segment_widths(report, bar.width()):
        painter.setBrush(QColor(SEGMENT_COLOURS.get(key, MUTED)))
        painter.drawRect(QRectF(x, bar.top(), width, bar.height()))
        x += width
    if x == bar.left():
        painter.setPen(QColor(MUTED))
        painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("ReportChart", "Nothing to show yet"))
    total = max(1, sum(count for _key, count in report.segments))
    columns = 2
    column_width = rect.width() / columns
    for index, (key, count) in enumerate(visible_segments(report)):
        left = rect.left() + (index % columns) * column_width
        top = bar.bottom() + 10 + (index // columns) * line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SEGMENT_COLOURS.get(key, MUTED)))
        painter.drawRoundedRect(QRectF(left, top + (line - 12) / 2 - 3, 12, 12), 2, 2)
        painter.setPen(QColor(TEXT))
        share = f"（{count / total:.0%}）" if language == "zh" else f" ({count / total:.0%})"
        text = f"{segment_label(key, language)}  {count}{share}"
        painter.drawText(QRectF(left + 18, top - 3, column_width - 22, line), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, column_width - 22))
    painter.restore()


def outcomes_height(report: CampaignReport, font: QFont) -> float:
    rows = (len(visible_segments(report)) + 1) // 2
    return 36 + 10 + rows * (QFontMetricsF(font).height() + 6)


def paint_delivery(painter: QPainter, rect: QRectF, report: CampaignReport) -> None:
    """Delivered numbers by minutes after sending, one bar per bucket with its count on top."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(painter.font())
    buckets = report.delivery
    if not buckets:
        painter.setPen(QColor(MUTED))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         QCoreApplication.translate("ReportChart", "Delivery over time appears once the receipts are fetched."))
        painter.restore()
        return
    label_height = metrics.height() + 4
    plot = QRectF(rect.left(), rect.top() + label_height, rect.width(), rect.height() - 2 * label_height)
    peak = max(1, max(b.delivered for b in buckets))
    slot = plot.width() / len(buckets)
    for index, bucket in enumerate(buckets):
        height = plot.height() * bucket.delivered / peak
        left = plot.left() + index * slot
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SEGMENT_COLOURS["delivered"]))
        painter.drawRect(QRectF(left + slot * 0.15, plot.bottom() - height, slot * 0.7, height))
        painter.setPen(QColor(TEXT))
        painter.drawText(QRectF(left, plot.bottom() - height - label_height, slot, label_height),
                         Qt.AlignmentFlag.AlignCenter, str(bucket.delivered))
        painter.setPen(QColor(MUTED))
        span = f"{bucket.start}–{bucket.end}" if bucket.end is not None else f"{bucket.start}+"
        painter.drawText(QRectF(left, plot.bottom() + 2, slot, label_height), Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(span, Qt.TextElideMode.ElideRight, slot))
    painter.setPen(QColor(MUTED))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.restore()


class OutcomeChart(QWidget):
    """The outcomes bar and legend as a widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportOutcomeChart")
        self.report: CampaignReport | None = None
        self.language = "zh"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_report(self, report: CampaignReport | None, language: str) -> None:
        self.report, self.language = report, language
        self.setFixedHeight(int(outcomes_height(report, self.font())) + 4 if report else 40)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.report is None:
            return
        painter = QPainter(self)
        paint_outcomes(painter, QRectF(self.rect()).adjusted(0, 2, 0, 0), self.report, self.language)
        painter.end()


class DeliveryChart(QWidget):
    """Delivery over time (minutes after sending) as a widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDeliveryChart")
        self.report: CampaignReport | None = None
        self.setFixedHeight(130)

    def set_report(self, report: CampaignReport | None) -> None:
        self.report = report
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.report is None:
            return
        painter = QPainter(self)
        paint_delivery(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.report)
        painter.end()
