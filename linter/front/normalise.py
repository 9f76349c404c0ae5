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

from ..model import LineKind
from ..startup import regex
from . import tagger
from .directives import is_directive_line
from .tagger import MarkerMatch
from ..text.capitals import is_caps, starts_lower
from ..text.numerals import letter_value, next_letter, previous_letter, roman_value
from .offsets import OffsetMap
from .source import SourceText

_MD_HEADING = regex.compile(r"#{1,6}\s+")
_ESCAPE = regex.compile(r"\\(?=[.)*+#\-\[\]_])")
_EMPHASIS = regex.compile(
    r"\*\*"  # bold
    r"|(?<=[\s“\"‘'(])\*(?=[^\s*])|(?<=[^\s*])\*(?=[\s”\"’'),.;:]|\Z)"  # italic, opening and closing
    r"|\A\*(?=[^\s*][^*]*[^\s*]\*(?:[\s”\"’'),.;:]|\Z))"  # italic from the line start: "*a) Thôn*: …"
    r"|(?<![_\w])__(?=[^\W_])|(?<=[^\W_]|[.)])__(?![_\w])"  # bold with underscores, not "____" or "__/__"
)
_MARKUP = regex.compile(r"[*#_\\]")
_ALNUM = regex.compile(r"[^\W_]")
_TERMINAL = (".", ":", "!", "?")
_CELL_SPLIT = regex.compile(r"\t+| {5,}")
_HEADER_LINES = 12
_PROSE_WIDTH = 25  # a line shorter than this is a heading, a cell or a list item, not wrapped prose


@dataclass(slots=True)
class Cell:
    """One cell of one physical line, cleaned: text pieces with their original offsets."""

    text: str
    pieces: list[tuple[int, int, int]]  # (start in text, length, original offset); length 0 never stored
    line_index: int
    first_cell: bool
    blank_before: bool
    kind: str = ""  # set by the tagger; TABLE_ROW already for the cells of a tab-separated row
    marker: MarkerMatch | None = None  # the heading marker the text starts with, read with the kind
    emphasis: int = 0  # Markdown emphasis left open at the line's end (+1) or closed without opening (-1)

    @property
    def width(self) -> int:
        return len(self.text)


@dataclass(slots=True)
class LogicalLine:
    kind: str
    text: str
    cells: list[Cell] = field(default_factory=list)
    rejoined: bool = False  # joined across a wrapped emphasis: its kind is read again from the whole
    marker: MarkerMatch | None = None  # a heading's marker, from which the parser builds its section's

    @property
    def first_line(self) -> int:
        return self.cells[0].line_index


