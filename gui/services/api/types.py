"""The data the CloudBase SMS client sends and gets back: requests, classified outcomes, records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from gui.domain.errors import UserFacingError

MAX_NUMBERS_PER_REQUEST = 1000


class OutcomeKind(StrEnum):
    """What happened to one API call, in terms of what the caller may do next."""

    ACCEPTED = "accepted"
    NOT_SENT = "not_sent"
    BUSY = "busy"
    OUTCOME_UNKNOWN = "outcome_unknown"
    TOKEN_ERROR = "token_error"
    CREDENTIALS_ERROR = "credentials_error"
    CONFIG_ERROR = "config_error"
    IP_NOT_WHITELISTED = "ip_not_whitelisted"
    ADMIN_APPROVAL = "admin_approval"
    QUOTA_EXHAUSTED = "quota_exhausted"
    TEMPLATE_NOT_GRANTED = "template_not_granted"
    PARAMETER_ERROR = "parameter_error"
    RATE_LIMITED = "rate_limited"
    OTHER_ERROR = "other_error"


class NumberClass(StrEnum):
    """What a per-number result code means for that number."""

    ACCEPTED = "accepted"
    RETRY_LATER = "retry_later"
    NEVER_RETRY = "never_retry"
    BLACKLISTED = "blacklisted"
    TRANSIENT = "transient"


@dataclass(frozen=True)
class Explanation:
    """A message for the user: what happened (title) and what to do next (action), in both languages."""

    title_zh: str
    title_en: str
    action_zh: str
    action_en: str

    def text(self, language: str = "zh") -> str:
        if language == "zh":
            return f"{self.title_zh} {self.action_zh}".strip()
        return f"{self.title_en} {self.action_en}".strip()


@dataclass(frozen=True)
class SendSmsRequest:
    """One `tcb/sendsms` call: up to 1000 `+86` numbers and the Marketing or Notification fields."""

    env: str
    phone_number_list: tuple[str, ...]
    sms_type: str
    content: str = ""
    path: str = ""
    template_id: str = ""
    template_param_list: tuple[str, ...] = ()
    use_short_name: bool = False
    resource_appid: str = ""

    def to_json(self) -> dict[str, Any]:
        """The snake_case body of the HTTPS API page, with only the fields that apply to the type."""
        body: dict[str, Any] = {
            "env": self.env,
            "phone_number_list": list(self.phone_number_list),
            "sms_type": self.sms_type,
        }
        if self.sms_type == "Notification":
            body["template_id"] = self.template_id
            body["template_param_list"] = list(self.template_param_list)
        else:
            body["content"] = self.content
            body["path"] = self.path
        body["use_short_name"] = bool(self.use_short_name)
        if self.resource_appid:
            body["resource_appid"] = self.resource_appid
        return body


class NumberResult(NamedTuple):
    """One entry of `send_status_list`, classified.

    A named tuple rather than a dataclass: a batch makes a thousand of these while the next request waits.
    """

    phone_number: str
    code: str
    message: str
    serial_no: str
    iso_code: str
    number_class: NumberClass
    explanation: Explanation


@dataclass(frozen=True)
class SendOutcome:
    """The classified result of one send call; `results` is empty unless the platform answered errcode 0.

    `results` is a read-only sequence (a tuple, or one that classifies its entries when first read).
    """

    kind: OutcomeKind
    errcode: int | None
    errmsg: str
    results: Sequence[NumberResult]
    explanation: Explanation
    ip: str | None = None
    rid: str | None = None

    @property
    def safe_to_retry(self) -> bool:
        """True only when nothing can have been accepted: the request never left, or the platform was busy."""
        return self.kind in (OutcomeKind.NOT_SENT, OutcomeKind.BUSY)


@dataclass(frozen=True)
class SmsRecord:
    """One row of `describesmsrecords`, with the number normalised to `+86…`."""

    mobile: str
    content: str
    content_size: int
    fee: int
    create_time: str
    received_time: str
    status: str
    remarks: str


@dataclass(frozen=True)
class CallFailure:
    """Why a call failed, before it becomes an outcome or an exception."""

    kind: OutcomeKind
    errcode: int | None
    errmsg: str
    explanation: Explanation
    ip: str | None = None
    rid: str | None = None
    extra: dict[str, Any] = field(default_factory=dict[str, Any], compare=False, repr=False)


class ApiError(UserFacingError):
    """A failed API call the user must act on; the text comes from the error catalogue, never from a secret."""

    code = "api_error"

    def __init__(
        self,
        kind: OutcomeKind,
        errcode: int | None,
        explanation: Explanation,
        *,
        errmsg: str = "",
        ip: str | None = None,
        rid: str | None = None,
    ) -> None:
        super().__init__(
            explanation.title_zh,
            explanation.title_en,
            action_zh=explanation.action_zh,
            action_en=explanation.action_en,
        )
        self.kind = kind
        self.errcode = errcode
        self.explanation = explanation
        self.errmsg = errmsg
        self.ip = ip
        self.rid = rid

    @classmethod
    def from_failure(cls, failure: CallFailure) -> ApiError:
        return cls(
            failure.kind,
            failure.errcode,
            failure.explanation,
            errmsg=failure.errmsg,
            ip=failure.ip,
            rid=failure.rid,
        )

    def __repr__(self) -> str:
        return f"ApiError(kind={self.kind.value!r}, errcode={self.errcode!r})"
