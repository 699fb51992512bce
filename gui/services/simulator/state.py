"""The simulated platform's behaviour: validation, per-number rules, quota and the record store."""

from __future__ import annotations

import math
import random
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gui.domain.clock import Clock, SystemClock
from gui.domain.param_links import param_link_rule
from gui.domain.phone import MAINLAND_MOBILE, national_digits
from gui.domain.send_window import MARKETING_WINDOW
from gui.services.api.types import MAX_NUMBERS_PER_REQUEST, SmsRecord
from gui.services.simulator.config import MARKETING_DAILY_LIMIT, SAME_CONTENT_SECONDS, SimulatorConfig
from gui.services.simulator.tokens import TokenDesk

DROP = object()  # the handler closes the connection without answering
MAX_CONTENT = 30
LINK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789"
PLACEHOLDER = re.compile(r"\{(\d+)\}")
NUMBER_MESSAGES = {
    "Ok": "send success",
    "FailedOperation.PhoneNumberInBlacklist": "the phone number is in blacklist",
    "FailedOperation.MarketingSendTimeConstraint": "marketing sms can only be sent between 8:00 and 22:00",
    "LimitExceeded.PhoneNumberThirtySecondLimit": "the same content was sent to this number within 30 seconds",
    "LimitExceeded.PhoneNumberDailyLimit": "the number has reached its daily limit",
}
DEFAULT_ERRMSGS = {
    -1: "system error",
    -501007: "openapi.cloudbase.sendSms:fail parameter error",
    -601027: "openapi.cloudbase.sendSms:fail invalid env",
    -601028: "openapi.cloudbase.sendSms:fail static website not enabled",
    -601032: "openapi.cloudbase.sendSms:fail nickname is empty",
    -601033: "openapi.cloudbase.sendSms:fail personal mini program not supported",
    -607001: "openapi.cloudbase.sendSms:fail invalid static website path",
    40001: "invalid credential, access_token is invalid or not latest",
    40013: "invalid appid",
    40014: "invalid access_token",
    40125: "invalid appsecret",
    40243: "AppSecret is frozen",
    41001: "access_token missing",
    41002: "appid missing",
    41004: "appsecret missing",
    42001: "access_token expired",
    45009: "reach max api daily quota limit",
    45011: "api minute-quota reach limit  mustslower  retry next minute",
    48001: "api unauthorized",
    85088: "no qbase privilege",
    89501: "this ip is waiting for admin confirmation",
    89503: "this ip needs admin confirmation",
    89506: "this ip was rejected by the admin twice in 24 hours",
    89507: "this ip was rejected by the admin in the last hour",
}
QUOTA_ERRMSG = ("openapi.cloudbase.sendSms:fail sendAsyncSmsAndWait failed, err=[100003]async send failed, "
                "err==consumeUsage failed, err=[100003]配额不足 TcbCode: [InvalidParameter]")
TEMPLATE_ERRMSG = "openapi.cloudbase.sendSms:fail TemplateId not exist TcbCode: [InvalidParameter]"


def sms_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parts_for(length: int) -> int:
    return 1 if length <= 70 else math.ceil(length / 67)


class ApiAnswer(Exception):
    """An errcode answer raised from deep inside validation."""

    def __init__(self, errcode: int, errmsg: str = "") -> None:
        super().__init__(errcode)
        self.errcode = errcode
        self.errmsg = errmsg


@dataclass(slots=True)  # a million of these in a long run: no per-record __dict__ for the GC to walk
class StoredRecord:
    """An accepted number as the platform keeps it."""

    digits: str
    created: datetime
    content: str
    content_key: tuple[Any, ...]
    sms_type: str
    fee: int
    status: str
    received: datetime | None
    remarks: str
    serial_no: str
    query_id: str = ""

    def to_api(self) -> dict[str, Any]:
        return {
            "Mobile": " 86" + self.digits,
            "Content": self.content,
            "ContentSize": sms_length(self.content),
            "Fee": self.fee,
            "CreateTime": self.created.strftime("%Y-%m-%d %H:%M:%S"),
            "ReceivedTime": self.received.strftime("%Y-%m-%d %H:%M:%S") if self.received else "",
            "Status": self.status,
            "Remarks": self.remarks,
        }

    def to_record(self) -> SmsRecord:
        api = self.to_api()
        return SmsRecord("+86" + self.digits, self.content, api["ContentSize"], self.fee, api["CreateTime"],
                         api["ReceivedTime"], self.status, self.remarks)


