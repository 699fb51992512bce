"""The simulator's token desk: stable and classic tokens with lifetimes on the simulated clock."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from gui.services.simulator.config import SimulatorConfig

OVERLAP_SECONDS = 300  # the platform renews 5 minutes early and keeps old and new valid together


class TokenDesk:
    """Issues and checks access tokens like the platform does; the caller holds the state lock."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._expiry: dict[str, datetime] = {}
        self._stable: str | None = None
        self._classic: list[str] = []
        self.issued = 0

    def _new(self, now: datetime, lifetime: int) -> str:
        token = "SIMTOKEN_" + "".join(self._rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", k=40))
        self._expiry[token] = now + timedelta(seconds=lifetime)
        self.issued += 1
        return token

    def stable(self, config: SimulatorConfig, now: datetime, force_refresh: bool) -> tuple[str, int]:
        """Normal mode returns the same token while ≥5 minutes remain; force mode retires it at once."""
        current = self._stable
        if current and force_refresh:
            self._expiry[current] = now
        elif current:
            remaining = int((self._expiry[current] - now).total_seconds())
            if remaining >= OVERLAP_SECONDS:
                return current, remaining
        token = self._new(now, config.token_lifetime)
        self._stable = token
        return token, config.token_lifetime

    def classic(self, config: SimulatorConfig, now: datetime) -> tuple[str, int]:
        """Each fetch issues a new token; earlier classic tokens stop working 5 minutes later."""
        for old in self._classic:
            self._expiry[old] = min(self._expiry[old], now + timedelta(seconds=OVERLAP_SECONDS))
        token = self._new(now, config.token_lifetime)
        self._classic.append(token)
        return token, config.token_lifetime

    def check(self, token: str | None, now: datetime) -> int:
        """0 if the token may be used, else the platform's errcode (41001, 40001 or 42001)."""
        if not token:
            return 41001
        expiry = self._expiry.get(token)
        if expiry is None:
            return 40001
        if now >= expiry:
            return 42001
        return 0

    def revoke_all(self, now: datetime) -> None:
        """Expire every token (as if the platform rotated them) — a test knob."""
        for token in self._expiry:
            self._expiry[token] = min(self._expiry[token], now)
