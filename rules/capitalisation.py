"""CAP — capitalisation, as Nghị định 30/2020/NĐ-CP, Phụ lục II sets it: cited document types,
references to parts of a document, agency names, sentence starts, Nhân dân / Nhà nước, and the names of
laws."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from draftlint import data
from draftlint.startup import regex
from draftlint.text.fold import fold, fold_same_length
from draftlint.extract.excerpts import excerpts
from draftlint.extract.lines import line_index
from draftlint.extract.tokens import tokens
from draftlint.model import LineKind, Span
from draftlint.text.phrases import is_word_character
from draftlint.rule import Edit, Fix, Option, Rule, Severity, quote

_LAYOUT = LineKind.LAYOUT | {LineKind.TITLE}


@lru_cache(maxsize=None)
def _table() -> dict:
    return data.load("capitalisation.toml")


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _lines(doc):
    return (line for line in doc.lines if line.kind not in _LAYOUT)


def _in_layout(doc, pos: int) -> bool:
    """Whether an offset of the normalised text falls in a header, title or signature line."""
    index = line_index(doc, pos)
    return index >= 0 and doc.lines[index].kind in _LAYOUT


# --- CAP001 ---------------------------------------------------------------------------------

# The searched patterns of this module start with their first letters and look behind them only then:
# ``re`` skips ahead to the characters a pattern can start with only when no lookbehind comes first.
_NUMBER_WORD = regex.compile(r"số(?<=[ \t]số)[ \t]*(?=[\d.…_]|[ \t]+/)")


@lru_cache(maxsize=None)
def _type_before() -> re.Pattern:
    # Every type name, in any case and longest first, so "Pháp lệnh" is not read as "lệnh".
    from draftlint.text.phrases import alternation

    names = {t.name for t in data.document_types()}
    return regex.compile(rf"(?<![\w/])(?P<type>{alternation(names)})[ \t]+\Z", re.I)


_GENERIC_TYPES = frozenset({fold("văn bản")})
_NAME_BEFORE = regex.compile(r"(?i)(?<!\w)(?:pháp|bộ)[ \t]+\Z")  # "pháp luật", "bộ luật"


class CitedTypeCase(Rule):
    code = "CAP001"
    name = "cited-type-case"
    family = "CAP"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": {
            "vi": "Tên loại văn bản đứng trước “số” viết hoa chữ đầu: {text} → {expected}",
            "en": "A document type before “số” is capitalised: {text} → {expected}",
        },
    }
    reports = "a cited document type in lower case before its number: `quyết định số 12/QĐ-UBND` (safe fix)"
    summary = {
        "vi": "Tên loại văn bản có số, ký hiệu cụ thể viết hoa chữ cái đầu: “Quyết định số 12/QĐ-UBND”.",
        "en": "A document type followed by its number is capitalised: “Quyết định số 12/QĐ-UBND”.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6: tên loại văn bản khi viện dẫn kèm số, ký hiệu thì "
              "viết hoa chữ cái đầu (“theo Quyết định số 12/QĐ-UBND”). Không báo khi “số” không đứng trước số "
              "hiệu (“kế hoạch số hóa”). Sửa tự động an toàn.",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, V.6: a document type cited with its number is capitalised "
              "(“theo Quyết định số 12/QĐ-UBND”). Not reported when “số” is not followed by a number (“kế hoạch "
              "số hóa”). The fix is safe.",
    }
    bad = "Thực hiện quyết định số 12/QĐ-UBND ngày 05/01/2025 của UBND tỉnh về chuyển đổi số.\n"
    good = "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2025 của UBND tỉnh; xây dựng kế hoạch số hóa hồ sơ.\n"

    def check(self, doc):
        text = doc.text
        type_before = _type_before()
        for number in _NUMBER_WORD.finditer(text):  # "số 12/…": the few places a type can stand before
            m = type_before.search(text, max(0, number.start() - 40), number.start())
            if m is None or not m["type"][0].islower() or _in_layout(doc, m.start()):
                continue
            if fold(m["type"]) in _GENERIC_TYPES:
                continue  # "văn bản số 5141/…": the generic noun, which some offices write in lower case
            if _NAME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the end of a name
            at = m.start("type")
            written = text[at:number.start()] + "số"
            yield self.violation(Span(at, m.end("type")), fix=Fix((Edit(Span(at, at + 1), m["type"][0].upper()),)),
                                 text=quote(written), expected=quote(_capitalised(written)))


# --- CAP002 ---------------------------------------------------------------------------------

_PART_LOWER = regex.compile(
    r"(?P<word>[đcmtp](?<![\w/].)(?:(?<=đ)iều|(?<=c)hương|(?<=m)ục|(?<=t)iểu[ \t]+mục|(?<=p)hần))[ \t]+(?=\d|[IVXL]+\b)"
)
# "thành phần 2", "danh mục 1", "một phần 3": the word is half of another word, not a reference.
_COMPOUND_BEFORE = regex.compile(r"(?i)(?<!\w)(?:thành|một|từng|hợp|cổ|danh|hạng|đề|chuyên|tiết|bộ|các|những)[ \t]+\Z")
# "mục 3 Phụ lục II": an item of an annex's list, not a Mục of the document's structure.
_ANNEX_ITEM = regex.compile(r"[^.;\n]{0,60}?\b[Pp]hụ[ \t]+lục\b")  # "tiểu mục I, mục A, phần I Phụ lục …"
# Not after a list marker ("a) Khoản 2 Điều 15;" starts its item).
_CLAUSE_UPPER = regex.compile(r"(?P<word>[KĐ](?<=[\w,][ \t].)(?:(?<=K)hoản|(?<=Đ)iểm))[ \t]+(?=\d+\b|[a-zđ]\b)")


class PartReferenceCase(Rule):
    code = "CAP002"
    name = "part-reference-case"
    family = "CAP"
    severity = Severity.INFO
    fixable = True
    messages = {
        "upper": {
            "vi": "“{word}” trong viện dẫn phải viết hoa: {expected}",
            "en": "“{word}” in a reference should be capitalised: {expected}",
        },
        "lower": {
            "vi": "“{word}” trong viện dẫn phải viết thường: {expected}",
            "en": "“{word}” in a reference should be lower case: {expected}",
        },
    }
    reports = ("`điều 5`, `mục 3` in lower case or `Khoản 2`, `Điểm a` capitalised mid-sentence in a reference (safe "
               "fix)")
    summary = {
        "vi": "Khi viện dẫn, “Phần”, “Chương”, “Mục”, “Tiểu mục”, “Điều” viết hoa; “khoản”, “điểm” viết thường "
              "(“điểm a khoản 2 Điều 5”).",
        "en": "In references “Phần”, “Chương”, “Mục”, “Tiểu mục”, “Điều” are capitalised; “khoản”, “điểm” are "
              "lower case (“điểm a khoản 2 Điều 5”).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.7. “Khoản”, “Điểm” viết hoa ở đầu câu là đúng và không "
              "bị báo. Sửa tự động an toàn.",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, V.7. “Khoản”, “Điểm” capitalised at the start of a sentence are "
              "right and not reported. The fix is safe.",
    }
    bad = "Thực hiện theo Khoản 2 điều 5 Nghị định số 30/2020/NĐ-CP của Chính phủ.\n"
    good = "Thực hiện theo điểm a khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP. Khoản 3 Điều 5 quy định thời hạn.\n"

    def check(self, doc):
        text = doc.text
        found = [(m, "upper", _capitalised(m["word"])) for m in _PART_LOWER.finditer(text)
                 if not _COMPOUND_BEFORE.search(text, max(0, m.start() - 12), m.start())
                 and not _ANNEX_ITEM.match(text, m.end())]
        found += [(m, "lower", m["word"].lower()) for m in _CLAUSE_UPPER.finditer(text)]
        for m, variant, expected in sorted(found, key=lambda f: f[0].start()):
            at = m.start("word")
            if _in_layout(doc, at):
                continue
            yield self.violation(Span(at, m.end("word")), variant, fix=Fix((Edit(Span(at, at + 1), expected[0]),)),
                                 word=m["word"], expected=quote(expected))


# --- CAP003 ---------------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _agency_pattern(extra: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, dict[str, str], frozenset[str]]:
    names = [*_table()["agency-names"], *extra]
    canonical = {fold(n): n for n in names}
    from draftlint.text.phrases import DASH, alternation as phrases

    alternation = phrases(canonical, dash=DASH)
    firsts = "|".join(sorted({re.escape(k.split()[0]) for k in canonical}, key=lambda w: (-len(w), w)))
    # The few first words ("ban", "ủy", "sở" …) are found first; the whole alternation is tried only there.
    leads = frozenset(m.group() for k in canonical if (m := _LETTERS.match(k)))
    return regex.compile(rf"(?:{firsts})(?!\w)"), regex.compile(rf"(?:{alternation})(?!\w)"), canonical, leads


_LETTERS = regex.compile(r"[^\W\d_]+")


def _capitalised_starts(doc, first_word: re.Pattern, leads: frozenset[str]):
    """Where a name may start: a word with a capital that starts one of the names' first words (its
    folded letters: ``leads``), not after a digit; (where, its line folded, where in that line).
    Names never span lines."""
    text = doc.text
    found = tokens(doc)
    starting = {n for n, (w, k) in enumerate(zip(found.words, found.folded)) if w[0].isupper() and k in leads}
    resume = 0
    line = folded = None
    for i in compress(count(), map(starting.__contains__, found.ids)):
        start = found.start(i)
        if start < resume or (start and is_word_character(text[start - 1])):
            continue
        if line is None or start >= line.span.end:
            line = doc.lines[line_index(doc, start)]
            folded = fold_same_length(line.text)
        hit = first_word.match(folded, start - line.span.start)
        if hit is not None:
            resume = line.span.start + hit.end()
            yield start, folded, start - line.span.start


def _in_case_of(written: str, canonical: str) -> str:
    """``written`` with the letter case of ``canonical`` (its dashes, spaces and tone marks kept)."""
    out, j = [], 0
    target = [c for c in canonical if not c.isspace()]
    for ch in written:
        if ch.isspace():
            out.append(ch)
            continue
        model = target[j] if j < len(target) else ch
        j += 1
        out.append(ch.upper() if model.isupper() else ch.lower() if model.islower() else ch)
    return "".join(out)


class AgencyNameCase(Rule):
    code = "CAP003"
    name = "agency-name-case"
    family = "CAP"
    severity = Severity.WARNING
    fixable = True
    options = {
        "agency-names": Option([], "thêm tên cơ quan viết đúng hoa thường, ví dụ [\"Ban Quản lý Khu kinh tế\"]",
                               "more agency names in their canonical case, e.g. [\"Ban Quản lý Khu kinh tế\"]"),
    }
    messages = {
        "default": {
            "vi": "Tên cơ quan viết hoa chưa đúng: {text} → {expected}",
            "en": "An agency name in the wrong case: {text} → {expected}",
        },
    }
    reports = ("a known agency name starting with a capital but otherwise in the wrong case: `Ban chấp hành`, `Ủy Ban "
               "Nhân Dân` (safe fix; option `agency-names`)")
    summary = {
        "vi": "Tên cơ quan, tổ chức viết hoa đúng Phụ lục II: “Ban Chấp hành”, “Ủy ban nhân dân”, “Bộ Chính trị”.",
        "en": "Agency names are capitalised as Appendix II writes them: “Ban Chấp hành”, “Ủy ban nhân dân”, “Bộ "
              "Chính trị”.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục IV.1: viết hoa chữ cái đầu của các từ chỉ loại cơ quan và "
              "chức năng, lĩnh vực (“Ban Chấp hành Đảng bộ tỉnh”, “Ủy ban nhân dân tỉnh”). Chỉ báo tên bắt đầu "
              "bằng chữ hoa mà các chữ sau sai hoa thường; tên viết thường hoàn toàn (nghĩa chung) và tên viết "
              "in hoa cả cụm (đề mục) không bị báo. Danh sách tên là tệp dữ liệu; thêm tên bằng tùy chọn "
              "agency-names. Sửa tự động an toàn (chỉ đổi hoa thường).",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, IV.1: the words naming the kind of body and its field are "
              "capitalised (“Ban Chấp hành Đảng bộ tỉnh”, “Ủy ban nhân dân tỉnh”). Only a name that starts with a "
              "capital and gets the rest wrong is reported; one wholly in lower case (a generic use) or in "
              "capitals (a heading) is not. The names are a data file; add yours with the agency-names option. "
              "The fix is safe (it changes case only).",
    }
    bad = "Thực hiện Chương trình hành động của Ban chấp hành Đảng bộ tỉnh và Ủy Ban Nhân Dân tỉnh.\n"
    good = "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh và Ủy ban nhân dân tỉnh.\n"

    def check(self, doc):
        first_word, pattern, canonical, leads = _agency_pattern(tuple(self.config["agency-names"]))
        text = doc.text
        for start, folded, at in _capitalised_starts(doc, first_word, leads):
            m = pattern.match(folded, at)
            if m is None:
                continue
            end = start + m.end() - at
            written = text[start:end]
            if not written[:1].isupper() or written.upper() == written or _in_layout(doc, start):
                continue
            expected = _in_case_of(written, canonical[" ".join(m.group().split())])
            if expected != written:
                span = Span(start, end)
                yield self.violation(span, fix=Fix((Edit(span, expected),)), text=quote(written),
                                     expected=quote(expected))


# --- CAP006 ---------------------------------------------------------------------------------

# Each branch starts with its letter and then looks behind it: ``re`` skips ahead to L, B and P only
# when no lookbehind comes first.
_NAMED_TYPE = regex.compile(
    r"(?:L(?<![^\W\d_].)uật|B(?<![^\W\d_].)ộ[ \t]+luật|P(?<![^\W\d_].)háp[ \t]+lệnh)[ \t]+(?P<first>[^\W\d_])(?P<start>[^\W\d_]*,?[ \t]+[^\W\d_]+)"
)


@lru_cache(maxsize=None)
def law_name_starts() -> frozenset[str]:
    """How known names of laws, codes and ordinances begin, lower case (``data/law_names.txt``)."""
    text = data.read_text("law_names.txt")
    return frozenset(" ".join(line.lower().split()) for line in text.splitlines() if line and not line.startswith("#"))


class DocumentNameCase(Rule):
    code = "CAP006"
    name = "document-name-case"
    family = "CAP"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": {
            "vi": "Tên luật, bộ luật, pháp lệnh viết hoa chữ đầu của tên: {text} → {expected}",
            "en": "The name of a law, code or ordinance is capitalised on its first word: {text} → {expected}",
        },
    }
    reports = ("a law, code or ordinance named with its first word in lower case: `Luật bảo vệ môi trường`, `Bộ luật "
               "lao động`, where the words begin a known law's name (safe fix; the beginnings are built from official "
               "texts by `benchmarks/make_law_names.py`)")
    summary = {
        "vi": "Tên của luật, bộ luật, pháp lệnh viết hoa chữ cái đầu: “Luật Bảo vệ môi trường”, “Bộ luật Lao động”.",
        "en": "The name of a law, code or ordinance starts with a capital: “Luật Bảo vệ môi trường”, “Bộ luật Lao "
              "động”.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6: viện dẫn văn bản cụ thể thì viết hoa chữ cái đầu của "
              "tên loại và chữ cái đầu của tên văn bản (“Bộ luật Hình sự”, “Luật Tổ chức Quốc hội”). Chỉ báo khi "
              "các chữ viết thường sau “Luật” là phần đầu tên một luật đã biết (danh sách lấy từ văn bản chính "
              "thức, benchmarks/make_law_names.py); “Luật này”, “Luật sửa đổi, bổ sung…”, “Luật sư” không bị báo. "
              "Sửa tự động an toàn (chỉ đổi một chữ hoa).",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, V.6: a specific document is capitalised on its type and on the "
              "first word of its name (“Bộ luật Hình sự”, “Luật Tổ chức Quốc hội”). Reported only where the "
              "lower-case words after “Luật” are how a known law's name begins (the list comes from official "
              "texts, benchmarks/make_law_names.py); “Luật này”, “Luật sửa đổi, bổ sung…”, “Luật sư” are not. "
              "The fix is safe (one capital letter).",
    }
    bad = "Tuyên truyền Luật bảo vệ môi trường năm 2020 và Bộ luật lao động năm 2019.\n"
    good = "Tuyên truyền Luật Bảo vệ môi trường năm 2020 và Bộ luật Lao động năm 2019; Luật này có hiệu lực.\n"

    def check(self, doc):
        text = doc.text
        if "uật" not in text and "lệnh" not in text:
            return
        starts = law_name_starts()
        quoted = excerpts(doc)
        for m in _NAMED_TYPE.finditer(text):
            first = m["first"]
            if not first.islower() or " ".join((first + m["start"]).split()) not in starts:
                continue
            if _in_layout(doc, m.start()) or m.start() in quoted:
                continue
            at = m.start("first")
            end = m.end("start")
            written = text[m.start():end]
            expected = text[m.start():at] + first.upper() + text[at + 1:end]
            yield self.violation(Span(m.start(), end), fix=Fix((Edit(Span(at, at + 1), first.upper()),)),
                                 text=quote(written), expected=quote(expected))


# --- CAP004 ---------------------------------------------------------------------------------

_LIST_MARKER = regex.compile(r"[(]?(?:\d{1,2}|[a-zđA-ZĐ]|[IVXL]+)[)]?")
_SENTENCE_END = regex.compile(r"(?P<mark>[.?!])(?<=[^\s.…].)[ \t]+(?P<word>[^\W\d_\s][^\s]*)")  # the mark first: faster
_BEFORE = regex.compile(r"[^\s.…]*\Z")


class SentenceCase(Rule):
    code = "CAP004"
    name = "sentence-case"
    family = "CAP"
    severity = Severity.WARNING
    fixable = True
    fix_safety = "unsafe"
    messages = {
        "default": {
            "vi": "Đầu câu sau dấu “{mark}” viết hoa: {word} → {expected}",
            "en": "A sentence after “{mark}” starts with a capital: {word} → {expected}",
        },
    }
    reports = ("a sentence after `. ? !` starting in lower case; not after `TP.`, `TS.`, list markers, an ellipsis or "
               "`./.` (unsafe fix)")
    summary = {
        "vi": "Chữ đầu câu, sau dấu “. ? !”, viết hoa.",
        "en": "The word after “. ? !” that starts a sentence is capitalised.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục I: viết hoa chữ cái đầu câu. Không báo sau chữ viết tắt "
              "có dấu chấm (“TP.”, “TS.”, “v.v.”), sau số và ký hiệu liệt kê (“1.”, “a.”), sau dấu ba chấm, và ở "
              "dấu kết thúc “./.”. Sửa tự động không an toàn (có khi dấu chấm mới là chỗ sai).",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, I: a sentence starts with a capital. Not reported after an "
              "abbreviation with a period (“TP.”, “TS.”, “v.v.”), after numbers and list markers (“1.”, “a.”), "
              "after an ellipsis, or at the closing “./.”. The fix is unsafe (sometimes the period is the slip).",
    }
    bad = "Bảo đảm an sinh xã hội. tiếp tục chăm lo đời sống người có công.\n"
    good = "Bảo đảm an sinh xã hội. Tiếp tục chăm lo đời sống người có công tại TP. Hải Phòng.\n"

    def check(self, doc):
        abbreviations = set(_table()["abbreviations"])
        text = doc.text
        for m in _SENTENCE_END.finditer(text):
            if not m["word"][0].islower():
                continue
            before = _BEFORE.search(text, max(0, m.start() - 20), m.start()).group()
            if (before in abbreviations or _LIST_MARKER.fullmatch(before) or text.startswith("/.", m.end("mark"))
                    or _in_layout(doc, m.start())):
                continue  # "TP. Hải Phòng", "gồm: 1. rà soát", the closing "./."
            word = m["word"].rstrip(",;:.)”\"")
            if _POINT_MARKER.match(m["word"]) or "http" in before.lower() or "www" in before.lower():
                continue  # "… đất đai. d) Các cơ quan": a point's letter; "dichvucong. gov.vn": an address
            at = m.start("word")
            yield self.violation(Span(at, at + len(word)),
                                 fix=Fix((Edit(Span(at, at + 1), word[0].upper()),), safe=False),
                                 mark=m["mark"], word=quote(word), expected=quote(_capitalised(word)))


_POINT_MARKER = regex.compile(r"[a-zđ]\d?\)")


# --- CAP005 ---------------------------------------------------------------------------------

_SPECIAL = regex.compile(r"(?<![\w])(?P<word>[Nn]hân[ \t]+dân|[Nn]hà[ \t]+nước)(?!\w)")


class SpecialNounConsistency(Rule):
    code = "CAP005"
    name = "special-noun-consistency"
    family = "CAP"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "Văn bản viết cả {minority} ({m_count} lần) và {majority} ({n_count} lần); nên thống nhất",
            "en": "The document writes both {minority} (×{m_count}) and {majority} (×{n_count}); use one",
        },
    }
    reports = ("standalone `Nhân dân`/`nhân dân` or `Nhà nước`/`nhà nước` written both ways (not inside names or "
               "phrases such as `ngân sách nhà nước`): once per word")
    summary = {
        "vi": "“Nhân dân”, “Nhà nước” đứng riêng (không nằm trong tên cơ quan) viết một cách thống nhất trong văn "
              "bản.",
        "en": "Standalone “Nhân dân” and “Nhà nước” (outside agency names) are written one way throughout.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.1. Không tính khi là một phần của tên hay cụm từ "
              "(“Ủy ban nhân dân”, “ngân sách nhà nước”, “quản lý nhà nước”, “Kho bạc Nhà nước”); chữ đầu câu "
              "không tính. Báo một lần cho mỗi từ, ở chỗ đầu tiên của cách viết ít dùng hơn.",
        "en": "Decree 30/2020/NĐ-CP, Appendix II, V.1. Not counted inside a name or phrase (“Ủy ban nhân dân”, "
              "“ngân sách nhà nước”, “quản lý nhà nước”, “Kho bạc Nhà nước”), nor at the start of a sentence. "
              "Reported once per word, at the first use of the less common spelling.",
    }
    bad = "Chăm lo đời sống Nhân dân; huy động sức mạnh của toàn dân.\nTạo điều kiện thuận lợi cho nhân dân.\n"
    good = "Chăm lo đời sống Nhân dân; tạo điều kiện thuận lợi cho Nhân dân; bảo đảm ngân sách nhà nước.\n"

    def check(self, doc):
        modifiers = tuple(fold(w) for w in _table()["modified"])
        by_word: dict[str, dict[str, list]] = {}
        for line in _lines(doc):
            text = line.text
            if "dân" not in text and "nước" not in text:
                continue
            for m in _SPECIAL.finditer(text):
                before = fold(text[max(0, m.start() - 24):m.start()])
                if before.endswith(modifiers) or not before.strip() or before.rstrip()[-1:] in ".?!:":
                    continue  # inside a name or phrase, or at a sentence start
                word = m["word"]
                by_word.setdefault(fold(word), {}).setdefault(word[0].isupper(), []).append((line, m))
        for forms in by_word.values():
            if len(forms) < 2:
                continue
            minority, majority = sorted(forms.values(), key=len)
            line, m = minority[0]
            yield self.violation(line.sub_span(m.start("word"), m.end("word")), minority=quote(m["word"]),
                                 m_count=len(minority), majority=quote(majority[0][1]["word"]),
                                 n_count=len(majority))
