"""Stretches of a draft that are not its own words: a quotation that runs over several
paragraphs (a law's article quoted whole), and the annexes (PHỤ LỤC, Biểu, Mẫu …) with their
tables of figures or of tasks copied from other documents. A cited document's "first
citation", or a deadline, found there is the quoted text's, not a defect of the draft."""

from __future__ import annotations

from bisect import bisect_right

from ..startup import regex
from ..model import Document

_ANNEX = regex.compile(r"(?i)\A\s*+(?:phụ\s+lục|biểu(?:\s+mẫu)?|mẫu\s+(?:biểu|số))\b")


class Excerpts:
    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self._starts, self._ends = starts, ends

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def excerpts(doc: Document) -> Excerpts:
    """Where the draft quotes or annexes: ``offset in excerpts(doc)``."""
    return doc.derived("excerpts", _find)


def _find(doc: Document) -> Excerpts:
    spans = []
    lines = doc.lines
    for k in sorted(quotation_lines([line.text for line in lines])):
        spans.append((lines[k].span.start, lines[k].span.end))
    parts = list(doc.parts)
    for i, part in enumerate(parts):
        if not _ANNEX.match(part.heading.text):
            continue
        end = parts[i + 1].heading.span.start if i + 1 < len(parts) else len(doc.text)
        spans.append((part.heading.span.start, end))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return Excerpts([s for s, _ in merged], [e for _, e in merged])


def quotation_lines(texts) -> set[int]:
    """The indices of the lines of every quotation that opens a paragraph and closes in a later one.

    The line tagger reads them too: a heading inside is the quoted document's, not the draft's."""
    found: set[int] = set()
    depth = 0
    start = -1
    block: list[int] = []
    for k, text in enumerate(texts):
        opened, closed = text.count("“"), text.count("”")
        starts = text.lstrip(" *_(-–")[:1]
        if starts == "”" and depth == 0:
            opened, closed = opened + 1, closed - 1  # ”5. Sửa đổi …: a closing mark typed to open
        if text.count('"') % 2:  # a straight quote left alone: opening at the start, closing elsewhere
            if starts == '"':
                opened += 1
            else:
                closed += 1
        if depth == 0:
            if opened > closed and starts in ("“", '"', "”"):
                depth, start, block = opened - closed, k, [k]
            continue
        if k - start > _QUOTATION_REACH:
            depth = 0  # never closed: not a quotation after all
            continue
        if _NEXT_POINT.match(text) and k - start > 1:
            # "- Tại khoản 7 Điều 7 … quy định:": the letter's next point; its closing mark was lost with a
            # line of its own, so the quotation ends here.
            found.update(block)
            depth = 0
            continue
        block.append(k)
        depth += opened - closed
        if depth <= 0:
            depth = 0
            found.update(block)
    return found


_QUOTATION_REACH = 60  # lines a quoted block may run over
_NEXT_POINT = regex.compile(r"[-–+]\s+(?:Tại|Theo|Căn\s+cứ|Trường\s+hợp|Đề\s+nghị|Ngày|Công\s+văn|Nghị|Thông|Quyết)\b")
