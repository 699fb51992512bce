"""The journal's schedules (定时发送): set, cancel, list and claim a campaign's start time (a part of `Journal`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from gui.domain.clock import beijing
from gui.domain.clock import format_timestamp as timestamp
from gui.domain.statuses import BatchState, CampaignState

# Only a campaign that has not started can be scheduled, re-scheduled or un-scheduled.
_NOT_STARTED = (
    "state IN (?, ?) AND NOT EXISTS (SELECT 1 FROM journal_batches b WHERE b.campaign_id = journal_campaigns.id "
    "AND b.state != ?)"
)


class ScheduleQueries:
    """Mixed into `Journal`, which provides `_query` and `_transaction`."""

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def set_schedule(self, campaign_id: int, at: datetime | None, *, now: datetime) -> bool:
        """Schedule (or, with None, un-schedule) a campaign that has not started; False when it already has."""
        state, when = (CampaignState.SCHEDULED, timestamp(at)) if at is not None else (CampaignState.PLANNED, "")
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE journal_campaigns SET state = ?, scheduled_at = ?, updated_at = ?, message_zh = '', "
                f"message_en = '' WHERE id = ? AND {_NOT_STARTED}",
                (state, when, timestamp(now), campaign_id, CampaignState.PLANNED, CampaignState.SCHEDULED,
                 BatchState.PLANNED),
            )
            return cursor.rowcount == 1

    def schedule_resume(self, campaign_id: int, at: datetime, *, now: datetime) -> bool:
        """Schedule the rest of a started campaign (numbers re-queued for a later retry) to resume at `at`.

        Only when it is not being sent and has planned batches left; False otherwise.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE journal_campaigns SET state = ?, scheduled_at = ?, updated_at = ?, message_zh = '', "
                "message_en = '' WHERE id = ? AND state != ? AND EXISTS (SELECT 1 FROM journal_batches b "
                "WHERE b.campaign_id = journal_campaigns.id AND b.state = ?)",
                (CampaignState.SCHEDULED, timestamp(at), timestamp(now), campaign_id, CampaignState.RUNNING,
                 BatchState.PLANNED),
            )
            return cursor.rowcount == 1

    def unschedule_resume(self, campaign_id: int, *, now: datetime) -> bool:
        """Cancel a scheduled resume: the campaign waits as 已暂停 for 继续发送; False when it was not scheduled."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE journal_campaigns SET state = ?, scheduled_at = '', updated_at = ?, "
                "message_zh = '预约已取消；重新排队的号码在点 继续发送 时发出。', "
                "message_en = 'The schedule was cancelled; the queued numbers go out with Continue sending.' "
                "WHERE id = ? AND state = ?",
                (CampaignState.PAUSED, timestamp(now), campaign_id, CampaignState.SCHEDULED),
            )
            return cursor.rowcount == 1

    def scheduled(self) -> list[tuple[int, datetime]]:
        """(campaign ID, Beijing start time) of every campaign waiting for its time, earliest first."""
        rows = self._query(
            "SELECT id, scheduled_at FROM journal_campaigns WHERE state = ? ORDER BY scheduled_at, id",
            (CampaignState.SCHEDULED,),
        )
        return [(campaign_id, beijing(datetime.fromisoformat(when))) for campaign_id, when in rows]

    def claim_schedule(self, campaign_id: int, *, now: datetime) -> bool:
        """Take a scheduled campaign for sending; exactly one of any number of concurrent callers gets True.

        The campaign becomes `planned` (its time stays recorded); the runner that follows marks it running.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE journal_campaigns SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                (CampaignState.PLANNED, timestamp(now), campaign_id, CampaignState.SCHEDULED),
            )
            return cursor.rowcount == 1
