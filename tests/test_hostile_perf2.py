"""Hostile inputs to fixing, suppressions, the structure parser and --diff: time grows with the
input, not with its square; lines are counted the same way everywhere; a diff is a patch that applies."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from conftest import lint, run
from draftlint.front import lalr
from draftlint.fix.fixes import apply_counted, choose_fixes, fix_until_stable, unified_diff
from draftlint.rule import Finding, FoundEdit, FoundFix, Severity
from draftlint.front.directives import Suppression, first_covering


def _cpu(work, *args) -> float:
    """The least CPU time of three runs of ``work(*args)``, in this process."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work(*args)
        best = min(best, time.process_time() - start)
    return best


def _linear(work, small, large) -> None:
    """``large`` is four times ``small``: its time must stay well under the square's sixteen times."""
    t_small, t_large = _cpu(work, *small), _cpu(work, *large)
    assert t_small >= 0.01, "too small to time"
    assert t_large < 6 * t_small, (t_small, t_large)


# --fix: choosing and applying the fixes of a draft with tens of thousands of them.

BLOCK = ("Giao Văn phòng Sở  chủ trì tổng hợp báo cáo.\n"
         "Ðẩy mạnh công tác tuyên truyền , vận động của của người dân.\n"
         "Thanh tra Sở hổ trợ  các đơn vị trực thuộc.\n")


def _draft_with_fixes(copies: int) -> tuple[str, list[Finding]]:
    """``BLOCK`` ``copies`` times, with the findings linting one block gives, moved to each copy."""
    found = [f for f in lint(BLOCK) if f.fix is not None]
    findings = []
    for k in range(copies):
        shift = k * len(BLOCK)
        for f in found:
            edits = tuple(replace(e, start=e.start + shift, end=e.end + shift) for e in f.fix.edits)
            findings.append(replace(f, fix=replace(f.fix, edits=edits), start=f.start + shift, end=f.end + shift))
    return BLOCK * copies, findings


