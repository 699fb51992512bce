"""The simulator's HTTP side: a real server on 127.0.0.1 in a background thread."""

from __future__ import annotations

import html
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from gui.domain.clock import Clock
from gui.services.api.types import SmsRecord
from gui.services.simulator.config import SimulatorConfig
from gui.services.simulator.state import DROP, SimulatorState

SITE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{name}</title></head>
<body><h1>{name}</h1><p>练习模式的静态网站页面：{path}</p></body></html>
"""
MAX_BODY = 4 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    arrived = 0.0

    def log_message(self, format: str, *args: Any) -> None:
        # The default writes every request line (with its access_token) to stderr.
        return

    def _read_body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(min(length, MAX_BODY)) if length else b""
        if not raw:
            return None
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None

    def parse_request(self) -> bool:
        self.arrived = time.monotonic()  # the request line is in: the platform's latency counts from here
        return super().parse_request()

    def _answer(self, status: int, payload: bytes, content_type: str, head: bool = False) -> None:
        reason = self.responses.get(status, ("",))[0]
        head_lines = (
            f"{self.protocol_version} {status} {reason}\r\n"
            f"Server: {self.version_string()}\r\nDate: {self.date_time_string()}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
        ).encode("latin-1")
        # Head and body leave in one write, as a production server's writev does; the connection stays open
        # for the caller's next request, as the platform's does.
        self.wfile.write(head_lines if head else head_lines + payload)

    def _api(self, method: str) -> None:
        arrived = self.arrived
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        body = self._read_body() if method == "POST" else None
        try:
            result = self.server.state.handle(method, parts.path, query, body)
        except Exception as error:  # a simulator bug should reach the caller as a 500, not a hang
            self._answer(500, f"simulator error: {type(error).__name__}".encode(), "text/plain; charset=utf-8")
            return
        # Compact, as the platform answers: no spaces after separators.
        compact = json.dumps(result, ensure_ascii=False, separators=(",", ":")) if result is not DROP else ""
        payload = compact.encode("utf-8")
        # The platform's own work is part of its latency: answer `latency_ms` after arrival, not after our work.
        remaining = self.server.state.config.latency_ms / 1000 - (time.monotonic() - arrived)
        if remaining > 0:
            time.sleep(remaining)
        if result is DROP:
            self.close_connection = True  # the send is recorded; the caller never hears about it
            return
        self._answer(200, payload, "application/json; charset=utf-8")

    def _site(self, head: bool) -> bool:
        path = urlsplit(self.path).path
        if not path.endswith(".html"):
            return False
        name = html.escape(self.server.state.config.mini_program_name or "sandbox")
        page = SITE_PAGE.format(name=name, path=html.escape(path)).encode("utf-8")
        self._answer(200, page, "text/html; charset=utf-8", head=head)
        return True

    def do_GET(self) -> None:
        if self._site(head=False):
            return
        if urlsplit(self.path).path.startswith(("/cgi-bin/", "/tcb/")):
            self._api("GET")
            return
        self._answer(404, b"not found", "text/plain; charset=utf-8")

    def do_HEAD(self) -> None:
        if not self._site(head=True):
            self._answer(404, b"", "text/plain; charset=utf-8", head=True)

    def do_POST(self) -> None:
        if urlsplit(self.path).path.startswith(("/cgi-bin/", "/tcb/")):
            self._api("POST")
            return
        self._answer(404, b"not found", "text/plain; charset=utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a request sleeping on `latency_ms` must not block stop()
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: SimulatorState) -> None:
        super().__init__(address, _Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A caller that gave up (read timeout) leaves a broken pipe behind; that is the scenario, not a bug.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class Simulator:
    """The WeChat SMS API on 127.0.0.1: tokens, sendsms, describesmsrecords and the sandbox static site."""

    def __init__(self, config: SimulatorConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config or SimulatorConfig()
        self.host = host
        self.port = port
        self.base_url = ""
        self._state = SimulatorState(self.config)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"Simulator(base_url={self.base_url!r}, env={self.config.env!r})"

    @property
    def config(self) -> SimulatorConfig:
        return self._config

    @config.setter
    def config(self, value: SimulatorConfig) -> None:
        self._config = value
        if hasattr(self, "_state"):
            self._state.config = value

    @property
    def clock(self) -> Clock:
        return self._state.clock

    @property
    def state(self) -> SimulatorState:
        return self._state

    def start(self) -> str:
        """Start serving (port 0 picks a free port); returns the base URL."""
        if self._server is not None:
            return self.base_url
        self._server = _Server((self.host, self.port), self._state)
        self.port = self._server.server_address[1]
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="sms-simulator", daemon=True)
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- inspection and knobs ---------------------------------------------------------------------

    def accepted(self) -> list[SmsRecord]:
        """Every accepted number, in order (including sends whose answer was dropped)."""
        with self._state.lock:
            return [record.to_record() for record in self._state.records]

    def site_url(self, path: str) -> str:
        """The sandbox static-site URL for `path` (any *.html answers 200)."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def fail_next(self, path: str, errcode: int, errmsg: str = "", times: int = 1) -> None:
        """Answer the next call(s) to `path` with this errcode (errmsg defaults to a realistic one)."""
        self._state.fail_next(path, errcode, errmsg, times)

    def revoke_tokens(self) -> None:
        """Expire every token issued so far, as if the platform rotated them."""
        with self._state.lock:
            self._state.tokens.revoke_all(self.clock.now())

    @property
    def tokens_issued(self) -> int:
        return self._state.tokens.issued

    def answered(self, path: str | None = None) -> list[int]:
        """The errcodes answered so far (optionally for one path), oldest first."""
        with self._state.lock:
            return [code for p, code in self._state.request_log if path is None or p == path]
