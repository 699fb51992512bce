"""Benchmark (make bench): 1,000 batches of 1,000 numbers at 50 ms simulated latency, journal included."""

from __future__ import annotations

import time
from datetime import datetime

import httpx

from gui.domain.campaign import Campaign, ParamSource
from gui.domain.clock import ManualClock
from gui.domain.plan import plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.sms_text import SmsType
from gui.domain.statuses import NumberStatus
from gui.services.api.client import CloudBaseClient
from gui.services.journal.store import Journal
from gui.services.sending.runner import CampaignRunner
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET
from tests.support.simulator_process import simulator_process

BATCHES = 1000
BATCH_SIZE = 1000
LATENCY_MS = 50
ALLOWED = 1.15


def test_runner_keeps_within_15_percent_of_pure_latency(tmp_path):
    campaign = Campaign(
        name="bench", env=DEFAULT_ENV, sms_type=SmsType.NOTIFICATION, signature="云开发", template_id="923584",
        template_text="您购买的{1}已发货，详情见 {2}",
        template_params=(ParamSource(literal="书"), ParamSource(literal="/index.html")),
    )
    people = [Recipient(row=i + 2, number=f"+8613{i:09d}", fields={}) for i in range(BATCHES * BATCH_SIZE)]
    t0 = time.perf_counter()
    plan = plan_campaign(campaign, people, batch_size=BATCH_SIZE)
    t1 = time.perf_counter()
    clock = ManualClock(datetime(2026, 11, 27, 10, 0), running=True)
    # The simulator runs in its own process, as the platform does: its work must not share the runner's GIL.
    with simulator_process("--latency", str(LATENCY_MS), "--seed", "1", "--clock", clock.now().isoformat()) as base_url, \
            Journal(tmp_path / "j.db") as journal:
        campaign_id = journal.create_campaign(campaign, plan, created_at=clock.now())
        t2 = time.perf_counter()
        with CloudBaseClient(appid=DEFAULT_APPID, secret=DEFAULT_SECRET, base_url=base_url) as client:
            started = time.perf_counter()
            summary = CampaignRunner(journal, client, campaign_id, clock=clock).run()
            wall = time.perf_counter() - started
            today = clock.now().date().isoformat()
            # The simulator's own count of accepted numbers (TotalCount of one small page).
            answer = httpx.post(f"{base_url}/tcb/describesmsrecords", params={"access_token": client.tokens.token()},
                                json={"PostData": {"EnvId": DEFAULT_ENV, "StartDate": today, "EndDate": today,
                                                   "PageNumber": 1, "PageSize": 1}}).json()
            accepted = answer["TotalCount"]
    ideal = BATCHES * LATENCY_MS / 1000
    print(
        f"\nplan {t1 - t0:.1f} s · journal create {t2 - t1:.1f} s · runner {wall:.1f} s for {BATCHES} batches × "
        f"{BATCH_SIZE} at {LATENCY_MS} ms (ideal {ideal:.0f} s) → {wall / ideal:.3f}× · "
        f"{BATCHES * BATCH_SIZE / wall:,.0f} numbers/s"
    )
    assert summary.counts == {NumberStatus.ACCEPTED: BATCHES * BATCH_SIZE}
    assert accepted == BATCHES * BATCH_SIZE
    assert wall <= ideal * ALLOWED, f"{wall:.1f} s > {ALLOWED} × {ideal:.0f} s"
