"""The trie-factored alternation matches exactly what the plain longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from draftlint.text.phrases import DASH, SPACE, alternation, is_word_character, matches_not_after
from draftlint.text.fold import lower_in_place
from draftlint.text.words import any_tone, toneless

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


TONED = st.sampled_from(["hổ trợ", "hỗ trợ", "Hổ Trợ", "phát tiển", "phát triển", "PHÁT TIỂN", "quý vì", "Quỹ Vì",
                         "để xuất", "đề xuất", "giảm nghéo", "giảm nghèo", "nghẻo", "trợ", "hô trơ"])


@settings(max_examples=300)
@given(st.lists(TONED, min_size=1, max_size=6),
       st.lists(st.one_of(TONED, st.sampled_from([" ", "\t", ", ", "x", "người"])), max_size=30))
def test_any_tone_on_lower_case_text_matches_what_the_toneless_text_does(phrases, pieces):
    """SPL002 and SPL005 read the lower-case text with tone classes instead of translating it."""
    text = " ".join(pieces)
    forms = {toneless(p) for p in phrases}
    on_toneless = re.compile(rf"(?<!\w)(?:{alternation(forms)})(?!\w)")
    with_classes = re.compile(rf"(?<!\w)(?:{alternation(forms, letter=any_tone)})(?!\w)")
    assert ([m.span() for m in with_classes.finditer(lower_in_place(text))]
            == [m.span() for m in on_toneless.finditer(toneless(text))])


def test_lower_case_keeps_offsets():
    text = "Đề xuất İstanbul và HỖ TRỢ"
    low = lower_in_place(text)
    assert len(low) == len(text) and low.endswith("hỗ trợ") and low.startswith("đề xuất")


@settings(max_examples=300)
@given(st.lists(TONED, min_size=1, max_size=6),
       st.lists(st.one_of(TONED, st.sampled_from([" ", "\t", ", ", "x", "phổ", "ahổ", "1", "_", "²", "người"])),
                max_size=30))
def test_matches_not_after_a_letter_are_the_lookbehind_matches(phrases, pieces):
    """What SPL002, SPL005 and CAP003 search with, instead of a leading lookbehind."""
    text = lower_in_place("".join(pieces))
    body = alternation({toneless(p) for p in phrases}, letter=any_tone)
    with_lookbehind = re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])")
    without = re.compile(rf"(?:{body})(?![^\W\d_])")
    assert ([m.span() for m in matches_not_after(without, text)]
            == [m.span() for m in with_lookbehind.finditer(text)])
    word_lookbehind = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
    assert ([m.span() for m in matches_not_after(re.compile(rf"(?:{body})(?!\w)"), text, is_word_character)]
            == [m.span() for m in word_lookbehind.finditer(text)])
