"""Structure parsing: tagged logical lines → LALR tree → Document model.

The grammar (grammar/draft.lark) is compiled by Lark into LALR tables, shipped as
grammar/draft.tables.json (see draftlint.front.lalr). Tokens are fed one by one through
a tolerant driver: a token the tables cannot take at that point is demoted to a
body paragraph, or dropped if even that does not fit, and recorded as unparsed.
The parser never raises on any input. A section's marker is built from the one the
tagger read on its heading line, which comes with the logical line.
"""

from __future__ import annotations

from . import tagger
from .lalr import Parser, Token, Tree, tables
from .tagger import MarkerMatch
from ..text.numerals import letter_value, roman_value
from ..model import (
    Addressees,
    Closing,
    Document,
    Header,
    Line,
    LineKind,
    Marker,
    Part,
    Section,
    Span,
    Title,
    Unparsed,
)
from .offsets import SourceMap

_LEVEL = {LineKind.ROMAN: 1, LineKind.ARTICLE: 1, LineKind.CAPITAL: 1, LineKind.ARABIC: 2, LineKind.DOTTED: 3,
          LineKind.DOTTED_DEEP: 4, LineKind.LETTER: 5}
_STYLE = {LineKind.ROMAN: "roman", LineKind.ARTICLE: "article", LineKind.CAPITAL: "capital", LineKind.ARABIC: "arabic",
          LineKind.DOTTED: "dotted", LineKind.DOTTED_DEEP: "dotted", LineKind.LETTER: "letter"}


def parse(lines: list[Line], markers: list[MarkerMatch | None], text: str, path: str, vocabulary,
          source_map: SourceMap, auto_numbered: frozenset[int] = frozenset()) -> Document:
    """The Document of the tagged logical lines of ``text`` (the normalised text), never raising
    on any lines; ``markers`` holds each line's heading marker as the tagger read it. The other
    arguments are carried into the Document as they are."""
    driver = Parser(tables())
    unparsed: list[Unparsed] = []
    for index, line in enumerate(lines):
        kind = line.kind
        if not driver.accepts(kind):
            fallback = LineKind.BODY if driver.accepts(LineKind.BODY) else None
            unparsed.append(Unparsed(line, kind))
            if fallback is None:
                continue
            line = Line(fallback, line.text, line.span, line.first_line)
            lines[index] = line
            kind = fallback
        driver.feed(Token(kind, line.text, index))
    if not driver.accepts("$END"):
        # Cannot happen with this grammar (every prefix that parsed can end), but stay safe.
        tree = Tree("start", [])
    else:
        tree = driver.finish()
    return _Builder(lines, markers, path, text, source_map, auto_numbered).build(tree, tuple(unparsed), vocabulary)