def _clean(raw: str, base: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Clean one cell: drop outer whitespace and markup, compose to NFC.

    Markup dropped: a markdown heading's ``#``, ``**``, ``*`` emphasis (also around a
    whole line, ``*1.1. Khối tiểu học*``), and a backslash escaping punctuation
    (``1\\.``). A leading ``*`` without a closing one is a marker and stays.
    """
    stripped = raw.strip()
    if not stripped:
        return "", []
    base += len(raw) - len(raw.lstrip())
    if not _MARKUP.search(stripped) and (stripped.isascii() or unicodedata.is_normalized("NFC", stripped)):
        return stripped, [(0, len(stripped), base)]
    cuts: list[tuple[int, int]] = []
    heading = _MD_HEADING.match(stripped)
    if heading:
        cuts.append(heading.span())
    stars = min(len(stripped) - len(stripped.lstrip("*")), len(stripped) - len(stripped.rstrip("*")))
    if stars and len(stripped) > 2 * stars and not stripped[stars].isspace():
        cuts += [(0, stars), (len(stripped) - stars, len(stripped))]  # "***a) Bóng đá***": the whole line
    cuts.extend(m.span() for m in _EMPHASIS.finditer(stripped))
    cuts.extend(m.span() for m in _ESCAPE.finditer(stripped))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    pos = 0
    for cut_start, cut_end in cuts:
        if cut_start > pos:
            spans.append((pos, cut_start))
        pos = max(pos, cut_end)
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


def physical_cells(source: SourceText) -> list[Cell]:
    """Clean every physical line into cells, dropping blank and decoration-only ones."""
    found: list[Cell] = []
    text = source.text
    blank = False
    seen = 0  # non-blank lines so far: the first ones hold the two-column header
    for index, (start, end) in enumerate(source.physical_lines()):
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped or ("<!--" in raw and is_directive_line(raw)):
            blank = blank or not stripped
            continue  # a blank line, or a suppression comment, which is no part of the draft
        seen += 1
        header = seen <= _HEADER_LINES
        columns = header or stripped.startswith(("-", "Nơi nhận"))
        bounds = _layout_row(raw, header) or _cells(raw, columns)
        cells = []
        for cell_start, cell_end in bounds:
            cleaned, pieces = _clean(raw[cell_start:cell_end], start + cell_start)
            if cleaned and (cleaned == "./." or _ALNUM.search(cleaned)):
                cells.append(Cell(cleaned, pieces, index, not cells, blank))
        if len(cells) == 2 and "\t" in raw:
            _tag(cells[0])  # tagged here, where its marker tells a Word list's tab, and not again
            if _bare_marker(cells[0]):
                cells = [_merge(cells[0], cells[1])]  # "I.<tab>Mục đích": a Word list's tab
        elif len(cells) >= 3 and "\t" in raw:
            for cell in cells:
                cell.kind = LineKind.TABLE_ROW  # a row of a table pasted from Word
        if len(cells) == 1:
            cells[0].emphasis = _unbalanced_emphasis(raw)
            if cells[0].emphasis:
                _drop_open_emphasis(cells[0])
        found.extend(cells)
        if cells:
            blank = False
        elif raw.strip(" \t|") == "":
            blank = True  # "|" alone: a table cell ends there (crawler Markdown), as a blank line would
    return found


# Words no sentence, heading or list item ends on: a line stopping on one was wrapped.
# This pattern and _NAME_CUT end a line and span two words at most (see _ends_with).
_DANGLING = regex.compile(
    r"(?<!\S)(?:của|và|các|tại|theo|về|với|cho|số|những|được|bởi|từ|đến|trong|trên|hoặc|để|nhằm|thuộc|tới|giữa|"
    r"qua|là|cùng|đối\s+với|ngày|tháng|năm|số:|SỐ:?)\Z"
)
# A cited name cut after its type word ("… thi hành Luật" + "Ban hành văn bản …"), unless a new basis starts.
_NAME_CUT = regex.compile(r"(?<!\S)(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Quyết\s+định|Chỉ\s+thị)\Z")
_NEW_BASIS = regex.compile(r"(?:Căn\s+cứ|Theo|Xét|Trên\s+cơ\s+sở|Thực\s+hiện|Để)\b")
# "Điều" / "Chương" on a line of its own, its number on the next.
_LONE_DIVISION = regex.compile(r"\A\s*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s*")
_DIVISION_NUMBER = regex.compile(r"\A\s*(?:\d{1,3}|[IVXL]+)\b")
# "Số:" on a line of its own, the symbol on the next; a date line cut before its year.
# Matched at 0: the run, then spaces and a slash; or else up to the run's last slash (as [\d/.…_ ]*\d*\s*/ would).
_SYMBOL_START = regex.compile(r"\A(?:[\d/.…_ ]*+\s*+/|(?:[\d.…_ ]*+/)++)")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_DATE_GOES_ON = regex.compile(r"(?:\d{1,2}\b|tháng\b|năm\b)")


def _ends_with(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern``, anchored at the end and two words long at most, searched from the last two words
    on: a search from the start would try every position of a long line (its lookbehind is seen)."""
    head = text.rsplit(None, 2)
    return pattern.search(text, len(head[0]) if len(head) == 3 else 0)


def _open_bracket(line: LogicalLine) -> bool:
    """The line so far leaves a parenthesis or a curly quotation open (and is not long: a real
    unclosed bracket in a long paragraph must not swallow what follows)."""
    cells = line.cells
    if len(cells) > 3:
        return False
    texts = [cell.text for cell in cells]
    return (sum(t.count("(") for t in texts) > sum(t.count(")") for t in texts)
            or sum(t.count("“") for t in texts) > sum(t.count("”") for t in texts))


# Lines complete in themselves, which an emphasis running over two lines does not join.
_WHOLE_LINES = frozenset({LineKind.NATION, LineKind.MOTTO, LineKind.DOCNUM, LineKind.PLACEDATE, LineKind.KINHGUI,
                          LineKind.NOINHAN, LineKind.TITLE})


