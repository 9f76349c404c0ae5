"""The document model: typed and immutable. Rules read only this (and, later, the extractors).

A ``Span`` is a pair of offsets into ``Document.text`` (the normalised text, logical lines
joined by newlines); a ``SourceSpan`` is a pair of offsets into ``Document.source`` (the text
as written), for the rules that read that. The engine maps both back to the original file's
line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Offsets:
    """A start and an end offset, the end not before the start."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Span(_Offsets):
    """Offsets into the normalised text, ``Document.text``."""


@dataclass(frozen=True, slots=True)
class SourceSpan(_Offsets):
    """Offsets into the text as written, ``Document.source`` (see ``rule.SourceRule``)."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where text of a Word draft stands, numbered from 1 as Word shows it: a body paragraph, or a
    table's row (and its cell, when the text lies in one). Reporters put it into words."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def as_dict(self) -> dict[str, int]:
        """The numbers it has, as JSON and SARIF carry them: ``{"paragraph": 12}``, ``{"table": 2, "row": 3}``."""
        return {k: v for k, v in (("paragraph", self.paragraph), ("table", self.table), ("row", self.row),
                                  ("cell", self.cell)) if v is not None}


class LineKind:
    """The kinds of logical lines (``Line.kind``). The line tagger gives every line one; each is also
    the name of a terminal of grammar/draft.lark, which arranges them into the structure.

    A namespace of plain strings rather than an Enum: a kind is the grammar's terminal name as it
    is, and the class costs nothing to import.
    """

    NATION = "NATION"
    MOTTO = "MOTTO"
    DOCNUM = "DOCNUM"
    SUBJECT = "SUBJECT"
    KINHGUI = "KINHGUI"
    ADDRESSEE = "ADDRESSEE"
    PLACEDATE = "PLACEDATE"
    AGENCY = "AGENCY"
    TITLE = "TITLE"
    SUMMARY = "SUMMARY"
    ROMAN = "ROMAN"
    ARTICLE = "ARTICLE"
    PART = "PART"
    CAPITAL = "CAPITAL"  # "A. NHIỆM VỤ CHUNG" inside a Roman part
    ARABIC = "ARABIC"
    DOTTED = "DOTTED"  # a number of two parts: "1.2."
    DOTTED_DEEP = "DOTTED_DEEP"  # of three or four parts: "1.2.3.", "1.2.3.4."
    LETTER = "LETTER"
    BULLET = "BULLET"
    PLUS = "PLUS"
    LEAD = "LEAD"
    FOOTNOTE = "FOOTNOTE"
    TABLE_ROW = "TABLE_ROW"
    CAPS = "CAPS"
    BODY = "BODY"
    ENDTEXT = "ENDTEXT"
    NOINHAN = "NOINHAN"
    RECIPIENT = "RECIPIENT"
    SIGNER = "SIGNER"
    SIGNAME = "SIGNAME"

    HEADINGS = frozenset({ROMAN, ARTICLE, CAPITAL, ARABIC, DOTTED, DOTTED_DEEP, LETTER})
    # Lines laid out rather than written: the header, the date line, the recipients and signature.
    # Their spacing, capitals and abbreviations follow the layout, not the rules of running text.
    LAYOUT = frozenset({NATION, MOTTO, DOCNUM, PLACEDATE, AGENCY, SIGNER, SIGNAME, RECIPIENT, NOINHAN})
    # Kinds that always start a new logical line (the normaliser never joins into them).
    BLOCKS = HEADINGS | {
        PART, NATION, MOTTO, DOCNUM, SUBJECT, KINHGUI, PLACEDATE, TITLE, BULLET, PLUS, LEAD, FOOTNOTE, TABLE_ROW,
        NOINHAN,
    }


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line: a paragraph, heading, bullet, header or closing line."""

    kind: str  # one of LineKind
    text: str
    span: Span
    first_line: int  # 1-based line in the original file where it starts

    def sub_span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return Span(self.span.start + start, self.span.start + end)


