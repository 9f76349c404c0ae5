"""Hostile input that once took super-linear time: a long word of look-alike letters or of stray
marks, a lead-unit field followed by a run of wide spaces, one line holding a whole draft with
its findings, a report of many findings on one line; and old-Mac (CR) line endings in baselines.

Growth is measured as CPU time in this process: the input four times as long must take less
than six times as long (quadratic work takes sixteen), the best of three runs of each size."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import time

from conftest import EXAMPLES, lint, run

from draftlint.reporters import html
from draftlint.result import RunResult

HEAD = "KẾ HOẠCH\nTriển khai công tác văn thư, lưu trữ năm 2026\n"


def _cpu(work) -> float:
    """The best of three, the garbage collector held off (a full collection walks the whole
    suite's objects, which has nothing to do with the input's size)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _assert_linear(build, work, n: int) -> None:
    """Measured again, up to three times, before failing: on a busy machine one measure of a few
    milliseconds can be off by more than the margin, while quadratic work fails every time."""
    small, large = build(n), build(4 * n)
    for _ in range(3):
        t1, t2 = _cpu(lambda: work(small)), _cpu(lambda: work(large))
        if t2 < 6 * t1:
            return
    raise AssertionError(f"n={n}: {t1 * 1000:.1f} ms, 4n: {t2 * 1000:.1f} ms")


def test_a_long_word_of_look_alike_letters():
    def build(n):
        return HEAD + "Ð" * n + " được ghi trong kế hoạch.\n"

    findings = lint(build(50), ["UNI001"])
    assert len(findings) == 1 and findings[0].line == 3 and findings[0].column == 1
    _assert_linear(build, lambda text: lint(text, ["UNI001"]), 20_000)


def test_a_long_run_of_stray_combining_marks():
    def build(n):
        return HEAD + "Ta\u0301\u0301" * n + " trong năm.\n"

    findings = lint(build(10), ["UNI002"])
    # Each second acute is left over by NFC, one stray mark per letter; columns count NFC code points.
    assert len(findings) == 10 and [f.column for f in findings] == [2 + 3 * k for k in range(10)]
    _assert_linear(build, lambda text: lint(text, ["UNI002"]), 3_000)


def test_a_lead_unit_followed_by_a_run_of_wide_spaces():
    def build(n, space="\u3000"):
        return HEAD + "1. Tổ chức tập huấn nghiệp vụ.\nĐơn vị chủ trì:" + space * n + " Sở Nội vụ\n"

    for space in ("\u3000", "\u00a0"):
        _assert_linear(lambda n: build(n, space), lint, 60_000)


def test_one_line_of_prose_with_many_findings():
    """A draft pasted without line breaks: every finding on one line (precomposed and decomposed)."""
    for sentence in ("Cần hổ trợ người dân vùng lũ. ", "Ta\u0306ng cường hổ trợ người dân. "):
        findings = lint(HEAD + sentence * 40 + "\n")
        assert len([f for f in findings if f.code == "SPL002"]) == 40
        _assert_linear(lambda n, s=sentence: HEAD + s * n + "\n", lint, 1_000)


def test_columns_on_a_long_line_that_is_not_nfc():
    sentence = "Ta\u0306ng cường hổ trợ người dân. "  # "Tăng" with a separate breve: 4 code points once composed
    findings = [f for f in lint(HEAD + sentence * 300 + "\n") if f.code == "SPL002"]
    composed = len("Tăng cường hổ trợ người dân. ")
    assert [f.column for f in findings] == [12 + composed * k for k in range(300)]


def test_an_html_report_of_many_findings_on_one_line():
    def build(n):
        text = HEAD + "Cần hổ trợ người dân vùng lũ. " * n + "\n"
        return text, lint(text)

    def work(built):
        text, findings = built
        html.report(RunResult(findings, files=1, texts={"draft.txt": (text, None)}), io.StringIO())

    _assert_linear(build, work, 1_500)


def _fingerprint(code: str, text: str, start: int, end: int, line: str) -> str:
    """A fingerprint as baselines have always recorded it: code, the text, its line, spaces collapsed."""
    key = "\0".join((code, " ".join(text[start:end].split()), " ".join(line.split())))
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def test_fingerprints_of_ordinary_lines_are_those_baselines_recorded():
    text = (EXAMPLES / "ke-hoach-loi-van-ban.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    findings = [f for f in lint(text) if f.line == f.end_line]
    assert findings
    for f in findings:
        assert f.fingerprint == _fingerprint(f.code, text, f.start, f.end, lines[f.line - 1])


def test_a_line_longer_than_any_paragraph_keeps_distinct_fingerprints():
    findings = [f for f in lint(HEAD + "Cần hổ trợ người dân vùng lũ. " * 400 + "\n") if f.code == "SPL002"]
    assert len(findings) == 400 and len({f.fingerprint for f in findings}) == 1  # the same finding, repeated
    edited = [f for f in lint(HEAD + "Cần hổ trợ người dân vùng lũ. " * 399 + "Cần hổ trợ.\n") if f.code == "SPL002"]
    assert edited[0].fingerprint != findings[0].fingerprint  # the rest of its line is part of it


def test_old_mac_line_endings_keep_the_baseline(tmp_path):
    """A lone CR ends a line for fingerprints as it does for line numbers: an edit on another
    line leaves the recorded findings recorded."""
    lines = ["KẾ HOẠCH", "Tập huấn nghiệp vụ văn thư năm 2026", "Cần hổ trợ người dân vùng lũ.",
             "Các đơn vị triển khai thực hiện."]
    cr, lf = tmp_path / "cr.txt", tmp_path / "lf.txt"
    cr.write_bytes("\r".join(lines).encode() + b"\r")
    lf.write_bytes("\n".join(lines).encode() + b"\n")
    baseline = tmp_path / "baseline.json"
    result = run("check", "--write-baseline", str(baseline), str(cr), str(lf))
    assert result.returncode in (0, 1), result.stderr.decode()
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    by_file = {name: sorted((r["code"], r["fingerprint"]) for r in recorded if r["path"] == name)
               for name in ("cr.txt", "lf.txt")}
    assert by_file["cr.txt"] and by_file["cr.txt"] == by_file["lf.txt"]  # the same draft, the same identities
    edited = lines[:3] + ["Các đơn vị triển khai thực hiện nghiêm túc."]
    cr.write_bytes("\r".join(edited).encode() + b"\r")
    lf.write_bytes("\n".join(edited).encode() + b"\n")
    result = run("check", "--baseline", str(baseline), "--format", "json", str(cr), str(lf))
    assert json.loads(result.stdout) == [], result.stdout.decode()
