"""CIT — citations of other documents: number, date, issuer and summary, given right and consistently.

Nghị định 30/2020/NĐ-CP (Phụ lục I, phần I, mục II.6.b): the first citation of a document
gives its type, number-symbol, date, issuer and summary; later ones give the type and the
number-symbol. A Luật or Pháp lệnh is cited by type and name. All rules read the shared
citation extractor (draftlint.extract.citations).

Which citation is "first": the first one in the body that does not stand inside another
citation's summary (quoting that document's title, as "… về việc thực hiện Nghị quyết số
01/NQ-CP" does). Citations in the header and the title's summary are short by custom.
"""

from __future__ import annotations

import datetime as _dt
import re

from draftlint.startup import regex
from draftlint.extract.dates import draft_latest_date
from draftlint.extract.excerpts import excerpts
from draftlint.extract.citations import (Citation, citations, dated_before, documents, first_citations, fits, head_span,
                                         heads, issuer_named_before, odd_ones, type_mismatch)
from draftlint.model import Document
from draftlint.text.capitals import is_caps
from draftlint.rule import Edit, Fix, Rule, Severity, quote


def _label(citation: Citation) -> str:
    if citation.listed:
        return quote(f"{citation.type_text} số … {citation.symbol.key}", 70)
    return quote(citation.text, 70)


_OWN_NORMATIVE_NUMBER = regex.compile(r"(?<!\d)\d++\s*+/\s*+(?:19|20)\d\d\s*+/")  # a number from its first digit


def _is_normative(doc: Document) -> bool:
    """The draft is a legal normative document: its own number carries a year ("Số: 12/2025/QĐ-UBND")."""
    number = doc.header.number
    return number is not None and bool(_OWN_NORMATIVE_NUMBER.search(number.text))


class CitationMissingDate(Rule):
    code = "CIT001"
    name = "citation-missing-date"
    family = "CIT"
    severity = Severity.WARNING  # an error needs 95 % on real drafts; measured below (benchmarks/precision.py)
    messages = {
        "default": {
            "vi": "Viện dẫn lần đầu thiếu ngày ban hành: {text}",
            "en": "The first citation gives no date of issue: {text}",
        },
        "bare": {
            "vi": "Viện dẫn lần đầu thiếu ngày ban hành, cơ quan ban hành và trích yếu: {text}",
            "en": "The first citation gives no date of issue, no issuer and no summary: {text}",
        },
        "later": {
            "vi": "Viện dẫn lần đầu thiếu ngày ban hành (ngày chỉ được ghi ở lần viện dẫn sau: {later}): {text}",
            "en": "The first citation gives no date of issue (the date only comes in a later one: {later}): {text}",
        },
    }
    reports = ("the first citation of a numbered document has no date (also when the date comes only later); not in a "
               "quotation or an annex's tables")
    summary = {
        "vi": "Lần viện dẫn đầu tiên một văn bản có số phải ghi ngày ban hành.",
        "en": "The first citation of a numbered document gives its date of issue.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, phần I, mục II.6.b): khi viện dẫn lần đầu phải ghi đầy đủ tên "
              "loại, số, ký hiệu, thời gian ban hành, cơ quan ban hành và trích yếu của văn bản. Thiếu ngày, người "
              "đọc không phân biệt được văn bản với văn bản cùng số của năm khác.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, part I, II.6.b): the first citation of a document gives its type, "
              "number and symbol, date, issuer and summary. Without the date a reader cannot tell it from a "
              "document with the same number of another year.",
    }
    bad = "1. Nhiệm vụ\nThực hiện chính sách trợ giúp xã hội theo Nghị định số 20/2021/NĐ-CP của Chính phủ.\n"
    good = ("1. Nhiệm vụ\nThực hiện chính sách trợ giúp xã hội theo Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của "
            "Chính phủ quy định chính sách trợ giúp xã hội.\n")

    def check(self, doc):
        normative = _is_normative(doc)
        for first, group in first_citations(doc):
            if first.date is not None or first.type.law:
                continue
            if normative and first.symbol is not None and first.symbol.year is not None:
                # A legal normative document (its own number "12/2025/QĐ-UBND") cites others by number,
                # issuer and name: the year is in the number (Nghị định 78/2025/NĐ-CP's practice).
                continue
            earlier = [c for c in group if c.date and c.span.start < first.span.start]
            if earlier or dated_before(first, citations(doc).items):
                continue  # already given with its date, or "Ngày 13/01/2025, Chính phủ ban hành Nghị quyết số …"
            later = next((c for c in group if c.date and c.span.start > first.span.start), None)
            if later is not None:
                yield self.violation(head_span(first), "later", text=_label(first), later=quote(later.text, 50))
            elif first.issuer is None and not first.summary:
                yield self.violation(head_span(first), "bare", text=_label(first))
            else:
                yield self.violation(head_span(first), text=_label(first))


