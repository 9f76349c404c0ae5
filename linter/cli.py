"""The ``draftlint`` command: ``check``, ``rules`` and ``explain``.

Exit codes: 0 nothing at or above the fail threshold; 1 findings at or above
it; 2 a usage, configuration or input error (after linting every file that
could be read).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .i18n import t, words

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in value.split(",") if code.strip())


def _selection(given: list[tuple[str, ...]] | None, rules) -> tuple[str, ...] | None:
    """A selection option given any number of times (they add up, as in ruff), as codes and prefixes."""
    from .registry import selector_code

    return None if given is None else tuple(selector_code(s, rules) for value in given for s in value)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more, not {value!r}")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="draftlint",
        description="Kiểm tra dự thảo văn bản hành chính tiếng Việt / Lint Vietnamese administrative drafts.",
    )
    parser.add_argument("--version", action="version", version=f"draftlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{check,rules,explain,learn,outline}")

    check = sub.add_parser("check", help="lint files and folders (.txt, .md); '-' reads standard input")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", choices=("text", "json", "github", "sarif", "html"), default="text",
                       help="text for people, json for tools, github for Actions annotations, sarif for code "
                            "scanning, html for a reviewer (the drafts with their findings marked)")
    check.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                       help="write the report to FILE instead of standard output")
    check.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                       help="lint on N processes (default: the number of cores; 1 for none)")
    check.add_argument("--statistics", action="store_true", help="print how many findings each rule made, not each one")
    check.add_argument("--select", type=_codes, action="append", default=None, metavar="CODES",
                       help="comma-separated codes, prefixes or rule names to check (replaces the configuration's "
                            "list; may be repeated)")
    check.add_argument("--extend-select", type=_codes, action="append", default=None, metavar="CODES",
                       help="codes, prefixes or rule names to check on top of the selection")
    check.add_argument("--ignore", type=_codes, action="append", default=None, metavar="CODES",
                       help="comma-separated codes, prefixes or rule names to skip")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--lang", choices=("vi", "en"), default=None, help="language of messages (default: vi)")
    check.add_argument("--config", type=Path, default=None, metavar="FILE",
                       help="use this configuration file instead of searching for one")
    check.add_argument("--stdin-filename", default=None, metavar="PATH",
                       help="name to report (and to find configuration) for standard input")
    check.add_argument("--force-exclude", action="store_true",
                       help="skip excluded files even when they are named (the pre-commit hook gives this)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files (rewritten atomically)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: also the unsafe fixes")
    check.add_argument("--diff", action="store_true",
                       help="print a unified diff of what --fix would change; exit 1 if there is any")
    check.add_argument("--write-baseline", type=Path, default=None, metavar="FILE",
                       help="record the current findings in FILE (then --baseline FILE reports only new ones)")
    check.add_argument("--baseline", type=Path, default=None, metavar="FILE",
                       help="report only the findings not recorded in FILE")
    check.add_argument("--annotate", default=None, metavar="OUT",
                       help="write a copy of each .docx draft with a Word comment per finding: OUT is the copy "
                            "(OUT.docx, for one draft) or an existing folder that receives the copies")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--lang", choices=("vi", "en"), default="vi")

    explain = sub.add_parser("explain", help="explain one rule")
    explain.add_argument("code")
    explain.add_argument("--lang", choices=("vi", "en"), default="vi")

    learn = sub.add_parser("learn", help="learn a lexicon from an archive of past drafts (.txt, .md, .docx)")
    learn.add_argument("paths", nargs="+", metavar="PATH")
    learn.add_argument("-o", "--output", type=Path, default=Path("draftlint-lexicon.json"), metavar="FILE",
                       help="where to write the lexicon (default: draftlint-lexicon.json)")
    learn.add_argument("--lang", choices=("vi", "en"), default="vi")

    outline = sub.add_parser("outline", help="show how drafts were read: each line's kind, then the section tree")
    outline.add_argument("paths", nargs="+", metavar="FILE")
    outline.add_argument("--format", choices=("text", "json"), default="text")
    outline.add_argument("--lang", choices=("vi", "en"), default="vi")
    return parser


def _fail(message: str, lang: str) -> int:
    sys.stderr.write(t("error.prefix", lang) + message + "\n")
    return EXIT_ERROR


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A console or pipe that cannot show Vietnamese gets escapes, not a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (draftlint check … | head): stop quietly, as other tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback: one line, exit code 2
        sys.stderr.write(f"draftlint: internal error: {type(exc).__name__}: {exc}\n")
        return EXIT_ERROR


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    lang = args.lang or "vi"
    from .classcache import compiled_once

    with compiled_once():  # the rules and the engine define most of draftlint's dataclasses
        from . import engine, parser  # noqa: F401 - imported here for the cache, used later
        from .registry import RegistryError, all_rules

        try:
            rules = all_rules()
        except RegistryError as exc:
            return _fail(str(exc), lang)
    if args.command == "rules":
        return _list_rules(rules, lang)
    if args.command == "explain":
        return _explain(rules, args.code, lang)
    if args.command == "learn":
        return _learn(args, lang)
    if args.command == "outline":
        return _outline(args, lang)
    return _check(args, rules)


def _learn(args, lang: str) -> int:
    import json

    from .engine import Unlistable, discover
    from .docx import read_docx
    from .lexicon import learn
    from .source import read_path

    files = [e for e in discover(args.paths, (".txt", ".md", ".docx")) if not isinstance(e, Unlistable)]
    if not files:
        return _fail(t("error.no_files", lang, paths=" ".join(args.paths)), lang)

    def read(path: str) -> str:
        return read_docx(path).text if path.lower().endswith(".docx") else read_path(path)

    table = learn(files, read)
    try:
        args.output.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    except OSError as exc:
        return _fail(f"{args.output}: {exc.strerror}", lang)
    sys.stdout.write(t("learn.done", lang, documents=table["documents"], skipped=table["skipped"],
                       pairs=len(table["pairs"]), units=len(table["units"]), acronyms=len(table["acronyms"]),
                       output=args.output) + "\n")
    return EXIT_OK


def _outline(args, lang: str) -> int:
    from .outline import read, write_json, write_text
    from .source import InputError

    outlines, status = [], EXIT_OK
    for path in args.paths:
        try:
            outlines.append(read(path))
        except InputError as error:
            sys.stderr.write(t("error.prefix", lang) + f"{path}: {error.reason(lang)}\n")
            status = EXIT_ERROR
    if args.format == "json":
        write_json(outlines, lang, sys.stdout)
    for i, outline in enumerate(outlines if args.format == "text" else ()):
        sys.stdout.write("\n" if i else "")
        write_text(outline, lang, sys.stdout)
    return status


def _check(args, rules) -> int:
    import os

    from .config import ConfigError, ConfigFinder, check_selectors
    from .engine import STDIN, Engine, Options, Unlistable, discover

    lang = args.lang or "vi"
    args.select, args.extend_select, args.ignore = (_selection(args.select, rules),
                                                    _selection(args.extend_select, rules) or (),
                                                    _selection(args.ignore, rules) or ())
    if args.select == ():
        return _fail(t("error.empty_select", lang), lang)
    try:
        check_selectors(rules, "--select", args.select or ())
        check_selectors(rules, "--extend-select", args.extend_select)
        check_selectors(rules, "--ignore", args.ignore)
        finder = ConfigFinder(args.config)
    except ConfigError as exc:
        return _fail(str(exc), lang)
    engine = Engine(rules, Options(select=args.select, extend_select=args.extend_select, ignore=args.ignore,
                                   fail_on=args.fail_on, lang=args.lang))
    if args.format == "html" and args.output is None and sys.stdout.isatty():
        return _fail(t("error.output_format", lang), lang)
    entries = discover(args.paths)
    annotated = None
    if args.annotate is not None:
        annotated = _annotation_targets(entries, args, lang)
        if isinstance(annotated, int):
            return annotated
    named = {os.path.normpath(p) for p in args.paths if p != STDIN and not os.path.isdir(p)}
    findings = []
    texts: dict[str, tuple] = {}  # for the HTML report: each file's text and Word locators
    status = EXIT_OK
    report_lang = args.lang
    linted = 0
    diffs: list[str] = []
    fixed_files: list[int] = []  # fixes applied, per file changed
    config_errors: set[str] = set()
    unread: set[str] = set()  # files that could not be read (said once, by their INP001 or a line)
    prepared = []  # (entry, path, display, config, settings) of each file to lint, in order
    for entry in entries:
        path = entry.path if isinstance(entry, Unlistable) else entry
        display = args.stdin_filename if path == STDIN and args.stdin_filename else path
        config_path = Path(display) if display != STDIN else Path.cwd() / "stdin"
        try:
            config = finder.for_file(config_path)
            settings = engine.settings(config)
        except ConfigError as exc:
            # This folder's configuration is broken: say so once, lint everything else.
            if str(exc) not in config_errors:
                config_errors.add(str(exc))
                sys.stderr.write(t("error.prefix", lang) + str(exc) + "\n")
            status = EXIT_ERROR
            continue
        # A file named on the command line is linted even if excluded, unless exclusion is forced
        # (pre-commit names every staged file); standard input is excluded by its --stdin-filename.
        forced = args.force_exclude or config.force_exclude
        if (path not in named or forced) and (path != STDIN or (forced and args.stdin_filename)) \
                and config.is_excluded(Path(display)):
            continue
        report_lang = report_lang or settings.lang
        prepared.append((entry, path, display, config, settings))
    outcomes = _outcomes(prepared, engine, args, fixed_files, diffs)
    for (entry, path, display, config, settings), result in _with_progress(outcomes, len(prepared), args, lang):
        if isinstance(result, BaseException):  # a bug must not hide the other files' results
            sys.stderr.write(t("error.prefix", lang) + f"internal error on {display}: {type(result).__name__}: "
                             f"{result}\n")
            status = EXIT_ERROR
            continue
        linted += 1
        if args.format == "html":
            texts[display] = (result.text, result.locators)
        ignored = config.ignored_for(Path(path)) if path != STDIN else ()
        if ignored:
            result.findings = [f for f in result.findings if not any(f.code.startswith(c) for c in ignored)]
        findings.extend(result.findings)
        if result.input_error:
            status = EXIT_ERROR
            unread.add(display)
            if not result.findings:  # INP001 is deselected: still say why the exit code is 2
                sys.stderr.write(t("error.prefix", lang) + f"{display}: {result.reason}\n")
        elif status == EXIT_OK and any(f.severity >= settings.fail_on for f in result.findings):
            status = EXIT_FINDINGS
    if not entries:
        sys.stderr.write(t("error.prefix", lang) + t("error.no_files", lang, paths=" ".join(args.paths)) + "\n")
        status = EXIT_ERROR
    from .reporters import get as get_reporter

    if args.write_baseline is not None:
        from .baseline import write

        try:
            write(args.write_baseline, findings)
        except OSError as exc:
            return _fail(f"{args.write_baseline}: {exc.strerror}", lang)
        sys.stderr.write(t("baseline.written", lang, count=len(findings), path=args.write_baseline) + "\n")
        return EXIT_ERROR if status == EXIT_ERROR else EXIT_OK
    if args.baseline is not None:
        from .baseline import BaselineError, new_findings

        try:
            findings = new_findings(args.baseline, findings)
        except BaselineError as exc:
            return _fail(str(exc), lang)
        if status == EXIT_FINDINGS and not any(f.severity >= engine_fail_on(engine, finder, f) for f in findings):
            status = EXIT_OK
    if args.diff:
        sys.stdout.write("".join(diffs))
        return EXIT_ERROR if status == EXIT_ERROR else (EXIT_FINDINGS if diffs else EXIT_OK)
    if args.fix and fixed_files:
        sys.stderr.write(t("fix.done", report_lang or lang, count=sum(fixed_files), files=len(fixed_files)) + "\n")
    if args.statistics:
        _statistics(findings, linted, report_lang or "vi")
    elif not _write_report(args, get_reporter(args.format), findings, linted, report_lang or "vi", texts):
        return EXIT_ERROR
    if annotated:
        linted_paths = {path for _, path, *_ in prepared}  # not those the configuration excludes
        pairs = [p for p in annotated if p[0] in linted_paths and p[0] not in unread]
        return _annotate(pairs, findings, status, report_lang or lang)
    return status


def _outcomes(prepared: list, engine, args, fixed_files: list[int], diffs: list[str]):
    """Each prepared file with its FileResult (or the exception a bug raised), in order; plain
    linting of many files runs on ``--jobs`` worker processes."""
    import os

    from .engine import STDIN, Unlistable

    jobs = args.jobs or os.cpu_count() or 1
    parallel = [i for i, (entry, path, *_) in enumerate(prepared)
                if not isinstance(entry, Unlistable) and path != STDIN and not (args.fix or args.diff)]
    futures = {}
    done = {}
    pool = None
    if jobs > 1 and len(parallel) >= PARALLEL_FROM:
        from .parallel import Pool  # multiprocessing is imported only for many files

        # The first file is linted here: the workers, forked after it, inherit the patterns and
        # tables it built instead of each building them, and the patterns are cached for next time.
        first = parallel.pop(0)
        done[first] = _safely(_lint_one, prepared[first], engine, args, fixed_files, diffs)

        configs: list = []
        index: dict[int, int] = {}
        for i in parallel:
            config = prepared[i][3]
            if id(config) not in index:
                index[id(config)] = len(configs)
                configs.append(config)
        pool = Pool(min(jobs, len(parallel)), engine.options, configs)
        for i in parallel:
            _, path, display, config, _ = prepared[i]
            futures[i] = pool.submit(path, display, index[id(config)])
    try:
        for i, item in enumerate(prepared):
            if i in done:
                result = done[i]
            elif i in futures:
                result = _safely(futures[i].result)
            else:
                result = _safely(_lint_one, item, engine, args, fixed_files, diffs)
            yield item, result
    finally:
        if pool is not None:
            pool.close()


def _safely(function, *arguments):
    """What ``function`` returns, or the exception it raised (a worker that died, a bug on a file)."""
    try:
        return function(*arguments)
    except Exception as exc:
        return exc


def _lint_one(item, engine, args, fixed_files: list[int], diffs: list[str]):
    from .engine import STDIN, Unlistable

    entry, path, display, config, _ = item
    if isinstance(entry, Unlistable):
        return engine.input_error(display, config, entry.error)
    if (args.fix or args.diff) and path != STDIN:
        fix = _fix_docx_file if path.lower().endswith(".docx") else _fix_file
        result, changed = fix(engine, path, config, display, args, fixed_files)
        if changed and args.diff:
            diffs.append(changed)
        return result
    return engine.lint_file(path, config, display)


PROGRESS_FROM = 20  # files; fewer are linted before a progress bar would be seen
PARALLEL_FROM = 8  # files: for fewer, starting worker processes costs more than it saves


def _with_progress(items, total: int, args, lang: str):
    """The items, with a progress bar on the terminal for many files; never when the report is
    piped or machine-readable on standard output, so hooks, CI and tools see clean output."""
    to_terminal = args.output is not None or (args.format == "text" and not args.diff and sys.stdout.isatty())
    if total < PROGRESS_FROM or not to_terminal or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(t("progress.linting", lang)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=total)
        for item in items:
            yield item
            progress.advance(task)


def _write_report(args, reporter, findings, files: int, lang: str, texts) -> bool:
    extra = {"texts": texts} if args.format == "html" else {}
    if args.output is None:
        reporter(findings, files, lang, sys.stdout, **extra)
        return True
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as stream:
            reporter(findings, files, lang, stream, **extra)
    except OSError as exc:
        sys.stderr.write(t("error.prefix", lang) + f"{args.output}: {exc.strerror}\n")
        return False
    sys.stderr.write(t("report.written", lang, path=args.output) + "\n")
    return True


def engine_fail_on(engine, finder, finding):
    """The fail threshold that applies to a finding's file."""
    config = finder.for_file(Path(finding.path)) if finding.path != "-" else finder.for_file(Path.cwd() / "stdin")
    return engine.settings(config).fail_on


