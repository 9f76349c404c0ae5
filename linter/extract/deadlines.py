"""The deadline extractor: every deadline a draft sets, with what it means, and the plan's period.

A deadline is a date, month, quarter, year or period introduced as one (``trước ngày
15/12/2024``, ``hoàn thành trong tháng 6/2024``, ``Thời gian thực hiện: Quý II/2024``,
``Thời gian thực hiện: 2023 - 2025``), a recurring one (``trước ngày 12 hàng tháng``,
``trước ngày 01/12 hàng năm``, or a day and month without a year), or an ongoing one
(``Thời gian thực hiện: Thường xuyên``, ``Hàng năm``). Each keeps its span and the last day
it allows, where it has one.

The plan's period comes from its title and summary: ``giai đoạn 2021 - 2025``, ``năm 2024``,
``đến năm 2030``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from ..startup import regex
from .dates import dates, draft_date, in_results_section, is_deadline, last_day, line_dates
from .dates import deadline_cue_before as _cue_before
from ..model import Document, Line, LineKind, Span
from .tasks import Task, cell_spans, is_deadline_column, tasks

DAY, MONTH, QUARTER, YEAR, PERIOD, MONTHLY, YEARLY, ONGOING = (
    "day", "month", "quarter", "year", "period", "monthly", "yearly", "ongoing")


@dataclass(frozen=True, slots=True)
class Deadline:
    raw: str
    span: Span
    line: Line
    kind: str  # one of the constants above
    last: _dt.date | None  # the last day it allows; None when recurring or ongoing
    day: int | None = None  # for a recurring deadline: the day (and month, yearly)
    month: int | None = None

    @property
    def at(self) -> int:
        """Its offset in its line's text."""
        return self.span.start - self.line.span.start


def deadlines(doc: Document) -> tuple[Deadline, ...]:
    """The deadlines the draft sets, in reading order (none from sections that report results)."""
    return doc.derived("deadlines", _extract)


_QUARTER = regex.compile(
    r"(?=[qQ])(?<!\w)quý[ \t]*+(?P<q>IV|I{1,3}|[1-4])(?:[ \t]*+/[ \t]*+|[ \t]++năm[ \t]++)(?P<y>\d{4})(?![\w/])", re.I
)
_YEAR = regex.compile(r"(?=[nN])(?<!\w)năm[ \t]++(?P<y>(?:19|20)\d\d)(?![\w/]|[.\-]\d)", re.I)
_YEARS = regex.compile(
    r"(?=[12gGtT])(?<![\w/.\-])(?:(?:giai[ \t]+đoạn|từ(?:[ \t]+năm)?)[ \t]+)?(?P<a>(?:19|20)\d\d)[ \t]*+(?:-|–|—|đến)[ \t]*+"
    r"(?:năm[ \t]+)?(?P<b>(?:19|20)\d\d)(?![\w/]|[.\-]\d)",
    re.I,
)
_ONGOING = regex.compile(r"(?=[tThHđĐlL])(?<!\w)(?P<w>thường[ \t]+xuyên|h[àằ]ng[ \t]+(?:năm|quý|tháng|tuần)|định[ \t]+kỳ|liên[ \t]+tục)(?!\w)", re.I)
_PERIODIC = regex.compile(r"định[ \t]+kỳ[ \t]+(?:h[àằ]ng[ \t]+(?:năm|quý|tháng|tuần)|6[ \t]+tháng)\b", re.I)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_HINT = regex.compile(r"\d|thường|h[àằ]ng\s+năm|định\s+kỳ", re.I)


def _extract(doc: Document) -> tuple[Deadline, ...]:
    found: list[Deadline] = []
    for mention in dates(doc):
        if not mention.on_date_line and is_deadline(mention) and not in_results_section(doc, mention):
            deadline = _from_mention(mention)
            if deadline is not None:
                found.append(deadline)
    for line in doc.lines:
        if line.kind not in _SKIP and _HINT.search(line.text):
            found.extend(d for d in _other_deadlines(line) if not in_results_section(doc, d))
    found.extend(d for d in _table_deadlines(doc) if not in_results_section(doc, d))
    unique = {d.span.start: d for d in reversed(found)}  # the first reading of a span wins
    return tuple(sorted(unique.values(), key=lambda d: d.span.start))


def _from_mention(mention, line: Line | None = None) -> Deadline | None:
    line = line or mention.line
    if mention.day is not None and mention.month is None:  # "trước ngày 12 hàng tháng"
        return Deadline(mention.raw, mention.span, line, MONTHLY, None, mention.day)
    if mention.year is None and mention.problem() is None and mention.month is not None:
        # "trước ngày 25/11", "trước ngày 01/12 hàng năm"
        return Deadline(mention.raw, mention.span, line, YEARLY, None, mention.day, mention.month)
    due = last_day(mention)
    if due is not None:
        return Deadline(mention.raw, mention.span, line, MONTH if mention.month_only else DAY, due)
    return None


