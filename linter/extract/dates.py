"""The date extractor: every calendar date written in a draft, and the draft's own date.

A date is written ``ngày 09 tháng 5 năm 2024``, ``ngày 09/5/2024`` (also ``09-5-2024``,
``09.5.2024``), ``09/5/2024`` without ``ngày``, or ``ngày 25/11`` without a year (a
recurring or this-year deadline). Parts may be left blank in a draft (``ngày … tháng 10
năm 2024``). A month alone is ``tháng 6/2024`` or ``tháng 6 năm 2024``. Each mention keeps
its span and the digits exactly as written, for the padding check. ``is_date_line`` tells the
place and date line the draft's own date stands on, for the line tagger too.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from ..startup import regex
from ..model import Document, Line, LineKind, Span

_BLANK = r"[.…_]*+"
# Whitespace is matched possessively (*+) so a long run of spaces cannot make a pattern backtrack.
_DATE = regex.compile(
    rf"""
    (?=[\dnN])(?<![\w/.\-])
    (?:
        (?P<wlead>ngày[ \t]*+)(?P<wd>\d{{1,3}}|{_BLANK})[ \t]*+tháng[ \t]*+(?P<wm>\d{{1,3}}|{_BLANK})[ \t]*+
        năm[ \t]*+(?P<wy>\d{{4}})
      |
        (?P<nlead>ngày[ \t]*+)?(?P<nd>\d{{1,2}})(?P<sep>[/.\-])(?P<nm>\d{{1,2}})(?:(?P=sep)(?P<ny>\d{{4}}))?
        (?![\w/]|[.\-]\d)
    )
    """,
    re.X | re.I,
)
# A character class first, then a look behind it: ``re`` skips ahead to the characters a pattern can
# start with only when it starts with a class or a literal (not a lookaround, nor a letter whose
# case is ignored).
_DAY_ONLY = regex.compile(r"[nN](?<!\w.)(?i:gày[ \t]++(?P<d>\d{1,3})(?=[ \t]++h[àằ]ng[ \t]++tháng\b))")
_MONTH = regex.compile(
    r"[tT](?<!\w.)(?i:háng[ \t]*+(?P<m>\d{1,3})(?:[ \t]*+/[ \t]*+|[ \t]++năm[ \t]++)(?P<y>\d{4})(?![\w/]))"
)
_DIGIT = regex.compile(r"\d")
_NUMERIC_DATE = regex.compile(r"\d(?:[/.\-]\d|\d{3})")  # in every _DATE and _MONTH: a line without is not searched
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True)
class DateMention:
    """One written date; a part left blank (or not written: ``ngày 25/11``) is ``None``."""

    raw: str
    span: Span
    line: Line
    day: int | None
    month: int | None
    year: int | None
    day_text: str  # the digits as written ("09", "9"), "" when blank
    month_text: str
    words: bool  # "ngày … tháng … năm …" rather than "…/…/…"
    on_date_line: bool

    @property
    def month_only(self) -> bool:
        return self.raw[:5].lower() == "tháng"

    @property
    def complete(self) -> bool:
        return None not in (self.day, self.month, self.year)

    def problem(self) -> str | None:
        """Why the date cannot exist ("day", "month", "day-in-month"), or None."""
        if self.month is not None and not 1 <= self.month <= 12:
            return "month"
        if self.day is not None and not 1 <= self.day <= 31:
            return "day"
        if self.day is not None and self.month is not None:
            # Without a year, 29/2 may be a leap day: only a year proves it impossible.
            year = self.year if self.year is not None else 2024
            if self.day > calendar.monthrange(year, self.month)[1]:
                return "day-in-month"
        return None

    @property
    def value(self) -> _dt.date | None:
        if self.complete and self.problem() is None:
            return _dt.date(self.year, self.month, self.day)
        return None


def dates(doc: Document) -> tuple[DateMention, ...]:
    """The document's dates in reading order, computed once and shared by every DAT rule."""
    return doc.derived("dates", _extract)


_SKIP_KINDS = frozenset({LineKind.DOCNUM, LineKind.RECIPIENT, LineKind.NOINHAN, LineKind.SIGNER, LineKind.SIGNAME})


def _extract(doc: Document) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for line in doc.lines:
        if line.kind not in _SKIP_KINDS and _DIGIT.search(line.text):
            found.extend(line_dates(line))
    return tuple(found)


