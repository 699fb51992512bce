"""The CloudBase SMS client: sendsms and describesmsrecords over HTTPS, with every failure classified."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import httpx

from gui.domain.clock import BEIJING, Clock, SystemClock
from gui.domain.phone import normalise_mobile
from gui.services.api.catalogue import (
    TOKEN_ERRCODES,
    classify_errcode,
    classify_number_code,
    explain_errcode,
    explain_number_code,
    explain_transport,
    parse_ip,
    parse_rid,
)
from gui.services.api.redact import install_log_redaction, log_filter, redact_url
from gui.services.api.tokens import (
    ClassicTokenProvider,
    PastedTokenProvider,
    StableTokenProvider,
    TokenError,
    TokenProvider,
)
from gui.services.api.types import (
    MAX_NUMBERS_PER_REQUEST,
    ApiError,
    CallFailure,
    Explanation,
    NumberClass,
    NumberResult,
    OutcomeKind,
    SendOutcome,
    SendSmsRequest,
    SmsRecord,
)
from gui.services.config.settings import DEFAULT_API_BASE

TOKEN_MODES = ("stable", "classic", "pasted")
MAX_RECORD_PAGES = 1000  # a guard against a server whose TotalCount never matches its pages

# Exceptions raised before any byte of the request reached the server: nothing can have been accepted.
_NEVER_LEFT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError,
               httpx.UnsupportedProtocol)

if TYPE_CHECKING:
    from gui.services.config.credentials import Credentials
    from gui.services.config.settings import Settings

log = logging.getLogger(__name__)

CREDENTIALS_OK = Explanation(
    "接口凭证有效，已成功获取接口令牌。",
    "The credentials work: an access token was obtained.",
    "",
    "",
)
PASTED_TOKEN_UNCHECKED = Explanation(
    "正在使用粘贴的接口令牌，它的有效期无法提前检查。",
    "A pasted access token is in use; its validity cannot be checked in advance.",
    "令牌失效时软件会提示你粘贴新的令牌。",
    "When it expires, the app asks you to paste a new one.",
)


class _CallFailed(Exception):
    def __init__(self, failure: CallFailure) -> None:
        super().__init__(failure.kind.value)
        self.failure = failure


def _transport_failure(error: httpx.TransportError) -> CallFailure:
    if isinstance(error, _NEVER_LEFT):
        return CallFailure(OutcomeKind.NOT_SENT, None, type(error).__name__, explain_transport("not_sent"))
    # Read/write timeouts and dropped connections: the server may have acted on the request.
    return CallFailure(OutcomeKind.OUTCOME_UNKNOWN, None, type(error).__name__, explain_transport("outcome_unknown"))


def _api_failure(errcode: int, errmsg: str) -> CallFailure:
    return CallFailure(
        classify_errcode(errcode, errmsg),
        errcode,
        errmsg,
        explain_errcode(errcode, errmsg),
        ip=parse_ip(errmsg),
        rid=parse_rid(errmsg),
    )


class CloudBaseClient:
    """One session with the WeChat API: a single httpx.Client, a token provider, classified outcomes."""

    def __init__(
        self,
        *,
        appid: str = "",
        secret: str = "",
        access_token: str = "",
        token_mode: str = "stable",
        base_url: str = DEFAULT_API_BASE,
        timeout: float = 30.0,
        clock: Clock | None = None,
        connect_timeout: float | None = None,
    ) -> None:
        if token_mode not in TOKEN_MODES:
            raise ValueError(f"token_mode must be one of {TOKEN_MODES}")
        install_log_redaction((__name__,))
        self.base_url = (base_url or DEFAULT_API_BASE).rstrip("/")
        self.token_mode = token_mode
        self.appid = appid
        self._clock = clock or SystemClock()
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout or min(timeout, 10.0)),
            verify=True,
            follow_redirects=False,
        )
        self._tokens: TokenProvider
        if token_mode == "pasted" or (access_token and not secret):
            self.token_mode = "pasted"
            self._tokens = PastedTokenProvider(access_token)
        elif token_mode == "classic":
            self._tokens = ClassicTokenProvider(appid, secret, self._http, self.base_url, self._clock)
        else:
            self._tokens = StableTokenProvider(appid, secret, self._http, self.base_url, self._clock)

    def __repr__(self) -> str:
        return f"CloudBaseClient(base_url={self.base_url!r}, appid={self.appid!r}, token_mode={self.token_mode!r})"

    @property
    def tokens(self) -> TokenProvider:
        return self._tokens

    # --- plumbing ---------------------------------------------------------------------------------

    def _post_once(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            token = self._tokens.token()
        except TokenError as error:
            raise _CallFailed(error.failure) from None
        url = f"{self.base_url}{path}"
        try:
            response = self._http.post(url, params={"access_token": token}, json=body)
        except httpx.TransportError as error:
            log.info("%s failed: %s", redact_url(url), type(error).__name__)
            raise _CallFailed(_transport_failure(error)) from None
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            # A 5xx from a gateway may hide a processed request; anything else was never the API.
            kind = OutcomeKind.OUTCOME_UNKNOWN if response.status_code >= 500 else OutcomeKind.OTHER_ERROR
            key = "outcome_unknown" if kind is OutcomeKind.OUTCOME_UNKNOWN else "bad_response"
            raise _CallFailed(CallFailure(kind, None, f"HTTP {response.status_code}", explain_transport(key)))
        return data

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST with the token; on 40001/40014/42001 fetch a new token once and retry the call once."""
        data = self._post_once(path, body)
        if _errcode(data) in TOKEN_ERRCODES:
            log.info("token rejected (%s); fetching a new one", _errcode(data))
            self._tokens.invalidate()
            if not self._tokens.can_refresh:
                raise _CallFailed(CallFailure(OutcomeKind.TOKEN_ERROR, _errcode(data), str(data.get("errmsg", "")),
                                              explain_transport("pasted_token_expired")))
            try:
                self._tokens.token(force_refresh=True)
            except TokenError as error:
                raise _CallFailed(error.failure) from None
            data = self._post_once(path, body)
        return data

    # --- API --------------------------------------------------------------------------------------

    def send_sms(self, request: SendSmsRequest) -> SendOutcome:
        """Send one batch; never raises for API or transport failures (the outcome says what happened)."""
        if len(request.phone_number_list) > MAX_NUMBERS_PER_REQUEST:
            raise ValueError(f"at most {MAX_NUMBERS_PER_REQUEST} numbers per request, got {len(request.phone_number_list)}")
        if not request.phone_number_list:
            raise ValueError("phone_number_list is empty")
        try:
            data = self._post("/tcb/sendsms", request.to_json())
        except _CallFailed as failed:
            f = failed.failure
            return SendOutcome(f.kind, f.errcode, f.errmsg, (), f.explanation, ip=f.ip, rid=f.rid)
        errcode = _errcode(data)
        errmsg = str(data.get("errmsg", ""))
        if errcode != 0:
            f = _api_failure(errcode, errmsg)
            return SendOutcome(f.kind, errcode, errmsg, (), f.explanation, ip=f.ip, rid=f.rid)
        results = NumberResults(data.get("send_status_list") or ())
        return SendOutcome(OutcomeKind.ACCEPTED, 0, errmsg, results, explain_errcode(0), rid=parse_rid(errmsg))

    def describe_sms_records(
        self,
        env: str,
        start: date,
        end: date,
        *,
        mobile: str | None = None,
        query_id: str | None = None,
        page_size: int = 100,
    ) -> list[SmsRecord]:
        """Every record between two Beijing dates (all pages); raises ApiError when the platform refuses."""
        records: list[SmsRecord] = []
        page = 1
        while page <= MAX_RECORD_PAGES:
            post: dict[str, Any] = {
                "EnvId": env,
                "StartDate": _beijing_date(start),
                "EndDate": _beijing_date(end),
                "PageNumber": page,
                "PageSize": page_size,
            }
            if mobile:
                post["Mobile"] = normalise_mobile(mobile)
            if query_id:
                post["QueryId"] = query_id
            try:
                data = self._post("/tcb/describesmsrecords", {"PostData": post})
            except _CallFailed as failed:
                raise ApiError.from_failure(failed.failure) from None
            errcode = _errcode(data)
            if errcode != 0:
                raise ApiError.from_failure(_api_failure(errcode, str(data.get("errmsg", ""))))
            batch = [_record(item) for item in data.get("SmsRecords") or () if isinstance(item, dict)]
            records.extend(batch)
            total = int(data.get("TotalCount") or 0)
            if not batch or len(records) >= total:
                break
            page += 1
        return records

    def check_credentials(self) -> Explanation:
        """Fetch a fresh token to prove the credentials (and this computer's IP) are accepted."""
        if not self._tokens.can_refresh:
            return PASTED_TOKEN_UNCHECKED
        try:
            self._tokens.token(force_refresh=True)
        except TokenError as error:
            raise ApiError.from_failure(error.failure) from None
        return CREDENTIALS_OK

    def close(self) -> None:
        close = getattr(self._tokens, "close", None)
        if close is not None:
            close()
        self._http.close()

    def __enter__(self) -> CloudBaseClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _errcode(data: dict[str, Any]) -> int:
    value = data.get("errcode", 0)
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _beijing_date(day: date) -> str:
    # A datetime is a date too: convert aware datetimes to the Beijing calendar day first.
    if isinstance(day, datetime) and day.tzinfo is not None:
        day = day.astimezone(BEIJING).date()
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


