"""The citation extractor: every citation of a specific document in a draft, computed once.

A citation is a document type (``Quyết định``, ``Chương trình hành động`` …), ``số``,
a number-symbol (``90/QĐ-LĐTBXH``, ``20/2021/NĐ-CP``, ``26-NQ/TW``, ``02/2020/UBTVQH14``),
usually a date (``ngày 19/01/2024``, ``ngày 09 tháng 5 năm 2024``), an issuer
(``của Chính phủ``) and a summary (``về …``, ``ban hành …``, a quoted title). A short
reference (``Quyết định 835``) names a type and a bare number. A generic mention
(``các nghị quyết của Tỉnh ủy``, ``Luật Ngân sách Nhà nước``) is not a citation.

Citations are read from the logical lines, so one wrapped over lines comes out whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Hashable, Iterator

from ..startup import regex
from ..data import DocumentType
from ..text.fold import fold, fold_same_length
from .vocabulary import LOCAL_DEPARTMENT, Vocabulary
from .excerpts import excerpts
from ..text.phrases import is_word_character, matches_not_after
from ..model import Document, Line, LineKind, Span

_CODE = r"[A-ZĐ][A-Za-zĐđ&]{0,11}"
_END_CODE = r"(?![^\W_])"  # a code ends at a word boundary: not the "Tri" of "Triển khai"
# The number-symbol, tolerant of the defects the rules report (spaces, placeholders). Matched
# where a type or "số" ends: a run of placeholder dots starts there (never inside one), and a
# symbol with no number looks across at most 200 spaces for its "/", so a long run of spaces or
# dots costs linear time even when searched.
_SYMBOL = regex.compile(
    rf"""
    (?P<num>\d{{1,5}}(?:\.\d{{1,4}})?|(?<![.…_])[.…_]++|(?=\s{{0,200}}/))
    (?:
        (?P<party>-\s?)(?P<pcode>{_CODE}){_END_CODE}/(?P<pissuers>{_CODE}{_END_CODE}(?:-{_CODE}{_END_CODE})*)
      |
        (?P<sslash>\s*/\s*)(?:(?P<year>\d{{4}})\s*/\s*)?
        (?P<scodes>{_CODE}\d{{0,2}}{_END_CODE}(?:\s?-\s?{_CODE}\d{{0,2}}{_END_CODE}|[/.]{_CODE}\d{{0,2}}{_END_CODE}
                  |-\d{{1,4}}(?![\d/])|/(?:19|20)\d\d(?!\d)|\.\d{{1,3}}(?=[-/])|&\s?{_CODE}{_END_CODE}|(?<=&)\s{_CODE}{_END_CODE})*(?:\s\d{{2}}\b)?)
      |
        (?P<old>-)(?P<ocode>{_CODE}){_END_CODE}(?![/\-])
    )
    """,
    re.X,
)
# Dates: "ngày 19/01/2024" (also 19-01-2024, 19.01.2024) and "ngày 09 tháng 5 năm 2024", blanks allowed.
# Each part is either digits or a run of placeholder dots; whitespace is matched possessively (*+),
# so a long run of spaces cannot make the pattern backtrack.
_DATE = regex.compile(
    r"""
    (?P<lead>(?<!\s)\s*+,?\s*+(?:ban\s+hành\s+)?ngày[ \t]*+)
    (?:
        (?P<d1>\d{1,2}|[.…_]*)[ \t]*+(?P<sep>/)[ \t]*+(?P<m1>\d{1,2}|[.…_]*)[ \t]*+/[ \t]*+(?P<y1>\d{4}|[.…_]+)
      |
        (?P<d3>\d{1,2})(?P<sep3>[.\-])(?P<m3>\d{1,2})(?P=sep3)(?P<y3>\d{4})  # 05-01-2024, 05.01.2024
      |
        (?P<d2>\d{1,2}|[.…_]*)[ \t]*+tháng[ \t]*+(?P<m2>\d{1,2}|[.…_]*)[ \t]*+(?:năm|tháng(?=[ \t]*\d{4}))(?:[ \t]*+(?P<y2>\d{4}|[.…_]+))?
    )
    """,
    re.X | re.I,
)
# "số" of a citation: followed by a number, a blank, or nothing (not "số liệu", "số hóa", "một số").
# "số:" is read as "số" (the colon is the house style of some offices).
# _SO and _BARE_NUMBER are matched at the end of the type word, or at the last space before "số"
# after a law's name: a start inside a longer run of spaces is never asked for and is refused at
# once (searched, the pattern would read the run again from each of its places).
_SO = regex.compile(r"(?:(?<!\s)|(?!\s\s))\s*+((?:số\s*+){1,3}?)(?::\s*+)?(?=(?:[\d.…_/]|[,;)]|của\b|ngày\b|\Z))", re.I)
_BARE_NUMBER = regex.compile(
    r"(?:(?<!\s)|(?!\s\s))\s++(?:số\s++)?(?P<num>\d{1,5})\b(?![/\-.,]\d|[/\-])"
    r"(?!\s*(?:tháng|năm|lần|bước|ngày|quý|tuần|giai|đợt|nội\s+dung|nhiệm\s+vụ|điểm|mục|%))",
    re.I,
)
# Matched, like _DATE, _ASIDE, _QUALIFIER and _JOINT, where a word or a number ends: the spaces
# before are read from their start only.
_OF = regex.compile(r"(?<!\s)\s*+,?\s*+(?:của|do)\s++", re.I)
# Words that open a citation's summary (trích yếu).
_SUMMARY_WORDS = (
    "về", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "thực hiện", "triển khai", "sửa đổi", "bổ sung",
    "tiếp tục", "đẩy mạnh", "tăng cường", "nâng cao", "tổ chức", "giao", "quyết định", "hợp nhất",
    "thành lập", "kiện toàn", "công nhận", "V/v",
)
_SUMMARY_ALTERNATIVES = "|".join(w.replace(" ", r"\s+") for w in _SUMMARY_WORDS)
# Where an issuer's name ends: the summary, a clause word, or punctuation.
_ISSUER_END = regex.compile(
    rf"(?<!\s)\s++(?:{_SUMMARY_ALTERNATIVES}|và|tại|theo|nhằm|để|trong|đến|cho|với|đã|được|gồm|sau|là)\b|[,;:.()“”\"]",
    re.I,
)
_SUMMARY_START = regex.compile(rf"(?:(?:{_SUMMARY_ALTERNATIVES})\b|“|\")", re.I)  # after spaces (_SPACES)
# A law's name between the type and "số": "Luật Đất đai số 31/2024/QH15" (matched at the type's end).
_LAW_NAME = regex.compile(r"(?<!\s)\s++((?:[^\s,;.()“”\"]++\s++){1,12}?)(?=số\s)")


@dataclass(frozen=True)
class Symbol:
    raw: str  # as written
    span: Span
    number: str  # "" for a placeholder
    year: int | None
    type_code: str | None  # "QĐ" in 90/QĐ-LĐTBXH, "NQ" in 26-NQ/TW; None for a công văn or a law
    issuer_codes: tuple[str, ...]  # ("LĐTBXH",), ("TW",), ("UBTVQH14",)
    style: str  # "state", "party", "law" or "old" (64-CP, before the present rules)
    codes: tuple[str, ...]  # every code after the number (and year), in order
    spaced: bool  # spaces inside the symbol ("UBTVQH 14", "QĐ- UBND")
    placeholder: bool  # no number yet ("     /KH-UBND", "…/QĐ-UBND")

    @property
    def key(self) -> str:
        """The symbol as it should be written: without spaces."""
        return "".join(self.raw.split())

    @property
    def match_key(self) -> str:
        """What identifies the document: also without leading zeros (8-CT/TU is 08-CT/TU)."""
        return self.key.lstrip("0") or "0"


@dataclass(frozen=True)
class CitedDate:
    raw: str
    span: Span
    day: int | None  # None where left blank
    month: int | None
    year: int | None
    words: bool  # "ngày 09 tháng 5 năm 2024" rather than "ngày 09/5/2024"

    @property
    def placeholder(self) -> bool:
        return self.day is None or self.month is None or self.year is None

    @property
    def value(self) -> tuple[int, int, int] | None:
        if self.placeholder:
            return None
        return (self.year, self.month, self.day)  # type: ignore[return-value]


@dataclass(frozen=True)
class Citation:
    type: DocumentType
    type_text: str  # the type as written ("quyết định", "Chương trình hành động")
    line: Line
    span: Span  # from the type to the end of the issuer (or date, or symbol); shared by a list's symbols
    type_span: Span
    so_count: int  # how many times "số" stands before the symbol (0, 1, 2 …)
    symbol: Symbol | None
    bare_number: str | None  # a short reference: "Quyết định 835"
    date: CitedDate | None
    issuer: str | None  # the text after "của"
    issuer_span: Span | None
    issuer_shared: bool  # given once for a list: "A ngày …, B ngày … của Bộ Chính trị"
    summary: bool  # a trích yếu follows
    law_name: str | None  # "Đất đai" in "Luật Đất đai số 31/2024/QH15"
    in_header: bool  # in the header or the title's summary, where citations are short by custom
    nested: bool  # inside the summary of an earlier citation (quoting another document's title)
    alias: bool = False  # the short name given in brackets: "(gọi tắt là Nghị quyết số 168/NQ-CP)"
    caption: bool = False  # an annex's caption naming the document it is attached to: "(Kèm theo Kế hoạch số …)"
    listed: bool = False  # a further symbol of a list: "số 101/2024/NĐ-CP, 102/2024/NĐ-CP ngày …"
    blank_number: bool = False  # "số ...... ngày …": the number is a placeholder and no symbol is written
    free_number: bool = False  # "số 01-GCN-MT": a number, in no shape the symbol rules know

    @property
    def key(self) -> str | None:
        return self.symbol.match_key if self.symbol and not self.symbol.placeholder else None

    @property
    def identity(self) -> tuple | None:
        """What names one document even under a mistyped symbol: type, number and issuer code."""
        symbol = self.symbol
        if symbol is None or symbol.placeholder:
            return None
        issuer = symbol.issuer_codes[-1] if symbol.issuer_codes else ""
        # Normative and individual documents are numbered apart: 12/2023/NQ-HĐND is not 12/NQ-HĐND;
        # and normative numbers start again each year: 15/2018/NĐ-CP is not 15/2023/NĐ-CP.
        return (self.type.codes[:1] or (self.type.name,), symbol.number.lstrip("0"), issuer, symbol.year)

    @property
    def text(self) -> str:
        start = self.span.start - self.line.span.start
        return self.line.text[start:start + self.span.end - self.span.start]


@dataclass(frozen=True)
class Citations:
    """Every citation of one document, in document order, with lookups the rules share."""

    items: tuple[Citation, ...]

    def by_key(self) -> dict[str, list[Citation]]:
        groups: dict[str, list[Citation]] = {}
        for citation in self.items:
            if citation.key:
                groups.setdefault(citation.key, []).append(citation)
        return groups

    @staticmethod
    def first(group: list[Citation], quoted=()) -> Citation | None:
        """The first citation of a document in the body: not in the header, not inside another
        citation's summary, not the short name in brackets, not an annex's "(Kèm theo …)" caption,
        not in a quotation or an annex (``quoted``: offsets, see extract.excerpts)."""
        for citation in group:
            if not (citation.in_header or citation.nested or citation.alias or citation.caption
                    or citation.span.start in quoted):
                return citation
        return None


def citations(doc: Document) -> Citations:
    """The document's citations, computed once and shared by every CIT rule."""
    return doc.derived("citations", _extract)


