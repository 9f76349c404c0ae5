"""Tone slips: a syllable pair that official texts never write, one tone mark away from a word they
write often (``sữa đổi`` → ``sửa đổi``, ``bão cáo`` → ``báo cáo``, ``cũng cố`` → ``củng cố``), or one
vowel's shape or d/đ away when the written syllable is one they hardly use (``căn cú`` → ``căn cứ``).

Each syllable is real, so no syllable model sees the slip; the pair is what gives it away. The
evidence is the counts of ``data/word_counts.txt`` (each syllable, and each pair used at least 5
times), counted in the public-domain official texts of the lexicon bundle by
``benchmarks/make_word_pairs.py``. A pair is a slip when:

- it is not among the pairs used 5 times or more;
- changing the tone of one of its syllables gives a pair used 20 times or more, whose syllables
  mostly go together (a word, not two words meeting);
- the syllable as written is much rarer than the one it becomes (``bảo`` is not a slip for ``bao``),
  unless that one lives only in this word (``củng`` in ``củng cố``) and the written one is not common;
- neither syllable is a function word beside the other (``và mối quan hệ``), and the written
  syllables do not each belong with their other neighbour (``tỉnh hình thành``: ``cấp tỉnh`` +
  ``hình thành``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import compress, count

from ..model import Document
from ..text.fold import fold
from ..text.words import compounds, function_words, lexicon_counts
from .tokens import tokens

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_OFTEN = 20  # uses of the pair a slip becomes
_COMMON = 500  # uses of a syllable too common to be taken for a slip on the strength of one word


@lru_cache(maxsize=65536)
def _retoned(word: str) -> tuple[str, ...]:
    """The word with its tone mark changed to each other tone or dropped, as written (case kept)."""
    decomposed = unicodedata.normalize("NFD", word)
    at = next((i for i, c in enumerate(decomposed) if c in _TONES), -1)
    if at < 0:
        return ()
    return tuple(unicodedata.normalize("NFC", decomposed[:at] + tone + decomposed[at + 1:])
                 for tone in (*_TONES, "") if tone != decomposed[at])


@lru_cache(maxsize=65536)
def _reshaped(word: str) -> tuple[str, ...]:
    """The word with one vowel's shape changed (``lục`` → ``lực``, ``dịnh`` → ``định``: a letter
    slip on a Vietnamese keyboard), its tone kept."""
    decomposed = unicodedata.normalize("NFD", word)
    found = []
    for i, c in enumerate(decomposed):
        shapes = _SHAPES.get(c.lower())
        if shapes is None:
            continue
        mark = decomposed[i + 1] if i + 1 < len(decomposed) and decomposed[i + 1] in _SHAPE_MARKS else ""
        found += [decomposed[:i + 1] + other + decomposed[i + 1 + len(mark):] for other in shapes if other != mark]
    if decomposed[:1] in ("d", "D"):
        found.append(("Đ" if decomposed[0] == "D" else "đ") + decomposed[1:])
    return tuple(dict.fromkeys(unicodedata.normalize("NFC", f) for f in found))


_SHAPE_MARKS = "\u0306\u0302\u031b"  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_SHAPES = {"a": ("", "\u0306", "\u0302"), "e": ("", "\u0302"), "o": ("", "\u0302", "\u031b"), "u": ("", "\u031b")}
_LETTER_RATIO = 20  # a letter slip is believed only for a syllable this much rarer than the one it becomes


def _variants(word: str):
    return [(v, 5) for v in _retoned(word)] + [(v, _LETTER_RATIO) for v in _reshaped(word)]


def tone_slips(doc: Document):
    """(start, end, as written, the word it most likely is) for each tone slip in the draft."""
    found = tokens(doc)
    ids, keys, clause = found.ids, found.folded, found.same_clause
    suspects = {}  # decided once per distinct pair of words
    for pair in set(compress(found.pairs(), clause)):
        best = _best(found.words[pair[0]], found.words[pair[1]], keys[pair[0]], keys[pair[1]])
        if best is not None:
            suspects[pair] = best
    if not suspects:
        return
    syllables, pairs = lexicon_counts()
    text = doc.text
    after_slip = -1
    for i in compress(count(), map(suspects.__contains__, found.pairs())):
        if not clause[i] or i == after_slip:
            continue  # "nền tàng số": the slip is reported once, on the pair it breaks
        _, j, variant = suspects[ids[i], ids[i + 1]]
        before = (keys[ids[i - 1]], keys[ids[i]]) if i > 0 and clause[i - 1] else None
        after = (keys[ids[i + 1]], keys[ids[i + 2]]) if clause[i + 1] else None
        if _split_reading(before, after, keys[ids[i + j]], j, syllables, pairs):
            continue
        start, end = found.start(i), found.end(i + 1)
        gap = text[found.end(i):found.start(i + 1)]
        expected = variant + gap + found.word(i + 1) if j == 0 else found.word(i) + gap + variant
        after_slip = i + 1
        yield start, end, text[start:end], expected


def _best(first: str, second: str, a: str, b: str) -> tuple[int, int, str] | None:
    """Whether two words written one after the other (folded: ``a``, ``b``) are a slip: (how often
    official texts write the pair it becomes, which of the two is wrong, what it should be)."""
    if second[0].isupper() or (len(first) > 1 and first.isupper()):
        return None  # a name, or a line in capitals
    syllables, pairs = lexicon_counts()
    if (a, b) in pairs:
        return None  # used 5 times or more: a word, or two words that meet
    function = function_words()
    best = None
    for j in (0, 1):
        written, other = (a, b) if j == 0 else (b, a)
        if other in function:
            continue  # "và mối quan hệ": a function word beside another word, not one word
        for variant, ratio in _variants(first if j == 0 else second):
            v = fold(variant)
            q = (v, b) if j == 0 else (a, v)
            n = pairs.get(q, 0)
            if n < _OFTEN:
                continue
            if n * 3 < min(syllables.get(q[0], 0), syllables.get(q[1], 0)):
                continue  # not a word: two words that often meet
            # "củng" lives in "củng cố", and "cũng" is not so common that "cũng cố" must be right
            bound = n * 3 >= syllables.get(v, 0) and syllables.get(written, 0) < _COMMON
            if ratio > 5 and syllables.get(written, 0) * ratio >= syllables.get(v, 0):
                continue  # a letter slip needs a written syllable official texts hardly use
            if not bound and (syllables.get(written, 0) * 5 >= syllables.get(v, 0) or written in function):
                continue
            if best is None or n > best[0]:
                best = (n, j, variant)
    return best


def _split_reading(before, after, changed: str, j: int, syllables, pairs) -> bool:
    """Whether the two written syllables read better as the ends of two words: either forms a word
    with its other neighbour (``before``, ``after``: "cũng | cố gắng"), or the changed one, common,
    meets its other neighbour often ("cấp tỉnh | hình thành")."""
    for side, pair in ((0, before), (1, after)):
        if pair is None:
            continue
        if fold(f"{pair[0]} {pair[1]}") in compounds():
            return True  # a word official texts seldom use, in the hand list
        n = pairs.get(pair, 0)
        if n and n * 3 >= min(syllables.get(pair[0], 0), syllables.get(pair[1], 0)):
            return True
        if side == j and syllables.get(changed, 0) >= 50 and n >= 100:
            return True
    return False
