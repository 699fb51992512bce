"""What a run reports and how hard it tries: progress snapshots, the final summary and its exit code, retry policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from gui.domain.statuses import FAILED_STATUSES, CampaignState, NumberStatus

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_OPEN = 3


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try before giving up for this run (the batch stays planned; resume continues)."""

    not_sent_attempts: int = 5
    busy_attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 30.0
    resend_rounds: int = 5  # re-send rounds for numbers found missing after reconciliation

    def delay(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2.0 ** max(0, attempt - 1))


@dataclass(frozen=True)
class ProgressSnapshot:
    """Counts by status, batches done/total and the campaign state, after every change."""

    campaign_id: int
    counts: dict[str, int]
    batches_done: int
    batches_total: int
    state: CampaignState
    message_zh: str = ""
    message_en: str = ""
    waiting_until: datetime | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RunSummary:
    """How a run ended; `exit_code` is the CLI's (0 all final and none failed, 1 some failed, 3 open)."""

    campaign_id: int
    state: CampaignState
    counts: dict[str, int] = field(default_factory=dict)
    message_zh: str = ""
    message_en: str = ""
    resume_at: datetime | None = None
    # What checking the platform's records did for numbers whose outcome was unknown when the run began.
    unknown_before: int = 0
    found_in_records: int = 0
    resent: int = 0

    @property
    def open_numbers(self) -> int:
        c = self.counts
        return c.get(NumberStatus.PENDING, 0) + c.get(NumberStatus.UNKNOWN, 0) + c.get(NumberStatus.RECONCILING, 0)

    @property
    def failed_numbers(self) -> int:
        return sum(self.counts.get(status, 0) for status in FAILED_STATUSES)

    @property
    def exit_code(self) -> int:
        if self.state == CampaignState.STOPPED:  # a setting to fix; numbers are failed only per number
            return EXIT_OPEN if self.open_numbers else EXIT_FAILED
        if self.open_numbers or self.state in (CampaignState.INTERRUPTED, CampaignState.CANCELLED, CampaignState.HELD,
                                               CampaignState.PAUSED):
            return EXIT_OPEN
        return EXIT_FAILED if self.failed_numbers else EXIT_OK
