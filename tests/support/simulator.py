"""The `simulator` fixture: a started sandbox API on a free port, seeded, on a hand-driven clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from gui.domain.clock import BEIJING, ManualClock
from gui.services.simulator import Simulator, SimulatorConfig

# Inside the Marketing send window, on a weekday, so sends are accepted unless a test moves the clock.
SIMULATOR_START = datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    """A running Simulator (port 0, seed 7, ManualClock at 2026-11-27 10:00 Beijing, not running)."""
    sim = Simulator(SimulatorConfig(clock=ManualClock(SIMULATOR_START), seed=7), port=0)
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()
