"""The campaign engine: one facade the window and the command line share — plan, store, send, resume, export."""

from __future__ import annotations

import csv
import glob
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui.domain.campaign import Campaign
from gui.domain.chunks import empty_in_steps
from gui.domain.clock import Clock, SystemClock
from gui.domain.errors import UserFacingError
from gui.domain.frequency import CapHit, FrequencyCap
from gui.domain.plan import DEFAULT_BATCH_SIZE, Plan, fingerprint, plan_campaign
from gui.domain.recipient_columns import numbers_of
from gui.domain.recipients import ImportResult
from gui.domain.row_result import RowResult
from gui.domain.screening import screen_import
from gui.domain.statuses import status_label
from gui.services.config.storage import remove_stale_temps
from gui.services.drafts.carrier_rules import load_rule_pack
from gui.services.journal.store import Journal
from gui.services.journal.types import CampaignInfo, NumberRow, RecipientsSource, SkippedRow
from gui.services.recipients.importer import import_recipients
from gui.services.recipients.suppression import SuppressionList
from gui.services.sending.budget import BudgetGate
from gui.services.sending.frequency import FrequencyGuard, capped_update, load_cap, plan_exclusions
from gui.services.sending.receipts import ReceiptSummary, fetch_receipts
from gui.services.sending.repeat_guard import RepeatError, RepeatNotice, find_repeat
from gui.services.sending.runner import CampaignRunner, SmsClient

if TYPE_CHECKING:  # imported where used: the results package is loaded only for a report or an export
    from gui.services.config.settings import Settings
    from gui.services.results.report import CampaignReport

log = logging.getLogger(__name__)


class PlanError(UserFacingError):
    """The campaign cannot be sent as it is: the first problem, and how many there are."""

    code = "plan"


class UnknownCampaignError(UserFacingError):
    code = "unknown_campaign"


