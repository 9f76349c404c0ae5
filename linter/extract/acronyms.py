"""The acronym extractor: definitions ``Full phrase (ABBR)``, every later use, and the glossary
of common administrative acronyms (``data/acronyms.toml``, extended by the configuration).

An acronym is written in capitals, Vietnamese ones included (``LĐTBXH``, ``ATLĐ``), may hold
``&`` or an inner dash (``TB&XH``, ``LĐ-TB&XH``), and may be a mixed form (``PAR INDEX``,
``ICT Index``). Codes inside a number-symbol (``12/QĐ-UBND``), Roman numerals and words of
all-capital lines (headings, the national title) are not acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..startup import regex
from ..text.fold import fold, fold_same_length
from ..model import Document, Line, LineKind, Span

_CAP = "A-ZĐ"
_ACRONYM = (rf"[{_CAP}](?:[{_CAP}&]|-(?=[{_CAP}]))+(?:[ \t](?:INDEX|Index))?")
_USE = regex.compile(rf"(?=[{_CAP}])(?<![\w/&.\-])(?P<abbr>{_ACRONYM})(?![\w/&]|-\w)")
_DEFINITION = regex.compile(
    rf"\([ \t]*(?:(?:sau[ \t]+đây[ \t]+)?(?:gọi|viết)[ \t]+tắt(?:[ \t]+là)?[ \t]+)?(?P<abbr>{_ACRONYM})[ \t]*\)"
)
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\Z")  # XIII, not DDCI
_SKIP = LineKind.LAYOUT | {LineKind.TITLE}
_SMALL_WORDS = frozenset({"và", "của", "các", "về", "cho", "với", "trong", "the", "of", "and"})


def key(abbr: str) -> str:
    """An acronym's identity: upper case, one space (``ICT Index`` → ``ICT INDEX``)."""
    return " ".join(abbr.upper().split())


@dataclass(frozen=True)
class Entry:
    abbr: str
    expansions: tuple[str, ...]  # folded
    common: bool
    written: tuple[str, ...] = ()  # the expansions as the glossary writes them

    @property
    def shown(self) -> str:
        return self.written[0] if self.written else self.expansions[0]


class Glossary:
    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self._by_last_word: dict[str, list[tuple[str, str]]] = {}
        for k, entry in entries.items():
            for expansion in entry.expansions:
                self._by_last_word.setdefault(expansion.rsplit(" ", 1)[-1], []).append((expansion, k))
        for items in self._by_last_word.values():
            items.sort(key=lambda item: len(item[0]), reverse=True)

    def get(self, abbr_key: str) -> Entry | None:
        return self.entries.get(abbr_key)

    def means(self, abbr_key: str, phrase: str) -> bool:
        entry = self.entries.get(abbr_key)
        return entry is not None and fold(phrase) in entry.expansions

    def phrase_before(self, text: str) -> tuple[str, int] | None:
        """The acronym whose expansion ``text`` ends with, and where in ``text`` that expansion starts."""
        folded = fold_same_length(text.rstrip())
        words = folded.split()
        if not words:
            return None
        for expansion, k in self._by_last_word.get(words[-1].strip(",;:."), ()):
            if folded.endswith(expansion):
                start = len(folded) - len(expansion)
                if start == 0 or not folded[start - 1].isalnum():
                    return k, start
        return None


@lru_cache(maxsize=None)
def builtin_entries() -> dict[str, Entry]:
    result = {}
    for row in data.load("acronyms.toml")["acronym"]:
        k = key(row["abbr"])
        result[k] = Entry(row["abbr"], tuple(fold(e) for e in row["expansions"]), row.get("common", False),
                          tuple(row["expansions"]))
    return result


def glossary(doc: Document) -> Glossary:
    """The built-in glossary plus the configuration's acronyms (which count as common)."""
    extra = getattr(doc.vocabulary, "acronyms", None) or {}
    return _glossary(tuple(sorted((k, tuple(v)) for k, v in extra.items())))


@lru_cache(maxsize=16)
def _glossary(extra: tuple) -> Glossary:
    entries = dict(builtin_entries())
    for abbr, expansions in extra:
        k = key(abbr)
        known = entries.get(k)
        folded = tuple(fold(e) for e in expansions)
        written = (*(known.written if known else ()), *expansions)
        entries[k] = Entry(abbr, (*(known.expansions if known else ()), *folded), True, written)
    return Glossary(entries)


