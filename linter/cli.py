"""The ``draftlint`` command: ``check``, ``rules`` and ``explain``.

Exit codes: 0 nothing at or above the fail threshold; 1 findings at or above
it; 2 a usage, configuration or input error (after linting every file that
could be read).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .docs import toml_value as _toml_value
from .i18n import os_error, t
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
    check.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the cache folder (as DRAFTLINT_NO_CACHE=1): every file is "
                            "linted afresh")
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
    if getattr(args, "no_cache", False):
        from .startup import cache

        cache.switch_off()
    lang = args.lang or "vi"
    from .startup.classcache import compiled_once

    with compiled_once():  # the rules, the engine and the session define most of draftlint's dataclasses
        from .lint import session  # noqa: F401
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
    from .lint.learn import archive, learn, write

    files = archive(args.paths)
    if not files:
        return _fail(t("error.no_files", lang, paths=" ".join(args.paths)), lang)
    table = learn(files)
    try:
        write(table, args.output)
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


def _settle_garbage_collector() -> None:
    """What start-up made (rules, patterns, tables) lives for the whole run: the collector stops
    walking it, and runs less often over the many short-lived records of linting (1-4 % less CPU
    time in paired runs; forked workers also keep sharing those pages)."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


def _check(args, rules) -> int:
    from .config import ConfigError, check_selectors
    from .lint.policy import Overrides
    from .lint.session import CheckOptions, Session
    from .reporters.text import statistics

    lang = args.lang or "vi"
    select = _selection(args.select, rules)
    extend_select, ignore = _selection(args.extend_select, rules) or (), _selection(args.ignore, rules) or ()
    if select == ():
        return _fail(t("error.empty_select", lang), lang)
    overrides = Overrides(select=select, extend_select=extend_select, ignore=ignore, fail_on=args.fail_on,
                          lang=args.lang, force_exclude=args.force_exclude)
    options = CheckOptions(paths=tuple(args.paths), overrides=overrides, config=args.config,
                           stdin_filename=args.stdin_filename, jobs=args.jobs, fix=args.fix, diff=args.diff,
                           unsafe_fixes=args.unsafe_fixes, write_baseline=args.write_baseline, baseline=args.baseline,
                           exit_zero=args.exit_zero, annotate=args.annotate, keep_texts=args.format == "html",
                           describe_rules=args.format == "sarif" and not (args.statistics or args.diff),
                           cache=not args.no_cache)
    try:
        check_selectors(rules, "--select", select or ())
        check_selectors(rules, "--extend-select", extend_select)
        check_selectors(rules, "--ignore", ignore)
        session = Session(rules, options)
    except ConfigError as exc:
        return _fail(exc.text(lang), lang)
    if args.show_settings:
        return _show_settings(session, lang)
    if args.format == "html" and args.output is None and sys.stdout.isatty():
        return _fail(t("error.output_format", lang), lang)
    def say(message) -> None:
        if not (message.note and args.quiet):
            sys.stderr.write(message.text + "\n")

    _settle_garbage_collector()
    result = session.run(lambda outcomes, total: _with_progress(outcomes, total, args, lang), say)
    if result.fixed_stdin is not None:  # as ruff does: the fixed text on standard output, the report on standard error
        sys.stdout.write(result.fixed_stdin)
    status = EXIT_ERROR if result.error else EXIT_FINDINGS if result.failing else EXIT_OK
    if not result.complete:
        return status
    if args.diff:
        sys.stdout.write("".join(result.diffs))
        return status
    if args.fix and result.fixed and not args.quiet:
        sys.stderr.write(t("fix.done", result.lang, count=sum(result.fixed), files=len(result.fixed)) + "\n")
    if result.error and not result.files and args.format == "text":
        pass  # nothing was linted: the error said why, and a summary of 0 files would only mislead
    elif args.statistics:
        statistics(result, sys.stdout, quiet=args.quiet)
    elif not _write_report(args, result):
        return EXIT_ERROR
    if result.annotations:
        status = _annotate(result, status, args.quiet)
    return status


def _show_settings(session, lang: str) -> int:
    """For each path named, the configuration file that applies to it and what it resolves to, as
    the configuration would write it (a folder: the settings of the drafts directly in it)."""
    from .config import ConfigError

    out: list[str] = []
    for raw in session.paths:
        try:
            display, file, policy = session.settings_for(raw)
        except ConfigError as exc:
            return _fail(exc.text(lang), lang)
        config = policy.config
        select, extend, ignore = policy.selection_as_written()
        enabled = [rule.code for rule in policy.rules]
        out += [t("settings.file", lang, path=display),
                t("settings.config", lang, path=config.path) if config.path else t("settings.no_config", lang)]
        if not file.is_dir() and config.is_excluded(file):
            out.append(t("settings.excluded" if policy.force_exclude else "settings.excluded_named", lang))
        out += [f"select = {_toml_value(list(select))}",
                f"extend-select = {_toml_value(list(extend))}",
                f"ignore = {_toml_value(list(ignore))}",
                f"per-file-ignores = {_toml_value(list(config.ignored_for(file)))}",
                f"fail-on = {_toml_value(str(policy.fail_on))}",
                f"lang = {_toml_value(policy.lang)}",
                f"exclude = {_toml_value(list(config.exclude))}",
                f"extend-exclude = {_toml_value(list(config.extend_exclude))}",
                f"force-exclude = {_toml_value(policy.force_exclude)}"]
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


PROGRESS_FROM = 20  # files; fewer are linted before a progress bar would be seen


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


def _write_report(args, result) -> bool:
    from .reporters import get as get_reporter

    reporter = get_reporter(args.format)
    flags = {}
    if args.format == "text":
        from .reporters.terminal import colour

        flags = {"quiet": args.quiet, "coloured": args.output is None and colour(sys.stdout, args.no_color)}
    if args.output is None:
        # With --fix on standard input, standard output carries the fixed text.
        fixing_stdin = args.fix and not args.diff and "-" in args.paths
        reporter(result, sys.stderr if fixing_stdin else sys.stdout, **flags)
        return True
    try:
        with open(args.output, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            reporter(result, stream, **flags)
    except OSError as exc:
        sys.stderr.write(t("error.prefix", result.lang) + f"{args.output}: {os_error(exc)[result.lang]}\n")
        return False
    if not args.quiet:
        sys.stderr.write(t("report.written", result.lang, path=args.output) + "\n")
    return True


def _annotate(result, status: int, quiet: bool) -> int:
    """Write the commented copies of the Word drafts; the exit code, 2 if one could not be written."""
    from .reporters.word_comments import report

    for copy in report(result):
        if copy.failure is not None:
            sys.stderr.write(t("error.prefix", result.lang) + f"{copy.path}: {copy.failure}\n")
            status = EXIT_ERROR
        elif not quiet:
            sys.stderr.write(t("annotate.done", result.lang, count=copy.comments, skipped=copy.skipped,
                               path=copy.path) + "\n")
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