class CitationMissingNumber(Rule):
    code = "CIT002"
    name = "citation-missing-number"
    family = "CIT"
    severity = Severity.ERROR
    messages = {
        "empty": {
            "vi": "Có chữ “số” nhưng không có số, ký hiệu văn bản: {text}",
            "en": "“số” with no number-symbol after it: {text}",
        },
        "short": {
            "vi": "Viện dẫn rút gọn {text} không ứng với văn bản nào được viện dẫn đủ số, ký hiệu trong dự thảo",
            "en": "The short reference {text} matches no document cited with its number-symbol in the draft",
        },
    }
    reports = "`số` with no number-symbol; a short reference (`Quyết định 835`) to a document never cited in full"
    summary = {
        "vi": "Văn bản được viện dẫn phải có số, ký hiệu; viện dẫn rút gọn (Quyết định 835) phải ứng với một viện dẫn đầy đủ.",
        "en": "A cited document has its number-symbol; a short reference (Quyết định 835) matches a full citation.",
    }
    rationale = {
        "vi": "Số, ký hiệu là cách duy nhất để tra cứu văn bản. “Quyết định 835” chỉ dùng được sau khi văn bản đã "
              "được viện dẫn đầy đủ một lần (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.b).",
        "en": "The number-symbol is the only way to look a document up. “Quyết định 835” works only after the "
              "document was cited in full once (Decree 30/2020/NĐ-CP, Appendix I, II.6.b).",
    }
    bad = "1. Chỉ tiêu\nCác chỉ tiêu tại phụ lục 01 của Quyết định 835 được giao cho các phòng.\n"
    good = ("Thực hiện Quyết định số 835/QĐ-UBND ngày 28/4/2023 của UBND tỉnh về việc ban hành Kế hoạch năm 2023.\n"
            "1. Chỉ tiêu\nCác chỉ tiêu tại phụ lục 01 của Quyết định 835 được giao cho các phòng.\n")

    def check(self, doc):
        found = citations(doc)
        full = [(c.type, c.symbol.number.lstrip("0")) for c in found.items if c.symbol and not c.symbol.placeholder]
        for citation in found.items:
            if citation.symbol is not None or citation.blank_number or citation.free_number:
                continue  # a blank number is CIT012's; a number of the sender's own shape is a number
            if citation.bare_number is not None and citation.so_count and citation.date is not None:
                continue  # "Văn bản số 02 ngày 21/4/2026": number and date identify it
            if citation.bare_number is None:
                yield self.violation(head_span(citation), "empty", text=_label(citation))
            elif not any(number == citation.bare_number.lstrip("0") and _same_kind(t, citation.type) for t, number in full):
                yield self.violation(citation.span, "short", text=_label(citation))


def _same_kind(a, b) -> bool:
    return a.name == b.name or bool(set(a.codes) & set(b.codes))


class CitationMissingIssuer(Rule):
    code = "CIT003"
    name = "citation-missing-issuer"
    family = "CIT"
    severity = Severity.WARNING
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "Viện dẫn lần đầu chưa ghi cơ quan ban hành (“của …”): {text}",
            "en": "The first citation does not name its issuer (“của …”): {text}",
        },
    }
    reports = "the first (dated) citation names no issuer (`của …`); not for Luật, Pháp lệnh"
    summary = {
        "vi": "Lần viện dẫn đầu tiên ghi tên cơ quan ban hành (“của Chính phủ”, “của UBND tỉnh”).",
        "en": "The first citation names the issuing body (“của Chính phủ”, “của UBND tỉnh”).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6.b) yêu cầu ghi tên cơ quan, tổ chức ban hành khi viện "
              "dẫn lần đầu. Luật và pháp lệnh không cần ghi. Một viện dẫn thiếu cả ngày đã được CIT001 báo.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.6.b) asks for the issuing body at the first citation. Laws "
              "and ordinances need none. A citation also missing its date is reported once, by CIT001.",
    }
    bad = "Thực hiện Quyết định số 90/QĐ-LĐTBXH ngày 19/01/2024 về kế hoạch hành động của ngành.\n"
    good = ("Thực hiện Quyết định số 90/QĐ-LĐTBXH ngày 19/01/2024 của Bộ Lao động - Thương binh và Xã hội về kế "
            "hoạch hành động của ngành.\n")

    def check(self, doc):
        carried: dict[int, list] = {}  # a citation → the ones in its summary ("… thực hiện Chương trình …")
        for citation in citations(doc).items:
            head = heads(doc).get(id(citation))
            if head is not None:
                carried.setdefault(id(head), []).append(citation)
        for first, group in first_citations(doc):
            if first.issuer is not None or first.type.law or first.date is None:
                continue
            if any(c.issuer for c in group if c.span.start < first.span.start):
                continue
            if issuer_named_before(first, doc.vocabulary):
                continue  # "UBND huyện đã ban hành Kế hoạch số …": the sentence names the issuer
            if any(c.issuer and fits(first, c.issuer, doc.vocabulary) and not fits(c, c.issuer, doc.vocabulary)
                   for c in carried.get(id(first), ())):
                continue  # "Kế hoạch số … thực hiện Chương trình … của UBND tỉnh": the issuer is the plan's
            yield self.violation(head_span(first), text=_label(first))