def _fix_file(engine, path: str, config, display: str, args, fixed_files: list[int]):
    """Lint a text file with its fixes applied (written back with --fix); returns the result on the
    fixed text and, with --diff, the unified diff of the change."""
    import difflib

    from .fixes import fix_until_stable
    from .source import InputError, read_path

    try:
        text = read_path(path)
    except InputError as error:
        return engine.input_error(display, config, error), ""
    fixed, count = fix_until_stable(lambda t: engine.lint_text(t, display, config).findings, text, args.unsafe_fixes)
    diff = ""
    if fixed != text:
        if args.diff:
            diff = "".join(difflib.unified_diff(text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                                f"a/{display}", f"b/{display}"))
        else:
            _write_atomically(path, fixed)
            fixed_files.append(count)
    return engine.lint_text(fixed, display, config), diff


def _fix_docx_file(engine, path: str, config, display: str, args, fixed_files: list[int]):
    """A Word draft's fixes, written into its runs (with --fix); the edits that cannot be are
    named on standard error, and their findings stay in the report."""
    import difflib

    from .docx_fix import fix_docx, write_docx
    from .source import InputError

    lang = args.lang or engine.settings(config).lang
    try:
        outcome = fix_docx(path, lambda document: engine.lint_document(document, display, config).findings,
                           args.unsafe_fixes)
    except InputError as error:
        return engine.input_error(display, config, error), ""
    for finding in outcome.declined:
        sys.stderr.write(t("fix.docx_declined", lang, where=f"{display}[{finding.locator}]", code=finding.code) + "\n")
    diff = ""
    if outcome.applied:
        if args.diff:
            diff = "".join(difflib.unified_diff(outcome.before.splitlines(keepends=True),
                                                outcome.after.splitlines(keepends=True), f"a/{display}", f"b/{display}"))
        else:
            write_docx(path, outcome.data)
            fixed_files.append(outcome.applied)
    return engine.lint_file(path, config, display), diff


