"""The send plan: who gets which text, in which batches, and what it will cost — before anything is sent."""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gui.domain import text_messages as msg
from gui.domain.campaign import Campaign
from gui.domain.campaign_rules import campaign_problems, describe_character, hidden_character
from gui.domain.carrier_rules import RulePack, apply_rules
from gui.domain.chunks import joined_pieces
from gui.domain.frequency import CapHit
from gui.domain.recipient_columns import field_of, numbers_of, rows_of
from gui.domain.recipients import Recipient
from gui.domain.screening import Screened, screen_recipients
from gui.domain.sms_text import Problem, RenderedSms, Severity, render

DEFAULT_BATCH_SIZE = 1000
DEFAULT_PRICE_PER_PART = Decimal("0.05")
# Enough distinct problems to act on; a bad column can otherwise produce one per recipient.
MAX_REPORTED_PROBLEMS = 20


@dataclass(frozen=True)
class PlannedBatch:
    """One request: up to `batch_size` numbers sharing the same parameters (hence the same text)."""

    index: int  # 1-based, in sending order
    numbers: tuple[str, ...]
    rows: tuple[int, ...]
    params: tuple[str, ...]
    rendered: RenderedSms

    @property
    def parts(self) -> int:
        return len(self.numbers) * self.rendered.parts


@dataclass(frozen=True)
class Plan:
    """What sending would do; `errors` non-empty means it must not be sent."""

    batches: tuple[PlannedBatch, ...]
    recipients: int
    total_parts: int
    estimate_yuan: Decimal
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    # Beyond the contract: what the plan left out, so reports can say why.
    suppressed: tuple[Recipient, ...] = ()
    capped: tuple[tuple[Recipient, CapHit], ...] = ()  # over the frequency cap (防骚扰), with the rule
    duplicates: int = 0
    price_per_part: Decimal = DEFAULT_PRICE_PER_PART
    fingerprint: str = ""  # set by the engine's plan(); see `fingerprint()`

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def distinct_texts(self) -> int:
        return len({batch.params for batch in self.batches})


def _problem(code: str, field: str, message_zh: str, message_en: str) -> Problem:
    return Problem(
        code=code,
        severity=Severity.ERROR,
        message_zh=message_zh,
        message_en=message_en,
        start=0,
        end=0,
        field=field,
    )


def check_campaign_fields(campaign: Campaign) -> list[Problem]:
    """Fields the API needs that the text engine does not look at."""
    problems: list[Problem] = [
        _problem(p.code, p.field, p.message_zh, p.message_en) for p in campaign_problems(campaign)
    ]
    if not campaign.env:
        problems.append(
            _problem("missing_env", "env", "缺少环境ID。请在“设置”里填写云开发环境ID。",
                     "The environment ID is missing. Enter the CloudBase environment ID in Settings.")
        )
    if campaign.is_marketing and not campaign.path.strip():
        problems.append(
            _problem("invalid_path", "path", "缺少静态网站路径。请填写短链接要打开的页面，例如 /index.html。",
                     "The static-site path is missing. Enter the page the short link opens, e.g. /index.html.")
        )
    if not campaign.is_marketing and not campaign.template_id.strip():
        zh, en = msg.missing_template_id()
        problems.append(_problem("missing_template_id", "template_id", zh, en))
    return problems


def _empty_value_problem(column: str, rows: list[int]) -> Problem:
    """Rows whose column is empty would get a message with a hole: the send is refused, the rows listed."""
    shown = "、".join(str(row) for row in rows[:10]) + (f" 等 {len(rows)} 行" if len(rows) > 10 else "")
    shown_en = ", ".join(str(row) for row in rows[:10]) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    return _problem(
        "empty_column_value",
        "params",
        f"收件人表格的“{column}”列在第 {shown} 行是空的，这些人的短信会缺一块。"
        "请在表格里填上，或删掉这些行，然后重新导入。",
        f"Column {column!r} is empty on row(s) {shown_en}: their message would have a hole. "
        "Fill those cells in or delete the rows, then import again.",
    )._replace(rows=tuple(rows))