def line_dates(line: Line) -> list[DateMention]:
    """The dates written in one line, in order."""
    text = line.text
    on_date_line = line.kind == LineKind.PLACEDATE
    result = []
    numeric = _NUMERIC_DATE.search(text) is not None
    for m in _DATE.finditer(text) if numeric else ():
        if m["wlead"] is not None:
            start, day, month, year, words = m.start("wlead"), m["wd"], m["wm"], m["wy"], True
        else:
            day, month, year, words = m["nd"], m["nm"], m["ny"], False
            start = m.start("nlead") if m["nlead"] is not None else m.start("nd")
            if m["nlead"] is None and (year is None or m["sep"] != "/"):
                continue  # "25/11" or "1.5" without "ngày" is a ratio, an amount or a section number
            if year is not None and not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
                continue
        result.append(_mention(line, start, m.end(), day, month, year, words, on_date_line))
    for m in _DAY_ONLY.finditer(text):  # "trước ngày 12 hàng tháng"
        result.append(_mention(line, m.start(), m.end(), m["d"], None, None, True, on_date_line))
    for m in _MONTH.finditer(text) if numeric else ():
        if not _inside(m.start(), result):
            result.append(_mention(line, m.start(), m.end(), None, m["m"], m["y"], True, on_date_line))
    result.sort(key=lambda d: d.span.start)
    return result


def _inside(pos: int, mentions: list[DateMention]) -> bool:
    return any(d.span.start <= d.line.span.start + pos < d.span.end for d in mentions)


def _mention(line: Line, start: int, end: int, day, month, year, words: bool, on_date_line: bool) -> DateMention:
    day_text = day if day and day.isdigit() else ""
    month_text = month if month and month.isdigit() else ""
    return DateMention(line.text[start:end], line.sub_span(start, end), line, _number(day_text),
                       _number(month_text), int(year) if year else None, day_text, month_text, words,
                       on_date_line)


def _number(digits: str) -> int | None:
    return int(digits) or None if digits else None  # "00/00/2024" is a blank too


# Ranges: "2021 - 2025", "từ năm 2025 đến năm 2023"; "từ ngày 15/6 đến ngày 01/6/2024"; "ngày 20-25/11".
_TO = r"[ \t]*+(?:-|–|—|đến|tới)[ \t]*+"
# Each starts with a character class (in a group, or with the case ignored only after it), then looks
# behind it: ``re`` skips ahead to the characters a pattern can start with only when it starts with one.
_YEAR_RANGE = regex.compile(
    rf"(?P<a>[12](?<![\w/.\-][12])(?:(?<=1)9|(?<=2)0)\d\d){_TO}(?:năm[ \t]++)?(?P<b>(?:19|20)\d\d)(?![\w/]|[.\-]\d)", re.I
)
_DAY_MONTH = r"(?P<{d}>\d{{1,2}})/(?P<{m}>\d{{1,2}})(?:/(?P<{y}>\d{{4}}))?"
_DATE_RANGE = regex.compile(
    rf"[tTnN](?<!\w.)(?i:(?:(?<=[tT])ừ[ \t]++(?:ngày[ \t]*+)?|(?<=[nN])gày[ \t]*+){_DAY_MONTH.format(d='d1', m='m1', y='y1')}"
    rf"{_TO}(?:ngày[ \t]*+)?{_DAY_MONTH.format(d='d2', m='m2', y='y2')}(?![\w/]|[.\-]\d))"
)
_FULL_RANGE = regex.compile(
    rf"(?P<d1>\d(?<![\w/.\-]\d)\d?)/(?P<m1>\d{{1,2}})/(?P<y1>\d{{4}}){_TO}(?:ngày[ \t]*+)?"
    rf"(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}})(?![\w/]|[.\-]\d)",
    re.I,
)
_DAY_RANGE = regex.compile(
    r"[nN](?<!\w.)(?i:gày[ \t]*+(?P<d1>\d{1,2})[ \t]*+[-–][ \t]*+(?P<d2>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?(?![\w/]))"
)


_RANGE_HINT = regex.compile(r"\d\s*+(?:[-–—]|đến|tới)", re.I)


def may_hold_range(text: str) -> bool:
    """Whether ``text`` has a number followed by a dash or "đến", "tới": every range has."""
    return _RANGE_HINT.search(text) is not None


@dataclass(frozen=True)
class DateRange:
    """A range whose end comes before its start, as written."""

    raw: str
    span: Span
    start: str  # the two ends as written, for the message
    end: str


def inverted_ranges(doc: Document) -> tuple[DateRange, ...]:
    """The ranges that end before they start (``2025 - 2023``, ``từ 15/6 đến 01/6``)."""
    return doc.derived("inverted-ranges", _inverted)


