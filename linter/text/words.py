"""Vietnamese words the spelling checks read against (``data/words.toml``), compared folded
(lower case, one tone placement)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from .fold import fold


@lru_cache(maxsize=None)
def compounds() -> frozenset[str]:
    return frozenset(fold(w) for w in data.load("words.toml")["compounds"])


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return frozenset(fold(w) for w in data.load("words.toml")["function-words"])


@lru_cache(maxsize=None)
def deliberate_repeats() -> frozenset[str]:
    return frozenset(fold(w) for w in data.load("words.toml")["repeats"])


def is_compound(first: str, second: str) -> bool:
    pair = fold(f"{first} {second}")
    return pair in compounds() or pair in common_pairs()


@lru_cache(maxsize=None)
def common_pairs() -> frozenset[str]:
    """Syllable pairs official texts use often ("a b", from ``data/word_counts.txt``); read only
    when a draft repeats a syllable or is checked for tone slips."""
    return frozenset(f"{a} {b}" for a, b in lexicon_counts()[1])


@lru_cache(maxsize=None)
def lexicon_counts() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """How often the official texts of the lexicon bundle use each syllable, and each pair used at
    least 5 times (``data/word_counts.txt``, written by ``benchmarks/make_word_pairs.py``), folded."""
    syllables: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    text = data.read_text("word_counts.txt")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split(" ")
        if len(parts) == 2:
            syllables[parts[0]] = int(parts[1])
        else:
            pairs[(parts[0], parts[1])] = int(parts[2])
    return syllables, pairs


def _toneless_table() -> dict[int, str]:
    import unicodedata

    table = {}
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark in "\u0300\u0301\u0303\u0309\u0323":
            toned = unicodedata.normalize("NFC", vowel + mark)
            if len(toned) == 1:
                table[ord(toned)] = vowel
    return table


@lru_cache(maxsize=None)
def toneless_table() -> dict[int, str]:
    """For ``str.translate``: every toned letter → the letter without its tone (vowel marks kept);
    the text keeps its length, so offsets stay valid."""
    return _toneless_table()


def toneless(text: str) -> str:
    return text.translate(toneless_table()).lower()


@lru_cache(maxsize=None)
def _tone_classes() -> dict[str, str]:
    variants: dict[str, set[str]] = {}
    for toned, plain in toneless_table().items():
        variants.setdefault(plain.lower(), set()).add(chr(toned).lower())
    return {plain: "[" + plain + "".join(sorted(toned)) + "]" for plain, toned in variants.items()}


def any_tone(letter: str) -> str:
    """A regex piece matching a lower-case toneless letter with any tone ("a" → "[aàáảãạ]"): a
    pattern of toneless phrases built with it reads lower-case text as it is written, which is
    three times faster than translating the text first."""
    return _tone_classes().get(letter) or re.escape(letter)


@lru_cache(maxsize=None)
def confusions() -> tuple[dict, ...]:
    return tuple(data.load("confusions.toml")["confusion"])


@lru_cache(maxsize=None)
def official_names() -> tuple[str, ...]:
    return tuple(data.load("official_names.toml")["names"])


_MARKLESS = str.maketrans("ăâêôơưđ", "aaeooud")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Letters only, without tones or vowel marks, lower case: "phấn đấu" → "phan dau"."""
    return toneless(text).translate(_MARKLESS)


@lru_cache(maxsize=None)
def accepted_variants() -> frozenset[tuple[str, str]]:
    """Pairs of spellings both in use (sĩ/sỹ, hằng năm/hàng năm), by key, both ways."""
    from .syllables import key

    pairs = set()
    for a, b in data.load("confusions.toml")["accepted"]["variants"]:
        ka, kb = " ".join(key(w) for w in a.split()), " ".join(key(w) for w in b.split())
        pairs |= {(ka, kb), (kb, ka)}
    return frozenset(pairs)
