"""SIGKILL the sending process at random moments, resume each time: every number is accepted exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gui.domain.statuses import NumberStatus
from gui.services.journal.store import Journal
from gui.services.simulator import DEFAULT_APPID, DEFAULT_SECRET, Simulator, SimulatorConfig
from tests.cli.cli_support import write_notification_campaign, write_recipients_csv

ROOT = Path(__file__).resolve().parents[3]
NUMBERS = 3000
KILLS = 12
SEED = int(os.environ.get("CRASH_TEST_SEED", "20261127"))


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SMS_COMPOSER_APPID=DEFAULT_APPID,
        SMS_COMPOSER_APPSECRET=DEFAULT_SECRET,
        SMS_COMPOSER_DATA_DIR=str(tmp_path / "data"),
        SMS_COMPOSER_CONFIG_DIR=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        SMS_COMPOSER_LANG="en",
    )
    env.pop("SMS_COMPOSER_CLOCK", None)
    return env


@pytest.mark.slow
def test_random_kills_then_resume_send_every_number_exactly_once(tmp_path, default_clock):
    rng = random.Random(SEED)
    config = SimulatorConfig(
        seed=SEED, latency_ms=20, drop_probability=0.05, busy_probability=0.05, token_lifetime=2,
        clock=default_clock,
    )
    campaign = write_notification_campaign(tmp_path / "c.json")
    people = write_recipients_csv(tmp_path / "r.csv", NUMBERS)
    env = _env(tmp_path)
    common = [sys.executable, "-m", "gui", "--data-dir", str(tmp_path / "data")]
    run_options = ["--settle", "0", "--retry-delay", "0.05"]
    moments: list[float] = []
    with Simulator(config) as simulator:
        common += ["--api-base", simulator.base_url]
        send = [*common, "send", str(campaign), "--recipients", str(people), "--yes", "--batch-size", "100"]
        resume = [*common, "resume", "--last", *run_options]
        created = False
        codes: list[int] = []
        for kill in range(KILLS + 20):
            command = resume if created else [*send, *run_options]
            env["SMS_COMPOSER_CLOCK"] = default_clock.now().isoformat()  # the child runs on the simulator's time
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if kill < KILLS:
                moment = rng.uniform(0.3, 1.2)
                moments.append(moment)
                try:
                    process.wait(timeout=moment)
                except subprocess.TimeoutExpired:
                    process.send_signal(signal.SIGKILL)
            _out, err = process.communicate(timeout=60)
            codes.append(process.returncode)
            created = created or ((tmp_path / "data" / "sms-composer.db").exists() and _has_campaign(tmp_path))
            if kill >= KILLS and process.returncode == 0:
                break
            context = f"seed={SEED} kill moments={moments} codes={codes}\n{err.decode(errors='replace')}"
            assert process.returncode in (0, 3, -signal.SIGKILL), context
        context = f"seed={SEED} kill moments={moments} codes={codes}"
        assert codes[-1] == 0, context
        assert codes.count(-signal.SIGKILL) >= KILLS // 2, context  # the kills really hit running sends
        accepted = Counter(record.mobile for record in simulator.accepted())
    assert len(accepted) == NUMBERS, context
    assert set(accepted.values()) == {1}, f"sent more than once: {[n for n, c in accepted.items() if c > 1][:5]} {context}"
    with Journal(tmp_path / "data" / "sms-composer.db", recover=False) as journal:
        rows = journal.numbers(1)
        if os.environ.get("CRASH_TEST_DEBUG"):
            print(codes, [(b.outcome, b.origin, b.state) for b in journal.batches(1) if b.outcome != "accepted"])
    assert {r.number for r in rows if r.status == NumberStatus.ACCEPTED} == set(accepted), context
    assert all(r.status == NumberStatus.ACCEPTED for r in rows), context


def _has_campaign(tmp_path: Path) -> bool:
    with Journal(tmp_path / "data" / "sms-composer.db", recover=False) as journal:
        return journal.last_campaign_id() is not None
