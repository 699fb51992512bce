"""How the window was started, and the blocking look-ups it makes on the pool (journal, saved credentials)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from gui.domain.clock import Clock
from gui.services.sending.session import DEFAULT_SETTLE_SECONDS

if TYPE_CHECKING:  # the simulator and the engine load when used, on the pool, never at start-up
    from gui.services.sending.engine import Engine
    from gui.services.simulator.sandbox import SandboxSession


class WindowMode(NamedTuple):
    """How the window was started: sandbox (simulator) or live, and against which environment."""

    sandbox: bool = False
    env_id: str = ""
    api_base: str = ""
    session: SandboxSession | None = None  # the running simulator and its credentials, in sandbox mode
    clock: Clock | None = None  # the engine's clock (tests pass the simulator's)
    settle_seconds: float = DEFAULT_SETTLE_SECONDS  # wait before re-sending numbers the records do not show
    offer_sandbox: bool = True  # live mode without credentials: offer 练习模式


def open_engine(clock: Clock | None) -> Engine:
    """Open the journal (SQLite, crash recovery): blocking I/O, run on the pool."""
    from gui.services.sending.engine import Engine

    return Engine(clock=clock)


def has_credentials() -> bool:
    """Whether AppID/AppSecret are saved (keyring or environment); blocking, runs on the pool."""
    from gui.services.config.credentials import load_credentials

    try:
        return load_credentials() is not None
    except Exception:  # an unusable keyring counts as "none saved": the offer is harmless
        return False
