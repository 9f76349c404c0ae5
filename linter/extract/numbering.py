"""Section numbering, read from the outline once per document: the runs of siblings counted
together, the problems of each run (a number skipped, out of order, repeated, a level that does not
start at 1) and the dotted items under the wrong parent.

Numbering restarts under each parent: the Arabic items of II. start again at 1,
as do the letters under each item. A document may instead number its Arabic
items continuously across Roman parts (II. ends at 4., III. starts at 5.);
that is recognised per document, and then each part continues the count.
Dotted numbers are checked against their parent (3.1. belongs under 3.) and
counted by their last part; a change of prefix starts a new count.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Document, Section
from ..text.numerals import VIETNAMESE_LETTERS, to_roman
from .excerpts import excerpts


def _format(style: str, parts: tuple[int, ...]) -> str:
    if style == "article":
        return f"Điều {parts[-1]}"
    if style == "roman":
        return to_roman(parts[-1])
    if style == "capital":
        return chr(ord("A") + parts[-1] - 1)
    if style == "letter":
        index = parts[-1] - 1
        return VIETNAMESE_LETTERS[index] if 0 <= index < len(VIETNAMESE_LETTERS) else "?"
    return ".".join(str(p) for p in parts)


def _runs(doc: Document) -> Iterator[tuple[Section, ...]]:
    """Runs of siblings to count, each in document order. Two kinds of run span several parents:

    - articles (Điều 1., Điều 2.) are numbered on through a document, across its
      chapters and parts, and start again in an attached document;
    - the Arabic items under the Roman parts of one body or part, when it numbers
      them on (see ``_continuous_arabic``), form one run.

    Letters outside the Vietnamese sequence (f, j, w, z) are left to NUM005.
    """
    articles: list[Section] = []
    roman_prefixed = _roman_prefixed_dotted(doc)
    for attached, top in doc.top_level_groups():
        if attached and articles:
            yield tuple(articles)  # an attached document numbers its articles afresh
            articles = []
        articles.extend(s for s in top if s.marker.style == "article")
        continuous = _continuous_arabic(top)
        chained: list[Section] = []
        parents: list[tuple[Section | None, tuple[Section, ...]]] = [(None, top)]
        parents += [(s, s.children) for root in top for s in root.walk() if s.children]
        for parent, children in parents:
            run: list[Section] = []
            deeper: dict[tuple[int, ...], list[Section]] = {}
            for child in children:
                marker = child.marker
                if marker.style == "article" or (marker.style == "letter" and marker.number not in VIETNAMESE_LETTERS):
                    continue
                if continuous and parent is not None and parent.marker.style == "roman" and marker.style == "arabic":
                    chained.append(child)
                    continue
                # Where the parent's number is the prefix, a wrong prefix is NUM003's; elsewhere a new
                # prefix starts a count (1.1, 1.2, 2.1 directly under a Roman part).
                numbered_parent = parent is not None and (
                    parent.marker.style in ("arabic", "dotted") or (parent.marker.style == "roman" and roman_prefixed))
                if numbered_parent and marker.style == "dotted" and len(marker.parts) > len(parent.marker.parts) + 1:
                    # 1.1.1.1 beside 1.1.1: a level the outline has no place for, counted on its own,
                    # while the count it interrupts goes on after it.
                    deeper.setdefault(marker.parts[:-1], []).append(child)
                    continue
                by_prefix = not numbered_parent
                key = (marker.parts[:-1] if by_prefix else (), marker.style)
                if run and (run[-1].marker.parts[:-1] if by_prefix else (), run[-1].marker.style) != key:
                    yield tuple(run)
                    run = []
                run.append(child)
            if run:
                yield tuple(run)
            yield from map(tuple, deeper.values())
        if chained:
            yield tuple(chained)
    if articles:
        yield tuple(articles)


def _continuous_arabic(top: tuple[Section, ...]) -> bool:
    """Arabic items numbered on across Roman parts (II: 1–4, III: 5–7).

    Recognised when no Roman part after the first starts again at 1 and at
    least one of them carries on from the part before; a single slip (III
    starting at 5 again) is then a duplicate, not a change of convention.
    """
    groups = [[c for c in s.children if c.marker.style == "arabic"] for s in top if s.marker.style == "roman"]
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return False
    later = list(zip(groups, groups[1:]))
    return all(cur[0].marker.value != 1 for _, cur in later) and any(
        cur[0].marker.value == prev[-1].marker.value + 1 for prev, cur in later
    )


def _roman_prefixed_dotted(doc: Document) -> bool:
    """Whether dotted items sit directly under Roman parts and carry the part's number (II. → 2.1.).

    True when at least two parts do so and more parts follow the convention than break it.
    """
    follow = broken = 0
    for part in doc.walk_sections():
        if part.marker.style != "roman":
            continue
        dotted = [c for c in part.children if c.marker.style == "dotted"]
        if dotted:
            if dotted[0].marker.parts[0] == part.marker.value:
                follow += 1
            else:
                broken += 1
    return follow >= 2 and follow > broken


def _sequence(items: tuple[Section, ...]) -> Iterator[tuple[str, Section, dict]]:
    """Walk one run; yields (problem, section, details) for start, gap, order and duplicate.

    After a wrong number the count goes on from it, unless the next item shows
    that the wrong one was a typo (1, 2, 5, 4: only 5 is reported). Two items
    swapped (1, 3, 2, 4) are reported once, at the first of them. A run that
    starts again at 1 after two items or more, or after an item ending on a lead-in
    ("Cách thức thực hiện:"), starts a new list.
    """
    first = items[0]
    if first.marker.value != 1:
        yield "start", first, {"expected": 1}
        typo_base = 1
    else:
        typo_base = None
    prev = first.marker.value
    seen = {prev}
    i = 1
    while i < len(items):
        item = items[i]
        value = item.marker.value
        expected = prev + 1
        if value == 1 and (prev >= 2 or _opens_list(items[i - 1])):
            # 1, 2, 3 … then 1 again: a new list the structure does not show (a table's rows, a
            # form, the steps of each procedure in an annex), not a duplicate of the first item.
            prev, seen, typo_base = 1, {1}, None
            i += 1
            continue
        if value == expected or (typo_base is not None and value == typo_base + 1):
            typo_base = None
        elif value in seen:
            yield "duplicate", item, {"expected": expected}
            typo_base = expected  # it was probably meant to be the expected number
        elif value > expected and i + 1 < len(items) and items[i + 1].marker.value == expected:
            yield "order", item, {"expected": expected, "previous": prev}
            seen.update((value, expected))
            prev = value
            typo_base = None
            i += 2
            continue
        elif value > expected:
            yield "gap", item, {"expected": expected, "previous": prev}
            typo_base = expected
        else:
            yield "order", item, {"expected": expected, "previous": prev}
            typo_base = expected
        prev = value
        seen.add(value)
        i += 1


def _opens_list(section: Section) -> bool:
    """The item ends on a lead-in ("Cách thức thực hiện:"): a "1." after it starts the list it announces."""
    last = section.paragraphs[-1] if section.paragraphs and not section.children else section.heading
    return last.text.rstrip().endswith(":")


def misplaced(doc: Document) -> dict[int, tuple[Section, Section]]:
    """Dotted items whose number does not start with their parent's (3.1. under 2.), by id: (item, parent).

    Computed once; NUM003 reports them, and the count of their siblings does not report them again.
    """
    return doc.derived("numbering.misplaced", _find_misplaced)


def _find_misplaced(doc: Document) -> dict[int, tuple[Section, Section]]:
    roman_prefixed = _roman_prefixed_dotted(doc)
    found: dict[int, tuple[Section, Section]] = {}
    for parent in doc.walk_sections():
        # Under a Roman part only when the document writes 2.1. under II.
        if not (parent.marker.style in ("arabic", "dotted") or (parent.marker.style == "roman" and roman_prefixed)):
            continue
        prefix = parent.marker.parts
        for child in parent.children:
            if child.marker.style == "dotted" and child.marker.parts[: len(prefix)] != prefix:
                found[id(child)] = (child, parent)
    return found


def numbering_problems(doc: Document) -> tuple[tuple[str, Section, dict], ...]:
    """Every sequence problem of the document, computed once for NUM001, NUM002 and NUM004."""
    return doc.derived("numbering.problems", _all_problems)


def _all_problems(doc: Document) -> tuple[tuple[str, Section, dict], ...]:
    problems = []
    wrong_prefix = misplaced(doc)
    for run in _runs(doc):
        first_lines: dict[int, int] = {}
        for item in run:
            first_lines.setdefault(item.marker.value, item.heading.first_line)
        for problem, item, details in _sequence(run):
            if id(item) not in wrong_prefix:  # already NUM003's
                problems.append((problem, item, {**details, "first_line": first_lines[item.marker.value]}))
    return tuple(problems)


def label_for(item: Section, value: int) -> str:
    """How the item of ``item``'s level and prefix numbered ``value`` is written: "Điều 4", "IV",
    "6.4", "đ"."""
    parts = item.marker.parts[:-1] + (value,)
    return _format(item.marker.style, parts)


def own_problems(doc: Document) -> Iterator[tuple[str, Section, dict]]:
    """The numbering problems of the draft's own outline: not of an annex's tables (numbered cells
    of a table laid out one per line) nor of a law quoted whole."""
    quoted = excerpts(doc)
    for problem, item, details in numbering_problems(doc):
        if item.heading.span.start not in quoted:
            yield problem, item, details


def sibling_lists(doc: Document) -> Iterator[tuple[Section, ...]]:
    """Every list of sibling sections: the top-level ones of each group, and each section's children."""
    for _, sections in doc.top_level_groups():
        yield sections
    for section in doc.walk_sections():
        if section.children:
            yield section.children
