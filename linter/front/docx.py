"""Word documents (.docx) read as a draft: paragraphs in reading order, with the labels Word's
automatic numbering renders, tables as rows, and where each line came from.

The XML is read directly (zipfile and ElementTree), which is fast and needs no dependency. A
.docx is an untrusted zip: its size, entry count and compression ratio are capped, an
encrypted or legacy file is told apart from a corrupt one, and nothing outside the zip is ever
followed. Tracked changes read as accepted (insertions kept, deletions dropped); footnotes,
comments and field codes are not text of the draft. A comment whose text starts with
``draftlint: disable CODE`` is a suppression of CODE on the text it is anchored to.

Layout tables (the header, the recipients and signature block), told by their shape, become
lines whose cells are separated by tabs, as the text path reads a draft exported from Word; a
soft line break in their cells parts lines as a paragraph would. Other tables are data tables
when they have a header such as STT | Nội dung | Đơn vị chủ trì, or three columns and more:
they become Markdown-like rows ``| a | b |``, which the task rules read.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from xml.etree import ElementTree

from .. import limits
from ..startup import regex
from ..text.numerals import to_roman
from . import tagger
from ..model import LineKind, Location
from .source import COMPOUND_FILE, InputError, old_word_file, open_regular, too_large

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DATA_HEADER = regex.compile(r"(?i)\b(?:stt|nội\s+dung|đơn\s+vị|cơ\s+quan|thời\s+(?:gian|hạn)|nhiệm\s+vụ|chủ\s+trì)\b")


@dataclass(frozen=True)
class DocxText:
    text: str  # one line per paragraph or table row
    locations: tuple[Location, ...]  # for each line: its paragraph, or its table and row
    numbered: frozenset[int] = frozenset()  # the lines (1-based) whose marker Word's automatic numbering wrote
    suppressions: tuple["CommentSuppression", ...] = ()
    cells: tuple[tuple[tuple[int, int], ...], ...] = ()  # for each line, the columns each table cell's text spans

    @cached_property
    def _starts(self) -> list[int]:
        starts = [0]
        for line in self.text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def location(self, line: int, start: int, end: int) -> Location | None:
        """Where the text from offset ``start`` to ``end`` of line ``line`` (1-based) stands: the
        line's location, with the cell of a table row when the text lies within one."""
        if not 0 < line <= len(self.locations):
            return None
        location = self.locations[line - 1]
        first = self._starts[line - 1]
        cells = self.cells[line - 1] if line <= len(self.cells) else ()
        for number, (a, b) in enumerate(cells, 1):
            if a < b and first + a <= start and end <= first + b:
                return Location(table=location.table, row=location.row, cell=number)
        return location


@dataclass(frozen=True)
class CommentSuppression:
    """A Word comment ``draftlint: disable CODE[,CODE] [reason]`` on a stretch of the draft: offsets
    into ``DocxText.text`` (a table row's comment covers its whole row); no code means every rule."""

    codes: tuple[str, ...]
    start: int
    end: int


_SUPPRESSION = regex.compile(r"\A\s*draftlint:\s*disable\b(?P<rest>.*)", re.I | re.S)
_CODE = regex.compile(r"[A-Za-z]{3}\d{0,3}\Z")


def read_docx(path: str) -> DocxText:
    """The draft in a .docx; raises InputError with a one-line reason."""
    parts = read_parts(path)
    return extract(parse(parts["word/document.xml"]), parts)


def parse(xml: bytes):
    """A part parsed with ElementTree; InputError for XML it cannot read."""
    try:
        return ElementTree.fromstring(xml)
    except (ElementTree.ParseError, LookupError, ValueError) as exc:  # LookupError: an unknown encoding
        raise corrupt(exc) from None


def corrupt(detail) -> InputError:
    return InputError(f"tệp Word bị hỏng ({detail})", f"corrupt Word file ({detail})")


