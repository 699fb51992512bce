"""The Marketing send window (发送时段): by default 08:00–22:00 Beijing time, configurable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from gui.domain.clock import beijing


@dataclass(frozen=True, slots=True)
class SendWindow:
    """Marketing SMS may be sent from `opens` (inclusive) until `closes` (exclusive), Beijing time."""

    opens: time = time(8, 0)
    closes: time = time(22, 0)

    def is_open(self, moment: datetime) -> bool:
        local = beijing(moment).time()
        return self.opens <= local < self.closes

    def next_opening(self, moment: datetime) -> datetime:
        """When sending may start: `moment` itself if the window is open, else the next opening time."""
        local = beijing(moment)
        if self.is_open(local):
            return local
        today_open = local.replace(hour=self.opens.hour, minute=self.opens.minute, second=0, microsecond=0)
        return today_open if local < today_open else today_open + timedelta(days=1)


MARKETING_WINDOW = SendWindow()
