"""What a rule is: metadata plus one ``check`` function over the document model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, ClassVar, Iterable, Iterator

from .model import Document, Location, SourceSpan, Span

LANGS = ("vi", "en")


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` with ``content``: a ``Span`` of the normalised text, or a ``SourceSpan``
    of the text as written, as its rule reads (see ``SourceRule``)."""

    span: Span | SourceSpan
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """How to mend a finding: its edits, and whether applying them is safe (``--fix``) or only
    likely (``--unsafe-fixes``)."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: where (a ``Span``, or a ``SourceSpan`` from a ``SourceRule``), which
    message, and the values for its template."""

    span: Span | SourceSpan
    variant: str = "default"
    args: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None


@dataclass(frozen=True)
class Option:
    default: Any
    help_vi: str
    help_en: str


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: "FoundFix | None" = None
    start: int = 0  # the finding's offsets into the decoded original text
    end: int = 0
    location: Location | None = None  # in a Word file: its paragraph, or table row and cell (line and column are of its text)
    fingerprint: str = ""  # what the finding is about, not where: survives edits elsewhere (baselines)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True, slots=True)
class FoundEdit:
    start: int  # offsets into the decoded original text
    end: int
    content: str
    line: int  # where, as a finding reports it
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class FoundFix:
    edits: tuple[FoundEdit, ...]
    safe: bool


def quote(text: str, limit: int = 60) -> str:
    """The offending text as a message quotes it: one line, shortened in the middle of nothing.
    Only the start of the text is read, however long it is (a word of a thousand letters)."""
    out, space = [], False
    size = 0
    for m in re.finditer(r"\s+|\S{1,%d}" % (limit + 1), text):
        piece = m.group()
        if piece[0].isspace():
            space = size > 0
            continue
        if space:
            out.append(" ")
            size += 1
            space = False
        out.append(piece)
        size += len(piece)
        if size > limit:
            break
    text = "".join(out)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


class Rule:
    """Base class of every rule; subclasses set the metadata and implement ``check``.

    ``messages`` maps a variant name to its templates, e.g.
    ``{"default": {"vi": "…{text}…", "en": "…{text}…"}}``. ``summary`` and
    ``rationale`` (``{"vi": …, "en": …}``), ``bad`` and ``good`` (example drafts)
    make the documentation that ``draftlint explain`` prints (``draftlint.docs`` renders
    it, and ``reports``, for every place); the test suite runs every rule on its own examples.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity]
    default_enabled: ClassVar[bool] = True
    # Why a rule is off by default when its figure on the corpus alone does not say it ({"vi", "en"}).
    off_reason: ClassVar[dict[str, str] | None] = None
    fixable: ClassVar[bool] = False
    fix_safety: ClassVar[str] = "safe"  # of a fixable rule's fixes: "safe", "unsafe" or "both" (by case)
    options: ClassVar[dict[str, Option]] = {}
    example_options: ClassVar[dict[str, Any]] = {}  # the options ``bad`` and ``good`` are linted with
    example_numbered: ClassVar[dict[str, frozenset[int]]] = {}  # for a Word-only rule: the examples' numbered lines
    messages: ClassVar[dict[str, dict[str, str]]]
    summary: ClassVar[dict[str, str]]
    # What is reported, and what is not, in English: the "checks" column of the README's rule table.
    reports: ClassVar[str | None] = None
    rationale: ClassVar[dict[str, str]]
    bad: ClassVar[str]
    good: ClassVar[str]

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        values = {name: opt.default for name, opt in self.options.items()}
        values.update(options or {})
        self.config = values

    def check(self, doc: Document) -> Iterable[Violation]:  # pragma: no cover - abstract
        raise NotImplementedError

    def violation(self, span: Span | SourceSpan, variant: str = "default", *, fix: Fix | None = None,
                  **args: Any) -> Violation:
        return Violation(span, variant, args, fix)

    def message(self, violation: Violation, lang: str) -> str:
        """The message in ``lang``; an argument given as ``{"vi": …, "en": …}`` is taken in that language."""
        template = self.messages[violation.variant][lang]
        args = {k: v[lang] if isinstance(v, dict) else v for k, v in violation.args.items()}
        return template.format(**args)


class SourceRule(Rule):
    """A rule that reads the draft as it was written, ``Document.source`` (decoded, before the
    normaliser joins wrapped lines, composes letters and trims spaces): the Unicode checks. Its
    violations' spans and its fixes' edits are ``SourceSpan``s into that text, which the engine
    reports as they are; a ``Rule``'s are ``Span``s of ``Document.text``, mapped back."""


def rule_classes(namespace: dict) -> Iterator[type[Rule]]:
    """The rule classes a module defines (used by the registry)."""
    for value in namespace.values():
        if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and hasattr(value, "code"):
            yield value
