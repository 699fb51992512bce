"""`python -m gui.ui.screenshots OUTDIR`: build the window with sample data and save one PNG per page."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PAGES = ("compose", "recipients", "review", "history", "settings")


def _sample_workbook(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号", "城市"])
    rows = [("张三", "13800138000", "上海"), ("李四", "1380013800", "北京"), ("王五", "13800138000", "杭州"),
            ("赵六", "+86 139 0013 9000", "深圳"), ("钱七", "021-6123456", "上海"), ("孙八", "13700137000", "广州")]
    for row in rows:
        sheet.append(list(row))
    path = folder / "客户名单.xlsx"
    book.save(path)
    return path


def _wait(app: object, condition: object, seconds: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "resources/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="sms-composer-shots-"))
    # Sample data only: never the user's own settings, keyring or database.
    os.environ["SMS_COMPOSER_DATA_DIR"] = str(work / "data")
    os.environ["SMS_COMPOSER_CONFIG_DIR"] = str(work / "config")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

    from PySide6.QtWidgets import QApplication

    from gui.ui.i18n import install_translators, resolve_language

    app = QApplication.instance() or QApplication([])
    install_translators(app, resolve_language(args[1] if len(args) > 1 else None))
    from datetime import datetime

    from gui.domain.clock import BEIJING, ManualClock
    from gui.services.simulator import Simulator, SimulatorConfig
    from gui.ui.main_window import MainWindow, WindowMode
    from gui.ui.sandbox import SandboxSession
    from gui.ui.workers import wait_for_background as drain

    # A sandbox at 10:00 Beijing time (inside the Marketing window) with two blacklisted numbers: mixed results.
    clock = ManualClock(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING), running=True)
    simulator = Simulator(SimulatorConfig(clock=clock, seed=7, blacklist={"13700137000"}), port=0)
    simulator.start()
    session = SandboxSession(base_url=simulator.base_url, appid=simulator.config.appid,
                             secret=simulator.config.secret, env_id=simulator.config.env, simulator=simulator)
    window = MainWindow(WindowMode(sandbox=True, env_id=session.env_id, api_base=session.base_url,
                                   session=session, clock=clock))
    window.resize(1180, 760)
    compose = window.compose
    compose.signature_edit.setText("云开发")
    compose.marketing.path_edit.setText("/index.html")
    compose.marketing.content_edit.setPlainText("能力上新")
    window.show()
    recipients = window.recipients
    if hasattr(recipients, "load"):
        recipients.load(_sample_workbook(work))
    drain(10000)
    for _ in range(5):
        app.processEvents()
    review = window.review
    review.batch_size = 2
    window.show_step(2)
    _wait(app, lambda: review.plan is not None and review.landing is not None)
    review.confirm = lambda text: True
    review.send()
    _wait(app, lambda: review.panel.last_result is not None, 20.0)
    window.show_step(3)
    _wait(app, lambda: window.history.table.rowCount() > 0)
    window.history.table.selectRow(0)
    _wait(app, lambda: window.history.numbers.model.rowCount() > 0)
    drain(10000)
    app.processEvents()
    saved = []
    for index, name in enumerate(PAGES):
        window.show_step(index)
        drain(10000)
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    compose.marketing.content_edit.setPlainText("能力上新，限时免费体验云开发全新短信群发功能，欢迎大家踊跃参加！")
    window.show_step(0)
    app.processEvents()
    path = out / "compose-too-long.png"
    window.grab().save(str(path))
    saved.append(path)
    window.close()
    simulator.stop()
    print("\n".join(str(p) for p in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