class CitationMissingSummary(Rule):
    code = "CIT004"
    name = "citation-missing-summary"
    family = "CIT"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "Viện dẫn lần đầu chưa có trích yếu (“về …”, “ban hành …”): {text}",
            "en": "The first citation has no summary (“về …”, “ban hành …”): {text}",
        },
    }
    reports = "the first citation has no summary (`về …`, `ban hành …`, a quoted title)"
    summary = {
        "vi": "Lần viện dẫn đầu tiên có trích yếu nội dung văn bản.",
        "en": "The first citation carries the document's summary.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6.b): viện dẫn lần đầu ghi trích yếu nội dung văn bản, "
              "để người đọc biết văn bản nói về việc gì mà không phải tra cứu.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.6.b): the first citation gives the document's summary, so "
              "the reader knows what it is about without looking it up.",
    }
    bad = "Thực hiện Quyết định số 546/QĐ-TTg ngày 29/4/2022 của Thủ tướng Chính phủ.\n"
    good = ("Thực hiện Quyết định số 546/QĐ-TTg ngày 29/4/2022 của Thủ tướng Chính phủ về việc giao chỉ tiêu bao "
            "phủ bảo hiểm y tế.\n")

    def check(self, doc):
        for first, group in first_citations(doc):
            if first.summary or first.type.law or first.date is None or first.issuer is None:
                continue
            if any(c.summary for c in group if c.span.start < first.span.start):
                continue
            yield self.violation(head_span(first), text=_label(first))


