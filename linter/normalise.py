"""The normaliser: joins hard-wrapped physical lines into logical lines, keeping the offset map.

Text extracted from Word or PDF arrives hard-wrapped (sometimes with a blank
line between every wrapped line), with headings over two or three lines, a
stray space after a page break, markdown bold and tabs from layout tables.
Each physical line is cleaned (outer whitespace, ``**`` and paired ``*``
emphasis removed, NFC), split at tabs into cells, and then either starts a new
logical line or continues the open one. The rules, in order, are documented
on ``_continues``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import tagger
from .offsets import OffsetMap
from .source import SourceText

_EMPHASIS = re.compile(r"\*\*|(?<=[\s“\"‘'(])\*(?=[^\s*])|(?<=[^\s*])\*(?=[\s”\"’'),.;:]|\Z)")
_TERMINAL = (".", ":", "!", "?")
_CELL_SPLIT = re.compile(r"\t+")


@dataclass
class Unit:
    """One cell of one physical line, cleaned: text pieces with their original offsets."""

    text: str
    pieces: list[tuple[int, int, int]]  # (start in text, length, original offset); length 0 never stored
    line_index: int
    first_cell: bool
    blank_before: bool
    kind: str = ""

    @property
    def width(self) -> int:
        return len(self.text)


@dataclass
class LogicalLine:
    kind: str
    text: str
    units: list[Unit] = field(default_factory=list)
    footnote_gap: bool = False  # a footnote interrupted this paragraph

    @property
    def first_line(self) -> int:
        return self.units[0].line_index


def _clean(raw: str, base: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Clean one cell: drop outer whitespace and emphasis marks, compose to NFC."""
    stripped = raw.strip()
    if not stripped:
        return "", []
    lead = len(raw) - len(raw.lstrip())
    base += lead
    if "*" not in stripped and (stripped.isascii() or unicodedata.is_normalized("NFC", stripped)):
        return stripped, [(0, len(stripped), base)]
    # Cut out emphasis marks (not a leading "*", which is a marker).
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _EMPHASIS.finditer(stripped):
        if m.start() == 0 and m.group() == "*":
            continue
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(stripped):
        spans.append((pos, len(stripped)))
    out: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    length = 0
    for start, end in spans:
        part = stripped[start:end]
        if part.isascii() or unicodedata.is_normalized("NFC", part):
            out.append(part)
            pieces.append((length, len(part), base + start))
            length += len(part)
            continue
        for cluster_start, cluster in _clusters(part):
            composed = unicodedata.normalize("NFC", cluster)
            orig = base + start + cluster_start
            if len(composed) == len(cluster):
                pieces.append((length, len(composed), orig))
            else:
                for k in range(len(composed)):
                    pieces.append((length + k, 1, orig))
            out.append(composed)
            length += len(composed)
    text = "".join(out)
    # Removing marks can leave outer spaces ("** KẾ HOẠCH"): trim them.
    trimmed = text.strip()
    if trimmed != text:
        offset = len(text) - len(text.lstrip())
        pieces = _shift(pieces, offset, len(trimmed))
        text = trimmed
    return text, pieces


