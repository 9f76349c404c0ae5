"""Property tests: no input crashes the pipeline, and every finding lies inside the file."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint
from draftlint.front.normalise import normalise
from draftlint.front.pipeline import read_document
from draftlint.front.source import SourceText

MARKERS = ["I. ", "II. ", "IIII. ", "IV- ", "1. ", "2) ", "1.1. ", "3.2.1. ", "a) ", "đ) ", "f) ", "b. ",
           "- ", "+ ", "* ", "*Đơn vị chủ trì: ", "Nơi nhận:", "Kính gửi:", "V/v ", "Số: 12/KH-UBND",
           "KẾ HOẠCH", "GIÁM ĐỐC", "Nguyễn Văn An", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 01 tháng 02 năm 2024", "¹ ", "| a | b |", "./.",
           "Trên đây là ", "**", "\t", "Ð", "e\u0306", "\u00a0", "\u200b", "\r"]
WORDS = ["nội dung", "NỘI DUNG", "Thực hiện", "kế hoạch", "78/QĐ-", "UBND", "ngày 19/01/2024", "x" * 90]

line = st.lists(st.sampled_from(MARKERS + WORDS) | st.text(max_size=12), max_size=6).map("".join)
draft = st.lists(line, max_size=40).map("\n".join)


def _check(text: str) -> None:
    source = SourceText(text)
    norm = normalise(source)
    assert len(norm.text) == len(norm.offsets)
    doc = read_document(text, "x")
    for ln in doc.lines:
        assert 0 <= ln.span.start <= ln.span.end <= len(doc.text)
    for section in doc.walk_sections():
        assert 0 <= section.span.start <= section.span.end <= len(doc.text)
    line_count = len(re.split(r"\r\n|\r|\n", text))  # a lone CR ends a line too
    for finding in lint(text, select=["ALL"]):
        assert 1 <= finding.line <= finding.end_line <= line_count
        assert finding.column >= 1 and finding.end_column >= 1
        if finding.line == finding.end_line:
            assert finding.column <= finding.end_column


@settings(max_examples=300, deadline=None)
@given(draft)
def test_marker_soup_never_crashes(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_never_crashes(text):
    _check(text)
