"""What happened to one spreadsheet row, as written back into the user's workbook."""

from __future__ import annotations

from dataclasses import dataclass

# The columns appended after the user's last column, in this order.
RESULT_COLUMNS: tuple[str, ...] = ("状态", "失败原因", "处理建议", "流水号", "提交时间", "计费条数", "送达状态", "送达时间")


@dataclass(frozen=True)
class RowResult:
    """The outcome for one row; `parts` is the billed 条 count when known."""

    status: str
    reason: str = ""
    advice: str = ""
    serial_no: str = ""
    submit_time: str = ""
    parts: int | None = None
    delivery_status: str = ""
    delivery_time: str = ""

    def cells(self) -> tuple[str | int | None, ...]:
        """The values for `RESULT_COLUMNS`, in order."""
        return (
            self.status,
            self.reason,
            self.advice,
            self.serial_no,
            self.submit_time,
            self.parts,
            self.delivery_status,
            self.delivery_time,
        )