class CitationDateAfterDraft(Rule):
    code = "CIT005"
    name = "citation-date-after-draft"
    family = "CIT"
    severity = Severity.ERROR
    messages = {
        "draft": {
            "vi": "Văn bản được viện dẫn có ngày {cited}, sau ngày của dự thảo ({draft}): {text}",
            "en": "The cited document is dated {cited}, after the draft itself ({draft}): {text}",
        },
        "today": {
            "vi": "Văn bản được viện dẫn có ngày {cited}, sau ngày hôm nay: {text}",
            "en": "The cited document is dated {cited}, after today: {text}",
        },
    }
    reports = ("a cited document dated after the draft (blank day or month read as the latest possible), or after "
               "today when undated")
    summary = {
        "vi": "Văn bản được viện dẫn không thể ban hành sau chính dự thảo (hoặc sau hôm nay nếu dự thảo chưa có ngày).",
        "en": "A cited document cannot postdate the draft (or today, when the draft is undated).",
    }
    rationale = {
        "vi": "Ngày sau ngày của dự thảo gần như luôn là lỗi gõ năm hoặc tháng. Khi dự thảo để trống ngày hoặc "
              "tháng chờ ký, quy tắc lấy ngày muộn nhất có thể (cuối tháng, cuối năm) để không báo nhầm.",
        "en": "A date after the draft's own is almost always a mistyped year or month. When the draft leaves the "
              "day or month blank for signature, the rule takes the latest date possible (end of month or year).",
    }
    bad = ("Hà Nội, ngày      tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai năm 2024\n"
           "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND tỉnh về cải cách hành chính.\n")
    good = ("Hà Nội, ngày      tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai năm 2024\n"
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2024 của UBND tỉnh về cải cách hành chính.\n")

    def check(self, doc):
        latest, from_draft = draft_latest_date(doc)
        variant = "draft" if from_draft else "today"
        for citation in citations(doc).items:
            date = citation.date
            if date is None or date.value is None or citation.listed:
                continue
            try:
                cited = _dt.date(*date.value)
            except ValueError:
                continue  # not a real date (31/02): another question than this rule's
            if cited > latest:
                yield self.violation(date.span, variant, text=_label(citation), cited=_as_written(date),
                                     draft=_show(latest) if variant == "draft" else "")


def _show(day: _dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


class CitationInconsistent(Rule):
    code = "CIT006"
    name = "citation-inconsistent"
    family = "CIT"
    severity = Severity.ERROR
    messages = {
        "date": {
            "vi": "Cùng văn bản {symbol} nhưng ghi ngày {date}, nơi khác ghi ngày {usual}",
            "en": "The same document {symbol} is dated {date} here and {usual} elsewhere",
        },
        "symbol": {
            "vi": "Cùng văn bản nhưng ký hiệu ghi {symbol}, nơi khác ghi {usual}",
            "en": "The same document is written {symbol} here and {usual} elsewhere",
        },
        "issuer": {
            "vi": "Cùng văn bản {symbol} nhưng cơ quan ban hành ghi “{issuer}”, nơi khác ghi “{usual}”",
            "en": "The same document {symbol} is issued by “{issuer}” here and by “{usual}” elsewhere",
        },
    }
    reports = ("one document cited with different dates (same year), symbols (`90/QĐ-LĐTBXH` / `90/QĐ-BLĐTBXH`) or "
               "issuers")
    summary = {
        "vi": "Một văn bản luôn được viện dẫn với cùng ngày, cùng ký hiệu và cùng cơ quan ban hành.",
        "en": "One document is always cited with the same date, symbol and issuer.",
    }
    rationale = {
        "vi": "Hai ngày khác nhau cho cùng số, ký hiệu (09/4/2024 và 15/4/2024) hoặc hai ký hiệu cho cùng văn bản "
              "(71-CTr/TU và 71-CT/TU) khiến người đọc không biết văn bản nào mới đúng; ít nhất một chỗ đã gõ sai. "
              "Chỗ khác với đa số được báo.",
        "en": "Two dates for one number-symbol (09/4/2024 and 15/4/2024), or two symbols for one document "
              "(71-CTr/TU and 71-CT/TU), leave the reader unsure which is right; at least one is a typo. The "
              "occurrence that differs from the majority is reported.",
    }
    bad = ("Thực hiện Chương trình hành động số 71-CTr/TU ngày 09/4/2024 của Ban Chấp hành Đảng bộ tỉnh về chính "
           "sách xã hội.\n1. Nhiệm vụ\nTriển khai Chương trình hành động số 71-CTr/TU ngày 15/4/2024.\n")
    good = ("Thực hiện Chương trình hành động số 71-CTr/TU ngày 09/4/2024 của Ban Chấp hành Đảng bộ tỉnh về chính "
            "sách xã hội.\n1. Nhiệm vụ\nTriển khai Chương trình hành động số 71-CTr/TU ngày 09/4/2024.\n")

    def check(self, doc):
        found = citations(doc)
        vocab = doc.vocabulary
        for group in found.by_key().values():
            key = group[0].symbol.key
            dated = [c for c in group if c.date and c.date.value]
            # Numbers start again each year, so dates of different years may be different documents.
            by_year: dict[int, list[Citation]] = {}
            for citation in dated:
                by_year.setdefault(citation.date.year, []).append(citation)
            for citation, usual in (pair for same_year in by_year.values() for pair in odd_ones(same_year, lambda c: c.date.value)):
                written = next(c.date for c in dated if c.date.value == usual)
                yield self.violation(citation.date.span, "date", symbol=key, date=_as_written(citation.date),
                                     usual=_as_written(written))
            named = [c for c in group if c.issuer and not c.issuer_shared and vocab.authority(c.issuer)]
            if any(not fits(c, c.issuer, vocab) for c in named):
                named = []  # one of them does not fit its own symbol: CIT009 says which
            for citation, usual in odd_ones(named, lambda c: frozenset(vocab.codes_for_authority(vocab.authority(c.issuer)))):
                other = next(c.issuer for c in named if frozenset(vocab.codes_for_authority(vocab.authority(c.issuer))) == usual)
                yield self.violation(citation.issuer_span, "issuer", symbol=key, issuer=citation.issuer, usual=other)
        # One document under two symbols (CIT007 explains a type code that does not fit its type,
        # so those are left to it).
        for group in documents(doc).values():
            for citation, usual in odd_ones(group, lambda c: c.symbol.match_key):
                if type_mismatch(citation):
                    continue
                written = next(c.symbol.key for c in group if c.symbol.match_key == usual)
                yield self.violation(citation.symbol.span, "symbol", symbol=citation.symbol.key, usual=written)


def _as_written(date) -> str:
    """A date as the draft writes it, without the word "ngày": "09/4/2024", "09 tháng 5 năm 2024"."""
    return re.sub(r"(?i)^ngày\s*", "", date.raw).strip()


class CitationTypeMismatch(Rule):
    code = "CIT007"
    name = "citation-type-mismatch"
    family = "CIT"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Tên loại “{type}” không khớp mã {code} trong ký hiệu {symbol} (mã của {type} là {expected})",
            "en": "The type “{type}” does not match the code {code} in {symbol} (the code for {type} is {expected})",
        },
    }
    reports = "the type name and the type code disagree: `Quyết định số 12/NQ-CP`, `Chương trình hành động số 71-CT/TU`"
    summary = {
        "vi": "Mã loại văn bản trong ký hiệu khớp với tên loại: Quyết định → QĐ, Chương trình → CTr.",
        "en": "The type code in the symbol matches the type name: Quyết định → QĐ, Chương trình → CTr.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục III) quy định chữ viết tắt tên loại văn bản; Hướng dẫn 36-HD/VPTW "
              "quy định cho văn bản của Đảng. “Quyết định số 12/NQ-CP” hay “Chương trình hành động số 71-CT/TU” "
              "(CT là Chỉ thị) cho thấy tên loại hoặc ký hiệu đã bị ghi sai.",
        "en": "Decree 30/2020/NĐ-CP (Appendix III) fixes the type abbreviations; Guide 36-HD/VPTW does so for Party "
              "documents. “Quyết định số 12/NQ-CP” or “Chương trình hành động số 71-CT/TU” (CT is a Chỉ thị) shows "
              "the type name or the symbol was written wrong.",
    }
    bad = "Triển khai Chương trình hành động số 71-CT/TU ngày 09/4/2024 của Tỉnh ủy về chính sách xã hội.\n"
    good = "Triển khai Chương trình hành động số 71-CTr/TU ngày 09/4/2024 của Tỉnh ủy về chính sách xã hội.\n"

    def check(self, doc):
        vocab = doc.vocabulary
        for citation in citations(doc).items:
            symbol = citation.symbol
            if not type_mismatch(citation) or symbol.type_code not in vocab.type_codes:
                continue  # an unknown code is CIT014's
            yield self.violation(symbol.span, type=citation.type_text, code=symbol.type_code, symbol=symbol.key,
                                 expected="/".join(citation.type.codes))