def _hidden_value_problem(column: str, char: str, row: int) -> Problem:
    shown = describe_character(char)
    return _problem(
        "hidden_character",
        "params",
        f"收件人表格的“{column}”列在第 {row} 行含有看不见的控制字符或格式字符 {shown}（如换行、制表符、零宽空格、"
        "文字方向控制符），会原样发进短信。请在表格里删掉它，然后重新导入。",
        f"Column {column!r} holds an invisible control or format character {shown} on row {row} (a line break, "
        "tab, zero-width space or direction mark); it would go into the SMS as it is. Delete it and import again.",
    )


def plan_campaign(
    campaign: Campaign,
    recipients: Screened | Sequence[Recipient],
    *,
    price_per_part: Decimal = DEFAULT_PRICE_PER_PART,
    batch_size: int = DEFAULT_BATCH_SIZE,
    rules: RulePack | None = None,
    capped: Mapping[str, CapHit] | None = None,
) -> Plan:
    """Group the screened recipients by identical parameters and cut into batches, in row order.

    A plain sequence is screened first (`screen_recipients`, nobody suppressed); the engine passes the import
    screened against the suppression list at plan time. `rules` (the carrier rule pack) adds its warnings to
    each distinct text's; `capped` (Marketing) are the numbers the frequency cap leaves out, with the rule.
    """
    if not 1 <= batch_size <= DEFAULT_BATCH_SIZE:
        raise ValueError(f"batch_size must be within 1..{DEFAULT_BATCH_SIZE}")
    screened = recipients if isinstance(recipients, Screened) else screen_recipients(recipients)
    errors = check_campaign_fields(campaign)
    people = screened.recipients
    numbers, rows = numbers_of(people), rows_of(people)
    columns = campaign.columns_used()
    over_cap: list[tuple[Recipient, CapHit]] = []
    sendable: Sequence[int] = range(len(numbers))
    if capped:
        below_cap: list[int] = []
        for position, number in enumerate(numbers):
            hit = capped.get(number)
            if hit is None:
                below_cap.append(position)
            else:
                over_cap.append((people[position], hit))
        sendable = below_cap
    # Positions of the recipients sharing each parameter set (hence one text), in row order.
    groups: Mapping[tuple[str, ...], Sequence[int]] = {}
    missing_columns: dict[str, int] = {}
    empty_rows: dict[str, list[int]] = {}
    if not columns:  # the same parameters for everyone: no row needs reading
        fixed = campaign.params_for({})
        if fixed is not None and sendable:
            groups = {fixed: sendable}
    else:
        groups = _group_by_columns(campaign, columns, [field_of(people, c) for c in columns], rows, sendable,
                                   missing_columns, empty_rows)

    for column, row in missing_columns.items():
        errors.append(
            _problem(
                "unknown_column",
                "params",
                f"模板变量引用的列“{column}”在收件人表格中不存在（第 {row} 行起）。",
                f"The template parameter refers to column {column!r}, which the recipients file "
                f"does not have (from row {row}).",
            )
        )
    errors.extend(_empty_value_problem(column, rows) for column, rows in empty_rows.items())
    if not groups and not missing_columns and not empty_rows:
        errors.append(
            _problem("no_recipients", "recipients", "没有可发送的收件人。", "There are no recipients to send to.")
        )

    batches: list[PlannedBatch] = []
    warnings: dict[tuple[str, str], Problem] = {}
    text_errors: dict[tuple[str, str], Problem] = {}
    for params, members in groups.items():
        draft = campaign.draft(params)
        rendered = apply_rules(rules, draft, render(draft))
        first_row = rows[members[0]]
        for index, value in enumerate(params):
            # A cell holding ESC, a line break or a bidi control would go out inside the SMS as it is.
            found = hidden_character(value)
            if found is not None and ("hidden_character", str(index)) not in text_errors:
                text_errors[("hidden_character", str(index))] = _hidden_value_problem(
                    campaign.template_params[index].column or f"{{{index + 1}}}", found[1], first_row)
        for problem in rendered.errors:
            key = (problem.code, problem.message_en)
            if key not in text_errors:
                text_errors[key] = _at_row(problem, first_row, bool(params))
        for problem in rendered.warnings:
            warnings.setdefault((problem.code, problem.field), problem)
        for start in range(0, len(members), batch_size):
            chunk = members[start : start + batch_size]
            batches.append(
                PlannedBatch(
                    index=len(batches) + 1,
                    numbers=tuple(map(numbers.__getitem__, chunk)),
                    rows=tuple(map(rows.__getitem__, chunk)),
                    params=params,
                    rendered=rendered,
                )
            )
    errors.extend(list(text_errors.values())[:MAX_REPORTED_PROBLEMS])
    total_parts = sum(batch.parts for batch in batches)
    return Plan(
        batches=tuple(batches),
        recipients=sum(len(batch.numbers) for batch in batches),
        total_parts=total_parts,
        estimate_yuan=estimate(total_parts, price_per_part),
        errors=tuple(errors),
        warnings=tuple(warnings.values()),
        suppressed=screened.suppressed,
        duplicates=len(screened.duplicates),
        capped=tuple(over_cap),
        price_per_part=price_per_part,
    )