@lru_cache(maxsize=1024)
def _folded_name(type_text: str) -> str:
    """A type name's key in ``Vocabulary.type_by_name``, folded once per spelling met."""
    return fold(type_text)


@lru_cache(maxsize=8)
def _type_pattern(vocab: Vocabulary) -> re.Pattern:
    """Type names, folded (lower case, one spelling of uỷ/ủy …): matched against a folded line.

    No leading lookbehind, so ``re`` skips ahead to the letters a name starts with;
    ``_type_spans`` refuses a start inside a word."""
    from ..text.phrases import alternation

    alternatives = alternation({fold_same_length(" ".join(t.name.split())) for t in vocab.types}, space=r"[^\S\n]+")
    return regex.compile(rf"(?P<type>{alternatives})(?![\w])")


@lru_cache(maxsize=8)
def _type_pattern_ignoring_case(pattern: re.Pattern) -> re.Pattern:
    return re.compile(pattern.pattern, re.I)


def _type_spans(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """The (start, end) in a line of each type name it holds."""
    folded = fold_same_length(text)
    if len(folded) == len(text):
        return [m.span() for m in matches_not_after(pattern, folded, is_word_character)]
    # A letter whose lower case is longer: positions would not match; the line as written, ignoring case.
    return [m.span() for m in matches_not_after(_type_pattern_ignoring_case(pattern), text, is_word_character)]


# "\d|\bsố\b" ignoring case (ſ is a long s), written to start with a character class: ``re`` skips
# ahead to those characters only when the pattern starts with one.
_HAS_NUMBER = regex.compile(r"[\dsSſ](?:(?<=\d)|(?<!\w.)(?i:ố)(?!\w))")


_HEADER_KINDS = frozenset({LineKind.AGENCY, LineKind.NATION, LineKind.MOTTO, LineKind.DOCNUM, LineKind.PLACEDATE,
                           LineKind.SUBJECT, LineKind.TITLE, LineKind.SUMMARY, LineKind.KINHGUI, LineKind.ADDRESSEE})
_UNCITING_KINDS = frozenset({LineKind.RECIPIENT, LineKind.NOINHAN, LineKind.SIGNER, LineKind.SIGNAME, LineKind.DOCNUM})


def _extract(doc: Document) -> Citations:
    vocab = doc.vocabulary
    pattern = _type_pattern(vocab)
    found: list[Citation] = []
    for line in doc.lines:
        # A citation has a number, or at least "số": the other lines are not searched for type names.
        if line.kind not in _UNCITING_KINDS and _HAS_NUMBER.search(line.text):
            types = _type_spans(line.text, pattern)
            if types:
                found.extend(_line_citations(line, types, pattern, vocab))
    return Citations(tuple(found))


def _line_citations(line: Line, types: list[tuple[int, int]], pattern: re.Pattern, vocab: Vocabulary) -> list[Citation]:
    """The citations of one line, from the type names found in it."""
    text = line.text
    result: list[Citation] = []
    covered = 0  # where the line's last citation (with its date and issuer) ends
    summary_from: int | None = None  # where the summary of the line's previous citation began
    for type_start, type_end in types:
        if type_start < covered:
            continue  # inside the previous citation (a type word in its issuer)
        type_text = text[type_start:type_end]
        doc_type = vocab.type_by_name.get(_folded_name(type_text))
        if doc_type is None:
            continue
        if type_text[:1].islower() and _NAME_GOES_ON.search(text, max(0, type_start - 12), type_start):
            continue  # "… quy phạm pháp luật số 64/2025/QH15": the end of a law's name, cited from its start
        pos = type_end
        law_name = None
        if doc_type.law:
            name = _LAW_NAME.match(text, pos)
            named = fold_same_length(name.group(1)) if name else ""
            if name and not any(matches_not_after(pattern, named, is_word_character)):  # not "Luật X và Nghị định số …"
                law_name = name.group(1).strip()
                pos = name.end() - 1
        so = _SO.match(text, pos)
        if so and type_text[:1].islower() and text[so.end():so.end() + 1] in ",;)":
            continue  # "hướng dẫn số, bản đồ số": "số" is "digital" here
        so_count = len(_SO_WORD.findall(so.group(1))) if so else 0
        after_so = so.end() if so else pos
        symbol_match = _SYMBOL.match(text, after_so if so else _skip_space(text, pos))
        symbol = bare = None
        blank_number = free_number = False
        end = (so.start(1) + len(so.group(1).rstrip())) if so else pos
        extra: list[Symbol] = []
        if symbol_match and _symbol_ok(symbol_match):
            symbol = _symbol(symbol_match, line, vocab, doc_type)
            end = symbol_match.end()
            while True:  # "Nghị định số 101/2024/NĐ-CP, 102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ"
                more = _MORE.match(text, _SPACES.match(text, end).end())
                following = _SYMBOL.match(text, more.end()) if more else None
                if not following or not _symbol_ok(following) or not following["num"]:
                    break
                extra.append(_symbol(following, line, vocab, doc_type))
                end = following.end()
        elif so and _PLACEHOLDER_NUMBER.match(text, _BLANKS.match(text, after_so).end()):
            blank_number = True  # "Kế hoạch số ...... ngày …": the number is still to come
            end = _PLACEHOLDER_NUMBER.match(text, _BLANKS.match(text, after_so).end()).end()
        else:
            bare_match = _BARE_NUMBER.match(text, pos) if (doc_type.short or so) else None
            if bare_match and not so and _PLURAL_BEFORE.search(text, max(0, type_start - 12), type_start):
                bare_match = None  # "các Quyết định 03 cán bộ …": a count after a plural, not a citation
            if bare_match and not so and 1900 <= int(bare_match["num"]) <= 2100:
                bare_match = None  # "Kế hoạch 2025": a year, not a number
            if bare_match:
                bare = bare_match["num"]
                end = bare_match.end()
            elif not so:
                continue  # a generic mention: "các nghị quyết của Tỉnh ủy"
            elif text[after_so:after_so + 1].isdigit():
                free_number = True  # "Văn bản số 01-GCN-MT": a number in a shape of the sender's own
        date = None
        date_match = _DATE.match(text, end)
        if date_match:
            date = _date(date_match, line)
            end = date_match.end()
        issuer = issuer_span = None
        start = _issuer_start(text, end, date is not None, vocab)
        if start is not None:
            issuer_end = _issuer_end(text, start, vocab)
            name = text[start:issuer_end].strip()
            if name and len(name) <= 90:
                issuer = name
                issuer_span = line.sub_span(start, start + len(name))
                end = start + len(name)
        if date is None and issuer is not None:
            date_match = _DATE.match(text, end)  # "… của Chính phủ ngày 08/3/2025 về …"
            if date_match:
                date = _date(date_match, line)
                end = date_match.end()
        aside = _ASIDE.match(text, end)
        summary = bool(_SUMMARY_START.match(text, _SPACES.match(text, aside.end() if aside else end).end()))
        before = text[max(0, type_start - 30):type_start]
        alias = bool(_ALIAS_BEFORE.search(before)) and (
            bool(_NAMED_ALIAS.search(before))
            or (bool(result) and symbol is not None and result[-1].key == symbol.match_key))
        if summary_from is not None and _SENTENCE_END.search(text, summary_from, type_start):
            summary_from = None  # a new sentence: no longer inside the previous summary
        nested = summary_from is not None and type_start >= summary_from
        citation = Citation(
            type=doc_type, type_text=type_text, line=line, span=line.sub_span(type_start, end),
            type_span=line.sub_span(type_start, type_end), so_count=so_count, symbol=symbol, bare_number=bare,
            date=date, issuer=issuer, issuer_span=issuer_span, issuer_shared=False, summary=summary,
            law_name=law_name, in_header=line.kind in _HEADER_KINDS, nested=nested, alias=alias,
            caption=bool(_CAPTION_BEFORE.search(before)),
            blank_number=blank_number, free_number=free_number,
        )
        result.append(citation)
        # The further symbols of a list share the first one's date, issuer and summary; their own
        # findings are about their symbol only (listed=True), the shared parts are reported once.
        result.extend(replace(citation, symbol=other, so_count=1, listed=True) for other in extra)
        covered = end
        if summary and summary_from is None:
            summary_from = end
    return _share_issuers(result, text, line, vocab)


def _issuer_start(text: str, end: int, dated: bool, vocab: Vocabulary) -> int | None:
    """Where the issuer's name begins after a citation's symbol (and date), or None."""
    of = _OF.match(text, end)
    if of:
        if of.group().strip().lower() != "do" or vocab.match_authority(text, of.end()) or _ORGANISATION.match(text, of.end()):
            return of.end()  # "của …", "do UBND tỉnh ban hành" (not "do thiếu kinh phí")
        return None
    if dated:
        # "…, ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung ương…": the issuer without "của"
        after = _skip_space(text, end)
        if text.startswith("Hội nghị", after) or vocab.match_authority(text, after):
            return after
    return None


_SO_WORD = regex.compile("số", re.I)
_SPACE = regex.compile(r"\s")
_CODE_DASH = regex.compile(r"\s?-\s?")
_LAW_CODE = regex.compile(r"(?:QH|UBTVQH)\d{1,2}")
_PLACEHOLDER_NUMBER = regex.compile(r"[.…_]{2,}")  # after blanks (_BLANKS)
_BLANKS = regex.compile(r"[ \t]*+")
_SPACES = regex.compile(r"\s*+")  # a run of spaces skipped once, not by a pattern tried at each of its places
_SENTENCE_END = regex.compile(r"[.;]\s")
_MORE = regex.compile(r"(?:,|và|,\s*và)\s*+(?:số\s+)?(?=\d)")  # after spaces (_SPACES)
# A bracketed aside after a citation ("(gọi tắt là …)", "(Khóa XX)"), and the alias it introduces.
_ASIDE = regex.compile(r"(?<!\s)\s*+\([^()]{0,100}\)")
_NAME_GOES_ON = regex.compile(r"(?i)(?<!\w)(?:pháp|bộ)\s+\Z")
_PLURAL_BEFORE = regex.compile(r"(?i)(?<!\w)(?:các|những|mọi)\s+\Z")
_CAPTION_BEFORE = regex.compile(r"kèm\s+theo\s*\Z", re.I)
_ALIAS_BEFORE = regex.compile(r"\(\s*(?:(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*)?\Z", re.I)
_NAMED_ALIAS = regex.compile(r"(?:gọi|viết)\s+tắt\s+là\s*\Z", re.I)
_WORD = regex.compile(r"\s+(\S+)")
_QUALIFIER = regex.compile(r"(?<!\s)\s++(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)\b", re.I)


def _issuer_end(text: str, start: int, vocab: Vocabulary) -> int:
    """Where the issuer's name after "của" ends.

    A known authority is taken whole ("Bộ Lao động - Thương binh và Xã hội"), with a place
    ("tỉnh Bắc Ninh") and a term ("khóa XIII", "(Khóa XX)") after it; any other name ends at
    the summary, at punctuation or at the next clause.
    """
    known = vocab.match_authority(text, start)
    if known is not None:
        pos = known
        inner = _skip_space(text, pos)
        if inner > pos and vocab.match_authority(text, inner) is not None:
            return _issuer_end(text, inner, vocab)  # "Đảng ủy Ủy ban nhân dân tỉnh": a body of a body
        place = _QUALIFIER.match(text, pos)
        if place:
            pos = place.end()
        pos = _proper_name_end(text, pos)  # "tỉnh Bắc Ninh", "Tỉnh ủy Bắc Ninh", "tỉnh Bà Rịa - Vũng Tàu"
        term = _TERM.match(text, _SPACES.match(text, pos).end())
        if term:
            pos = term.end()
            session = _SESSION.match(text, pos)
            pos = session.end() if session else pos
        joint = _JOINT.match(text, pos)
        if joint and vocab.match_authority(text, joint.end()) is not None:
            return _issuer_end(text, joint.end(), vocab)  # "Bộ Y tế và Bộ Giáo dục và Đào tạo"
        return pos
    pos = start
    while True:
        stop = _ISSUER_END.search(text, pos)
        if stop and stop.group().strip().lower() == "và":
            word = _WORD.match(text, stop.end())
            # "Sở Kế hoạch và Đầu tư": "và" before a capital goes on with the name, unless a citation starts.
            if word and word.group(1)[:1].isupper() and not _type_pattern(vocab).match(text[word.start(1):].lower()):
                pos = word.end()
                continue
        break
    end = stop.start() if stop else len(text)
    term = _TERM.match(text, _SPACES.match(text, end).end())
    return term.end() if term else end


def _proper_name_end(text: str, pos: int) -> int:
    """Past the capitalised words (and numbers, and " - " between them) of a name starting at ``pos``."""
    for _ in range(6):
        word = _WORD.match(text, pos)
        if not word:
            break
        token = word.group(1)
        if token in ("-", "–") and _WORD.match(text, word.end()) and _WORD.match(text, word.end()).group(1)[:1].isupper():
            pos = word.end()
            continue
        if not (token[:1].isupper() or token.isdigit()) or _SUMMARY_START.match(text, _SPACES.match(text, pos).end()):
            break
        if token[-1] in ",;.:)":
            return word.end() - 1
        pos = word.end()
    return pos


_SESSION = regex.compile(r",?(?<!\s)\s*+kỳ\s+họp\s+thứ\s+\S+?(?=[\s,;.]|\Z)", re.I)
_JOINT = regex.compile(r"(?<!\s)\s++và\s+")
_TERM = regex.compile(r"(?:\(\s*kh(?:óa|oá|oa)\s+[^)]{1,12}\)|kh(?:óa|oá|oa)\s+[IVXL]+\b)", re.I)  # after spaces (_SPACES)
_LIST_GAP = regex.compile(r"\A\s*+(?:\([^()]{0,100}\))?\s*+(?:,|và|,\s*+và)\s*+\Z")


def _share_issuers(items: list[Citation], text: str, line: Line, vocab: Vocabulary) -> list[Citation]:
    """"A ngày …, B ngày … của Bộ Chính trị về …": what is written once serves the whole list.

    The issuer is shared only where it fits the symbol (TW for Bộ Chính trị), so
    "42-NQ/TW …, 68/NQ-CP … của Chính phủ" leaves the first without an issuer.
    """
    main = [i for i, c in enumerate(items) if not c.alias]
    for n in range(len(main) - 2, -1, -1):
        i = main[n]
        current, following = items[i], items[main[n + 1]]
        gap = text[current.span.end - line.span.start:following.span.start - line.span.start]
        if not _LIST_GAP.match(gap):
            continue
        changes = {}
        if current.issuer is None and following.issuer is not None and fits(current, following.issuer, vocab):
            changes.update(issuer=following.issuer, issuer_span=following.issuer_span, issuer_shared=True)
        if not current.summary and following.summary:
            changes["summary"] = True
        if changes:
            items[i] = replace(current, **changes)
    return items


_ORGANISATION = regex.compile(r"\b(?:Sở|Bộ|Ban|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Phòng|Văn\s+phòng|Thanh\s+tra|Công\s+an|"
                           r"Trung\s+tâm|Chi\s+cục|Cục|Tổng\s+cục|Hội\s+đồng|Tỉnh\s+ủy|Huyện\s+ủy|Đảng\s+ủy|"
                           r"Công\s+ty|Tổng\s+công\s+ty|Tập\s+đoàn|Doanh\s+nghiệp|Hợp\s+tác\s+xã|Chi\s+nhánh|"
                           r"Ngân\s+hàng|Kho\s+bạc|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Kiểm\s+toán)\b")
# A lead-in naming the issuer of the list that follows: "các Quyết định của Thủ tướng Chính phủ: …".
_LEAD_IN_OF = regex.compile(r"\bcủa\s+\S")


def _sentence_before(citation: Citation) -> str:
    text = citation.line.text
    start = citation.span.start - citation.line.span.start
    sentence = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind(": ", 0, start))
    return text[sentence + 1:start]