class Engine:
    """Owns the journal connection; everything that sends or reads results goes through here.

    `suppression` is the app's `SuppressionList`, opened on the same database unless one is given.
    """

    def __init__(
        self,
        db_path: Path | None = None,
        *,
        clock: Clock | None = None,
        recover: bool = True,
        suppression: SuppressionList | None = None,
    ) -> None:
        self.journal = Journal(db_path, recover=recover)
        self.clock = clock or SystemClock()
        self._suppression = suppression

    def close(self) -> None:
        self.journal.close()

    def remove_interrupted_exports(self) -> list[Path]:
        """Hidden temp files that killed exports left beside the recipients files (under the default result
        name, `<file>-结果-<id>`), older than a few minutes; returns what was removed."""
        patterns: dict[Path, set[str]] = {}
        for info in self.journal.campaigns():
            if info.source.file:
                source = Path(info.source.file)
                patterns.setdefault(source.parent, set()).add(f".{glob.escape(source.stem)}-结果-*")
        removed: list[Path] = []
        for folder, names in patterns.items():
            removed += remove_stale_temps([folder], patterns=sorted(names))
        return removed

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def suppression(self) -> SuppressionList:
        if self._suppression is None:
            # Never send without the suppression list: a number that unsubscribed must not be billed again.
            self._suppression = SuppressionList(self.journal.path)
        return self._suppression

    # -- planning -------------------------------------------------------------------------------------

    def plan(
        self,
        campaign: Campaign,
        imported: ImportResult,
        *,
        price_per_part: Decimal | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        cap: FrequencyCap | None = None,
    ) -> Plan:
        """Check and batch the campaign for the imported recipients, screened against the suppression list as it
        is now (it may have changed since the import); for Marketing the frequency cap leaves out the numbers
        over it, each with the rule."""
        if price_per_part is None:
            from gui.services.config.settings import load_settings

            price_per_part = load_settings().pack_price_per_sms
        screened = screen_import(imported, suppressed=self.suppression.numbers())
        capped: dict[str, CapHit] = {}
        if campaign.is_marketing:
            numbers = numbers_of(screened.recipients)
            capped = plan_exclusions(self.journal, numbers, cap or load_cap(), self.clock.now())
        plan = plan_campaign(
            campaign,
            screened,
            capped=capped,
            price_per_part=Decimal(price_per_part),
            batch_size=batch_size,
            rules=load_rule_pack(),
        )
        return replace(plan, fingerprint=fingerprint(plan))

    def repeat_of(self, plan: Plan) -> RepeatNotice | None:
        """The earlier campaign this plan would repeat (same texts and numbers within 30 days, or numbers that
        already got the exact text today), or None. `create_campaign` applies the same rule."""
        return find_repeat(self.journal, plan, plan.fingerprint or fingerprint(plan), self.clock.now())

    def create_campaign(
        self, campaign: Campaign, imported: ImportResult, plan: Plan, *, again: bool = False, test: bool = False
    ) -> int:
        """Store the campaign, its recipients and planned batches; nothing is sent yet. Returns its ID.

        A repeat of an earlier campaign (see `repeat_of`) raises `RepeatError` unless `again` says the user chose
        to send it again after seeing why. A `test` send (to the user's own numbers) is not guarded and does not
        count as an earlier campaign.
        """
        if plan.errors:
            first = plan.errors[0]
            more_zh = f"（另有 {len(plan.errors) - 1} 个问题）" if len(plan.errors) > 1 else ""
            more_en = f" ({len(plan.errors) - 1} more problems)" if len(plan.errors) > 1 else ""
            raise PlanError(
                first.message_zh + more_zh,
                first.message_en + more_en,
                action_zh="请改正后再发送，没有发出任何短信。",
                action_en="Fix it and send again; nothing was sent.",
                where=first.field,
            )
        source = RecipientsSource(
            file=imported.file, sheet=imported.sheet, header_row=imported.header_row, phone_column=imported.phone_column
        )
        stored_print = "" if test else (plan.fingerprint or fingerprint(plan))
        now = self.clock.now()

        def guard() -> None:
            notice = find_repeat(self.journal, plan, stored_print, now)
            if notice is not None:
                raise RepeatError(notice)

        campaign_id = self.journal.create_campaign(
            campaign, plan, created_at=now, source=source, suppressed=plan.suppressed, fingerprint=stored_print,
            guard=None if again or test else guard,
        )
        self.journal.record_skipped(campaign_id, skipped_rows(imported))
        if plan.capped:
            self.journal.add_left_out(campaign_id, [capped_update(hit, r.row) for r, hit in plan.capped])
        return campaign_id

    # -- sending --------------------------------------------------------------------------------------

    def runner(self, campaign_id: int, client: SmsClient, **options: Any) -> CampaignRunner:
        """A runner for the campaign; options are `CampaignRunner`'s (settle_seconds, allow_resend, callbacks…)."""
        self._check(campaign_id)
        options.setdefault("clock", self.clock)
        options.setdefault("suppress", self._suppress_blacklisted)
        settings = options.pop("settings", None)  # the caller's read of the settings file, if it has one
        if settings is None and ("exclude" not in options or "gate" not in options):
            from gui.services.config.settings import load_settings

            settings = load_settings()
        if "exclude" not in options and self.journal.campaign(campaign_id).is_marketing:
            cap = options.pop("cap", None) or FrequencyCap(settings.cap_per_day, settings.cap_per_week)
            if cap.enabled:
                options["exclude"] = FrequencyGuard(self.journal, campaign_id, cap, options["clock"])
        options.pop("cap", None)
        if "gate" not in options and (settings.limit_per_campaign or settings.limit_per_day):
            options["gate"] = BudgetGate(self.journal, campaign_id, options["clock"],
                                         per_campaign=settings.limit_per_campaign, per_day=settings.limit_per_day)
        return CampaignRunner(self.journal, client, campaign_id, **options)

    def _suppress_blacklisted(self, numbers: Sequence[str]) -> None:
        self.suppression.add(numbers, reason="平台退订/黑名单")

    def retry_failed(
        self, campaign_id: int, *, batch_size: int = DEFAULT_BATCH_SIZE, only: Sequence[str] | None = None
    ) -> int:
        """Queue a follow-up run of exactly the numbers that may succeed on another try; returns how many.

        That is every `retry_later` number, and numbers refused because their whole request was refused
        (e.g. quota or configuration, now fixed). Blacklisted and invalid numbers are not retried.
        `only` narrows it to those numbers (one failure group of the report).
        """
        self._check(campaign_id)
        numbers = self.journal.retryable_numbers(campaign_id)
        if only is not None:
            wanted = set(only)
            numbers = [n for n in numbers if n in wanted]
        if numbers:
            self.journal.requeue(campaign_id, numbers, origin="retry", batch_size=batch_size)
        return len(numbers)

    # -- results --------------------------------------------------------------------------------------

    def campaigns(self) -> list[CampaignInfo]:
        return self.journal.campaigns()

    def info(self, campaign_id: int) -> CampaignInfo:
        self._check(campaign_id)
        return self.journal.info(campaign_id)

    def last_campaign_id(self) -> int | None:
        return self.journal.last_campaign_id()

    def numbers(self, campaign_id: int) -> list[NumberRow]:
        self._check(campaign_id)
        return self.journal.numbers(campaign_id)

    def number_pages(self, campaign_id: int) -> Iterator[list[NumberRow]]:
        """The campaign's numbers in row order, a page at a time (a million rows never in memory at once)."""
        self._check(campaign_id)
        return self.journal.number_pages(campaign_id)

    def fetch_receipts(self, campaign_id: int, client: SmsClient) -> ReceiptSummary:
        self._check(campaign_id)
        return fetch_receipts(self.journal, client, campaign_id, now=self.clock.now())

    def report(self, campaign_id: int, settings: Settings | None = None) -> CampaignReport:
        """The campaign's report (figures, chart data, grouped failures): `gui.services.results.report`."""
        from gui.services.results.report import campaign_report

        self._check(campaign_id)
        if settings is None:
            from gui.services.config.settings import load_settings

            settings = load_settings()
        return campaign_report(self.journal, campaign_id, settings, suppressed=self.suppression.numbers())

    def results_by_row(self, campaign_id: int, language: str = "zh") -> dict[int, RowResult]:
        """Each spreadsheet row's outcome, in the words the workbook's result columns use."""
        return {row.row: result_of(row, language) for row in self.numbers(campaign_id)}

    def export(
        self,
        campaign_id: int,
        out: Path,
        *,
        importer: Callable[..., ImportResult] | None = None,
        separate_process: bool = False,
    ) -> Path:
        """Write results into a copy of the recipients file (CSV when `out` ends in .csv).

        `separate_process`: a large workbook is read (twice: to check its rows, then to copy them) in a child
        process, as the window's import reads it (`recipients.readers.open_source`)."""
        from gui.services.results import export as results_export

        info = self.info(campaign_id)
        source = info.source
        out = Path(out)
        if not source.file and out.suffix.lower() == ".csv":
            return self._export_journal_csv(campaign_id, out)  # pasted numbers: no file to copy
        if not source.file or not Path(source.file).exists():
            raise UserFacingError(
                "找不到这次发送用的收件人文件，无法把结果写回表格。",
                "The recipients file used for this campaign is gone, so results cannot be written into it.",
                action_zh="请把文件放回原处后重试。",
                action_en="Put the file back where it was and try again.",
                where=source.file or f"campaign {campaign_id}",
            )
        read = importer or import_recipients
        # Numbers only: the copy takes every other cell from the file itself.
        imported = read(source.file, sheet=source.sheet, header_row=source.header_row,
                        phone_column=source.phone_column or None, fields=False, separate_process=separate_process)
        rows = self._checked_results(campaign_id, imported, source.file)
        try:
            if out.suffix.lower() == ".csv":
                return results_export.write_results_csv(imported, Path(source.file), rows, out,
                                                        separate_process=separate_process)
            return results_export.write_results_workbook(imported, Path(source.file), rows, out,
                                                         report=self.report(campaign_id),
                                                         separate_process=separate_process)
        finally:
            empty_in_steps(rows)  # a million results: emptied in steps, not freed in one call

    def _checked_results(self, campaign_id: int, imported: ImportResult, file: str) -> dict[int, RowResult]:
        """Each row's outcome, once the file is known to hold the same numbers on the same rows (or results would
        land on the wrong people). One pass over the journal a page at a time: a million rows are never all in
        memory as journal rows beside their results."""
        by_row = _numbers_by_row(imported)
        results: dict[int, RowResult] = {}
        for page in self.number_pages(campaign_id):
            for stored in page:
                if by_row.get(stored.row) not in (None, stored.number):
                    raise UserFacingError(
                        f"收件人文件在发送后被改过：第 {stored.row} 行现在不是 {stored.number}。",
                        f"The recipients file changed after sending: row {stored.row} no longer holds "
                        f"{stored.number}.",
                        action_zh="请用发送时的原文件导出结果，或导出为 CSV 到新文件。",
                        action_en="Export from the original file as it was when sending.",
                        where=file,
                    )
                results[stored.row] = result_of(stored)
        empty_in_steps(by_row)
        return results

    def _export_journal_csv(self, campaign_id: int, out: Path) -> Path:
        from gui.domain.row_result import RESULT_COLUMNS
        from gui.services.results.rows import write_atomically

        rows = self.journal.numbers(campaign_id)

        def write(temp: Path) -> None:
            with temp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(("行号", "手机号", *RESULT_COLUMNS))
                for row in rows:
                    writer.writerow((row.row, row.number, *result_of(row).cells()))

        return write_atomically(out, write)

    def _check(self, campaign_id: int) -> None:
        # Only whether it exists: `info` would also count the campaign's numbers, a scan of all its rows.
        if not self.journal.has_campaign(campaign_id):
            raise UnknownCampaignError(
                f"没有编号为 {campaign_id} 的发送记录。",
                f"There is no campaign with ID {campaign_id}.",
                action_zh="用 sms-composer campaigns 查看全部发送记录。",
                action_en="List them with: sms-composer campaigns",
            )


