"""Every error code the SMS API can return, classified and explained in plain Chinese and English."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from gui.services.api.types import Explanation, NumberClass, OutcomeKind

TOKEN_ERRCODES = frozenset({40001, 40014, 42001})
QUOTA_MARKER = "配额不足"
TEMPLATE_MARKER = "TemplateId not exist"
IP_PATTERN = re.compile(r"invalid ip (\S+?)(?:,|\s|$)")
RID_PATTERN = re.compile(r"rid:\s*(\S+)")


@dataclass(frozen=True)
class CatalogueEntry:
    """One row of the catalogue; `{ip}` and `{code}` in the texts are filled in when explaining."""

    key: str  # an errcode ("40164"), an errcode with an errmsg marker ("-501007 配额不足"), or a code
    group: str  # "errcode", "number" or "transport"
    kind: str  # an OutcomeKind value (errcode, transport) or a NumberClass value (number)
    title_zh: str
    title_en: str
    action_zh: str
    action_en: str


_E, _N, _T = "errcode", "number", "transport"
_K, _C = OutcomeKind, NumberClass

_ADMIN_ZH = "请联系小程序管理员在手机微信上确认，或等待限制解除后再试。期间不要反复重试。"
_ADMIN_EN = "Ask the mini program's administrator to confirm in WeChat, or wait until the block ends; do not keep retrying."
_FIX_NUMBER_ZH = "请核对并改正这个手机号，不要重发到该号码。"
_FIX_NUMBER_EN = "Check and correct this number; do not resend to it."
_EDIT_ZH = "请修改短信内容后再发送。"
_EDIT_EN = "Edit the message and send again."

CATALOGUE: tuple[CatalogueEntry, ...] = (
    # --- top-level errcodes -------------------------------------------------------------------------
    CatalogueEntry("0", _E, _K.ACCEPTED, "请求已被平台接受。", "The platform accepted the request.",
                   "逐个号码查看结果。", "Check the result of each number."),
    CatalogueEntry("-1", _E, _K.BUSY, "微信平台繁忙，这一批没有被接受。", "WeChat was busy; this batch was not accepted.",
                   "稍等片刻后重试，软件会自动重试。", "Wait a moment and retry; the app retries by itself."),
    CatalogueEntry("-501007 配额不足", _E, _K.QUOTA_EXHAUSTED, "短信额度已用完（配额不足），这一批没有发出。",
                   "The SMS quota is used up; this batch was not sent.",
                   "请在 云开发控制台 → 设置 → 资源包 中购买短信资源包，然后继续发送。",
                   "Buy an SMS resource pack in CloudBase console → Settings → Resource packs, then continue."),
    CatalogueEntry("-501007 TemplateId not exist", _E, _K.TEMPLATE_NOT_GRANTED, "这个通知短信模板ID没有开通（模板不存在）。",
                   "This Notification template ID has not been granted to the mini program.",
                   "请核对模板ID；通知短信模板需要先通过工单申请开通。",
                   "Check the template ID; Notification templates must be granted through a support ticket first."),
    CatalogueEntry("-501007", _E, _K.PARAMETER_ERROR, "请求参数有误，平台没有发送。", "A request parameter is wrong; nothing was sent.",
                   "请检查号码、短信内容、路径或模板变量；平台的原始提示见详情。",
                   "Check the numbers, content, path or template parameters; the platform's message is in the details."),
    CatalogueEntry("-501002", _E, _K.OUTCOME_UNKNOWN, "云开发处理超时，结果未知：请求可能已被接受。",
                   "CloudBase timed out; the outcome is unknown and the request may have been accepted.",
                   "不要重复发送；软件会先核对发送记录。", "Do not resend; the app checks the send records first."),
    CatalogueEntry("-501003", _E, _K.RATE_LIMITED, "调用次数超过了环境的配额。", "Calls exceed the environment's quota.",
                   "请稍后再试，或在云开发控制台提升配额。", "Try later, or raise the quota in the CloudBase console."),
    CatalogueEntry("-501004", _E, _K.RATE_LIMITED, "并发请求超过了环境的配额。", "Concurrent calls exceed the environment's quota.",
                   "请稍后再试。", "Try again later."),
    CatalogueEntry("-501005", _E, _K.CONFIG_ERROR, "云开发环境状态异常。", "The CloudBase environment is not in a usable state.",
                   "请在云开发控制台检查环境状态（是否欠费或被隔离）。",
                   "Check the environment in the CloudBase console (arrears or isolation)."),
    CatalogueEntry("-601001", _E, _K.OTHER_ERROR, "微信后台系统错误。", "WeChat back-end system error.",
                   "请稍后再试；如果一直出现，请带上详情联系微信客服。", "Try later; if it persists, contact WeChat support with the details."),
    CatalogueEntry("-601027", _E, _K.CONFIG_ERROR, "环境ID无效。", "The environment ID is invalid.",
                   "请在 设置 中填写云开发控制台里显示的环境ID。", "Enter the environment ID shown in the CloudBase console in Settings."),
    CatalogueEntry("-601028", _E, _K.CONFIG_ERROR, "这个环境没有开通静态网站托管。", "Static website hosting is not enabled for this environment.",
                   "请在微信开发者工具 云开发 → 设置 → 拓展功能 中开通静态网站。",
                   "Enable the static website in WeChat DevTools: CloudBase → Settings → Extensions."),
    CatalogueEntry("-601032", _E, _K.CONFIG_ERROR, "小程序名称为空，无法作为短信签名。", "The mini program has no name to use as the SMS signature.",
                   "请先在微信公众平台设置小程序名称。", "Set the mini program's name in the WeChat MP admin first."),
    CatalogueEntry("-601033", _E, _K.CONFIG_ERROR, "个人主体的小程序不能发送短信。", "Mini programs owned by individuals cannot send SMS.",
                   "只有企业等非个人主体的小程序可以使用短信功能。", "Only mini programs owned by an organisation can send SMS."),
    CatalogueEntry("-604100", _E, _K.CONFIG_ERROR, "接口不存在。", "The API does not exist.",
                   "请检查 API 地址设置。", "Check the API base URL in Settings."),
    CatalogueEntry("-604101", _E, _K.CONFIG_ERROR, "没有调用这个接口的权限。", "No permission to call this API.",
                   "请确认小程序已开通云开发短信能力。", "Make sure CloudBase SMS is enabled for the mini program."),
    CatalogueEntry("-607001", _E, _K.CONFIG_ERROR, "静态网站路径无效。", "The static-site path is invalid.",
                   "请确认路径以 / 开头，并且页面已上传到静态网站。", "Make sure the path starts with / and the page exists on the static site."),
    CatalogueEntry("-607004", _E, _K.PARAMETER_ERROR, "URL Link 无效。", "The URL Link is invalid.",
                   "请重新生成链接。", "Generate the link again."),
    CatalogueEntry("40001", _E, _K.TOKEN_ERROR, "接口令牌（access_token）无效或不是最新的。",
                   "The access token is invalid or not the latest.", "软件会自动重新获取一次；如果仍然失败，请检查 AppSecret。",
                   "The app fetches a new one once; if it still fails, check the AppSecret."),
    CatalogueEntry("40002", _E, _K.OTHER_ERROR, "获取令牌的请求格式不对（grant_type）。", "The token request is malformed (grant_type).",
                   "请联系软件维护人员。", "Contact the app's maintainer."),
    CatalogueEntry("40013", _E, _K.CREDENTIALS_ERROR, "AppID 无效。", "The AppID is invalid.",
                   "请在 设置 → 接口凭证 中核对 AppID（微信公众平台 → 开发管理 → 开发设置）。",
                   "Check the AppID in Settings → Credentials (MP admin → Development → Settings)."),
    CatalogueEntry("40014", _E, _K.TOKEN_ERROR, "接口令牌（access_token）不合法。", "The access token is not valid.",
                   "软件会自动重新获取一次；如果仍然失败，请重新填写接口凭证。",
                   "The app fetches a new one once; if it still fails, enter the credentials again."),
    CatalogueEntry("40125", _E, _K.CREDENTIALS_ERROR, "AppSecret 不正确。", "The AppSecret is wrong.",
                   "请在微信公众平台 → 开发管理 → 开发设置 中重置或核对 AppSecret，再到 设置 → 接口凭证 中填写。",
                   "Check or reset the AppSecret in MP admin → Development → Settings, then enter it in Settings → Credentials."),
    CatalogueEntry("40164", _E, _K.IP_NOT_WHITELISTED, "当前电脑的公网 IP {ip} 不在小程序的 IP 白名单里。",
                   "This computer's public IP {ip} is not in the mini program's IP whitelist.",
                   "请让管理员在 微信公众平台 → 开发管理 → 开发设置 → IP白名单 中加入 {ip} 后重试。",
                   "Ask an administrator to add {ip} under MP admin → Development → Settings → IP whitelist, then retry."),
    CatalogueEntry("40243", _E, _K.CREDENTIALS_ERROR, "AppSecret 已被冻结。", "The AppSecret is frozen.",
                   "请管理员在微信公众平台解冻 AppSecret 后重试。", "Ask an administrator to unfreeze the AppSecret in MP admin, then retry."),
    CatalogueEntry("41001", _E, _K.TOKEN_ERROR, "请求缺少接口令牌。", "The request has no access token.",
                   "请检查接口凭证设置。", "Check the credentials in Settings."),
    CatalogueEntry("41002", _E, _K.CREDENTIALS_ERROR, "没有填写 AppID。", "The AppID is missing.",
                   "请在 设置 → 接口凭证 中填写 AppID。", "Enter the AppID in Settings → Credentials."),
    CatalogueEntry("41004", _E, _K.CREDENTIALS_ERROR, "没有填写 AppSecret。", "The AppSecret is missing.",
                   "请在 设置 → 接口凭证 中填写 AppSecret。", "Enter the AppSecret in Settings → Credentials."),
    CatalogueEntry("42001", _E, _K.TOKEN_ERROR, "接口令牌已过期。", "The access token has expired.",
                   "软件会自动重新获取一次令牌。", "The app fetches a new token once by itself."),
    CatalogueEntry("43002", _E, _K.OTHER_ERROR, "请求方法不对（需要 POST）。", "Wrong request method (POST required).",
                   "请联系软件维护人员。", "Contact the app's maintainer."),
    CatalogueEntry("45009", _E, _K.RATE_LIMITED, "今天的接口调用次数已用完。", "Today's API call quota is used up.",
                   "请明天再试，或由管理员在微信公众平台清零调用次数。", "Try tomorrow, or have an administrator reset the quota in MP admin."),
    CatalogueEntry("45011", _E, _K.RATE_LIMITED, "调用太频繁（每分钟限额）。", "Too many calls this minute.",
                   "请一分钟后再试。", "Try again in a minute."),
    CatalogueEntry("48001", _E, _K.CONFIG_ERROR, "小程序没有这个接口的权限。", "The mini program is not authorised for this API.",
                   "请确认 AppID 属于开通了云开发短信的小程序。", "Make sure the AppID belongs to the mini program with CloudBase SMS."),
    CatalogueEntry("50004", _E, _K.CREDENTIALS_ERROR, "这个账号被禁止获取接口令牌。", "This account may not fetch access tokens.",
                   "请管理员在微信公众平台查看账号状态。", "Ask an administrator to check the account in MP admin."),
    CatalogueEntry("50007", _E, _K.CREDENTIALS_ERROR, "小程序账号已被冻结。", "The mini program account is frozen.",
                   "请管理员在微信公众平台处理。", "Ask an administrator to resolve it in MP admin."),
    CatalogueEntry("85088", _E, _K.CONFIG_ERROR, "这个小程序还没有开通云开发。", "CloudBase is not enabled for this mini program.",
                   "请在微信开发者工具中开通云开发后重试。", "Enable CloudBase in WeChat DevTools, then retry."),
    CatalogueEntry("89501", _E, _K.ADMIN_APPROVAL, "这个 IP 正在等待管理员确认。", "This IP is waiting for the administrator's confirmation.",
                   _ADMIN_ZH, _ADMIN_EN),
    CatalogueEntry("89503", _E, _K.ADMIN_APPROVAL, "这次调用需要管理员确认。", "This call needs the administrator's confirmation.",
                   _ADMIN_ZH, _ADMIN_EN),
    CatalogueEntry("89506", _E, _K.ADMIN_APPROVAL, "管理员 24 小时内两次拒绝了这个 IP。", "The administrator rejected this IP twice within 24 hours.",
                   "24 小时后再试，或联系管理员。", "Try again after 24 hours, or contact the administrator."),
    CatalogueEntry("89507", _E, _K.ADMIN_APPROVAL, "管理员 1 小时内拒绝了这个 IP。", "The administrator rejected this IP within the last hour.",
                   "1 小时后再试，或联系管理员。", "Try again after an hour, or contact the administrator."),
    # --- outcomes without an errcode ---------------------------------------------------------------
    CatalogueEntry("not_sent", _T, _K.NOT_SENT, "连接不上微信服务器，请求没有发出。", "Could not reach the WeChat server; the request was not sent.",
                   "请检查网络后重试，可以放心重试。", "Check the network and retry; retrying is safe."),
    CatalogueEntry("outcome_unknown", _T, _K.OUTCOME_UNKNOWN, "结果未知：请求可能已被接受。",
                   "Outcome unknown: the request may have been accepted.",
                   "不要重复发送；软件会先核对发送记录。", "Do not resend; the app checks the send records first."),
    CatalogueEntry("pasted_token_expired", _T, _K.TOKEN_ERROR, "粘贴的接口令牌已失效，软件无法自动续期。",
                   "The pasted access token is no longer valid and cannot be renewed automatically.",
                   "请粘贴一个新的 access_token，或改用 AppID + AppSecret。", "Paste a new access token, or use AppID + AppSecret."),
    CatalogueEntry("bad_response", _T, _K.OTHER_ERROR, "服务器的回答无法识别。", "The server's answer was not understood.",
                   "请检查 设置 中的 API 地址；练习模式请确认模拟器在运行。",
                   "Check the API base URL in Settings; in sandbox mode make sure the simulator is running."),
    # --- per-number codes in send_status_list -----------------------------------------------------
    CatalogueEntry("Ok", _N, _C.ACCEPTED, "已提交", "Accepted", "", ""),
    CatalogueEntry("LimitExceeded.PhoneNumberThirtySecondLimit", _N, _C.RETRY_LATER, "30 秒内给这个号码发了相同内容。",
                   "The same text went to this number within 30 seconds.", "可稍后重试（至少等 30 秒）。", "Retry later (after 30 seconds)."),
    CatalogueEntry("LimitExceeded.PhoneNumberOneHourLimit", _N, _C.RETRY_LATER, "这个号码 1 小时内收到的短信太多。",
                   "This number got too many SMS within an hour.", "可稍后重试（1 小时后）。", "Retry later (after an hour)."),
    CatalogueEntry("LimitExceeded.PhoneNumberDailyLimit", _N, _C.RETRY_LATER, "这个号码今天收到的短信已达上限。",
                   "This number has reached today's SMS limit.", "可稍后重试（明天）。", "Retry later (tomorrow)."),
    CatalogueEntry("LimitExceeded.PhoneNumberSameContentDailyLimit", _N, _C.RETRY_LATER, "这个号码今天收到相同内容的次数已达上限。",
                   "This number got the same text too often today.", "明天再试，或修改内容。", "Retry tomorrow or change the text."),
    CatalogueEntry("LimitExceeded.DeliveryFrequencyLimit", _N, _C.RETRY_LATER, "触发了发送频率限制。",
                   "A sending-frequency limit was hit.", "可稍后重试。", "Retry later."),
    CatalogueEntry("LimitExceeded.AppDailyLimit", _N, _C.RETRY_LATER, "今天的短信总量已达上限。",
                   "Today's total SMS limit was reached.", "可稍后重试（明天）。", "Retry later (tomorrow)."),
    CatalogueEntry("LimitExceeded.AppMainlandChinaDailyLimit", _N, _C.RETRY_LATER, "今天发往大陆的短信总量已达上限。",
                   "Today's mainland SMS limit was reached.", "可稍后重试（明天）。", "Retry later (tomorrow)."),
    CatalogueEntry("FailedOperation.MarketingSendTimeConstraint", _N, _C.RETRY_LATER, "营销短信只能在北京时间 08:00–22:00 发送。",
                   "Marketing SMS may only be sent 08:00–22:00 Beijing time.", "可稍后重试（08:00 以后）。", "Retry after 08:00."),
    CatalogueEntry("FailedOperation.PhoneNumberInBlacklist", _N, _C.BLACKLISTED, "对方已退订或号码在运营商黑名单中。",
                   "The recipient unsubscribed or the number is on a carrier blacklist.",
                   "已加入退订名单，以后不会再发。", "Added to the suppression list; it will not be sent to again."),
    CatalogueEntry("InvalidParameterValue.IncorrectPhoneNumber", _N, _C.NEVER_RETRY, "手机号格式不对。",
                   "The phone number format is wrong.", _FIX_NUMBER_ZH, _FIX_NUMBER_EN),
    CatalogueEntry("FailedOperation.PhoneNumberParseFail", _N, _C.NEVER_RETRY, "手机号无法识别。",
                   "The phone number could not be parsed.", _FIX_NUMBER_ZH, _FIX_NUMBER_EN),
    CatalogueEntry("FailedOperation.ContainSensitiveWord", _N, _C.NEVER_RETRY, "短信内容含有敏感词。",
                   "The text contains a sensitive word.", _EDIT_ZH, _EDIT_EN),
    CatalogueEntry("InvalidParameter.DirtyWordFound", _N, _C.NEVER_RETRY, "短信内容含有违禁词。",
                   "The text contains a forbidden word.", _EDIT_ZH, _EDIT_EN),
    CatalogueEntry("InvalidParameterValue.ContentLengthLimit", _N, _C.NEVER_RETRY, "短信内容太长。",
                   "The text is too long.", "请缩短内容后再发送。", "Shorten the text and send again."),
    CatalogueEntry("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", _N, _C.NEVER_RETRY, "模板变量里不能有网址。",
                   "Template parameters may not contain a URL.", "请去掉变量里的网址。", "Remove the URL from the parameters."),
    CatalogueEntry("InvalidParameterValue.TemplateParameterLengthLimit", _N, _C.NEVER_RETRY, "模板变量太长。",
                   "A template parameter is too long.", "请缩短模板变量（一般不超过 12 个字）。", "Shorten the parameter (usually ≤12 characters)."),
    CatalogueEntry("FailedOperation.InsufficientBalanceInSmsPackage", _N, _C.NEVER_RETRY, "短信资源包余额不足。",
                   "The SMS resource pack has no balance left.", "请在 云开发控制台 → 设置 → 资源包 中购买短信资源包。",
                   "Buy an SMS resource pack in CloudBase console → Settings → Resource packs."),
    CatalogueEntry("FailedOperation.SignatureIncorrectOrUnapproved", _N, _C.NEVER_RETRY, "短信签名无效或未通过审核。",
                   "The SMS signature is invalid or not approved.", "名称超过 12 个字时请改用小程序简称。",
                   "Use the short name when the name is over 12 characters."),
    CatalogueEntry("FailedOperation.TemplateIncorrectOrUnapproved", _N, _C.NEVER_RETRY, "短信模板无效或未通过审核。",
                   "The SMS template is invalid or not approved.", "请核对模板ID。", "Check the template ID."),
    CatalogueEntry("FailedOperation.TemplateParamSetNotMatchApprovedTemplate", _N, _C.NEVER_RETRY, "模板变量和已审核的模板不一致。",
                   "The parameters do not match the approved template.", "请核对模板变量的个数和内容。", "Check the number and content of the parameters."),
    CatalogueEntry("UnauthorizedOperation.SerivceSuspendDueToArrears", _N, _C.NEVER_RETRY, "账户欠费，短信服务已暂停。",
                   "The SMS service is suspended for arrears.", "请先在云开发控制台充值。", "Top up in the CloudBase console first."),
    CatalogueEntry("InternalError.Timeout", _N, _C.TRANSIENT, "平台内部超时。", "Internal platform timeout.",
                   "可稍后重试一次；软件会先核对发送记录。", "May be retried once later; the app checks the records first."),
    CatalogueEntry("InternalError.SendAndRecvFail", _N, _C.TRANSIENT, "平台内部收发失败。", "Internal send/receive failure.",
                   "可稍后重试一次；软件会先核对发送记录。", "May be retried once later; the app checks the records first."),
    CatalogueEntry("InternalError.OtherError", _N, _C.TRANSIENT, "平台内部错误。", "Internal platform error.",
                   "可稍后重试一次；软件会先核对发送记录。", "May be retried once later; the app checks the records first."),
)

_BY_KEY: dict[str, CatalogueEntry] = {entry.key: entry for entry in CATALOGUE}
_TOKEN_CALL_CREDENTIALS = frozenset({40001, 40013, 40125, 41002, 41004, 40243})


def _fill(entry: CatalogueEntry, **values: str) -> Explanation:
    def fmt(text: str) -> str:
        return text.format(**values) if values and "{" in text else text

    return Explanation(fmt(entry.title_zh), fmt(entry.title_en), fmt(entry.action_zh), fmt(entry.action_en))


def parse_ip(errmsg: str) -> str | None:
    """The public IP the platform saw, from `invalid ip 1.2.3.4 ipv6 …, not in whitelist`."""
    match = IP_PATTERN.search(errmsg or "")
    return match.group(1) if match else None


def parse_rid(errmsg: str) -> str | None:
    """The platform's request id (`rid: …`), kept for support tickets."""
    match = RID_PATTERN.search(errmsg or "")
    return match.group(1) if match else None


