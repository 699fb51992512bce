"""The window's look: one calm stylesheet (light panels, a quiet sidebar, green accent) and its colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from gui.services.config.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

ICONS = (resources_dir() / "icons").as_posix()

# The UI font, first one installed wins, per character: Windows, macOS, then the two common Linux CJK
# fonts. Latin text keeps the system's own font at the front; the CJK families are its fallbacks, so a
# missing font never leaves 口口口 where Chinese should be.
CJK_FONT_FAMILIES = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei")

ACCENT = "#07a35a"
ERROR = "#d93026"
WARNING = "#b26a00"
MUTED = "#6b7280"
TEXT = "#1f2328"
BORDER = "#dfe3e8"
SIDEBAR = "#f3f5f7"
BUBBLE = "#e9e9eb"

STYLESHEET = f"""
QMainWindow, QWidget#pageRoot {{ background: #ffffff; }}
QWidget {{ color: {TEXT}; font-size: 14px; }}
QListWidget#stepSidebar {{
    background: {SIDEBAR}; border: none; border-right: 1px solid {BORDER};
    padding: 16px 8px; outline: none; font-size: 15px;
}}
QListWidget#stepSidebar::item {{ padding: 10px 14px; margin: 2px 0; border-radius: 8px; color: #3c4043; }}
QListWidget#stepSidebar::item:hover {{ background: #e8ebee; }}
QListWidget#stepSidebar::item:selected {{ background: #ffffff; color: {ACCENT}; font-weight: bold; }}
QLabel#appTitle {{ font-size: 16px; font-weight: bold; padding: 18px 20px 6px 20px; background: {SIDEBAR}; }}
QLabel#pageTitle {{ font-size: 20px; font-weight: bold; }}
QLabel#pageHint, QLabel#fieldHint {{ color: {MUTED}; }}
QLabel#sectionLabel {{ font-weight: bold; }}
QLabel#sandboxBanner {{
    background: #fff4d6; color: #7a5200; border-bottom: 1px solid #f0dca0; padding: 8px 16px;
}}
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QTableWidget {{
    border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 8px; background: #ffffff;
    selection-background-color: #cdebd9; selection-color: {TEXT};
}}
QComboBox::drop-down {{ border: none; width: 26px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ border: none; width: 22px; }}
QAbstractSpinBox::up-arrow {{ image: url({ICONS}/chevron-up.svg); width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({ICONS}/chevron-down.svg); width: 10px; height: 10px; }}
QComboBox::down-arrow {{ image: url({ICONS}/chevron-down-12.png); width: 12px; height: 12px; }}
QScrollArea, QScrollArea > QWidget > QWidget#formColumn {{ background: #ffffff; border: none; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border-color: {ACCENT}; }}
QLineEdit[problem="true"], QPlainTextEdit[problem="true"], QTableWidget[problem="true"] {{ border-color: {ERROR}; }}
QPushButton {{
    border: 1px solid {BORDER}; border-radius: 6px; padding: 7px 16px; background: #ffffff;
}}
QPushButton:hover {{ background: #f4f6f8; }}
QPushButton#primaryButton, QPushButton#importButton, QPushButton[primary="true"] {{
    background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; font-weight: bold;
}}
QPushButton#primaryButton:hover, QPushButton#importButton:hover, QPushButton[primary="true"]:hover {{
    background: #068e4e;
}}
QPushButton:disabled {{ color: #a0a6ad; background: #f4f6f8; border-color: {BORDER}; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 6px; background: #f4f6f8; text-align: center; height: 20px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 5px; }}
QTableView {{ border: 1px solid {BORDER}; border-radius: 6px; gridline-color: #eef0f2; }}
QWidget#smsTypeSwitch QPushButton {{ border-radius: 0; padding: 7px 22px; }}
QWidget#smsTypeSwitch QPushButton:checked {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; }}
QPushButton#marketingButton {{ border-top-left-radius: 6px; border-bottom-left-radius: 6px; }}
QPushButton#notificationButton {{ border-top-right-radius: 6px; border-bottom-right-radius: 6px; }}
QLabel[counter="true"] {{ color: {MUTED}; font-size: 13px; }}
QLabel[counter="true"][state="error"] {{ color: {ERROR}; font-weight: bold; }}
QLabel[counter="true"][state="warning"] {{ color: {WARNING}; }}
QLabel#problemList {{ font-size: 13px; }}
QFrame#phoneFrame {{ background: #f7f7f8; border: 1px solid {BORDER}; border-radius: 18px; }}
QLabel#senderLine {{ color: {MUTED}; font-size: 12px; }}
QLabel#previewBubble {{
    background: {BUBBLE}; border-radius: 14px; padding: 10px 12px; font-size: 14px; color: #111111;
}}
QLabel#previewCaption {{ color: {MUTED}; font-size: 12px; }}
QStatusBar {{ background: {SIDEBAR}; border-top: 1px solid {BORDER}; color: #3c4043; }}
QStatusBar QLabel {{ padding: 0 10px; }}
QGroupBox {{ border: 1px solid {BORDER}; border-radius: 8px; margin-top: 14px; padding: 14px 12px 10px 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; font-weight: bold; }}
QHeaderView::section {{ background: {SIDEBAR}; border: none; border-bottom: 1px solid {BORDER}; padding: 6px; }}
"""


def apply_fonts(app: QApplication) -> QFont:
    """Give the application font the CJK fallback list (after the system UI family); returns the font."""
    # The application font starts as the system's UI font (what QFontDatabase.systemFont(GeneralFont) gives);
    # asking QFontDatabase would make PySide build its class and enums before the first paint (~0.5 ms).
    font = app.font()
    system = font.family()
    families = [system] if system and system not in CJK_FONT_FAMILIES else []
    font.setFamilies([*families, *CJK_FONT_FAMILIES])
    app.setFont(font)
    return font


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Change a stylesheet property and re-polish so the new colour shows."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        # Setting its (inherited) style sheet again re-polishes the widget if it was polished, and costs nothing
        # before its first show. style().unpolish()/polish() would do the same but make PySide build QStyle's and
        # all of Qt's enums, in the window's start-up (内容 sets its counters' states while it is built).
        widget.setStyleSheet(widget.styleSheet())
