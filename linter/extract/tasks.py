"""The task extractor: which parts of a draft are tasks, and who leads each (RULES.md, TSK).

Tasks live under the top-level headings that assign work (NHIỆM VỤ, GIẢI PHÁP, TỔ CHỨC
THỰC HIỆN …; ``data/units.toml``). A task is the smallest numbered item there (bullets are
its content, not tasks of their own), or a row of a task table (a column ``Đơn vị chủ trì``).

A task's lead is known when its own text names one (a marker line ``Đơn vị chủ trì: …``, an
inline ``Giao Sở Y tế chủ trì``, a unit as subject, ``(Văn phòng Sở thực hiện)``), or when it
inherits one: from a heading that names a unit (``1. Phòng Người có công``), from the lead-in
of an enclosing section, from a marker that closes the enclosing section, or from the
preamble's lead-in (``Sở … đề xuất nội dung công tác … như sau:``).

A lead-in that names only collectives ("các phòng, đơn vị theo chức năng, nhiệm vụ …
triển khai các nhiệm vụ sau:") names everyone, hence no one: under a heading of tasks each
task still needs its own unit. Under TỔ CHỨC THỰC HIỆN, whose items are the duties all units
share, the same lead-in does answer for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..startup import regex
from ..model import Document, Line, LineKind, Marker, Section, Span
from .units import iter_leads, patterns, task_section_kind, unit_at


@dataclass(frozen=True, slots=True)
class LeadMarker:
    """A lead-unit marker: ``Đơn vị chủ trì: Văn phòng Sở`` (also inside a sentence)."""

    line: Line
    span: Span  # the label and its value
    label: str
    value: str  # what follows the colon, up to the next field ("; Đơn vị phối hợp: …")
    value_span: Span

    @property
    def usable(self) -> bool:
        return bool(_USABLE.search(_PLACEHOLDER.sub("", self.value)))

    @property
    def names(self) -> tuple[str, ...]:
        """The units the value lists, one per ``;`` or ``,`` item."""
        return tuple(n for n in (" ".join(p.split()).strip(" .-–") for p in _ITEM_SPLIT.split(self.value)) if n)


_USABLE = regex.compile(r"[^\W\d_]{2,}")
_PLACEHOLDER = regex.compile(r"(?i)\b(?:chưa\s+(?:xác\s+định|có|rõ)|đang\s+cập\s+nhật|xxx+|tbd)\b")
_ITEM_SPLIT = regex.compile(r"[;,]|(?<!\s)\s++và\s+")  # a run of spaces tried from its start only
# The field that ends a lead unit's value; the spaces and the one mark before it are added by
# _field_start (searched as one pattern, a run of spaces is read again at each of its places).
_NEXT_FIELD = regex.compile(
    r"(?i)(?:(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+phối\s+hợp|thời\s+(?:gian|hạn)|tiến\s+độ|kinh\s+phí)\b"
)


def _field_start(text: str, pos: int, name: int) -> int:
    """Where the field named at ``name`` begins, not before ``pos``: with the spaces and one ``;.,(`` before it."""
    start = name
    while start > pos and text[start - 1].isspace():
        start -= 1
    if start > pos and text[start - 1] in ";.,(":
        start -= 1
    return start


@dataclass(frozen=True)
class Task:
    title: str  # what a message names: "2.4. Lĩnh vực Thanh tra", or a table row's content
    span: Span  # where a finding about the task is reported: its heading, or its table row
    section: Section  # the numbered item it is, or holds its table
    lines: tuple[Line, ...]  # its own text
    kind: str  # "work" or "organisation" (the heading it sits under)
    lead: str | None  # how its lead is known: "named", "heading", "inherited", "table"; None: no lead
    parents: tuple[Section, ...] = ()  # the sections it sits in, outermost first
    lead_text: str | None = None  # a table row's lead cell, as written
    deadline_text: str | None = None  # a table row's deadline cell, as written


def lead_markers(doc: Document) -> tuple[LeadMarker, ...]:
    """Every lead-unit marker in the draft, in reading order."""
    return doc.derived("lead-markers", _find_markers)


def tasks(doc: Document) -> tuple[Task, ...]:
    """The draft's tasks in reading order, each with how its lead is known."""
    return doc.derived("tasks", _find_tasks)


# "chủ trì|tham mưu|thực hiện:|trách nhiệm:" ignoring case, written to start with a character class:
# ``re`` skips ahead to those characters only when the pattern starts with one.
_MARKER_HINT = regex.compile(
    r"[cCtT](?i:(?<=[cC])hủ\s+trì|(?<=[tT])ham\s+mưu|(?<=[tT])hực\s+hiện\s*:|(?<=[tT])rách(?:\s+nhiệm)?\s*:)"
)


def _find_markers(doc: Document) -> tuple[LeadMarker, ...]:
    found = []
    marker = patterns().marker
    for line in doc.lines:
        if line.kind in _SKIP or ":" not in line.text or not _MARKER_HINT.search(line.text):
            continue
        end = -1
        for m in marker.finditer(line.text):
            if end < m.end():  # else the field found for the marker before ends this one's value too
                field = _NEXT_FIELD.search(line.text, m.end())
                end = len(line.text) if field is None else _field_start(line.text, m.end(), field.start())
            value = line.text[m.end():end].rstrip(" \t.;")
            found.append(LeadMarker(line, line.sub_span(m.start(), m.end() + len(value)), m["label"], value,
                                    line.sub_span(m.end(), m.end() + len(value))))
    return tuple(found)


_SKIP = frozenset({LineKind.TABLE_ROW, LineKind.RECIPIENT, LineKind.NOINHAN, LineKind.SIGNER, LineKind.SIGNAME})


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.markers_by_line: dict[int, list[LeadMarker]] = {}
        for marker in lead_markers(doc):
            self.markers_by_line.setdefault(marker.line.span.start, []).append(marker)
        self.found: list[Task] = []

    # -- what a stretch of text names ------------------------------------------------------

    def names_marker(self, lines) -> bool:
        return any(m.usable for line in lines for m in self.markers_by_line.get(line.span.start, ()))

    def leads(self, lines, authoring_leads: bool = True):
        """For each lead unit the lines name, whether it is a collective (lazily: callers stop early)."""
        for line in lines:
            if line.kind not in _SKIP:
                for unit in iter_leads(line.text, authoring_leads):
                    yield unit.collective

    def names_lead(self, lines) -> bool:
        return next(self.leads(lines), None) is not None

    def names_specific_lead(self, lines, authoring_leads: bool = True) -> tuple[bool, bool]:
        """Whether the lines name a lead that is not a collective, and whether they name any."""
        named = False
        for collective in self.leads(lines, authoring_leads):
            named = True
            if not collective:
                return True, True
        return False, named

    def heading_names_unit(self, section: Section) -> bool:
        return heading_names_unit(section)

    # -- the walk --------------------------------------------------------------------------

    def walk(self, section: Section, kind: str, inherited: bool, parents: tuple[Section, ...] = ()) -> None:
        own = tuple(p for p in section.paragraphs if p.kind != LineKind.TABLE_ROW)
        rows = _table_rows(section.paragraphs)
        if self.heading_names_unit(section):
            inherited, how = True, "heading"
        else:
            how = "inherited" if inherited else None
        if section.children and all(_FIELD.match(child.title) for child in section.children):
            # "a) Nhiệm vụ: … b) Cơ quan thực hiện: … c) Thời gian thực hiện: …": one task in fields.
            own = own + tuple(line for child in section.walk() if child is not section
                              for line in (child.heading, *child.paragraphs) if line.kind != LineKind.TABLE_ROW)
            named = self.names_marker((section.heading, *own)) or self.names_lead((section.heading, *own))
            self.found.append(Task(_heading(section), section.heading.span, section, (section.heading, *own), kind,
                                   "named" if named else how, parents))
            return
        if not section.children:
            if not parents and not section.paragraphs:
                return  # a heading of tasks with nothing under it yet
            if rows:
                self.table_tasks(section, rows, kind, inherited, parents)
                return
            blocks = _task_blocks(own)
            if blocks:
                for block in blocks:
                    named = self.names_marker(block) or self.names_lead(block)
                    title = _BLOCK_START.sub("", block[0].text, count=1).lstrip("-+*• ")
                    self.found.append(Task(title, block[0].span, section, block, kind, "named" if named else how,
                                           (*parents, section)))
                return
            named = self.names_marker((section.heading, *own)) or self.names_lead((section.heading, *own))
            lead = "named" if named else how
            self.found.append(Task(_heading(section), section.heading.span, section, (section.heading, *own), kind,
                                   lead, parents))
            return
        if not inherited:
            specific, named = self.names_specific_lead((section.heading, *own))
            inherited = (self.names_marker((section.heading, *own)) or specific
                         or (kind == "organisation" and named) or self.closing_marker(section))
        if rows:
            self.table_tasks(section, rows, kind, inherited, parents)
        children = section.children
        for i, child in enumerate(children):
            following = children[i + 1] if i + 1 < len(children) else None
            if _repeated_heading(child, following):
                continue  # "1. Tuyên truyền …" then "1. Các Chi bộ …": one item written twice (NUM reports it)
            self.walk(child, kind, inherited, (*parents, section))

    def closing_marker(self, section: Section) -> bool:
        """A marker that closes a section of lettered items names the lead of all of it (in plain
        text it lands in the last item's paragraphs), when no other item has a marker of its own."""
        if not all(child.marker.style == "letter" for child in section.children):
            return False  # numbered items are tasks of their own: a marker after the last one is its own
        last = section
        while last.children:
            last = last.children[-1]
        if not last.paragraphs or not self.names_marker(last.paragraphs[-1:]):
            return False
        others = [s for s in section.walk() if s is not section]
        return not any(self.names_marker(s.paragraphs if s is not last else s.paragraphs[:-1]) for s in others)

    def table_tasks(self, section: Section, rows, kind: str, inherited: bool, parents) -> None:
        for row, content, lead_cell, deadline_cell in rows:
            if lead_cell is not None and _USABLE.search(_PLACEHOLDER.sub("", lead_cell)):
                lead = "table"
            else:
                lead = "inherited" if inherited else None
            title = content or row.text
            self.found.append(Task(title, row.span, section, (row,), kind, lead, (*parents, section), lead_cell,
                                   deadline_cell))


# The fields of one task written as lettered items: "a) Nhiệm vụ:", "b) Cơ quan thực hiện:", "c) Thời gian …:".
_FIELD = regex.compile(
    r"(?i)\A\s*+(?:nhiệm\s+vụ|nội\s+dung|(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:thực\s+hiện|chủ\s+trì|phối\s+hợp)"
    r"|thời\s+(?:gian|hạn)|tiến\s+độ|kinh\s+phí|sản\s+phẩm|kết\s+quả)[^:\n]{0,30}:"
)
_ASKED = regex.compile(r"\A[*_\s]*+(?:Đề\s+nghị|Giao|Yêu\s+cầu|Khuyến\s+khích)\s+", re.I)


# Tasks written as blocks of fields, unnumbered: "Nhiệm vụ: … / Cơ quan chủ trì: … / Thời gian: …".
_BLOCK_START = regex.compile(r"(?i)\A[-+*•\s]*+(?:tên\s+)?(?:nội\s+dung\s+)?nhiệm\s+vụ\s*+:\s*+")


def _task_blocks(lines) -> list[tuple[Line, ...]]:
    """The blocks of a section's own lines, each from a ``Nhiệm vụ:`` line to the next, or each
    from a bullet to the next where every bullet is followed by its fields (``- Tổ chức tập huấn …``
    / ``Đơn vị chủ trì: …`` / ``Thời gian thực hiện: …``); [] unless there are two blocks or more."""
    starts = [i for i, line in enumerate(lines) if _BLOCK_START.match(line.text)]
    if len(starts) < 2:
        # A block starts at the first bullet after the fields of the one before: bullets sharing
        # one set of fields are one task.
        starts, fields_seen = [], True
        for i, line in enumerate(lines):
            if line.kind in (LineKind.BULLET, LineKind.PLUS):
                if fields_seen:
                    starts.append(i)
                fields_seen = False
            elif starts and _FIELD_LINE.match(line.text):
                fields_seen = True
        if len(starts) < 2 or not fields_seen:
            return []  # fewer than two tasks, or bullets left without fields: content, not tasks
        return [tuple(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]
    return [tuple(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]


# A task's fields other than its lead ("- Cơ quan phối hợp: …", "Thời gian thực hiện: …"), and with it.
_OTHER_FIELDS = (r"(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+phối\s+hợp|thời\s+(?:gian|hạn)|tiến\s+độ|kinh\s+phí"
                 r"|sản\s+phẩm|kết\s+quả")
_OTHER_FIELD_LINE = regex.compile(rf"(?i)\A[-+*•\s]*+(?:{_OTHER_FIELDS})[^:\n]{{0,30}}:")
_FIELD_LINE = regex.compile(
    rf"(?i)\A[-+*•\s]*+(?:(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:chủ\s+trì|thực\s+hiện)|{_OTHER_FIELDS})[^:\n]{{0,30}}:"
)


def is_other_field(text: str) -> bool:
    """``- Thời gian hoàn thành: …``, ``Cơ quan phối hợp: …``: a field of a task that does not name its lead."""
    return bool(_OTHER_FIELD_LINE.match(text))


def heading_names_unit(section: Section) -> bool:
    """``1. Sở Tài chính``, ``4. Đề nghị Ủy ban Mặt trận Tổ quốc …``, ``5. Giao Công an tỉnh …``."""
    title = section.title
    m = _ASKED.match(title)
    return unit_at(title, m.end() if m else 0) is not None


def _heading(section: Section) -> str:
    return f"{section.marker.raw} {section.title}".strip()


def _repeated_heading(section: Section, following: Section | None) -> bool:
    return (following is not None and not section.paragraphs and not section.children
            and following.marker.number == section.marker.number)


def _find_tasks(doc: Document) -> tuple[Task, ...]:
    walker = _Walker(doc)
    from_preamble = walker.names_specific_lead(doc.preamble, authoring_leads=False)[0]
    for attached, sections in doc.top_level_groups():
        for section in sections:
            kind = task_section_kind(section.title, section.marker.style == "article")
            if kind is not None:
                walker.walk(section, kind, from_preamble)
    for part in doc.parts:
        if part.attached:
            _annex_tables(walker, part)
    return tuple(walker.found)


def _annex_tables(walker: _Walker, part) -> None:
    """The task tables of an annex after the signature ("PHỤ LỤC … DANH MỤC NHIỆM VỤ", a column
    ``Cơ quan chủ trì``): each row is a task, led by its lead cell."""
    rows = _table_rows(part.paragraphs)
    if rows:
        holder = Section(Marker("part", "", "", (), "", False, part.heading.span), 0, part.heading.text,
                         part.heading, part.paragraphs, (), part.heading.span)
        walker.table_tasks(holder, rows, "work", False, ())
    for section in (s for top in part.sections for s in top.walk()):
        rows = _table_rows(section.paragraphs)
        if rows:
            walker.table_tasks(section, rows, "work", False, ())


# Task tables: a header row with a lead-unit column ("| STT | Nội dung | Đơn vị chủ trì | Thời gian |").
_LEAD_COLUMN = regex.compile(r"(?i)\A\s*+(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)?\s*+(?:chủ\s+trì|thực\s+hiện|tham\s+mưu)\b")
_DEADLINE_COLUMN = regex.compile(r"(?i)\A\s*+(?:thời\s+(?:gian|hạn)|tiến\s+độ)")
_CONTENT_COLUMN = regex.compile(r"(?i)\A\s*+(?:nội\s+dung|(?:tên\s+)?nhiệm\s+vụ|công\s+việc|hoạt\s+động)")
_GROUP_NUMBER = regex.compile(r"\A\s*+(?:[IVXL]++|[A-H])\.?\s*+\Z")  # matched at 0 only


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def cell_spans(row: str) -> list[tuple[int, int]]:
    """The offsets of each cell's text (without its padding) in a table row ``| a | b |``."""
    bars = [i for i, ch in enumerate(row) if ch == "|"]
    spans = []
    for a, b in zip(bars, bars[1:]):
        cell = row[a + 1:b]
        lead = len(cell) - len(cell.lstrip())
        spans.append((a + 1 + lead, a + 1 + len(cell.rstrip()) if cell.strip() else a + 1 + lead))
    return spans


def is_deadline_column(header: str) -> bool:
    return bool(_DEADLINE_COLUMN.match(header))


def _table_rows(paragraphs) -> list[tuple[Line, str, str | None, str | None]]:
    """The data rows of the task tables among ``paragraphs``: (row, content, lead cell, deadline cell)."""
    result = []
    columns = None
    for line in paragraphs:
        if line.kind != LineKind.TABLE_ROW:
            columns = None
            continue
        cells = _cells(line.text)
        if columns is None:
            lead = next((i for i, c in enumerate(cells) if _LEAD_COLUMN.match(c) and "phối" not in c.lower()), None)
            if lead is not None:
                content = next((i for i, c in enumerate(cells) if _CONTENT_COLUMN.match(c)), None)
                deadline = next((i for i, c in enumerate(cells) if _DEADLINE_COLUMN.match(c)), None)
                columns = (content, lead, deadline)
            continue
        content_i, lead_i, deadline_i = columns
        if cells and _GROUP_NUMBER.match(cells[0]) or not any(cells):
            continue  # a group heading row ("| II | Nhóm nhiệm vụ về … | | |")

        def cell(i):
            return cells[i] if i is not None and i < len(cells) else None

        result.append((line, cell(content_i) or "", cell(lead_i), cell(deadline_i)))
    return result