def read_parts(path: str) -> dict[str, bytes]:
    """The parts of a .docx draftlint reads; raises InputError with a one-line reason."""
    with open_regular(path) as handle:
        try:
            compound = _compound_kind(handle) if handle.read(8).startswith(COMPOUND_FILE) else None
            handle.seek(0)
        except OSError as exc:
            from ..i18n import os_error

            raise InputError(f"không đọc được tệp ({os_error(exc)['vi']})", f"cannot read file ({exc.strerror})") from None
        if compound == "doc" or (compound == "" and path.lower().endswith(".doc")):
            raise old_word_file()
        if compound is not None:
            raise InputError("tệp Word được đặt mật khẩu hoặc là định dạng .doc cũ; hãy lưu lại thành .docx không "
                             "mật khẩu", "an encrypted Word file or an old .doc; save it as a .docx without a password")
        try:
            with zipfile.ZipFile(handle) as archive:
                return _read_parts(archive)
        except zipfile.BadZipFile:
            if path.lower().endswith(".doc"):  # a .doc Word saved as RTF or HTML: Word opens it, draftlint does not
                raise old_word_file() from None
            raise InputError("không phải tệp Word (.docx) hợp lệ", "not a valid Word file (.docx)") from None
        except (OSError, RuntimeError, ValueError, EOFError) as exc:
            raise InputError(f"không đọc được tệp Word ({exc})", f"cannot read the Word file ({exc})") from None


_STREAMS = (("encrypted", "EncryptedPackage".encode("utf-16-le")), ("doc", "WordDocument".encode("utf-16-le")))


def _compound_kind(handle) -> str:
    """What a compound file holds, by the names in its directory: "doc" (a WordDocument stream),
    "encrypted" (a password-protected .docx) or "" (neither found)."""
    tail = b""
    while chunk := handle.read(1 << 20):
        block = tail + chunk
        for kind, name in _STREAMS:
            if name in block:
                return kind
        tail = block[-64:]
    return ""


