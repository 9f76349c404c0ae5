"""Suppressions written in a draft (.txt, .md) as HTML comments, which Markdown does not show:

    <!-- draftlint: disable CODE[,CODE] -->   … from here
    <!-- draftlint: enable [CODE,…] -->       … to here (all, or the codes named)
    <!-- draftlint: disable-next-line CODE --> the next line only
    <!-- draftlint: disable-file CODE -->      the whole file

A code may be a prefix (``SPL``); with no code, every rule. A suppression that silences
nothing is reported (INP003), so stale ones do not pile up. In a Word draft, a comment
``draftlint: disable CODE`` is a suppression of the stretch it is anchored to (``from_comments``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..startup import regex
from .source import SourceText

DIRECTIVE = regex.compile(r"<!--\s*draftlint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)\b"
                       r"(?P<codes>[^>]*?)(?<!\s)\s*+-->", re.I)


@dataclass
class Suppression:
    line: int  # where the directive is written (1-based)
    column: int
    codes: tuple[str, ...]  # () for every rule
    first: int  # the lines it covers
    last: int
    used: bool = field(default=False)
    span: tuple[int, int] | None = None  # a Word comment's stretch of text: offsets, not whole lines

    def covers(self, code: str, line: int, start: int | None = None, end: int | None = None) -> bool:
        if self.codes and not any(code.startswith(c) for c in self.codes):
            return False
        if self.span is not None and start is not None:
            a, b = self.span
            return a < end and start < b if start < end else a <= start <= b
        return self.first <= line <= self.last


def from_comments(comments, line_col) -> list[Suppression]:
    """Suppressions from a Word draft's ``draftlint: disable`` comments (docx.CommentSuppression)."""
    result = []
    for c in comments:
        (line, column), (last, _) = line_col(c.start), line_col(c.end)
        result.append(Suppression(line, column, c.codes, line, last, span=(c.start, c.end)))
    return result


def read(text: str, source: SourceText | None = None) -> list[Suppression]:
    """The suppressions a draft's text declares; lines are counted as findings count them
    (``source``: the text's SourceText, when it is at hand)."""
    if "draftlint:" not in text:
        return []
    lines = (source or SourceText(text)).physical_lines()
    if len(lines) > 1 and lines[-1][0] == len(text):
        lines.pop()  # the empty line after the last line break
    result: list[Suppression] = []
    # The disables not yet closed by an enable: those for every rule, and those naming each code.
    open_all: dict[int, Suppression] = {}
    open_by_code: dict[str, dict[int, Suppression]] = {}
    closed: set[int] = set()
    for number, (start, end) in enumerate(lines, 1):
        line = text[start:end]
        if "draftlint:" not in line:
            continue
        for m in DIRECTIVE.finditer(line):
            codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m["codes"]) if c.strip())
            verb = m["verb"].lower()
            column = m.start() + 1
            if verb == "disable-next-line":
                result.append(Suppression(number, column, codes, number + 1, number + 1))
            elif verb == "disable-file":
                result.append(Suppression(number, column, codes, 1, len(lines)))
            elif verb == "disable":
                s = Suppression(number, column, codes, number, len(lines))
                result.append(s)
                for code in codes:
                    open_by_code.setdefault(code, {})[id(s)] = s
                if not codes:
                    open_all[id(s)] = s
            else:  # enable: closes the open disables it names (all when it names none)
                closing = [open_all] + ([open_by_code.pop(c, {}) for c in codes] if codes
                                        else list(open_by_code.values()))
                for group in closing:
                    for key, s in group.items():
                        if key not in closed:  # a disable of several codes is in several groups
                            closed.add(key)
                            s.last = number
                    group.clear()
                if not codes:
                    open_by_code.clear()
    return result


def first_covering(suppressions: list[Suppression], findings, k: int = 1) -> list[tuple[int, ...]]:
    """For each finding (code, line, start, end; start None to go by lines only), the indices in
    ``suppressions`` of the first ``k`` suppressions that cover it, as ``Suppression.covers`` says."""
    # Each suppression is an interval [lo, hi] and each finding a point (or stretch) in it; they are
    # grouped by the code each names, and matched group by group in one sweep.
    groups: dict[tuple, list[tuple[int, int, int]]] = {}
    for index, s in enumerate(suppressions):
        for code in set(s.codes) or ("",):
            if s.span is None:
                groups.setdefault(("line", code), []).append((index, s.first, s.last))
            else:
                groups.setdefault(("line-of-span", code), []).append((index, s.first, s.last))
                groups.setdefault(("span", code), []).append((index, *s.span))
    codes = {code for _, code in groups}
    queries: dict[tuple, list[tuple[int, int, int]]] = {}
    for number, (code, line, start, end) in enumerate(findings):
        spaces = [("line", line - 1, line + 1)]  # first <= line <= last: first < line + 1, last > line - 1
        if start is None:
            spaces.append(("line-of-span", line - 1, line + 1))
        elif start < end:
            spaces.append(("span", start, end))  # overlaps: a < end and start < b
        else:
            spaces.append(("span", start - 1, start + 1))  # a <= start <= b
        for prefix in {code[:n] for n in range(len(code) + 1)} & codes:
            for space, low, high in spaces:
                if (space, prefix) in groups:
                    queries.setdefault((space, prefix), []).append((number, low, high))
    found: list[tuple[int, ...]] = [()] * len(findings)
    for key, asked in queries.items():
        for number, indices in _first_within(groups[key], asked, k):
            found[number] = _smallest(found[number], indices, k)
    return found


def _smallest(a: tuple[int, ...], b: tuple[int, ...], k: int) -> tuple[int, ...]:
    return tuple(sorted(set(a) | set(b))[:k]) if b else a


def _first_within(items: list[tuple[int, int, int]], queries: list[tuple[int, int, int]], k: int):
    """For each query (number, low, high), the ``k`` smallest indices of the items (index, lo, hi)
    with lo < high and hi > low: the items sorted by lo enter a Fenwick tree over hi as the queries,
    sorted by high, reach them."""
    his = sorted({hi for _, _, hi in items}, reverse=True)
    rank = {hi: r for r, hi in enumerate(his, 1)}  # the larger hi, the smaller its rank
    negated = [-hi for hi in his]
    size = len(his)
    tree: list[tuple[int, ...]] = [()] * (size + 1)
    items = sorted(items, key=lambda item: item[1])
    entered = 0
    for number, low, high in sorted(queries, key=lambda q: q[2]):
        while entered < len(items) and items[entered][1] < high:
            index, _, hi = items[entered]
            i = rank[hi]
            while i <= size:
                tree[i] = _smallest(tree[i], (index,), k)
                i += i & -i
            entered += 1
        result: tuple[int, ...] = ()
        i = bisect.bisect_left(negated, -low)  # how many hi are > low: ranks 1..i
        while i > 0:
            result = _smallest(result, tree[i], k)
            i -= i & -i
        yield number, result


def is_directive_line(text: str) -> bool:
    """A line holding nothing but suppression comments (not part of the draft's text)."""
    return bool(DIRECTIVE.search(text)) and not DIRECTIVE.sub("", text).strip()