def _clusters(text: str):
    """Base characters with their combining marks, with their offsets."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            yield start, text[start:i]
            start = i


def _shift(pieces, offset: int, length: int):
    result = []
    for start, size, orig in pieces:
        s, e = start - offset, start - offset + size
        cs, ce = max(s, 0), min(e, length)
        if ce > cs:
            result.append((cs, ce - cs, orig + (cs - s)))
    return result


def physical_units(source: SourceText) -> list[Unit]:
    """Clean every physical line into cells, dropping blank ones."""
    units: list[Unit] = []
    text = source.text
    blank = False
    for index, (start, end) in enumerate(source.physical_lines()):
        raw = text[start:end]
        if not raw.strip():
            blank = True
            continue
        first = True
        cell_start = 0
        for m in list(_CELL_SPLIT.finditer(raw)) + [None]:
            cell_end = m.start() if m else len(raw)
            cleaned, pieces = _clean(raw[cell_start:cell_end], start + cell_start)
            if cleaned:
                units.append(Unit(cleaned, pieces, index, first, blank))
                first = False
                blank = False
            if m:
                cell_start = m.end()
        blank = False
    return units


@dataclass
class _Layout:
    wrapped: bool
    full_width: int  # a wrapped line at least this long was cut by the wrap
    blank_is_break: bool


def _layout(units: list[Unit]) -> _Layout:
    widths = [u.width for u in units if u.first_cell]
    if len(widths) < 5:
        return _Layout(False, 10**9, True)
    widths_sorted = sorted(widths)
    p90 = widths_sorted[int(0.9 * (len(widths_sorted) - 1))]
    lower = sum(1 for u in units if u.first_cell and tagger.starts_lower(u.text)) / len(widths)
    wrapped = p90 <= 110 and lower > 0.25
    if not wrapped:
        return _Layout(False, 10**9, True)
    p75 = widths_sorted[int(0.75 * (len(widths_sorted) - 1))]
    blanks = sum(1 for u in units if u.blank_before) / len(units)
    return _Layout(True, int(0.8 * p75), blanks < 0.5)


def _ends_open(text: str) -> bool:
    """The line does not end a sentence (so the next line may continue it)."""
    return not text.rstrip().endswith(_TERMINAL)


def logical_lines(units: list[Unit]) -> list[LogicalLine]:
    """Join units into logical lines."""
    layout = _layout(units)
    lines: list[LogicalLine] = []
    open_line: LogicalLine | None = None  # the line a continuation may join
    interrupted: LogicalLine | None = None  # the paragraph a footnote cut in two
    for unit in units:
        unit.kind = tagger.classify(unit.text)
        target = _continues(open_line, unit, layout)
        if target is None and interrupted is not None and unit.first_cell and tagger.starts_lower(unit.text):
            target = interrupted
            target.footnote_gap = True
        if target is not None:
            target.units.append(unit)
            open_line = target
            if target is interrupted:
                interrupted = None
            continue
        line = LogicalLine(unit.kind, "", [unit])
        if unit.kind == tagger.FOOTNOTE:
            if open_line is not None and _ends_open(open_line.units[-1].text):
                interrupted = open_line
        else:
            interrupted = None
        lines.append(line)
        open_line = line
    for line in lines:
        line.text = _join_text(line.units)
        if line.kind in tagger.HEADING_KINDS:
            marker = tagger.match_marker(line.text)
            if marker is None or marker.kind != line.kind:
                line.kind = tagger.BODY  # the joined text no longer starts with a marker
    return lines


def _continues(open_line: LogicalLine | None, unit: Unit, layout: _Layout) -> LogicalLine | None:
    """The logical line this unit continues, or None when it starts a new one.

    1. A cell after a tab, and a unit after nothing, start a new line.
    2. A block kind (heading, bullet, header or closing line) starts a new line,
       except ``- lowercase`` after an open line (a wrapped ``cung - cầu``).
    3. A ``V/v`` subject absorbs the lines that follow it up to a blank line or a block.
    4. After a line that ends a sentence (``. : ! ?``) a new line starts.
    5. A heading marker with no title text takes the next line as its title.
    6. A lowercase, digit or punctuation start continues the open line, and so does
       the rest of a symbol cut after its hyphen (``78/QĐ-`` + ``UBND``).
    7. An ALL-CAPS line continues an open ALL-CAPS heading or title.
    8. In wrapped text, a line after a full-width line continues it.
    """
    if open_line is None or not unit.first_cell:
        return None
    last = open_line.units[-1]
    text = unit.text
    prev_text = last.text
    if open_line.kind == tagger.FOOTNOTE and not _ends_open(prev_text):
        return None
    if unit.kind in tagger.BLOCK_KINDS:
        if unit.kind == tagger.BULLET and _ends_open(prev_text) and tagger.continues_as_wrapped_hyphen(text):
            if open_line.kind not in (tagger.NOINHAN, tagger.KINHGUI):
                unit.kind = tagger.BODY
                return open_line
        return None
    if open_line.kind in (tagger.NOINHAN, tagger.KINHGUI, tagger.PLACEDATE, tagger.DOCNUM,
                          tagger.NATION, tagger.MOTTO, tagger.TABLE_ROW):
        # Header and closing lines are one physical line; only an obvious word split joins.
        if open_line.kind in (tagger.NOINHAN, tagger.KINHGUI) or not tagger.starts_lower(text):
            return None
    if open_line.kind == tagger.SUBJECT:
        return open_line if not unit.blank_before or tagger.starts_lower(text) else None
    if unit.blank_before and layout.blank_is_break and not tagger.starts_lower(text):
        return None
    if not _ends_open(prev_text):
        return None
    if open_line.kind in tagger.HEADING_KINDS and len(open_line.units) == 1:
        marker = tagger.match_marker(prev_text)
        if marker and marker.title_start >= len(prev_text):
            return open_line
    first = text[:1]
    if tagger.starts_lower(text) or first.isdigit() or first in ",;)-–…":
        return open_line
    if _joiner(prev_text, text) == "":
        return open_line  # a symbol or word cut at a hyphen: "78/QĐ-" + "UBND"
    if first == "(" and layout.wrapped:
        return open_line
    if tagger.is_caps(text) and tagger.is_caps(prev_text):
        if open_line.kind in (tagger.ROMAN, tagger.TITLE):
            return open_line
        if open_line.kind == tagger.CAPS:
            # Header agency lines stay apart unless the name is visibly cut.
            if text.startswith(("VÀ ", "& ")) or prev_text.endswith(("-", "–", " VÀ", ",")):
                return open_line
            return None
    if layout.wrapped and last.width >= layout.full_width:
        return open_line
    return None


def _join_text(units: list[Unit]) -> str:
    parts = [units[0].text]
    for prev, unit in zip(units, units[1:]):
        parts.append(_joiner(prev.text, unit.text))
        parts.append(unit.text)
    return "".join(parts)


def _joiner(prev: str, nxt: str) -> str:
    """How two wrapped pieces join: ``78/QĐ-`` + ``UBND`` join without a space."""
    if prev.endswith(("-", "/")) and len(prev) >= 2 and not prev[-2].isspace() and nxt[:1].isalnum():
        return ""
    return " "


@dataclass
class Normalised:
    """The normalised document: logical lines joined by newlines, and the map back."""

    text: str
    offsets: OffsetMap
    lines: list[LogicalLine]
    line_starts: list[int]  # offset of each logical line in ``text``


def normalise(source: SourceText) -> Normalised:
    lines = logical_lines(physical_units(source))
    offsets = OffsetMap()
    chunks: list[str] = []
    starts: list[int] = []
    length = 0
    for index, line in enumerate(lines):
        if index:
            chunks.append("\n")
            offsets.add_inserted(1, _orig_end(lines[index - 1].units[-1]))
            length += 1
        starts.append(length)
        for k, unit in enumerate(line.units):
            if k:
                joiner = _joiner(line.units[k - 1].text, unit.text)
                if joiner:
                    offsets.add_inserted(len(joiner), _orig_end(line.units[k - 1]))
                    length += len(joiner)
            for start, size, orig in unit.pieces:
                offsets.add(size, orig)
            length += len(unit.text)
        chunks.append(line.text)
    text = "".join(chunks)
    assert len(text) == len(offsets), "offset map out of step with the text"
    return Normalised(text, offsets, lines, starts)


def _orig_end(unit: Unit) -> int:
    start, size, orig = unit.pieces[-1]
    return orig + size
