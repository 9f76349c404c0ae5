"""The Vietnamese syllable: onset + rhyme + tone (``data/syllables.toml``).

``key`` compares syllables on their letters and tone, whatever the tone mark's placement:
``hoà`` and ``hòa`` are both ``hoa2``, ``uỷ`` and ``ủy`` both ``uy3``. ``check`` says why a
syllable cannot be Vietnamese: an onset or rhyme that does not exist, c/k/q or g/gh, ng/ngh
written against the rule, a level, grave, hook or tilde tone on a p/t/c/ch coda, or the tone
mark on a vowel that never carries it. Only lower-case words with Vietnamese letters are
syllables to check: acronyms, Roman numerals, numbers, capitalised names and plain-ASCII
foreign words are not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import data
from ..startup import regex

# Combining marks of the five tones, numbered as Vietnamese dictionaries do: 1 sắc … 5 nặng.
_TONE_MARKS = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED = set("ăâêôơư")
_STOPS = ("ch", "c", "p", "t")
_FRONT = set("eêiy")  # k, gh, ngh before these; c, g, ng elsewhere


@lru_cache(maxsize=None)
def _tables() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    table = data.load("syllables.toml")
    onsets = tuple(sorted(table["onsets"], key=len, reverse=True))
    return onsets, frozenset(table["rhymes"]), frozenset(table["rhymes-after-qu"])


def _toned_letters() -> dict[str, tuple[str, int]]:
    """Every precomposed toned vowel → (the vowel without its tone, the tone)."""
    table = {}
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark, tone in _TONE_MARKS.items():
            toned = unicodedata.normalize("NFC", vowel + mark)
            if len(toned) == 1:
                table[toned] = (vowel, tone)
    return table


_TONED = _toned_letters()
_TONELESS = str.maketrans({c: v for c, (v, _) in _TONED.items()})
_TONED_RE = regex.compile("[" + "".join(_TONED) + "]")


@lru_cache(maxsize=16384)
def split_tone(syllable: str) -> tuple[str, int, int | None]:
    """(the syllable without its tone mark, the tone 0–5, the index of the toned letter); the tone
    is -1 when there is more than one tone mark (the syllable is NFC)."""
    found = _TONED_RE.findall(syllable)
    if not found:
        return syllable, 0, None
    if len(found) > 1 or any(c in _TONE_MARKS for c in syllable):
        return syllable, -1, None
    at = syllable.index(found[0])
    return syllable.translate(_TONELESS), _TONED[found[0]][1], at


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """Letters and tone, placement-free: ``hoà`` and ``hòa`` → ``hoa2``."""
    if not word.isascii() and not unicodedata.is_normalized("NFC", word):
        word = unicodedata.normalize("NFC", word)
    word = word.lower()
    m = _TONED_RE.search(word)
    return f"{word.translate(_TONELESS)}{_TONED[m.group()][1] if m else 0}"


def _parses(base: str):
    """Every (onset, rhyme) split of a toneless syllable whose rhyme exists."""
    onsets, rhymes, after_qu = _tables()
    for onset in (*onsets, ""):
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset):]
        if onset == "qu":
            if rhyme in after_qu:
                yield onset, rhyme
        elif rhyme in rhymes:
            yield onset, rhyme


@lru_cache(maxsize=16384)
def check(syllable: str) -> str | None:
    """Why a lower-case syllable cannot be Vietnamese ("onset-rhyme", "spelling", "tone-coda",
    "tone-place", "two-tones"), or None when it can."""
    base, tone, at = split_tone(syllable)
    if tone < 0:
        return "two-tones"
    parses = list(_parses(base))
    if any(onset == "gi" for onset, _ in parses):
        parses = [(o, r) for o, r in parses if not (o == "g" and r.startswith("i"))]  # "gia" is gi + a
    if not parses:
        return "onset-rhyme"
    problems = [_problem(onset, rhyme, tone, at) for onset, rhyme in parses]
    return None if None in problems else problems[0]


def _problem(onset: str, rhyme: str, tone: int, at: int | None) -> str | None:
    first = rhyme[:1]
    if onset in ("k", "gh", "ngh") and first not in _FRONT:
        return "spelling"
    if onset in ("c", "g", "ng") and first in _FRONT and not (onset == "g" and first == "i"):
        return "spelling"  # "ki", "ghe", "nghe"; "gì", "gìn", "giếng" write the onset gi with the rhyme's i
    if onset and onset != "qu" and rhyme.startswith("yê"):
        return "onset-rhyme"  # "tiên", not "tyên"
    if not onset and rhyme.startswith("iê"):
        return "onset-rhyme"  # "yên", not "iên"
    if rhyme.endswith(_STOPS) and tone not in (1, 5):
        return "tone-coda"
    if tone and at is not None and at - len(onset) not in _tone_places(rhyme):
        return "tone-place"
    return None


@lru_cache(maxsize=None)
def _tone_places(rhyme: str) -> frozenset[int]:
    """Where in a rhyme the tone mark may sit: the modified vowel (ơ of ươ); else before a coda
    the last vowel; in open oa, oe, uy either vowel (both placements are in use); else the first
    of two vowels and the middle of three."""
    vowels = [i for i, ch in enumerate(rhyme) if ch in _VOWELS]
    run = []
    for i in vowels:
        if run and i != run[-1] + 1:
            break
        run.append(i)
    coda = rhyme[run[-1] + 1:] if run else ""
    if "ươ" in rhyme:
        return frozenset({rhyme.index("ươ") + 1})
    modified = [i for i in run if rhyme[i] in _MODIFIED]
    if modified:
        return frozenset({modified[-1]} if len(modified) > 1 else {modified[0]})
    if coda:
        return frozenset({run[-1]})
    letters = "".join(rhyme[i] for i in run)
    if letters in ("oa", "oe", "uy"):
        return frozenset(run)
    if len(run) == 3:
        return frozenset({run[1]})
    return frozenset({run[0]})


def is_candidate(token: str) -> bool:
    """Whether a token is to be checked as a Vietnamese syllable: lower case, letters only, with
    at least one letter outside ASCII (``Covid``, ``online``, ``UBND``, ``XIII`` are not)."""
    return len(token) > 1 and token.isalpha() and token.islower() and not token.isascii()


def retoned(syllable: str) -> str | None:
    """A syllable whose tone mark sits on the wrong vowel, with the mark moved where it belongs
    ("qúy" → "quý", "gìa" → "già"), when there is one such place; else None."""
    base, tone, at = split_tone(syllable)
    if tone <= 0:
        return None
    for onset, rhyme in _parses(base):
        places = _tone_places(rhyme)
        if len(places) == 1:
            i = len(onset) + next(iter(places))
            mark = next(m for m, t in _TONE_MARKS.items() if t == tone)
            fixed = base[:i] + unicodedata.normalize("NFC", base[i] + mark) + base[i + 1:]
            if fixed != syllable and check(fixed) is None:
                return fixed
    return None


def spell(syllable_key: str) -> str:
    """A key written as a syllable, its tone mark where the new placement puts it: "triên3" →
    "triển", "hoa2" → "hoà"."""
    base, tone = syllable_key[:-1], int(syllable_key[-1])
    if not tone:
        return base
    mark = next(m for m, t in _TONE_MARKS.items() if t == tone)
    for onset, rhyme in _parses(base):
        places = sorted(_tone_places(rhyme))
        i = len(onset) + places[-1]
        return base[:i] + unicodedata.normalize("NFC", base[i] + mark) + base[i + 1:]
    return base
