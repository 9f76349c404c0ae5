"""The engine: runs the rules a configuration's policy selects over a parsed document, and maps
their findings to file positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config, ConfigError
from ..model import Span
from ..rule import Finding, FoundEdit, FoundFix, Rule, Violation
from ..front.source import InputError, SourceText, read_path, read_stdin
from .discover import STDIN
from .policy import Overrides, Policy


@dataclass
class Settings:
    """What the engine holds for the files under one configuration."""

    policy: Policy
    vocabulary: object  # extract.vocabulary.Vocabulary: built-in document types and issuers plus the configuration's


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    input_error: bool = False
    reason: str = ""  # why the input could not be read
    text: str | None = None  # the text the findings' offsets point into (the HTML report shows it)
    locations: list | None = None  # for a Word file, each line's model.Location: its paragraph or table row
    not_written: str = ""  # why --fix left the file as it was (read-only, changed meanwhile…)


class Engine:
    def __init__(self, rules: dict[str, type[Rule]], overrides: Overrides) -> None:
        self.rules = rules
        self.overrides = overrides
        # Keyed by identity; the configuration is kept alongside so its id stays its own.
        self._settings: dict[int, tuple[Config, Settings]] = {}

    def settings(self, config: Config) -> Settings:
        """Raises ConfigError for a configuration that is invalid, selects nothing, or names a
        lexicon that cannot be read."""
        cached = self._settings.get(id(config))
        if cached is not None:
            return cached[1]
        policy = Policy(self.rules, config, self.overrides)
        from ..extract.vocabulary import vocabulary

        words = vocabulary().extended(config.document_types, config.issuers, config.acronyms)
        if config.lexicon is not None or config.word_list is not None:
            from .learn import Lexicon, LexiconError, load, word_list_pairs

            try:
                lexicon = load(config.lexicon) if config.lexicon is not None else Lexicon()
                pairs = word_list_pairs(config.word_list) if config.word_list else None
            except LexiconError as exc:
                raise ConfigError(key="lexicon_unreadable", where=config.path, path=exc.path, detail=exc.reason) from None
            words = words.with_lexicon(lexicon, pairs)
        settings = Settings(policy, words)
        self._settings[id(config)] = (config, settings)
        return settings

    def policy(self, config: Config) -> Policy:
        return self.settings(config).policy

    def lint_file(self, path: str, config: Config, display: str | None = None) -> FileResult:
        display = display or path
        if path != STDIN and path.lower().endswith((".docx", ".doc")):
            return self.lint_docx(path, config, display)
        try:
            text = read_stdin() if path == STDIN else read_path(path)
        except InputError as error:
            return self.input_error(display, config, error)
        return self.lint_text(text, display, config)

    def lint_docx(self, path: str, config: Config, display: str) -> FileResult:
        from ..front.docx import read_docx

        try:
            document = read_docx(path)
        except InputError as error:
            return self.input_error(display, config, error)
        return self.lint_document(document, display, config)

    def lint_document(self, document, display: str, config: Config) -> FileResult:
        """A Word draft (docx.DocxText): its text linted like any draft, each finding located by
        paragraph (or table row and cell) as Word shows it."""
        from dataclasses import replace

        result = self.lint_text(document.text, display, config, document.numbered, document.suppressions)
        located = [replace(f, location=document.location(f.line, f.start, f.end)) for f in result.findings]
        return FileResult(display, located, text=document.text, locations=list(document.locations))

    def input_error(self, display: str, config: Config, error: InputError) -> FileResult:
        """INP001 for a file that could not be read (no finding when INP001 is deselected)."""
        policy = self.policy(config)
        reason = error.reason(policy.lang)
        rule = self.rules["INP001"]
        if not policy.enabled(rule.code):
            return FileResult(display, [], input_error=True, reason=reason)
        message = rule(None).message(Violation(Span(0, 0), args={"reason": reason}), policy.lang)
        finding = Finding(display, rule.code, rule.name, policy.severities[rule.code], message, 1, 1, 1, 1)
        return FileResult(display, [finding], input_error=True, reason=reason)

    def lint_text(self, text: str, display: str, config: Config, auto_numbered: frozenset[int] = frozenset(),
                  comments: tuple = ()) -> FileResult:
        """``auto_numbered``: for a Word draft, the lines whose marker its automatic numbering wrote;
        ``comments``: its suppression comments."""
        from ..front.pipeline import read_document

        settings = self.settings(config)
        policy = settings.policy
        doc = read_document(text, display, settings.vocabulary, auto_numbered)
        original = doc.source_map.original  # a rule's span, or a SourceRule's, in the original text
        source = doc.source_map.source
        findings: list[Finding] = []
        fingerprint = _Fingerprints(source)
        # The parser could not place these lines: their fixes are not offered (the region's meaning is unsure).
        unplaced = sorted(original(u.line.span) for u in doc.unparsed)
        unplaced_starts = [a for a, _ in unplaced]

        for rule in policy.rules:
            severity = policy.severities[rule.code]
            for violation in rule.check(doc):
                start, end = original(violation.span)
                line, column = source.line_col(start)
                end_line, end_column = source.line_col(end)
                fix = None
                if violation.fix is not None:
                    edits = []
                    for edit in violation.fix.edits:
                        a, b = original(edit.span)
                        edits.append(FoundEdit(a, b, edit.content, *source.line_col(a), *source.line_col(b)))
                    fix = FoundFix(tuple(edits), violation.fix.safe)
                    if any(_overlaps(unplaced, unplaced_starts, e.start, e.end) for e in edits):
                        fix = None
                findings.append(Finding(
                    path=display,
                    code=rule.code,
                    name=rule.name,
                    severity=severity,
                    message=rule.message(violation, policy.lang),
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    fix=fix,
                    start=start,
                    end=end,
                    fingerprint=fingerprint(rule.code, start, end),
                ))
        findings.sort(key=Finding.sort_key)
        return FileResult(display, policy.suppressed(findings, text, display, source, comments), text=text)


def _overlaps(regions: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) meets one of the sorted, disjoint regions."""
    import bisect

    i = bisect.bisect_left(starts, end) - 1  # the last region starting before the end
    return i >= 0 and regions[i][1] > start


_LONG_LINE = 4096  # characters: a fingerprint holds a longer line by its hash, so each finding on it costs little


class _Fingerprints:
    """A finding's identity for a baseline: its code, the text it is about and the rest of its
    line(s), spaces collapsed; not its line number, so an inserted line above does not change it.
    Lines end where ``SourceText`` ends them (a lone CR too); each is collapsed once."""

    def __init__(self, source: SourceText):
        self.source = source
        self.lines: dict[tuple[int, int], str] = {}

    def __call__(self, code: str, start: int, end: int) -> str:
        source, text = self.source, self.source.text
        first, last = source.line_index(start), source.line_index(end)
        line = self.lines.get((first, last))
        if line is None:
            line = " ".join(text[source.line_start(first):source.line_end(last)].split())
            if len(line) > _LONG_LINE:
                line = _sha1(line.encode("utf-8")).hexdigest()
            self.lines[first, last] = line
        key = "\0".join((code, " ".join(text[start:end].split()), line))
        return _sha1(key.encode("utf-8")).hexdigest()[:16]


def _sha1(data: bytes):
    try:  # the built-in module: hashlib would load OpenSSL first, a few milliseconds at every start
        from _sha1 import sha1
    except ImportError:
        from hashlib import sha1
    return sha1(data)
