"""One ``draftlint check`` run: the paths and options given in, a ``RunResult`` out.

A session finds the files, gives each the policy of its configuration, lints them (on several
processes when there are many), applies the fixes (``--fix``, ``--diff``; text and Word drafts),
writes or reads the baseline, and decides what counts against the run. It prints nothing: what is
to be said on standard error is in the result's messages, in the order it arose."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Config, ConfigError, ConfigFinder
from ..i18n import os_error, t, where
from ..result import Message, RunResult
from ..rule import Rule
from ..front.source import InputError
from ..reporters.terminal import printable, shown_path
from .discover import STDIN, Unlistable, discover, without_ignored
from .engine import Engine, FileResult
from .policy import BaselineError, Overrides, Policy, new_findings, write_baseline

PARALLEL_FROM = 8  # files: for fewer, starting worker processes costs more than it saves


@dataclass(frozen=True)
class CheckOptions:
    """What ``draftlint check`` is asked to do."""

    paths: tuple[str, ...] = ()  # none: the current folder, without what git ignores
    overrides: Overrides = field(default_factory=Overrides)
    config: Path | None = None  # the configuration file to use instead of the nearest one
    stdin_filename: str | None = None  # the name standard input is reported and configured by
    jobs: int | None = None  # processes to lint on (None: one per core)
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    write_baseline: Path | None = None
    baseline: Path | None = None
    exit_zero: bool = False
    annotate: str | None = None  # where the commented copies of the Word drafts go
    keep_texts: bool = False  # keep each file's text for the report (HTML)
    describe_rules: bool = False  # describe the rules for the report (SARIF)
    cache: bool = True  # findings of unchanged files from the cache folder (lint.results); never with fixes


@dataclass(frozen=True)
class _Draft:
    """A file to lint: as discovered, its path, the name it is reported by, and its policy."""

    entry: str | Unlistable
    path: str
    display: str
    policy: Policy

    @property
    def config(self) -> Config:
        return self.policy.config


class Session:
    """Raises ConfigError when the configuration file named by ``options.config`` cannot be used."""

    def __init__(self, rules: dict[str, type[Rule]], options: CheckOptions) -> None:
        self.rules = rules
        self.options = options
        self.engine = Engine(rules, options.overrides)
        self.finder = ConfigFinder(options.config)
        self.lang = options.overrides.lang or "vi"  # of the messages
        self.paths = options.paths or (".",)
        self._listener: Callable[[Message], None] | None = None
        self.results = None  # lint.results.ResultCache: for reports only, never for what writes files
        if options.cache and not (options.fix or options.diff or options.annotate is not None):
            from ..startup.cache import disabled

            if not disabled():
                from .results import ResultCache

                self.results = ResultCache(self.engine)

    def settings_for(self, path: str) -> tuple[str, Path, Policy]:
        """For a path as given (``--show-settings``): the name it goes by (standard input's is its
        ``--stdin-filename``), the file its configuration is found for, and its policy (a folder's:
        for the drafts directly in it). Raises ConfigError."""
        display = self._display(path)
        file = self._config_path(display)
        config = self.finder.for_dir(Path(os.path.abspath(file))) if file.is_dir() else self.finder.for_file(file)
        return display, file, self.engine.policy(config)

    def _display(self, path: str) -> str:
        return self.options.stdin_filename if path == STDIN and self.options.stdin_filename else path

    @staticmethod
    def _config_path(display: str) -> Path:
        return Path(display) if display != STDIN else Path.cwd() / "stdin"

    def _error(self, result: RunResult, text: str) -> None:
        self._say(result, Message(t("error.prefix", self.lang) + text))
        result.error = True

    def _say(self, result: RunResult, message: Message) -> None:
        result.messages.append(message)
        if self._listener is not None:
            self._listener(message)

    def run(self, progress: Callable[[Iterable, int], Iterable] | None = None,
            say: Callable[[Message], None] | None = None) -> RunResult:
        """``progress(outcomes, total)``: passes the files' outcomes on as they come (a progress bar);
        ``say(message)``: is told each message as it arises (a broken configuration is said before
        a long run, not after it), besides the result's list."""
        self._listener = say
        options = self.options
        result = RunResult()
        entries = discover(self.paths)
        if not options.paths:
            entries = without_ignored(entries)
        annotations = None
        if options.annotate is not None:
            annotations = self._annotation_targets(entries, result)
            if annotations is None:
                result.complete = False
                return result
        drafts = self._drafts(entries, result)
        result.lang = options.overrides.lang or next((draft.policy.lang for draft in drafts), "vi")
        failing: set[int] = set()  # the findings at or above their file's fail threshold, by id
        unread: set[str] = set()  # files that could not be read (said once, by their INP001 or a line)
        outcomes = self._outcomes(drafts, result)
        for draft, linted in progress(outcomes, len(drafts)) if progress else outcomes:
            if isinstance(linted, BaseException):  # a bug must not hide the other files' results, nor this one
                detail = f"{type(linted).__name__}: {linted}"
                bug = InputError(f"lỗi nội bộ ({detail})", f"internal error ({detail})")
                linted = self.engine.input_error(draft.display, draft.config, bug)
            result.files += 1
            if linted.not_written:
                self._error(result, f"{draft.display}: {linted.not_written}")
            if options.keep_texts:
                result.texts[draft.display] = (linted.text, linted.locations)
            findings = linted.findings
            if draft.path != STDIN:
                findings = draft.policy.without_ignored(findings, Path(draft.path))
            result.findings.extend(findings)
            if linted.input_error:
                result.error = True
                unread.add(draft.display)
                if not findings:  # INP001 is deselected: still say why the exit code is 2
                    self._error(result, printable(f"{draft.display}: {linted.reason}"))
            else:
                failing.update(id(f) for f in findings if draft.policy.fails(f))
        if not entries:
            self._error(result, t("error.no_files", self.lang, paths=" ".join(self.paths)))
        if not self._apply_baseline(result):
            result.complete = False
            return result
        # With --diff, what counts against the run is a change to make.
        counted = bool(result.diffs) if options.diff else any(id(f) in failing for f in result.findings)
        result.failing = counted and not options.exit_zero
        if options.describe_rules:
            from ..docs import sarif_rules

            result.rules = sarif_rules(self.rules, result.lang)
        if annotations:
            linted_paths = {draft.path for draft in drafts}  # not those the configuration excludes
            result.annotations = [p for p in annotations if p[0] in linted_paths and p[0] not in unread]
        return result

    def _annotation_targets(self, entries: list, result: RunResult) -> list[tuple[str, str]] | None:
        """Each Word draft found with where its annotated copy goes, checked before anything is
        linted; None after a usage error. The other drafts are skipped with a note."""
        from ..reporters.word_comments import AnnotateError, targets

        files = [e for e in entries if not isinstance(e, Unlistable) and e != STDIN]
        drafts = [path for path in files if path.lower().endswith(".docx")]
        if not drafts:
            self._error(result, t("error.annotate_no_docx", self.lang, paths=" ".join(self.paths)))
            return None
        try:
            pairs = targets(drafts, self.options.annotate)
        except AnnotateError as exc:
            self._error(result, t(exc.key, self.lang, **exc.values))
            return None
        if len(files) > len(drafts):
            note = t("annotate.not_word", self.lang, count=len(files) - len(drafts))
            self._say(result, Message(note, note=True))
        return pairs

    def _drafts(self, entries: list, result: RunResult) -> list[_Draft]:
        """The files to lint, each with its configuration's policy, less those it excludes. A broken
        configuration is said once, and the files it governs are left out."""
        named = {os.path.normpath(p) for p in self.paths if p != STDIN and not os.path.isdir(p)}
        said: set[str] = set()
        drafts = []
        for entry in entries:
            path = entry.path if isinstance(entry, Unlistable) else entry
            display = self._display(path)
            try:
                config = self.finder.for_file(self._config_path(display))
                policy = self.engine.policy(config)
            except ConfigError as exc:
                if str(exc) not in said:
                    said.add(str(exc))
                    self._error(result, exc.text(self.lang))
                result.error = True
                continue
            if path == STDIN:
                excluded = bool(self.options.stdin_filename) and policy.excludes(Path(display), named=True)
            else:
                excluded = policy.excludes(Path(display), named=path in named)
            if not excluded:
                drafts.append(_Draft(entry, path, shown_path(display), policy))
        return drafts

    def _outcomes(self, drafts: list[_Draft], result: RunResult) -> Iterator[tuple[_Draft, FileResult | Exception]]:
        """Each draft with its FileResult (or the exception a bug raised), in order; plain linting
        of many files runs on ``jobs`` worker processes."""
        options = self.options
        jobs = options.jobs or os.cpu_count() or 1
        parallel = [i for i, draft in enumerate(drafts)
                    if not isinstance(draft.entry, Unlistable) and draft.path != STDIN
                    and not (options.fix or options.diff)]
        futures = {}
        done = {}
        pool = None
        if self.results is not None and len(parallel) >= PARALLEL_FROM:  # workers only for the files that changed
            for i in parallel:
                found = _safely(self.results.lookup, drafts[i].path, drafts[i].config, drafts[i].display)
                if found is not None:
                    done[i] = found
            parallel = [i for i in parallel if i not in done]
        if jobs > 1 and len(parallel) >= PARALLEL_FROM:
            from .parallel import Pool  # multiprocessing is imported only for many files

            # The first file is linted here: the workers, forked after it, inherit the patterns and
            # tables it built instead of each building them, and the patterns are cached for next time.
            first = parallel.pop(0)
            done[first] = _safely(self._lint, drafts[first], result)

            configs: list = []
            index: dict[int, int] = {}
            for i in parallel:
                config = drafts[i].config
                if id(config) not in index:
                    index[id(config)] = len(configs)
                    configs.append(config)
            pool = Pool(min(jobs, len(parallel)), self.engine.overrides, configs, self.results is not None)
            for i in parallel:
                futures[i] = pool.submit(drafts[i].path, drafts[i].display, index[id(drafts[i].config)])
        try:
            for i, draft in enumerate(drafts):
                if i in done:
                    outcome = done[i]
                elif i in futures:
                    outcome = _safely(futures[i].result)
                else:
                    outcome = _safely(self._lint, draft, result)
                yield draft, outcome
        finally:
            if pool is not None:
                pool.close()
            if self.results is not None:
                self.results.prune(self.results.stored + len(futures))

    def _lint(self, draft: _Draft, result: RunResult) -> FileResult:
        if isinstance(draft.entry, Unlistable):
            return self.engine.input_error(draft.display, draft.config, draft.entry.error)
        if self.options.fix or self.options.diff:
            word = draft.path != STDIN and draft.path.lower().endswith(".docx")
            linted, diff = self._fix_docx(draft, result) if word else self._fix_text(draft, result)
            if diff and self.options.diff:
                result.diffs.append(diff)
            return linted
        if self.results is not None:
            return self.results.lint_file(draft.path, draft.config, draft.display)
        return self.engine.lint_file(draft.path, draft.config, draft.display)

    def _fix_text(self, draft: _Draft, result: RunResult) -> tuple[FileResult, str]:
        """Lint a text file with its fixes applied (written back with --fix); returns the result on
        the fixed text and, with --diff, the unified diff of the change."""
        from ..fix.fixes import fix_until_stable, unified_diff
        from ..fix.writeback import Snapshot
        from ..front.source import read_path, read_stdin

        engine, path, display, config = self.engine, draft.path, draft.display, draft.config
        before = Snapshot.of(path) if path != STDIN else None
        try:
            text = read_stdin() if path == STDIN else read_path(path)
        except InputError as error:
            return engine.input_error(display, config, error), ""
        fixed, count = fix_until_stable(lambda t: engine.lint_text(t, display, config).findings, text,
                                        self.options.unsafe_fixes)
        diff = ""
        if path == STDIN and not self.options.diff:
            result.fixed_stdin = fixed
            if fixed != text:
                result.fixed.append(count)
        elif fixed != text:
            if self.options.diff:
                bom = ""
                if path != STDIN:
                    with open(path, "rb") as handle:  # a patch applies to the bytes: a BOM is part of the first line
                        bom = "\ufeff" if handle.read(3) == b"\xef\xbb\xbf" else ""
                diff = unified_diff(bom + text, bom + fixed, display)
            else:
                from ..fix.writeback import WriteError, encoded, replace as replace_file

                try:
                    with open(path, "rb") as handle:
                        head = handle.read(3)
                    replace_file(path, encoded(fixed, head), before)
                except (OSError, WriteError) as exc:
                    return _not_written(engine.lint_text(text, display, config), exc, draft.policy.lang), ""
                result.fixed.append(count)
        return engine.lint_text(fixed, display, config), diff

    def _fix_docx(self, draft: _Draft, result: RunResult) -> tuple[FileResult, str]:
        """A Word draft's fixes, written into its runs (with --fix); the edits that cannot be are
        named in a note, and their findings stay in the report."""
        from ..fix.docx_fix import fix_docx, write_docx
        from ..fix.fixes import unified_diff
        from ..fix.writeback import Snapshot, WriteError

        engine, path, display, config = self.engine, draft.path, draft.display, draft.config
        lang = draft.policy.lang
        before = Snapshot.of(path)
        try:
            outcome = fix_docx(path, lambda document: engine.lint_document(document, display, config).findings,
                               self.options.unsafe_fixes)
        except InputError as error:
            return engine.input_error(display, config, error), ""
        except WriteError as exc:
            return _not_written(engine.lint_file(path, config, display), exc, lang), ""
        for place, code in dict.fromkeys((f"{display}[{where(f.location, lang)}]", f.code) for f in outcome.declined):
            self._say(result, Message(printable(t("fix.docx_declined", lang, where=place, code=code)), note=True))
        diff = ""
        if outcome.applied:
            if self.options.diff:
                diff = unified_diff(outcome.before, outcome.after, display)
            else:
                try:
                    write_docx(path, outcome.data, before)
                except WriteError as exc:
                    return _not_written(engine.lint_file(path, config, display), exc, lang), ""
                result.fixed.append(outcome.applied)
        linted = engine.lint_file(path, config, display)
        # What --fix declined keeps its finding but is no longer offered as fixable ([*]).
        declined = {(f.code, f.location, f.message) for f in outcome.declined}
        linted.findings = [replace(f, fix=None) if (f.code, f.location, f.message) in declined else f
                           for f in linted.findings]
        return linted, diff

    def _apply_baseline(self, result: RunResult) -> bool:
        """Write the baseline (--write-baseline) or leave out the findings it records (--baseline);
        False when the run ends here, without a report."""
        options = self.options
        if options.write_baseline is not None:
            try:
                write_baseline(options.write_baseline, result.findings)
            except OSError as exc:
                self._error(result, f"{options.write_baseline}: {os_error(exc)[self.lang]}")
                return False
            self._say(result, Message(t("baseline.written", self.lang, count=len(result.findings),
                                        path=options.write_baseline), note=True))
            return False
        if options.baseline is not None:
            try:
                result.findings = new_findings(options.baseline, result.findings)
            except BaselineError as exc:
                self._error(result, str(exc))
                return False
        return True


def _safely(function, *arguments):
    """What ``function`` returns, or the exception it raised (a worker that died, a bug on a file)."""
    try:
        return function(*arguments)
    except Exception as exc:
        return exc


def _not_written(linted: FileResult, exc: Exception, lang: str) -> FileResult:
    """The findings of a file --fix could not write back, with why."""
    linted.not_written = exc.text(lang) if hasattr(exc, "text") else t("write.failed", lang, reason=exc.strerror)
    return linted
