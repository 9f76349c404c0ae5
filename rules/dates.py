"""DAT — dates and deadlines: dates that exist, deadlines not before the draft, ranges in order,
and the date line of Nghị định 30/2020."""

from __future__ import annotations

import calendar

from draftlint.dates import (DateMention, dates, draft_date, draft_earliest_date, in_results_section,
                             inverted_ranges, is_deadline, last_day)
from draftlint.rule import Option, Rule, Severity, quote


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
    summary = {
        "vi": "Thời hạn (“trước ngày …”, “hoàn thành trong tháng …”) không sớm hơn ngày ban hành của văn bản.",
        "en": "A deadline (“trước ngày …”, “hoàn thành trong tháng …”) is not earlier than the document's date.",
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
        if issued is None:
            return
        for mention in dates(doc):
            due = last_day(mention) if not mention.on_date_line and is_deadline(mention) else None
            if due is not None and due < issued and not in_results_section(doc, mention):
                yield self.violation(mention.span, text=quote(mention.raw), issued=_shown_date(doc))


def _shown_date(doc) -> str:
    own = draft_date(doc)
    return " ".join(own.raw.split()) if own is not None else ""  # a blank day's spaces shown as one


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
    }
    summary = {
        "vi": "Dòng ngày tháng viết “ngày … tháng … năm …”; ngày dưới 10 và tháng 1, 2 có số 0 đứng trước, "
              "tháng 3–12 không; trong nội dung cũng không ghi số 0 trước tháng 3–12.",
        "en": "The date line reads “ngày … tháng … năm …”; days below 10 and months 1–2 take a leading zero, "
              "months 3–12 do not; dates in the text put no zero before months 3–12 either.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.4.b): “đối với những số thể hiện ngày nhỏ hơn 10 và "
              "tháng 1, 2 phải ghi thêm số 0 phía trước”; ngày tháng năm ban hành viết đầy đủ bằng chữ “ngày … tháng … năm”. "
              "Nghị định không quy định ngày tháng trong nội dung, nên ở đó chỉ báo cách ghi trái hẳn với dòng "
              "ngày tháng (“ngày 09 tháng 05 năm 2024”); cách viết quen thuộc như “ngày 3/2/1930”, “ngày 2/9”, "
              "“ngày 9/5/2024” không bị báo. Tắt phần này bằng tùy chọn text-dates = false.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.4.b): days below 10 and months 1 and 2 take a leading zero; "
              "the date of issue is written in full, “ngày … tháng … năm”. The decree does not regulate dates in "
              "the text, so there only a form that contradicts the date line is reported (“ngày 09 tháng 05 năm "
              "2024”); the familiar “ngày 3/2/1930”, “ngày 2/9”, “ngày 9/5/2024” are not. Turn this part off with "
              "text-dates = false.",
    }
    bad = "Hà Nội, ngày 5 tháng 03 năm 2024\n"
    good = "Hà Nội, ngày 05 tháng 3 năm 2024\n"
    options = {
        "text-dates": Option(True, "báo cả số 0 trước tháng 3–12 trong ngày tháng ở nội dung, không chỉ dòng ngày tháng",
                             "also report a zero before months 3–12 in dates in the text, not only the date line"),
    }

    def check(self, doc):
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
                yield self.violation(mention.span, "text", text=text, month=mention.month,
                                     expected=quote(_without_month_zero(mention)))


def _zero_before_late_month(mention: DateMention) -> bool:
    return mention.month_text.startswith("0") and mention.month >= 3


def _without_month_zero(mention: DateMention) -> str:
    """The date as written, with only the month's zero taken out: "ngày 09/05/2024" → "ngày 09/5/2024"."""
    return _written_as(mention, mention.day_text, str(mention.month))


def _as_words(day: str, month: str, year: int | None) -> str:
    return f"ngày {day} tháng {month} năm {year}"
