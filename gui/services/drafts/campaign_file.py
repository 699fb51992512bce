"""Campaign files (*.json): open and save, with errors that name the file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

from gui.domain.campaign import Campaign, CampaignFileError
from gui.services.config.atomic_file import write_text_atomically

MAX_CAMPAIGN_BYTES = 16 * 1024 * 1024  # a campaign file is a few KB; a field too long is named by the rules


def load_campaign(path: str | Path) -> Campaign:
    """Read a campaign file; every problem becomes a `CampaignFileError` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CampaignFileError(
                "这不是一个普通文件（可能是文件夹、管道或设备）。", "This is not a regular file.",
                action_zh="请选择活动文件（.json）。", action_en="Choose the campaign file (.json).", where=str(path),
            )
        if size > MAX_CAMPAIGN_BYTES:
            raise CampaignFileError(
                f"活动文件太大（{size / 1e6:.1f} MB）；正常的活动文件只有几 KB。",
                f"The campaign file is too large ({size / 1e6:.1f} MB); a real one is a few KB.",
                action_zh="请确认选对了文件，或在本软件里重新保存活动。",
                action_en="Check that it is the right file, or save the campaign again in the app.",
                where=str(path),
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CampaignFileError(
            "找不到活动文件。",
            "The campaign file does not exist.",
            action_zh="请检查文件路径。",
            action_en="Check the path.",
            where=str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CampaignFileError(
            f"无法读取活动文件（{type(error).__name__}）。",
            f"The campaign file cannot be read ({type(error).__name__}).",
            action_zh="请确认它是 UTF-8 编码的 JSON 文件。",
            action_en="Make sure it is a UTF-8 JSON file.",
            where=str(path),
        ) from None
    try:
        data = json.loads(text)
    except (RecursionError, ValueError, MemoryError) as error:
        if isinstance(error, json.JSONDecodeError):
            raise _not_json(path, error) from None
        # Nesting thousands deep, or a number of thousands of digits: no campaign looks like that.
        raise CampaignFileError(
            "活动文件的结构异常（嵌套过深或数字位数过多），不是本软件保存的活动文件。",
            "The campaign file has an abnormal structure (nested too deep or a number with too many digits).",
            action_zh="请在本软件里重新保存活动。",
            action_en="Save the campaign again in the app.",
            where=str(path),
        ) from None
    try:
        return Campaign.from_json(data)
    except CampaignFileError as error:
        where = f"{path}: {error.where}" if error.where else str(path)
        raise CampaignFileError(
            error.message_zh, error.message_en, action_zh=error.action_zh, action_en=error.action_en, where=where
        ) from None


def _not_json(path: Path, error: json.JSONDecodeError) -> CampaignFileError:
    return CampaignFileError(
        f"活动文件不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列（{error.msg}）。",
        f"The campaign file is not valid JSON: line {error.lineno}, column {error.colno} ({error.msg}).",
        action_zh="请改正这一处后重试。",
        action_en="Fix it and try again.",
        where=str(path),
    )


def save_campaign(campaign: Campaign, path: str | Path) -> Path:
    """Write the campaign as readable UTF-8 JSON, atomically (a crash never leaves half a file)."""
    path = Path(path)
    try:
        write_text_atomically(path, json.dumps(campaign.to_json(), ensure_ascii=False, indent=2) + "\n",
                              suffix=path.suffix + ".tmp")
    except OSError as error:
        raise CampaignFileError(
            f"无法保存活动文件（{error.strerror or type(error).__name__}）。",
            f"The campaign file cannot be saved ({error.strerror or type(error).__name__}).",
            action_zh="请换一个文件夹，或检查是否有写入权限。",
            action_en="Choose another folder or check write permission.",
            where=str(path),
        ) from None
    return path
