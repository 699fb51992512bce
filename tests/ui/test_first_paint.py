"""Work started after a window's first paint: not before it, once, in the order asked; a window never shown still
gets its work started at the next pass of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.ui.first_paint import after_first_paint, first_paint_done


class PaintLog(QObject):
    """Records, in the same list as the callbacks, when the window is painted."""

    def __init__(self, window: QWidget, log: list[str]) -> None:
        super().__init__(window)
        self.log = log
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in self.log:
            self.log.append("painted")
        return False


def test_callbacks_run_after_the_first_paint_once_in_order(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    child = QLabel("内容", window)
    QVBoxLayout(window).addWidget(child)
    log: list[str] = []
    PaintLog(window, log)
    after_first_paint(child, lambda: log.append("first"))  # registered through a child: its window's paint counts
    after_first_paint(window, lambda: log.append("second"))
    window.show()
    qtbot.waitUntil(lambda: "second" in log, timeout=5000)
    window.update()
    qtbot.wait(50)  # later paints start nothing again
    assert log == ["painted", "first", "second"]
    after_first_paint(window, lambda: log.append("late"))  # asked after the paint: at the next pass
    qtbot.waitUntil(lambda: "late" in log, timeout=5000)
    assert log == ["painted", "first", "second", "late"]


def test_each_callback_has_a_pass_of_the_event_loop_to_itself(qtbot) -> None:
    """Together the window's callbacks take ~100 ms: between two of them the event loop runs (input, timers)."""
    window = QWidget()
    qtbot.addWidget(window)
    passes = [0]
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: passes.__setitem__(0, passes[0] + 1))
    ticker.start(0)
    seen: list[int] = []
    for _ in range(3):
        after_first_paint(window, lambda: seen.append(passes[0]))
    window.show()
    qtbot.waitUntil(lambda: len(seen) == 3 and first_paint_done(window), timeout=5000)
    assert seen[0] < seen[1] < seen[2]


def test_a_window_nobody_shows_starts_its_work_at_the_next_pass(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    log: list[str] = []
    after_first_paint(window, lambda: log.append("started"))
    assert log == []  # never during the call itself
    qtbot.waitUntil(lambda: log == ["started"], timeout=5000)


def test_flags_set_by_name_at_start_up_take_effect(qtbot) -> None:
    """The start-up path sets some alignments, flags and policies by name (to keep Qt's enum namespace out of the
    first paint); a misspelt name would be a silent no-op, so the values are checked here, with the enums."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFormLayout, QPushButton

    from gui.ui.main_window import MainWindow, WindowMode

    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    preview = window.compose.preview
    assert window.sidebar.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert preview.sender.alignment() == Qt.AlignmentFlag.AlignHCenter
    assert preview.bubble.textFormat() == Qt.TextFormat.RichText
    assert preview.bubble.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert window.compose.scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    [form] = [item for item in window.compose.marketing.layout_.children() if isinstance(item, QFormLayout)]
    assert form.labelAlignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    qtbot.waitUntil(lambda: first_paint_done(window))  # buttons are made keyboard-friendly after the paint
    buttons = window.compose.findChildren(QPushButton)
    assert buttons and all(b.focusPolicy() == Qt.FocusPolicy.StrongFocus for b in buttons)


def test_the_notification_editor_is_built_after_the_first_paint_or_when_used(qtbot) -> None:
    from PySide6.QtWidgets import QTableWidget

    from gui.domain.sms_text import SmsType
    from gui.ui.main_window import MainWindow, WindowMode

    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    compose = window.compose
    assert compose.findChildren(QTableWidget) == []  # not part of the start-up
    window.show()
    qtbot.waitUntil(lambda: first_paint_done(window))
    [table] = compose.findChildren(QTableWidget)
    assert table is compose.notification.params_table and compose.stack.count() == 2
    assert not table.tabKeyNavigation()  # the keyboard pass after the paint saw it

    early = MainWindow(WindowMode())  # asked for before the paint: built then, once
    qtbot.addWidget(early)
    early.compose.set_sms_type(SmsType.NOTIFICATION)
    assert early.compose.stack.currentWidget() is early.compose.notification
    early.show()
    qtbot.waitUntil(lambda: first_paint_done(early))
    assert early.compose.stack.count() == 2 and len(early.compose.findChildren(QTableWidget)) == 1


def test_compose_is_laid_out_in_the_styled_fonts_and_alone_when_built(qtbot) -> None:
    """内容's layouts wait for the window's style sheet (measuring before it measures every text twice); a 内容
    built without a main window lays itself out as it is built."""
    from gui.ui.compose import ComposeView
    from gui.ui.main_window import MainWindow, WindowMode

    window = MainWindow(WindowMode())
    qtbot.addWidget(window)
    assert window.compose.held.released and window.styleSheet()  # released once the style sheet is set
    alone = ComposeView()
    qtbot.addWidget(alone)
    assert alone.held.released
    alone.resize(1000, 700)
    alone.show()
    qtbot.waitExposed(alone)
    assert alone.held.released
    edit, footer = alone.marketing.content_edit, alone.footer
    assert edit.isVisible() and edit.width() > 200 and edit.height() > 40
    assert footer.isVisible() and footer.geometry().top() > edit.geometry().bottom()  # under the editor
    assert alone.problems.isVisible() and alone.problems.height() > 10
