"""The front end in one call: decoded text → logical lines → tagged lines → the Document."""

from __future__ import annotations

from . import tagger
from ..model import Document, Line, Span
from .normalise import Normalised, normalise
from .offsets import SourceMap
from .parser import parse
from .source import SourceText


def read_document(text: str, path: str = "-", vocabulary=None,
                  auto_numbered: frozenset[int] = frozenset()) -> Document:
    """The Document of a decoded text, with its source map (never raises on any text).

    ``vocabulary`` holds the document types and issuers citations are read against (the built-in
    tables, extended by the configuration); ``auto_numbered``, for a Word draft, the lines whose
    marker its automatic numbering wrote.
    """
    source = SourceText(text)
    norm = normalise(source)
    if vocabulary is None:
        from ..extract.vocabulary import vocabulary as built_in

        vocabulary = built_in()
    markers = [logical.marker for logical in norm.lines]
    return parse(_tagged_lines(norm), markers, norm.text, path, vocabulary, SourceMap(source, norm.offsets),
                 auto_numbered)


def _tagged_lines(norm: Normalised) -> list[Line]:
    """The logical lines as the model holds them, each with its kind read in context."""
    kinds = tagger.zone([line.kind for line in norm.lines], [line.text for line in norm.lines])
    lines = []
    for index, (logical, kind) in enumerate(zip(norm.lines, kinds)):
        start = norm.line_starts[index]
        lines.append(Line(kind, logical.text, Span(start, start + len(logical.text)), logical.first_line + 1))
    return lines
