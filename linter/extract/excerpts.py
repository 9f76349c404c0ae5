"""Stretches of a draft that are not its own words: a quotation that runs over several
paragraphs (a law's article quoted whole), and the annexes (PHỤ LỤC, Biểu, Mẫu …) with their
tables of figures or of tasks copied from other documents. A cited document's "first
citation", or a deadline, found there is the quoted text's, not a defect of the draft."""

from __future__ import annotations

from bisect import bisect_right

from ..startup import regex
from ..front import tagger
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
    for k in sorted(tagger.quotation_lines([line.text for line in lines])):
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