def _drop_open_emphasis(cell: Cell) -> None:
    """The ``*`` of an emphasis opened here and closed on another line is markup too."""
    text = cell.text
    if cell.emphasis == 1 and text.startswith("*"):
        cut = len(text) - len(text.lstrip("* "))
        cell.text, cell.pieces = text[cut:], _shift(cell.pieces, cut, len(text) - cut)
    elif cell.emphasis == -1 and text.endswith("*"):
        kept = len(text.rstrip("* "))
        cell.text, cell.pieces = text[:kept], _shift(cell.pieces, 0, kept)


def _unbalanced_emphasis(raw: str) -> int:
    """+1 when the line opens ``**`` or ``*`` emphasis it does not close, -1 when it closes one it did
    not open, 0 otherwise: a crawler wraps ``**CỘNG HÒA XÃ HỘI`` / ``CHỦ NGHĨA VIỆT NAM**``."""
    if "*" not in raw:
        return 0
    text = raw.strip()
    bold = text.count("**")
    if bold % 2:
        return 1 if text.startswith("**") and not text.endswith("**") else -1 if text.endswith("**") else 0
    single = text.replace("**", "")
    if single.count("*") % 2:
        return 1 if single.startswith("*") and not single.endswith("*") else -1 if single.endswith("*") else 0
    return 0


def _tag(cell: Cell) -> None:
    """Give a cell its kind and heading marker, read from its own text."""
    cell.kind, cell.marker = tagger.tag(cell.text)


def _bare_marker(cell: Cell) -> bool:
    """A tagged cell holds a heading marker and no title: "I.", "1.", "a)"."""
    return cell.marker is not None and cell.marker.title_start >= len(cell.text)


def _merge(marker: Cell, title: Cell) -> Cell:
    """One cell "marker title" from two cells; the space stands for the tab between them."""
    start, size, orig = marker.pieces[-1]
    pieces = list(marker.pieces) + [(len(marker.text), 1, orig + size)]
    pieces += [(p + len(marker.text) + 1, n, o) for p, n, o in title.pieces]
    return Cell(marker.text + " " + title.text, pieces, marker.line_index, True, marker.blank_before)


def _cells(raw: str, columns: bool) -> list[tuple[int, int]]:
    """Cells of a physical line: split at tabs and, where ``columns``, at wide space runs before a capital."""
    if "\t" not in raw and (not columns or "     " not in raw):
        return [(0, len(raw))]
    bounds = []
    pos = 0
    for m in _CELL_SPLIT.finditer(raw):
        if m.group()[0] != "\t" and not (columns and raw[m.end():m.end() + 1].isupper()):
            continue
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(raw)))
    return bounds


_PIPE = regex.compile(r"[^|]+")
_LIST_IN_CELL = regex.compile(r"[:;.,]\s+(?=[-–+]\s)")
# The lines of a cell, run together: "Số: 12/UBND-VX V/v …" (the number over the subject),
# "Nơi nhận: - Như trên; - Lưu: VT." (the label over its items), "- Sở A; - Sở B" (addressees).
_LINE_IN_CELL = {
    LineKind.DOCNUM: regex.compile(r"(?<!\s)\s++(?=V/v\b)"),
    LineKind.NOINHAN: _LIST_IN_CELL,
    LineKind.BULLET: _LIST_IN_CELL,
}
_CLOSING_CELL_KINDS = frozenset({LineKind.NOINHAN})
_HEADER_CELL_KINDS = frozenset({LineKind.NATION, LineKind.MOTTO, LineKind.DOCNUM, LineKind.PLACEDATE, LineKind.SUBJECT,
                                LineKind.KINHGUI}) | _CLOSING_CELL_KINDS
_MOTTO_IN_CELL = regex.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.I)


