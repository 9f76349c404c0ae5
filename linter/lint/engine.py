"""The engine: selects rules, runs them over a parsed document, maps findings to file positions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..config import Config, ConfigError, validate
from ..i18n import os_error, t
from ..model import Span
from ..rule import Finding, FoundEdit, FoundFix, Rule, Severity, Violation
from ..front.source import InputError, SourceText, read_path, read_stdin

STDIN = "-"


def _matches(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix that selects ``code`` (0: none). "ALL" counts as length 1."""
    best = 0
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 1)
        elif code.startswith(prefix):
            best = max(best, len(prefix) + 1)
    return best


def resolve_selection(
    rules: dict[str, type[Rule]],
    layers: Sequence[tuple[Sequence[str] | None, Sequence[str], Sequence[str]]],
) -> set[str]:
    """Enabled codes after applying (select, extend-select, ignore) layers in order: configuration,
    then command line.

    A layer's ``select`` replaces the selection, its ``extend-select`` adds to it, its ``ignore``
    removes from it. Within a layer the more specific prefix wins (``select = ["NUM"]``,
    ``ignore = ["NUM0"]``, ``select`` of ``NUM001`` keeps NUM001 on). "ALL" means every rule that
    is on by default; a rule that is off by default is turned on by naming its code or a prefix of it.
    """
    enabled = {code for code, rule in rules.items() if rule.default_enabled}
    for select, extend, ignore in layers:
        chosen = set()
        for code, rule in rules.items():
            s, i = _matches(code, (*(select or ()), *extend)), _matches(code, ignore)
            if s > i and (rule.default_enabled or s > 1):
                chosen.add(code)
        if select is None:  # what the layer before chose stays, less what this one ignores
            chosen |= {code for code in enabled if _matches(code, ignore) == 0}
        enabled = chosen
    return enabled


