"""The draft's words, read once per document and shared by the spelling checks: each word as
written, where it starts, what separates it from the next, and its folded and syllable keys.

A word is a run of letters (``[^\\W\\d_]+``). Each distinct word is stored once and the text as a
sequence of word numbers, so a large draft costs a few bytes a word, and whatever is derived from a
word (its keys, whether it is a syllable Vietnamese can have) is computed once per distinct word.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, count, islice

from ..model import Document
from ..startup import regex
from ..text.fold import fold, line_chunks
from ..text.syllables import key

_SPLIT = regex.compile(r"([^\W\d_]+)")  # split keeps the words: gap, word, gap, …, word, gap
_CLAUSE_BREAKS = frozenset(".;:,!?()[]“”\"\n\t|")
_folded = lru_cache(maxsize=65536)(fold)  # drafts share most of their words


@dataclass(frozen=True, slots=True)
class Tokens:
    words: tuple[str, ...]  # each distinct word as written, by number
    folded: tuple[str, ...]  # ``fold`` of each distinct word (lower case, one tone placement)
    keys: tuple[str, ...]  # ``syllables.key`` of each distinct word ("phat1")
    ids: array  # the number of each word of the text, in order
    starts: array  # where each word starts in the text
    spaced: bytes  # 1 where only spaces or tabs separate a word from the next (one line, nothing between)
    same_clause: bytes  # 1 where a word and the next are in one clause of one line (no punctuation between)

    def __len__(self) -> int:
        return len(self.ids)

    def start(self, i: int) -> int:
        return self.starts[i]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[self.ids[i]])

    def word(self, i: int) -> str:
        return self.words[self.ids[i]]

    def pairs(self):
        """Each word's number with the next one's, in order."""
        return zip(self.ids, islice(self.ids, 1, None))


def tokens(doc: Document) -> Tokens:
    return doc.derived("tokens", _read)


def _read(doc: Document) -> Tokens:
    word_ids: defaultdict[str, int] = defaultdict(count().__next__)
    gap_kinds = _GapKinds()
    ids, starts, kinds = array("i"), array("i"), bytearray()  # a text is at most 16 MB (limits)
    offset = 0
    pending = ""  # what follows the last word read, up to the end of the chunks read
    for chunk in line_chunks(doc.text):  # a chunk ends at a line break, so no word is cut
        parts = _SPLIT.split(chunk)
        if len(parts) == 1:
            pending += chunk
            offset += len(chunk)
            continue
        if ids:
            kinds.append(gap_kinds[pending + parts[0]])
        kinds += bytes(map(gap_kinds.__getitem__, islice(parts, 2, len(parts) - 1, 2)))
        ids.extend(map(word_ids.__getitem__, islice(parts, 1, None, 2)))
        starts.extend(islice(accumulate(map(len, parts), initial=offset), 1, len(parts) - 1, 2))
        pending = parts[-1]
        offset += len(chunk)
    kinds.append(0)  # nothing follows the last word
    words = tuple(word_ids)
    return Tokens(words, tuple(map(_folded, words)), tuple(map(key, words)), ids, starts,
                  bytes(kinds.translate(_SPACED)), bytes(kinds.translate(_SAME_CLAUSE)))


class _GapKinds(dict):
    """What separates two words, as two bits: only spaces or tabs (1); nothing that ends a clause (2)."""

    def __missing__(self, gap: str) -> int:
        kind = self[gap] = (not gap.strip(" \t")) | _CLAUSE_BREAKS.isdisjoint(gap) << 1
        return kind


_SPACED = bytes(kind & 1 for kind in range(256))
_SAME_CLAUSE = bytes(kind >> 1 & 1 for kind in range(256))
