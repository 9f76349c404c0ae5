"""DAT — dates and deadlines: dates that exist, deadlines not before the draft and inside the plan's
period, ranges in order, deadlines that agree, and the date line of Nghị định 30/2020."""

from __future__ import annotations

import bisect
import calendar

import datetime as _dt

from draftlint.startup import regex
from draftlint.extract.dates import (DateMention, dates, draft_date, draft_earliest_date, in_results_section,
                             inverted_ranges, is_deadline, last_day)
from draftlint.extract.deadlines import (DAY, MONTH, clause, deadlines, late_subtasks, plan_period,
                                         reports_after_compiling, reports_given_twice)
from draftlint.extract.excerpts import excerpts
from draftlint.extract.doctype import doctype
from draftlint.rule import Option, Rule, Severity, quote
from draftlint.extract.tasks import tasks


class InvalidDate(Rule):
    code = "DAT001"
    name = "invalid-date"
    family = "DAT"
    severity = Severity.ERROR
    messages = {
        "month": {
            "vi": "Ngày không có thật: {text} (không có tháng {month})",
            "en": "A date that does not exist: {text} (there is no month {month})",
        },
        "day": {
            "vi": "Ngày không có thật: {text} (không có ngày {day} trong tháng)",
            "en": "A date that does not exist: {text} (no month has a day {day})",
        },
        "day-in-month": {
            "vi": "Ngày không có thật: {text} (tháng {month} chỉ có {last} ngày)",
            "en": "A date that does not exist: {text} (month {month} has only {last} days)",
        },
        "leap": {
            "vi": "Ngày không có thật: {text} (năm {year} không nhuận, tháng 2 chỉ có 28 ngày)",
            "en": "A date that does not exist: {text} ({year} is not a leap year; February has 28 days)",
        },
    }
    reports = "a date that does not exist: `31/4/2024`, `29/02/2023`, `ngày 32 hàng tháng`, `tháng 13`"
    summary = {
        "vi": "Mọi ngày tháng ghi trong văn bản phải là ngày có thật (không có “31/4”, “29/02/2023”, “ngày 32”).",
        "en": "Every date in the text is a real calendar date (no “31/4”, “29/02/2023”, “ngày 32”).",
    }
    rationale = {
        "vi": "Một ngày không có thật trong thời hạn hay trong viện dẫn là lỗi đánh máy mà người đọc không tự sửa "
              "được: không biết hạn là 30/4 hay 01/5, văn bản được viện dẫn ban hành ngày nào.",
        "en": "A date that does not exist, in a deadline or a citation, is a typo the reader cannot correct: "
              "is the deadline 30/4 or 01/5, when was the cited document issued?",
    }
    bad = "Các đơn vị báo cáo kết quả về Sở trước ngày 31/4/2024.\n"
    good = "Các đơn vị báo cáo kết quả về Sở trước ngày 30/4/2024.\n"

    def check(self, doc):
        for mention in dates(doc):
            problem = mention.problem()
            if problem is None:
                continue
            text = quote(mention.raw)
            if problem == "day-in-month":
                year = mention.year if mention.year is not None else 2024
                if mention.month == 2 and mention.day == 29:
                    yield self.violation(mention.span, "leap", text=text, year=year)
                else:
                    last = calendar.monthrange(year, mention.month)[1]
                    yield self.violation(mention.span, problem, text=text, month=mention.month, last=last)
            else:
                yield self.violation(mention.span, problem, text=text, month=mention.month, day=mention.day)


