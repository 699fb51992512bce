"""The send confirmations: what will be sent, when and at what cost; and the separate repeat question (不发送 default)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.domain.campaign import Campaign
from gui.domain.clock import beijing
from gui.domain.plan import Plan
from gui.domain.recipients import ImportResult
from gui.domain.send_window import MARKETING_WINDOW
from gui.ui import dialogs


def source_name(imported: ImportResult | None) -> str:
    """The recipients file's name as the user knows it (or that the numbers were pasted)."""
    file = imported.file if imported is not None else ""
    return Path(file).name if file else QCoreApplication.translate("SendConfirmation", "pasted numbers")


def confirmation_text(plan: Plan, campaign: Campaign, imported: ImportResult | None, *, now: datetime,
                      sandbox: bool) -> str:
    """The first question: name, file, totals, cost, and when a held Marketing send will really start."""
    lines = [
        QCoreApplication.translate("SendConfirmation", "Send “{0}”?").format(campaign.name),
        QCoreApplication.translate("SendConfirmation", "Recipients from {0}: {1} numbers in {2} batches.").format(source_name(imported), plan.recipients,
                                                                      len(plan.batches)),
        QCoreApplication.translate("SendConfirmation", "Billed in total: {0} parts, about ¥{1}.").format(plan.total_parts, plan.estimate_yuan),
    ]
    if campaign.is_marketing and not MARKETING_WINDOW.is_open(now):
        opening = beijing(MARKETING_WINDOW.next_opening(now))
        lines.append(QCoreApplication.translate("SendConfirmation", "It is outside the Marketing send window (08:00–22:00 Beijing time): sending starts on "
                         "{0} (Beijing time). Keep this app open until then.").format(opening.strftime("%Y-%m-%d %H:%M")))
    lines.append(QCoreApplication.translate("SendConfirmation", "This is the sandbox: nothing is really sent.") if sandbox else QCoreApplication.translate("SendConfirmation", "This is a live send."))
    return "\n".join(lines)


def ask(parent: QWidget, text: str) -> bool:
    """发送 / 不发送, 不发送 by default (Enter and Esc do not send)."""
    return dialogs.ask(parent, QCoreApplication.translate("SendConfirmation", "Confirm sending"), text,
                       QCoreApplication.translate("SendConfirmation", "Send"),
                       QCoreApplication.translate("SendConfirmation", "Do not send"))


def repeat_text(message: str) -> str:
    return message + "\n\n" + QCoreApplication.translate("SendConfirmation", "Send it again anyway?")


def ask_repeat(parent: QWidget, text: str) -> bool:
    """The separate repeat question: 不发送 is the default and the Esc answer."""
    return dialogs.ask(parent, QCoreApplication.translate("SendConfirmation", "Send the same messages again?"), text,
                       QCoreApplication.translate("SendConfirmation", "Send again anyway"),
                       QCoreApplication.translate("SendConfirmation", "Do not send"),
                       icon=QMessageBox.Icon.Warning, yes_role=QMessageBox.ButtonRole.DestructiveRole)
