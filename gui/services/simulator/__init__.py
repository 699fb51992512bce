"""A faithful local stand-in for the WeChat SMS API (练习模式): tokens, sendsms, records, static site."""

from __future__ import annotations

from gui.services.simulator.config import (
    DEFAULT_APPID,
    DEFAULT_ENV,
    DEFAULT_SECRET,
    DEFAULT_TEMPLATES,
    SimulatorConfig,
)
from gui.services.simulator.server import Simulator

__all__ = ["DEFAULT_APPID", "DEFAULT_ENV", "DEFAULT_SECRET", "DEFAULT_TEMPLATES", "Simulator", "SimulatorConfig"]
