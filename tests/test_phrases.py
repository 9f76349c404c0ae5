"""The trie-factored alternation matches exactly what the plain longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from draftlint.phrases import DASH, SPACE, alternation

WORDS = st.sampled_from(["sở", "sở nội vụ", "ban", "ban chỉ đạo", "ban chấp hành", "ủy ban", "ủy ban nhân dân",
                         "nghị định", "nghị quyết", "nghị", "a-b", "x", "quỹ vì người nghèo", "quỹ"])


def _plain(phrases) -> re.Pattern:
    forms = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", SPACE).replace(r"\-", DASH) for f in forms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@settings(max_examples=300)
@given(st.lists(WORDS, min_size=1, max_size=8),
       st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\t", ", ", "–", "nhân", "dân"])), max_size=30))
def test_same_matches_as_the_plain_alternation(phrases, pieces):
    text = " ".join(pieces)
    trie = re.compile(rf"(?<!\w)(?:{alternation(phrases, dash=DASH)})(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _plain(phrases).finditer(text)]


def test_an_empty_list_matches_nothing():
    assert re.search(alternation([]), "bất kỳ văn bản nào") is None