def _write_atomically(path: str, text: str) -> None:
    """Replace a file's text, keeping its encoding (a UTF-8 or UTF-16 BOM) and permissions; a
    failure leaves the original as it was."""
    import codecs
    import os
    import shutil
    import tempfile

    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = text.encode("utf-16")
    else:
        data = (codecs.BOM_UTF8 if head.startswith(codecs.BOM_UTF8) else b"") + text.encode("utf-8")
    folder = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".draftlint-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _statistics(findings, files: int, lang: str) -> None:
    from collections import Counter

    from .reporters.text import summary

    counts = Counter((f.code, f.name, str(f.severity)) for f in findings)
    for (code, name, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        sys.stdout.write(f"{n:6d}  {code}  {severity:<7}  {name}\n")
    sys.stdout.write(summary(findings, files, lang) + "\n")


def _annotation_targets(entries, args, lang: str):
    """Each Word draft found with where its annotated copy goes, checked before anything is linted;
    or the exit code of a usage error. The other drafts are skipped with a note."""
    from .annotate import AnnotateError, targets
    from .engine import STDIN, Unlistable

    files = [e for e in entries if not isinstance(e, Unlistable) and e != STDIN]
    drafts = [path for path in files if path.lower().endswith(".docx")]
    if not drafts:
        return _fail(t("error.annotate_no_docx", lang, paths=" ".join(args.paths)), lang)
    try:
        pairs = targets(drafts, args.annotate)
    except AnnotateError as exc:
        return _fail(t(exc.key, lang, **exc.values), lang)
    if len(files) > len(drafts):
        sys.stderr.write(t("annotate.not_word", lang, count=len(files) - len(drafts)) + "\n")
    return pairs


def _annotate(pairs, findings, status: int, lang: str) -> int:
    from .annotate import annotate

    for source, target in pairs:
        try:
            written, skipped = annotate(source, target, [f for f in findings if f.path == source])
        except Exception as exc:  # a file python-docx cannot open, a folder that cannot be written
            sys.stderr.write(t("error.prefix", lang) + f"{target}: {getattr(exc, 'strerror', None) or exc}\n")
            status = EXIT_ERROR
            continue
        sys.stderr.write(t("annotate.done", lang, count=written, skipped=skipped, path=target) + "\n")
    return status


def _list_rules(rules, lang: str) -> int:
    from .data import measured

    header = words("rules.header", lang)
    figures = measured()
    on, off = t("rules.on", lang), t("rules.off", lang)
    rows = [(r.code, r.name, str(r.severity), on if r.default_enabled else off,
             figures[r.code].shown(lang) if r.code in figures else "—", r.summary[lang]) for r in rules.values()]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header[:5])]
        for row in [header, *rows]:
            sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row[:5], widths)) + "  " + row[5] + "\n")
    return EXIT_OK


