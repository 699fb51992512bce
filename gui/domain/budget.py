"""Resource packs (短信资源包) and what is left of them (资源包余量), from the billed parts per day."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# CloudBase SMS packs and prices (wechat-api-notes §2.5): 1000 for ¥50, 10,000 for ¥470, 100,000 for ¥4200; 1 month.
PACK_OFFERS: tuple[tuple[int, Decimal], ...] = ((1000, Decimal("50")), (10_000, Decimal("470")),
                                                 (100_000, Decimal("4200")))


@dataclass(frozen=True, slots=True)
class ResourcePack:
    """One pack the user bought: how many parts (条), what it cost, and the days it may be used (inclusive)."""

    size: int
    price: Decimal
    purchased: date
    expires: date

    def valid_on(self, day: date) -> bool:
        return self.purchased <= day <= self.expires

    def to_json(self) -> dict[str, object]:
        return {"size": self.size, "price": str(self.price), "purchased": self.purchased.isoformat(),
                "expires": self.expires.isoformat()}

    @classmethod
    def from_json(cls, data: object) -> ResourcePack:
        """Raises ValueError for anything that is not a well-formed pack."""
        if not isinstance(data, dict):
            raise ValueError("pack")
        size, price = data.get("size"), data.get("price")
        if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            raise ValueError("size")
        pack = cls(size, Decimal(str(price)), date.fromisoformat(str(data.get("purchased"))),
                   date.fromisoformat(str(data.get("expires"))))
        if pack.price < 0 or pack.expires < pack.purchased:
            raise ValueError("dates")
        return pack


@dataclass(frozen=True, slots=True)
class Balance:
    """资源包余量 today: parts left in the packs valid today; `uncovered` parts were billed with no pack to cover them."""

    bought: int
    used: int
    left: int
    uncovered: int
    valid_packs: int


def balance(packs: Sequence[ResourcePack], usage: Iterable[tuple[date, int]], today: date) -> Balance:
    """Charge each day's billed parts to the packs valid that day, the one expiring first first (as the platform
    spends them); what an expired pack did not use is gone."""
    remaining = [pack.size for pack in packs]
    order = sorted(range(len(packs)), key=lambda i: (packs[i].expires, packs[i].purchased))
    used = uncovered = 0
    for day, parts in sorted(usage):
        used += parts
        for index in order:
            if parts <= 0:
                break
            if packs[index].valid_on(day) and remaining[index] > 0:
                take = min(parts, remaining[index])
                remaining[index] -= take
                parts -= take
        uncovered += max(parts, 0)
    valid = [i for i in range(len(packs)) if packs[i].valid_on(today)]
    return Balance(bought=sum(p.size for p in packs), used=used, left=sum(remaining[i] for i in valid),
                   uncovered=uncovered, valid_packs=len(valid))


def packs_to_buy(parts: int) -> tuple[int, int, Decimal]:
    """(how many, pack size, total price) of the one pack size that covers `parts` most simply and cheaply."""
    best: tuple[int, int, Decimal] | None = None
    for size, price in PACK_OFFERS:
        count = max(1, math.ceil(parts / size))
        option = (count, size, price * count)
        if best is None or option[2] < best[2]:
            best = option
    assert best is not None
    return best