def dated_before(citation: Citation, others: tuple[Citation, ...]) -> bool:
    """"Ngày 13/01/2025, Chính phủ ban hành Nghị quyết số …": the date comes before the type
    (and is not another citation's own date)."""
    before = _sentence_before(citation)
    offset = citation.span.start - len(before)
    taken = {c.date.span.start for c in others if c.date is not None}
    return any(offset + m.start() + m.group().lower().find("ngày") not in taken for m in _DATE.finditer(before))


def issuer_named_before(citation: Citation, vocab: Vocabulary) -> bool:
    """The sentence names a body before the citation ("UBND huyện đã ban hành Kế hoạch số …",
    "đề xuất của Sở Tài nguyên và Môi trường tại Tờ trình số …"), so the issuer is not missing."""
    before = _sentence_before(citation)
    if _ORGANISATION.search(before) or vocab.find_authority(before):
        return True
    return _list_lead_in_names_issuer(citation, vocab)


def _list_lead_in_names_issuer(citation: Citation, vocab: Vocabulary) -> bool:
    """The citation is an item of a list (after ``:`` or ``;``) whose lead-in names the issuer:
    "theo các Quyết định của Thủ tướng Chính phủ: Quyết định số …; Quyết định số …"."""
    text = citation.line.text
    start = citation.span.start - citation.line.span.start
    colon = text.rfind(": ", 0, start)
    if colon < 0 or text.rfind(". ", 0, start) > colon:
        return False
    lead_in = text[max(text.rfind(". ", 0, colon) + 1, 0):colon]
    m = _LEAD_IN_OF.search(lead_in)
    if m is None:
        return False
    named = lead_in[m.start():]
    return bool(_ORGANISATION.search(named) or vocab.find_authority(named))


