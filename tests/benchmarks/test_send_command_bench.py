"""`sms-composer send --yes` end to end (make bench): start-up, import, plan, journal and 200 requests of 1,000 numbers
to the simulator (its own process, 50 ms latency), as a whole process, against a whole process that reads the same
workbook with python-calamine and posts the same requests with a bare httpx loop. SMS_COMPOSER_BENCH_SEND_ROWS sets
the size (default 200,000), SMS_COMPOSER_BENCH_SEND_PAIRS the number of pairs (default 3); the figure is the median
of paired, alternated runs, each against a fresh simulator."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from gui.domain.plan import plan_campaign
from gui.domain.recipients import Recipient
from gui.domain.statuses import BatchState, NumberStatus
from gui.services.config.paths import database_path
from gui.services.drafts.campaign_file import load_campaign
from gui.services.journal.store import Journal
from gui.services.journal.types import BatchRow
from gui.services.sending.requests import batch_request
from gui.services.simulator import DEFAULT_APPID, DEFAULT_ENV, DEFAULT_SECRET
from tests.benchmarks.workbooks import write_customers
from tests.support.simulator_process import simulator_process

pytestmark = pytest.mark.skipif(not os.environ.get("SMS_COMPOSER_BENCH"), reason="benchmark: make bench")
ROWS = int(os.environ.get("SMS_COMPOSER_BENCH_SEND_ROWS", "200000"))
PAIRS = int(os.environ.get("SMS_COMPOSER_BENCH_SEND_PAIRS", "3"))
LATENCY_MS = 50
ALLOWED = 1.15
START = datetime(2026, 11, 27, 10, 0)  # the simulator's and the command's clock (a weekday morning, Beijing)

# The bare way: read the sheet with python-calamine, one stable_token, then the app's request bodies in batches of
# 1000 on one httpx.Client, one after another; prints how many numbers the answers accepted.
BARE = """
import json, sys, httpx, python_calamine
path, base, appid, secret, shape = sys.argv[1:6]
rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows()
next(rows)
numbers = ["+86" + str(row[0]) for row in rows]
body = json.loads(shape)
accepted = 0
with httpx.Client(timeout=30) as client:
    token = client.post(f"{base}/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": appid, "secret": secret, "force_refresh": False,
    }).json()["access_token"]
    for start in range(0, len(numbers), 1000):
        body["phone_number_list"] = numbers[start:start + 1000]
        answer = client.post(f"{base}/tcb/sendsms", params={"access_token": token}, json=body).json()
        accepted += sum(1 for entry in answer["send_status_list"] if entry["code"] == "Ok")
print(accepted)
"""


def _write_campaign(path: Path) -> Path:
    path.write_text(json.dumps({
        "name": "发货通知", "env": DEFAULT_ENV, "sms_type": "Notification", "signature": "云开发",
        "template_id": "923584", "template_text": "您购买的{1}已发货，详情见 {2}",
        "template_param_list": ["书", "/index.html"],
    }, ensure_ascii=False), encoding="utf-8")
    return path


def _body_shape(campaign_file: Path) -> str:
    """The sendsms body the app builds for this campaign, without its numbers (the bare loop fills them in)."""
    campaign = load_campaign(campaign_file)
    batch = plan_campaign(campaign, [Recipient(row=2, number="+8613000000000", fields={})]).batches[0]
    row = BatchRow(0, 0, 0, batch.params, batch.rendered.parts, BatchState.PLANNED, 0, "", "", None, "", "", "plan")
    body = batch_request(campaign, row, ["+8613000000000"]).to_json()
    del body["phone_number_list"]
    return json.dumps(body, ensure_ascii=False)


def _accepted_by_simulator(base_url: str) -> int:
    """The simulator's own count of accepted numbers today (TotalCount of one small page)."""
    token = httpx.post(f"{base_url}/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": DEFAULT_APPID, "secret": DEFAULT_SECRET}).json()["access_token"]
    day = START.date().isoformat()
    answer = httpx.post(f"{base_url}/tcb/describesmsrecords", params={"access_token": token}, timeout=60,
                        json={"PostData": {"EnvId": DEFAULT_ENV, "StartDate": day, "EndDate": day,
                                           "PageNumber": 1, "PageSize": 1}}).json()
    return int(answer["TotalCount"])


