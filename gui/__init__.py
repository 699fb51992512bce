"""短信群发助手 · SMS Campaign Composer: compose, check and send WeChat CloudBase SMS campaigns."""

__version__ = "0.1.0"
APP_NAME = "sms-composer"
APP_DISPLAY_NAME = "短信群发助手"
