"""Vietnamese words the spelling checks read against (``data/words.toml``), compared folded
(lower case, one tone placement)."""

from __future__ import annotations

from functools import lru_cache

from . import data
from .data import fold


@lru_cache(maxsize=None)
def compounds() -> frozenset[str]:
    return frozenset(fold(w) for w in data.load("words.toml")["compounds"])


@lru_cache(maxsize=None)
def deliberate_repeats() -> frozenset[str]:
    return frozenset(fold(w) for w in data.load("words.toml")["repeats"])


def is_compound(first: str, second: str) -> bool:
    return fold(f"{first} {second}") in compounds()