@dataclass(frozen=True, slots=True)
class Marker:
    """A section's number as written: ``II.``, ``1.``, ``6.5.``, ``a)``."""

    style: str  # "roman", "article" (Điều 1.), "capital" (A. inside a Roman part), "arabic", "dotted", "letter"
    raw: str  # the marker as written, e.g. "6.5."
    number: str  # the numeral without separators, e.g. "6.5", "II", "a"
    parts: tuple[int, ...]  # numeric value: (6, 5); roman II -> (2,); letter đ -> (5,)
    separator: str  # ".", ")", "-", ":", "/" or "" (dotted without a final dot)
    spaced: bool  # a space separates the marker from the title
    span: Span

    @property
    def value(self) -> int:
        return self.parts[-1]


@dataclass(frozen=True, slots=True)
class Section:
    marker: Marker
    level: int  # 1 roman, article or capital, 2 arabic, 3 dotted x.y, 4 dotted x.y.z (or x.y.z.w), 5 letter
    title: str
    heading: Line
    paragraphs: tuple[Line, ...]
    children: tuple["Section", ...]
    span: Span

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Part:
    """A division above the Roman level (Phần thứ hai, Chương I, A. …), or the start of an
    attached document (PHỤ LỤC, or a QUY CHẾ after the closing).

    Section numbering starts again inside each part; article numbering (Điều) runs on
    through the divisions of one document and starts again in an attached one.
    """

    heading: Line
    paragraphs: tuple[Line, ...]
    sections: tuple[Section, ...]
    attached: bool  # starts an attached document or appendix

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()


@dataclass(frozen=True)
class Header:
    agency: tuple[Line, ...] = ()
    national_title: Line | None = None
    motto: Line | None = None
    number: Line | None = None
    place_date: Line | None = None
    subject: tuple[Line, ...] = ()  # "V/v …" of a công văn
    addressees: "Addressees | None" = None


@dataclass(frozen=True)
class Addressees:
    heading: Line  # "Kính gửi: …"
    items: tuple[Line, ...]


@dataclass(frozen=True)
class Title:
    line: Line  # "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    summary: Line | None
    addressees: Addressees | None = None


@dataclass(frozen=True)
class Closing:
    recipients_heading: Line | None  # "Nơi nhận:"
    recipients: tuple[Line, ...]
    signer: tuple[Line, ...]  # "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    signer_name: Line | None


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A line the structure grammar could not place (reported as INP002)."""

    line: Line
    expected_kind: str  # what the tagger took it for


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    lines: tuple[Line, ...]
    header: Header
    title: Title | None
    preamble: tuple[Line, ...]
    sections: tuple[Section, ...]
    conclusion: tuple[Line, ...]
    closing: Closing | None
    parts: tuple[Part, ...] = ()
    unparsed: tuple[Unparsed, ...] = field(default=())
    is_party: bool = False  # a Party document (ĐẢNG CỘNG SẢN VIỆT NAM)
    vocabulary: Any = field(default=None, compare=False, repr=False)  # extract.vocabulary.Vocabulary: types and issuers
    source_map: Any = field(kw_only=True, compare=False, repr=False)  # front.offsets.SourceMap: to the text as written
    auto_numbered: frozenset[int] = field(default=frozenset(), compare=False, repr=False)  # Word's numbered lines
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source(self) -> str:
        """The text as written (decoded, before normalising), which a ``SourceSpan`` points into."""
        return self.source_map.source.text

    def walk_sections(self) -> Iterator[Section]:
        """Every section, depth first: the body's, then each part's."""
        for section in self.sections:
            yield from section.walk()
        for part in self.parts:
            yield from part.walk()

    def top_level_groups(self) -> Iterator[tuple[bool, tuple[Section, ...]]]:
        """The top-level sections of the body and of each part (where numbering starts afresh),
        each with whether it starts an attached document."""
        yield False, self.sections
        for part in self.parts:
            yield part.attached, part.sections

    def derived(self, name: str, compute: Callable[["Document"], T]) -> T:
        """What ``compute`` derives from this document, computed once and shared by every rule."""
        try:
            return self._derived[name]
        except KeyError:
            value = self._derived[name] = compute(self)
            return value
