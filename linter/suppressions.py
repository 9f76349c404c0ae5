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

import re
from dataclasses import dataclass, field

from . import regex

DIRECTIVE = regex.compile(r"<!--\s*draftlint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)\b"
                       r"(?P<codes>[^>]*?)\s*-->", re.I)


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


def read(text: str) -> list[Suppression]:
    """The suppressions a draft's text declares."""
    if "draftlint:" not in text:
        return []
    lines = text.splitlines()
    result: list[Suppression] = []
    open_: list[Suppression] = []
    for number, line in enumerate(lines, 1):
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
                open_.append(s)
            else:  # enable: closes the open disables it names (all when it names none)
                for s in list(open_):
                    if not codes or set(s.codes) & set(codes) or not s.codes:
                        s.last = number
                        open_.remove(s)
    return result


def is_directive_line(text: str) -> bool:
    """A line holding nothing but suppression comments (not part of the draft's text)."""
    return bool(DIRECTIVE.search(text)) and not DIRECTIVE.sub("", text).strip()
