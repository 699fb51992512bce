"""Regression: PySide6 6.12.0 on Python 3.11 dies after ~570 Python-side emits (bool_dealloc).

Runs in a subprocess so that an abort shows up as a failed exit code instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

EMITTER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

    COUNT = 10_000

    class Emitter(QObject):
        ping = Signal(int)
        done = Signal()

    class Counter(QObject):
        def __init__(self):
            super().__init__()
            self.received = 0

        @Slot(int)
        def on_ping(self, value):
            self.received += 1

    class Worker(QThread):
        def __init__(self, emitter):
            super().__init__()
            self.emitter = emitter

        def run(self):
            for i in range(COUNT):
                self.emitter.ping.emit(i)
            self.emitter.done.emit()

    app = QCoreApplication(sys.argv)
    emitter = Emitter()
    counter = Counter()
    emitter.ping.connect(counter.on_ping)
    for i in range(COUNT):  # same thread: direct connection
        emitter.ping.emit(i)
    assert counter.received == COUNT, counter.received

    worker = Worker(emitter)  # across threads: queued connection into the main loop
    emitter.done.connect(app.quit)
    worker.start()
    app.exec()
    worker.wait()
    assert counter.received == 2 * COUNT, counter.received
    print("received", counter.received)
    """
)


def test_ten_thousand_emits_in_and_across_threads_exit_cleanly() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", EMITTER], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "received 20000" in result.stdout