def fits(citation: Citation, issuer: str, vocab: Vocabulary) -> bool:
    """The issuer named in words agrees with the symbol's issuer code (or cannot be checked)."""
    symbol = citation.symbol
    if symbol is None or not symbol.issuer_codes:
        return True
    named = vocab.authority(issuer)
    if named is None:
        return True  # a name the vocabulary does not know: nothing to compare
    codes = [vocab.base_code(c) for c in symbol.issuer_codes]
    if named == LOCAL_DEPARTMENT:
        return any(vocab.is_local(c) or c not in vocab.issuer_by_code for c in codes)
    known = [c for c in codes if c in vocab.issuer_by_code]
    # Joint documents (TTLT-BNV-VPCP) name several bodies: any of them will do.
    return not known or any(c in vocab.codes_for_authority(named) for c in known)


def documents(doc: Document) -> dict[tuple, list[Citation]]:
    """Citations grouped by the document they name, also under a mistyped symbol (CIT006/CIT007
    report those): type, number, numbering series and issuer (LĐTBXH and BLĐTBXH are one)."""
    return doc.derived("citation-documents", _documents)


def _documents(doc: Document) -> dict[tuple, list[Citation]]:
    vocab = doc.vocabulary
    groups: dict[tuple, list[Citation]] = {}
    for citation in citations(doc).items:
        identity = citation.identity
        if identity is None:
            continue
        kind, number, issuer, series = identity
        issuer = min(vocab.codes_for_authority(issuer)) if issuer else issuer
        groups.setdefault((kind, number, issuer, series), []).append(citation)
    return groups


