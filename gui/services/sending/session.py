"""What the send pages share: the engine, the clock, the mode (sandbox or live) and how to build a client."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gui.domain.clock import Clock, SystemClock
from gui.services.sending.engine import Engine


@dataclass
class SendContext:
    """Owned by the main window and handed to the pages; `switch_to_sandbox` replaces its fields in place.

    `session` is the running sandbox (base_url, appid, secret, env_id) or None for live sends.
    """

    engine: Engine
    clock: Clock = field(default_factory=SystemClock)
    session: Any = None
    env_id: str = ""

    @property
    def sandbox(self) -> bool:
        return self.session is not None

    def settings(self) -> Any:
        from gui.services.config.settings import Settings, load_settings

        try:
            return load_settings()
        except Exception:  # an unreadable settings file must not block sending pages
            return Settings()

    def campaign_env(self) -> str:
        if self.session is not None:
            return self.session.env_id
        return self.settings().env_id or self.env_id

    def make_client(self) -> Any:
        """A fresh API client; call it on the worker thread (the keyring may block) and close it there."""
        from gui.services.api.client import CloudBaseClient, client_from_environment

        if self.session is not None:
            return CloudBaseClient(appid=self.session.appid, secret=self.session.secret,
                                   base_url=self.session.base_url, clock=self.clock)
        return client_from_environment(clock=self.clock)

    def landing_url(self, path: str) -> str | None:
        """The static site's URL for `path`, or None when the domain is not set (live only)."""
        if self.session is not None:
            simulator = getattr(self.session, "simulator", None)
            if simulator is not None:
                return str(simulator.site_url(path))
            return f"{self.session.base_url}/{path.lstrip('/')}"
        domain = self.settings().static_site_domain.strip().rstrip("/")
        if not domain:
            return None
        if "://" not in domain:
            domain = "https://" + domain
        return f"{domain}/{path.lstrip('/')}"
