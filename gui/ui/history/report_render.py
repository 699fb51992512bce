"""The report as one page for sharing: a PDF (QPdfWriter) or a PNG, from the window or the command line."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from gui.domain.statuses import state_label
from gui.services.results.report import CampaignReport
from gui.ui.history.chart import outcomes_height, paint_delivery, paint_outcomes
from gui.ui.style import ERROR, MUTED, TEXT

PAGE_WIDTH = 1000  # logical units of the page painting; the PDF and PNG scale it to fit



def headline_figures(report: CampaignReport) -> list[tuple[str, str]]:
    """The headline figures with their labels, as the view, the page and the export show them."""
    rate = f"{report.delivery_rate:.1%}" if report.delivery_rate is not None else "—"
    billed = str(report.billed_parts) if report.receipts_fetched else "—"
    billed_cost = f"¥{report.billed_cost}" if report.receipts_fetched else "—"
    return [
        (QCoreApplication.translate("ReportPage", "Recipients"), str(report.recipients)),
        (QCoreApplication.translate("ReportPage", "Accepted"), str(report.accepted)),
        (QCoreApplication.translate("ReportPage", "Delivered"), str(report.delivered)),
        (QCoreApplication.translate("ReportPage", "Delivery rate"), rate),
        (QCoreApplication.translate("ReportPage", "Failed"), str(report.failed)),
        (QCoreApplication.translate("ReportPage", "Pending / unknown"), str(report.pending + report.unknown)),
        (QCoreApplication.translate("ReportPage", "Estimated parts"),
         QCoreApplication.translate("ReportPage", "{0} ({1})").format(report.estimated_parts,
                                                                      f"¥{report.estimated_cost}")),
        (QCoreApplication.translate("ReportPage", "Billed parts (platform)"),
         QCoreApplication.translate("ReportPage", "{0} ({1})").format(billed, billed_cost)),
    ]


def paint_page(painter: QPainter, report: CampaignReport, language: str) -> float:
    """Paint the whole report from the top at PAGE_WIDTH wide; returns the height used."""
    zh = language == "zh"
    base = QFont(painter.font())
    base.setPixelSize(16)
    painter.setFont(base)
    metrics = QFontMetricsF(base)
    line = metrics.height() + 6
    y = 0.0
    title = QFont(base)
    title.setPixelSize(24)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(QColor(TEXT))
    heading = QCoreApplication.translate("ReportPage", "Campaign report") + f" · #{report.campaign_id} {report.name}"
    painter.drawText(QRectF(0, y, PAGE_WIDTH, 34), Qt.AlignmentFlag.AlignVCenter, heading)
    y += 40
    painter.setFont(base)
    painter.setPen(QColor(MUTED))
    painter.drawText(QRectF(0, y, PAGE_WIDTH, line), Qt.AlignmentFlag.AlignVCenter,
                     f"{state_label(report.state, language, report.counts)} · {report.created_at} · "
                     + QCoreApplication.translate("ReportPage", "Price per part ¥{0} (Settings)").format(report.price_per_part))
    y += line + 8
    figures = headline_figures(report)
    cell = PAGE_WIDTH / 4
    big = QFont(base)
    big.setPixelSize(22)
    big.setBold(True)
    for index, (label, value) in enumerate(figures):
        left, top = (index % 4) * cell, y + (index // 4) * (line + 34)
        painter.setFont(base)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(left, top, cell - 8, line), Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(big)
        painter.setPen(QColor(TEXT))
        painter.drawText(QRectF(left, top + line, cell - 8, 30), Qt.AlignmentFlag.AlignVCenter, value)
    y += 2 * (line + 34) + 10
    painter.setFont(base)
    height = outcomes_height(report, base)
    paint_outcomes(painter, QRectF(0, y, PAGE_WIDTH, height), report, language)
    y += height + 16
    if report.delivery:
        painter.setPen(QColor(TEXT))
        painter.drawText(QRectF(0, y, PAGE_WIDTH, line), Qt.AlignmentFlag.AlignVCenter,
                         QCoreApplication.translate("ReportPage", "Delivered, by minutes after sending"))
        y += line
        paint_delivery(painter, QRectF(0, y, PAGE_WIDTH * 0.6, 140), report)
        y += 150
    if report.failures:
        painter.setPen(QColor(TEXT))
        painter.drawText(QRectF(0, y, PAGE_WIDTH, line), Qt.AlignmentFlag.AlignVCenter, QCoreApplication.translate("ReportPage", "Failures by reason"))
        y += line + 4
        for group in report.failures:
            text = (f"{group.count} × {group.title_zh if zh else group.title_en}  "
                    f"{group.advice_zh if zh else group.advice_en}")
            bounds = painter.boundingRect(QRectF(0, y, PAGE_WIDTH, 200), Qt.TextFlag.TextWordWrap, text)
            painter.setPen(QColor(ERROR))
            painter.drawText(QRectF(0, y, PAGE_WIDTH, bounds.height()), Qt.TextFlag.TextWordWrap, text)
            y += bounds.height() + 6
    return y


def render_image(report: CampaignReport, language: str, *, scale: float = 1.5) -> QImage:
    """The page as a white PNG-ready image."""
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    height = paint_page(painter, report, language)
    painter.end()
    margin = 32
    image = QImage(int((PAGE_WIDTH + 2 * margin) * scale), int((height + 2 * margin) * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(margin, margin)
    paint_page(painter, report, language)
    painter.end()
    return image



def write_pdf(report: CampaignReport, out: Path, language: str) -> Path:
    """One A4 page, the painting scaled to the printable width (and down, if it is long, to fit)."""
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12))
    writer.setTitle(QCoreApplication.translate("ReportPage", "Campaign report"))
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    probe_painter = QPainter(probe)
    height = paint_page(probe_painter, report, language)
    probe_painter.end()
    scale = min(page.width() / PAGE_WIDTH, page.height() / max(height, 1.0))
    painter.scale(scale, scale)
    paint_page(painter, report, language)
    painter.end()
    return out


def render_report_file(report: CampaignReport, out: Path, language: str) -> Path:
    """PDF, or PNG when `out` ends in .png; works from the command line too (offscreen Qt, no window)."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        from gui.ui.i18n import install_translators
        from gui.ui.style import apply_fonts

        apply_fonts(app)  # type: ignore[arg-type]  # the CJK fallback list, as in the window
        install_translators(app, language)
        _keep.append(app)
    out = Path(out)
    if out.suffix.lower() == ".png":
        if not render_image(report, language).save(str(out), "PNG"):
            raise OSError(f"cannot write {out}")
        return out
    return write_pdf(report, out, language)


_keep: list[QGuiApplication] = []  # the command line's application object lives until the process ends