def first_citations(doc: Document) -> Iterator[tuple[Citation, list[Citation]]]:
    """(first citation, every citation) for each cited document (``Citations.first``).

    A further symbol of a list ("số 101/2024/NĐ-CP, 102/2024/NĐ-CP ngày …") shares the date,
    issuer and summary of the list's first, which is checked (and reported) in its place.
    """
    found = citations(doc)
    quoted = excerpts(doc)
    for group in documents(doc).values():
        first = found.first(group, quoted)
        if first is not None and not first.listed:
            yield first, group


def heads(doc: Document) -> dict[int, Citation]:
    """id(citation) → the citation whose summary it stands in ("Kế hoạch số 45/KH-UBND thực hiện
    Chương trình …"): the one just before it on its line, with only a verb of carrying out between."""
    return doc.derived("citation-heads", _find_heads)


def _find_heads(doc: Document) -> dict[int, Citation]:
    items = citations(doc).items
    found = {}
    for head, citation in zip(items, items[1:]):
        line = citation.line
        if head.line is not line or head.span.end > citation.span.start:
            continue
        gap = line.text[head.span.end - line.span.start:citation.span.start - line.span.start]
        if _CARRYING_OUT.fullmatch(gap):
            found[id(citation)] = head
    return found


_CARRYING_OUT = regex.compile(r"\A\s*+,?\s*+(?:về\s+)?(?:việc\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|"
                              r"cụ\s+thể\s+hóa|hướng\s+dẫn(?:\s+thực\s+hiện)?)\s*")


