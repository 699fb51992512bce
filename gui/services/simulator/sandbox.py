"""练习模式: the simulator started in-process, its own credentials, and a data folder apart from real sends."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from gui.services.config.paths import API_BASE_ENV, DATA_DIR_ENV, data_dir
from gui.services.simulator.config import SimulatorConfig
from gui.services.simulator.server import Simulator


@dataclass
class SandboxSession:
    """A running simulator plus the credentials and environment that go with it."""

    base_url: str
    appid: str
    secret: str = field(repr=False)
    env_id: str
    simulator: Simulator | None = field(repr=False, default=None)

    def stop(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None


class SandboxUnavailable(RuntimeError):
    """The simulator could not start (no free local port, or the data folder cannot be written)."""


def start_sandbox() -> SandboxSession:
    """Switch the process to a sandbox data folder and start the simulator on a free local port.

    Sets `SMS_COMPOSER_DATA_DIR` (journal and history stay apart from real sends) and
    `SMS_COMPOSER_API_BASE` (every client in this process talks to the simulator).
    """
    sandbox_dir = data_dir() / "sandbox"
    config = SimulatorConfig()
    simulator = Simulator(config, port=0)
    try:
        sandbox_dir.mkdir(parents=True, exist_ok=True)
        base_url = simulator.start()
    except OSError as error:
        raise SandboxUnavailable(f"{type(error).__name__}: {error}") from error
    os.environ[DATA_DIR_ENV] = str(sandbox_dir)
    os.environ[API_BASE_ENV] = base_url
    return SandboxSession(base_url=base_url, appid=config.appid, secret=config.secret, env_id=config.env,
                          simulator=simulator)