@dataclass
class SimulatorState:
    """All the platform's mutable state behind one lock; knobs are read from `config` on every request."""

    config: SimulatorConfig
    lock: threading.RLock = field(default_factory=threading.RLock)
    records: list[StoredRecord] = field(default_factory=list)
    forced: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    request_log: list[tuple[str, int]] = field(default_factory=list)  # (path, errcode answered)

    def __post_init__(self) -> None:
        # Per-number index over `records`: the per-number rules look at one number's sends, never all of them.
        self._by_digits: dict[str, list[StoredRecord]] = {}
        self.rng = random.Random(self.config.seed)
        self.tokens = TokenDesk(self.rng)
        self._serial_count = 0
        self._fallback_clock = SystemClock()

    @property
    def clock(self) -> Clock:
        return self.config.clock or self._fallback_clock

    def rid(self) -> str:
        return "-".join("".join(self.rng.choices("0123456789abcdef", k=8)) for _ in range(3))

    def errmsg(self, errcode: int, base: str = "") -> str:
        if errcode == 40164:
            ip = self.config.caller_ip
            base = base or f"invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist"
        return f"{base or DEFAULT_ERRMSGS.get(errcode, 'simulated error')} rid: {self.rid()}"

    def fail_next(self, path: str, errcode: int, errmsg: str = "", times: int = 1) -> None:
        with self.lock:
            self.forced.setdefault(path, []).extend([(errcode, errmsg)] * times)

    # --- entry point ------------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> Any:
        """The JSON answer for one API request, or DROP."""
        with self.lock:
            try:
                result = self._dispatch(method, path, query, body)
            except ApiAnswer as answer:
                result = {"errcode": answer.errcode, "errmsg": answer.errmsg or self.errmsg(answer.errcode)}
            code = result.get("errcode", 0) if isinstance(result, dict) else 0
            self.request_log.append((path, int(code)))
            return result

    def _dispatch(self, method: str, path: str, query: dict[str, str], body: Any) -> Any:
        forced = self.forced.get(path)
        if forced:
            errcode, errmsg = forced.pop(0)
            raise ApiAnswer(errcode, self.errmsg(errcode, errmsg))
        if path == "/cgi-bin/token":
            return self._classic_token(method, query)
        if path == "/cgi-bin/stable_token":
            if method != "POST":
                raise ApiAnswer(43002, self.errmsg(0, "require POST method"))
            return self._stable_token(body if isinstance(body, dict) else {})
        if method != "POST":
            raise ApiAnswer(43002, self.errmsg(0, "require POST method"))
        self._check_token(query)
        if path == "/tcb/sendsms":
            return self._send(body if isinstance(body, dict) else {})
        if path == "/tcb/describesmsrecords":
            return self._describe(body if isinstance(body, dict) else {})
        raise ApiAnswer(-604100, self.errmsg(0, "API 不存在"))

    # --- tokens -----------------------------------------------------------------------------------

    def _check_credentials(self, grant_type: object, appid: object, secret: object) -> None:
        if grant_type != "client_credential":
            raise ApiAnswer(40002, self.errmsg(0, "invalid grant_type"))
        if not appid:
            raise ApiAnswer(41002)
        if not secret:
            raise ApiAnswer(41004)
        if appid != self.config.appid:
            raise ApiAnswer(40013)
        if secret != self.config.secret:
            raise ApiAnswer(40125)
        if self.config.ip_whitelist is not None and self.config.caller_ip not in self.config.ip_whitelist:
            raise ApiAnswer(40164)

    def _classic_token(self, method: str, query: dict[str, str]) -> dict[str, Any]:
        self._check_credentials(query.get("grant_type"), query.get("appid"), query.get("secret"))
        token, expires_in = self.tokens.classic(self.config, self.clock.now())
        return {"access_token": token, "expires_in": expires_in}

    def _stable_token(self, body: dict[str, Any]) -> dict[str, Any]:
        self._check_credentials(body.get("grant_type"), body.get("appid"), body.get("secret"))
        token, expires_in = self.tokens.stable(self.config, self.clock.now(), bool(body.get("force_refresh")))
        return {"access_token": token, "expires_in": expires_in}

    def _check_token(self, query: dict[str, str]) -> None:
        token = query.get("access_token") or query.get("cloudbase_access_token")
        errcode = self.tokens.check(token, self.clock.now())
        if errcode:
            raise ApiAnswer(errcode)

    # --- sendsms ----------------------------------------------------------------------------------

    def _validate_send(self, body: dict[str, Any]) -> tuple[str, list[str]]:
        cfg = self.config
        if body.get("env") != cfg.env:
            raise ApiAnswer(-601027)
        if not cfg.static_site_enabled:
            raise ApiAnswer(-601028)
        if not cfg.mini_program_name:
            raise ApiAnswer(-601032)
        if cfg.personal_account:
            raise ApiAnswer(-601033)
        sms_type = body.get("sms_type", "Marketing")
        if sms_type not in ("Marketing", "Notification"):
            raise ApiAnswer(-501007, self.errmsg(0, f"openapi.cloudbase.sendSms:fail invalid sms_type {sms_type}"))
        numbers = body.get("phone_number_list")
        if not isinstance(numbers, list) or not numbers or not all(isinstance(n, str) for n in numbers):
            raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail phone_number_list is required"))
        if len(numbers) > MAX_NUMBERS_PER_REQUEST:
            raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail phone_number_list exceeds 1000"))
        for number in numbers:
            if not (number.startswith("+86") and MAINLAND_MOBILE.match(number[3:])):
                raise ApiAnswer(-501007, self.errmsg(0, f"openapi.cloudbase.sendSms:fail invalid phone number {number}"))
        if sms_type == "Marketing":
            content = body.get("content")
            if not isinstance(content, str) or not content.strip() or len(content) > MAX_CONTENT:
                raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail content is empty or longer than 30"))
            path = body.get("path")
            if not isinstance(path, str) or not path.startswith("/"):
                raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail path is required and must start with /"))
        else:
            template_id = body.get("template_id")
            params = body.get("template_param_list")
            if not template_id or not isinstance(template_id, str):
                raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail template_id is required"))
            if not isinstance(params, list) or not all(isinstance(p, str) for p in params):
                raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail template_param_list must be strings"))
            template = cfg.templates.get(template_id)
            if template is None:
                raise ApiAnswer(-501007, self.errmsg(0, TEMPLATE_ERRMSG))
            needed = max((int(n) for n in PLACEHOLDER.findall(template)), default=0)
            if len(params) != needed:
                raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.sendSms:fail template_param_list does not match"))
        return sms_type, numbers

    def _link(self) -> str:
        return "https://tcbe.cn/" + "".join(self.rng.choices(LINK_ALPHABET, k=8))

    def _text(self, body: dict[str, Any], sms_type: str) -> tuple[str, tuple[Any, ...]]:
        cfg = self.config
        name = cfg.short_name if body.get("use_short_name") and cfg.short_name else cfg.mini_program_name
        link = self._link()
        if sms_type == "Marketing":
            text = f"【{name}】{body['content']},跳转小程序 {link} 回T退订"
            return text, ("Marketing", body["content"], body["path"])
        params = list(body["template_param_list"])
        template = cfg.templates[body["template_id"]]

        rule = param_link_rule(cfg.param_link_key)

        def fill(match: re.Match[str]) -> str:
            value = params[int(match.group(1)) - 1]
            if not rule.applies(value):
                return str(value)
            return rule.link_prefix + "".join(self.rng.choices(LINK_ALPHABET, k=rule.code_length))

        text = f"【{name}】" + PLACEHOLDER.sub(fill, template)
        return text, ("Notification", body["template_id"], tuple(params))

    def _number_code(self, digits: str, now: datetime, sms_type: str, key: tuple[Any, ...],
                     pending: dict[str, list[StoredRecord]]) -> str:
        if "+86" + digits in self.config.blacklist or digits in self.config.blacklist:
            return "FailedOperation.PhoneNumberInBlacklist"
        if sms_type == "Marketing" and not MARKETING_WINDOW.is_open(now):
            return "FailedOperation.MarketingSendTimeConstraint"
        mine = [*self._by_digits.get(digits, ()), *pending.get(digits, ())]
        if not mine:
            return "Ok"
        window = now - timedelta(seconds=SAME_CONTENT_SECONDS)
        if any(r.content_key == key and r.created > window for r in mine):
            return "LimitExceeded.PhoneNumberThirtySecondLimit"
        today = [r for r in mine if r.sms_type == "Marketing" and r.created.date() == now.date()]
        if sms_type == "Marketing" and len(today) >= MARKETING_DAILY_LIMIT:
            return "LimitExceeded.PhoneNumberDailyLimit"
        return "Ok"

    def _serial_prefix(self, now: datetime) -> tuple[str, str]:
        """A random part per request and the date; the running count keeps each serial unique."""
        return "".join(self.rng.choices(LINK_ALPHABET, k=10)), f"{now:%Y%m%d}"

    def _serial_no(self, prefix: tuple[str, str]) -> str:
        self._serial_count += 1
        return f"8:{prefix[0]}{self._serial_count:08d}{prefix[1]}"

    def _send(self, body: dict[str, Any]) -> Any:
        cfg = self.config
        sms_type, numbers = self._validate_send(body)
        if self.rng.random() < cfg.busy_probability:
            raise ApiAnswer(-1)
        now = self.clock.now()
        text, key = self._text(body, sms_type)
        fee = parts_for(sms_length(text))
        statuses: list[dict[str, Any]] = []
        pending: list[StoredRecord] = []
        pending_index: dict[str, list[StoredRecord]] = {}
        serial_prefix = self._serial_prefix(now)
        for number in numbers:
            digits = national_digits(number)
            code = self._number_code(digits, now, sms_type, key, pending_index)
            serial = ""
            if code == "Ok":
                serial = self._serial_no(serial_prefix)
                failed = self.rng.random() < cfg.record_error_probability
                status = cfg.receipt_status.get(digits, "error" if failed else "sent")
                delay = timedelta(seconds=cfg.delivery_seconds.get(digits, 5))
                record = StoredRecord(
                    digits, now, text, key, sms_type, fee, status,
                    now + delay if status == "sent" else None, "用户手机停机" if status == "error" else "", serial,
                )
                pending.append(record)
                pending_index.setdefault(digits, []).append(record)
            statuses.append({"serial_no": serial, "phone_number": number, "code": code,
                             "message": NUMBER_MESSAGES.get(code, code), "iso_code": ""})
        needed = sum(r.fee for r in pending)
        if cfg.resource_pack is not None and needed > cfg.resource_pack:
            raise ApiAnswer(-501007, self.errmsg(0, QUOTA_ERRMSG))
        if cfg.resource_pack is not None:
            cfg.resource_pack -= needed
        self.records.extend(pending)
        for record in pending:
            self._by_digits.setdefault(record.digits, []).append(record)
        if self.rng.random() < cfg.drop_probability:
            return DROP
        return {"errcode": 0, "errmsg": "openapi.cloudbase.sendSms:ok", "send_status_list": statuses}

    # --- describesmsrecords -----------------------------------------------------------------------

    def _describe(self, body: dict[str, Any]) -> dict[str, Any]:
        wrapped = body.get("PostData")
        post: dict[str, Any] = wrapped if isinstance(wrapped, dict) else body
        env = post.get("EnvId")
        if not env:
            raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.describeSmsRecords:fail EnvId is required"))
        if env != self.config.env:
            raise ApiAnswer(-601027)
        try:
            start = date.fromisoformat(str(post.get("StartDate")))
            end = date.fromisoformat(str(post.get("EndDate")))
            page = int(post.get("PageNumber", 1))
            size = int(post.get("PageSize", 100))
        except (TypeError, ValueError):
            raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.describeSmsRecords:fail invalid parameter")) from None
        if page < 1 or not 1 <= size <= 1000:
            raise ApiAnswer(-501007, self.errmsg(0, "openapi.cloudbase.describeSmsRecords:fail invalid page"))
        mobile = national_digits(str(post.get("Mobile") or "")) if post.get("Mobile") else None
        query_id = post.get("QueryId") or None
        candidates = self.records if mobile is None else self._by_digits.get(mobile, [])
        found = [
            r for r in candidates
            if start <= r.created.date() <= end
            and (mobile is None or r.digits == mobile)
            and (query_id is None or r.query_id == query_id)
        ]
        chunk = found[(page - 1) * size: page * size]
        return {"errcode": 0, "errmsg": "ok", "TotalCount": len(found),
                "SmsRecords": [r.to_api() for r in chunk], "RequestId": self.rid()}