def _inverted(doc: Document) -> tuple[DateRange, ...]:
    found = []
    for line in doc.lines:
        if line.kind in _SKIP_KINDS or not may_hold_range(line.text):
            continue
        text = line.text
        for m in _YEAR_RANGE.finditer(text):
            if int(m["b"]) < int(m["a"]):
                found.append(DateRange(m.group(), line.sub_span(m.start(), m.end()), m["a"], m["b"]))
        seen = set()
        for m in (*_DATE_RANGE.finditer(text), *_FULL_RANGE.finditer(text)):
            if m.end() in seen:
                continue  # "từ 15/5/2025 - 10/5/2025" matches both forms
            seen.add(m.end())
            start, end = _range_ends(m["d1"], m["m1"], m["y1"], m["d2"], m["m2"], m["y2"])
            if start and end and end < start:
                found.append(DateRange(m.group(), line.sub_span(m.start(), m.end()), _shown(m, 1), _shown(m, 2)))
        for m in _DAY_RANGE.finditer(text):
            first, last = int(m["d1"]), int(m["d2"])
            if last < first:
                month = f"/{m['m']}" + (f"/{m['y']}" if m["y"] else "")
                found.append(DateRange(m.group(), line.sub_span(m.start(), m.end()), f"{first}{month}", f"{last}{month}"))
    found.sort(key=lambda r: r.span.start)
    return tuple(found)


def _shown(m: re.Match, end: int) -> str:
    return "/".join(p for p in (m[f"d{end}"], m[f"m{end}"], m[f"y{end}"]) if p)


def _range_ends(d1, m1, y1, d2, m2, y2) -> tuple[_dt.date | None, _dt.date | None]:
    """The two ends as dates, or Nones where they cannot be compared with certainty.

    Without years, "từ 15/12 đến 15/01" may run into the next year, so only a range within
    one month ("từ 15/6 đến 01/6") is known to be inverted.
    """
    if y1 is None and y2 is None:
        if m1 != m2 and int(m1) != int(m2):
            return None, None
        y1 = y2 = "2024"  # a leap year, so 29/2 stays a date
    elif y1 is None:
        y1 = y2
    elif y2 is None:
        if int(m1) != int(m2):
            return None, None
        y2 = y1
    try:
        return _dt.date(int(y1), int(m1), int(d1)), _dt.date(int(y2), int(m2), int(d2))
    except ValueError:
        return None, None  # a date that does not exist is DAT001's


_PLACE_AND_DATE = regex.compile(
    r"[^\W\d_][^,\n]{0,40},\s*ngày\b(?:.{0,20}\btháng\b.{0,20}?năm(?:\s*\d{4}|\s*\d{0,3}[.…_]+)|\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s*\.?\s*\Z",
    re.S,
)


def is_date_line(text: str) -> bool:
    """"Hà Nội, ngày 05 tháng 3 năm 2024": a place and date line, wherever it stands."""
    return bool(_PLACE_AND_DATE.match(text))


def draft_date(doc: Document) -> DateMention | None:
    """The date on the draft's date line (``Hà Nội, ngày … tháng 10 năm 2024``), if it has one."""
    return next((d for d in dates(doc) if d.on_date_line and d.year is not None), None)


def draft_earliest_date(doc: Document) -> _dt.date | None:
    """The earliest date the draft can bear, its blanks read as the first day (or month) they allow;
    None without a date line."""
    own = draft_date(doc)
    if own is None or not 1 <= own.year <= 9999:
        return None
    month = own.month if own.month is not None and 1 <= own.month <= 12 else 1
    day = own.day if own.day is not None and own.month == month and own.value is not None else 1
    return _dt.date(own.year, month, day)


# A deadline is a date after one of these words: "trước ngày 15/12/2024", "hoàn thành trong tháng 6/2024".
_DEADLINE_CUE = regex.compile(
    r"(?:\btrước|\bchậm\s+nhất(?:\s+là)?|\bhạn\s+chót(?:\s+là)?|\bthời\s+hạn(?:\s+hoàn\s+thành)?\s*+:?"
    r"|\bhoàn\s+thành(?:\s+(?:trước|trong))?\s*+:?|\bxong\s+trước"
    r"|\bthời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?\s*+:|\btiến\s+độ(?:\s+hoàn\s+thành)?\s*+:)\s*+\Z",
    re.I,
)