def head_span(citation: Citation) -> Span:
    """Where a citation is reported: from its type to the end of its number-symbol (a further
    symbol of a list: that symbol)."""
    if citation.listed:
        return citation.symbol.span
    if citation.symbol is not None:
        end = citation.symbol.span.end
    elif citation.date is not None:
        end = citation.date.span.start
    else:
        end = citation.span.end
    text = citation.line.text[citation.span.start - citation.line.span.start:end - citation.line.span.start]
    return Span(citation.span.start, max(citation.span.start + len(text.rstrip(" ,")), citation.type_span.end))


def type_mismatch(citation: Citation) -> bool:
    """The symbol's type code is not one of the cited type's codes (NQ for a Quyết định)."""
    symbol = citation.symbol
    codes = citation.type.codes
    if symbol is None or symbol.type_code is None or not codes or symbol.style == "law":
        return False
    return symbol.type_code not in codes


def odd_ones(group: list[Citation], value: Callable[[Citation], Hashable]) -> Iterator[tuple[Citation, Hashable]]:
    """(citation, the usual value) for the citations of one document whose value differs from the
    most common one (the later one when tied)."""
    counts = Counter(value(c) for c in group)
    if len(counts) < 2:
        return
    ranked = sorted(counts.items(), key=lambda item: (-item[1], next(i for i, c in enumerate(group) if value(c) == item[0])))
    usual = ranked[0][0]
    for citation in group:
        if value(citation) != usual:
            yield citation, usual


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _symbol_ok(m: re.Match) -> bool:
    """A real number-symbol, not a date or a ratio that happens to contain a slash."""
    if m["party"] or m["old"]:
        return bool(m["num"])
    codes = m["scodes"]
    return bool(codes) and not codes[:1].isdigit()