class NumberResults(Sequence[NumberResult]):
    """The per-number entries of one answer, classified when first read.

    The sender hands the answer on and puts the next batch on the wire; the thousand entries are
    classified by whoever reads them (the journal writer), not on the sender's critical path.
    """

    def __init__(self, items: Iterable[object]) -> None:
        self._items = items
        self._results: tuple[NumberResult, ...] | None = None

    def _all(self) -> tuple[NumberResult, ...]:
        if self._results is None:
            self._results = tuple(_number_result(item) for item in self._items if isinstance(item, dict))
            self._items = ()
        return self._results

    def __getitem__(self, index):  # type: ignore[no-untyped-def]  # Sequence overloads int and slice; _all() answers both
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[NumberResult]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


def _number_result(item: dict[str, Any]) -> NumberResult:
    code = str(item.get("code", ""))
    number_class, explanation = _classified(code)
    return NumberResult(
        normalise_mobile(str(item.get("phone_number", ""))),
        code,
        str(item.get("message", "")),
        str(item.get("serial_no", "")),
        str(item.get("iso_code", "")),
        number_class,
        explanation,
    )


@functools.lru_cache(maxsize=512)
def _classified(code: str) -> tuple[NumberClass, Explanation]:
    return classify_number_code(code), explain_number_code(code)