def _table_deadlines(doc: Document):
    """What a task table's time column holds (``| Quý III/2025 |``, ``| Thường xuyên |``): a deadline
    without any cue word."""
    column = None
    for line in doc.lines:
        if line.kind != LineKind.TABLE_ROW:
            column = None
            continue
        spans = cell_spans(line.text)
        if column is None:
            column = next((i for i, (a, b) in enumerate(spans) if is_deadline_column(line.text[a:b])), -1)
            continue
        if not 0 <= column < len(spans):
            continue
        a, b = spans[column]
        cell = Line(line.kind, line.text[a:b], line.sub_span(a, b), line.first_line)
        if not _HINT.search(cell.text):
            continue
        for mention in line_dates(cell):
            deadline = _from_mention(mention, cell)
            if deadline is not None:
                yield deadline
        yield from _other_deadlines(cell, cued=True)


_SKIP = frozenset({LineKind.DOCNUM, LineKind.PLACEDATE, LineKind.RECIPIENT, LineKind.NOINHAN, LineKind.SIGNER,
                   LineKind.SIGNAME})


def _other_deadlines(line: Line, cued: bool = False):
    """Quarters, years, periods and ongoing deadlines introduced as deadlines in ``line`` (all of
    them, when the line is ``cued`` as a deadline already: a table's time cell)."""
    text = line.text

    def deadline_cue_before(text, at):
        return cued or _cue_before(text, at)
    taken: list[tuple[int, int]] = []
    for m in _QUARTER.finditer(text):
        if deadline_cue_before(text, m.start()):
            q = _ROMAN_QUARTER.get(m["q"].upper()) or int(m["q"])
            year, month = int(m["y"]), 3 * q
            taken.append((m.start(), m.end()))
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, QUARTER,
                           _dt.date(year, month, calendar.monthrange(year, month)[1]))
    for m in _YEARS.finditer(text):
        if int(m["b"]) >= int(m["a"]) and deadline_cue_before(text, m.start()) and not _overlaps(m, taken):
            taken.append((m.start(), m.end()))
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, PERIOD, _dt.date(int(m["b"]), 12, 31))
    for m in _YEAR.finditer(text):
        if deadline_cue_before(text, m.start()) and not _overlaps(m, taken) and not _part_of_date(text, m.start()):
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, YEAR, _dt.date(int(m["y"]), 12, 31))
    for m in _ONGOING.finditer(text):
        if deadline_cue_before(text, m.start()) or _PERIODIC.match(text, m.start()):
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, ONGOING, None)


def _overlaps(m: re.Match, taken) -> bool:
    return any(a < m.end() and m.start() < b for a, b in taken)


_DATE_BEFORE = regex.compile(r"tháng[ \t]*+[\d.…_]*+[ \t]*+\Z", re.I)


def _part_of_date(text: str, at: int) -> bool:
    return bool(_DATE_BEFORE.search(text[max(0, at - 20):at]))


# -- the plan's period -------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    first: int  # years
    last: int
    raw: str  # as written in the title: "giai đoạn 2021 - 2025", "năm 2024"


_PERIOD_RANGE = regex.compile(r"(?<!\w)giai[ \t]+đoạn[ \t]+(?P<a>(?:19|20)\d\d)[ \t]*[-–—][ \t]*(?P<b>(?:19|20)\d\d)(?!\d)", re.I)
_UNTIL = regex.compile(r"(?<!\w)đến[ \t]+năm[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_VISION = regex.compile(r"tầm[ \t]+nhìn[^,;]*\Z", re.I)


def plan_period(doc: Document) -> Period | None:
    """The years the plan covers, from its title and summary; None when they do not say, or say
    more than one thing."""
    return doc.derived("plan-period", _period)


def _period(doc: Document) -> Period | None:
    if doc.title is None:
        return None
    text = " ".join(line.text for line in (doc.title.line, doc.title.summary) if line is not None)
    ranges = {(int(m["a"]), int(m["b"])) for m in _PERIOD_RANGE.finditer(text)}
    if ranges:
        if len(ranges) == 1:
            first, last = ranges.pop()
            return Period(first, last, f"giai đoạn {first} - {last}") if first <= last else None
        return None
    until = {int(m["y"]) for m in _UNTIL.finditer(text) if not _VISION.search(text[:m.start()])}
    own = draft_date(doc)
    if until:
        if len(until) == 1 and own is not None and own.year is not None:
            last = until.pop()
            return Period(own.year, last, f"đến năm {last}") if own.year <= last else None
        return None
    years = {int(m["y"]) for m in _YEAR.finditer(text) if not _part_of_date(text, m.start())}
    if len(years) == 1:
        year = years.pop()
        return Period(year, year, f"năm {year}")
    return None


_SENTENCE_END = regex.compile(r"[.;!?](?:\s|\Z)")


def clause(deadline: Deadline) -> str:
    """The clause a deadline is written in (between ``.;!?`` marks)."""
    text, at = deadline.line.text, deadline.at
    ends = list(_SENTENCE_END.finditer(text, 0, at))
    start = ends[-1].end() if ends else 0
    after = _SENTENCE_END.search(text, at + len(deadline.raw))
    return text[start:after.start() if after else len(text)]


def task_of(doc: Document, deadline: Deadline) -> Task | None:
    """The task a deadline belongs to: the one whose own text holds it (None outside tasks)."""
    return doc.derived("task-by-line", _task_by_line).get(deadline.line.span.start) or next(
        (t for t in tasks(doc) if t.lead_text is not None or t.deadline_text is not None
         if t.lines[0].span.start <= deadline.span.start < t.lines[0].span.end), None)


def _task_by_line(doc: Document) -> dict[int, Task]:
    return {line.span.start: task for task in tasks(doc) for line in task.lines}