def extract(root, parts: dict[str, bytes], segments: list | None = None, tables: bool = False) -> DocxText:
    """The draft in a parsed document.xml (ElementTree or lxml). ``segments``, when given,
    receives (start, end, w:t element) for the text of every body paragraph (and with ``tables``,
    of every table cell), offsets into the returned text: what ``--fix`` needs to write a change
    back into its run, and ``--annotate`` to anchor a comment on it."""
    body = root.find(f"{_W}body")
    numbering = _Numbering(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    if body is None:
        raise InputError("tệp Word không có nội dung", "the Word file has no body")
    lines: list[str] = []
    locations: list[Location] = []
    # A text box is stored twice (mc:Choice, and an older mc:Fallback copy): Word shows the Choice,
    # which alone is read, and written by --fix. The search of the bytes spares drafts without one a walk.
    hidden = {e for fallback in root.iter(_FALLBACK) for e in fallback.iter()} \
        if b"Fallback" in parts.get("word/document.xml", b"") else frozenset()
    reader = _Reader(numbering, lines, locations, hidden, tables and segments is not None)
    reader.body(body)
    if not any(line.strip() for line in lines):
        raise InputError("tệp Word không có chữ nào", "the Word file holds no text")
    if segments is not None:
        offset = 0
        for line, pieces in zip(lines, reader.line_segments):
            segments.extend((offset + a, offset + b, element) for a, b, element in pieces or ())
            offset += len(line) + 1
    suppressions = _suppressions(parts.get("word/comments.xml"), reader.marks, lines)
    return DocxText("\n".join(lines) + "\n", tuple(locations), frozenset(reader.numbered), suppressions,
                    tuple(reader.cells))


def _suppressions(comments_xml: bytes | None, marks: dict[str, list], lines: list[str]
                  ) -> tuple[CommentSuppression, ...]:
    """The comments that are suppressions, with the stretch of text each is anchored to."""
    if not comments_xml or not marks:
        return ()
    try:
        root = ElementTree.fromstring(comments_xml)
    except (ElementTree.ParseError, LookupError, ValueError):
        return ()  # a damaged comments part: the draft is still linted, with no suppression
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    result = []
    for comment in root.iter(f"{_W}comment"):
        m = _SUPPRESSION.match(" ".join("".join(t.text or "" for t in p.iter(f"{_W}t"))
                                        for p in comment.iter(f"{_W}p")))
        where = marks.get(comment.get(f"{_W}id"))
        if m is None or not where or where[0] is None:
            continue
        codes = []
        for token in re.split(r"[,\s]+", m["rest"].strip()):
            if not _CODE.match(token):
                break  # the rest is the reviewer's reason
            codes.append(token.upper())
        (first_line, first_col), (last_line, last_col) = where[0], where[1] or where[0]
        start = starts[first_line] + first_col
        end = max(starts[last_line] + last_col, start)
        result.append(CommentSuppression(tuple(codes), start, end))
    return tuple(result)


def _read_parts(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > limits.DOCX_MAX_ENTRIES:
        raise ValueError(f"quá nhiều mục trong tệp nén ({len(infos)}; giới hạn {limits.DOCX_MAX_ENTRIES})")
    if sum(i.file_size for i in infos) > limits.DOCX_MAX_TOTAL:
        raise ValueError(f"tệp giải nén quá lớn (giới hạn {limits.DOCX_MAX_TOTAL // limits.MB} MB)")
    wanted = {"word/document.xml", "word/numbering.xml", "word/styles.xml", "word/comments.xml"}
    parts = {}
    for info in infos:
        if info.filename not in wanted:
            continue
        if info.flag_bits & 0x1:
            raise ValueError("tệp được mã hóa")
        if info.file_size > limits.DOCX_MAX_PART:
            raise ValueError(f"{info.filename} giải nén quá lớn ({info.file_size // limits.MB} MB; "
                             f"giới hạn {limits.DOCX_MAX_PART // limits.MB} MB)")
        if info.file_size > limits.MB and info.file_size > limits.DOCX_MAX_RATIO * max(info.compress_size, 1):
            raise ValueError("tỷ lệ nén bất thường (zip bomb)")
        parts[info.filename] = archive.read(info)  # zipfile reads no more than the declared size
    if "word/document.xml" not in parts:
        raise zipfile.BadZipFile("no word/document.xml")
    return parts


# -- numbering ------------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _formatted(n: int, fmt: str) -> str:
    if n > limits.DOCX_MAX_NUMBER:  # past any list Word makes: digits, not a label thousands of letters long
        return str(n)
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _number(value: str, limit: int | None = None) -> int:
    """A number of numbering.xml or styles.xml (``limit``: the largest it may be); InputError if it is not one."""
    try:
        n = int(value)
    except ValueError:  # not a number, or more digits than int() takes
        raise corrupt(f"số không hợp lệ trong đánh số tự động: {value[:20]!r}") from None
    if limit is not None and not 0 <= n <= limit:
        raise InputError(f"danh sách đánh số tự động bắt đầu từ {value[:20]}, ngoài giới hạn 0–{limit}",
                         f"an automatic numbering list starts at {value[:20]}, outside 0–{limit}")
    return n


def _val(element, tag: str, default=None):
    child = element.find(f"{_W}{tag}") if element is not None else None
    return child.get(f"{_W}val", default) if child is not None else default


class _Numbering:
    """Word's list definitions: for a paragraph's (numId, ilvl), the label it renders."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId → ilvl → (start, fmt, text)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId → (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_xml:
            root = parse(numbering_xml)
            for abstract in root.findall(f"{_W}abstractNum"):
                levels = {}
                for lvl in abstract.findall(f"{_W}lvl"):
                    levels[_number(lvl.get(f"{_W}ilvl", "0"))] = (
                        _number(_val(lvl, "start", "1"), limits.DOCX_MAX_NUMBER), _val(lvl, "numFmt", "decimal"),
                        _val(lvl, "lvlText", ""))
                self.levels[abstract.get(f"{_W}abstractNumId")] = levels
            for num in root.findall(f"{_W}num"):
                overrides = {}
                for override in num.findall(f"{_W}lvlOverride"):
                    start = _val(override, "startOverride")
                    if start is not None:
                        overrides[_number(override.get(f"{_W}ilvl", "0"))] = _number(start, limits.DOCX_MAX_NUMBER)
                self.nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId"), overrides)
        if styles_xml:
            for style in parse(styles_xml).findall(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None and _val(num_pr, "numId"):
                    self.style_num[style.get(f"{_W}styleId")] = (_val(num_pr, "numId"), _number(_val(num_pr, "ilvl", "0")))

    def label(self, paragraph) -> str:
        ppr = paragraph.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id = ilvl = None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), _number(_val(num_pr, "ilvl", "0"))
        elif ppr is not None and _val(ppr, "pStyle") in self.style_num:
            num_id, ilvl = self.style_num[_val(ppr, "pStyle")]
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a deeper level starts again under each item
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def part(m):
            level = int(m.group(1)) - 1
            level_start, level_fmt, _ = levels.get(level, (1, "decimal", ""))
            value = counters.get(level, overrides.get(level, level_start))
            return _formatted(value, level_fmt)

        return re.sub(r"%(\d)", part, text)


# -- reading ---------------------------------------------------------------------------------------

class _Reader:
    def __init__(self, numbering: _Numbering, lines: list[str], locations: list[Location], hidden=frozenset(),
                 cell_pieces: bool = False) -> None:
        self.numbering = numbering
        self.hidden = hidden  # the elements of mc:Fallback copies, never read
        self.size = 0  # characters emitted, held to the text cap
        self.lines = lines
        self.locations = locations
        self.cells: list[tuple[tuple[int, int], ...]] = []  # per line, the columns of each table cell in it
        self.cell_pieces = cell_pieces  # whether table cells' w:t pieces are recorded too
        self.paragraphs = 0
        self.tables = 0
        self.numbered: list[int] = []
        # comment id → [(line index, column) where its range starts, where it ends]
        self.marks: dict[str, list] = {}
        self.row_marks: list[tuple[bool, str, int]] = []
        self.line_segments: list[list | None] = []  # per line, its text's w:t pieces (of a table row's with cell_pieces)

    def body(self, body, depth: int = 0) -> None:
        if depth > limits.DOCX_MAX_NESTING:
            raise _too_deep()
        for element in body:
            if element.tag in (f"{_W}commentRangeStart", f"{_W}commentRangeEnd"):
                # Between paragraphs: from the start of the next line, to the end of the last one.
                at = (len(self.lines), 0) if element.tag.endswith("Start") else \
                    (max(len(self.lines) - 1, 0), len(self.lines[-1]) if self.lines else 0)
                self.mark(element.tag.endswith("Start"), element.get(f"{_W}id"), at)
            elif element.tag == f"{_W}p":
                self.paragraphs += 1
                pieces: list = []
                text, label = self.paragraph(element, with_label=True, marks=True, pieces=pieces)
                self.emit(text.replace(_SOFT_BREAK, " "), Location(paragraph=self.paragraphs), pieces)
                if label and label != "-":
                    self.numbered.append(len(self.lines))
            elif element.tag == f"{_W}tbl":
                self.table(element)
            elif element.tag == f"{_W}sdt":  # a content control: its paragraphs are the draft's
                content = element.find(f"{_W}sdtContent")
                if content is not None:
                    self.body(content, depth + 1)

    def emit(self, text: str, location: Location, pieces: list | None = None, cells: tuple = ()) -> None:
        self.size += len(text) + 1
        if self.size > limits.MAX_TEXT_BYTES:
            raise InputError(f"chữ trong tệp Word dài quá giới hạn {limits.MAX_TEXT_BYTES // limits.MB} MB",
                             f"the Word file's text is over the {limits.MAX_TEXT_BYTES // limits.MB} MB limit")
        self.lines.append(text)
        self.locations.append(location)
        self.line_segments.append(pieces)
        self.cells.append(cells)

    def mark(self, is_start: bool, comment: str | None, at: tuple[int, int]) -> None:
        where = self.marks.setdefault(comment or "", [None, None])
        if is_start:
            where[0] = at
        else:
            where[1] = at

    def paragraph(self, p, with_label: bool = False, marks: bool = False, pieces: list | None = None):
        """The paragraph's line; with ``marks``, the comment ranges in it are recorded at their
        columns in that line (which is the next line emitted)."""
        label = self.numbering.label(p)
        found: list[tuple[bool, str, int]] = []
        text = _text(p, found, pieces, self.hidden)
        line = f"{label} {text}".strip() if label else text
        shift = len(label) + 1 if label else 0
        if pieces and shift:
            pieces[:] = [(a + shift, b + shift, element) for a, b, element in pieces]
        if marks:
            for is_start, comment, position in found:
                self.mark(is_start, comment, (len(self.lines), min(position + shift, len(line))))
        elif found:
            self.row_marks.extend(found)
        return (line, label) if with_label else line

    def table(self, tbl) -> None:
        self.tables += 1
        _check_table(tbl, self.tables)
        read = []  # per row, per cell, its paragraphs as (text, w:t pieces)
        row_marks = []  # per row, the comment ranges in it: a comment in a cell covers its whole row
        for tr in tbl.findall(f"{_W}tr"):
            self.row_marks = []
            read.append([self.cell(tc) for tc in tr.findall(f"{_W}tc")])
            row_marks.append(self.row_marks)
        if not read:
            return
        rows = [[[text for text, _ in cell] for cell in row] for row in read]
        first = " ".join(" ".join(cell) for cell in rows[0])
        data = not _layout_shape(rows) and (max(len(r) for r in rows) >= 3 or bool(_DATA_HEADER.search(first)))
        for i, (row, cells) in enumerate(zip(rows, read), 1):
            where = Location(table=self.tables, row=i)
            first_line = len(self.lines)
            if data:
                pieces, spans, at = [], [], 2  # after "| "
                for cell in cells:
                    start = at
                    for k, (text, found) in enumerate(cell):
                        at += 1 if k else 0  # the space that joins a cell's paragraphs
                        pieces.extend((at + a, at + b, element) for a, b, element in found or ())
                        at += len(text)
                    spans.append((start, at))
                    at += 3  # " | "
                self.emit("| " + " | ".join(" ".join(cell).replace("|", "/").replace(_SOFT_BREAK, " ") for cell in row)
                          + " |", where, pieces if self.cell_pieces else None, tuple(spans))
                if i == 1:
                    self.emit("|" + "---|" * len(row), where)
            else:  # layout: the cells side by side, paragraph by paragraph
                # A soft line break parts the lines of a cell as a paragraph would: "Số: 12/UBND-VX"
                # over "V/v …", the national title over the motto.
                parted = [[part for text, found in cell for part in _parts(text, found)] for cell in cells]
                for k in range(max((len(cell) for cell in parted), default=0)):
                    pieces, spans, at = [], [], 0
                    for cell in parted:
                        text, found = cell[k] if k < len(cell) else ("", [])
                        pieces.extend((at + a, at + b, element) for a, b, element in found)
                        spans.append((at, at + len(text)))
                        at += len(text) + 1  # the tab between cells
                    self.emit("\t".join(cell[k][0] if k < len(cell) else "" for cell in parted).rstrip("\t"), where,
                              pieces if self.cell_pieces else None, tuple(spans))
            for is_start, comment, _ in row_marks[i - 1]:
                last = max(len(self.lines) - 1, first_line)
                at = (first_line, 0) if is_start else (last, len(self.lines[last]) if last < len(self.lines) else 0)
                self.mark(is_start, comment, at)

    def cell(self, tc) -> list[tuple[str, list | None]]:
        """A cell's paragraphs, each with its w:t pieces (when they are recorded); a text box's are
        read in the paragraph that anchors it, as in the body."""
        boxed = {p for box in tc.iter(_TEXT_BOX) for p in box.iter(f"{_W}p")}
        out = []
        for p in tc.iter(f"{_W}p"):
            if p not in boxed and p not in self.hidden:
                pieces: list | None = [] if self.cell_pieces else None
                out.append((self.paragraph(p, pieces=pieces), pieces))
        return out


def _parts(text: str, pieces: list | None) -> list[tuple[str, list]]:
    """A cell paragraph's lines between its soft line breaks, each with its w:t pieces."""
    out, start = [], 0
    for part in text.split(_SOFT_BREAK):
        end = start + len(part)
        out.append((part, [(a - start, b - start, e) for a, b, e in pieces or () if start <= a and b <= end]))
        start = end + 1
    return out


_TEXT_BOX = f"{_W}txbxContent"
_SOFT_BREAK = "\n"  # a w:br in a paragraph; one character, as the space it becomes in running text
_CELL_LINES = 4  # the lines of a cell that say what a layout table is: agency, number, title, motto, date


def _layout_shape(rows: list[list[list[str]]]) -> bool:
    """The table lays out the header (the national title or motto, or a number beside a date line)
    or the closing (a cell opening with "Nơi nhận" over its list, or beside a signing title: a
    draft's signer cell may still be empty). Its shape decides, not a word such as "đơn vị" in a
    recipient, which a data table's header also holds; a column headed "Nơi nhận" has no list."""
    cells = [[part.strip() for line in cell for part in line.split(_SOFT_BREAK) if part.strip()][:_CELL_LINES]
             for row in rows for cell in row]
    kinds = [[tagger.classify(line) for line in cell] for cell in cells]
    seen = {kind for cell in kinds for kind in cell}
    if seen & {LineKind.NATION, LineKind.MOTTO} or {LineKind.DOCNUM, LineKind.PLACEDATE} <= seen:
        return True
    recipients = {i for i, cell in enumerate(cells)
                  if kinds[i] and kinds[i][0] == LineKind.NOINHAN
                  and (len(cell) > 1 or len(cell[0]) > len("Nơi nhận:"))}
    listed = any(len(cells[i]) > 1 and cells[i][1][:1] in "-–+•" or len(cells[i]) == 1 for i in recipients)
    return listed or bool(recipients) and any(tagger.looks_like_signer(line) for i, cell in enumerate(cells)
                                              if i not in recipients for line in cell)


def _too_deep() -> InputError:
    return InputError(f"bảng hoặc vùng nội dung lồng nhau quá {limits.DOCX_MAX_NESTING} cấp",
                      f"tables or content controls nested over {limits.DOCX_MAX_NESTING} levels deep")


def _check_table(tbl, number: int) -> None:
    """The table, and the tables in its cells, within the caps on rows, columns and nesting."""
    level = [tbl]
    for _ in range(limits.DOCX_MAX_NESTING + 1):
        inner = []
        for table in level:
            rows = table.findall(f"{_W}tr")
            if len(rows) > limits.DOCX_MAX_TABLE_ROWS:
                raise InputError(f"bảng {number} có {len(rows)} hàng, quá giới hạn {limits.DOCX_MAX_TABLE_ROWS}",
                                 f"table {number} has {len(rows)} rows, over the limit of {limits.DOCX_MAX_TABLE_ROWS}")
            for tr in rows:
                cells = tr.findall(f"{_W}tc")
                if len(cells) > limits.DOCX_MAX_TABLE_COLUMNS:
                    raise InputError(
                        f"bảng {number} có {len(cells)} cột, quá giới hạn {limits.DOCX_MAX_TABLE_COLUMNS}",
                        f"table {number} has {len(cells)} columns, over the limit of {limits.DOCX_MAX_TABLE_COLUMNS}")
                for tc in cells:
                    inner += tc.findall(f"{_W}tbl") + tc.findall(f"{_W}sdt/{_W}sdtContent/{_W}tbl")
        if not inner:
            return
        level = inner
    raise _too_deep()


def _text(p, marks: list | None = None, pieces: list | None = None, hidden=frozenset()) -> str:
    """A paragraph's text: its runs' text and tabs, insertions kept, deletions and fields dropped.
    ``marks`` receives (is start, comment id, position) for each comment range boundary, ``pieces``
    (start, end, element) for each w:t."""
    out = []
    length = 0
    for element in (e for e in p.iter() if e not in hidden) if hidden else p.iter():
        tag = element.tag
        piece = None
        if tag == f"{_W}t":
            piece = element.text or ""
        elif tag == f"{_W}tab":
            piece = "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            piece = _SOFT_BREAK
        elif marks is not None and tag in (f"{_W}commentRangeStart", f"{_W}commentRangeEnd"):
            marks.append((tag.endswith("Start"), element.get(f"{_W}id") or "", length))
        if piece:
            if pieces is not None and tag == f"{_W}t":
                pieces.append((length, length + len(piece), element))
            out.append(piece)
            length += len(piece)
    return "".join(out)
