"""The Chinese and English wording of every SMS text problem: what is wrong and what to do."""

from __future__ import annotations

from gui.domain.text_rules import (
    MAX_CONTENT_LENGTH,
    MAX_MESSAGE_LENGTH,
    MAX_SIGNATURE_LENGTH,
    SINGLE_SMS_LIMIT,
    ForbiddenSymbol,
    PathIssue,
)

Message = tuple[str, str]


def _shown(found: str) -> str:
    """A character as it can be quoted in a message; a stray surrogate cannot be printed."""
    return "".join(ch if not 0xD800 <= ord(ch) <= 0xDFFF else f"U+{ord(ch):04X}" for ch in found)


def _where(param: int | None) -> Message:
    """Whose character it is: the text itself, or the value of template variable {n}."""
    if param is None:
        return "", "The text contains "
    return f"第 {param} 个模板变量 {{{param}}} 的值里的", f"The value of template variable {{{param}}} contains "


def _chars(count: int) -> str:
    return "1 character" if count == 1 else f"{count} characters"


def empty_content() -> Message:
    return (
        f"自定义内容是空的。请写上要告诉客户的话（最多 {MAX_CONTENT_LENGTH} 个字）。",
        f"The content is empty. Write what you want to tell your customers (up to {MAX_CONTENT_LENGTH} characters).",
    )


def content_too_long(length: int) -> Message:
    over = length - MAX_CONTENT_LENGTH
    return (
        f"自定义内容有 {length} 个字，最多只能 {MAX_CONTENT_LENGTH} 个字。请删掉划线部分的 {over} 个字。",
        f"The content is {length} characters; the limit is {MAX_CONTENT_LENGTH}. "
        f"Delete the underlined {_chars(over)}.",
    )


def forbidden_character(found: str, symbol: ForbiddenSymbol, param: int | None = None) -> Message:
    where_zh, where_en = _where(param)
    return (
        f"{where_zh}「{found}」不能用：{symbol.reason_zh}。请删掉它，或换成文字。",
        f"{where_en}'{found}', which is not allowed: {symbol.reason_en}. "
        "Delete it or use words instead.",
    )


def unsupported_character(found: str, param: int | None = None) -> Message:
    where_zh, where_en = _where(param)
    shown = _shown(found)
    return (
        f"{where_zh}「{shown}」是表情符号或生僻字，短信里显示不出来。请删掉它，或换成常用字。",
        f"{where_en}'{shown}', an emoji or rare character that SMS cannot show. "
        "Delete it or use a common character.",
    )


def url_in_content(found: str, param: int | None = None) -> Message:
    if param is not None:
        return (
            f"第 {param} 个模板变量 {{{param}}} 的值里有网址「{found}」。模板变量里不能放链接，"
            "否则会被拒发。请删掉网址；要打开的页面请填静态网站路径（如 /index.html）。",
            f"The value of template variable {{{param}}} contains the address '{found}'. Template variables "
            "may not carry links and the SMS would be rejected. Remove it; give a static-site path "
            "(such as /index.html) for the page to open.",
        )
    return (
        f"自定义内容里有网址「{found}」。短信里只能有平台自动生成的短链接，其他网址可能导致发送失败。"
        "请删掉网址，把要打开的页面填在“静态网站路径”里。",
        f"The content contains the address '{found}'. Only the platform's own short link may appear in "
        "the SMS; other addresses can get it rejected. Remove it and put the page to open in the "
        "static-site path.",
    )


def missing_signature() -> Message:
    return (
        "小程序名称是空的。短信签名就是小程序名称，请在本页的“小程序名称”里填写（在“设置”里填写后会自动带出）。",
        "The mini program name is empty. It is the SMS signature: fill in “Mini program name” on this page "
        "(set it in Settings to have it filled in every time).",
    )


def signature_too_long(*, name: str, length: int, short_name: str, use_short_name: bool) -> Message:
    limit = MAX_SIGNATURE_LENGTH
    if use_short_name and not short_name.strip():
        return (
            "已选择“使用小程序简称”，但简称是空的。请填写在微信公众平台登记的小程序简称。",
            "“Use short name” is on but the short name is empty. Enter the short name registered "
            "on the WeChat platform.",
        )
    if use_short_name:
        return (
            f"小程序简称「{short_name}」有 {length} 个字，短信签名最多 {limit} 个字。"
            f"请改用在微信公众平台登记的、不超过 {limit} 个字的简称。",
            f"The short name '{short_name}' is {length} characters; a signature may have at most {limit}. "
            f"Use the registered short name of at most {limit} characters.",
        )
    if short_name.strip():
        return (
            f"小程序名称「{name}」有 {length} 个字，超过 {limit} 个字的名称不能直接做短信签名。"
            "请勾选“使用小程序简称”。",
            f"The mini program name '{name}' is {length} characters; names over {limit} cannot be the "
            "signature. Turn on “Use short name”.",
        )
    return (
        f"小程序名称「{name}」有 {length} 个字，超过 {limit} 个字的名称不能直接做短信签名。"
        "请填写小程序简称，并勾选“使用小程序简称”。",
        f"The mini program name '{name}' is {length} characters; names over {limit} cannot be the "
        "signature. Enter the short name and turn on “Use short name”.",
    )