@dataclass(frozen=True)
class RunOptions:
    """What the command line asks for; None means "take it from the configuration"."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None


@dataclass
class Settings:
    """Everything the engine needs for the files under one configuration."""

    rules: list[Rule]
    severities: dict[str, Severity]
    fail_on: Severity
    lang: str
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


@dataclass(frozen=True)
class Unlistable:
    """A path that could not be searched or checked (a folder that cannot be listed, a looping link)."""

    path: str
    error: InputError


class Engine:
    def __init__(self, rules: dict[str, type[Rule]], options: RunOptions) -> None:
        self.rules = rules
        self.options = options
        # Keyed by identity; the configuration is kept alongside so its id stays its own.
        self._settings: dict[int, tuple[Config, Settings]] = {}

    def settings(self, config: Config) -> Settings:
        cached = self._settings.get(id(config))
        if cached is not None:
            return cached[1]
        validate(config, self.rules)
        cli = self.options
        layers = [(config.select, config.extend_select, config.ignore)]
        if cli.select is not None or cli.extend_select or cli.ignore:
            layers.append((cli.select, cli.extend_select, cli.ignore))
        enabled = resolve_selection(self.rules, layers)
        if not enabled:  # as the command line refuses --select "": a drafts repository wants to know
            alone = resolve_selection(self.rules, layers[:1])
            where = config.path if config.path and not alone else \
                {lang: t("config.where_cli", lang) for lang in ("vi", "en")}
            raise ConfigError(key="nothing_selected", where=where)
        severities = {}
        instances = []
        for code, rule_class in self.rules.items():
            overrides = dict(config.rules.get(code, {}))
            severity = overrides.pop("severity", None)
            severities[code] = Severity.parse(severity) if severity else rule_class.severity
            if code in enabled:
                instances.append(rule_class(overrides))
        fail_on = Severity.parse(cli.fail_on or config.fail_on or "error")
        lang = cli.lang or config.lang or "vi"
        from ..extract.vocabulary import vocabulary

        words = vocabulary().extended(config.document_types, config.issuers, config.acronyms)
        if config.lexicon is not None or config.word_list is not None:
            from .lexicon import Lexicon, LexiconError, load, word_list_pairs

            try:
                lexicon = load(config.lexicon) if config.lexicon is not None else Lexicon()
                pairs = word_list_pairs(config.word_list) if config.word_list else None
            except LexiconError as exc:
                raise ConfigError(key="lexicon_unreadable", where=config.path, path=exc.path, detail=exc.reason) from None
            words = words.with_lexicon(lexicon, pairs)
        settings = Settings(instances, severities, fail_on, lang, words)
        self._settings[id(config)] = (config, settings)
        return settings

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
        settings = self.settings(config)
        reason = error.reason(settings.lang)
        rule = self.rules["INP001"]
        if not any(r.code == rule.code for r in settings.rules):
            return FileResult(display, [], input_error=True, reason=reason)
        message = rule(None).message(Violation(Span(0, 0), args={"reason": reason}), settings.lang)
        finding = Finding(display, rule.code, rule.name, settings.severities[rule.code], message, 1, 1, 1, 1)
        return FileResult(display, [finding], input_error=True, reason=reason)

    def lint_text(self, text: str, display: str, config: Config, auto_numbered: frozenset[int] = frozenset(),
                  comments: tuple = ()) -> FileResult:
        """``auto_numbered``: for a Word draft, the lines whose marker its automatic numbering wrote;
        ``comments``: its suppression comments."""
        from ..front.pipeline import read_document

        settings = self.settings(config)
        doc = read_document(text, display, settings.vocabulary, auto_numbered)
        original = doc.source_map.original  # a rule's span, or a SourceRule's, in the original text
        source = doc.source_map.source
        findings: list[Finding] = []
        fingerprint = _Fingerprints(source)
        # The parser could not place these lines: their fixes are not offered (the region's meaning is unsure).
        unplaced = sorted(original(u.line.span) for u in doc.unparsed)
        unplaced_starts = [a for a, _ in unplaced]

        for rule in settings.rules:
            severity = settings.severities[rule.code]
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
                    message=rule.message(violation, settings.lang),
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
        return FileResult(display, self._suppressed(findings, text, display, settings, source, comments), text=text)

    def _suppressed(self, findings: list[Finding], text: str, display: str, settings: Settings,
                    source: SourceText, comments: tuple = ()) -> list[Finding]:
        """The findings the draft's own suppression comments leave, and INP003 for the ones that
        silence nothing."""
        from ..front.directives import first_covering, from_comments, read

        suppressions = read(text, source) + (from_comments(comments, source.line_col) if comments else [])
        if not suppressions:
            return findings
        kept = []
        hits = first_covering(suppressions, [(f.code, f.line, f.start, f.end) for f in findings])
        for finding, hit in zip(findings, hits):
            if hit:
                suppressions[hit[0]].used = True
            else:
                kept.append(finding)
        rule = self.rules.get("INP003")
        enabled = {r.code for r in settings.rules}
        if rule is not None and "INP003" in enabled:
            # Judged only when the rules it names ran; an unused one may itself be covered by a
            # suppression of INP003, which that uses.
            ran = {code[:n] for code in enabled for n in range(1, len(code) + 1)}
            unused = [i for i, s in enumerate(suppressions) if not s.used and all(c in ran for c in s.codes)]
            covers = first_covering(suppressions, [("INP003", suppressions[i].line, None, None) for i in unused], k=2)
            silenced = set()
            for i, cover in zip(unused, covers):
                other = next((j for j in cover if j != i), None)
                if other is not None:
                    suppressions[other].used = True
                    silenced.add(i)
            for i in unused:
                s = suppressions[i]
                if not s.used and i not in silenced:
                    codes = ", ".join(s.codes) if s.codes else "ALL"
                    message = rule(None).message(Violation(Span(0, 0), args={"codes": codes}), settings.lang)
                    kept.append(Finding(display, rule.code, rule.name, settings.severities[rule.code], message,
                                        s.line, s.column, s.line, s.column + 4))
            kept.sort(key=Finding.sort_key)
        return kept


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


def discover(paths: Sequence[str], extensions: tuple[str, ...] = (".txt", ".md", ".docx", ".doc")
             ) -> list[str | Unlistable]:
    """Files to lint, each once: given files as they are, folders searched for drafts.

    Hidden folders and folders reached through a symbolic link are not searched (a
    link can loop back); a folder that cannot be listed is reported, not skipped. An
    old .doc is listed so that it is reported (INP001), not passed over in silence; the
    lock file Word keeps beside an open draft (``~$…``) is not a draft.
    """
    found: list[str | Unlistable] = []
    seen: set[str] = set()

    def add(entry: str | Unlistable) -> None:
        key = entry.path if isinstance(entry, Unlistable) else entry
        if key not in seen:
            seen.add(key)
            found.append(entry)

    for raw in paths:
        if raw == STDIN:
            add(raw)
            continue
        path = os.path.normpath(raw)
        try:
            is_dir = os.path.isdir(path)
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            for entry in _walk(path, extensions):
                add(entry)
        else:
            add(path)
    return found


def _walk(folder: str, extensions: tuple[str, ...]):
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Unlistable(folder, InputError(f"không đọc được thư mục ({os_error(exc)['vi']})",
                                            f"cannot list the folder ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, extensions)
            elif os.path.splitext(entry.name)[1].lower() in extensions and entry.is_file():
                yield os.path.normpath(entry.path)
        except OSError:
            continue
