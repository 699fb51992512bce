"""定时发送 in the window, on the simulator's own clock: scheduled from the review page, sent once when due,
a missed schedule asked about (never sent silently), a Marketing schedule outside the send window refused."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from PySide6.QtCore import Qt

from gui.domain.clock import BEIJING
from gui.domain.plan import plan_campaign
from gui.domain.statuses import CampaignState
from gui.services.sending.engine import Engine
from gui.services.sending.schedule import schedule_campaign
from gui.ui.sending.scheduler import LATER, SEND_NOW
from tests.services.sending.conftest import notification, recipients
from tests.support.simulator import simulator  # noqa: F401
from tests.ui.send_support import (
    compose_marketing,
    import_file,
    numbers,
    review,
    sandbox_window,
    write_workbook,
)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 27, hour, minute, tzinfo=BEIJING)


def sent_once(sim) -> Counter:
    return Counter(Counter(r.mobile for r in sim.accepted()).values())


def settled(window) -> bool:
    return not window.review.panel.is_sending() and not window.schedules.checking


def test_scheduled_on_the_review_page_and_sent_once_when_due(qtbot, simulator, tmp_path) -> None:  # noqa: F811
    window = sandbox_window(qtbot, simulator)
    compose_marketing(window)
    import_file(qtbot, window, write_workbook(tmp_path / "名单.xlsx", numbers(12)))
    review(qtbot, window, batch_size=5)
    page = window.review
    page.confirm = lambda text: True

    page.schedule.set_value(at(22, 30))  # Marketing at night: refused, nothing stored
    assert page.send_button.text() == "定时发送…"
    page.send_button.click()
    assert "08:00–22:00" in page.action_note.text()
    assert window.session.engine.campaigns() == []

    page.schedule.set_value(at(10, 30))
    page.send_button.click()
    qtbot.waitUntil(lambda: "已预约" in page.action_note.text(), timeout=5000)
    [info] = window.session.engine.campaigns()
    assert info.state == CampaignState.SCHEDULED and info.scheduled_at == "2026-11-27 10:30:00"
    window.schedules.check()  # 10:00: not yet
    qtbot.waitUntil(lambda: settled(window), timeout=5000)
    assert simulator.accepted() == [] and not window.review.panel.is_sending()

    simulator.clock.set(at(10, 30).replace(second=20))
    window.schedules.check()
    qtbot.waitUntil(lambda: len(simulator.accepted()) == 12 and settled(window), timeout=10000)
    window.schedules.check()  # the timer fires again: nothing left to send
    qtbot.waitUntil(lambda: settled(window), timeout=5000)
    assert sent_once(simulator) == Counter({1: 12})
    assert window.session.engine.info(info.id).state == CampaignState.DONE


def test_a_schedule_missed_while_closed_is_asked_about_not_sent(qtbot, simulator) -> None:  # noqa: F811
    with Engine(clock=simulator.clock) as engine:
        plan = plan_campaign(notification(), recipients(6, 商品="书"), batch_size=5)
        campaign_id = engine.journal.create_campaign(notification(), plan, created_at=engine.clock.now())
        schedule_campaign(engine, campaign_id, at(10, 30))
    simulator.clock.set(at(11, 0))  # the window opens half an hour late

    asked: list[tuple[int, datetime, bool]] = []
    window = sandbox_window(qtbot, simulator,
                            ask_schedule=lambda cid, when, missed: asked.append((cid, when, missed)) or (LATER, None))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked == [(campaign_id, at(10, 30), True)]
    window.schedules.check()  # asked once per session, never sent by the timer
    qtbot.waitUntil(lambda: settled(window), timeout=5000)
    assert len(asked) == 1 and simulator.accepted() == []

    window.show_step(3)
    history = window.history
    qtbot.waitUntil(lambda: not history.loading and bool(history.infos), timeout=5000)
    model = history.table.model()
    assert model.data(model.index(0, 3), Qt.ItemDataRole.DisplayRole) == "已预约 11-27 10:30"
    history.table.selectRow(0)
    window.ask_schedule = lambda cid, when, missed: asked.append((cid, when, missed)) or (SEND_NOW, None)
    assert history.buttons["scheduleButton"].isEnabled()
    history.buttons["scheduleButton"].click()
    assert asked[-1] == (campaign_id, at(10, 30), False)
    qtbot.waitUntil(lambda: len(simulator.accepted()) == 6 and not window.review.panel.is_sending(), timeout=10000)
    assert sent_once(simulator) == Counter({1: 6})


def test_the_schedule_time_shown_before_it_is_ticked_is_the_next_full_hour(qtbot) -> None:
    from datetime import datetime

    from gui.domain.clock import BEIJING, ManualClock
    from gui.ui.sending.schedule_dialogs import ScheduleOption, from_qt

    option = ScheduleOption(clock=ManualClock(datetime(2026, 11, 27, 10, 25, tzinfo=BEIJING)))
    qtbot.addWidget(option)
    assert not option.edit.isEnabled()
    assert from_qt(option.edit.dateTime()) == datetime(2026, 11, 27, 11, 0, tzinfo=BEIJING)  # not Qt's 2000-01-01
