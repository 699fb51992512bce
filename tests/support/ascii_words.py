"""Which ASCII words may appear in Chinese UI text: product and format names, URLs, paths, file names."""

from __future__ import annotations

import re

# Names a Chinese user meets as they are (products, platform fields shown in the console, file types, units).
ALLOWED_WORDS = {
    "AppID", "AppSecret", "ID", "Excel", "WPS", "Windows", "macOS", "Linux", "KDE", "KWallet", "gnome-keyring",
    "CSV", "PDF", "PNG", "UTF", "GBK", "GB18030", "SMS_COMPOSER_APPID", "SMS_COMPOSER_APPSECRET", "T", "px", "ms", "kB", "MB",
}
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|cn|net|html?)\S*|(?<![\w.])/[\w./?=&%-]*")
_FILE = re.compile(r"[^\s“”「」（）()：:，,]*\.(?:xlsx|xlsm|xls|ods|csv|txt|html)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def foreign_words(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The ASCII words in `text` that are not URLs, file names, paths or allowed names."""
    plain = _TAG.sub(" ", text).replace("&nbsp;", " ").replace("\u200b", "")  # zero-width spaces wrap links
    plain = _FILE.sub(" ", _URL.sub(" ", plain))
    plain = re.sub(r"&(?=\S)", "", plain)  # mnemonics: 打开(&O)
    words = []
    for word in _WORD.findall(plain):
        if word in ALLOWED_WORDS or word in allowed or re.fullmatch(r"[A-Z]", word):
            continue  # single capitals are mnemonics and column letters
        words.append(word)
    return words
