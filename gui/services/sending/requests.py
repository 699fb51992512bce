"""The sendsms request for one batch of a campaign (moved out of the runner to keep it small)."""

from __future__ import annotations

from gui.domain.campaign import Campaign
from gui.services.api.types import SendSmsRequest
from gui.services.journal.types import BatchRow


def batch_request(c: Campaign, batch: BatchRow, numbers: list[str]) -> SendSmsRequest:
    return SendSmsRequest(
        env=c.env,
        phone_number_list=tuple(numbers),
        sms_type=c.sms_type.value,
        content=c.content if c.is_marketing else "",
        path=c.path if c.is_marketing else "",
        template_id="" if c.is_marketing else c.template_id,
        template_param_list=() if c.is_marketing else batch.params,
        use_short_name=c.use_short_name,
        resource_appid=c.resource_appid,
    )
