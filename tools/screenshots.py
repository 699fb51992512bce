"""`python -m tools.screenshots OUTDIR [--lang en]`: build the window with sample data, save one PNG per step."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

PAGES = ("compose", "recipients", "review", "history", "settings")
NOTIFICATION_TEMPLATE = "{1}您好，您预约的{2}活动将于明天开始，详情见小程序"


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


def _report_workbook(folder: Path) -> Path:
    """40 customers, two of them blacklisted, plus a bad and a repeated row: a report with something to show."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号", "城市"])
    for n in range(40):
        sheet.append([f"客户{n + 1}", f"1391234{n:04d}", "上海"])
    sheet.append(["坏号码", "12345", "北京"])
    sheet.append(["重复", "13912340000", "北京"])
    path = folder / "会员名单.xlsx"
    book.save(path)
    return path


def _report_shot(app: Any, window: Any, simulator: Any, shoot: Any, name: str) -> None:
    """A second campaign with delivered, not delivered, pending and blacklisted numbers; its 报告 at 1024×768."""
    from gui.ui.workers import wait_for_background as drain

    config = simulator.config
    config.blacklist = {"13912340007", "13912340021"}
    config.receipt_status = {"13912340003": "error", "13912340011": "error", "13912340030": "", "13912340031": ""}
    config.delivery_seconds = {f"1391234{n:04d}": (n % 9) * 45 for n in range(40)}
    window.compose.marketing.content_edit.setPlainText("会员日全场八折")
    window.recipients.load(_report_workbook(Path(tempfile.mkdtemp(prefix="sms-composer-report-"))))
    drain(10000)
    _wait(app, lambda: window.recipients.result is not None and not window.recipients.busy)
    review = window.review
    review.batch_size = 10
    window.show_step(2)
    _wait(app, lambda: review.plan is not None and review.landing is not None and review.send_button.isEnabled())
    review.confirm = lambda text: True
    before = review.panel.campaign_id
    review.send()
    _wait(app, lambda: review.panel.campaign_id not in (None, before) and review.panel.last_result is not None
          and not review.panel.is_sending(), 20.0)
    view = window.history.report_view
    campaign_id = review.panel.campaign_id
    window.show_campaign(campaign_id)
    _wait(app, lambda: view.report is not None and not view.loading and view.report.campaign_id == campaign_id)
    window.session.clock.advance(600)
    view.fetch_receipts()
    _wait(app, lambda: not view.fetching and not view.loading and view.report is not None
          and view.report.receipts_fetched)
    window.resize(1024, 768)
    shoot(3, name)


