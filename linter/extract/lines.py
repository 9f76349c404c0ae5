"""Finding a draft's lines by offset: the logical line an offset of the normalised text falls in,
the matches of one whole-text search grouped by line, and the line of the text as written that an
offset into it falls in."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

from ..model import Document, Line


def line_index(doc: Document, offset: int) -> int:
    """The index in ``doc.lines`` of the line an offset of the normalised text falls in (the last one
    starting at or before it); -1 before the first."""
    starts = doc.derived("line-starts", lambda d: [line.span.start for line in d.lines])
    return bisect_right(starts, offset) - 1


def matches_by_line(doc: Document, matches: Iterable[re.Match]) -> Iterator[tuple[Line, list[re.Match]]]:
    """The matches of a search of ``doc.text`` (in order), grouped by the line each starts in.

    The normalised text is the lines joined by newlines, so a pattern that never matches a newline
    finds in one pass over the whole text what it finds line by line, at offsets shifted by the
    line's start: one search instead of one per line, which lets ``re`` skip ahead between lines.
    """
    lines = doc.lines
    current, group = -1, []
    for m in matches:
        index = line_index(doc, m.start())
        if index != current:
            if group:
                yield lines[current], group
            current, group = index, []
        group.append(m)
    if group:
        yield lines[current], group


def source_line(doc: Document, offset: int) -> int:
    """The 1-based line of an offset into the text as written, counted as ``Line.first_line`` is."""
    return doc.source_map.source.line_index(offset) + 1


def source_line_text(doc: Document, line: int) -> str:
    """The text of a 1-based line of the text as written, without its line break."""
    source = doc.source_map.source
    return source.text[source.line_start(line - 1):source.line_end(line - 1)]