class DeadlineBeforeIssue(Rule):
    code = "DAT002"
    name = "deadline-before-issue"
    family = "DAT"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Thời hạn {text} sớm hơn ngày của văn bản ({issued})",
            "en": "The deadline {text} is earlier than the document's date ({issued})",
        },
    }
    reports = ("a deadline (`trước ngày …`, `chậm nhất là ngày …`, `hoàn thành trong tháng …`, a task table's time "
               "column, an annex's too) earlier than the date line (a blank day read as the 1st); not past results "
               "(`đã hoàn thành trước …`), a period's end (`áp dụng … đến trước ngày`), quoted laws, annexes, or a "
               "Thông báo (its deadlines were set at the meeting)")
    summary = {
        "vi": "Thời hạn (“trước ngày …”, “hoàn thành trong tháng …”, cột thời gian của bảng nhiệm vụ) không sớm hơn "
              "ngày ban hành của văn bản.",
        "en": "A deadline (“trước ngày …”, “hoàn thành trong tháng …”, a task table's time column) is not earlier "
              "than the document's date.",
    }
    rationale = {
        "vi": "Thời hạn đã qua khi văn bản ban hành thì không ai thực hiện được; thường là năm bị chép từ kế hoạch "
              "năm trước. Ngày của dự thảo còn để trống được hiểu là ngày sớm nhất có thể (ngày 01 của tháng, "
              "tháng 01 của năm) nên chỉ báo khi chắc chắn. Văn bản không có dòng ngày tháng thì không kiểm tra.",
        "en": "A deadline already past when the document is issued cannot be met; usually the year was copied "
              "from last year's plan. A draft's blank day or month is read as the earliest it allows (the 1st, "
              "January), so only certain cases are reported. A document without a date line is not checked.",
    }
    bad = "Hà Nội, ngày 05 tháng 3 năm 2025\nCác đơn vị gửi báo cáo về Sở trước ngày 15/12/2024.\n"
    good = "Hà Nội, ngày 05 tháng 3 năm 2025\nCác đơn vị gửi báo cáo về Sở trước ngày 15/12/2025.\n"

    def check(self, doc):
        issued = draft_earliest_date(doc)
        if issued is None or doctype(doc).type_name == "Thông báo":
            return  # a notice records deadlines set at a meeting held before it was issued
        quoted = excerpts(doc)
        reported = set()
        for mention in dates(doc):
            if mention.span.start in quoted:
                continue  # a quoted law's dates, an annex's table of (overdue) tasks
            due = last_day(mention) if not mention.on_date_line and is_deadline(mention) else None
            if due is not None and due < issued and not in_results_section(doc, mention):
                reported.add(mention.span.start)
                yield self.violation(mention.span, text=quote(mention.raw), issued=_shown_date(doc))
        # The time column of the draft's own task tables, an annex's too ("| Quý II/2025 |"): a deadline
        # written without a cue word.
        rows = sorted((task.span.start, task.span.end) for task in tasks(doc) if task.deadline_text)
        starts = [start for start, _ in rows]
        for deadline in deadlines(doc):
            if deadline.last is None or deadline.kind not in (DAY, MONTH) or not deadline.last < issued:
                continue
            at = bisect.bisect_right(starts, deadline.span.start) - 1
            if at >= 0 and deadline.span.start < rows[at][1] and deadline.span.start not in reported:
                yield self.violation(deadline.span, text=quote(deadline.raw), issued=_shown_date(doc))


def _shown_date(doc) -> str:
    own = draft_date(doc)
    return " ".join(own.raw.split()) if own is not None else ""  # a blank day's spaces shown as one


class DeadlineOutsidePeriod(Rule):
    code = "DAT003"
    name = "deadline-outside-period"
    family = "DAT"
    severity = Severity.WARNING
    messages = {
        "after": {
            "vi": "Thời hạn {text} nằm sau thời gian của kế hoạch ({period})",
            "en": "The deadline {text} falls after the plan's period ({period})",
        },
        "before": {
            "vi": "Thời hạn {text} đã hết trước khi kế hoạch bắt đầu ({period})",
            "en": "The deadline {text} ends before the plan's period begins ({period})",
        },
    }
    reports = ("a deadline after the plan's period (`năm 2025`, `giai đoạn 2021 - 2025`, `đến năm 2030` in its "
               "title), or a quarter, year or period that ended before it; a final report in the next year's first "
               "quarter is allowed")
    summary = {
        "vi": "Thời hạn nằm trong thời gian của kế hoạch ghi ở tên văn bản (“năm 2025”, “giai đoạn 2021 - 2025”, "
              "“đến năm 2030”).",
        "en": "A deadline falls within the plan's period as its title gives it (“năm 2025”, “giai đoạn 2021 - "
              "2025”, “đến năm 2030”).",
    }
    rationale = {
        "vi": "Kế hoạch năm 2025 mà có nhiệm vụ hạn tháng 6/2026 thường là năm đánh máy nhầm hoặc chép từ kế hoạch "
              "khác. Báo cáo tổng kết nộp trong quý I năm sau là bình thường nên không bị báo; thời hạn theo ngày "
              "trước khi kế hoạch bắt đầu (việc chuẩn bị) cũng không bị báo, chỉ báo quý, năm hay giai đoạn đã "
              "hết trước đó. Tên văn bản ghi nhiều năm khác nhau thì không kiểm tra.",
        "en": "A 2025 plan with a task due in June 2026 usually has a mistyped year or one copied from another "
              "plan. A final report due in the first quarter of the next year is normal and not reported; a day "
              "before the plan starts (preparation) is not reported either, only a quarter, year or period that "
              "ends before it. A title giving several different years is not checked.",
    }
    bad = "KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Số hóa hồ sơ, hoàn thành trước ngày 30/6/2026.\n"
    good = "KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Số hóa hồ sơ, hoàn thành trước ngày 30/6/2025.\n"

    def check(self, doc):
        period = plan_period(doc)
        if period is None:
            return
        shown = quote(period.raw)
        grace = _dt.date(period.last + 1, 3, 31)  # the final report of a period
        for deadline in deadlines(doc):
            if deadline.last is None:
                continue
            if deadline.last.year > period.last:
                if deadline.last <= grace and _REPORTING.search(clause(deadline)):
                    continue
                yield self.violation(deadline.span, "after", text=quote(deadline.raw), period=shown)
            elif deadline.kind != DAY and deadline.kind != MONTH and deadline.last.year < period.first:
                yield self.violation(deadline.span, "before", text=quote(deadline.raw), period=shown)