def _explain(rules, code: str, lang: str) -> int:
    from .registry import selector_code

    rule = rules.get(selector_code(code, rules))
    if rule is None:
        return _fail(t("error.unknown_rule", lang, code=code), lang)
    fix = t("explain.fix_yes" if rule.fixable else "explain.fix_no", lang)
    meta = t("explain.meta", lang, family=rule.family, severity=rule.severity, fix=fix)
    meta += t("explain.on" if rule.default_enabled else "explain.off", lang)
    from .data import measured

    figure = measured().get(rule.code)
    if figure is not None and figure.judged:
        precision = t("explain.measured", lang, true=figure.true, judged=figure.judged,
                      pct=round(100 * figure.true / figure.judged), date=figure.date)
    else:
        precision = t("explain.unmeasured", lang)
    if not rule.default_enabled and rule.off_reason:
        precision += "\n" + rule.off_reason[lang]
    if not rule.default_enabled:
        precision += "\n" + t("explain.enable", lang, code=rule.code)
    out = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary[lang],
        "",
        meta,
        precision,
        "",
        f"{t('explain.why', lang)}:",
        rule.rationale[lang],
        "",
        f"{t('explain.bad', lang)}:",
        _indent(rule.bad),
        f"{t('explain.good', lang)}:",
        _indent(rule.good),
    ]
    if rule.example_options:
        settings = "; ".join(f"{k} = {_toml_value(v)}" for k, v in rule.example_options.items())
        out += [f"{t('explain.example_options', lang)}: {settings}", ""]
    if rule.options:
        out.append(f"{t('explain.options', lang)}:")
        for name, option in rule.options.items():
            help_text = option.help_vi if lang == "vi" else option.help_en
            out.append(f"    {name} = {_toml_value(option.default)}  — {help_text}")
    sys.stdout.write("\n".join(out).rstrip() + "\n")
    return EXIT_OK


def _toml_value(value) -> str:
    """A value as the configuration file writes it: true, 3, "text", ["a", "b"]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