class _Builder:
    """Lark tree → Document."""

    def __init__(self, lines: list[Line], markers: list[MarkerMatch | None], path: str, text: str,
                 source_map: SourceMap, auto_numbered: frozenset[int]) -> None:
        self.lines = lines
        self.markers = markers  # each heading's marker as the tagger read it
        self.path = path
        self.text = text
        self.source_map = source_map
        self.auto_numbered = auto_numbered

    def line(self, token: Token) -> Line:
        return self.lines[token.start_pos]

    def build(self, tree: Tree, unparsed: tuple[Unparsed, ...], vocabulary) -> Document:
        header = Header()
        title = None
        preamble: tuple[Line, ...] = ()
        sections: tuple[Section, ...] = ()
        conclusion: tuple[Line, ...] = ()
        closing = None
        parts: list[Part] = []
        for child in tree.children:
            if not isinstance(child, Tree):
                continue
            if child.data == "header":
                header = self.header(child)
            elif child.data == "title":
                title = self.title(child)
            elif child.data == "preamble":
                preamble = tuple(self.line(t) for t in child.children)
            elif child.data == "sections":
                sections = tuple(self.section(s) for s in child.children)
            elif child.data == "conclusion":
                conclusion = tuple(self.line(t) for t in child.children)
            elif child.data == "closing":
                closing = self.closing(child)
            elif child.data == "part":
                parts.append(self.part(child))
        header_lines = [*header.agency, header.national_title, header.number]
        is_party = any(line is not None and "ĐẢNG CỘNG SẢN VIỆT NAM" in line.text.upper() for line in header_lines)
        return Document(
            path=self.path,
            text=self.text,
            lines=tuple(self.lines),
            header=header,
            title=title,
            preamble=preamble,
            sections=sections,
            conclusion=conclusion,
            closing=closing,
            parts=tuple(parts),
            unparsed=unparsed,
            is_party=is_party,
            vocabulary=vocabulary,
            source_map=self.source_map,
            auto_numbered=self.auto_numbered,
        )

    def part(self, tree: Tree) -> Part:
        heading, *rest = tree.children
        line = self.line(heading)
        paragraphs = tuple(self.line(t) for t in rest if not isinstance(t, Tree))
        sections = tuple(self.section(s) for t in rest if isinstance(t, Tree) for s in t.children)
        attached = line.text.upper().startswith("PHỤ LỤC") or tagger.is_type_title(line.text)
        return Part(line, paragraphs, sections, attached)

    def header(self, tree: Tree) -> Header:
        fields: dict = {"agency": [], "subject": []}
        for child in tree.children:
            if isinstance(child, Tree):
                fields["addressees"] = self.addressees(child)
                continue
            line = self.line(child)
            kind = child.type
            if kind == LineKind.AGENCY:
                fields["agency"].append(line)
            elif kind == LineKind.SUBJECT:
                fields["subject"].append(line)
            else:
                name = {LineKind.NATION: "national_title", LineKind.MOTTO: "motto",
                        LineKind.DOCNUM: "number", LineKind.PLACEDATE: "place_date"}[kind]
                fields.setdefault(name, line)
        fields["agency"] = tuple(fields["agency"])
        fields["subject"] = tuple(fields["subject"])
        return Header(**fields)

    def addressees(self, tree: Tree) -> Addressees:
        heading, *items = tree.children
        return Addressees(self.line(heading), tuple(self.line(t) for t in items))

    def title(self, tree: Tree) -> Title:
        line = self.line(tree.children[0])
        summary = None
        addressees = None
        for child in tree.children[1:]:
            if isinstance(child, Tree):
                addressees = self.addressees(child)
            else:
                summary = self.line(child)
        return Title(line, summary, addressees)

    def section(self, tree: Tree) -> Section:
        head_token = tree.children[0]
        heading = self.line(head_token)
        match = self.markers[head_token.start_pos]
        assert match is not None and match.kind == head_token.type, heading.text
        marker = self.marker(match, heading)
        paragraphs = []
        children = []
        for child in tree.children[1:]:
            if isinstance(child, Tree):
                children.append(self.section(child))
            else:
                paragraphs.append(self.line(child))
        last = children[-1].span.end if children else (paragraphs[-1].span.end if paragraphs else heading.span.end)
        title = heading.text[match.title_start:]
        return Section(
            marker=marker,
            level=_LEVEL[head_token.type],
            title=title,
            heading=heading,
            paragraphs=tuple(paragraphs),
            children=tuple(children),
            span=Span(heading.span.start, last),
        )

    def marker(self, match: MarkerMatch, heading: Line) -> Marker:
        kind = match.kind
        number = match.number
        if kind == LineKind.ROMAN:
            parts: tuple[int, ...] = (roman_value(number),)
        elif kind == LineKind.ARTICLE:
            parts = (int(number.split()[-1]),)
        elif kind == LineKind.CAPITAL:
            parts = (ord(number) - ord("A") + 1,)
        elif kind == LineKind.LETTER:
            parts = (letter_value(number),)
        else:
            parts = tuple(int(p) for p in number.split("."))
        return Marker(
            style=_STYLE[kind],
            raw=match.raw,
            number=number,
            parts=parts,
            separator=match.separator,
            spaced=bool(match.space),
            span=heading.sub_span(0, len(match.raw)),
        )

    def closing(self, tree: Tree) -> Closing:
        heading = None
        recipients: list[Line] = []
        signer: list[Line] = []
        name = None

        def visit(node: Tree) -> None:
            nonlocal heading, name
            for child in node.children:
                if isinstance(child, Tree):
                    visit(child)
                    continue
                line = self.line(child)
                if child.type == LineKind.NOINHAN:
                    heading = line
                elif child.type == LineKind.RECIPIENT:
                    recipients.append(line)
                elif child.type == LineKind.SIGNER:
                    signer.append(line)
                elif child.type == LineKind.SIGNAME and name is None:
                    name = line

        visit(tree)
        return Closing(heading, tuple(recipients), tuple(signer), name)