def _group_by_columns(
    campaign: Campaign,
    columns: tuple[str, ...],
    values: list[list[str | None]],
    rows: Sequence[int],
    sendable: Sequence[int],
    missing_columns: dict[str, int],
    empty_rows: dict[str, list[int]],
) -> dict[tuple[str, ...], list[int]]:
    """Group positions by the parameters their row's columns give; rows with a missing column or an empty
    value are noted in `missing_columns` / `empty_rows` instead (each makes the plan refuse to send)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for position in sendable:
        fields: dict[str, str] = {}
        for column, column_values in zip(columns, values, strict=True):
            value = column_values[position]
            if value is not None:  # None: the recipient has no such column
                fields[column] = value
        params = campaign.params_for(fields)
        if params is None:
            for column in columns:
                if column not in fields:
                    missing_columns.setdefault(column, rows[position])
            continue
        empty = [c for c in columns if not str(fields.get(c, "")).strip()]
        if empty:
            for column in empty:
                empty_rows.setdefault(column, []).append(rows[position])
            continue
        groups.setdefault(params, []).append(position)
    return groups


def fingerprint(plan: Plan) -> str:
    """The campaign's identity for the repeat guard: every number with the exact final text it would get.

    Order-free (the same list re-sorted is the same campaign); the name, batches and price do not count.
    """
    by_text: dict[str, list[str]] = {}
    for batch in plan.batches:
        by_text.setdefault(batch.rendered.text, []).extend(batch.numbers)
    digest = hashlib.sha256()
    for text in sorted(by_text):
        digest.update(text.encode("utf-8") + b"\x1e")
        for piece in joined_pieces("\n", _sorted_in_steps(by_text[text])):
            digest.update(piece.encode("ascii", "replace"))
        digest.update(b"\x1d")
    return digest.hexdigest()


SORT_STEP = 32_768


def _sorted_in_steps(numbers: list[str]) -> Iterator[str]:
    """`sorted(numbers)`, as short sorts merged lazily: one `sorted()` of a million numbers holds the GIL for
    half a second, which a window planning on a worker thread would show as a freeze."""
    if len(numbers) <= SORT_STEP:
        return iter(sorted(numbers))
    return heapq.merge(*(sorted(numbers[i:i + SORT_STEP]) for i in range(0, len(numbers), SORT_STEP)))


def estimate(parts: int, price_per_part: Decimal) -> Decimal:
    """The resource-pack cost of `parts` billed 条, to the fen."""
    return (Decimal(parts) * Decimal(price_per_part)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _at_row(problem: Problem, row: int, per_recipient: bool) -> Problem:
    """Name the first row whose parameters produce the problem (Notification parameters vary by row)."""
    if not per_recipient:
        return problem
    return problem._replace(
        message_zh=f"第 {row} 行：{problem.message_zh}",
        message_en=f"Row {row}: {problem.message_en}",
    )