def _layout_row(raw: str, header: bool) -> list[tuple[int, int]]:
    """The cells of a row of a layout table kept as one line with ``|`` between cells, or [] when the
    line is no such row: the two-column header (``| Số: 12/KH-UBND | Hà Nội, ngày 05 tháng 01 năm 2024
    |``, among the first lines) or the closing (``| Nơi nhận: … | KT. GIÁM ĐỐC … |``). Each cell is
    then a line of its own: the number, the date line, the national title, the recipients, the signer."""
    if "|" not in raw or not header and "hận" not in raw and "HẬN" not in raw:
        return []  # below the header only a row holding "Nơi nhận" is a layout row: data tables are left fast
    bounds = [(m.start(), m.end()) for m in _PIPE.finditer(raw) if m.group().strip()]
    if len(bounds) < 2 and not (header and bounds and raw.lstrip().startswith("|")):
        return []
    kinds = [tagger.classify(raw[a:b].strip()) for a, b in bounds]
    wanted = _HEADER_CELL_KINDS if header else _CLOSING_CELL_KINDS
    if not (any(kind in wanted for kind in kinds) or header and _MOTTO_IN_CELL.search(raw)):
        return []
    cells = []
    for (a, b), kind in zip(bounds, kinds):
        breaks = _LINE_IN_CELL.get(kind)
        starts = [a] + [m.end() for m in breaks.finditer(raw, a, b)] if breaks else [a]
        for start, end in zip(starts, starts[1:] + [b]):
            # Wide spaces stand between the lines too: "THỦ TƯỚNG      Nguyễn Văn A".
            cells += [(start + c, start + d) for c, d in _cells(raw[start:end], True)]
    return cells


@dataclass
class _Layout:
    wrapped: bool
    full_width: int  # a wrapped line at least this long was cut by the wrap
    blank_is_break: bool


def _layout(cells: list[Cell]) -> _Layout:
    # Measured on the lines of running text: the short cells of a table laid out one per line
    # (crawler Markdown) say nothing of how the prose was wrapped.
    prose = [u for u in cells if u.first_cell and u.width >= _PROSE_WIDTH]
    widths = [u.width for u in prose]
    if len(widths) < 5:
        return _Layout(False, 10**9, True)
    widths_sorted = sorted(widths)
    p90 = widths_sorted[int(0.9 * (len(widths_sorted) - 1))]
    # Lines that start in lower case are continuations, unless they are markers ("a) …", "- …").
    lower = sum(1 for u in prose if u.kind == LineKind.BODY and starts_lower(u.text))
    p75 = widths_sorted[int(0.75 * (len(widths_sorted) - 1))]
    wrapped = p90 <= 110 and p75 >= 40 and lower / len(widths) > 0.15
    if not wrapped:
        return _Layout(False, 10**9, True)
    blanks = sum(1 for u in cells if u.blank_before) / len(cells)
    return _Layout(True, int(0.8 * p75), blanks < 0.5)


def _ends_open(text: str) -> bool:
    """The line does not end a sentence (so the next line may continue it)."""
    return not text.rstrip().endswith(_TERMINAL)


class _Outline:
    """The numbers of the headings met so far, level by level.

    A marker that carries the next number of its level is a heading even where the
    line before seems to run on; only one that does not fit is taken for a wrap.
    """

    _LEVELS = (LineKind.PART, LineKind.ROMAN, LineKind.ARTICLE, LineKind.CAPITAL, LineKind.ARABIC, LineKind.DOTTED,
               LineKind.DOTTED_DEEP, LineKind.LETTER)

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    @staticmethod
    def _value(marker: MarkerMatch) -> int:
        if marker.kind == LineKind.ROMAN:
            return roman_value(marker.number)
        if marker.kind == LineKind.LETTER:
            return letter_value(marker.number)
        if marker.kind == LineKind.CAPITAL:
            return ord(marker.number) - ord("A") + 1
        return int(marker.number.split()[-1].split(".")[-1])

    def fits(self, marker: MarkerMatch) -> bool:
        return self._value(marker) == self.last.get(marker.kind, 0) + 1

    def see(self, cell: Cell) -> None:
        """A heading or part starts a line with this cell."""
        if cell.kind == LineKind.PART:
            self.last.clear()
            return
        kind = cell.marker.kind  # a heading's kind is its marker's
        self.last[kind] = self._value(cell.marker)
        for lower in self._LEVELS[self._LEVELS.index(kind) + 1:]:
            self.last.pop(lower, None)