# The last word (or colon) of every _DEADLINE_CUE and _WITHIN: a cue ends just before the date.
_CUE_ENDINGS = ("trước", "nhất", "là", "chót", "hạn", "thành", "trong", ":")
_WITHIN = regex.compile(r"\btrong\s*+\Z", re.I)
_FINISH = regex.compile(r"\bhoàn\s+thành\b", re.I)
_CLAUSE_END = regex.compile(r"[.;!?]\s")  # not ":", which introduces the deadline ("Thời hạn: …")
_SENTENCE_END = regex.compile(r"[.!?]\s")
_PAST = regex.compile(r"\bđã\b", re.I)  # "đã hoàn thành trước ngày 30/6/2024" reports a result
# "… đã giao Bộ X xây dựng …; báo cáo trước ngày 30/11/2012": what an earlier document assigned, recounted.
_PAST_ASSIGNMENT = regex.compile(r"\bđã\s+(?:giao|yêu\s+cầu|chỉ\s+đạo|đề\s+nghị)\b", re.I)
# "áp dụng từ ngày … đến trước ngày 01/10/2025", "có hiệu lực … trước ngày", "nhà ở xây dựng trước ngày
# 01/7/2006": the end of a period a law sets, or a past condition, not a deadline.
_PERIOD_END = regex.compile(r"(?:\bđến|\btừ|\báp\s+dụng|\bhiệu\s+lực|\bphát\s+sinh|\bký|\bxây\s+dựng|\bhình\s+thành"
                            r"|\bđăng\s+ký|\bthành\s+lập|\bcấp|\bsinh)\s+(?:\S+\s+){0,2}trước\s*+\Z", re.I)


def is_deadline(mention: DateMention) -> bool:
    """Whether the date is a deadline set by the draft, not a past event it reports."""
    return deadline_cue_before(mention.line.text, mention.span.start - mention.line.span.start)


def deadline_cue_before(text: str, at: int) -> bool:
    """Whether what is written at ``at`` in ``text`` is introduced as a deadline."""
    window = text[max(0, at - 300):at]  # a clause is shorter than that; the window keeps long lines linear
    if not window.rstrip()[-5:].lower().endswith(_CUE_ENDINGS):
        return False  # most dates and years: refused without reading the clause
    ends = list(_CLAUSE_END.finditer(window))
    clause = window[ends[-1].end():] if ends else window
    # The cue first: most dates and years have none, and then the rest is not read.
    if not (_DEADLINE_CUE.search(clause[-40:]) or (_WITHIN.search(clause) and _FINISH.search(clause))):
        return False
    if _PAST.search(clause) or _PERIOD_END.search(clause[-40:]):
        return False
    sentence_ends = list(_SENTENCE_END.finditer(window))
    return not _PAST_ASSIGNMENT.search(window[sentence_ends[-1].end():] if sentence_ends else window)


# Sections that report what was done ("I. KẾT QUẢ THỰC HIỆN", "1. Tình hình triển khai"): the
# deadlines they mention are past ones, quoted, not set by the draft.
_RESULTS_HEADING = regex.compile(
    r"\A\s*(?:kết\s+quả|tình\s+hình|thực\s+trạng|đánh\s+giá\s+(?:kết\s+quả|chung|tình\s+hình|việc))\b", re.I
)


def in_results_section(doc: Document, mention: DateMention) -> bool:
    return any(span.start <= mention.span.start < span.end for span in doc.derived("results-spans", _results_spans))


def _results_spans(doc: Document) -> tuple[Span, ...]:
    return tuple(section.span for section in doc.walk_sections() if _RESULTS_HEADING.match(section.title))


def last_day(mention: DateMention) -> _dt.date | None:
    """The last day a complete date or a month alone ("tháng 6/2024") stands for."""
    if mention.year is None or mention.month is None or mention.problem() is not None:
        return None
    if mention.day is None:  # a month alone, or a day left blank in a draft
        if not mention.month_only:
            return None
        return _dt.date(mention.year, mention.month, calendar.monthrange(mention.year, mention.month)[1])
    return mention.value


def draft_latest_date(doc: Document) -> tuple[_dt.date, bool]:
    """The latest date the draft can bear (and whether its date line gave it), else today.

    A draft awaiting signature leaves the day (or month) blank; the check never assumes a
    date earlier than the last one the blanks allow.
    """
    own = draft_date(doc)
    if own is None or not 1 <= own.year <= 9999:
        return _dt.date.today(), False
    month = own.month if own.month is not None and 1 <= own.month <= 12 else 12
    last_day = calendar.monthrange(own.year, month)[1]
    day = own.day if own.day is not None and own.month == month and 1 <= own.day <= last_day else last_day
    return _dt.date(own.year, month, day), True