@dataclass(frozen=True)
class Definition:
    abbr: str  # as written: "PAR Index"
    key: str  # "PAR INDEX"
    span: Span  # the acronym inside the brackets
    line: Line
    phrase: str | None  # the expansion before the brackets, when it can be told
    glossary_key: str | None  # the glossary acronym whose expansion the phrase is


@dataclass(frozen=True)
class Use:
    abbr: str
    key: str
    span: Span
    line: Line


@dataclass(frozen=True)
class Acronyms:
    definitions: tuple[Definition, ...]
    uses: tuple[Use, ...]  # bare uses, outside definitions' brackets

    def defined(self) -> dict[str, Definition]:
        """Each defined acronym's first definition."""
        first: dict[str, Definition] = {}
        for d in self.definitions:
            first.setdefault(d.key, d)
        return first


def acronyms(doc: Document) -> Acronyms:
    return doc.derived("acronyms", _extract)


_TWO_CAPS = regex.compile(f"[{_CAP}]{{2}}")
# A header or closing table flattened into one line: its codes (VT, KT., the agency's name) are layout.
_LAYOUT_ROW = regex.compile(r"Nơi\s+nhận\s*:|-\s*Lưu\s*:|CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI")


def _caps_line(text: str) -> bool:
    """A line mostly in capitals (a heading, the national title): its words are not acronyms."""
    # Numbers and dashes say nothing (``isalpha`` first: most words are all letters).
    words = [w for w in text.split() if w.isalpha() or any(map(str.isalpha, w))]
    return len(words) >= 2 and sum(map(str.isupper, words)) > 0.6 * len(words)


def _extract(doc: Document) -> Acronyms:
    words = glossary(doc)
    definitions, uses = [], []
    for line in doc.lines:
        text = line.text
        if line.kind in _SKIP or not _TWO_CAPS.search(text) or _caps_line(text) or _LAYOUT_ROW.search(text):
            continue
        inside: list[tuple[int, int]] = []
        for m in _DEFINITION.finditer(text):
            abbr = m["abbr"]
            if _ROMAN.match(abbr) or len(abbr.replace("&", "").replace("-", "")) < 2:
                continue
            inside.append((m.start(), m.end()))
            phrase, gkey = _phrase(words, text[:m.start()], key(abbr))
            definitions.append(Definition(
                abbr, key(abbr), line.sub_span(m.start("abbr"), m.end("abbr")), line, phrase, gkey))
        for m in _USE.finditer(text):
            if any(a <= m.start() < b for a, b in inside):
                continue
            abbr = m["abbr"]
            if _ROMAN.match(abbr) or sum(c.isalpha() for c in abbr) < 2:
                continue
            uses.append(Use(abbr, key(abbr), line.sub_span(m.start("abbr"), m.end("abbr")), line))
    return Acronyms(tuple(definitions), tuple(uses))


def _phrase(words: Glossary, before: str, abbr_key: str) -> tuple[str | None, str | None]:
    """The expansion written before ``(ABBR)``: from the glossary, or by the initials of the words."""
    by_initials = _by_initials(before, abbr_key)
    if by_initials is not None:
        return before.rstrip()[by_initials:], None
    found = words.phrase_before(before)
    if found is not None:
        gkey, start = found
        return before.rstrip()[start:], gkey
    return None, None


def _by_initials(before: str, abbr_key: str) -> int | None:
    """Where the words whose initials spell the acronym start ("bảo hiểm xã hội (BHXH)")."""
    letters = [c for c in abbr_key if c.isalpha()]
    tokens = list(re.finditer(r"[^\W\d_]+", before))
    initials: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        if word.lower() in _SMALL_WORDS and initials:
            continue
        initials.insert(0, word[0].upper())
        if len(initials) > len(letters):
            break
        if initials == letters:
            return tokens[i].start()
    return None


def edit_distance_one(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added, dropped or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def is_anagram(a: str, b: str) -> bool:
    return a != b and sorted(a) == sorted(b)
