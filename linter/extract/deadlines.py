"""The deadline extractor: every deadline a draft sets, with what it means, and the plan's period.

A deadline is a date, month, quarter, year or period introduced as one (``trước ngày
15/12/2024``, ``hoàn thành trong tháng 6/2024``, ``Thời gian thực hiện: Quý II/2024``,
``Thời gian thực hiện: 2023 - 2025``), a recurring one (``trước ngày 12 hàng tháng``,
``trước ngày 01/12 hàng năm``, or a day and month without a year), or an ongoing one
(``Thời gian thực hiện: Thường xuyên``, ``Hàng năm``). Each keeps its span and the last day
it allows, where it has one.

The plan's period comes from its title and summary: ``giai đoạn 2021 - 2025``, ``năm 2024``,
``đến năm 2030``. Deadlines that disagree are found here too: a sub-task due after its section,
one report given two deadlines, units asked to report after the office must compile.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterator

from ..startup import regex
from .dates import dates, draft_date, in_results_section, is_deadline, last_day, line_dates, may_hold_range
from .dates import deadline_cue_before as _cue_before
from ..model import Document, Line, LineKind, Section, Span
from ..text.fold import fold
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


# re skips ahead to the characters a pattern can start with only when it starts with a class or a
# literal (not a lookaround, nor a letter whose case is ignored): _QUARTER, _YEAR, _ONGOING and _HINT
# start with a class and look behind their first character. _YEARS, whose first digit opens its
# group, keeps its lookahead and is searched only on lines that can hold a range.
_QUARTER = regex.compile(
    r"[qQ](?<!\w.)(?i:uý[ \t]*+(?P<q>IV|I{1,3}|[1-4])(?:[ \t]*+/[ \t]*+|[ \t]++năm[ \t]++)(?P<y>\d{4})(?![\w/]))"
)
_YEAR = regex.compile(r"[nN](?<!\w.)(?i:ăm[ \t]++(?P<y>(?:19|20)\d\d)(?![\w/]|[.\-]\d))")
_YEARS = regex.compile(
    r"(?=[12gGtT])(?<![\w/.\-])(?:(?:giai[ \t]+đoạn|từ(?:[ \t]+năm)?)[ \t]+)?(?P<a>(?:19|20)\d\d)[ \t]*+(?:-|–|—|đến)[ \t]*+"
    r"(?:năm[ \t]+)?(?P<b>(?:19|20)\d\d)(?![\w/]|[.\-]\d)",
    re.I,
)
_FOUR_DIGITS = regex.compile(r"\d\d{3}")  # in every quarter, year and period (\d{4} would have no first character)
_ONGOING = regex.compile(
    r"(?P<w>[tThHđĐlL](?<!\w.)(?i:(?<=[tT])hường[ \t]+xuyên|(?<=[hH])[àằ]ng[ \t]+(?:năm|quý|tháng|tuần)"
    r"|(?<=[đĐ])ịnh[ \t]+kỳ|(?<=[lL])iên[ \t]+tục))(?!\w)"
)
_PERIODIC = regex.compile(r"định[ \t]+kỳ[ \t]+(?:h[àằ]ng[ \t]+(?:năm|quý|tháng|tuần)|6[ \t]+tháng)\b", re.I)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
# "\d|thường|h[àằ]ng\s+năm|định\s+kỳ" ignoring case.
_HINT = regex.compile(r"[\dtThHđĐ](?:(?<=\d)|(?<=[tT])(?i:hường)|(?<=[hH])(?i:[àằ]ng\s+năm)|(?<=[đĐ])(?i:ịnh\s+kỳ))")


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
    dated = _FOUR_DIGITS.search(text) is not None
    for m in _QUARTER.finditer(text) if dated else ():
        if deadline_cue_before(text, m.start()):
            q = _ROMAN_QUARTER.get(m["q"].upper()) or int(m["q"])
            year, month = int(m["y"]), 3 * q
            taken.append((m.start(), m.end()))
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, QUARTER,
                           _dt.date(year, month, calendar.monthrange(year, month)[1]))
    for m in _YEARS.finditer(text) if dated and may_hold_range(text) else ():
        if int(m["b"]) >= int(m["a"]) and deadline_cue_before(text, m.start()) and not _overlaps(m, taken):
            taken.append((m.start(), m.end()))
            yield Deadline(m.group(), line.sub_span(m.start(), m.end()), line, PERIOD, _dt.date(int(m["b"]), 12, 31))
    for m in _YEAR.finditer(text) if dated else ():
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


# -- deadlines that disagree -------------------------------------------------------------------

def late_subtasks(doc: Document) -> Iterator[tuple[Deadline, Deadline, Section]]:
    """(deadline, the enclosing section's deadline, that section) for each deadline of a task later
    than its nearest enclosing section's."""
    by_line: dict[int, list[Deadline]] = {}
    for deadline in deadlines(doc):
        if deadline.last is not None:
            by_line.setdefault(deadline.line.span.start, []).append(deadline)
    for task in tasks(doc):
        parent = _parent_deadline(task, by_line)
        if parent is None:
            continue
        section, limit = parent
        for line in task.lines:
            for deadline in by_line.get(line.span.start, ()):
                if deadline.last > limit.last:
                    yield deadline, limit, section


def reports_given_twice(doc: Document) -> Iterator[tuple[Deadline, Deadline]]:
    """(deadline, the one given first) for a report (same kinds, same destination) given another
    deadline than before; deadlines written alike only (both dates with a year, or both days of
    every year)."""
    first_of: dict[tuple, Deadline] = {}
    for deadline, text in _report_deadlines(doc):
        if _COMPILE.search(text):
            continue
        key = _report_key(deadline, text)
        if key is None:
            continue
        earlier = first_of.setdefault(key, deadline)
        if earlier is not deadline and _comparable(earlier) != _comparable(deadline):
            yield deadline, earlier


def reports_after_compiling(doc: Document) -> Iterator[tuple[Deadline, Deadline]]:
    """(deadline, the deadline to compile by) for units' reports due after the office must compile
    and send them on, within a month, when no report of their kind arrives in time."""
    reports = _report_deadlines(doc)
    compiled = [d for d, text in reports if _COMPILE.search(text)]
    sent = [d for d, text in reports if not _COMPILE.search(text)]
    for target in compiled:
        due = _comparable(target)
        if due is None:
            continue
        alike = [(d, _comparable(d)) for d in sent if d.kind == target.kind]
        alike = [(d, when) for d, when in alike if when is not None]
        if any(0 <= (due - when).days <= 31 for _, when in alike):
            continue  # the units' reports arrive in time for this one
        for deadline in (d for d, when in alike if 0 < (when - due).days <= 31):
            yield deadline, target


def _report_deadlines(doc: Document) -> tuple[tuple[Deadline, str], ...]:
    """The deadlines of reports, with the clause each stands in, computed once."""
    return doc.derived("report-deadlines", _find_report_deadlines)


def _find_report_deadlines(doc: Document) -> tuple[tuple[Deadline, str], ...]:
    reports = [(d, clause(d)) for d in deadlines(doc) if d.kind in (DAY, YEARLY, MONTHLY)]
    return tuple((d, text) for d, text in reports if _REPORT.search(text))


_REPORT = regex.compile(r"(?i)\bbáo\s+cáo\b")
_COMPILE = regex.compile(r"(?i)(?<!để )\btổng\s+hợp\b")  # "gửi về Văn phòng Sở để tổng hợp" sends, does not compile
_REPORT_KINDS = regex.compile(r"(?i)\b(?:sơ\s+kết|tổng\s+kết|\d+\s+tháng|quý|h[àằ]ng\s+tháng|h[àằ]ng\s+năm|năm)\b")
_DESTINATION = regex.compile(r"(?i)\b(?:về|gửi|lên)\s+(?P<to>[^,;:.()]{3,60})")


def _report_key(deadline: Deadline, text: str) -> tuple | None:
    """What makes two reports one: their kinds ("6 tháng", "năm") and where they go."""
    before = text[: text.find(deadline.raw)] if deadline.raw in text else text
    kinds = frozenset(" ".join(k.lower().split()).replace("hằng", "hàng") for k in _REPORT_KINDS.findall(before))
    to = _DESTINATION.search(before)
    if not kinds or to is None:
        return None
    destination = re.split(r"(?i)\s+(?:trước|chậm|hoàn|trong|theo|để)\b", to["to"])[0]
    return kinds, fold(destination)


def _comparable(deadline: Deadline) -> _dt.date | None:
    """A deadline as a day to compare with another of its kind (a yearly one in a leap year)."""
    if deadline.kind == DAY:
        return deadline.last
    if deadline.kind == YEARLY:
        return _dt.date(2024, deadline.month, deadline.day)
    if deadline.kind == MONTHLY:
        return _dt.date(2024, 1, min(deadline.day, 31))
    return None


_TIME_FIELD = regex.compile(r"(?i)\A[-+*•\s]*+(?:thời\s+(?:gian|hạn)|tiến\s+độ)")


def _parent_deadline(task: Task, by_line: dict[int, list[Deadline]]) -> tuple[Section, Deadline] | None:
    """The nearest enclosing section's deadline: in its heading, or a time line of its own."""
    for section in reversed(task.parents):
        own = [section.heading, *(p for p in section.paragraphs if _TIME_FIELD.match(p.text))]
        found = [d for line in own for d in by_line.get(line.span.start, ())]
        if found:
            return section, max(found, key=lambda d: d.last)
    return None