def invalid_path(kind: str, found: str) -> Message:
    if kind == PathIssue.MISSING:
        return (
            "没有填写静态网站路径。请填写客户点开短信链接后要打开的页面，例如 /index.html。",
            "The static-site path is missing. Enter the page the SMS link should open, e.g. /index.html.",
        )
    if kind == PathIssue.SCHEME_OR_DOMAIN:
        return (
            f"这里只填路径，请去掉「{found}」。平台会自动加上域名，例如只填 /index.html。",
            f"Enter only the path, without '{found}'. The platform adds the domain itself; "
            "for example enter /index.html.",
        )
    if kind == PathIssue.NO_LEADING_SLASH:
        return (
            "路径要以半角斜杠 / 开头，例如 /index.html。请在最前面加上 /。",
            "The path must start with a slash, e.g. /index.html. Add / at the front.",
        )
    return (
        "路径里不能有空格。请删掉划线处的空格。",
        "The path may not contain spaces. Delete the underlined space.",
    )


def param_count_mismatch(expected: int, given: int) -> Message:
    values = "1 value" if given == 1 else f"{given} values"
    if given < expected:
        return (
            f"模板里有 {expected} 个变量（{{1}} 到 {{{expected}}}），但只填了 {given} 个值。"
            f"请补上缺少的 {expected - given} 个值。",
            f"The template has {expected} variables ({{1}} to {{{expected}}}) but only {values} given. "
            f"Add the missing {expected - given}.",
        )
    if expected == 0:
        return (
            f"模板里没有变量（{{1}}、{{2}}……），却填了 {given} 个值。请删掉这些值，或检查模板内容是否粘贴完整。",
            f"The template has no variables ({{1}}, {{2}}…) but {values} given. Remove them, or check "
            "that the whole template was pasted.",
        )
    return (
        f"模板里只有 {expected} 个变量，却填了 {given} 个值。请删掉多出的 {given - expected} 个值，"
        "或检查模板内容是否粘贴完整。",
        f"The template has {expected} variables but {values} given. Remove the extra "
        f"{given - expected}, or check that the whole template was pasted.",
    )


def missing_template() -> Message:
    return (
        "模板内容是空的。请粘贴审核通过的模板原文，例如“您的订单{1}已发货”。",
        "The template text is empty. Paste the approved template, e.g. “您的订单{1}已发货”.",
    )


def multi_part(length: int, parts: int) -> Message:
    excess = length - SINGLE_SMS_LIMIT
    return (
        f"整条短信 {length} 字，将按 {parts} 条计费。删掉 {excess} 个字（划线部分）即可按 1 条计费。",
        f"The whole SMS is {length} characters and bills as {parts} parts. "
        f"Delete {_chars(excess)} (underlined) to bill as 1.",
    )


def message_too_long(length: int) -> Message:
    over = length - MAX_MESSAGE_LENGTH
    return (
        f"整条短信 {length} 字，超过了平台允许的 {MAX_MESSAGE_LENGTH} 字上限，发不出去。"
        f"请删掉至少 {over} 个字（划线部分），或缩短模板变量的值。",
        f"The whole SMS is {length} characters, over the platform's limit of {MAX_MESSAGE_LENGTH}; it cannot be sent. "
        f"Delete at least {_chars(over)} (underlined), or shorten the template variables' values.",
    )


def empty_param(param: int) -> Message:
    return (
        f"第 {param} 个模板变量 {{{param}}} 是空的，短信里会缺这一块。请填上它的值（或选择收件人表格的一列）。",
        f"Template variable {{{param}}} is empty, so the message would have a hole. Fill in its value "
        "(or pick a recipients column).",
    )


def missing_template_id() -> Message:
    return (
        "缺少模板ID。请填写审核通过的模板的ID（在云开发控制台的短信模板里可以找到）。",
        "The template ID is missing. Enter the ID of the approved template (shown in the CloudBase console).",
    )
