"""Campaign files (*.json): open and save, with errors that name the file, line and field."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gui.domain.campaign import Campaign, CampaignFileError


def load_campaign(path: str | Path) -> Campaign:
    """Read a campaign file; every problem becomes a `CampaignFileError` naming the file."""
    path = Path(path)
    try:
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
    except json.JSONDecodeError as error:
        raise CampaignFileError(
            f"活动文件不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列（{error.msg}）。",
            f"The campaign file is not valid JSON: line {error.lineno}, column {error.colno} ({error.msg}).",
            action_zh="请改正这一处后重试。",
            action_en="Fix it and try again.",
            where=str(path),
        ) from None
    try:
        return Campaign.from_json(data)
    except CampaignFileError as error:
        where = f"{path}: {error.where}" if error.where else str(path)
        raise CampaignFileError(
            error.message_zh, error.message_en, action_zh=error.action_zh, action_en=error.action_en, where=where
        ) from None


def save_campaign(campaign: Campaign, path: str | Path) -> Path:
    """Write the campaign as readable UTF-8 JSON, atomically (a crash never leaves half a file)."""
    path = Path(path)
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(
            json.dumps(campaign.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        os.replace(temporary, path)
    except OSError as error:
        raise CampaignFileError(
            f"无法保存活动文件（{error.strerror or type(error).__name__}）。",
            f"The campaign file cannot be saved ({error.strerror or type(error).__name__}).",
            action_zh="请换一个文件夹，或检查是否有写入权限。",
            action_en="Choose another folder or check write permission.",
            where=str(path),
        ) from None
    return path