def _symbol(m: re.Match, line: Line, vocab: Vocabulary, doc_type: DocumentType) -> Symbol:
    raw = m.group(0).strip()
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    number = m["num"] if m["num"] and m["num"][0].isdigit() else ""
    if m["old"]:  # before the present rules: "Nghị định số 64-CP"
        return Symbol(raw, line.sub_span(start, start + len(raw)), number, None, None, (m["ocode"],),
                      "old", (m["ocode"],), False, not number)
    if m["party"]:
        codes = (m["pcode"], *m["pissuers"].split("-"))
        return Symbol(raw, line.sub_span(start, start + len(raw)), number, None, m["pcode"],
                      tuple(m["pissuers"].split("-")), "party", codes, _SPACE.search(raw) is not None, not number)
    year = int(m["year"]) if m["year"] else None
    style, type_code, issuer_codes, codes = _state_codes(m["scodes"], doc_type.codes, vocab)
    return Symbol(raw, line.sub_span(start, start + len(raw)), number, year, type_code, issuer_codes,
                  style, codes, _SPACE.search(raw) is not None, not number)


@lru_cache(maxsize=4096)
def _state_codes(scodes: str, type_codes: tuple[str, ...], vocab: Vocabulary):
    """(style, type code, issuer codes, codes) of a state symbol's codes as written ("QĐ-UBND"),
    read once per distinct string: a draft cites the same documents again and again."""
    issuer_first = not [c for c in type_codes if c != "CV"]  # a state công văn or văn bản: ISSUER-UNIT
    codes = tuple("".join(c.split()) for c in _CODE_DASH.split(scodes))
    first = codes[0]
    if _LAW_CODE.fullmatch(first) and len(codes) == 1:
        style, type_code, issuer_codes = "law", None, codes
    elif issuer_first:
        style, type_code, issuer_codes = "state", None, codes  # a công văn: 3307/UBND-TH
    elif first in vocab.type_codes:
        style, type_code, issuer_codes = "state", first, codes[1:]
    elif len(codes) >= 2 and any(c in vocab.type_codes for c in codes[1:]) and vocab.is_known_issuer(first):
        # The old ministry order, 1777/LĐTBXH-QĐ: issuer first.
        type_code = next(c for c in codes[1:] if c in vocab.type_codes)
        style, issuer_codes = "state", (first,)
    elif len(codes) >= 2 and not vocab.is_known_issuer(first) and vocab.is_known_issuer(codes[1]):
        style, type_code, issuer_codes = "state", first, codes[1:]  # an unknown type code: 2930/CTHĐ-UBND
    else:
        style, type_code, issuer_codes = "state", None, codes  # a công văn: 3307/UBND-TH
    return style, type_code, tuple(issuer_codes), codes


def _date(m: re.Match, line: Line) -> CitedDate:
    start = m.start() + m["lead"].lower().rfind("ngày")
    words = m["sep"] is None and m["sep3"] is None
    if m["sep3"]:
        day, month, year = m["d3"], m["m3"], m["y3"]
    else:
        day, month, year = (m["d2"], m["m2"], m["y2"]) if words else (m["d1"], m["m1"], m["y1"])
    raw = line.text[start:m.end()]
    return CitedDate(raw, line.sub_span(start, m.end()), _int(day), _int(month), _int(year), words)


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None  # "00/00/2024" is a blank too
