"""What one ``draftlint check`` run produced (``lint.session`` makes it), as every reporter and the
command line read it.

It lives below the reporters, not beside the session that fills it, so that the reporters can take
it without importing the engine (the layers of ``tests/test_layers.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Location
from .rule import Finding


@dataclass(frozen=True)
class Message:
    """A line for standard error: an error, or a note that ``--quiet`` leaves out."""

    text: str
    note: bool = False


@dataclass
class RunResult:
    """A run's findings and what the reporters need besides, and what the command line prints."""

    findings: list[Finding] = field(default_factory=list)  # reported: after ignores, suppressions and the baseline
    files: int = 0  # how many files were linted
    lang: str = "vi"  # the report's language
    error: bool = False  # a configuration, input or write error (exit code 2)
    failing: bool = False  # what counts against the run: findings at or above the fail threshold (exit code 1)
    complete: bool = True  # False when the run ends without a report: a baseline written, or an error that stops it
    messages: list[Message] = field(default_factory=list)  # in the order they arose
    # For the HTML report, per linted file in order: the text its findings point into (None when it
    # could not be read) and, for a Word file, each line's paragraph or table row.
    texts: dict[str, tuple[str | None, list[Location] | None]] = field(default_factory=dict)
    rules: list[dict] = field(default_factory=list)  # for SARIF: the rules' descriptors, the catalogue of ruleIndex
    fixed: list[int] = field(default_factory=list)  # fixes applied, per file --fix changed
    diffs: list[str] = field(default_factory=list)  # with --diff: the unified diff of each file it would change
    fixed_stdin: str | None = None  # with --fix on standard input: the fixed text, for standard output
    annotations: list[tuple[str, str]] = field(default_factory=list)  # --annotate: (Word draft, its copy)
