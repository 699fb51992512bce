"""Shared bits for the API tests: a client pointed at the simulator and typical requests."""

from __future__ import annotations

from gui.services.api.client import CloudBaseClient
from gui.services.api.types import SendSmsRequest
from gui.services.simulator import Simulator

NUMBERS = ("+8613800000001", "+8613800000002", "+8613800000003")


def client_for(sim: Simulator, **overrides) -> CloudBaseClient:
    options = {
        "appid": sim.config.appid,
        "secret": sim.config.secret,
        "base_url": sim.base_url,
        "clock": sim.clock,
        "timeout": 5.0,
    }
    options.update(overrides)
    return CloudBaseClient(**options)


def marketing(numbers: tuple[str, ...] = NUMBERS, *, content: str = "双十二上新", path: str = "/index.html",
              env: str = "sandbox-env") -> SendSmsRequest:
    return SendSmsRequest(env=env, phone_number_list=numbers, sms_type="Marketing", content=content, path=path)


def notification(numbers: tuple[str, ...] = NUMBERS, *, template_id: str = "923584",
                 params: tuple = ("商品", "/index.html")) -> SendSmsRequest:
    return SendSmsRequest(env="sandbox-env", phone_number_list=numbers, sms_type="Notification",
                          template_id=template_id, template_param_list=params)
