"""The simulator's settings and test knobs; all of them may be changed while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from gui.domain.clock import Clock
from gui.domain.param_links import DEFAULT_PARAM_LINK_KEY

DEFAULT_APPID = "wx5and60x0000000001"
DEFAULT_SECRET = "sandbox-secret"
DEFAULT_ENV = "sandbox-env"
DEFAULT_TEMPLATES = {"923584": "您购买的{1}已发货，详情见 {2}"}
MARKETING_DAILY_LIMIT = 3  # carrier rule: at most 3 marketing SMS per number per day
SAME_CONTENT_SECONDS = 30


@dataclass
class SimulatorConfig:
    """What the sandbox account looks like and how badly the network and platform behave."""

    appid: str = DEFAULT_APPID
    secret: str = DEFAULT_SECRET
    env: str = DEFAULT_ENV
    latency_ms: int = 0  # each answer leaves this long after its request line arrived (our own work included)
    drop_probability: float = 0.0  # record the send, then close the connection without an answer
    busy_probability: float = 0.0  # answer -1 without accepting anything
    token_lifetime: int = 7200
    clock: Clock | None = None
    blacklist: set[str] = field(default_factory=set)
    resource_pack: int | None = None  # parts left in the SMS resource pack; None = unlimited
    seed: int | None = None
    mini_program_name: str = "云开发"
    short_name: str = ""
    templates: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TEMPLATES))
    record_error_probability: float = 0.0  # share of accepted numbers whose record says Status "error"
    # Per-number receipts (national digits): "error" = not delivered, "" = no receipt yet; others are "sent".
    receipt_status: dict[str, str] = field(default_factory=dict)
    delivery_seconds: dict[str, int] = field(default_factory=dict)  # receive time after sending; default 5 s
    static_site_enabled: bool = True  # False: -601028
    personal_account: bool = False  # True: -601033
    ip_whitelist: set[str] | None = None  # None: every caller allowed; else others get 40164
    caller_ip: str = "203.0.113.7"  # the "public IP" the simulator reports in 40164
    param_link_key: str = DEFAULT_PARAM_LINK_KEY  # how a Notification path value is sent (domain/param_links.py)
