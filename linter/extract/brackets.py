"""Brackets and quotation marks left without their pair in a paragraph.

A quotation may run over several paragraphs (a law's article quoted whole, “Điều 5. … …”), and an
extract may cut a paragraph in two ("(qua Sở" / "Tài chính)"): an opener left open is carried to
the paragraphs after it (a quotation for a while, a bracket to the next one) before it is reported.
List markers such as "a)", "1)" are not closing brackets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Line
from ..startup import regex

PAIRS = {"(": ")", "[": "]", "“": "”"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_BRACKETS = regex.compile(r"[()\[\]“”\"]")
# A list marker "a)", "2)", "iv)": also after Markdown emphasis left around it ("*b) *Chi thường xuyên")
# and after the ellipsis of an excerpt ("…đ) Mua, bán"), an opening quote ("“c) Các ưu đãi"), and
# with a number or a dot after the letter ("b1)", "b1.)").
_ENUMERATOR = regex.compile(r"(?:^|(?<=[\s;:,*_…“\"]))(?:[a-zđ]\d{0,2}\.?|\d{1,2}|[ivx]{1,4})\)", re.I)
# What an opener left open at a paragraph's end may wait for: a quotation, some paragraphs;
# a bracket, only the next one (a paragraph cut in two by the extraction).
_REACH = {"“": 40, '"': 40, "(": 1}


@dataclass(frozen=True, slots=True)
class Unpaired:
    """One mark without its pair: ``problem`` is "open" (no closer), "close" (no opener),
    "mismatch" (“… closed by a straight quote) or "straight" (an odd number of ")."""

    line: Line
    at: int  # the mark's offset in the line's text
    problem: str


def unpaired(doc: Document, skip: frozenset[str]) -> Iterator[Unpaired]:
    """Each paragraph's first unpaired mark, and each opener carried too far; lines of the kinds in
    ``skip`` are not read."""
    carried: list[tuple] = []  # (line, offset, index of the line, the opener)
    for index, line in enumerate(doc.lines):
        while carried and index - carried[0][2] > _REACH[carried[0][3]]:
            old, at, _, ch = carried.pop(0)
            yield _unclosed(old, at, ch)
        if line.kind in skip or not _BRACKETS.search(line.text):
            continue
        found = list(_in_line(line, index, carried))  # all of it: the line's openers are carried
        if found:
            yield found[0]
    for old, at, _, ch in carried:
        yield _unclosed(old, at, ch)


def _in_line(line: Line, index: int, carried: list) -> Iterator[Unpaired]:
    text = line.text
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
    stack: list[int] = []
    straight = []
    for m in _BRACKETS.finditer(text):
        ch, at = m.group(), m.start()
        if ch == '"':
            if stack and text[stack[-1]] == "“":  # “… closed by a straight quote
                stack.pop()
                yield Unpaired(line, at, "mismatch")
            else:
                straight.append(at)
        elif ch in PAIRS:
            stack.append(at)
        elif stack and text[stack[-1]] == CLOSERS[ch]:
            stack.pop()
        elif ch == "”" and straight:
            straight.pop()  # '"…”': a straight quote opened what a curly one closes; balanced
        elif not stack and _take_carried(carried, ch, index):
            pass  # closes what an earlier paragraph opened
        elif at not in enumerators:  # "a)", "1)" list a paragraph's items
            yield Unpaired(line, at, "close")
    cut = not text.rstrip().endswith((".", ";", ":", "!", "?"))  # a paragraph ends on its stop
    for at in stack:
        if text[at] in _REACH and (cut or text[at] != "("):
            carried.append((line, at, index, text[at]))
        else:
            yield Unpaired(line, at, "open")
    if len(straight) % 2:
        at = straight[-1]
        if _take_carried(carried, '"', index):
            pass  # a straight quote closing a quotation opened paragraphs before
        elif straight[0] == len(text) - len(text.lstrip(" *_(-–")):
            carried.append((line, straight[0], index, '"'))  # '"Điều 106. …' opens a quotation
        else:
            yield Unpaired(line, at, "straight")


def _unclosed(line: Line, at: int, ch: str) -> Unpaired:
    return Unpaired(line, at, "straight" if ch == '"' else "open")


def _take_carried(carried: list, closer: str, index: int) -> bool:
    """Pair ``closer`` with the latest opener still carried that it closes."""
    openers = ("“", '"') if closer in ("”", '"') else ("(",) if closer == ")" else ()
    for k in range(len(carried) - 1, -1, -1):
        if carried[k][3] in openers and index - carried[k][2] <= _REACH[carried[k][3]]:
            del carried[k]
            return True
    return False
