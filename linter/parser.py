"""Structure parsing: tagged logical lines → Lark LALR tree → Document model.

The grammar (grammar/draft.lark) is built once per process (from Lark's cache
after the first run). Tokens are fed one by one through a tolerant driver: a
token the LALR tables cannot take at that point is demoted to a body
paragraph, or dropped if even that does not fit, and recorded as unparsed.
The parser never raises on any input.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lark import Lark, Token, Tree
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

from . import tagger
from .numerals import letter_value, roman_value
from .model import (
    Addressees,
    Closing,
    Document,
    Header,
    Line,
    Marker,
    Part,
    Section,
    Span,
    Title,
    Unparsed,
)
from .normalise import Normalised, normalise
from .source import SourceText

_LEVEL = {tagger.ROMAN: 1, tagger.ARTICLE: 1, tagger.CAPITAL: 1, tagger.ARABIC: 2, tagger.DOTTED: 3, tagger.DOTTED3: 4, tagger.LETTER: 5}
_STYLE = {tagger.ROMAN: "roman", tagger.ARTICLE: "article", tagger.CAPITAL: "capital", tagger.ARABIC: "arabic", tagger.DOTTED: "dotted",
          tagger.DOTTED3: "dotted", tagger.LETTER: "letter"}


class _TokenLexer(Lexer):
    """The tokens are made by the tagger; Lark just receives them."""

    def __init__(self, lexer_conf) -> None:  # noqa: D401 - Lark's interface
        pass

    def lex(self, data):  # pragma: no cover - tokens are fed directly
        yield from data


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser, built once and cached in the user's own cache folder.

    Lark's default cache lives in the shared temporary folder under a predictable
    name and is unpickled on load, so it is not used.
    """
    from draftlint import grammar as grammar_package

    grammar = (Path(grammar_package.__file__).parent / "draft.lark").read_text(encoding="utf-8")
    cache = _cache_file(grammar)
    return Lark(grammar, parser="lalr", lexer=_TokenLexer, strict=True, cache=cache or False)


def _cache_file(grammar: str) -> str | None:
    import hashlib
    import os
    import sys

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "draftlint")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.stat(folder).st_uid != os.getuid():
            return None
    except (OSError, AttributeError):
        return None
    digest = hashlib.sha256(grammar.encode()).hexdigest()[:16]
    return os.path.join(folder, f"grammar-{digest}-py{sys.version_info[0]}{sys.version_info[1]}.lark")


class _Driver:
    """Feeds tokens to the LALR parser, demoting those that do not fit."""

    def __init__(self, parser: Lark) -> None:
        self.interactive = parser.parse_interactive()
        self.state = self.interactive.parser_state
        self.states = self.state.parse_conf.states
        self.end_state = self.state.parse_conf.end_state

    def accepts(self, kind: str) -> bool:
        """Would the parser take this terminal now? Simulates reductions on a copy of the stack."""
        stack = list(self.state.state_stack)
        states = self.states
        while True:
            action = states[stack[-1]].get(kind)
            if action is None:
                return False
            what, arg = action
            if what is Shift:
                return True
            size = len(arg.expansion)
            if size:
                del stack[-size:]
            goto = states[stack[-1]].get(arg.origin.name)
            if goto is None:
                return False
            stack.append(goto[1])
            if goto[1] == self.end_state:
                return True

    def feed(self, token: Token) -> None:
        self.state.feed_token(token)

    def finish(self) -> Tree:
        return self.interactive.feed_eof()


def parse_source(source: SourceText, path: str = "-", vocabulary=None) -> tuple[Document, Normalised]:
    """Parse decoded text into the document model (never raises on any text).

    ``vocabulary`` holds the document types and issuers citations are read against
    (the built-in tables, extended by the configuration).
    """
    norm = normalise(source)
    texts = [line.text for line in norm.lines]
    kinds = tagger.zone([line.kind for line in norm.lines], texts)
    lines = []
    for index, (logical, kind) in enumerate(zip(norm.lines, kinds)):
        start = norm.line_starts[index]
        lines.append(Line(kind, logical.text, Span(start, start + len(logical.text)), logical.first_line + 1))

    driver = _Driver(grammar_parser())
    unparsed: list[Unparsed] = []
    placed: dict[int, Line] = {}
    for index, line in enumerate(lines):
        kind = line.kind
        if not driver.accepts(kind):
            fallback = tagger.BODY if driver.accepts(tagger.BODY) else None
            unparsed.append(Unparsed(line, kind))
            if fallback is None:
                continue
            line = Line(fallback, line.text, line.span, line.first_line)
            lines[index] = line
            kind = fallback
        placed[index] = line
        driver.feed(Token(kind, line.text, start_pos=index, line=line.first_line, column=1))
    if not driver.accepts("$END"):
        # Cannot happen with this grammar (every prefix that parsed can end), but stay safe.
        tree = Tree("start", [])
    else:
        tree = driver.finish()
    if vocabulary is None:
        from .data import vocabulary as built_in

        vocabulary = built_in()
    doc = _Builder(lines, path, norm.text, source.text).build(tree, tuple(unparsed), vocabulary)
    return doc, norm


class _Builder:
    """Lark tree → Document."""

    def __init__(self, lines: list[Line], path: str, text: str, source: str = "") -> None:
        self.source = source
        self.lines = lines
        self.path = path
        self.text = text

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
            source=self.source,
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
            if kind == tagger.AGENCY:
                fields["agency"].append(line)
            elif kind == tagger.SUBJECT:
                fields["subject"].append(line)
            else:
                name = {tagger.NATION: "national_title", tagger.MOTTO: "motto",
                        tagger.DOCNUM: "number", tagger.PLACEDATE: "place_date"}[kind]
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
        match = tagger.match_marker(heading.text)
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

    def marker(self, match: tagger.MarkerMatch, heading: Line) -> Marker:
        kind = match.kind
        number = match.number
        if kind == tagger.ROMAN:
            parts: tuple[int, ...] = (roman_value(number),)
        elif kind == tagger.ARTICLE:
            parts = (int(number.split()[-1]),)
        elif kind == tagger.CAPITAL:
            parts = (ord(number) - ord("A") + 1,)
        elif kind == tagger.LETTER:
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
                if child.type == tagger.NOINHAN:
                    heading = line
                elif child.type == tagger.RECIPIENT:
                    recipients.append(line)
                elif child.type == tagger.SIGNER:
                    signer.append(line)
                elif child.type == tagger.SIGNAME and name is None:
                    name = line

        visit(tree)
        return Closing(heading, tuple(recipients), tuple(signer), name)
