"""The ``draftlint`` command: ``check``, ``rules`` and ``explain``.

Exit codes: 0 nothing at or above the fail threshold; 1 findings at or above
it; 2 a usage, configuration or input error (after linting every file that
could be read).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import __version__
from .docs import toml_value as _toml_value
from .i18n import os_error, t, where
from .reporters.terminal import printable, shown_path

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
        raise argparse.ArgumentTypeError(argparse._("expected a number of processes, 1 or more, not %r") % value)
    return jobs


class _Parser(argparse.ArgumentParser):
    """argparse in the report's language: its own words (usage, titles, usage errors) and the help
    texts, looked up by their English text in i18n's catalogue, as gettext would; a usage error is
    one line (exit code 2)."""

    def __init__(self, *args, lang: str = "vi", description: str | None = None, **kwargs) -> None:
        from .i18n import argparse_words

        self.lang = lang
        self.catalogue = argparse_words(lang)
        with _argparse_words(self.catalogue):
            super().__init__(*args, description=self.catalogue.get(description, description), add_help=False,
                             formatter_class=_Formatter, **kwargs)
        self.add_argument("-h", "--help", action="help", help="show this help message and exit")

    def _get_formatter(self):
        formatter = super()._get_formatter()
        formatter.catalogue = self.catalogue
        return formatter

    def parse_known_args(self, args=None, namespace=None):
        with _argparse_words(self.catalogue):
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with _argparse_words(self.catalogue):
            return super().format_help()

    def format_usage(self) -> str:
        with _argparse_words(self.catalogue):
            return super().format_usage()

    def error(self, message: str):
        sys.stderr.write(t("error.prefix", self.lang) + t("error.usage", self.lang, message=message, prog=self.prog)
                         + "\n")
        sys.exit(EXIT_ERROR)


class _Formatter(argparse.HelpFormatter):
    catalogue: dict[str, str] = {}

    def _get_help_string(self, action) -> str:
        return self.catalogue.get(action.help, action.help)


@contextmanager
def _argparse_words(catalogue: dict[str, str]):
    """argparse looks its words up through gettext when it uses them: give it the catalogue."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda message: catalogue.get(message, message)
    argparse.ngettext = lambda one, many, n: catalogue.get(one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _lang_of(argv: list[str]) -> str:
    """The ``--lang`` asked for anywhere on the command line, for help and usage errors."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        if arg.startswith("--lang") and value in ("vi", "en"):
            return value
    return "vi"


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    parser = _Parser(prog="draftlint", description="Lint Vietnamese administrative drafts.", lang=lang)
    parser.add_argument("--version", action="version", version=f"draftlint {__version__}",
                        help="show the version number and exit")
    parser.add_argument("--lang", choices=("vi", "en"), default=None, dest="top_lang",
                        help="language of messages (default: vi)")
    sub = parser.add_subparsers(dest="command", metavar="{check,rules,explain,learn,outline}")

    check = sub.add_parser("check", help="lint files and folders (.txt, .md, .docx); '-' reads standard input",
                           lang=lang)
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders (default: the current folder, without what .gitignore leaves out)")
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
    check.add_argument("--exit-zero", action="store_true",
                       help="exit code 0 even with findings (still 2 on a usage, configuration or input error)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print the findings only: no summary, progress bar or notices")
    check.add_argument("--no-color", action="store_true", help="no colour (as the NO_COLOR environment variable)")
    check.add_argument("--show-settings", action="store_true",
                       help="print the configuration file and the settings that apply to each path; lint nothing")
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

    rules = sub.add_parser("rules", help="list every rule", lang=lang)
    rules.add_argument("--lang", choices=("vi", "en"), default=None, help="language of messages (default: vi)")
    rules.add_argument("--no-color", action="store_true", help="no colour (as the NO_COLOR environment variable)")

    explain = sub.add_parser("explain", help="explain one rule", lang=lang)
    explain.add_argument("code", help="a rule's code, e.g. NUM001")
    explain.add_argument("--lang", choices=("vi", "en"), default=None, help="language of messages (default: vi)")

    learn = sub.add_parser("learn", help="learn a lexicon from an archive of past drafts (.txt, .md, .docx)",
                           lang=lang)
    learn.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of the archive")
    learn.add_argument("-o", "--output", type=Path, default=Path("draftlint-lexicon.json"), metavar="FILE",
                       help="where to write the lexicon (default: draftlint-lexicon.json)")
    learn.add_argument("--lang", choices=("vi", "en"), default=None, help="language of messages (default: vi)")

    outline = sub.add_parser("outline", help="show how drafts were read: each line's kind, then the section tree",
                             lang=lang)
    outline.add_argument("paths", nargs="+", metavar="FILE", help="the drafts to show ('-' reads standard input)")
    outline.add_argument("--format", choices=("text", "json"), default="text",
                         help="text for people, json for tools (each line's kind and the nested tree)")
    outline.add_argument("--lang", choices=("vi", "en"), default=None, help="language of messages (default: vi)")
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
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_lang_of(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    args.lang = args.lang or args.top_lang  # --lang before or after the command
    lang = args.lang or "vi"
    from .startup.classcache import compiled_once

    with compiled_once():  # the rules and the engine define most of draftlint's dataclasses
        from .lint import engine  # noqa: F401
        from .front import parser  # noqa: F401 - imported here for the cache, used later
        from .registry import RegistryError, all_rules, builtin_modules

        builtin_modules()
    try:  # third-party rule packages are imported outside the block, with dataclasses untouched
        rules = all_rules()
    except RegistryError as exc:
        return _fail(str(exc), lang)
    if args.command == "rules":
        return _list_rules(rules, lang, args.no_color)
    if args.command == "explain":
        return _explain(rules, args.code, lang)
    if args.command == "learn":
        return _learn(args, lang)
    if args.command == "outline":
        return _outline(args, lang)
    return _check(args, rules)


def _learn(args, lang: str) -> int:
    import json

    from .lint.engine import Unlistable, discover
    from .front.docx import read_docx
    from .lint.lexicon import learn
    from .front.source import read_path

    files = [e for e in discover(args.paths, (".txt", ".md", ".docx")) if not isinstance(e, Unlistable)]
    if not files:
        return _fail(t("error.no_files", lang, paths=" ".join(args.paths)), lang)

    def read(path: str) -> str:
        return read_docx(path).text if path.lower().endswith(".docx") else read_path(path)

    table = learn(files, read)
    try:
        args.output.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    except OSError as exc:
        return _fail(f"{args.output}: {os_error(exc)[lang]}", lang)
    sys.stdout.write(t("learn.done", lang, documents=table["documents"], skipped=table["skipped"],
                       pairs=len(table["pairs"]), units=len(table["units"]), acronyms=len(table["acronyms"]),
                       output=args.output) + "\n")
    return EXIT_OK


def _outline(args, lang: str) -> int:
    from .outline import read, write_json, write_text
    from .front.source import InputError

    outlines, status = [], EXIT_OK
    for path in args.paths:
        try:
            outlines.append(read(path))
        except InputError as error:
            sys.stderr.write(t("error.prefix", lang) + printable(f"{shown_path(path)}: {error.reason(lang)}") + "\n")
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
    from .lint.engine import STDIN, Engine, RunOptions, Unlistable, discover

    lang = args.lang or "vi"
    explicit = bool(args.paths)  # with no path, the current folder without what git ignores
    args.paths = args.paths or ["."]
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
        return _fail(exc.text(lang), lang)
    engine = Engine(rules, RunOptions(select=args.select, extend_select=args.extend_select, ignore=args.ignore,
                                   fail_on=args.fail_on, lang=args.lang))
    if args.show_settings:
        return _show_settings(args, engine, finder, lang)
    if args.format == "html" and args.output is None and sys.stdout.isatty():
        return _fail(t("error.output_format", lang), lang)
    entries = discover(args.paths)
    if not explicit:
        from .lint.gitignored import without_ignored

        entries = without_ignored(entries)
    annotated = None
    if args.annotate is not None:
        annotated = _annotation_targets(entries, args, lang)
        if isinstance(annotated, int):
            return annotated
    named = {os.path.normpath(p) for p in args.paths if p != STDIN and not os.path.isdir(p)}
    findings = []
    texts: dict[str, tuple] = {}  # for the HTML report: each file's text and Word locations
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
                sys.stderr.write(t("error.prefix", lang) + exc.text(lang) + "\n")
            status = EXIT_ERROR
            continue
        # A file named on the command line is linted even if excluded, unless exclusion is forced
        # (pre-commit names every staged file); standard input is excluded by its --stdin-filename.
        forced = args.force_exclude or config.force_exclude
        if (path not in named or forced) and (path != STDIN or (forced and args.stdin_filename)) \
                and config.is_excluded(Path(display)):
            continue
        report_lang = report_lang or settings.lang
        prepared.append((entry, path, shown_path(display), config, settings))
    outcomes = _outcomes(prepared, engine, args, fixed_files, diffs)
    for (entry, path, display, config, settings), result in _with_progress(outcomes, len(prepared), args, lang):
        if isinstance(result, BaseException):  # a bug must not hide the other files' results, nor this file
            from .front.source import InputError

            detail = f"{type(result).__name__}: {result}"
            result = engine.input_error(display, config, InputError(f"lỗi nội bộ ({detail})", f"internal error ({detail})"))
        linted += 1
        if result.not_written:
            sys.stderr.write(t("error.prefix", lang) + f"{display}: {result.not_written}\n")
            status = EXIT_ERROR
        if args.format == "html":
            texts[display] = (result.text, result.locations)
        ignored = config.ignored_for(Path(path)) if path != STDIN else ()
        if ignored:
            result.findings = [f for f in result.findings if not any(f.code.startswith(c) for c in ignored)]
        findings.extend(result.findings)
        if result.input_error:
            status = EXIT_ERROR
            unread.add(display)
            if not result.findings:  # INP001 is deselected: still say why the exit code is 2
                sys.stderr.write(t("error.prefix", lang) + printable(f"{display}: {result.reason}") + "\n")
        elif status == EXIT_OK and any(f.severity >= settings.fail_on for f in result.findings):
            status = EXIT_FINDINGS
    if not entries:
        sys.stderr.write(t("error.prefix", lang) + t("error.no_files", lang, paths=" ".join(args.paths)) + "\n")
        status = EXIT_ERROR
    from .reporters import get as get_reporter

    if args.write_baseline is not None:
        from .lint.baseline import write

        try:
            write(args.write_baseline, findings)
        except OSError as exc:
            return _fail(f"{args.write_baseline}: {os_error(exc)[lang]}", lang)
        if not args.quiet:
            sys.stderr.write(t("baseline.written", lang, count=len(findings), path=args.write_baseline) + "\n")
        return EXIT_ERROR if status == EXIT_ERROR else EXIT_OK
    if args.baseline is not None:
        from .lint.baseline import BaselineError, new_findings

        try:
            findings = new_findings(args.baseline, findings)
        except BaselineError as exc:
            return _fail(str(exc), lang)
        if status == EXIT_FINDINGS and not any(f.severity >= engine_fail_on(engine, finder, f) for f in findings):
            status = EXIT_OK
    if args.exit_zero and status == EXIT_FINDINGS:
        status = EXIT_OK
    if args.diff:
        sys.stdout.write("".join(diffs))
        return EXIT_ERROR if status == EXIT_ERROR else (EXIT_FINDINGS if diffs and not args.exit_zero else EXIT_OK)
    if args.fix and fixed_files and not args.quiet:
        sys.stderr.write(t("fix.done", report_lang or lang, count=sum(fixed_files), files=len(fixed_files)) + "\n")
    if status == EXIT_ERROR and not linted and args.format == "text":
        pass  # nothing was linted: the error said why, and a summary of 0 files would only mislead
    elif args.statistics:
        _statistics(findings, linted, report_lang or "vi", args.quiet)
    elif not _write_report(args, get_reporter(args.format), findings, linted, report_lang or "vi", texts):
        return EXIT_ERROR
    if annotated:
        linted_paths = {path for _, path, *_ in prepared}  # not those the configuration excludes
        pairs = [p for p in annotated if p[0] in linted_paths and p[0] not in unread]
        return _annotate(pairs, findings, status, report_lang or lang, args.quiet)
    return status


def _show_settings(args, engine, finder, lang: str) -> int:
    """For each path named, the configuration file that applies to it and what it resolves to, as
    the configuration would write it (a folder: the settings of the drafts directly in it)."""
    import os

    from .config import ConfigError
    from .lint.engine import STDIN

    out: list[str] = []
    for raw in args.paths:
        display = args.stdin_filename if raw == STDIN and args.stdin_filename else raw
        file = Path(display) if display != STDIN else Path.cwd() / "stdin"
        try:
            config = finder.for_dir(Path(os.path.abspath(file))) if file.is_dir() else finder.for_file(file)
            settings = engine.settings(config)
        except ConfigError as exc:
            return _fail(exc.text(lang), lang)
        cli = engine.options
        select = cli.select if cli.select is not None else (config.select or ("ALL",))
        ignore = (cli.ignore if cli.select is not None else config.ignore + cli.ignore)
        extend = cli.extend_select if cli.select is not None else config.extend_select + cli.extend_select
        enabled = [rule.code for rule in settings.rules]
        out += [t("settings.file", lang, path=display),
                t("settings.config", lang, path=config.path) if config.path else t("settings.no_config", lang)]
        if not file.is_dir() and config.is_excluded(file):
            forced = args.force_exclude or config.force_exclude
            out.append(t("settings.excluded" if forced else "settings.excluded_named", lang))
        out += [f"select = {_toml_value(list(select))}",
                f"extend-select = {_toml_value(list(extend))}",
                f"ignore = {_toml_value(list(ignore))}",
                f"per-file-ignores = {_toml_value(list(config.ignored_for(file)))}",
                f"fail-on = {_toml_value(str(settings.fail_on))}",
                f"lang = {_toml_value(settings.lang)}",
                f"exclude = {_toml_value(list(config.exclude))}",
                f"extend-exclude = {_toml_value(list(config.extend_exclude))}",
                f"force-exclude = {_toml_value(args.force_exclude or config.force_exclude)}"]
        if config.lexicon is not None:
            out.append(f"lexicon = {_toml_value(str(config.lexicon))}")
        if config.word_list is not None:
            out.append(f"word-list = {_toml_value(config.word_list)}")
        out.append(t("settings.enabled", lang, n=len(enabled)))
        out += ["# " + ", ".join(enabled[i:i + 12]) for i in range(0, len(enabled), 12)]
        for code, values in sorted(config.rules.items()):
            out.append(f"[rules.{code}]")
            out += [f"{name} = {_toml_value(value)}" for name, value in values.items()]
        out.append("")
    sys.stdout.write("\n".join(out))
    return EXIT_OK


def _outcomes(prepared: list, engine, args, fixed_files: list[int], diffs: list[str]):
    """Each prepared file with its FileResult (or the exception a bug raised), in order; plain
    linting of many files runs on ``--jobs`` worker processes."""
    import os

    from .lint.engine import STDIN, Unlistable

    jobs = args.jobs or os.cpu_count() or 1
    parallel = [i for i, (entry, path, *_) in enumerate(prepared)
                if not isinstance(entry, Unlistable) and path != STDIN and not (args.fix or args.diff)]
    futures = {}
    done = {}
    pool = None
    if jobs > 1 and len(parallel) >= PARALLEL_FROM:
        from .lint.parallel import Pool  # multiprocessing is imported only for many files

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
    from .lint.engine import STDIN, Unlistable

    entry, path, display, config, _ = item
    if isinstance(entry, Unlistable):
        return engine.input_error(display, config, entry.error)
    if args.fix or args.diff:
        fix = _fix_docx_file if path != STDIN and path.lower().endswith(".docx") else _fix_file
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
    if total < PROGRESS_FROM or not to_terminal or not sys.stderr.isatty() or args.quiet:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .reporters.terminal import colour, console

    columns = (TextColumn(t("progress.linting", lang)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    coloured = colour(sys.stderr, args.no_color)
    with Progress(*columns, console=console(sys.stderr, coloured), transient=True) as progress:
        task = progress.add_task("", total=total)
        for item in items:
            yield item
            progress.advance(task)


def _write_report(args, reporter, findings, files: int, lang: str, texts) -> bool:
    extra = {"texts": texts} if args.format == "html" else {}
    if args.format == "sarif":
        from .docs import sarif_rules
        from .registry import all_rules

        extra = {"rules": sarif_rules(all_rules(), lang)}
    if args.format == "text":
        from .reporters.terminal import colour

        extra = {"quiet": args.quiet, "coloured": args.output is None and colour(sys.stdout, args.no_color)}
    if args.output is None:
        # With --fix on standard input, standard output carries the fixed text.
        fixing_stdin = args.fix and not args.diff and "-" in args.paths
        reporter(findings, files, lang, sys.stderr if fixing_stdin else sys.stdout, **extra)
        return True
    try:
        with open(args.output, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            reporter(findings, files, lang, stream, **extra)
    except OSError as exc:
        sys.stderr.write(t("error.prefix", lang) + f"{args.output}: {os_error(exc)[lang]}\n")
        return False
    if not args.quiet:
        sys.stderr.write(t("report.written", lang, path=args.output) + "\n")
    return True


def engine_fail_on(engine, finder, finding):
    """The fail threshold that applies to a finding's file."""
    config = finder.for_file(Path(finding.path)) if finding.path != "-" else finder.for_file(Path.cwd() / "stdin")
    return engine.settings(config).fail_on


def _fix_file(engine, path: str, config, display: str, args, fixed_files: list[int]):
    """Lint a text file with its fixes applied (written back with --fix); returns the result on the
    fixed text and, with --diff, the unified diff of the change."""
    from .lint.engine import STDIN
    from .fix.fixes import fix_until_stable, unified_diff
    from .front.source import InputError, read_path, read_stdin
    from .fix.writeback import Snapshot

    before = Snapshot.of(path) if path != STDIN else None
    try:
        text = read_stdin() if path == STDIN else read_path(path)
    except InputError as error:
        return engine.input_error(display, config, error), ""
    fixed, count = fix_until_stable(lambda t: engine.lint_text(t, display, config).findings, text, args.unsafe_fixes)
    diff = ""
    if path == STDIN and not args.diff:
        sys.stdout.write(fixed)  # as ruff does: the fixed text on standard output, the report on standard error
        if fixed != text:
            fixed_files.append(count)
    elif fixed != text:
        if args.diff:
            bom = ""
            if path != STDIN:
                with open(path, "rb") as handle:  # a patch applies to the bytes: a BOM is part of the first line
                    bom = "\ufeff" if handle.read(3) == b"\xef\xbb\xbf" else ""
            diff = unified_diff(bom + text, bom + fixed, display)
        else:
            from .fix.writeback import WriteError, encoded, replace

            try:
                with open(path, "rb") as handle:
                    head = handle.read(3)
                replace(path, encoded(fixed, head), before)
            except (OSError, WriteError) as exc:
                return _not_written(engine.lint_text(text, display, config), exc, args, engine, config), ""
            fixed_files.append(count)
    return engine.lint_text(fixed, display, config), diff


def _not_written(result, exc, args, engine, config):
    """The findings of a file --fix could not write back, with why."""
    lang = args.lang or engine.settings(config).lang
    result.not_written = exc.text(lang) if hasattr(exc, "text") else t("write.failed", lang, reason=exc.strerror)
    return result


def _fix_docx_file(engine, path: str, config, display: str, args, fixed_files: list[int]):
    """A Word draft's fixes, written into its runs (with --fix); the edits that cannot be are
    named on standard error, and their findings stay in the report."""
    from .fix.docx_fix import fix_docx, write_docx
    from .fix.fixes import unified_diff
    from .front.source import InputError
    from .fix.writeback import Snapshot, WriteError

    lang = args.lang or engine.settings(config).lang
    before = Snapshot.of(path)
    try:
        outcome = fix_docx(path, lambda document: engine.lint_document(document, display, config).findings,
                           args.unsafe_fixes)
    except InputError as error:
        return engine.input_error(display, config, error), ""
    except WriteError as exc:
        return _not_written(engine.lint_file(path, config, display), exc, args, engine, config), ""
    if not args.quiet:
        for place, code in dict.fromkeys((f"{display}[{where(f.location, lang)}]", f.code) for f in outcome.declined):
            sys.stderr.write(printable(t("fix.docx_declined", lang, where=place, code=code)) + "\n")
    diff = ""
    if outcome.applied:
        if args.diff:
            diff = unified_diff(outcome.before, outcome.after, display)
        else:
            try:
                write_docx(path, outcome.data, before)
            except WriteError as exc:
                return _not_written(engine.lint_file(path, config, display), exc, args, engine, config), ""
            fixed_files.append(outcome.applied)
    result = engine.lint_file(path, config, display)
    # What --fix declined keeps its finding but is no longer offered as fixable ([*]).
    declined = {(f.code, f.location, f.message) for f in outcome.declined}
    result.findings = [replace(f, fix=None) if (f.code, f.location, f.message) in declined else f
                       for f in result.findings]
    return result, diff


def _statistics(findings, files: int, lang: str, quiet: bool) -> None:
    from collections import Counter

    from .reporters.text import fixable, summary

    counts = Counter((f.code, f.name, str(f.severity)) for f in findings)
    for (code, name, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        sys.stdout.write(f"{n:6d}  {code}  {severity:<7}  {name}\n")
    if not quiet:
        mendable = fixable(findings, lang)
        sys.stdout.write(summary(findings, files, lang) + "\n" + (mendable + "\n" if mendable else ""))


def _annotation_targets(entries, args, lang: str):
    """Each Word draft found with where its annotated copy goes, checked before anything is linted;
    or the exit code of a usage error. The other drafts are skipped with a note."""
    from .reporters.word_comments import AnnotateError, targets
    from .lint.engine import STDIN, Unlistable

    files = [e for e in entries if not isinstance(e, Unlistable) and e != STDIN]
    drafts = [path for path in files if path.lower().endswith(".docx")]
    if not drafts:
        return _fail(t("error.annotate_no_docx", lang, paths=" ".join(args.paths)), lang)
    try:
        pairs = targets(drafts, args.annotate)
    except AnnotateError as exc:
        return _fail(t(exc.key, lang, **exc.values), lang)
    if len(files) > len(drafts) and not args.quiet:
        sys.stderr.write(t("annotate.not_word", lang, count=len(files) - len(drafts)) + "\n")
    return pairs


def _annotate(pairs, findings, status: int, lang: str, quiet: bool) -> int:
    from .reporters.word_comments import annotate
    from .fix.writeback import WriteError

    for source, target in pairs:
        try:
            written, skipped = annotate(source, target, [f for f in findings if f.path == source])
        except Exception as exc:  # a file python-docx cannot open, a target that cannot be written
            if isinstance(exc, WriteError):
                reason = exc.text(lang)
            else:
                reason = os_error(exc)[lang] if isinstance(exc, OSError) else str(exc)
            sys.stderr.write(t("error.prefix", lang) + f"{target}: {reason}\n")
            status = EXIT_ERROR
            continue
        if not quiet:
            sys.stderr.write(t("annotate.done", lang, count=written, skipped=skipped, path=target) + "\n")
    return status


def _list_rules(rules, lang: str, no_color: bool) -> int:
    from .docs import rules_table

    header, rows = rules_table(rules, lang)
    if sys.stdout.isatty():
        from rich.table import Table

        from .reporters.terminal import colour, console

        table = Table(*header)
        for row in rows:
            table.add_row(*row)
        console(sys.stdout, colour(sys.stdout, no_color)).print(table)
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header[:5])]
        for row in [header, *rows]:
            sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row[:5], widths)) + "  " + row[5] + "\n")
    return EXIT_OK


def _explain(rules, code: str, lang: str) -> int:
    from .docs import explain
    from .registry import selector_code

    rule = rules.get(selector_code(code, rules))
    if rule is None:
        return _fail(t("error.unknown_rule", lang, code=code), lang)
    sys.stdout.write(explain(rule, lang))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