def _record(item: dict[str, Any]) -> SmsRecord:
    def as_int(value: object) -> int:
        try:
            return int(value) if isinstance(value, str | int | float) else 0
        except (TypeError, ValueError):
            return 0

    return SmsRecord(
        mobile=normalise_mobile(str(item.get("Mobile", ""))),
        content=str(item.get("Content", "")),
        content_size=as_int(item.get("ContentSize")),
        fee=as_int(item.get("Fee")),
        create_time=str(item.get("CreateTime", "")),
        received_time=str(item.get("ReceivedTime", "") or ""),
        status=str(item.get("Status", "")),
        remarks=str(item.get("Remarks", "") or ""),
    )


def client_from_environment(
    *,
    clock: Clock | None = None,
    timeout: float = 30.0,
    settings: Settings | None = None,
    credentials: Credentials | None = None,
) -> CloudBaseClient:
    """A client from the saved credentials (keyring, else env) and settings; the base from SMS_COMPOSER_API_BASE."""
    from gui.services.config.credentials import CredentialsError, load_credentials
    from gui.services.config.settings import effective_api_base, load_settings

    # A caller that has already read them passes them in: one read of settings.json and the keyring per command.
    settings = settings or load_settings()
    credentials = credentials or load_credentials()
    if credentials is None:
        raise CredentialsError(
            "还没有保存接口凭证（AppID 和 AppSecret）。",
            "No credentials (AppID and AppSecret) are saved.",
            action_zh="请在 设置 → 接口凭证 中填写，或设置环境变量 SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET。",
            action_en="Enter them in Settings → Credentials, or set SMS_COMPOSER_APPID / SMS_COMPOSER_APPSECRET.",
        )
    base = effective_api_base(settings)
    mode = settings.token_mode if settings.token_mode in ("stable", "classic") else "stable"
    log_filter().add_secret(credentials.secret)
    return CloudBaseClient(appid=credentials.appid, secret=credentials.secret, token_mode=mode,
                           base_url=base, timeout=timeout, clock=clock)