def _errcode_entry(errcode: int, errmsg: str) -> CatalogueEntry | None:
    if errcode == -501007:
        if QUOTA_MARKER in (errmsg or ""):
            return _BY_KEY["-501007 配额不足"]
        if TEMPLATE_MARKER.lower() in (errmsg or "").lower():
            return _BY_KEY["-501007 TemplateId not exist"]
    return _BY_KEY.get(str(errcode))


def classify_errcode(errcode: int, errmsg: str = "", *, token_call: bool = False) -> OutcomeKind:
    """The outcome class of a top-level errcode; `token_call` for answers of the token endpoints."""
    if token_call and errcode in _TOKEN_CALL_CREDENTIALS:
        return OutcomeKind.CREDENTIALS_ERROR  # 40001 there means a wrong AppSecret, not a stale token
    entry = _errcode_entry(errcode, errmsg)
    return OutcomeKind(entry.kind) if entry else OutcomeKind.OTHER_ERROR


def explain_errcode(errcode: int, errmsg: str = "", *, token_call: bool = False) -> Explanation:
    """What an errcode means and what to do, with the IP filled in for 40164."""
    if token_call and errcode == 40001:
        return _fill(_BY_KEY["40125"])
    entry = _errcode_entry(errcode, errmsg)
    if entry is None:
        return Explanation(
            f"微信平台返回了错误 {errcode}。",
            f"WeChat returned error {errcode}.",
            "请记下错误码和详情，联系软件维护人员或微信客服。",
            "Note the code and details and contact the app's maintainer or WeChat support.",
        )
    ip = parse_ip(errmsg) or "（未知）"
    return _fill(entry, ip=ip)