_REPORTING = regex.compile(r"(?i)\b(?:báo\s+cáo|tổng\s+kết|tổng\s+hợp|đánh\s+giá|sơ\s+kết)\b")


class InvertedRange(Rule):
    code = "DAT004"
    name = "inverted-range"
    family = "DAT"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Khoảng thời gian kết thúc trước khi bắt đầu: {text} ({end} trước {start})",
            "en": "A period that ends before it starts: {text} ({end} is before {start})",
        },
    }
    reports = ("a period that ends before it starts: `giai đoạn 2025 - 2021`, `từ ngày 15/6 đến ngày 01/6/2024`, "
               "`ngày 25-20/11` (without years, only within one month)")
    summary = {
        "vi": "Khoảng thời gian không kết thúc trước khi bắt đầu (“2025 - 2023”, “từ 15/6 đến 01/6”).",
        "en": "A period does not end before it starts (“2025 - 2023”, “từ 15/6 đến 01/6”).",
    }
    rationale = {
        "vi": "Giai đoạn hay thời gian thực hiện viết ngược là lỗi đánh máy làm sai thời hạn của cả nhiệm vụ. "
              "Khoảng không ghi năm chỉ bị báo khi nằm trong một tháng: “từ 15/12 đến 15/01” có thể kéo sang "
              "năm sau.",
        "en": "A period or time frame written backwards is a typo that makes the whole task's deadline wrong. "
              "A range without years is reported only within one month: “từ 15/12 đến 15/01” may run into the "
              "next year.",
    }
    bad = "Kế hoạch thực hiện Chương trình giảm nghèo giai đoạn 2025 - 2021.\n"
    good = "Kế hoạch thực hiện Chương trình giảm nghèo giai đoạn 2021 - 2025.\n"

    def check(self, doc):
        for found in inverted_ranges(doc):
            yield self.violation(found.span, text=quote(found.raw), start=found.start, end=found.end)


