"""`sms-composer preview`: the final text of one SMS, its length, billed parts and problems."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import Any

from gui.cli.output import pick, print_json
from gui.domain.errors import UserFacingError
from gui.domain.sms_text import (
    DEFAULT_SUFFIX_KEY,
    MAX_CONTENT_LENGTH,
    MAX_SIGNATURE_LENGTH,
    SINGLE_SMS_LIMIT,
    SUFFIX_PRESETS,
    MarketingDraft,
    NotificationDraft,
    Problem,
    RenderedSms,
    SmsType,
    effective_use_short_name,
)
from gui.services.drafts.carrier_rules import checked_sms
from gui.services.sending.types import EXIT_OK

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="show the final SMS text, its length, billed parts and problems",
        description=(
            "预览一条短信：完整短信、整条字数、计费条数和需要修改的地方。"
            " Preview one SMS: the final text, its length, billed parts and problems."
            " A mini program name over 12 characters with --short-name given signs with the short name"
            " automatically (shown as a note, not a warning)."
        ),
    )
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--marketing", dest="sms_type", action="store_const", const=SmsType.MARKETING,
                      help="营销短信 Marketing SMS: --content and --path")
    kind.add_argument("--notification", dest="sms_type", action="store_const", const=SmsType.NOTIFICATION,
                      help="通知短信 Notification SMS: --template and --param")
    parser.add_argument("--signature", required=True, metavar="NAME", help="小程序名称 mini program name")
    parser.add_argument("--short-name", default="", metavar="SHORT", help="小程序简称 registered short name")
    parser.add_argument("--use-short-name", action="store_true", help="sign with the short name")
    parser.add_argument("--suffix", choices=sorted(SUFFIX_PRESETS), metavar="KEY",
                        help=f"Marketing suffix preset: {', '.join(SUFFIX_PRESETS)} (default {DEFAULT_SUFFIX_KEY})")
    parser.add_argument("--content", metavar="TEXT", help="自定义内容 Marketing content (≤30 characters)")
    parser.add_argument("--path", metavar="PATH", help="静态网站路径 static-site path, e.g. /index.html")
    parser.add_argument("--template", metavar="TEXT", help="模板内容 Notification template text with {1}…{n}")
    parser.add_argument("--param", dest="params", action="extend", nargs="+", default=[], metavar="VALUE",
                        help="模板变量 a template value, in order (repeat the option or list several)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def _reject_options(args: argparse.Namespace, names: dict[str, str], kind_zh: str, kind_en: str) -> None:
    used = [option for attribute, option in names.items() if getattr(args, attribute)]
    if used:
        listed = ", ".join(used)
        raise UserFacingError(
            f"{listed} 不用于{kind_zh}。",
            f"{listed} does not apply to a {kind_en}.",
            action_zh="请删掉这些选项，或换成对应的短信类型。",
            action_en="Remove them, or choose the other SMS type.",
            where="preview",
        )


def build_draft(args: argparse.Namespace) -> tuple[MarketingDraft | NotificationDraft, list[str]]:
    """The draft described by the options, and notes on choices made for the user."""
    notes: list[str] = []
    use_short = effective_use_short_name(args.signature, args.short_name, args.use_short_name)
    if use_short and not args.use_short_name:
        notes.append(pick(
            f"小程序名称超过 {MAX_SIGNATURE_LENGTH} 个字，已自动使用简称「{args.short_name}」作为签名。",
            f"The mini program name is over {MAX_SIGNATURE_LENGTH} characters, "
            f"so the short name '{args.short_name}' signs instead.",
        ))
    if args.sms_type == SmsType.MARKETING:
        _reject_options(args, {"template": "--template", "params": "--param"}, "营销短信", "Marketing SMS")
        draft: MarketingDraft | NotificationDraft = MarketingDraft(
            signature=args.signature,
            content=args.content or "",
            path=args.path or "",
            short_name=args.short_name,
            use_short_name=use_short,
            suffix_key=args.suffix or DEFAULT_SUFFIX_KEY,
        )
    else:
        _reject_options(
            args, {"content": "--content", "path": "--path", "suffix": "--suffix"}, "通知短信", "Notification SMS"
        )
        draft = NotificationDraft(
            signature=args.signature,
            template_text=args.template or "",
            params=tuple(args.params),
            short_name=args.short_name,
            use_short_name=use_short,
        )
    return draft, notes


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "message": pick(problem.message_zh, problem.message_en),
        "start": problem.start,
        "end": problem.end,
        "field": problem.field,
    }


def to_json(rendered: RenderedSms, draft: MarketingDraft | NotificationDraft, notes: list[str]) -> dict[str, Any]:
    """The `--json` object."""
    return {
        "text": rendered.text,
        "length": rendered.length,
        "segments": rendered.parts,  # the documented JSON key stays
        "content_length": rendered.content_length,
        "errors": [_problem_json(p) for p in rendered.errors],
        "warnings": [_problem_json(p) for p in rendered.warnings],
        "sms_type": str(rendered.sms_type),
        "signature": rendered.signature_shown,
        "use_short_name": draft.use_short_name,
        "notes": notes,
    }


def _width(ch: str) -> int:
    """Terminal columns a character takes: CJK and full-width forms take two."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _printable(text: str) -> str:
    """One printable character per character of `text`, so offsets still line up."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def marker_lines(label: str, text: str, start: int, end: int) -> list[str]:
    """`label` + `text`, and under it a row of ^ below `text[start:end]` (one ^ for an empty span)."""
    shown = _printable(text)
    indent = sum(_width(ch) for ch in label) + sum(_width(ch) for ch in shown[:start])
    carets = max(sum(_width(ch) for ch in shown[start:end]), 1)
    return [label + shown, " " * indent + "^" * carets]


def _field_text(draft: MarketingDraft | NotificationDraft, field: str) -> tuple[str, str] | None:
    """The label and text a problem's span points into, when it points into text."""
    if field == "signature":
        name = draft.short_name if draft.use_short_name else draft.signature
        return pick("      签名：", "      signature: "), name
    if isinstance(draft, MarketingDraft):
        if field == "content":
            return pick("      正文：", "      content: "), draft.content
        if field == "path":
            return pick("      路径：", "      path: "), draft.path
    elif field == "template":
        return pick("      模板：", "      template: "), draft.template_text
    return None


