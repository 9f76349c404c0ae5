"""Applying the fixes of findings to the text they were found in."""

from __future__ import annotations

from typing import Iterable

from .rule import Finding


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> str:
    return apply_counted(text, findings, unsafe)[0]


def apply_counted(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """``text`` with the fixes of ``findings`` applied: safe ones, and unsafe ones too when asked
    (and how many fixes were applied). Edits are applied from the end of the text backwards."""
    chosen = choose_fixes(findings, unsafe)
    for edit in sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.start, e.end), reverse=True):
        text = text[:edit.start] + edit.content + text[edit.end:]
    return text, len(chosen)


def choose_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes one pass applies: safe ones (and unsafe ones when asked), none
    overlapping another; a fix overlapping one already taken is left for the next pass (re-lint
    and apply again until nothing changes)."""
    candidates = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
    taken: list[tuple[int, int]] = []
    chosen = []
    for finding in sorted(candidates, key=lambda f: min(e.start for e in f.fix.edits)):
        spans = [(e.start, e.end) for e in finding.fix.edits]
        if any(a < d and c < b or a == b == c == d for a, b in spans for c, d in taken):
            continue
        taken += spans
        chosen.append(finding)
    return chosen


MAX_PASSES = 5  # fixing, re-linting and fixing again settles within a few passes


def fix_until_stable(lint, text: str, unsafe: bool = False) -> tuple[str, int]:
    """``text`` with the fixes of ``lint(text)`` applied, re-linted and applied again until
    nothing changes (at most MAX_PASSES times); also how many fixes were applied."""
    total = 0
    for _ in range(MAX_PASSES):
        fixed, count = apply_counted(text, lint(text), unsafe)
        if fixed == text:
            break
        text, total = fixed, total + count
    return text, total
