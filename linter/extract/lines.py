"""Finding a draft's lines by offset: the logical line an offset of the normalised text falls in,
and the line of the text as written that an offset into it falls in."""

from __future__ import annotations

from bisect import bisect_right

from ..model import Document


def line_index(doc: Document, offset: int) -> int:
    """The index in ``doc.lines`` of the line an offset of the normalised text falls in (the last one
    starting at or before it); -1 before the first."""
    starts = doc.derived("line-starts", lambda d: [line.span.start for line in d.lines])
    return bisect_right(starts, offset) - 1


def source_line(doc: Document, offset: int) -> int:
    """The 1-based line of an offset into the text as written, counted as ``Line.first_line`` is."""
    return doc.source_map.source.line_index(offset) + 1


def source_line_text(doc: Document, line: int) -> str:
    """The text of a 1-based line of the text as written, without its line break."""
    source = doc.source_map.source
    return source.text[source.line_start(line - 1):source.line_end(line - 1)]