class CitationStyleMismatch(Rule):
    code = "CIT008"
    name = "citation-style-mismatch"
    family = "CIT"
    severity = Severity.ERROR
    messages = {
        "party": {
            "vi": "Văn bản của Đảng ({issuer}) có ký hiệu dạng số-MÃ/CƠ QUAN, không phải {symbol}; viết {fixed}",
            "en": "A Party document ({issuer}) is numbered n-CODE/ISSUER, not {symbol}; write {fixed}",
        },
        "state": {
            "vi": "Văn bản nhà nước ({issuer}) có ký hiệu dạng số/MÃ-CƠ QUAN, không phải {symbol}; viết {fixed}",
            "en": "A state document ({issuer}) is numbered n/CODE-ISSUER, not {symbol}; write {fixed}",
        },
    }
    reports = "a Party issuer in the state pattern (`26/NQ-TW`) or a state issuer in the Party one (`68-NQ/CP`)"
    summary = {
        "vi": "Ký hiệu văn bản của Đảng viết số-MÃ/CƠ QUAN (26-NQ/TW); của nhà nước viết số/MÃ-CƠ QUAN (68/NQ-CP).",
        "en": "Party symbols read n-CODE/ISSUER (26-NQ/TW); state symbols n/CODE-ISSUER (68/NQ-CP).",
    }
    rationale = {
        "vi": "Hướng dẫn 36-HD/VPTW: văn bản của Đảng dùng gạch nối giữa số và mã, gạch chéo trước cơ quan; Nghị "
              "định 30/2020/NĐ-CP dùng thứ tự ngược lại cho văn bản nhà nước. Viết lẫn hai kiểu (26/NQ-TW) là sai "
              "ký hiệu của văn bản được viện dẫn.",
        "en": "Guide 36-HD/VPTW: Party documents put a hyphen between number and code and a slash before the "
              "issuer; Decree 30/2020/NĐ-CP uses the other order for state documents. Mixing them (26/NQ-TW) "
              "misquotes the cited document.",
    }
    bad = "Thực hiện Nghị quyết số 26/NQ-TW ngày 03/11/2022 của Bộ Chính trị về phát triển vùng.\n"
    good = "Thực hiện Nghị quyết số 26-NQ/TW ngày 03/11/2022 của Bộ Chính trị về phát triển vùng.\n"

    def check(self, doc):
        vocab = doc.vocabulary
        for citation in citations(doc).items:
            symbol = citation.symbol
            if symbol is None or not symbol.issuer_codes or symbol.type_code is None:
                continue
            issuer = symbol.issuer_codes[0]
            if symbol.style == "state" and vocab.is_party_issuer(issuer) and symbol.year is None:
                fixed = f"{symbol.number}-{symbol.type_code}/{'-'.join(symbol.issuer_codes)}"
                yield self.violation(symbol.span, "party", issuer=issuer, symbol=symbol.key, fixed=fixed)
            elif symbol.style == "party" and vocab.is_state_issuer(issuer):
                fixed = f"{symbol.number}/{symbol.type_code}-{'-'.join(symbol.issuer_codes)}"
                yield self.violation(symbol.span, "state", issuer=issuer, symbol=symbol.key, fixed=fixed)


class CitationIssuerMismatch(Rule):
    code = "CIT009"
    name = "citation-issuer-mismatch"
    family = "CIT"
    severity = Severity.WARNING
    messages = {
        "default": {
            "vi": "Cơ quan ban hành “{issuer}” không khớp mã {code} trong ký hiệu {symbol}",
            "en": "The issuer “{issuer}” does not match the code {code} in {symbol}",
        },
    }
    reports = "`của …` names another body than the symbol's code: `…/NĐ-CP … của Thủ tướng Chính phủ`"
    summary = {
        "vi": "Cơ quan ghi sau “của” khớp với mã cơ quan trong ký hiệu: …/NĐ-CP là của Chính phủ.",
        "en": "The body named after “của” matches the issuer code in the symbol: …/NĐ-CP is the Government's.",
    }
    rationale = {
        "vi": "Nghị định do Chính phủ ban hành (NĐ-CP), quyết định của Thủ tướng mang mã TTg. “Nghị định số "
              "20/2021/NĐ-CP … của Thủ tướng Chính phủ” ghi sai cơ quan ban hành. Chỉ báo khi tên cơ quan nhận "
              "ra được.",
        "en": "A decree is the Government's (NĐ-CP); a decision of the Prime Minister carries TTg. “Nghị định số "
              "20/2021/NĐ-CP … của Thủ tướng Chính phủ” names the wrong issuer. Only names the rule recognises "
              "are checked.",
    }
    bad = "Thực hiện Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Thủ tướng Chính phủ về trợ giúp xã hội.\n"
    good = "Thực hiện Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ về trợ giúp xã hội.\n"

    def check(self, doc):
        vocab = doc.vocabulary
        for citation in citations(doc).items:
            symbol = citation.symbol
            if citation.issuer is None or citation.issuer_shared or citation.listed or symbol is None:
                continue
            if not symbol.issuer_codes or symbol.style == "old":
                continue
            if symbol.style == "state" and symbol.type_code is None:
                continue  # a công văn: UBND-TH names a unit after the issuer
            if not fits(citation, citation.issuer, vocab):
                head = heads(doc).get(id(citation))
                if head is not None and head.issuer is None and fits(head, citation.issuer, vocab):
                    continue  # "Kế hoạch số … thực hiện Chương trình số …/TU … của UBND tỉnh": the plan's issuer
                yield self.violation(citation.issuer_span, issuer=citation.issuer, code=symbol.issuer_codes[0],
                                     symbol=symbol.key)