def to_text(rendered: RenderedSms, draft: MarketingDraft | NotificationDraft, notes: list[str]) -> str:
    """The readable preview."""
    lines = [pick("完整短信：", "Final text: ") + rendered.text]
    lines.append(pick(
        f"整条 {rendered.length}/{SINGLE_SMS_LIMIT} · {rendered.parts} 条",
        f"Whole SMS {rendered.length}/{SINGLE_SMS_LIMIT} · {rendered.parts} part(s)",
    ))
    if rendered.content_length is not None:
        lines.append(pick(
            f"正文 {rendered.content_length}/{MAX_CONTENT_LENGTH}",
            f"Content {rendered.content_length}/{MAX_CONTENT_LENGTH}",
        ))
    lines += notes
    for title_zh, title_en, mark, problems in (
        ("错误", "Errors", "✗", rendered.errors),
        ("提醒", "Warnings", "!", rendered.warnings),
    ):
        if not problems:
            continue
        lines.append(pick(f"{title_zh}（{len(problems)}）：", f"{title_en} ({len(problems)}):"))
        for problem in problems:
            lines.append(f"  {mark} [{problem.code}] {pick(problem.message_zh, problem.message_en)}")
            target = _field_text(draft, problem.field)
            if target is not None:
                lines += marker_lines(target[0], target[1], problem.start, problem.end)
    if rendered.ok and rendered.warnings:
        lines.append(pick("没有错误，可以发送；请先看一下上面的提醒。", "No errors: ready to send; do read the warnings above."))
    elif rendered.ok:
        lines.append(pick("没有错误，可以发送。", "No errors: ready to send."))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    draft, notes = build_draft(args)
    rendered = checked_sms(draft)
    if args.json:
        print_json(to_json(rendered, draft, notes))
    else:
        sys.stdout.write(to_text(rendered, draft, notes))
    return EXIT_OK if rendered.ok else EXIT_PROBLEMS
