"""The Unicode rules and their fixes: fixes stay inside their findings, and fixing is idempotent."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint
from draftlint import data
from draftlint.fix.fixes import apply_fixes

WORDS = ["Tăng", "cường", "công", "tác", "tuyên", "truyền", "Đẩy", "mạnh", "hiện", "đại", "hóa", "Ủy", "ban",
         "nhân", "dân", "tỉnh", "Kế", "hoạch", "số", "12/KH-UBND", "năm", "2025", "(Văn", "phòng", "Sở)"]
GAPS = [" ", " ", " ", "  ", "   ", "\u00a0", " \u200b", "\u200b", " ,", ",", ".", "\n", "\n\n"]
UNICODE_FIXES = ["UNI001", "UNI002", "UNI004"]
FIXING = [*UNICODE_FIXES, "SPL001", "CAP001", "CAP002", "CAP003"]
WORDS += ["của", "của", "quyết định số 12/QĐ-UBND", "Ban chấp hành", "Ủy Ban Nhân Dân", "theo Khoản 2", "điều 5"]


@st.composite
def drafts(draw):
    parts = []
    for _ in range(draw(st.integers(1, 30))):
        word = draw(st.sampled_from(WORDS))
        form = draw(st.sampled_from(["as is", "as is", "decomposed", "eth"]))
        if form == "decomposed":
            word = unicodedata.normalize("NFD", word)
        elif form == "eth":
            word = word.replace("Đ", "Ð")
        parts += [word, draw(st.sampled_from(GAPS))]
    return "".join(parts).lstrip(" ,.\u00a0\u200b") + "\n"


def _fix(text: str, rules=UNICODE_FIXES) -> str:
    return apply_fixes(text, lint(text, select=rules))


@settings(max_examples=80, deadline=None)
@given(drafts())
def test_fixes_stay_inside_their_findings(text):
    for finding in lint(text, select=FIXING):
        assert finding.fix is not None, finding.code
        for edit in finding.fix.edits:
            assert finding.start <= edit.start <= edit.end <= finding.end, (finding.code, finding.message)


@settings(max_examples=80, deadline=None)
@given(drafts())
def test_fixing_twice_is_fixing_once(text):
    once = _fix(text)
    assert _fix(once) == once
    assert lint(once, select=["UNI001", "UNI002"]) == []
    assert unicodedata.is_normalized("NFC", once) or "\u0306" in once


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_fixing_with_every_rule_settles(text):
    """Fixes of different rules may touch one spot (a non-breaking space inside a repeated word):
    re-linting and fixing again settles within a few passes, as --fix does."""
    passes = [text]
    for _ in range(4):
        passes.append(_fix(passes[-1], FIXING))
    assert passes[-1] == passes[-2]


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_fixing_changes_only_what_nfc_and_spacing_change(text):
    """Letters are never added or dropped: the fixed text equals the original once both are
    composed, with Đ for Ð, and with every run of spaces read as one."""
    def letters(t):
        t = unicodedata.normalize("NFC", t).replace("Ð", "Đ")
        return "".join(c for c in t if c.isalnum())
    assert letters(_fix(text)) == letters(text)


def test_the_confusables_table():
    table = data.load("confusables.toml")["confusable"]
    assert table["Ð"] == "Đ" and table["ð"] == "đ"
    for found, meant in table.items():
        assert len(found) == len(meant) == 1 and found != meant
        assert meant.isascii() or meant in "Đđ"
        assert unicodedata.name(found).split()[0] in ("LATIN", "CYRILLIC", "GREEK")


def test_json_reports_a_fix():
    [finding] = lint("Ðẩy mạnh cải cách hành chính.\n", select=["UNI001"])
    from draftlint.reporters.json_report import as_dict
    fix = as_dict(finding)["fix"]
    assert fix == {"applicability": "safe",
                   "edits": [{"content": "Đ", "line": 1, "column": 1, "end_line": 1, "end_column": 2}]}


def test_the_word_lists():
    table = data.load("words.toml")
    for key in ("compounds", "repeats"):
        values = table[key]
        assert len(values) == len(set(values)), key
        assert all(v == v.lower() and len(v.split()) == 2 for v in values), key
    assert all(a == b for a, b in (v.split() for v in table["repeats"]))


def test_removing_a_repeated_word():
    text = "Phát huy vai trò của của các tổ chức; triển khai hỗ trợ hỗ trợ nhà ở.\n"
    assert apply_fixes(text, lint(text, select=["SPL001"])) == \
        "Phát huy vai trò của các tổ chức; triển khai hỗ trợ nhà ở.\n"
    wrapped = "Tiếp tục phát huy vai trò của\ncủa các tổ chức đoàn thể.\n"
    found = lint(wrapped, select=["SPL001"])
    assert [f.fix.safe for f in found] == [True]  # "của" never ends one word and starts the next
    assert apply_fixes(wrapped, found) == "Tiếp tục phát huy vai trò của các tổ chức đoàn thể.\n"
