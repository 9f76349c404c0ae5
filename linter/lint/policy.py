"""What is reported and what fails. A ``Policy`` holds it for the drafts under one configuration,
with the command line's options over it: which rules run (selection) and at which severity, what a
draft's own suppression comments silence (and INP003 for one that silences nothing), what
``per-file-ignores`` turns off, which files are excluded, and the fail threshold. A baseline
(``--baseline``) then leaves out the findings recorded before.

Baselines record a finding by its file, its code and its fingerprint (what it is about, not where:
an inserted line above it does not change it). Two identical findings in one file are counted, so a
third one is new. Paths are stored relative to the baseline file's folder, so a run from a
subfolder or with absolute paths finds them (version 1 files, whose paths are as they were given on
the command line, are still read).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..config import Config, ConfigError, validate
from ..i18n import t
from ..model import Span
from ..rule import Finding, Rule, Severity, Violation
from ..front.source import SourceText


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
class Overrides:
    """What the command line sets over every configuration; None (or empty) leaves it to the configuration."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    force_exclude: bool = False


class Policy:
    """The policy of one configuration (``rules``: every rule known, by code). Raises ConfigError
    when the configuration is invalid or, with the command line, selects no rule."""

    def __init__(self, rules: dict[str, type[Rule]], config: Config, overrides: Overrides) -> None:
        validate(config, rules)
        self.config = config
        self._overrides = overrides
        self._inp003 = rules.get("INP003")
        layers = [(config.select, config.extend_select, config.ignore)]
        if overrides.select is not None or overrides.extend_select or overrides.ignore:
            layers.append((overrides.select, overrides.extend_select, overrides.ignore))
        enabled = resolve_selection(rules, layers)
        if not enabled:  # as the command line refuses --select "": a drafts repository wants to know
            alone = resolve_selection(rules, layers[:1])
            where = config.path if config.path and not alone else \
                {lang: t("config.where_cli", lang) for lang in ("vi", "en")}
            raise ConfigError(key="nothing_selected", where=where)
        self.severities: dict[str, Severity] = {}
        self.rules: list[Rule] = []  # the selected rules, with the configuration's options, in catalogue order
        for code, rule_class in rules.items():
            options = dict(config.rules.get(code, {}))
            severity = options.pop("severity", None)
            self.severities[code] = Severity.parse(severity) if severity else rule_class.severity
            if code in enabled:
                self.rules.append(rule_class(options))
        self._enabled = frozenset(rule.code for rule in self.rules)
        self.fail_on = Severity.parse(overrides.fail_on or config.fail_on or "error")
        self.lang = overrides.lang or config.lang or "vi"
        self.force_exclude = overrides.force_exclude or config.force_exclude

    def enabled(self, code: str) -> bool:
        return code in self._enabled

    def selection_as_written(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """``select``, ``extend-select`` and ``ignore`` as one configuration would write them: the
        command line's ``--select`` replaces the file's lists, its other options add to them."""
        cli, config = self._overrides, self.config
        if cli.select is not None:
            return cli.select, cli.extend_select, cli.ignore
        return config.select or ("ALL",), config.extend_select + cli.extend_select, config.ignore + cli.ignore

    def excludes(self, file: Path, named: bool) -> bool:
        """Whether ``file`` is left out. A file named on the command line (standard input by its
        ``--stdin-filename``) is linted even if excluded, unless exclusion is forced: pre-commit
        names every staged file."""
        return (not named or self.force_exclude) and self.config.is_excluded(file)

    def without_ignored(self, findings: list[Finding], file: Path) -> list[Finding]:
        """The findings ``per-file-ignores`` leaves on ``file``."""
        ignored = self.config.ignored_for(file)
        if not ignored:
            return findings
        return [f for f in findings if not any(f.code.startswith(c) for c in ignored)]

    def fails(self, finding: Finding) -> bool:
        """Whether the finding is at or above the fail threshold."""
        return finding.severity >= self.fail_on

    def suppressed(self, findings: list[Finding], text: str, display: str, source: SourceText,
                   comments: tuple = ()) -> list[Finding]:
        """The findings the draft's own suppression comments leave (``comments``: a Word draft's),
        and INP003 for the ones that silence nothing."""
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
        rule = self._inp003
        if rule is not None and self.enabled("INP003"):
            # Judged only when the rules it names ran; an unused one may itself be covered by a
            # suppression of INP003, which that uses.
            ran = {code[:n] for code in self._enabled for n in range(1, len(code) + 1)}
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
                    message = rule(None).message(Violation(Span(0, 0), args={"codes": codes}), self.lang)
                    kept.append(Finding(display, rule.code, rule.name, self.severities[rule.code], message,
                                        s.line, s.column, s.line, s.column + 4))
            kept.sort(key=Finding.sort_key)
        return kept


BASELINE_FORMAT = "draftlint-baseline"
BASELINE_VERSION = 2


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def _baseline_key(finding: Finding, folder: str | None) -> tuple[str, str, str]:
    """``folder``: the baseline's folder, which paths are relative to; None for version 1."""
    path = finding.path
    if folder is not None and path != "-":
        path = os.path.abspath(path)
        try:
            path = os.path.relpath(path, folder)
        except ValueError:  # on another drive
            pass
    return (Path(path).as_posix(), finding.code, finding.fingerprint)


def write_baseline(path: Path, findings: list[Finding]) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    rows = [{"path": p, "code": c, "fingerprint": f} for p, c, f in sorted(_baseline_key(x, folder) for x in findings)]
    data = {"format": BASELINE_FORMAT, "version": BASELINE_VERSION, "findings": rows}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def new_findings(path: Path, findings: list[Finding]) -> list[Finding]:
    """The findings the baseline does not record."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise BaselineError(f"{path}: not a baseline file (write one with --write-baseline)")
    known = Counter((r["path"], r["code"], r["fingerprint"]) for r in data.get("findings", ())
                    if isinstance(r, dict) and {"path", "code", "fingerprint"} <= set(r))
    version = data.get("version", 1)
    folder = os.path.dirname(os.path.abspath(path)) if isinstance(version, int) and version >= 2 else None
    result = []
    for finding in findings:
        key = _baseline_key(finding, folder)
        if known[key]:
            known[key] -= 1
        else:
            result.append(finding)
    return result