class Bench:
    """Runs one command as a whole process against a fresh simulator and checks every number went out once."""

    def __init__(self, tmp_path: Path, book: Path, campaign: Path) -> None:
        self.tmp_path, self.book, self.campaign = tmp_path, book, campaign
        self.shape = _body_shape(campaign)
        self.env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        # The byte-code cache the benchmarks' conftest filled (gui and its lazy imports).
        self.env.update(PYTHONPYCACHEPREFIX=sys.pycache_prefix or str(tmp_path / "pycache"),
                        SMS_COMPOSER_APPID=DEFAULT_APPID, SMS_COMPOSER_APPSECRET=DEFAULT_SECRET,
                        SMS_COMPOSER_CONFIG_DIR=str(tmp_path / "config"), SMS_COMPOSER_CLOCK=START.isoformat())
        self.runs = 0

    def bare(self, book: Path, expected: int) -> float:
        with simulator_process("--latency", str(LATENCY_MS), "--seed", "1", "--clock", START.isoformat()) as base:
            command = [sys.executable, "-c", BARE, str(book), base, DEFAULT_APPID, DEFAULT_SECRET,
                       self.shape]
            started = time.perf_counter()
            done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=1800)
            wall = time.perf_counter() - started
            assert done.returncode == 0, done.stderr
            assert int(done.stdout) == expected
            assert _accepted_by_simulator(base) == expected
        return wall

    def app(self, book: Path, expected: int) -> float:
        self.runs += 1
        data = self.tmp_path / f"data-{self.runs}"  # a fresh journal every run: no repeat guard, no old campaigns
        with simulator_process("--latency", str(LATENCY_MS), "--seed", "1", "--clock", START.isoformat()) as base:
            command = [sys.executable, "-m", "gui", "--api-base", base, "--data-dir", str(data), "send",
                       str(self.campaign), "--recipients", str(book), "--yes"]
            started = time.perf_counter()
            done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=1800)
            wall = time.perf_counter() - started
            assert done.returncode == 0, done.stdout + done.stderr
            assert _accepted_by_simulator(base) == expected
        with Journal(database_path(data), recover=False) as journal:
            assert journal.counts(1) == {NumberStatus.ACCEPTED: expected}
        return wall


def test_send_within_ratio_of_bare_httpx_loop(tmp_path: Path) -> None:
    book, small = tmp_path / "客户.xlsx", tmp_path / "少量.xlsx"
    write_customers(book, ROWS)
    write_customers(small, 2000)
    bench = Bench(tmp_path, book, _write_campaign(tmp_path / "发货通知.json"))
    bench.bare(small, 2000)  # warm: the OS file cache, the simulator's and both commands' imports
    bench.app(small, 2000)
    ratios = []
    for index in range(PAIRS):
        if index % 2 == 0:
            bare, app = bench.bare(book, ROWS), bench.app(book, ROWS)
        else:
            app = bench.app(book, ROWS)
            bare = bench.bare(book, ROWS)
        ratios.append(app / bare)
        print(f"\n[send] bare calamine + httpx loop {bare:.2f} s · sms-composer send {app:.2f} s → {app / bare:.3f}×")
    ratio = statistics.median(ratios)
    ideal = ROWS / 1000 * LATENCY_MS / 1000
    print(f"[send] {ROWS:,} numbers in {ROWS // 1000} requests at {LATENCY_MS} ms (latency alone {ideal:.0f} s); "
          f"median of {PAIRS} paired runs: {ratio:.3f}×")
    assert ratio <= ALLOWED
