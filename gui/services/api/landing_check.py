"""The landing-page check before a Marketing send: the static site's page for `path` must answer 200."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from gui.services.api.redact import redact_url


@dataclass(frozen=True)
class LandingCheck:
    """The answer for one URL: `ok` only for HTTP 200; the messages say what to do otherwise."""

    url: str
    ok: bool
    status_code: int | None
    message_zh: str
    message_en: str


def check_landing_page(url: str, *, timeout: float = 10.0, client: httpx.Client | None = None) -> LandingCheck:
    """GET `url` (following redirects) and report whether the page answers 200. Never raises for HTTP trouble."""
    shown = redact_url(url)
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    try:
        response = http.get(url)
    except httpx.HTTPError as error:
        return LandingCheck(
            shown, False, None,
            f"打不开落地页 {shown}（{type(error).__name__}）。请检查静态网站域名和网络。",
            f"The landing page {shown} could not be reached ({type(error).__name__}). "
            "Check the static-site domain and the network.",
        )
    finally:
        if own:
            http.close()
    if response.status_code == 200:
        return LandingCheck(shown, True, 200, f"落地页可以打开：{shown}", f"The landing page opens: {shown}")
    return LandingCheck(
        shown, False, response.status_code,
        f"落地页 {shown} 返回 HTTP {response.status_code}，短链接会打开错误页面。请先把页面上传到静态网站。",
        f"The landing page {shown} answers HTTP {response.status_code}; the short link would open an error page. "
        "Upload the page to the static site first.",
    )