def logical_lines(cells: list[Cell]) -> list[LogicalLine]:
    """Join cells into logical lines."""
    for cell in cells:
        if not cell.kind:
            _tag(cell)
    layout = _layout(cells)
    lines: list[LogicalLine] = []
    open_line: LogicalLine | None = None  # the line a continuation may join
    interrupted: LogicalLine | None = None  # the paragraph a footnote cut in two
    outline = _Outline()
    for cell in cells:
        target = _continues(open_line, cell, layout, outline)
        if target is None and interrupted is not None and cell.first_cell and starts_lower(cell.text):
            target = interrupted  # the paragraph goes on after a footnote that cut it
        if target is not None:
            target.cells.append(cell)
            open_line = target
            if target is interrupted:
                interrupted = None
            continue
        line = LogicalLine(cell.kind, "", [cell])
        if cell.kind in LineKind.HEADINGS or cell.kind == LineKind.PART:
            outline.see(cell)
        if cell.kind == LineKind.FOOTNOTE:
            if open_line is not None and _ends_open(open_line.cells[-1].text):
                interrupted = open_line
        else:
            interrupted = None
        lines.append(line)
        open_line = line
    for line in lines:
        line.text = _join_text(line.cells)
        if line.rejoined:
            line.kind, line.marker = tagger.tag(line.text)
        elif line.kind in (LineKind.BODY, LineKind.CAPS) and len(line.cells) > 1:
            joined = tagger.classify(line.text)
            if joined in (LineKind.PLACEDATE, LineKind.DOCNUM, LineKind.NATION, LineKind.MOTTO):
                line.kind = joined  # "Hà Nội, ngày" + "01 tháng 12 năm 2025": a header line in two cells
        elif line.kind in LineKind.HEADINGS:
            # One cell's marker is the line's; a heading that took more cells is read again, whole.
            marker = line.cells[0].marker if len(line.cells) == 1 else tagger.match_marker(line.text)
            if marker is not None and marker.kind == line.kind:
                line.marker = marker
            else:
                line.kind = LineKind.BODY  # the joined text no longer starts with a marker
    return lines


def _mid_phrase(text: str) -> bool:
    """The line stops on a word, so the next line most likely carries on the phrase."""
    last = text.rstrip()[-1:]
    return last.isalnum()


def _prose(open_line: LogicalLine, full: bool) -> bool:
    """Running text wrapped at full width: where a marker at a line start is only a wrap.

    Only a paragraph of two lines or more counts; a heading, title or part line never does.
    """
    return (
        full
        and len(open_line.cells) >= 2
        and open_line.kind not in LineKind.HEADINGS
        and open_line.kind not in (LineKind.TITLE, LineKind.PART, LineKind.CAPS)
    )


_INLINE_MARKER = regex.compile(r"(?<=[:;,]\s)(\d{1,2}|[a-zđ])[.)]\s")


def _inline_list_goes_on(prev: str, marker: MarkerMatch, ahead: bool = False) -> bool:
    """``prev`` holds an inline list ("…: 1. Tiếp nhận;") that the line starting with ``marker``
    continues with the next item.

    With ``ahead``, ``prev`` is that line itself: whether it goes on with the item after its own
    ("2. …; 3. …").
    """
    inline = [m.group(1) for m in _INLINE_MARKER.finditer(prev)]
    if ahead:
        following = str(int(marker.number) + 1) if marker.kind == LineKind.ARABIC else next_letter(marker.number)
        return following in inline
    if not prev.rstrip().endswith((";", ",")) and not _mid_phrase(prev):
        return False
    previous = str(int(marker.number) - 1) if marker.kind == LineKind.ARABIC else previous_letter(marker.number)
    return bool(inline) and inline[-1] == previous


