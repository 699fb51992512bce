"""One phone rule on every path: the fast paths and `clean_phone` agree on random Unicode input (seeded)."""

from __future__ import annotations

import random
import unicodedata

from gui.domain.phone import clean_phone
from gui.domain.phone_fast import check_digits, fast_digits, fast_digits_block, split_easy

# Digits of many scripts, separators, signs and look-alikes, mixed into mostly valid-looking numbers.
ALPHABET = (
    "0123456789" "０１２３４５６７８９" "٠١٢٣٤٥٦٧٨٩" "۰۱۲۳۴۵۶۷۸۹" "०१२३४५६७८९" "๐๑๒๓๔๕๖๗๘๙"
    "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗" "①②③¹²³" " -.()+\u3000\u00a0\u200b\u202e\u2010\u2212\n\t" "eE＋ａx"
)


def random_value(rng: random.Random) -> object:
    kind = rng.random()
    if kind < 0.1:
        return float(rng.randrange(12_000_000_000, 20_000_000_000))
    if kind < 0.15:
        return rng.randrange(12_000_000_000, 20_000_000_000)
    if kind < 0.6:  # a valid ASCII number with one or two characters swapped for look-alikes
        chars = list("1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9)))
        for _ in range(rng.randrange(1, 3)):
            chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
        return "".join(chars)
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 16)))


def test_fast_and_slow_paths_agree_on_random_unicode() -> None:
    rng = random.Random(20261129)
    values = [random_value(rng) for _ in range(20_000)]
    accepted = 0
    for value in values:
        slow = clean_phone(value)
        expected = slow.number[3:] if slow.number else None
        assert check_digits(value)[0] == expected, value
        fast = fast_digits(value)
        assert fast is None or fast == expected, value  # the fast path may decline, never disagree
        if expected is not None:
            accepted += 1
            assert expected.isascii() and expected.isdigit()
            # accepted only when NFKC leaves ASCII digits (and separators) behind
            text = unicodedata.normalize("NFKC", str(value) if not isinstance(value, float) else str(int(value)))
            assert all(ch.isascii() or not ch.isdigit() for ch in text), value
    assert accepted > 1000  # the generator does produce valid numbers, not only junk
    for start in range(0, len(values), 500):
        block = values[start:start + 500]
        easy, hard = split_easy(block)
        for index, value in enumerate(block):
            if index not in hard:
                assert easy[index] == check_digits(value)[0], value
        whole = fast_digits_block(block)
        assert whole is None or whole == [check_digits(v)[0] for v in block]


def test_look_alike_digits() -> None:
    assert clean_phone("１３８１２３４５６７８").number == "+8613812345678"  # NFKC: full-width is ASCII
    assert clean_phone("١٣٨١٢٣٤٥٦٧٨").number is None  # Arabic-Indic digits stay what they are
    assert check_digits("١٣٨١٢٣٤٥٦٧٨")[0] is None
    assert split_easy(["13812345678", "١٣٨١٢٣٤٥٦٧٨"]) == (["13812345678", None], [1])