def test_fixing_is_linear_in_the_number_of_fixes():
    text, findings = _draft_with_fixes(1500)
    fixed, count = apply_counted(text, findings)
    block = apply_counted(BLOCK, findings[:len(findings) // 1500])[0]
    assert count > 6000 and fixed == block * 1500
    _linear(apply_counted, (text, findings), _draft_with_fixes(6000))


def test_fixing_a_draft_with_a_fix_on_every_line_settles():
    text = "Văn bản  này được gửi các đơn vị.\n" * 300
    fixed, count = fix_until_stable(lint, text)
    assert fixed == "Văn bản này được gửi các đơn vị.\n" * 300 and count == 300


def _finding(edits: list[tuple[int, int, str]], safe: bool = True) -> Finding:
    found = tuple(FoundEdit(a, b, content, 1, a + 1, 1, b + 1) for a, b, content in edits)
    start, end = min(a for a, _, _ in edits), max(b for _, b, _ in edits)
    return Finding("kh.txt", "SPL001", "x", Severity.WARNING, "", 1, start + 1, 1, end + 1,
                   fix=FoundFix(found, safe), start=start, end=end)


def _meet(a, b, c, d) -> bool:
    return a < d and c < b or a == b == c == d


@st.composite
def _fixes(draw):
    """Findings of one to three edits each (an edit's own edits never meet), over a short line."""
    findings = []
    for _ in range(draw(st.integers(0, 10))):
        points = sorted(draw(st.lists(st.integers(0, 30), min_size=2, max_size=6)))
        edits = []
        for a, b in zip(points[::2], points[1::2]):
            if draw(st.booleans()):
                b = a  # an insertion
            if all(not _meet(a, b, c, d) for c, d, _ in edits):
                edits.append((a, b, draw(st.sampled_from(["", "đ", "hỗ"]))))
        findings.append(_finding(draw(st.permutations(edits)), draw(st.booleans())))
    return findings


@settings(max_examples=150, deadline=None)
@given(_fixes(), st.booleans())
def test_the_fixes_chosen_are_those_a_check_of_every_pair_chooses(findings, unsafe):
    taken, expected = [], []
    for finding in sorted((f for f in findings if f.fix.safe or unsafe), key=lambda f: f.start):
        spans = [(e.start, e.end) for e in finding.fix.edits]
        if not any(_meet(a, b, c, d) for a, b in spans for c, d in taken):
            taken += spans
            expected.append(finding)
    assert choose_fixes(findings, unsafe) == expected
    text = "Cần hổ trợ người dân của của xã"
    for edit in sorted((e for f in expected for e in f.fix.edits), key=lambda e: (e.start, e.end), reverse=True):
        text = text[:edit.start] + edit.content + text[edit.end:]  # one at a time, from the end
    assert apply_counted("Cần hổ trợ người dân của của xã", findings, unsafe)[0] == text


# Suppression comments: thousands of them, and the line breaks they are counted by.

def _suppressed_draft(n: int, kind: str) -> str:
    if kind == "next-line":
        return "<!-- draftlint: disable-next-line SPL001 -->\nGiao Văn phòng Sở chủ trì tổng hợp.\n" * n
    # Disables left open (the enable names another rule) pile up to the end of the draft.
    return ("<!-- draftlint: disable SPL001 -->\nGiao Văn phòng Sở chủ trì tổng hợp.\n"
            "<!-- draftlint: enable CAP -->\n") * n


@pytest.mark.parametrize("kind", ["next-line", "left-open"])
def test_suppression_comments_are_linear(kind):
    findings = lint(_suppressed_draft(300, kind), select=["SPL001", "INP003"])
    assert [f.code for f in findings] == ["INP003"] * 300  # each silences nothing
    assert [f.line for f in findings[:2]] == ([1, 3] if kind == "next-line" else [1, 4])
    _linear(lint, (_suppressed_draft(600, kind),), (_suppressed_draft(2400, kind),))


def test_a_thousand_suppressions_each_silence_their_own_line():
    text = "<!-- draftlint: disable-next-line SPL001 -->\nGiao Văn phòng Sở chủ trì của của báo cáo.\n" * 1000
    assert lint(text, select=["SPL001", "INP003"]) == []
    text += "Giao Thanh tra Sở theo dõi theo dõi tiến độ.\n"
    assert [(f.code, f.line) for f in lint(text, select=["SPL001", "INP003"])] == [("SPL001", 2001)]


@st.composite
def _suppressions(draw):
    result = []
    for _ in range(draw(st.integers(0, 8))):
        codes = tuple(draw(st.lists(st.sampled_from(["SPL", "SPL001", "CAP", "INP003", "S"]), max_size=2)))
        first = draw(st.integers(1, 10))
        last = draw(st.integers(first, 11))
        span = None
        if draw(st.booleans()):  # a Word comment's stretch
            a = draw(st.integers(0, 40))
            span = (a, draw(st.integers(a, 45)))
        result.append(Suppression(first, 1, codes, first, last, span=span))
    return result


_ASKED = st.tuples(st.sampled_from(["SPL001", "SPL002", "CAP001", "INP003"]), st.integers(1, 11),
                   st.one_of(st.none(), st.integers(0, 45)), st.integers(0, 46))


@settings(max_examples=150, deadline=None)
@given(_suppressions(), st.lists(_ASKED, max_size=10))
def test_the_suppressions_found_are_those_each_one_says_it_covers(suppressions, asked):
    asked = [(code, line, start, None if start is None else max(start, end)) for code, line, start, end in asked]
    for k in (1, 2):
        expected = [tuple([i for i, s in enumerate(suppressions) if s.covers(*a)][:k]) for a in asked]
        assert first_covering(suppressions, asked, k) == expected


BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", BREAKS, ids=[f"U+{ord(c):04X}" for c in BREAKS])
def test_a_page_break_inside_a_line_does_not_shift_suppressions(separator):
    """Lines end at a line feed (or an old Mac CR) only, for suppressions as for findings."""
    draft = (f"Trang một{separator}Trang hai\n<!-- draftlint: disable-next-line SPL001 -->\n"
             "Giao Văn phòng Sở chủ trì của của báo cáo.\n")
    assert [(f.code, f.line) for f in lint(draft.replace("<!--", "<!-- x"), select=["SPL001"])] == [("SPL001", 3)]
    assert lint(draft, select=["SPL001", "INP003"]) == []
    unused = draft.replace("của của", "của")
    assert [(f.code, f.line, f.column) for f in lint(unused, select=["SPL001", "INP003"])] == [("INP003", 2, 1)]


def test_old_mac_line_endings_count_for_suppressions():
    draft = ("Trang một\rTrang hai\r<!-- draftlint: disable-next-line SPL001 -->\r"
             "Giao Văn phòng Sở chủ trì của của báo cáo.\rThanh tra Sở theo dõi theo dõi tiến độ.\r")
    assert [(f.code, f.line) for f in lint(draft, select=["SPL001", "INP003"])] == [("SPL001", 5)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_the_header_row_is_read_by_its_line_whatever_the_line_endings(newline):
    draft = ("| ỦY BAN NHÂN DÂN TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
             "| Số: 12/KH-UBND |  |\nKẾ HOẠCH\nCải cách hành chính năm 2025\n").replace("\n", newline)
    assert [(f.code, f.line) for f in lint(draft, select=["FMT003"])] == [("FMT003", 2)]


# The structure parser over a flat draft of many lines.

def _parse_flat(n: int) -> lalr.Tree:
    parser = lalr.Parser(lalr.tables())
    for i in range(n):
        kind = "BODY" if parser.accepts("BODY") else "BULLET"
        parser.feed(lalr.Token(kind, "Cần làm.", i))
    return parser.finish()


def test_the_parser_is_linear_in_a_flat_draft():
    tree = _parse_flat(1000)
    preamble = next(c for c in tree.children if isinstance(c, lalr.Tree) and c.data == "preamble")
    assert [token.start_pos for token in preamble.children] == list(range(1000))
    _linear(_parse_flat, (12000,), (48000,))


# --diff: a patch that `patch` and `git apply` accept, whatever the line breaks.

DIFF_DRAFTS = {
    "lf": "KẾ HOẠCH\nCần hổ trợ người dân.\nDòng khác của của.\n",
    "crlf": "KẾ HOẠCH\r\nCần hổ trợ người dân.\r\nDòng khác của của.\r\n",
    "cr": "KẾ HOẠCH\rCần hổ trợ người dân.\rDòng khác của của.\r",
    "form-feed": "Trang một hổ trợ\x0cTrang hai của của\nDòng ba hổ trợ.\n",
    "line-separator": "Cần hổ trợ\u2028người dân.\x1cmục\x85hai của của\nDòng cuối hổ trợ.\n",
    "no-final-newline": "KẾ HOẠCH\nCần hổ trợ người dân.\nDòng khác của của.",
    "mixed": "Một\r\nCần hổ trợ\rhai\nba của của",
}


def _patch_applies(tmp_path, name: str, before: bytes, diff: str, after: bytes) -> None:
    for tool in ("patch", "git"):
        if shutil.which(tool) is None:
            continue
        folder = tmp_path / tool
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(before)
        (folder / "d.patch").write_bytes(diff.encode("utf-8"))
        command = ["patch", "-p1", "-s", "-i", "d.patch"] if tool == "patch" else ["git", "apply", "d.patch"]
        result = subprocess.run(command, cwd=folder, capture_output=True, timeout=30)
        assert result.returncode == 0, (tool, result.stdout, result.stderr)
        assert (folder / name).read_bytes() == after, tool


@pytest.mark.skipif(shutil.which("patch") is None and shutil.which("git") is None, reason="no patch, no git")
@pytest.mark.parametrize("kind", DIFF_DRAFTS)
def test_the_diff_applies_as_a_patch(tmp_path, kind):
    before = DIFF_DRAFTS[kind]
    after = fix_until_stable(lint, before)[0]
    assert after != before
    diff = unified_diff(before, after, "kh.txt")
    assert diff.startswith("--- a/kh.txt\n+++ b/kh.txt\n@@ ") and diff.endswith("\n")
    assert ("\\ No newline at end of file\n" in diff) == (not before.endswith("\n"))
    _patch_applies(tmp_path, "kh.txt", before.encode("utf-8"), diff, after.encode("utf-8"))


@pytest.mark.skipif(shutil.which("patch") is None and shutil.which("git") is None, reason="no patch, no git")
def test_the_diff_of_a_file_with_a_bom_and_page_breaks_applies_as_the_fix_writes_it(tmp_path):
    data = "\ufeffTrang một hổ trợ\x0cTrang hai của của\r\nDòng ba hổ trợ.".encode("utf-8")
    (tmp_path / "kh.txt").write_bytes(data)
    diff = run("check", "--diff", "kh.txt", cwd=tmp_path).stdout.decode("utf-8")
    assert run("check", "--fix", "kh.txt", cwd=tmp_path).returncode == 0
    _patch_applies(tmp_path, "kh.txt", data, diff, (tmp_path / "kh.txt").read_bytes())