class DeadlineConflict(Rule):
    code = "DAT005"
    name = "deadline-conflict"
    family = "DAT"
    severity = Severity.WARNING
    messages = {
        "subtask": {
            "vi": "Thời hạn {text} muộn hơn thời hạn {parent} của mục {section}",
            "en": "The deadline {text} is later than {parent}, the deadline of {section}",
        },
        "twice": {
            "vi": "Báo cáo này đã có thời hạn {first} (dòng {line}); ở đây lại ghi {text}",
            "en": "This report already has the deadline {first} (line {line}); here it reads {text}",
        },
        "chain": {
            "vi": "Hạn các đơn vị gửi báo cáo {text} muộn hơn hạn tổng hợp, báo cáo lên trên {compiled} (dòng {line})",
            "en": "Units send their reports by {text}, later than the deadline to compile and send them on, {compiled} "
                  "(line {line})",
        },
    }
    reports = ("a sub-task due after its parent (`a)` after `1.`'s deadline); one report (same kind, same "
               "destination) given two deadlines; units asked to report after the date the office must compile and "
               "send on by")
    summary = {
        "vi": "Các thời hạn không mâu thuẫn nhau: việc con không muộn hơn việc lớn chứa nó; một báo cáo không có "
              "hai thời hạn khác nhau; đơn vị gửi báo cáo trước khi đầu mối phải tổng hợp, báo cáo lên trên.",
        "en": "Deadlines agree: a sub-task is not due after the task that holds it; one report does not have two "
              "different deadlines; units report before the office must compile and send the report on.",
    }
    rationale = {
        "vi": "Thời hạn mâu thuẫn thì đơn vị thực hiện không biết theo hạn nào, còn đầu mối tổng hợp không thể "
              "báo cáo đúng hạn nếu số liệu đến sau. Chỉ so các thời hạn có cùng cách ghi (cùng là ngày có năm, "
              "hoặc cùng là ngày hằng năm); hai báo cáo được coi là một khi cùng loại (6 tháng, năm, quý, sơ kết, "
              "tổng kết) và gửi về cùng một nơi.",
        "en": "Conflicting deadlines leave the unit unsure which one holds, and the compiling office cannot "
              "report on time if the figures arrive later. Only deadlines written alike are compared (dates with "
              "a year, or days of every year); two reports are one when they are of the same kind (6-month, "
              "annual, quarterly, interim, final) and go to the same place.",
    }
    bad = ("IV. TỔ CHỨC THỰC HIỆN\n1. Các phòng chuyên môn gửi báo cáo năm về Văn phòng Sở trước ngày 25/11.\n"
           "2. Văn phòng Sở tổng hợp, báo cáo UBND tỉnh trước ngày 20/11 hằng năm.\n")
    good = ("IV. TỔ CHỨC THỰC HIỆN\n1. Các phòng chuyên môn gửi báo cáo năm về Văn phòng Sở trước ngày 15/11.\n"
            "2. Văn phòng Sở tổng hợp, báo cáo UBND tỉnh trước ngày 20/11 hằng năm.\n")

    def check(self, doc):
        for deadline, limit, section in late_subtasks(doc):
            yield self.violation(deadline.span, "subtask", text=quote(deadline.raw), parent=quote(limit.raw),
                                 section=quote(section.marker.raw.rstrip(".")))
        for deadline, earlier in reports_given_twice(doc):
            yield self.violation(deadline.span, "twice", text=quote(deadline.raw), first=quote(earlier.raw),
                                 line=earlier.line.first_line)
        if doctype(doc).type_name != "Thông báo":  # a notice's conclusions give each body its own report
            for deadline, compiled in reports_after_compiling(doc):
                yield self.violation(deadline.span, "chain", text=quote(deadline.raw), compiled=quote(compiled.raw),
                                     line=compiled.line.first_line)


def padded(mention: DateMention) -> tuple[str, str]:
    """The day and month as Nghị định 30/2020 writes them: days below 10 and months 1–2 with a
    leading zero, months 3–12 without."""
    day = f"{mention.day:02d}" if mention.day is not None else ""
    month = "" if mention.month is None else (f"{mention.month:02d}" if mention.month <= 2 else str(mention.month))
    return day, month


def _written_as(mention: DateMention, day: str, month: str) -> str:
    if mention.month_only:  # "tháng 6/2024", "tháng 6 năm 2024"
        return f"tháng {month}/{mention.year}" if "/" in mention.raw else f"tháng {month} năm {mention.year}"
    if mention.words:
        parts = [f"ngày {day or '…'}" if mention.day is not None or mention.month is not None else "",
                 f"tháng {month or '…'}", f"năm {mention.year}" if mention.year else ""]
        return " ".join(p for p in parts if p)
    return "ngày " + "/".join(p for p in (day, month, str(mention.year) if mention.year else "") if p)