class CitationYearMismatch(Rule):
    code = "CIT010"
    name = "citation-year-mismatch"
    family = "CIT"
    severity = Severity.WARNING
    messages = {
        "year": {
            "vi": "Năm trong ký hiệu {symbol} ({year}) khác năm của ngày ban hành ({date})",
            "en": "The year in {symbol} ({year}) differs from the year of its date ({date})",
        },
        "no-year": {
            "vi": "{type} là văn bản quy phạm pháp luật: ký hiệu phải có năm ban hành, như 20/2021/NĐ-CP, không phải {symbol}",
            "en": "A {type} is a legal normative document: its symbol carries the year, as in 20/2021/NĐ-CP, not {symbol}",
        },
    }
    reports = "a normative symbol's year differs from its date's; a Nghị định or Thông tư without a year"
    summary = {
        "vi": "Năm trong ký hiệu văn bản quy phạm (20/2021/NĐ-CP) trùng năm ban hành; nghị định, thông tư phải có năm.",
        "en": "The year in a normative symbol (20/2021/NĐ-CP) is the year of issue; decrees and circulars have one.",
    }
    rationale = {
        "vi": "Luật Ban hành văn bản quy phạm pháp luật (Điều 10): số, ký hiệu của nghị định, thông tư gồm năm ban "
              "hành viết đủ bốn chữ số. Năm trong ký hiệu khác năm của ngày ghi kèm cho thấy một trong hai bị gõ sai.",
        "en": "Law on Legal Normative Documents (Article 10): the symbol of a decree or circular includes the year "
              "of issue in four digits. A year that differs from the date's shows one of them is mistyped.",
    }
    bad = "Thực hiện Nghị định số 20/2021/NĐ-CP ngày 15/3/2022 của Chính phủ về trợ giúp xã hội.\n"
    good = "Thực hiện Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ về trợ giúp xã hội.\n"

    def check(self, doc):
        items = citations(doc).items
        for k, citation in enumerate(items):
            symbol = citation.symbol
            if symbol is None or symbol.placeholder:
                continue
            date = citation.date
            if (date is not None and k + 1 < len(items) and items[k + 1].listed and items[k + 1].date is date
                    and items[k + 1].symbol is not None and items[k + 1].symbol.year == date.year):
                continue  # "số 37/2019/NĐ-CP và số 22/2025/NĐ-CP ngày 11/02/2025": the date is the last one's
            if symbol.year is not None and date is not None and date.year is not None and date.year != symbol.year:
                yield self.violation(symbol.span, "year", symbol=symbol.key, year=symbol.year, date=date.raw)
            elif symbol.year is None and citation.type.normative and symbol.style == "state" and not (
                    date is not None and date.year is not None and date.year < 2000):  # older numbers had no year
                yield self.violation(symbol.span, "no-year", type=citation.type_text, symbol=symbol.key)


