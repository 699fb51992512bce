"""File names the app suggests: valid on Windows, macOS and Linux whatever a campaign or sheet is called."""

from __future__ import annotations

import re
from pathlib import Path

# Characters Windows refuses in a file name, plus the control characters (none may appear anywhere).
FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Device names Windows reserves whatever the extension ("CON.xlsx" opens the console, not a file).
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", *"¹²³"))}
)
# Long enough for any real name, short enough that a deep OneDrive folder stays under Windows' 260 characters.
MAX_NAME_LENGTH = 120
FALLBACK_NAME = "结果"


def safe_file_name(name: str, fallback: str = FALLBACK_NAME) -> str:
    """`name` as a file name every desktop OS accepts: forbidden characters become "_", a reserved device
    name gets a "_" in front, trailing dots and spaces go (Windows drops them silently), and it is shortened
    to `MAX_NAME_LENGTH` characters with its extension kept. An empty result becomes `fallback`.
    """
    cleaned = FORBIDDEN.sub("_", name).strip().rstrip(". ")
    if not cleaned.strip("._ "):
        cleaned = fallback
    if cleaned.split(".", 1)[0].rstrip(" ").upper() in RESERVED:
        cleaned = "_" + cleaned
    if len(cleaned) > MAX_NAME_LENGTH:
        extension = Path(cleaned).suffix if len(Path(cleaned).suffix) <= 10 else ""
        cleaned = cleaned[: MAX_NAME_LENGTH - len(extension)].rstrip(". ") + extension
    return cleaned


def suggested_results_path(source_file: str, campaign_id: int, campaign_name: str, home: Path) -> Path:
    """Where 导出结果 proposes to write: beside the recipients file, named after it (or the campaign).

    An .xlsx/.xlsm source keeps its format; anything else (CSV, TXT, .xls, .ods, no file) gets a CSV.
    """
    source = Path(source_file) if source_file else None
    folder = source.parent if source is not None else home
    stem = source.stem if source is not None else (campaign_name or "发送记录")
    suffix = source.suffix.lower() if source is not None and source.suffix.lower() in (".xlsx", ".xlsm") else ".csv"
    return folder / safe_file_name(f"{stem}-结果-{campaign_id}{suffix}")


def alternative_results_path(path: Path, *, locked: bool, documents: Path) -> Path:
    """What 另存为… proposes after `path` could not be written.

    Held open by another program: a new name in the same folder ("结果 (2).xlsx", the first one free).
    A folder that refuses files: the same name in `documents`.
    """
    if not locked:
        return documents / safe_file_name(path.name)
    for number in range(2, 100):
        candidate = path.with_name(safe_file_name(f"{path.stem} ({number}){path.suffix}"))
        if not candidate.exists():
            return candidate
    return path.with_name(safe_file_name(f"{path.stem} (新){path.suffix}"))
