"""Access tokens: the stable token (default), the classic token (opt-in) and a pasted token."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta
from typing import Protocol

import httpx

from gui.domain.clock import Clock, SystemClock
from gui.services.api.catalogue import (
    classify_errcode,
    explain_errcode,
    explain_transport,
    parse_ip,
    parse_rid,
)
from gui.services.api.redact import log_filter
from gui.services.api.types import CallFailure, Explanation, OutcomeKind

# The platform renews tokens five minutes early; refreshing at the same margin never uses a dying token.
REFRESH_MARGIN_SECONDS = 300

CLASSIC_TOKEN_WARNING = Explanation(
    "经典方式（/cgi-bin/token）每次获取都会让之前的令牌在 5 分钟后失效，包括你们自己服务器正在使用的令牌。",
    "The classic method (/cgi-bin/token) invalidates the previous token after 5 minutes on every fetch, "
    "including the one your own server is using.",
    "除非管理员确认没有其他系统在用同一个小程序的令牌，否则请使用默认的稳定令牌方式。",
    "Unless an administrator confirms nothing else uses this mini program's token, keep the default stable-token mode.",
)


class TokenError(Exception):
    """No token could be obtained; `failure` says why (its text never contains the secret)."""

    def __init__(self, failure: CallFailure) -> None:
        super().__init__(failure.explanation.title_en)
        self.failure = failure


class TokenProvider(Protocol):
    """Anything that hands out a current access token."""

    can_refresh: bool

    def token(self, force_refresh: bool = False) -> str: ...

    def invalidate(self) -> None: ...


def _failure_from_transport(error: httpx.TransportError) -> CallFailure:
    # A failed token fetch never sends an SMS, so whatever went wrong, nothing was accepted.
    return CallFailure(OutcomeKind.NOT_SENT, None, type(error).__name__, explain_transport("not_sent"))


class _FetchingProvider:
    """Shared caching for providers that fetch tokens from the platform with AppID + AppSecret."""

    can_refresh = True

    def __init__(
        self, appid: str, secret: str, http: httpx.Client, base_url: str, clock: Clock | None = None
    ) -> None:
        self._appid = appid
        self._secret = secret
        self._http = http
        self._base_url = base_url.rstrip("/")
        self._clock = clock or SystemClock()
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at: datetime | None = None
        self.fetch_count = 0
        log_filter().add_secret(secret)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(appid={self._appid!r}, base_url={self._base_url!r})"

    def token(self, force_refresh: bool = False) -> str:
        with self._lock:
            now = self._clock.now()
            if not force_refresh and self._token and self._refresh_at and now < self._refresh_at:
                return self._token
            token, expires_in = self._fetch()
            self._store(token, now + timedelta(seconds=max(expires_in - REFRESH_MARGIN_SECONDS, 0)))
            return token

    def invalidate(self) -> None:
        with self._lock:
            self._store(None, None)

    def close(self) -> None:
        self.invalidate()

    def _store(self, token: str | None, refresh_at: datetime | None) -> None:
        # Old tokens stay registered with the log filter: masking a dead token costs nothing.
        self._token = token
        self._refresh_at = refresh_at

    def _request(self) -> httpx.Response:
        raise NotImplementedError

    def _fetch(self) -> tuple[str, int]:
        self.fetch_count += 1
        try:
            response = self._request()
        except httpx.TransportError as error:
            raise TokenError(_failure_from_transport(error)) from None
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict):
            raise TokenError(CallFailure(OutcomeKind.OTHER_ERROR, None, f"HTTP {response.status_code}",
                                         explain_transport("bad_response")))
        token = data.get("access_token")
        if isinstance(token, str) and token:
            log_filter().add_secret(token)  # before anything can log it
            expires_in = data.get("expires_in")
            return token, int(expires_in) if isinstance(expires_in, int | float) else 7200
        errcode = int(data.get("errcode") or -1) if str(data.get("errcode", "")).lstrip("-").isdigit() else -1
        errmsg = str(data.get("errmsg", ""))
        raise TokenError(
            CallFailure(
                classify_errcode(errcode, errmsg, token_call=True),
                errcode,
                errmsg,
                explain_errcode(errcode, errmsg, token_call=True),
                ip=parse_ip(errmsg),
                rid=parse_rid(errmsg),
            )
        )


class StableTokenProvider(_FetchingProvider):
    """`POST /cgi-bin/stable_token` with force_refresh false: independent of any other holder's token."""

    def _request(self) -> httpx.Response:
        return self._http.post(
            f"{self._base_url}/cgi-bin/stable_token",
            json={
                "grant_type": "client_credential",
                "appid": self._appid,
                "secret": self._secret,
                "force_refresh": False,
            },
        )


class ClassicTokenProvider(_FetchingProvider):
    """`GET /cgi-bin/token`: only on request, because each fetch retires the token other systems hold."""

    warning = CLASSIC_TOKEN_WARNING

    def _request(self) -> httpx.Response:
        return self._http.get(
            f"{self._base_url}/cgi-bin/token",
            params={"grant_type": "client_credential", "appid": self._appid, "secret": self._secret},
        )


class PastedTokenProvider:
    """A token the user pasted: used as is; when the platform rejects it there is no way to renew it."""

    can_refresh = False

    def __init__(self, token: str) -> None:
        self._token = token.strip()
        self._valid = bool(self._token)
        log_filter().add_secret(self._token)

    def __repr__(self) -> str:
        return "PastedTokenProvider(token=***)"

    def token(self, force_refresh: bool = False) -> str:
        if force_refresh or not self._valid:
            raise TokenError(
                CallFailure(OutcomeKind.TOKEN_ERROR, None, "", explain_transport("pasted_token_expired"))
            )
        return self._token

    def invalidate(self) -> None:
        self._valid = False

    def close(self) -> None:
        log_filter().remove_secret(self._token)