class CitationMalformed(Rule):
    code = "CIT011"
    name = "citation-malformed"
    family = "CIT"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "spaced": {
            "vi": "Ký hiệu văn bản có dấu cách bên trong: {symbol}; viết liền {fixed}",
            "en": "Spaces inside a number-symbol: {symbol}; write {fixed}",
        },
        "doubled": {
            "vi": "Chữ “số” bị lặp: {text}",
            "en": "“số” is written twice: {text}",
        },
        "missing-so": {
            "vi": "Thiếu chữ “số” trước số, ký hiệu: {text}, viết “{type} số {symbol}”",
            "en": "“số” is missing before the number-symbol: {text}, write “{type} số {symbol}”",
        },
        "missing-so-more": {
            "vi": "Thiếu chữ “số” trước số, ký hiệu: {text}, viết “{type} số {symbol}” (và {more} chỗ khác trong văn bản)",
            "en": "“số” is missing before the number-symbol: {text}, write “{type} số {symbol}” ({more} more in the "
                  "document)",
        },
    }
    reports = "spaces inside a symbol (`UBTVQH 14`, `25- KH/UBND`, safe fix), `số số`, `số` missing (once per draft)"
    summary = {
        "vi": "Viện dẫn viết đúng dạng “<tên loại> số <ký hiệu>”: có một chữ “số”, ký hiệu không có dấu cách.",
        "en": "A citation reads “<type> số <symbol>”: “số” once, no spaces inside the symbol.",
    }
    rationale = {
        "vi": "Luật Ban hành văn bản quy phạm pháp luật (Điều 10.3) và Nghị định 30/2020/NĐ-CP: các thành phần của "
              "ký hiệu viết liền (02/2020/UBTVQH14, không phải UBTVQH 14). “số số” và thiếu “số” là lỗi soạn thảo.",
        "en": "Law on Legal Normative Documents (Article 10.3) and Decree 30/2020/NĐ-CP: the parts of a symbol are "
              "written together (02/2020/UBTVQH14, not UBTVQH 14). “số số” and a missing “số” are typing slips.",
    }
    bad = "Thực hiện Chương trình hành động số số 71-CTr/TU ngày 09/4/2024 của Tỉnh ủy về chính sách xã hội.\n"
    good = "Thực hiện Chương trình hành động số 71-CTr/TU ngày 09/4/2024 của Tỉnh ủy về chính sách xã hội.\n"

    def check(self, doc):
        missing = []
        spaced_seen: set[str] = set()
        for citation in citations(doc).items:
            symbol = citation.symbol
            if symbol is None:
                continue
            if symbol.spaced and symbol.raw not in spaced_seen:
                spaced_seen.add(symbol.raw)  # the same symbol copied a hundred times is said once
                fix = Fix((Edit(symbol.span, symbol.key),))  # only the spaces inside go
                yield self.violation(symbol.span, "spaced", symbol=quote(symbol.raw), fixed=symbol.key, fix=fix)
            if citation.so_count > 1:
                yield self.violation(head_span(citation), "doubled", text=_label(citation))
            elif citation.so_count == 0 and not citation.type.law and not citation.caption:
                missing.append(citation)
        if missing:
            # A habit of the whole draft, not a slip per citation: said once, with how often.
            first = missing[0]
            yield self.violation(head_span(first), "missing-so" if len(missing) == 1 else "missing-so-more",
                                 text=_label(first), type=first.type_text, symbol=first.symbol.key,
                                 more=len(missing) - 1)


class CitationPlaceholder(Rule):
    code = "CIT012"
    name = "citation-placeholder"
    family = "CIT"
    severity = Severity.WARNING
    messages = {
        "date": {
            "vi": "Ngày ban hành còn để trống trong viện dẫn: {text}",
            "en": "The date of a citation is still a placeholder: {text}",
        },
        "number": {
            "vi": "Số của văn bản được viện dẫn còn để trống: {text}",
            "en": "The number of a cited document is still a placeholder: {text}",
        },
    }
    reports = "a cited document's number or date left blank: `số     /KH-UBND`, `ngày .... tháng ... năm 2024`"
    summary = {
        "vi": "Không để trống số hoặc ngày trong viện dẫn (“ngày .... tháng ... năm 2024”, “số     /KH-UBND”).",
        "en": "No placeholders left in a citation (“ngày .... tháng ... năm 2024”, “số     /KH-UBND”).",
    }
    rationale = {
        "vi": "Dự thảo thường để trống số, ngày của văn bản chưa ban hành; khi văn bản đó đã có, chỗ trống phải "
              "được điền trước khi trình ký. Chỉ số và ngày của chính dự thảo (dòng “Số:”, dòng địa danh) được để "
              "trống.",
        "en": "Drafts leave the number and date of a not-yet-issued document blank; once it exists the blanks "
              "must be filled before signature. Only the draft's own number and date line may stay blank.",
    }
    bad = "Thực hiện Chương trình hành động số 71-CTr/TU ngày .... tháng .....năm 2024 của Tỉnh ủy về an sinh xã hội.\n"
    good = "Thực hiện Chương trình hành động số 71-CTr/TU ngày 09/4/2024 của Tỉnh ủy về an sinh xã hội.\n"

    def check(self, doc):
        quoted = excerpts(doc)
        for citation in citations(doc).items:
            if citation.caption or citation.span.start in quoted:
                continue  # "(Kèm theo Kế hoạch số   /KH-UBND ngày …)": the draft's own number, given at issue;
                # an annex's form leaves its blanks for whoever fills it in
            if citation.blank_number or (citation.symbol is not None and citation.symbol.placeholder):
                yield self.violation(head_span(citation), "number", text=_label(citation))
            if citation.date is not None and citation.date.placeholder and not citation.listed:
                yield self.violation(citation.date.span, "date", text=_label(citation))