def _wait(app: QCoreApplication, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument("out", nargs="?", default="resources/screenshots", type=Path, help="folder for the PNGs")
    parser.add_argument("--lang", default=None, help="zh (default) or en")
    parser.add_argument("--size", default="1180x760", help="window size in logical pixels, e.g. 1024x768")
    parser.add_argument("legacy_lang", nargs="?", default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def sample_window(language: str = "zh", size: tuple[int, int] = (1180, 760)) -> tuple[Any, Any, Any]:
    """The window in 练习模式 with sample data (templates, an imported workbook), shown offscreen.

    Returns (app, window, simulator); stop the simulator when done. Data, config and keyring are throwaway.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="sms-composer-shots-"))
    # Sample data only: never the user's own settings, keyring or database.
    os.environ["SMS_COMPOSER_DATA_DIR"] = str(work / "data")
    os.environ["SMS_COMPOSER_CONFIG_DIR"] = str(work / "config")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

    from PySide6.QtWidgets import QApplication

    from gui.ui.i18n import install_translators, resolve_language
    from gui.ui.style import apply_fonts

    app = QApplication.instance() or QApplication([])
    apply_fonts(app)
    install_translators(app, resolve_language(language))
    from datetime import datetime

    from gui.domain.clock import BEIJING, ManualClock
    from gui.services.drafts.template_library import LibraryTemplate, TemplateLibrary
    from gui.services.simulator import Simulator, SimulatorConfig
    from gui.services.simulator.sandbox import SandboxSession
    from gui.ui.main_window import MainWindow, WindowMode
    from gui.ui.workers import wait_for_background as drain

    library = TemplateLibrary()
    library.save(LibraryTemplate("活动预约提醒", "Notification", NOTIFICATION_TEMPLATE, template_id="923584",
                                 param_names=("姓名", "城市")))
    library.save(LibraryTemplate("能力上新", "Marketing", "能力上新", path="/index.html"))
    # A sandbox at 10:00 Beijing time (inside the Marketing window) with a blacklisted number: mixed results.
    clock = ManualClock(datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING), running=True)
    simulator = Simulator(SimulatorConfig(clock=clock, seed=7, blacklist={"13700137000"}), port=0)
    simulator.start()
    session = SandboxSession(base_url=simulator.base_url, appid=simulator.config.appid,
                             secret=simulator.config.secret, env_id=simulator.config.env, simulator=simulator)
    window = MainWindow(WindowMode(sandbox=True, env_id=session.env_id, api_base=session.base_url,
                                   session=session, clock=clock))
    window.resize(*size)
    compose = window.compose
    compose.signature_edit.setText("云开发")
    compose.marketing.path_edit.setText("/index.html")
    compose.marketing.content_edit.setPlainText("能力上新")
    window.show()
    window.recipients.load(_sample_workbook(work))
    drain(10000)
    _wait(app, lambda: compose.library.loaded and bool(compose.notification.columns()))
    for _ in range(5):
        app.processEvents()
    return app, window, simulator


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(part) for part in args.size.lower().split("x"))
    app, window, simulator = sample_window(args.lang or args.legacy_lang or "zh", size=(width, height))
    compose = window.compose
    session = window.mode.session
    from gui.domain.campaign import ParamSource
    from gui.domain.sms_text import SmsType
    from gui.ui.workers import wait_for_background as drain

    saved: list[Path] = []

    def shoot(step: int, name: str) -> None:
        window.show_step(step)
        drain(10000)
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        saved.append(path)

    shoot(0, "compose")
    shoot(1, "recipients")
    review = window.review
    review.batch_size = 2
    window.show_step(2)
    _wait(app, lambda: review.plan is not None and review.landing is not None)
    shoot(2, "review")
    review.confirm = lambda text: True
    review.send()
    _wait(app, lambda: review.panel.last_result is not None, 20.0)
    shoot(2, "send-finished")
    window.show_step(3)
    _wait(app, lambda: window.history.model.rowCount() > 0)
    window.history.table.selectRow(0)
    _wait(app, lambda: window.history.numbers.model.rowCount() > 0)
    shoot(3, "history")
    settings = window.settings_page
    for name, value in (("env_edit", session.env_id), ("name_edit", "云开发"), ("short_edit", "云开发"),
                        ("domain_edit", "sandbox-env-1234.tcloudbaseapp.com")):
        edit = getattr(settings, name, None)
        if edit is not None:
            edit.setText(value)
    shoot(4, "settings")

    # The Notification editor: a saved template, one parameter from a column, the preview for row 5.
    compose.set_sms_type(SmsType.NOTIFICATION)
    compose.library.load("活动预约提醒")
    compose.library.combo.setCurrentIndex(compose.library.combo.findData("活动预约提醒"))
    compose.notification.set_param_sources([ParamSource(column="姓名"), ParamSource(column="城市")])
    compose.set_preview_row(5)
    shoot(0, "compose-notification")
    compose.set_sms_type(SmsType.MARKETING)
    compose.marketing.content_edit.setPlainText("能力上新，限时免费体验云开发全新短信群发功能，欢迎大家踊跃参加！")
    shoot(0, "compose-too-long")
    _report_shot(app, window, simulator, shoot, "report" if (args.lang or args.legacy_lang or "zh") == "zh"
                 else "report-en")
    window.close()
    simulator.stop()
    print("\n".join(str(p) for p in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