class DateFormat(Rule):
    code = "DAT006"
    name = "date-format"
    family = "DAT"
    severity = Severity.WARNING
    messages = {
        "date-line": {
            "vi": "Dòng địa danh, ngày tháng ghi {text}; theo Nghị định 30/2020/NĐ-CP viết {expected}",
            "en": "The date line reads {text}; Decree 30/2020/NĐ-CP writes it {expected}",
        },
        "numeric": {
            "vi": "Dòng địa danh, ngày tháng ghi ngày bằng số {text}; viết {expected}",
            "en": "The date line writes the date in figures {text}; write {expected}",
        },
        "text": {
            "vi": "Ngày tháng {text} ghi số 0 trước tháng {month}; như dòng ngày tháng, tháng 3–12 không có số 0 "
                  "đứng trước: viết {expected}",
            "en": "The date {text} puts a zero before month {month}; as on the date line, months 3–12 take no "
                  "leading zero: write {expected}",
        },
        "text-more": {
            "vi": "Ngày tháng {text} ghi số 0 trước tháng {month} (và {more} ngày tháng khác trong văn bản); như dòng "
                  "ngày tháng, tháng 3–12 không có số 0 đứng trước: viết {expected}",
            "en": "The date {text} puts a zero before month {month} (and {more} more dates in the document); as on "
                  "the date line, months 3–12 take no leading zero: write {expected}",
        },
    }
    reports = ("the date line not written `ngày 05 tháng 3 năm 2024` (zero before days below 10 and months 1–2, none "
               "before months 3–12); in dates written out in the text, a zero before months 3–12 (`ngày 09 tháng 05 "
               "năm 2024`), once per draft")
    summary = {
        "vi": "Dòng ngày tháng viết “ngày … tháng … năm …”; ngày dưới 10 và tháng 1, 2 có số 0 đứng trước, "
              "tháng 3–12 không; ngày tháng viết bằng chữ trong nội dung cũng không ghi số 0 trước tháng 3–12.",
        "en": "The date line reads “ngày … tháng … năm …”; days below 10 and months 1–2 take a leading zero, "
              "months 3–12 do not; dates written out in the text put no zero before months 3–12 either.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.4.b): “đối với những số thể hiện ngày nhỏ hơn 10 và "
              "tháng 1, 2 phải ghi thêm số 0 phía trước”; ngày tháng năm ban hành viết đầy đủ bằng chữ “ngày … tháng … năm”. "
              "Nghị định không quy định ngày tháng trong nội dung, nên ở đó chỉ báo cách ghi bằng chữ trái với dòng "
              "ngày tháng (“ngày 09 tháng 05 năm 2024”), một lần cho cả văn bản; ngày viết bằng số (“ngày "
              "23/07/2025”, “ngày 9/5/2024”) không bị báo. Tắt phần này bằng tùy chọn text-dates = false.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.4.b): days below 10 and months 1 and 2 take a leading zero; "
              "the date of issue is written in full, “ngày … tháng … năm”. The decree does not regulate dates in "
              "the text, so there only a date written out against the date line's form is reported (“ngày 09 "
              "tháng 05 năm 2024”), once for the whole draft; dates in figures (“ngày 23/07/2025”, “ngày 9/5/2024”) "
              "are not. Turn this part off with text-dates = false.",
    }
    bad = "Hà Nội, ngày 5 tháng 03 năm 2024\n"
    good = "Hà Nội, ngày 05 tháng 3 năm 2024\n"
    options = {
        "text-dates": Option(True, "báo cả số 0 trước tháng 3–12 trong ngày tháng ở nội dung, không chỉ dòng ngày tháng",
                             "also report a zero before months 3–12 in dates in the text, not only the date line"),
    }

    def check(self, doc):
        padded_in_text = []
        for mention in dates(doc):
            if mention.problem() is not None or mention.month is None:
                continue  # a date that does not exist is DAT001's
            day, month = padded(mention)
            padding_ok = (not mention.day_text or mention.day_text == day) and mention.month_text == month
            text = quote(mention.raw)
            if mention.on_date_line and not mention.words:
                yield self.violation(mention.span, "numeric", text=text,
                                     expected=quote(_as_words(day, month, mention.year)))
            elif mention.on_date_line and not padding_ok:
                yield self.violation(mention.span, "date-line", text=text,
                                     expected=quote(_written_as(mention, day, month)))
            elif not mention.on_date_line and self.config["text-dates"] and _zero_before_late_month(mention):
                padded_in_text.append(mention)
        # Only dates written out like the date line ("ngày 09 tháng 05 năm 2024"); "23/07/2025" in figures is
        # a style the decree leaves free, and reviewers leave it be.
        padded_in_text = [m for m in padded_in_text if m.words]
        if padded_in_text:
            # The draft's habit, not a slip per date: said once, at the first, with how often.
            first = padded_in_text[0]
            yield self.violation(first.span, "text" if len(padded_in_text) == 1 else "text-more",
                                 text=quote(first.raw), month=first.month,
                                 expected=quote(_without_month_zero(first)), more=len(padded_in_text) - 1)


def _zero_before_late_month(mention: DateMention) -> bool:
    return mention.month_text.startswith("0") and mention.month >= 3


def _without_month_zero(mention: DateMention) -> str:
    """The date as written, with only the month's zero taken out: "ngày 09/05/2024" → "ngày 09/5/2024"."""
    return _written_as(mention, mention.day_text, str(mention.month))


def _as_words(day: str, month: str, year: int | None) -> str:
    return f"ngày {day} tháng {month} năm {year}"