class LawCitedByNumber(Rule):
    code = "CIT013"
    name = "law-cited-by-number"
    family = "CIT"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "{type} được viện dẫn bằng số mà không có tên: {text}; ghi tên {type} (ví dụ “Pháp lệnh Ưu đãi người có công với cách mạng”)",
            "en": "A {type} cited by number without its name: {text}; give its name (e.g. “Pháp lệnh Ưu đãi người có công với cách mạng”)",
        },
    }
    reports = "a Luật or Pháp lệnh cited by number without its name"
    summary = {
        "vi": "Luật, pháp lệnh được viện dẫn bằng tên loại và tên, không chỉ bằng số.",
        "en": "A Luật or Pháp lệnh is cited by type and name, not by number alone.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6.b): “đối với Luật và Pháp lệnh chỉ ghi tên loại và tên "
              "của Luật, Pháp lệnh”. Số như 02/2020/UBTVQH14 không cho người đọc biết đó là pháp lệnh nào.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.6.b): “for a Luật or Pháp lệnh give only the type and its "
              "name”. A number such as 02/2020/UBTVQH14 does not tell the reader which ordinance it is.",
    }
    bad = "Thực hiện chế độ theo Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020.\n"
    good = "Thực hiện chế độ theo Pháp lệnh Ưu đãi người có công với cách mạng.\n"

    def check(self, doc):
        for citation in citations(doc).items:
            if citation.type.law and citation.symbol is not None and not citation.law_name:
                yield self.violation(head_span(citation), type=citation.type_text, text=_label(citation))


class CitationUnknownCode(Rule):
    code = "CIT014"
    name = "citation-unknown-code"
    family = "CIT"
    severity = Severity.INFO
    messages = {
        "type": {
            "vi": "Mã loại văn bản {code} trong {symbol} viết sai chữ hoa, chữ thường: viết “{known}”",
            "en": "The type code {code} in {symbol} has the wrong case: write “{known}”",
        },
        "issuer": {
            "vi": "Mã cơ quan {code} trong {symbol} viết sai chữ hoa, chữ thường: viết “{known}”",
            "en": "The issuer code {code} in {symbol} has the wrong case: write “{known}”",
        },
    }
    reports = ("a known type or issuer code written in the wrong case (`QĐ-TTG` for `QĐ-TTg`, `Kh` for `KH`), not in "
               "a title in capitals; codes outside the lists are another body's and not reported")
    summary = {
        "vi": "Mã loại văn bản và mã cơ quan trong ký hiệu viết đúng như danh mục: “TTg”, không phải “TTG”; “TU”, "
              "không phải “Tu”.",
        "en": "Type and issuer codes in symbols are written as the lists have them: “TTg”, not “TTG”; “TU”, not “Tu”.",
    }
    rationale = {
        "vi": "Ký hiệu văn bản là một mã; viết sai chữ hoa, chữ thường (“QĐ-TTG”) là lỗi gõ dễ thấy khi so với danh "
              "mục (Phụ lục III Nghị định 30/2020/NĐ-CP và mã các cơ quan). Mã không có trong danh mục thì không báo: "
              "nhiều cơ quan, đơn vị có mã riêng mà danh mục không thể liệt kê hết. Mã của cơ quan riêng khai báo "
              "trong cấu hình ([tool.draftlint.issuers]).",
        "en": "A document symbol is a code; a code in the wrong case (“QĐ-TTG”) is a slip that shows against the lists "
              "(Decree 30/2020/NĐ-CP, Appendix III, and the issuers' codes). A code outside the lists is not "
              "reported: many bodies and units have codes of their own that no list can hold. An office's own codes "
              "go in the configuration ([tool.draftlint.issuers]).",
    }
    bad = "Thực hiện Quyết định số 22/2013/QĐ-TTG ngày 26/4/2013 của Thủ tướng Chính phủ về hỗ trợ nhà ở.\n"
    good = "Thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26/4/2013 của Thủ tướng Chính phủ về hỗ trợ nhà ở.\n"

    def check(self, doc):
        vocab = doc.vocabulary
        types = _by_case(vocab.type_codes)
        issuers = _by_case(vocab.issuer_by_code)
        for citation in citations(doc).items:
            symbol = citation.symbol
            if symbol is None or symbol.style in ("law", "old"):
                continue
            text = doc.text
            start = max(symbol.span.start - 40, text.rfind("\n", 0, symbol.span.start) + 1)
            end = text.find("\n", symbol.span.end)
            end = symbol.span.end + 40 if end == -1 else min(end, symbol.span.end + 40)
            if is_caps(text[start:end]):
                continue  # a title in capitals writes "QĐ-TTG" as it must
            if symbol.type_code is not None and symbol.type_code not in vocab.type_codes:
                known = types.get(symbol.type_code.casefold())
                if known is not None:
                    yield self.violation(symbol.span, "type", code=symbol.type_code, symbol=symbol.key, known=known)
            elif symbol.issuer_codes and not vocab.is_known_issuer(symbol.issuer_codes[0]):
                # The issuing body's code; a công văn's later codes name its units (UBND-TH) and are free.
                known = issuers.get(symbol.issuer_codes[0].casefold())
                if known is not None:
                    yield self.violation(symbol.span, "issuer", code=symbol.issuer_codes[0], symbol=symbol.key,
                                         known=known)


def _by_case(codes) -> dict[str, str]:
    """Known codes by their case-folded form, where that form is one code's only ("TTg" for "ttg")."""
    out: dict[str, str | None] = {}
    for code in codes:
        key = code.casefold()
        out[key] = code if key not in out else None
    return {k: v for k, v in out.items() if v is not None}