def result_of(row: NumberRow, language: str = "zh") -> RowResult:
    zh = language == "zh"
    return RowResult(
        status=status_label(row.status, language),
        reason=row.message_zh if zh else row.message_en,
        advice=row.advice_zh if zh else row.advice_en,
        serial_no=row.serial_no,
        submit_time=row.submit_time,
        parts=row.parts,
        delivery_status=status_label(row.delivery_status, language) if row.delivery_status else "",
        delivery_time=row.delivery_time,
    )


def skipped_rows(imported: ImportResult) -> list[SkippedRow]:
    """The import's invalid and duplicate rows, as the journal keeps them for the report."""
    rows = [SkippedRow(r.row, "invalid", r.value, None, r.reason, r.message_zh, r.message_en) for r in imported.invalid]
    rows += [SkippedRow(d.row, "duplicate", d.number, d.first_row) for d in imported.duplicates]
    return rows


def _numbers_by_row(imported: ImportResult) -> dict[int, str]:
    """Spreadsheet row → number of the import's recipients and suppressed rows, from its packed lists when it has
    them (a million `Recipient` objects are not made for this)."""
    recipients = imported.recipients
    rows, numbers = getattr(recipients, "rows", None), getattr(recipients, "numbers", None)
    by_row = dict(zip(rows(), numbers(), strict=True)) if callable(rows) and callable(numbers) else \
        {r.row: r.number for r in recipients}
    by_row.update((r.row, r.number) for r in imported.suppressed)
    return by_row


