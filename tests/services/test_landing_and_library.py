"""The two small services the window needs: the landing-page check (against the simulator) and the template
library (a real SQLite file)."""

from __future__ import annotations

import sqlite3

from gui.services.api.landing_check import check_landing_page
from gui.services.config.paths import database_path
from gui.services.drafts.template_library import LibraryTemplate, TemplateLibrary
from tests.support.simulator import simulator  # noqa: F401


def test_landing_page_answers_200_in_the_sandbox(simulator) -> None:  # noqa: F811
    result = check_landing_page(simulator.site_url("/index.html"))
    assert result.ok and result.status_code == 200
    assert "落地页可以打开" in result.message_zh


def test_missing_landing_page_is_reported_with_the_status(simulator) -> None:  # noqa: F811
    result = check_landing_page(simulator.site_url("/no-such-page.png"))
    assert not result.ok and result.status_code not in (None, 200)
    assert f"HTTP {result.status_code}" in result.message_zh and "Upload" in result.message_en


def test_unreachable_site_is_a_clear_message_not_an_exception() -> None:
    result = check_landing_page("http://127.0.0.1:9/index.html", timeout=2)
    assert not result.ok and result.status_code is None
    assert "打不开落地页" in result.message_zh


def test_template_library_round_trip_in_the_app_database() -> None:
    library = TemplateLibrary()
    library.save(LibraryTemplate("到货通知", "Notification", "您好{1}，您的订单{2}已到货", template_id="923584",
                                 param_names=("姓名", "订单号")))
    library.save(LibraryTemplate("双十一", "Marketing", "能力上新", path="/index.html", suffix_key="tcbe_reply_t"))
    library.save(LibraryTemplate("双十一", "Marketing", "限时免费", path="/sale.html"))  # same name: replaced
    reopened = TemplateLibrary()
    assert [t.name for t in reopened.all()] == ["到货通知", "双十一"]
    notice = reopened.get("到货通知")
    assert notice is not None and notice.param_names == ("姓名", "订单号") and notice.template_id == "923584"
    assert reopened.get("双十一").text == "限时免费"
    assert [t.name for t in reopened.all("Notification")] == ["到货通知"]
    assert reopened.delete("双十一") and not reopened.delete("双十一")
    with sqlite3.connect(database_path()) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT COUNT(*) FROM library_templates").fetchone()[0] == 1
