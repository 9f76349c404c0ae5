"""The spelling evidence of a draft, computed once per document and read by the SPL rules: words
written twice running, syllables Vietnamese cannot have, known misspellings and official names
written wrongly, and the syllable pairs seen once that are one slip away from a word the draft (or
the office's lexicon) uses often."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from typing import Iterator

from .. import data
from ..model import Document, Line, LineKind, Span
from ..startup import regex
from ..text.capitals import is_caps
from ..text.encodings import has_legacy_characters, legacy_encoding
from ..text.fold import fold, line_chunks, lower_in_place
from ..text.phrases import matches_not_after
from ..text.syllables import check, is_candidate, key, spell
from ..text.words import (accepted_variants, any_tone, confusions, deliberate_repeats, function_words, is_compound,
                          official_names, skeleton, toneless)
from .lines import line_index
from .tokens import Tokens, tokens
from .tone_slips import tone_slips

_WORD = regex.compile(r"[^\W\d_]+")


def title_or_layout(line: Line) -> bool:
    """A header, date line or signature line, or a line in capitals: a title, a signer's title and
    unit ("KT. TRƯỞNG BAN BAN CHÍNH SÁCH"), whose words are not running text."""
    return line.kind in LineKind.LAYOUT or is_caps(line.text)


# --- words written twice running (SPL001) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Repeat:
    """A word ("của của") or a two-word phrase ("hỗ trợ hỗ trợ") written twice running on a line."""

    line: Line
    kind: str  # "word" or "phrase"
    span: Span  # both times
    second: Span  # what goes: the blank after the first time, and the second
    shown: str  # the first time, as written
    certain: bool  # a sure doubling, not a syllable that may form a word with its other neighbour


def repeats(doc: Document) -> Iterator[Repeat]:
    """The words and two-word phrases the draft writes twice running, across line breaks and case;
    not two words meeting ("hành vi vi phạm", "giao thông thông minh": a syllable other than a
    function word is taken only when neither side forms a word), punctuation between, numbers,
    deliberate reduplication ("song song") or letter-spaced text."""
    found = tokens(doc)
    ids, keys, joined = found.ids, found.folded, found.spaced
    deliberate = deliberate_repeats()
    function = function_words()
    text = doc.text
    # Candidates: a word followed by itself, or by a word and itself (by folded key), only spaces between.
    for i in _doubled(found):
        k = keys[ids[i]]
        line = doc.lines[line_index(doc, found.start(i))]
        if keys[ids[i + 1]] == k:
            if f"{k} {k}" in deliberate or len(k) == 1:
                continue  # a reduplication, or letter-spaced text ("T T")
            if k == _SO and _NUMBER_NEXT.match(text, found.end(i + 1), line.span.end):
                continue  # "số số 71-CTr/TU": CIT011 reports it, with the citation
            before = i > 0 and joined[i - 1] and is_compound(keys[ids[i - 1]], k)
            after = joined[i + 1] and is_compound(keys[ids[i + 1]], keys[ids[i + 2]])
            if k not in function and (before or after):
                # "giao thông thông minh", "quy định định mức": a syllable that ends one word may
                # start the next; only a word that never does ("của của", "các các") is sure.
                continue
            # "của của" is certain; a syllable with a word on one side ("dục dục nghề") is a person's call.
            yield _repeat(doc, line, found, i, i + 1, "word", certain=k in function or not (before or after))
        elif joined[i + 1] and joined[i + 2] and keys[ids[i + 1]] == keys[ids[i + 3]]:
            yield _repeat(doc, line, found, i, i + 3, "phrase", i + 1)


def _doubled(found: Tokens) -> Iterator[int]:
    """The words followed by the same word, or by a word and the same word, with only spaces
    between the first two: few in a draft, found by one search of the words written as one
    character per folded key (past ``chr``'s range two keys may share one, so each is checked)."""
    ids, keys, spaced = found.ids, found.folded, found.spaced
    numbers: dict[str, int] = {}
    chars = [chr(numbers.setdefault(k, len(numbers)) % _CHARACTERS) for k in keys]
    for i in map(re.Match.start, _DOUBLED.finditer("".join(map(chars.__getitem__, ids)))):
        k = keys[ids[i]]
        if spaced[i] and (keys[ids[i + 1]] == k or i + 2 < len(ids) and keys[ids[i + 2]] == k):
            yield i


_DOUBLED = regex.compile(r"(?s)(.)(?=\1|.\1)")  # a character met again next, or one further on
_CHARACTERS = 0x110000


def _repeat(doc, line: Line, found: Tokens, first: int, last: int, kind: str, first_end: int | None = None,
            certain: bool = True) -> Repeat:
    end_of_first = found.end(first if first_end is None else first_end)
    return Repeat(line, kind, Span(found.start(first), found.end(last)), Span(end_of_first, found.end(last)),
                  doc.text[found.start(first):end_of_first], certain)


_NUMBER_NEXT = regex.compile(r"(?<!\s)\s*+:?\s*+\d")  # matched at the end of a word
_SO = fold("số")


# --- syllables Vietnamese cannot have (SPL004) ----------------------------------------------

def invalid_syllables(doc: Document) -> Iterator[tuple[Span, str, str]]:
    """Where the draft writes a lower-case syllable Vietnamese cannot have: (span, the syllable, why,
    as ``text.syllables.check`` says it). Not in lines of an old 8-bit encoding (UNI006 reports
    those; their words are not typos) nor in names spaced out letter by letter."""
    loanwords = _loanwords()
    found = tokens(doc)
    invalid = {n: why for n, w in enumerate(found.words)
               if is_candidate(w) and w not in loanwords and (why := check(w))}
    if not invalid:
        return
    legacy = legacy_encoding(doc) is not None
    garbled: dict[int, bool] = {}  # only the lines that hold an invalid syllable are looked at
    for i in compress(count(), map(invalid.__contains__, found.ids)):
        start = found.start(i)
        index = line_index(doc, start)
        if index not in garbled:
            text = doc.lines[index].text
            garbled[index] = legacy and has_legacy_characters(text) or _letter_spaced(text)
        if garbled[index]:
            continue
        yield Span(start, found.end(i)), found.word(i), invalid[found.ids[i]]


def _letter_spaced(text: str) -> bool:
    """"T hủ tướ ng C h í nh": a name spaced out letter by letter (a layout, or its extraction)."""
    words = text.split()
    return len(words) >= 6 and sum(len(w) == 1 and w.isalpha() for w in words) > 0.25 * len(words)


@lru_cache(maxsize=None)
def _loanwords() -> frozenset[str]:
    return frozenset(data.load("syllables.toml").get("loanwords", ()))


# --- known misspellings (SPL002) ----------------------------------------------------------

def _phrase_matches(doc, pattern: re.Pattern):
    """Where ``pattern`` matches the draft's text in lower case, starting a word: (start, end, the
    match in lower case). A chunk of lines at a time, so a large draft is never copied whole; no
    phrase spans two lines."""
    offset = 0
    for chunk in line_chunks(doc.text):
        for m in matches_not_after(pattern, lower_in_place(chunk)):
            yield offset + m.start(), offset + m.end(), m.group()
        offset += len(chunk)


def _phrase_pattern(phrases) -> re.Pattern:
    """One regex for ``phrases`` in lower-case text, whatever their tones (spaces and dashes loose);
    searched with ``matches_not_after``, which makes sure a match starts a word."""
    from ..text.phrases import DASH, alternation

    forms = {toneless(p) for p in phrases}
    return regex.compile(rf"(?:{alternation(forms, dash=DASH, letter=any_tone)})(?![^\W\d_])")


def _keys(text: str) -> list[str]:
    return [key(w) for w in _WORD.findall(text)]


def _with_case_of(written: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if written[:1].isupper() else replacement


@lru_cache(maxsize=16)
def _confusion_table(extra: tuple[str, ...]):
    entries = [dict(c) for c in confusions()]
    for pair in extra:
        wrong, _, right = pair.partition("→")
        if wrong.strip() and right.strip():
            entries.append({"wrong": wrong.strip(), "right": right.strip()})
    by_form: dict[str, list[dict]] = {}
    for entry in entries:
        entry["keys"] = tuple(_keys(entry["wrong"]))
        by_form.setdefault(toneless(entry["wrong"]), []).append(entry)
    return _phrase_pattern([e["wrong"] for e in entries]), by_form


def misspellings(doc, extra: tuple[str, ...] = ()):
    """The known misspellings in the draft: (span, as written, the right form, whether the fix is safe)."""
    return doc.derived(f"misspellings{extra}", lambda d: tuple(_find_misspellings(d, extra)))


def _find_misspellings(doc, extra):
    pattern, by_form = _confusion_table(extra)
    text = doc.text
    for start, end, found in _phrase_matches(doc, pattern):
        written = text[start:end]
        keys = tuple(_keys(written))
        for entry in by_form.get(" ".join(toneless(found).split()), ()):
            if keys == entry["keys"] and _context_allows(text, start, end, entry):
                yield Span(start, end), written, _with_case_of(written, entry["right"]), entry.get("safe", True)
                break


def _context_allows(text: str, start: int, end: int, entry: dict) -> bool:
    after = _WORD.search(text, end, end + 20)
    before = re.search(r"([^\W\d_]+)[ \t]*\Z", text[max(0, start - 20):start])
    if after and text[end:after.start()].strip() == "" and fold(after.group()) in entry.get("not_before", ()):
        return False
    if before and fold(before.group(1)) in entry.get("not_after", ()):
        return False
    return True


# --- official names written wrongly (SPL005) ------------------------------------------------

def official_name_slips(doc: Document) -> Iterator[tuple[Span, str, str]]:
    """Programme and fund names written with one syllable's tone wrong ("Quý vì người nghèo"): (span,
    as written, the official name). A difference of case alone is no slip."""
    pattern, by_form = _names()
    text = doc.text
    for start, end, found in _phrase_matches(doc, pattern):
        name = by_form.get(" ".join(toneless(found).replace("–", "-").replace("—", "-").split()))
        written = text[start:end]
        if name is None:
            continue
        got, want = _keys(written), _keys(name)
        if len(got) != len(want) or sum(a != b for a, b in zip(got, want)) != 1:
            continue
        yield Span(start, end), written, name


@lru_cache(maxsize=1)
def _names():
    names = official_names()
    return _phrase_pattern(names), {toneless(" ".join(n.split())): n for n in names}


# --- pairs seen once, one slip from a word (SPL003) ------------------------------------------

def tone_slips_in(doc: Document) -> tuple[tuple[Span, str, str], ...]:
    """The draft's tone slips (``tone_slips``) outside titles and layout lines: (span, as written,
    the likely word)."""
    def find(d):
        return tuple((Span(start, end), written, expected) for start, end, written, expected in tone_slips(d)
                     if not title_or_layout(d.lines[line_index(d, start)]))
    return doc.derived("tone-slips", find)


_FREQUENT = 3  # uses in the draft that make a pair the draft's own word


@dataclass(frozen=True, slots=True)
class LikelySlip:
    """A syllable pair the draft writes once, one mark or one letter from a word it uses often."""

    span: Span
    written: str
    expected: str  # the word, in the case the pair is written in
    uses: int | None  # how often the draft writes the word; None when the evidence is the office's lexicon


def likely_slips(doc: Document) -> Iterator[LikelySlip]:
    """Pairs seen once, with a syllable the draft hardly uses ("giảm nghéo", "phát tiển"), that are
    one slip from a word the draft uses often or the office's lexicon holds; accepted variants
    (sĩ/sỹ, hằng năm/hàng năm) are no slip, and capitalised names are not considered."""
    text = doc.text
    found = word_counts(doc)
    counts, syllables, written_as = found.pairs, found.syllables, found.written_as
    lexicon = getattr(doc.vocabulary, "lexicon_pairs", None) or {}
    # A slip is a pair seen once, with a syllable the draft hardly uses ("tiển", "gúp"): few pairs.
    rare = [k for k, (wa, wb) in written_as.items()
            if counts[k] == 1 and k not in lexicon and len(wa) > 1 and len(wb) > 1 and not wb[0].isupper()
            and not wa.isupper()]
    if not rare:
        return
    # Only words can be what a slip meant: pairs seen often whose syllables mostly go together.
    frequent = sorted(k for k, n in counts.items() if n >= _FREQUENT and _is_word(k, counts, syllables, {}))
    indexes = [_Neighbours(frequent)]
    office = _lexicon_index(lexicon)
    if office is not None:
        indexes.append(office)
    accepted = accepted_variants()
    for k in rare:
        sk = _skeletons(k)
        # Same letters with other marks ("giảm nghéo"), or one letter missing in one syllable with its
        # tone kept ("phát tiển", "trợ gúp"): one slip, not two.
        candidates = [q for index in indexes for q in index.same_letters(sk) if q != k]
        candidates += [q for index in indexes for q in index.one_letter_more(sk)
                       if sum(k[i] != q[i] for i in (0, 1)) == 1 and all(k[i][-1] == q[i][-1] for i in (0, 1))]
        for q in candidates:
            changed = [i for i in (0, 1) if k[i] != q[i]]
            # What it should be is a word, not two words that happen to meet ("khai có"): its
            # syllables occur together most of the time.
            if (not changed or any(syllables.get(k[i], 0) > _RARE for i in changed) or _accepted(k, q, accepted)
                    or not _is_word(q, counts, syllables, lexicon)):
                continue
            span = found.spans.get(k)
            if span is not None:
                written = text[span.start:span.end]
                n = counts.get(q, 0)
                yield LikelySlip(span, written, _spelled(q, written), n if n >= _FREQUENT else None)
            break


@lru_cache(maxsize=65536)
def _skeletons(k: tuple[str, str]) -> tuple[str, str]:
    return skeleton(k[0][:-1]), skeleton(k[1][:-1])  # keys end in their tone digit


class _Neighbours:
    """Pairs by their skeleton ("phan dau"), to find those one slip away from a rare pair."""

    def __init__(self, pairs) -> None:
        self.by_skeleton: dict[tuple[str, str], list] = {}
        self.by_first: dict[str, list] = {}
        self.by_second: dict[str, list] = {}
        for q in pairs:
            sk = _skeletons(q)
            self.by_skeleton.setdefault(sk, []).append(q)
            self.by_first.setdefault(sk[0], []).append((sk[1], q))
            self.by_second.setdefault(sk[1], []).append((sk[0], q))

    def same_letters(self, sk: tuple[str, str]) -> list:
        return self.by_skeleton.get(sk, [])

    def one_letter_more(self, sk: tuple[str, str]) -> list:
        """The pairs whose skeleton is ``sk`` with one letter added to one syllable."""
        return ([q for first, q in self.by_second.get(sk[1], ()) if _one_more(first, sk[0])]
                + [q for second, q in self.by_first.get(sk[0], ()) if _one_more(second, sk[1])])


def _one_more(longer: str, shorter: str) -> bool:
    """Whether deleting one letter of ``longer`` gives ``shorter``."""
    if len(longer) != len(shorter) + 1:
        return False
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1:] == shorter[i:]


_LEXICON_INDEXES: dict[int, tuple[object, _Neighbours]] = {}


def _lexicon_index(lexicon: dict) -> _Neighbours | None:
    """The office lexicon's index, built once per process (it is the same for every draft)."""
    if not lexicon:
        return None
    cached = _LEXICON_INDEXES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        pairs = sorted(k for k, n in lexicon.items() if n >= _FREQUENT)
        cached = _LEXICON_INDEXES[id(lexicon)] = (lexicon, _Neighbours(pairs))
    return cached[1]


_RARE = 2  # uses of a syllable in the draft below which it may be a slip


@dataclass(frozen=True, slots=True)
class WordCounts:
    """How often each adjacent syllable pair (by key) and each syllable occur, and how and where
    each pair around a rare syllable is first written. A pair across a comma or a line counts too;
    it has a span only where nothing but spaces separates its two words."""

    pairs: Counter
    syllables: Counter
    written_as: dict[tuple[str, str], tuple[str, str]]
    spans: dict[tuple[str, str], Span]


def word_counts(doc: Document) -> WordCounts:
    """The draft's word counts (SPL003), computed once from its words."""
    return doc.derived("word-counts", _count_words)


def _count_words(doc):
    found = tokens(doc)
    ids, keys, words = found.ids, found.keys, found.words
    syllables: Counter = Counter()
    for n, uses in Counter(ids).items():
        syllables[keys[n]] += uses
    counts: Counter = Counter()
    for (a, b), uses in Counter(found.pairs()).items():
        counts[keys[a], keys[b]] += uses
    rare = {n for n, k in enumerate(keys) if syllables[k] <= _RARE}
    written_as: dict[tuple[str, str], tuple[str, str]] = {}
    spans: dict[tuple[str, str], Span] = {}
    last = len(ids) - 1
    # Only pairs around a rare syllable can be slips: remember how and where they were first written.
    for i in compress(count(), map(rare.__contains__, ids)):
        for j in (i - 1, i):
            if 0 <= j < last:
                pair = keys[ids[j]], keys[ids[j + 1]]
                if pair not in written_as:
                    written_as[pair] = words[ids[j]], words[ids[j + 1]]
                    if found.spaced[j]:
                        spans[pair] = Span(found.start(j), found.end(j + 1))
    return WordCounts(counts, syllables, written_as, spans)


def _is_word(q, counts, syllables, lexicon) -> bool:
    """Whether a frequent pair is a word: its syllables mostly occur together."""
    if q in lexicon:
        return True
    together = counts.get(q, 0)
    return together >= _FREQUENT and together * 2 >= min(syllables.get(q[0], 0), syllables.get(q[1], 0))


def _accepted(k, q, accepted) -> bool:
    return (f"{k[0]} {k[1]}", f"{q[0]} {q[1]}") in accepted or (k[0], q[0]) in accepted or (k[1], q[1]) in accepted


def _spelled(q: tuple[str, str], written: str) -> str:
    """A pair of keys written out as syllables ("phat1 triên3" → "phát triển")."""
    out = " ".join(spell(k) for k in q)
    return out[:1].upper() + out[1:] if written[:1].isupper() else out
