"""The app session the window's pages share: the engine, the clock, sandbox or live, and how to build a client."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gui.domain.clock import Clock, SystemClock
from gui.services.config.settings import Settings, load_settings

if TYPE_CHECKING:  # HTTP, the engine and the simulator load when used; the window opens the engine on the pool
    from gui.services.api.client import CloudBaseClient
    from gui.services.sending.engine import Engine
    from gui.services.simulator.sandbox import SandboxSession

DEFAULT_SETTLE_SECONDS = 60.0


def _never_busy() -> bool:
    return False


class AppSession:
    """Owned by the main window and handed to the pages; entering the sandbox replaces `engine` and `sandbox`.

    `sandbox` is the running simulator with its credentials, or None for live sends. `busy` answers whether
    this window is sending right now (the main window points it at the send panel once that exists). `engine`
    is None until the window has opened it on the pool; pages that need it wait for it.

    A plain class, not a dataclass: it is state, compared by identity, and the window builds it before its first
    paint, where a dataclass's generated methods cost a compile each.
    """

    def __init__(self, engine: Engine | None, clock: Clock | None = None, sandbox: SandboxSession | None = None,
                 env_id: str = "", settle_seconds: float = DEFAULT_SETTLE_SECONDS,
                 busy: Callable[[], bool] = _never_busy) -> None:
        self.engine = engine
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.sandbox = sandbox
        self.env_id = env_id
        self.settle_seconds = settle_seconds  # wait before re-sending numbers the records do not show
        self.busy = busy

    @property
    def is_sandbox(self) -> bool:
        return self.sandbox is not None

    def settings(self) -> Settings:
        """settings.json as it is now (the 设置 page may have changed it); defaults if it cannot be read."""
        return load_settings()

    def campaign_env(self) -> str:
        if self.sandbox is not None:
            return self.sandbox.env_id
        return self.settings().env_id or self.env_id

    def make_client(self) -> CloudBaseClient:
        """A fresh API client; call it on the worker thread (the keyring may block) and close it there."""
        from gui.services.api.client import CloudBaseClient, client_from_environment

        if self.sandbox is not None:
            return CloudBaseClient(appid=self.sandbox.appid, secret=self.sandbox.secret,
                                   base_url=self.sandbox.base_url, clock=self.clock)
        return client_from_environment(clock=self.clock)

    def landing_url(self, path: str) -> str | None:
        """The static site's URL for `path`, or None when the domain is not set (live only)."""
        if self.sandbox is not None:
            return f"{self.sandbox.base_url}/{path.lstrip('/')}"  # the simulator serves the static site
        domain = self.settings().static_site_domain.strip().rstrip("/")
        if not domain:
            return None
        if "://" not in domain:
            domain = "https://" + domain
        return f"{domain}/{path.lstrip('/')}"
