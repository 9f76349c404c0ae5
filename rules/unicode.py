"""UNI — Unicode and typography: look-alike letters, decomposed diacritics, tone placement,
whitespace, unbalanced brackets, old 8-bit encodings and dash styles.

Most of these are SourceRules: they read the draft as it was written (``Document.source``),
before the normaliser composes letters (NFC) and trims spaces, and report SourceSpans into it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from draftlint import data
from draftlint.startup import regex
from draftlint.text.fold import fold
from draftlint.text.encodings import legacy_encoding
from draftlint.text.word_bounds import WORD_START, WordBounds
from draftlint.extract.brackets import CLOSERS, PAIRS, unpaired
from draftlint.extract.lines import source_line
from draftlint.extract.tone_styles import tone_styles
from draftlint.model import LineKind, SourceSpan, Span
from draftlint.rule import Edit, Fix, Rule, Severity, SourceRule, quote

# Layout lines, whose runs of spaces and blanks are deliberate: header, date line, signature.
_LAYOUT = LineKind.LAYOUT | {LineKind.TABLE_ROW, LineKind.KINHGUI}


def _layout_lines(doc) -> frozenset[int]:
    return doc.derived("layout-lines", lambda d: frozenset(l.first_line for l in d.lines if l.kind in _LAYOUT))


# --- UNI001 ---------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def confusables() -> dict[str, str]:
    return data.load("confusables.toml")["confusable"]


@lru_cache(maxsize=None)
def _confusable_re() -> re.Pattern:
    return regex.compile("[" + "".join(re.escape(c) for c in confusables()) + "]")


_LATIN = regex.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # Latin letters, Vietnamese ones included


class ConfusableCharacter(SourceRule):
    code = "UNI001"
    name = "confusable-character"
    family = "UNI"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "default": {
            "vi": "Chữ “{char}” ({unicode}) trong {word} không phải chữ “{expected}” tiếng Việt; thay bằng “{expected}”",
            "en": "“{char}” ({unicode}) in {word} is not the Vietnamese letter “{expected}”; replace it with "
                  "“{expected}”",
        },
    }
    reports = "`Ð` (U+00D0) or `ð` for `Đ`/`đ`; a Cyrillic or Greek look-alike inside a Vietnamese word (safe fix)"
    summary = {
        "vi": "Không dùng chữ trông giống mà khác mã: “Ð” (U+00D0) thay cho “Đ” (U+0110), chữ Kirin hay Hy Lạp "
              "lẫn trong từ tiếng Việt.",
        "en": "No look-alike letters: “Ð” (U+00D0) for “Đ” (U+0110), Cyrillic or Greek letters inside Vietnamese "
              "words.",
    }
    rationale = {
        "vi": "Chữ trông giống nhưng khác mã làm hỏng tìm kiếm, sắp xếp và kiểm tra chính tả: “Ðẩy mạnh” không "
              "được tìm thấy khi tìm “Đẩy mạnh”. Thường do phông chữ cũ hoặc dán từ văn bản khác. Sửa tự động "
              "an toàn: thay đúng chữ đó.",
        "en": "A look-alike letter breaks search, sorting and spell checking: “Ðẩy mạnh” is not found by a search "
              "for “Đẩy mạnh”. It usually comes from an old font or pasted text. The fix is safe: that letter "
              "is replaced.",
    }
    bad = "Ðẩy mạnh công tác tuyên truyền.\n"
    good = "Đẩy mạnh công tác tuyên truyền.\n"

    def check(self, doc):
        text = doc.source
        table = confusables()
        pattern = _confusable_re()
        words = WordBounds(text)
        seen: set[int] = set()
        latin: dict[int, bool] = {}
        for m in pattern.finditer(text):
            start, end = words.around(m.start(), m.end())
            if start in seen:
                continue
            word = text[start:end]
            ch = m.group()
            if start not in latin:
                latin[start] = bool(_LATIN.search(pattern.sub("", word)))
            if ch not in "Ððƀ" and not latin[start]:
                continue  # a whole Cyrillic or Greek word: a quotation
            seen.add(start)
            edits = tuple(Edit(SourceSpan(start + i, start + i + 1), table[c])
                          for i, c in enumerate(word) if c in table)
            yield self.violation(SourceSpan(start, end), fix=Fix(edits), char=ch,
                                 unicode=f"U+{ord(ch):04X}", word=quote(word), expected=table[ch])


# --- UNI002 ---------------------------------------------------------------------------------

_MARK_RUN = regex.compile("[\u0300-\u036f]+")


class DecomposedDiacritics(SourceRule):
    code = "UNI002"
    name = "decomposed-diacritics"
    family = "UNI"
    severity = Severity.WARNING
    fixable = True
    fix_safety = "both"
    messages = {
        "decomposed": {
            "vi": "Chữ {text} được gõ bằng chữ cái và dấu rời (không ở dạng Unicode dựng sẵn NFC); viết {fixed}",
            "en": "{text} is typed as a letter plus separate combining marks (not precomposed, NFC); write {fixed}",
        },
        "stray": {
            "vi": "Dấu rời (U+{mark}) không gắn vào chữ nào trong {word}{hint}",
            "en": "A combining mark (U+{mark}) attached to no letter in {word}{hint}",
        },
    }
    reports = "a letter typed as base plus combining marks, not NFC (safe fix); a stray mark (`Ta ̆ng`, unsafe fix)"
    summary = {
        "vi": "Chữ có dấu ở dạng dựng sẵn (NFC), không tách thành chữ cái cộng dấu rời; không có dấu rời đứng một "
              "mình (“Ta ̆ng”).",
        "en": "Accented letters are precomposed (NFC), not a letter plus separate marks; no stray combining mark "
              "(“Ta ̆ng”).",
    }
    rationale = {
        "vi": "Chữ tổ hợp trông như chữ dựng sẵn nhưng khác mã, nên tìm kiếm, đếm ký tự và kiểm tra chính tả sai; "
              "dấu rời đứng sau dấu cách hiện lệch khỏi chữ. Sửa chữ tổ hợp sang dạng dựng sẵn là an toàn; dấu "
              "rời thì chỉ gợi ý cách sửa (bỏ dấu cách trước nó), vì không chắc nó thuộc chữ nào.",
        "en": "A decomposed letter looks like the precomposed one but is coded differently, so search, counts and "
              "spell checking go wrong; a mark after a space shows detached. Composing (NFC) is a safe fix; for a "
              "stray mark the fix (join it to the letter before the space) is only offered as unsafe.",
    }
    bad = "Ta\u0306ng cường công tác tuye\u0302\u0300n truyền.\n"  # decomposed ă and ề
    good = "Tăng cường công tác tuyên truyền.\n"

    def check(self, doc):
        text = doc.source
        if text.isascii() or not _MARK_RUN.search(text):
            return
        words = WordBounds(text)
        for m in _MARK_RUN.finditer(text):
            start, end, marks = m.start(), m.end(), m.group()
            base = text[start - 1] if start and text[start - 1].isalpha() else ""
            start -= len(base)
            composed = unicodedata.normalize("NFC", base + marks)
            if base and not any(unicodedata.combining(c) for c in composed):
                yield self.violation(SourceSpan(start, end), "decomposed",
                                     fix=Fix((Edit(SourceSpan(start, end), composed),)),
                                     text=quote(base + marks), fixed=quote(composed))
                continue
            w_start, w_end = words.around(max(0, start - 1), end)
            hint, fix = {"vi": "", "en": ""}, None
            if not base and start >= 2 and text[start - 1] == " " and text[start - 2].isalpha():
                joined = unicodedata.normalize("NFC", text[start - 2] + marks)
                if not any(unicodedata.combining(c) for c in joined):
                    fix = Fix((Edit(SourceSpan(start - 2, end), joined),), safe=False)
                    start -= 2  # the finding covers the letter the mark belongs to
                    hint = {"vi": f"; có lẽ là “{joined}”", "en": f"; probably “{joined}”"}
            yield self.violation(SourceSpan(start, end), "stray", fix=fix, mark=f"{ord(marks[0]):04X}",
                                 word=quote(text[w_start:w_end]), hint=hint)


# --- UNI003 ---------------------------------------------------------------------------------

class MixedToneStyle(Rule):
    code = "UNI003"
    name = "mixed-tone-style"
    family = "UNI"
    severity = Severity.INFO
    messages = {
        "default": {
            "vi": "Văn bản đặt dấu thanh theo hai kiểu: {a} ({a_count} lần) và {b} ({b_count} lần); nên thống nhất "
                  "một kiểu",
            "en": "The document places tone marks two ways: {a} (×{a_count}) and {b} (×{b_count}); use one",
        },
    }
    reports = "both tone placements in one draft (`hoá` and `hóa`, `Uỷ` and `Ủy`): once per draft, with counts"
    summary = {
        "vi": "Một văn bản đặt dấu thanh theo một kiểu (“hoá”, “thuỷ” hoặc “hóa”, “thủy”), không trộn cả hai.",
        "en": "One document places tone marks one way (“hoá”, “thuỷ” or “hóa”, “thủy”), not both.",
    }
    rationale = {
        "vi": "Cả hai kiểu đặt dấu đều được chấp nhận, nhưng trộn lẫn trong một văn bản làm tìm kiếm bỏ sót "
              "(“hóa” không khớp “hoá”) và trông cẩu thả. Chỉ báo một lần cho cả văn bản, ở chỗ đầu tiên của kiểu "
              "ít dùng hơn, kèm số lần mỗi kiểu; không bao giờ báo khi chỉ dùng một kiểu.",
        "en": "Both placements are accepted, but mixing them in one document makes search miss words (“hóa” does "
              "not match “hoá”) and looks careless. Reported once per document, at the first word in the less "
              "used style, with the counts; never when only one style is used.",
    }
    bad = "Đẩy mạnh chuyển đổi số, hiện đại hoá hành chính và tự động hóa quy trình.\n"
    good = "Đẩy mạnh chuyển đổi số, hiện đại hóa hành chính và tự động hóa quy trình.\n"

    def check(self, doc):
        second, first = tone_styles(doc, _LAYOUT)
        if not second or not first:
            return
        minority, majority = (second, first) if len(second) <= len(first) else (first, second)
        line, start, end, word = minority[0]
        yield self.violation(line.sub_span(start, end), a=quote(word), a_count=len(minority),
                             b=quote(majority[0][3]), b_count=len(majority))


# --- UNI004 ---------------------------------------------------------------------------------

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width spaces and joiners, word joiner, stray BOM
_NBSP_CHARS = "\u00a0\u202f"
# Only runs that may be wrong: two spaces or more, any non-breaking or invisible one, a space before
# punctuation. A single ordinary space between two words is never matched (that is most of a text).
_ODD = f"{_NBSP_CHARS}{_INVISIBLE}"
# The run's first character comes first, then a look behind it: ``re`` skips ahead to a space or an
# odd character only when no lookbehind starts the pattern.
_RUN = regex.compile(
    rf"[ {_ODD}](?<=[^\s{_INVISIBLE}].)(?:[ {_ODD}]+|(?<=[{_ODD}])|(?<= )(?=[,;:.]))(?=[^\s{_INVISIBLE}])"
)
_PUNCT_AFTER = regex.compile(r"[,;:](?=\s|\Z)|\.(?=\s|\Z)(?!/)")
_PLACEHOLDER_NEAR = regex.compile(r"(?i)(?:ngày|tháng|năm|số|:|/|[.…_])\Z")
_PLACEHOLDER_AFTER = regex.compile(r"(?i)(?:tháng|năm|/|[.…_])")


class Whitespace(SourceRule):
    code = "UNI004"
    name = "whitespace"
    family = "UNI"
    severity = Severity.INFO
    fixable = True
    messages = {
        "double": {"vi": "Hai dấu cách liền nhau", "en": "Two spaces in a row"},
        "before-punct": {
            "vi": "Dấu cách trước dấu “{punct}”",
            "en": "A space before “{punct}”",
        },
        "nbsp": {"vi": "Dấu cách không ngắt (U+00A0) thay cho dấu cách thường", "en": "A non-breaking space (U+00A0) for an ordinary space"},
        "zero-width": {"vi": "Ký tự vô hình (U+{code}) giữa văn bản", "en": "An invisible character (U+{code}) in the text"},
    }
    reports = ("doubled spaces inside a line, a space before `, . ; :`, non-breaking or zero-width spaces (safe fix); "
               "not the header's layout or blanks left for a date or number")
    summary = {
        "vi": "Không có hai dấu cách liền nhau trong dòng, dấu cách trước “, . ; :”, dấu cách không ngắt hay ký tự "
              "vô hình.",
        "en": "No doubled spaces inside a line, no space before “, . ; :”, no non-breaking spaces or invisible "
              "characters.",
    }
    rationale = {
        "vi": "Dấu cách thừa và ký tự vô hình làm lệch căn lề, làm hỏng tìm kiếm và thường là dấu vết của việc dán "
              "từ nơi khác. Khoảng trống cố ý không bị báo: phần đầu văn bản và chữ ký (căn hai cột), chỗ để "
              "trống ngày, số (“ngày     tháng”, “Số:    /KH”), dòng bảng, thụt đầu dòng. Sửa tự động an toàn.",
        "en": "Extra spaces and invisible characters break alignment and search, and usually betray pasted text. "
              "Deliberate space is not reported: the header and signature (two-column layout), blanks left for a "
              "date or number (“ngày     tháng”, “Số:    /KH”), table rows, indentation. The fix is safe.",
    }
    bad = "Tăng cường  công tác tuyên truyền , vận động.\n"
    good = "Tăng cường công tác tuyên truyền, vận động.\n"

    def check(self, doc):
        text = doc.source
        layout = _layout_lines(doc)
        for m in _RUN.finditer(text):
            run, start, end = m.group(), m.start(), m.end()
            if (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n"):
                continue  # a line of nothing but spaces: a spacer nobody sees
            if start and text[start - 1] == "|" and text[end:end + 1] == "|":
                continue  # an empty cell of a table row
            invisible = any(c in _INVISIBLE for c in run)
            nbsp = any(c in _NBSP_CHARS for c in run)
            spaces = run.strip(_INVISIBLE)
            punct = _PUNCT_AFTER.match(text, end)
            if not spaces:
                expected = ""
            elif punct and text[start - 1] not in ".…" and not text.startswith("./.", end):
                expected = ""
            else:
                expected = " "
            if run == expected:
                continue
            if nbsp and not invisible and len(run) >= 3 and source_line(doc, start) in layout:
                continue  # the spacer of a signature laid out in a table
            if not invisible and not nbsp:
                before = text[max(0, start - 8):start]
                if (len(run) >= 4 and expected == " " or _PLACEHOLDER_NEAR.search(before)
                        or _PLACEHOLDER_AFTER.match(text, end) or source_line(doc, start) in layout):
                    continue  # layout, or a blank left for a date or number
            variant = "zero-width" if invisible else "nbsp" if nbsp else "before-punct" if expected == "" else "double"
            span_end = end + 1 if variant == "before-punct" else end
            first_invisible = next((c for c in run if c in _INVISIBLE), " ")
            yield self.violation(SourceSpan(start, span_end), variant,
                                 fix=Fix((Edit(SourceSpan(start, end), expected),)),
                                 punct=text[end], code=f"{ord(first_invisible):04X}")


# --- UNI005 ---------------------------------------------------------------------------------

class Unbalanced(Rule):
    code = "UNI005"
    name = "unbalanced"
    family = "UNI"
    severity = Severity.WARNING
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    off_reason = {"vi": "Tắt mặc định: trên 108 văn bản ngoài bộ phát triển, chỉ 74 % vấn đề báo ra là đúng (đoạn văn bị cắt khi trích xuất, trích dẫn dài nhiều đoạn).",
                  "en": "Off by default: on 108 documents outside the development corpus only 74% of its findings were right (paragraphs cut by extraction, quotations over several paragraphs)."}
    messages = {
        "open": {
            "vi": "Dấu mở “{char}” không có dấu đóng “{other}” trong đoạn",
            "en": "The opening “{char}” has no closing “{other}” in its paragraph",
        },
        "close": {
            "vi": "Dấu đóng “{char}” không có dấu mở “{other}” trong đoạn",
            "en": "The closing “{char}” has no opening “{other}” in its paragraph",
        },
        "mismatch": {
            "vi": "Ngoặc kép mở bằng “ nhưng đóng bằng \"; đóng bằng ”",
            "en": "A quotation opened with “ is closed with \"; close it with ”",
        },
        "straight": {
            "vi": "Số dấu ngoặc kép \" trong đoạn là số lẻ: thiếu một dấu",
            "en": "An odd number of \" in the paragraph: one is missing",
        },
    }
    reports = ("a parenthesis, bracket or quotation mark without its pair in a paragraph (a quotation may run over "
               "paragraphs, a bracket over a paragraph cut in two); `“…\"` closed with a straight quote")
    summary = {
        "vi": "Trong mỗi đoạn, dấu ngoặc đơn, ngoặc vuông và ngoặc kép có đủ cặp mở và đóng.",
        "en": "In each paragraph, parentheses, brackets and quotation marks come in opening and closing pairs.",
    }
    rationale = {
        "vi": "Thiếu dấu đóng ngoặc làm người đọc không biết phần chú thích hay trích dẫn kết thúc ở đâu, nhất là "
              "khi trích tên văn bản. Các ký hiệu liệt kê như “a)”, “1)” không phải dấu đóng ngoặc.",
        "en": "A missing closing bracket leaves the reader unsure where a note or a quotation ends, especially a "
              "quoted document title. List markers such as “a)”, “1)” are not closing brackets.",
    }
    bad = "Thực hiện Kế hoạch số 12/KH-UBND (gọi tắt là Kế hoạch 12 về chuyển đổi số.\n"
    good = "Thực hiện Kế hoạch số 12/KH-UBND (gọi tắt là Kế hoạch 12) về chuyển đổi số.\n"

    def check(self, doc):
        for mark in unpaired(doc, _LAYOUT):
            span, char = mark.line.sub_span(mark.at, mark.at + 1), mark.line.text[mark.at]
            if mark.problem == "open":
                yield self.violation(span, "open", char=char, other=PAIRS[char])
            elif mark.problem == "close":
                yield self.violation(span, "close", char=char, other=CLOSERS[char])
            else:
                yield self.violation(span, mark.problem)


# --- UNI006 ---------------------------------------------------------------------------------

class LegacyEncoding(SourceRule):
    code = "UNI006"
    name = "legacy-encoding"
    family = "UNI"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Văn bản có chữ ở bảng mã cũ {encoding} ({count} chỗ, như {sample}); chuyển sang Unicode (ví dụ "
                  "bằng công cụ chuyển mã của Unikey) rồi kiểm tra lại",
            "en": "The text holds words in the old {encoding} encoding ({count} places, such as {sample}); convert "
                  "it to Unicode (e.g. with Unikey's converter) and check again",
        },
    }
    reports = "text in TCVN3 (ABC) or VNI, or UTF-8 read as Windows-1252: once per draft"
    summary = {
        "vi": "Văn bản ở Unicode, không lẫn chữ gõ bằng bảng mã cũ (TCVN3/ABC, VNI) hay chữ UTF-8 bị đọc sai mã.",
        "en": "The text is Unicode, with no words typed in an old encoding (TCVN3/ABC, VNI) and no mis-decoded "
              "UTF-8.",
    }
    rationale = {
        "vi": "Chữ ở bảng mã cũ chỉ đọc được với phông .VnTime hay VNI-Times; trên máy khác thành “Céng hoµ x· "
              "héi”. Báo một lần cho cả văn bản, khi có từ ba chỗ trở lên, để không báo nhầm một ký hiệu lẻ.",
        "en": "Text in an old encoding is readable only with the .VnTime or VNI-Times fonts; elsewhere it shows as "
              "“Céng hoµ x· héi”. Reported once per document, from three places up, so a lone symbol is not "
              "taken for one.",
    }
    bad = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
    good = "Cộng hòa xã hội chủ nghĩa Việt Nam\n"

    def check(self, doc):
        found = legacy_encoding(doc)
        if found is None:
            return
        if found.encoding == "mojibake":
            encoding = {"vi": "(UTF-8 bị đọc như Windows-1252)", "en": "(UTF-8 read as Windows-1252)"}
        else:
            encoding = {"vi": found.encoding, "en": found.encoding}
        text = doc.source
        start, end = WordBounds(text).around(*found.places[0])
        yield self.violation(SourceSpan(start, end), encoding=encoding, count=len(found.places),
                             sample=quote(text[start:end]))


# --- UNI007 ---------------------------------------------------------------------------------

_DASHED = regex.compile(r"(?<=[^\W\d_])[ \t]*(?P<dash>[-–—])[ \t]*(?P<b>[A-ZÀ-ỸĐ][^\W\d_]*)")
_DASH = regex.compile(r"[-–—]")


def _dashed_names(text: str):
    """What ``_DASHED.finditer(text)`` finds, tried only where a dash is: searched, a pattern that
    starts with a lookbehind is tried at every character. A match starts after the blanks before
    its dash."""
    pos = 0
    while (dash := _DASH.search(text, pos)) is not None:
        start = dash.start()
        while start > pos and text[start - 1] in " \t":
            start -= 1
        m = _DASHED.match(text, start)
        if m is None:
            pos = dash.end()
            continue
        yield m
        pos = m.end()
_TWO_WORDS = regex.compile(r"(?<![^\W\d_])(?:[^\W\d_]++[ \t]++)?[^\W\d_]++\Z")  # the name as a message shows it: "Lao động – Thương binh"
_BLANKS = regex.compile(r"[ \t]*+")
_LETTERS = regex.compile(r"[^\W\d_]+")  # the next word: after one blank or more (_BLANKS)


class DashStyle(Rule):
    code = "UNI007"
    name = "dash-style"
    family = "UNI"
    severity = Severity.INFO
    fixable = True
    fix_safety = "unsafe"
    messages = {
        "default": {
            "vi": "Tên {name} được viết với hai loại gạch: “{dash}” ở đây, “{other}” ở {count} chỗ khác; nên thống "
                  "nhất (Nghị định 30/2020/NĐ-CP viết “ - ”)",
            "en": "The name {name} is written with two kinds of dash: “{dash}” here, “{other}” in {count} other "
                  "places; use one (Decree 30/2020/NĐ-CP writes “ - ”)",
        },
        "more": {
            "vi": "Tên {name} được viết với hai loại gạch: “{dash}” ở đây và {more} chỗ khác, “{other}” ở {count} chỗ; "
                  "nên thống nhất (Nghị định 30/2020/NĐ-CP viết “ - ”)",
            "en": "The name {name} is written with two kinds of dash: “{dash}” here and in {more} more places, "
                  "“{other}” in {count}; use one (Decree 30/2020/NĐ-CP writes “ - ”)",
        },
    }
    reports = ("one agency name written with different dashes (`Lao động – Thương binh` / `Lao động - Thương binh`) "
               "(unsafe fix)")
    summary = {
        "vi": "Một tên cơ quan có gạch nối (“Lao động - Thương binh và Xã hội”) viết cùng một loại gạch trong cả "
              "văn bản.",
        "en": "An agency name with a dash (“Lao động - Thương binh và Xã hội”) uses one kind of dash throughout.",
    }
    rationale = {
        "vi": "“Sở Lao động – Thương binh và Xã hội” và “Sở Lao động - Thương binh và Xã hội” là một cơ quan, "
              "nhưng viết hai kiểu thì tìm kiếm bỏ sót và văn bản thiếu nhất quán. Báo ở các chỗ dùng kiểu ít "
              "hơn; sửa theo kiểu dùng nhiều hơn (không an toàn tuyệt đối nên cần --unsafe-fixes).",
        "en": "“Sở Lao động – Thương binh và Xã hội” and “Sở Lao động - Thương binh và Xã hội” are one body, but "
              "two spellings make search miss and the document inconsistent. Reported where the less used style "
              "appears; the fix writes the more used one (unsafe: needs --unsafe-fixes).",
    }
    bad = ("Sở Lao động – Thương binh và Xã hội chủ trì.\nSở Lao động - Thương binh và Xã hội tổng hợp.\n"
           "Sở Lao động - Thương binh và Xã hội báo cáo.\n")
    good = ("Sở Lao động - Thương binh và Xã hội chủ trì.\nSở Lao động - Thương binh và Xã hội tổng hợp.\n"
            "Sở Lao động - Thương binh và Xã hội báo cáo.\n")

    def check(self, doc):
        text = doc.text
        if "–" not in text and "—" not in text:
            return
        by_name: dict[tuple[str, str], list[tuple[int, re.Match]]] = {}
        for m in _dashed_names(text):
            before = WORD_START.search(text[max(0, m.start() - 30):m.start()]).group()
            by_name.setdefault((fold(before), fold(m["b"])), []).append((m.start() - len(before), m))
        for matches in by_name.values():
            styles = Counter(m["dash"] for _, m in matches)
            if len(styles) < 2:
                continue
            # The hyphen is the agency names' own form ("Lao động - Thương binh và Xã hội"): it wins.
            common = "-" if "-" in styles else styles.most_common(1)[0][0]
            deviant = [(start, m) for start, m in matches if m["dash"] != common]
            if not deviant:
                continue
            # One finding per name, at its first other dash (whose fix mends it; a new run finds the next).
            start, m = deviant[0]
            fix = Fix((Edit(Span(m.start("dash"), m.start("dash") + 1), common),), safe=False)
            shown_from = max(0, start - 30)  # searched in a slice: a word cut at its start still counts
            shown_from += _TWO_WORDS.search(text[shown_from:m.start()]).start()
            blanks = _BLANKS.match(text, m.end()).end()
            after = _LETTERS.match(text, blanks) if blanks > m.end() else None
            shown = text[shown_from:after.end() if after else m.end()]
            yield self.violation(Span(start, m.end()), "more" if len(deviant) > 1 else "default", fix=fix,
                                 name=quote(shown), dash=m["dash"], other=common, count=styles[common],
                                 more=len(deviant) - 1)
