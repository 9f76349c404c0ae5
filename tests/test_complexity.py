"""The complexity guard: every pattern draftlint compiles runs in time linear in its input.

A pattern that takes quadratic time is searched over a long run of what it repeats (a leading
``\\s*`` over a run of spaces, a lazy ``[^,]+?`` over a line without a comma, two quantifiers
that take the same characters). Every pattern the package compiles (the pattern cache knows
them all, once every module and every lazily built pattern has been used) is searched with
``finditer`` over long runs of each kind of character drafts hold, at two sizes, each run after
the text that brings the pattern to one of its repetitions; four times the input must take less
than six times as long. The patterns found so far and not reshaped yet are listed in
``data/superlinear-patterns.json``; any other fails the guard.
"""

from __future__ import annotations

import io
import json
import re
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from re import _constants as sre, _parser

import pytest

from conftest import EXAMPLES

from draftlint.startup import regex

SMALL, LARGE = 2_000, 8_000  # characters of each run
FLOOR = 0.004  # seconds at the larger size under which a pattern is linear enough, whatever the ratio

_WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())  # every kind, U+3000 included
RUNS = (
    _WHITESPACE, " ", "\t", "\u00a0", "\u3000", "\u2028", "\x1c", "\n", "\r\n", " \n",
    "a", "ạ", "Ð", "Đ", "A", "a\u0301", "\u0301\u0301", "ab ", "Ab ", "ngày ",
    "1", "12 ", "1.", "1/", ".", ",", ";", ":", "-", "–", "…", "_", "(", "(a", "“", '"', "/", "a, ", "a; ", "1, ",
)
END = "\x00"  # ends every input with something no pattern completes a match on
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
MAX_LEADS = 6  # texts leading to a repetition tried per pattern (an alternation of a data table has hundreds)


def _package_patterns() -> list[str]:
    """Every pattern compiled through the cache, after linting every example with every rule into
    every report format (so the patterns built on first use are built too)."""
    from draftlint.cli import main

    examples = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".docx"))
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        for fmt in ("text", "json", "sarif", "github", "html"):
            main(["check", "--select", "ALL", "--format", fmt, *examples])
        main(["outline", *[e for e in examples if e.endswith(".txt")][:2]])
    return sorted(regex._used)


def _member(items) -> str:
    """A character of a class ``[...]`` (a best guess for what it takes)."""
    negate = bool(items) and items[0][0] is sre.NEGATE

    def inside(ch: str) -> bool:
        for op, av in items:
            if op is sre.LITERAL and ch == chr(av):
                return True
            if op is sre.RANGE and av[0] <= ord(ch) <= av[1]:
                return True
            if op is sre.CATEGORY:
                name = str(av).lower()
                test = (ch.isdigit() if "digit" in name else ch.isspace() if "space" in name
                        else ch.isalnum() or ch == "_" if "word" in name else False)
                if test != ("not" in name):
                    return True
        return False

    for ch in "aAđ1 ,.;:-/()xĐ\u3000\n":
        if inside(ch) != negate:
            return ch
    return "a"


def _category(av) -> str:
    name = str(av).lower()
    if "not" in name:
        return "," if "word" in name else "a"
    return "1" if "digit" in name else " " if "space" in name else "a"


def _sample(items) -> str:
    """A short text the (parsed) pattern matches, or nearly: a repetition taken once."""
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op in (sre.NOT_LITERAL, sre.ANY):
            out.append("a" if av != ord("a") else "b")
        elif op is sre.IN:
            out.append(_member(av))
        elif op is sre.CATEGORY:
            out.append(_category(av))
        elif op is sre.BRANCH:
            out.append(_sample(av[1][0]))
        elif op in REPEATS:
            out.append(_sample(av[2]) * max(av[0], 1))
        elif op is sre.SUBPATTERN:
            out.append(_sample(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            out.append(_sample(av))
    return "".join(out)


def _leads(items, head: str = ""):
    """(text before a repetition, what it repeats) for the repetitions the pattern reaches in turn."""
    for i, (op, av) in enumerate(items):
        before = head + _sample(items[:i])
        if op in REPEATS:
            yield before, _sample(av[2])
        elif op is sre.SUBPATTERN:
            yield from _leads(av[-1], before)
        elif op is sre.ATOMIC_GROUP:
            yield from _leads(av, before)
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from _leads(branch, before)


def _inputs(pattern: str, flags: int, small: int = SMALL, large: int = LARGE):
    """(name, text of small runs, text of large runs) to search the pattern over."""
    leads = {("", "")}
    for lead in _leads(list(_parser.parse(pattern, flags))):
        if len(leads) > MAX_LEADS:
            break
        leads.add(lead)
    for head, own in sorted(leads):
        for run in RUNS + ((own,) if own and own not in RUNS else ()):
            def text(size: int, head=head, run=run) -> str:
                return head + run * (size // len(run)) + END
            yield f"{head!r} + {run!r} × n", text(small), text(large)


def _time(compiled: re.Pattern, text: str, tries: int = 1) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        for _ in compiled.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def _growth(compiled: re.Pattern, small: str, large: str, tries: int) -> tuple[float, float]:
    return _time(compiled, small, tries), _time(compiled, large, tries)


def _super_linear(pattern: str, flags: int, small: int = SMALL, large: int = LARGE) -> str | None:
    """How the pattern takes super-linear time, or None."""
    compiled = regex.compile(pattern, flags)
    for name, short, long in _inputs(pattern, flags, small, large):
        t1, t2 = _growth(compiled, short, long, 1)
        if t2 < FLOOR or t2 < 6 * t1:
            continue
        t1, t2 = _growth(compiled, short, long, 3)  # a suspect: measured again, the best of three
        if t2 >= FLOOR and t2 >= 6 * t1:
            return f"{pattern!r} over {name}: {t1 * 1000:.1f} ms at n={small}, {t2 * 1000:.1f} ms at n={large}"
    return None


KNOWN = json.loads((Path(__file__).parent / "data" / "superlinear-patterns.json").read_text(encoding="utf-8"))


def test_every_pattern_of_the_package_runs_in_linear_time():
    keys = _package_patterns()
    assert len(keys) > 150  # every module and rule was reached (a guard over nothing passes)
    known = set(KNOWN["patterns"])  # not fixed yet (see the file)
    slow = []
    for key in keys:
        flags, _, pattern = key.partition(":")
        if pattern not in known:
            found = _super_linear(pattern, int(flags))
            if found:
                slow.append(found)
    assert not slow, "patterns that take super-linear time:\n" + "\n".join(slow)


@pytest.mark.parametrize("pattern", [
    r"[;.,(]?\s*x",  # a leading \s* searched over a run of spaces
    r"Số\s+[\d\s]*(?:/|\d-)",  # two quantifiers taking the same spaces, even under one match
    r"[^,]+?,",  # a lazy [^,]+? over a line without a comma
])
def test_the_guard_finds_what_it_looks_for(pattern):
    """The guard's own check, on patterns of the shapes it is there to find (smaller runs: they are slow)."""
    assert _super_linear(pattern, 0, 1_000, 4_000)
