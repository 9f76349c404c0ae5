"""Applying the fixes of findings to the text they were found in."""

from __future__ import annotations

import bisect
from typing import Iterable

from ..rule import Finding


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> str:
    return apply_counted(text, findings, unsafe)[0]


def apply_counted(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """``text`` with the fixes of ``findings`` applied: safe ones, and unsafe ones too when asked
    (and how many fixes were applied). The result is built once from the text between the edits."""
    chosen = choose_fixes(findings, unsafe)
    # Edits at the same place keep the order applying them from the end backwards gave.
    edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.start, e.end), reverse=True)
    pieces = []
    position = 0
    for edit in reversed(edits):
        pieces.append(text[position:edit.start])
        pieces.append(edit.content)
        position = max(position, edit.end)
    pieces.append(text[position:])
    return "".join(pieces), len(chosen)


def _meet(a: int, b: int, c: int, d: int) -> bool:
    """Whether edits of [a, b) and [c, d) cannot both be applied: they overlap, or both insert at one place."""
    return a < d and c < b or a == b == c == d


class _Taken:
    """The spans of the edits chosen so far, sorted and disjoint (so their ends are sorted too)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def meets(self, a: int, b: int) -> bool:
        spans = self.spans
        i = bisect.bisect_left(spans, (b, b)) - 1  # the span starting last before b ends furthest
        if i >= 0 and _meet(a, b, *spans[i]):
            return True
        j = i + 1  # an insertion at b itself
        return j < len(spans) and _meet(a, b, *spans[j])

    def add(self, a: int, b: int) -> None:
        bisect.insort(self.spans, (a, b))


def choose_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes one pass applies: safe ones (and unsafe ones when asked), none
    overlapping another (or itself); a fix overlapping one already taken is left for the next pass (re-lint
    and apply again until nothing changes)."""
    candidates = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
    taken = _Taken()
    chosen = []
    for finding in sorted(candidates, key=lambda f: min(e.start for e in f.fix.edits)):
        spans = sorted((e.start, e.end) for e in finding.fix.edits)
        if any(taken.meets(a, b) for a, b in spans) or any(_meet(*s, *t) for s, t in zip(spans, spans[1:])):
            continue
        for a, b in spans:
            taken.add(a, b)
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


def unified_diff(before: str, after: str, display: str) -> str:
    """The change from ``before`` to ``after`` as a patch ``patch`` and ``git apply`` accept: lines
    end at LF only, as those tools count them (a CR, a form feed or U+2028 stays inside its line),
    and a last line with no line break is marked so."""
    import difflib

    pieces = []
    for line in difflib.unified_diff(_patch_lines(before), _patch_lines(after), f"a/{display}", f"b/{display}"):
        pieces.append(line)
        if not line.endswith("\n"):
            pieces.append("\n\\ No newline at end of file\n")
    return "".join(pieces)


def _patch_lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    return lines