def explain_transport(key: str) -> Explanation:
    """Explanations for outcomes without an errcode: not_sent, outcome_unknown, pasted_token_expired, bad_response."""
    return _fill(_BY_KEY[key])


@functools.lru_cache(maxsize=512)  # called once per number of every batch; the answer depends on the code only
def classify_number_code(code: str) -> NumberClass:
    """What a per-number code means for that number; unknown codes are never retried."""
    entry = _BY_KEY.get(code)
    if entry is not None and entry.group == _N:
        return NumberClass(entry.kind)
    if code.startswith("LimitExceeded."):
        return NumberClass.RETRY_LATER
    if code.startswith("InternalError."):
        return NumberClass.TRANSIENT
    return NumberClass.NEVER_RETRY


@functools.lru_cache(maxsize=512)
def explain_number_code(code: str) -> Explanation:
    """The per-number explanation; unknown codes get a generic one that quotes the code."""
    entry = _BY_KEY.get(code)
    if entry is not None and entry.group == _N:
        return _fill(entry)
    number_class = classify_number_code(code)
    if number_class is NumberClass.RETRY_LATER:
        return Explanation(f"触发了平台的发送限制（{code}）。", f"A platform sending limit was hit ({code}).",
                           "可稍后重试。", "Retry later.")
    if number_class is NumberClass.TRANSIENT:
        return Explanation(f"平台内部错误（{code}）。", f"Internal platform error ({code}).",
                           "可稍后重试一次；软件会先核对发送记录。", "May be retried once later; the app checks the records first.")
    return Explanation(
        f"发送失败，平台返回代码 {code}。",
        f"Not sent; the platform returned code {code}.",
        "不会自动重试。请记下代码并联系软件维护人员。",
        "It will not be retried automatically. Note the code and contact the app's maintainer.",
    )


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (errcode/code → 中文说明 → 处理建议), as the README shows it."""
    lines = ["| errcode / code | 中文说明 | 处理建议 |", "|---|---|---|"]
    for entry in CATALOGUE:
        title = entry.title_zh.replace("{ip}", "1.2.3.4")
        action = (entry.action_zh or "—").replace("{ip}", "1.2.3.4")
        lines.append(f"| `{entry.key}` | {title} | {action} |")
    return "\n".join(lines) + "\n"