def _continues(open_line: LogicalLine | None, cell: Cell, layout: _Layout, outline: _Outline) -> LogicalLine | None:
    """The logical line this cell continues, or None when it starts a new one.

    1. A cell after a tab, and the first cell of all, start a new line.
    2. A block kind (heading, bullet, part, header or closing line) starts a new line,
       except: the next item of an inline list the line holds (``…: 1. Tiếp nhận;``
       + ``2. Kiểm tra…``); and, after a line that stops on a word, ``- cầu…`` (a
       wrapped ``cung - cầu``), a marker whose text starts in lower case
       (``b) khoản 2…``), and in wrapped prose any marker after a full-width line.
    3. A ``V/v`` subject absorbs the lines that follow it up to a blank line or a block.
    4. A heading marker with no title text takes the next line as its title.
    5. The rest of a symbol cut after its hyphen (``78/QĐ-`` + ``UBND``) joins, even
       across a blank line.
    6. After a line that ends a sentence (``. : ! ?``) a new line starts.
    7. A lowercase, digit or punctuation start continues the open line.
    8. An ALL-CAPS line continues an open ALL-CAPS heading, title or part, and gives
       a part line (``Chương I``) its title.
    9. In wrapped text, a line after a full-width line continues it; a heading takes
       the next line this way only if it is visibly cut (ends with ``,`` or ``;``).
    """
    if open_line is None or not cell.first_cell:
        return None
    last = open_line.cells[-1]
    text = cell.text
    prev_text = last.text
    if len(open_line.cells) == 1 and _LONE_DIVISION.fullmatch(prev_text) and _DIVISION_NUMBER.match(text):
        open_line.rejoined = True
        return open_line  # "Điều" + "1. Phạm vi điều chỉnh", "Chương" + "I": a division's word and number cut apart
    if open_line.kind == LineKind.DOCNUM and prev_text.rstrip().endswith(":") and _SYMBOL_START.match(text):
        return open_line  # "Số:" + "5664/CT-CS": the number in the cell's next line
    if (len(open_line.cells) == 1 and open_line.kind not in _WHOLE_LINES and tagger.may_start_national(prev_text)
            and tagger.classify(f"{prev_text} {text}") in (LineKind.NATION, LineKind.MOTTO)):
        open_line.rejoined = True
        return open_line  # "CỘNG HÒA XÃ HỘI" + "CHỦ NGHĨA VIỆT NAM": the national title in two cells
    if open_line.kind == LineKind.PLACEDATE and not _YEAR.search(prev_text) and _DATE_GOES_ON.match(text):
        return open_line  # "Hà Nội, ngày 21 tháng" + "11 năm 2025"
    if (last.emphasis == 1 and cell.emphasis == -1 and not cell.blank_before
            and open_line.kind not in _WHOLE_LINES):
        open_line.rejoined = True
        return open_line  # one bold or italic phrase wrapped: "**1. Sở" + "Tài chính**"
    full = layout.wrapped and last.width >= layout.full_width
    if open_line.kind == LineKind.FOOTNOTE and not _ends_open(prev_text):
        return None
    marker = cell.marker
    if marker is not None and open_line.kind not in (LineKind.NOINHAN, LineKind.KINHGUI):
        title = text[marker.title_start:]
        inline = cell.kind in (LineKind.ARABIC, LineKind.LETTER) and _inline_list_goes_on(prev_text, marker)
        if inline and (not outline.fits(marker) or _inline_list_goes_on(text, marker, ahead=True)):
            cell.kind = LineKind.BODY  # "…3 bước: 1. Tiếp nhận;" + "2. Kiểm tra…; 3. …"
            return open_line
        if not outline.fits(marker) and _mid_phrase(prev_text) and (
            starts_lower(title)
            or (_prose(open_line, full) and not (cell.kind == LineKind.ROMAN and is_caps(title)))
        ):
            cell.kind = LineKind.BODY  # a wrap: "…tại điểm" + "b) khoản 2…"
            return open_line
    if cell.kind == LineKind.TITLE and open_line.kind == LineKind.PART and len(open_line.cells) == 1:
        return open_line  # "Chương I" + "QUY ĐỊNH CHUNG" (a type name, but the chapter's title)
    if cell.kind in LineKind.BLOCKS:
        if open_line.kind in (LineKind.NOINHAN, LineKind.KINHGUI) or not _mid_phrase(prev_text):
            return None
        if cell.kind == LineKind.BULLET and (tagger.continues_as_wrapped_hyphen(text) or _prose(open_line, full)):
            cell.kind = LineKind.BODY
            return open_line
        if cell.kind == LineKind.PART and text.startswith("Phụ lục") and open_line.kind == LineKind.BODY:
            cell.kind = LineKind.BODY  # "…theo" + "Phụ lục I."
            return open_line
        return None
    if open_line.kind in (LineKind.NOINHAN, LineKind.KINHGUI, LineKind.PLACEDATE, LineKind.DOCNUM,
                          LineKind.NATION, LineKind.MOTTO, LineKind.TABLE_ROW):
        # Header and closing lines are one physical line; only an obvious word split joins.
        if open_line.kind in (LineKind.NOINHAN, LineKind.KINHGUI) or not starts_lower(text):
            return None
    if open_line.kind == LineKind.SUBJECT:
        return open_line if not cell.blank_before or starts_lower(text) else None
    if open_line.kind in LineKind.HEADINGS and len(open_line.cells) == 1 and _bare_marker(last):
        return open_line
    if _joiner(prev_text, text) == "":
        return open_line  # a symbol or word cut at a hyphen: "78/QĐ-" + "UBND"
    if ((layout.wrapped and not cell.blank_before or _mid_phrase(prev_text)) and cell.kind not in LineKind.BLOCKS
            and _open_bracket(open_line)):
        return open_line  # "(qua Sở" + "Tài chính, …)": a bracket or quotation still open
    if (not cell.blank_before and cell.kind not in LineKind.BLOCKS and _ends_with(_NAME_CUT, prev_text)
            and not _NEW_BASIS.match(text)):
        return open_line  # "… hướng dẫn thi hành Luật" + "Ban hành văn bản …": a cited name cut after its type
    if not cell.blank_before and _ends_with(_DANGLING, prev_text):
        return open_line  # "…các Quyết định của" + "Thủ tướng Chính phủ …": no line ends on "của"
    if cell.blank_before and layout.blank_is_break and not starts_lower(text):
        return None
    if not _ends_open(prev_text):
        return None
    first = text[:1]
    heading = open_line.kind in LineKind.HEADINGS or open_line.kind in (LineKind.TITLE, LineKind.PART, LineKind.CAPS)
    if first.isdigit() and heading and len(text) > 15 and not prev_text.rstrip().endswith((",", "-", "–")):
        return None  # "I. KẾT QUẢ ĐẠT ĐƯỢC" + "100% xã đạt chuẩn…": the paragraph after a heading
    if starts_lower(text) or first.isdigit() or first in ",;)-–…":
        return open_line
    if first == "(" and layout.wrapped and not heading:
        return open_line  # (a bracket under a heading or title is its caption: "(Kèm theo …)")
    if is_caps(text) and open_line.kind == LineKind.PART and len(open_line.cells) == 1:
        return open_line  # "Chương I" + "QUY ĐỊNH CHUNG"
    if is_caps(text) and is_caps(prev_text):
        if open_line.kind in (LineKind.ROMAN, LineKind.CAPITAL, LineKind.TITLE, LineKind.PART):
            return open_line
        if open_line.kind == LineKind.CAPS:
            # Header agency lines stay apart unless the name is visibly cut.
            if text.startswith(("VÀ ", "& ")) or prev_text.endswith(("-", "–", " VÀ", ",")):
                return open_line
            return None
    if full:
        if heading and not prev_text.rstrip().endswith((",", ";")):
            return None
        return open_line
    return None


def _join_text(cells: list[Cell]) -> str:
    parts = [cells[0].text]
    for prev, cell in zip(cells, cells[1:]):
        parts.append(_joiner(prev.text, cell.text))
        parts.append(cell.text)
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
    lines = logical_lines(physical_cells(source))
    offsets = OffsetMap()
    chunks: list[str] = []
    starts: list[int] = []
    length = 0
    for index, line in enumerate(lines):
        if index:
            chunks.append("\n")
            offsets.add_inserted(1, _orig_end(lines[index - 1].cells[-1]))
            length += 1
        starts.append(length)
        for k, cell in enumerate(line.cells):
            if k:
                joiner = _joiner(line.cells[k - 1].text, cell.text)
                if joiner:
                    offsets.add_inserted(len(joiner), _orig_end(line.cells[k - 1]))
                    length += len(joiner)
            for start, size, orig in cell.pieces:
                offsets.add(size, orig)
            length += len(cell.text)
        chunks.append(line.text)
    text = "".join(chunks)
    assert len(text) == len(offsets), "offset map out of step with the text"
    return Normalised(text, offsets, lines, starts)


def _orig_end(cell: Cell) -> int:
    start, size, orig = cell.pieces[-1]
    return orig + size
