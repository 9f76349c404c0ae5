"""SPL — spelling: words written twice in a row, known misspellings, syllables Vietnamese cannot
have, official names written wrongly."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, islice
from operator import eq

from draftlint import data
from draftlint.startup import regex
from draftlint.data import fold
from draftlint.text.encodings import has_legacy_characters, legacy_encoding
from draftlint.model import LineKind, Span
from draftlint.text.phrases import matches_not_after
from draftlint.rule import Edit, Fix, Option, Rule, Severity, quote
from draftlint.text.syllables import check, is_candidate, key, retoned
from draftlint.text.words import (accepted_variants, any_tone, confusions, deliberate_repeats, function_words, is_compound,
                             line_chunks, lower_in_place, official_names, skeleton, toneless)
from draftlint.text.capitals import is_caps
from draftlint.extract.tone_slips import tone_slips

_LAYOUT = LineKind.LAYOUT

_WORD = regex.compile(r"[^\W\d_]+")
_GAP = regex.compile(r"[ \t]+")  # only spaces between two words: a comma or a bracket separates them


_CLOSING = ".,;:!?…)]}\"'”’"


def _candidates(text: str) -> set[str]:
    """The first word of every word or word pair written twice running in ``text`` (lower case):
    a cheap first pass, since most drafts repeat nothing. Punctuation after the second one counts
    ("của của."); punctuation between the two means no repeat ("một cửa, một cửa")."""
    words = text.lower().split()
    pairs = compress(zip(words, islice(words, 1, None)), map(str.startswith, islice(words, 1, None), words))
    found = {a for a, b in pairs if a == b.rstrip(_CLOSING) and a.isalpha()}
    for i in compress(count(), map(eq, words, islice(words, 2, None))):
        if i + 3 < len(words) and words[i + 1] == words[i + 3].rstrip(_CLOSING) and words[i].isalpha():
            found.add(words[i])
    return found


def _lines_repeating(doc, candidates: set[str]) -> list:
    """The lines where a candidate is followed by itself, or by a word and itself."""
    import bisect

    alternatives = "|".join(map(re.escape, sorted(candidates)))
    pattern = re.compile(rf"({alternatives})\s+(?:\1|[^\W\d_]+\s+\1)(?![^\W\d_])", re.I)
    starts = [line.span.start for line in doc.lines]
    indexes = {bisect.bisect_right(starts, m.start()) - 1 for m in matches_not_after(pattern, doc.text)}
    return [doc.lines[i] for i in sorted(indexes) if i >= 0]


class RepeatedWord(Rule):
    code = "SPL001"
    name = "repeated-word"
    family = "SPL"
    severity = Severity.WARNING
    fixable = True
    fix_safety = "both"
    messages = {
        "word": {
            "vi": "Từ {word} viết hai lần liền nhau",
            "en": "The word {word} is written twice in a row",
        },
        "phrase": {
            "vi": "Cụm từ {word} viết hai lần liền nhau",
            "en": "The phrase {word} is written twice in a row",
        },
    }
    reports = ("a word or two-word phrase written twice in a row (`của của`, `hỗ trợ hỗ trợ`), across line breaks and "
               "case; not two words meeting (`hành vi vi phạm`, `giao thông thông minh`: a syllable other than a "
               "function word such as `của`, `các`, `cho` is reported only when neither side forms a word), "
               "punctuation between, numbers, titles in capitals or deliberate reduplication (`song song`); fix safe "
               "where the doubling is certain, else unsafe")
    summary = {
        "vi": "Không có từ hay cụm hai từ viết lặp liền nhau (“của của”, “hỗ trợ hỗ trợ”), kể cả khi xuống dòng "
              "giữa hai lần.",
        "en": "No word or two-word phrase written twice in a row (“của của”, “hỗ trợ hỗ trợ”), also across a "
              "line break.",
    }
    rationale = {
        "vi": "Từ lặp là lỗi soạn thảo thường gặp khi sửa đi sửa lại một câu. Không báo khi hai lần thuộc hai từ "
              "khác nhau (“hành vi vi phạm”, “cơ quan quan tâm”, “nhà giáo giáo dục”), khi có dấu câu ở giữa "
              "(“đào tạo, đào tạo lại”), với số, và với từ láy cố ý (“dần dần”, “người người”). Sửa tự động: xóa "
              "lần lặp thứ hai; an toàn khi chắc chắn là lặp (“của của”), không an toàn (cần --unsafe-fixes) khi "
              "một bên có thể ghép thành từ.",
        "en": "A doubled word is a common slip when a sentence is edited over and over. Not reported when the two "
              "belong to different words (“hành vi vi phạm”, “cơ quan quan tâm”, “nhà giáo giáo dục”), with "
              "punctuation between (“đào tạo, đào tạo lại”), for numbers, and for deliberate reduplication "
              "(“dần dần”, “người người”). The fix removes the second one: safe where the doubling is certain "
              "(“của của”), unsafe (--unsafe-fixes) where one side may form a word.",
    }
    bad = "Nâng cao chất lượng đào tạo cho cho học sinh; phát huy vai trò của của các tổ chức.\n"
    good = ("Nâng cao chất lượng đào tạo cho học sinh; xử lý các hành vi vi phạm; phát triển giao thông thông "
            "minh.\n")

    def check(self, doc):
        candidates = set().union(*map(_candidates, line_chunks(doc.text)))  # a repeat never spans two lines
        if not candidates:
            return
        repeats = deliberate_repeats()
        function = function_words()
        for line in _lines_repeating(doc, candidates):
            text = line.text
            words = list(_WORD.finditer(text))
            keys = [fold(w.group()) for w in words]
            joined = [i + 1 < len(words) and bool(_GAP.fullmatch(text, words[i].end(), words[i + 1].start()))
                      for i in range(len(words))]
            for i in range(len(words) - 1):
                if not joined[i]:
                    continue
                if keys[i] == keys[i + 1]:
                    if f"{keys[i]} {keys[i]}" in repeats or len(keys[i]) == 1:
                        continue  # a reduplication, or letter-spaced text ("T T")
                    if keys[i] == _SO and _NUMBER_NEXT.match(text, words[i + 1].end()):
                        continue  # "số số 71-CTr/TU": CIT011 reports it, with the citation
                    if line.kind in _LAYOUT or is_caps(text):
                        continue  # "KT. TRƯỞNG BAN BAN CHÍNH SÁCH": a title, then the unit's name
                    before = i > 0 and joined[i - 1] and is_compound(keys[i - 1], keys[i])
                    after = i + 2 < len(words) and joined[i + 1] and is_compound(keys[i + 1], keys[i + 2])
                    if keys[i] not in function and (before or after):
                        # "giao thông thông minh", "quy định định mức": a syllable that ends one word may
                        # start the next; only a word that never does ("của của", "các các") is sure.
                        continue
                    # "của của" is certain; a syllable with a word on one side ("dục dục nghề") is a person's call.
                    yield self._found(line, words[i], words[i + 1], "word",
                                      safe=keys[i] in function or not (before or after))
                elif (i + 3 < len(words) and joined[i + 1] and joined[i + 2]
                      and keys[i] == keys[i + 2] and keys[i + 1] == keys[i + 3]):
                    yield self._found(line, words[i], words[i + 3], "phrase", words[i + 1])

    def _found(self, line, first, last, variant, first_end=None, safe=True):
        text = line.text
        end_of_first = (first_end or first).end()
        shown = text[first.start():end_of_first]
        fix = Fix((Edit(line.sub_span(end_of_first, last.end()), ""),), safe)
        return self.violation(line.sub_span(first.start(), last.end()), variant, fix=fix, word=quote(shown))


_WHY = {
    "onset-rhyme": {"vi": "không có phụ âm đầu hay vần này", "en": "no such onset or rhyme"},
    "spelling": {"vi": "sai quy tắc viết c/k, g/gh, ng/ngh", "en": "against the c/k, g/gh, ng/ngh rule"},
    "tone-coda": {"vi": "vần kết thúc bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng",
                  "en": "a rhyme ending in p, t, c, ch takes only the acute or dot-below tone"},
    "tone-place": {"vi": "dấu thanh đặt sai chỗ", "en": "the tone mark is on the wrong vowel"},
    "two-tones": {"vi": "có hai dấu thanh", "en": "two tone marks"},
}


class InvalidSyllable(Rule):
    code = "SPL004"
    name = "invalid-syllable"
    family = "SPL"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": {
            "vi": "Âm tiết {word} không có trong tiếng Việt ({why})",
            "en": "{word} cannot be a Vietnamese syllable ({why})",
        },
        "tone-place": {
            "vi": "Âm tiết {word}: dấu thanh đặt sai chỗ; viết {fixed}",
            "en": "{word}: the tone mark is on the wrong vowel; write {fixed}",
        },
    }
    reports = ("a lower-case syllable Vietnamese cannot have (`nghiêmg`, `têt`, `ká`); a misplaced tone mark (`qúy` → "
               "`quý`, safe fix)")
    summary = {
        "vi": "Mỗi âm tiết viết thường có dấu tiếng Việt ghép được từ phụ âm đầu, vần và thanh theo chính tả "
              "(“nghiêmg”, “têt”, “qúy” thì không).",
        "en": "Every lower-case syllable with Vietnamese letters is a possible onset + rhyme + tone "
              "(“nghiêmg”, “têt”, “qúy” are not).",
    }
    rationale = {
        "vi": "Âm tiết không thể có là lỗi gõ chắc chắn. Kiểm tra theo mô hình âm tiết (phụ âm đầu, vần, "
              "quy tắc c/k, g/gh, ng/ngh, thanh trên vần tắc, vị trí dấu thanh, chấp nhận cả kiểu đặt dấu cũ và "
              "mới: “hoà”/“hòa”), không theo danh sách từ. Không kiểm tra chữ viết tắt, số La Mã, số, tên riêng "
              "viết hoa và từ nước ngoài không dấu. Âm tiết có thể có nhưng không dùng (“tiển”) là việc của "
              "SPL002 và SPL003. Chỉ sửa tự động (an toàn) khi chỉ sai vị trí dấu thanh.",
        "en": "An impossible syllable is a certain typo. Checked against the syllable model (onset, rhyme, the "
              "c/k, g/gh, ng/ngh rule, tones on stop codas, where the tone mark goes, old and new placement both "
              "accepted: “hoà”/“hòa”), not a word list. Acronyms, Roman numerals, numbers, capitalised names and "
              "plain-ASCII foreign words are not checked. A possible but unused syllable (“tiển”) is SPL002's and "
              "SPL003's. Only a misplaced tone mark is fixed (safely).",
    }
    bad = "Thực hiện nghiêmg túc chỉ đạo của Thủ tướng về đón Tết; hỗ trợ người có hoàn cảnh khó khăn qúy I.\n"
    good = "Thực hiện nghiêm túc chỉ đạo của Thủ tướng về đón Tết; hỗ trợ người có hoàn cảnh khó khăn quý I.\n"

    def check(self, doc):
        text = doc.text
        garbled = ()
        if legacy_encoding(doc) is not None:  # UNI006 reports it; the words of those lines are not typos
            garbled = tuple(line.span for line in doc.lines if has_legacy_characters(line.text))
        loanwords = _loanwords()
        invalid = {w: why for w in _word_counts(doc).words
                   if is_candidate(w) and w not in loanwords and (why := check(w))}
        if not invalid:
            return
        garbled += tuple(line.span for line in doc.lines if _letter_spaced(line.text))
        pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, invalid)) + r")(?![^\W\d_])")
        for m in pattern.finditer(text):
            if any(span.start <= m.start() < span.end for span in garbled):
                continue
            word, why = m.group(), invalid[m.group()]
            span = Span(m.start(), m.end())
            fixed = retoned(word) if why == "tone-place" else None
            if fixed is not None:
                yield self.violation(span, "tone-place", fix=Fix((Edit(span, fixed),)), word=quote(word),
                                     fixed=quote(fixed))
            else:
                yield self.violation(span, word=quote(word), why=_WHY[why])


_NUMBER_NEXT = regex.compile(r"(?<!\s)\s*+:?\s*+\d")  # matched at the end of a word
_SO = fold("số")


def _letter_spaced(text: str) -> bool:
    """"T hủ tướ ng C h í nh": a name spaced out letter by letter (a layout, or its extraction)."""
    words = text.split()
    return len(words) >= 6 and sum(len(w) == 1 and w.isalpha() for w in words) > 0.25 * len(words)


@lru_cache(maxsize=None)
def _loanwords() -> frozenset[str]:
    return frozenset(data.load("syllables.toml").get("loanwords", ()))


def _phrase_matches(doc, pattern: re.Pattern):
    """Where ``pattern`` matches the draft's text in lower case, starting a word: (start, end, the
    match in lower case). A chunk of lines at a time, so a large draft is never copied whole; no
    phrase spans two lines."""
    offset = 0
    for chunk in line_chunks(doc.text):
        for m in matches_not_after(pattern, lower_in_place(chunk)):
            yield offset + m.start(), offset + m.end(), m.group()
        offset += len(chunk)


def _phrase_pattern(phrases) -> re.Pattern:
    """One regex for ``phrases`` in lower-case text, whatever their tones (spaces and dashes loose);
    searched with ``matches_not_after``, which makes sure a match starts a word."""
    from draftlint.text.phrases import DASH, alternation

    forms = {toneless(p) for p in phrases}
    return regex.compile(rf"(?:{alternation(forms, dash=DASH, letter=any_tone)})(?![^\W\d_])")


def _keys(text: str) -> list[str]:
    return [key(w) for w in _WORD.findall(text)]


def _with_case_of(written: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if written[:1].isupper() else replacement


@lru_cache(maxsize=16)
def _confusion_table(extra: tuple[str, ...]):
    entries = [dict(c) for c in confusions()]
    for pair in extra:
        wrong, _, right = pair.partition("→")
        if wrong.strip() and right.strip():
            entries.append({"wrong": wrong.strip(), "right": right.strip()})
    by_form: dict[str, list[dict]] = {}
    for entry in entries:
        entry["keys"] = tuple(_keys(entry["wrong"]))
        by_form.setdefault(toneless(entry["wrong"]), []).append(entry)
    return _phrase_pattern([e["wrong"] for e in entries]), by_form


class KnownMisspelling(Rule):
    code = "SPL002"
    name = "known-misspelling"
    family = "SPL"
    severity = Severity.WARNING
    fixable = True
    fix_safety = "both"
    options = {
        "confusions": Option([], "thêm cặp lỗi của cơ quan, dạng \"sai → đúng\"", "more pairs, as \"wrong → right\""),
    }
    messages = {
        "default": {
            "vi": "Viết sai chính tả: {text} → {expected}",
            "en": "Misspelt: {text} → {expected}",
        },
    }
    reports = ("a misspelling from the confusion list (`hổ trợ` → `hỗ trợ`, `Phân đầu` → `Phấn đấu`, `để xuất` → `đề "
               "xuất`), not in the contexts that make it right (`trao đổi với`, `để xuất khẩu`) (safe fix, unless a "
               "pair is marked `safe = false`; option `confusions`)")
    summary = {
        "vi": "Không có các lỗi chính tả thường gặp trong văn bản hành chính (“hổ trợ”, “Phân đầu”, “phát tiển”, "
              "“để xuất”), theo danh sách cặp sai → đúng.",
        "en": "None of the misspellings common in administrative writing (“hổ trợ”, “Phân đầu”, “phát tiển”, "
              "“để xuất”), from a list of wrong → right pairs.",
    }
    rationale = {
        "vi": "Phần lớn lỗi chính tả trong dự thảo là những âm tiết có thật đặt sai chỗ, nên không mô hình âm tiết "
              "nào bắt được; danh sách này ghi các cặp đã gặp, kèm ngữ cảnh loại trừ (“trao đổi với”, “để xuất "
              "khẩu”, “trong năm bắt đầu” là đúng). So không phân biệt kiểu đặt dấu và hoa thường. Danh sách là "
              "tệp dữ liệu; thêm cặp của cơ quan bằng tùy chọn confusions. Sửa tự động an toàn, trừ các cặp ghi "
              "safe = false (cần --unsafe-fixes).",
        "en": "Most misspellings in drafts are real syllables in the wrong place, which no syllable model catches; "
              "this list holds the pairs seen, with the contexts that make them right (“trao đổi với”, “để xuất "
              "khẩu”, “trong năm bắt đầu”). Compared regardless of tone placement and case. The list is a data "
              "file; add an office's pairs with the confusions option. The fix is safe, except for pairs marked "
              "safe = false (--unsafe-fixes).",
    }
    bad = "Phân đầu hoàn thành kế hoạch; tăng cường hổ trợ người có công; để xuất giải pháp phát tiển nhân lực.\n"
    good = "Phấn đấu hoàn thành kế hoạch; trao đổi với các đơn vị; để xuất khẩu lao động, đề xuất giải pháp.\n"

    def check(self, doc):
        for span, written, expected, safe in misspellings(doc, tuple(self.config["confusions"])):
            yield self.violation(span, fix=Fix((Edit(span, expected),), safe=safe), text=quote(written),
                                 expected=quote(expected))


def tone_slips_in(doc):
    """The draft's tone slips (``draftlint.extract.tone_slips``), outside lines in capitals, the header and
    the signature: (span, as written, the likely word)."""
    def find(d):
        return tuple((Span(line.span.start + start, line.span.start + end), written, expected)
                     for line in d.lines if line.kind not in _LAYOUT and not is_caps(line.text)
                     for start, end, written, expected in tone_slips(line.text))
    return doc.derived("tone-slips", find)


def misspellings(doc, extra: tuple[str, ...] = ()):
    """The known misspellings in the draft: (span, as written, the right form, whether the fix is safe)."""
    return doc.derived(f"misspellings{extra}", lambda d: tuple(_find_misspellings(d, extra)))


def _find_misspellings(doc, extra):
    pattern, by_form = _confusion_table(extra)
    text = doc.text
    for start, end, found in _phrase_matches(doc, pattern):
        written = text[start:end]
        keys = tuple(_keys(written))
        for entry in by_form.get(" ".join(toneless(found).split()), ()):
            if keys == entry["keys"] and _context_allows(text, start, end, entry):
                yield Span(start, end), written, _with_case_of(written, entry["right"]), entry.get("safe", True)
                break


def _context_allows(text: str, start: int, end: int, entry: dict) -> bool:
    after = _WORD.search(text, end, end + 20)
    before = re.search(r"([^\W\d_]+)[ \t]*\Z", text[max(0, start - 20):start])
    if after and text[end:after.start()].strip() == "" and fold(after.group()) in entry.get("not_before", ()):
        return False
    if before and fold(before.group(1)) in entry.get("not_after", ()):
        return False
    return True


@lru_cache(maxsize=1)
def _names():
    names = official_names()
    return _phrase_pattern(names), {toneless(" ".join(n.split())): n for n in names}


class OfficialName(Rule):
    code = "SPL005"
    name = "official-name"
    family = "SPL"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": {
            "vi": "Tên chính thức viết sai: {text} → {expected}",
            "en": "An official name misspelt: {text} → {expected}",
        },
    }
    reports = ("a programme or fund name with one syllable's tone wrong: `Quý vì người nghèo` → `Quỹ Vì người nghèo` "
               "(safe fix)")
    summary = {
        "vi": "Tên chương trình, quỹ, phong trào viết đúng như tên chính thức (“Quỹ Vì người nghèo”, không phải "
              "“Quý vì người nghèo”).",
        "en": "Programme, fund and campaign names are written as officially named (“Quỹ Vì người nghèo”, not "
              "“Quý vì người nghèo”).",
    }
    rationale = {
        "vi": "Trong một tên riêng, một âm tiết sai dấu vẫn là từ có thật (“Quý vì”), nên chỉ bảng tên chính thức "
              "mới bắt được. Báo khi đúng các chữ cái nhưng sai dấu thanh ở đúng một âm tiết; khác hoa thường "
              "thôi thì không báo. Danh sách là tệp dữ liệu trong gói. Sửa tự động an toàn.",
        "en": "Inside a name, a syllable with the wrong tone is still a word (“Quý vì”), so only a table of official "
              "names catches it. Reported when the letters match and exactly one syllable's tone differs; a "
              "difference of case alone is not. The names are a data file in the package. The fix is safe.",
    }
    bad = "Vận động ủng hộ Quý vì người nghèo các cấp.\n"
    good = "Vận động ủng hộ Quỹ Vì người nghèo các cấp.\n"

    def check(self, doc):
        pattern, by_form = _names()
        text = doc.text
        for start, end, found in _phrase_matches(doc, pattern):
            name = by_form.get(" ".join(toneless(found).replace("–", "-").replace("—", "-").split()))
            written = text[start:end]
            if name is None:
                continue
            got, want = _keys(written), _keys(name)
            if len(got) != len(want) or sum(a != b for a, b in zip(got, want)) != 1:
                continue
            span = Span(start, end)
            yield self.violation(span, fix=Fix((Edit(span, name),)), text=quote(written), expected=quote(name))


_CHUNK = regex.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")  # words with only spaces between: pairs never cross a comma
_FREQUENT = 3  # uses in the draft that make a pair the draft's own word


class SuspiciousWord(Rule):
    code = "SPL003"
    name = "suspicious-word"
    family = "SPL"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "{text} chỉ gặp một lần; có phải {expected} (dùng {count} lần trong văn bản)?",
            "en": "{text} occurs once; is it {expected} (used {count} times in the document)?",
        },
        "lexicon": {
            "vi": "{text} chỉ gặp một lần; có phải {expected} (có trong từ vựng của cơ quan)?",
            "en": "{text} occurs once; is it {expected} (in the office's lexicon)?",
        },
        "tone": {
            "vi": "Có phải {expected}? Văn bản chính thức không viết {text}",
            "en": "Is it {expected}? Official texts never write {text}",
        },
    }
    reports = ("a pair seen once that is one mark or one letter from a word the draft uses often (`giảm nghéo` where "
               "it has `giảm nghèo` ×3), or from the office's lexicon; a pair official texts never write, one tone "
               "mark from a word they write often (`sữa đổi` → `sửa đổi`); a suggestion, never fixed")
    summary = {
        "vi": "Gợi ý: cặp âm tiết chỉ gặp một lần mà chỉ khác một dấu hay một chữ so với một từ văn bản dùng nhiều "
              "lần (“phát tiển” khi văn bản có “phát triển”).",
        "en": "Suggestion: a syllable pair seen once that is one mark or one letter away from a word the document "
              "uses often (“phát tiển” where the document has “phát triển”).",
    }
    rationale = {
        "vi": "Lỗi gõ thường cho ra một cặp âm tiết có thật nhưng không thành từ. Không có từ điển, bằng chứng tốt "
              "nhất là chính văn bản: nếu “phát triển” xuất hiện nhiều lần, một “phát tiển” duy nhất gần như chắc "
              "là lỗi. Với từ vựng học từ văn bản cũ của cơ quan (draftlint learn), bằng chứng rộng hơn. Chỉ là "
              "gợi ý, không bao giờ tự sửa; các cách viết đều được chấp nhận (sĩ/sỹ, hằng năm/hàng năm) không "
              "bị coi là lỗi, và tên riêng viết hoa không bị xét.",
        "en": "A typo usually yields real syllables that make no word. Without a dictionary, the best evidence is "
              "the document itself: if “phát triển” occurs many times, a lone “phát tiển” is almost surely a slip. "
              "With a lexicon learnt from the office's past drafts (draftlint learn) the evidence is wider. A "
              "suggestion only, never fixed; accepted variants (sĩ/sỹ, hằng năm/hàng năm) do not count, and "
              "capitalised names are not considered.",
    }
    bad = ("Thực hiện giảm nghèo bền vững; hỗ trợ giảm nghèo; đánh giá kết quả giảm nghèo.\n"
           "Tuyên truyền về giảm nghéo tại cơ sở.\n")
    good = ("Thực hiện giảm nghèo bền vững; hỗ trợ giảm nghèo; đánh giá kết quả giảm nghèo.\n"
            "Tuyên truyền về giảm nghèo tại cơ sở.\n")

    def check(self, doc):
        text = doc.text
        found = _word_counts(doc)
        counts, syllables, written_as = found.pairs, found.syllables, found.written_as
        lexicon = getattr(doc.vocabulary, "lexicon_pairs", None) or {}
        # A slip is a pair seen once, with a syllable the draft hardly uses ("tiển", "gúp"): few pairs.
        rare = [k for k, (wa, wb) in written_as.items()
                if counts[k] == 1 and k not in lexicon and len(wa) > 1 and len(wb) > 1 and not wb[0].isupper()
                and not wa.isupper()]
        taken = [span for span, *_ in misspellings(doc)]  # SPL002 says what those are
        for span, written, expected in tone_slips_in(doc):
            if not any(t.start < span.end and span.start < t.end for t in taken):
                taken.append(span)
                yield self.violation(span, "tone", text=quote(written), expected=quote(expected))
        if not rare:
            return
        # Only words can be what a slip meant: pairs seen often whose syllables mostly go together.
        frequent = sorted(k for k, n in counts.items() if n >= _FREQUENT and _is_word(k, counts, syllables, {}))
        indexes = [_Neighbours(frequent)]
        office = _lexicon_index(lexicon)
        if office is not None:
            indexes.append(office)
        accepted = accepted_variants()
        for k in rare:
            sk = _skeletons(k)
            # Same letters with other marks ("giảm nghéo"), or one letter missing in one syllable with its
            # tone kept ("phát tiển", "trợ gúp"): one slip, not two.
            candidates = [q for index in indexes for q in index.same_letters(sk) if q != k]
            candidates += [q for index in indexes for q in index.one_letter_more(sk)
                           if sum(k[i] != q[i] for i in (0, 1)) == 1 and all(k[i][-1] == q[i][-1] for i in (0, 1))]
            for q in candidates:
                changed = [i for i in (0, 1) if k[i] != q[i]]
                # What it should be is a word, not two words that happen to meet ("khai có"): its
                # syllables occur together most of the time.
                if (not changed or any(syllables.get(k[i], 0) > _RARE for i in changed) or _accepted(k, q, accepted)
                        or not _is_word(q, counts, syllables, lexicon)):
                    continue
                span = _locate(text, written_as[k])
                if span is None or any(t.start < span.end and span.start < t.end for t in taken):
                    break
                taken.append(span)
                yield self._found(text, span, q, counts)
                break

    def _found(self, text, span, q, counts):
        written = text[span.start:span.end]
        expected = _spelled(q, written)
        n = counts.get(q, 0)
        if n >= _FREQUENT:
            return self.violation(span, text=quote(written), expected=quote(expected), count=n)
        return self.violation(span, "lexicon", text=quote(written), expected=quote(expected))


@lru_cache(maxsize=65536)
def _skeletons(k: tuple[str, str]) -> tuple[str, str]:
    return skeleton(k[0][:-1]), skeleton(k[1][:-1])  # keys end in their tone digit


class _Neighbours:
    """Pairs by their skeleton ("phan dau"), to find those one slip away from a rare pair."""

    def __init__(self, pairs) -> None:
        self.by_skeleton: dict[tuple[str, str], list] = {}
        self.by_first: dict[str, list] = {}
        self.by_second: dict[str, list] = {}
        for q in pairs:
            sk = _skeletons(q)
            self.by_skeleton.setdefault(sk, []).append(q)
            self.by_first.setdefault(sk[0], []).append((sk[1], q))
            self.by_second.setdefault(sk[1], []).append((sk[0], q))

    def same_letters(self, sk: tuple[str, str]) -> list:
        return self.by_skeleton.get(sk, [])

    def one_letter_more(self, sk: tuple[str, str]) -> list:
        """The pairs whose skeleton is ``sk`` with one letter added to one syllable."""
        return ([q for first, q in self.by_second.get(sk[1], ()) if _one_more(first, sk[0])]
                + [q for second, q in self.by_first.get(sk[0], ()) if _one_more(second, sk[1])])


def _one_more(longer: str, shorter: str) -> bool:
    """Whether deleting one letter of ``longer`` gives ``shorter``."""
    if len(longer) != len(shorter) + 1:
        return False
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1:] == shorter[i:]


_LEXICON_INDEXES: dict[int, tuple[object, _Neighbours]] = {}


def _lexicon_index(lexicon: dict) -> _Neighbours | None:
    """The office lexicon's index, built once per process (it is the same for every draft)."""
    if not lexicon:
        return None
    cached = _LEXICON_INDEXES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        pairs = sorted(k for k, n in lexicon.items() if n >= _FREQUENT)
        cached = _LEXICON_INDEXES[id(lexicon)] = (lexicon, _Neighbours(pairs))
    return cached[1]


def _locate(text: str, words: tuple[str, str]) -> Span | None:
    m = re.search(rf"(?<![^\W\d_]){re.escape(words[0])}[ \t]+{re.escape(words[1])}(?![^\W\d_])", text)
    return Span(m.start(), m.end()) if m else None


_RARE = 2  # uses of a syllable in the draft below which it may be a slip


@dataclass(frozen=True, slots=True)
class _WordCounts:
    """How often each adjacent syllable pair (by key) and each syllable occur, how each pair
    around a rare syllable was first written, and the words used. Counted at C speed: a pair
    across a comma or a line counts too; a candidate is checked to sit inside a run of words when
    it is located."""

    pairs: Counter
    syllables: Counter
    written_as: dict[tuple[str, str], tuple[str, str]]
    words: set[str]


def _word_counts(doc) -> _WordCounts:
    """The draft's word counts, computed once (SPL003 counts, SPL004 reads the words), in chunks of
    lines so that a large draft's word list never exists whole."""
    return doc.derived("word-counts", _count_words)


def _count_words(doc):
    syllables: Counter = Counter()
    counts: Counter = Counter()
    used: set[str] = set()
    pieces = None
    for n, (words, keys, joined) in enumerate(_word_runs(doc.text)):
        syllables.update(keys[1:] if joined else keys)
        counts.update(zip(keys, keys[1:]))
        used.update(words)
        pieces = [(words, keys)] if n == 0 else None  # a second pass rereads a large draft
    rare = {k for k, n in syllables.items() if n <= _RARE}
    written_as: dict[tuple[str, str], tuple[str, str]] = {}
    for words, keys in pieces or ((w, k) for w, k, _ in _word_runs(doc.text)):
        for i, k in enumerate(keys):
            if k in rare:  # only pairs around a rare syllable can be slips: remember how they were written
                for j in (i - 1, i):
                    if 0 <= j < len(words) - 1:
                        written_as.setdefault((keys[j], keys[j + 1]), (words[j], words[j + 1]))
    return _WordCounts(counts, syllables, written_as, used)


def _word_runs(text: str):
    """The words of the text and their keys, a chunk of lines at a time; each chunk after the
    first starts with the last word of the one before (``joined``), so no pair is lost at a cut."""
    last = None
    for chunk in line_chunks(text):
        words = _WORD.findall(chunk)
        if not words:
            continue
        keys = list(map(key, words))
        if last is not None:
            words.insert(0, last[0])
            keys.insert(0, last[1])
        yield words, keys, last is not None
        last = words[-1], keys[-1]


def _is_word(q, counts, syllables, lexicon) -> bool:
    """Whether a frequent pair is a word: its syllables mostly occur together."""
    if q in lexicon:
        return True
    together = counts.get(q, 0)
    return together >= _FREQUENT and together * 2 >= min(syllables.get(q[0], 0), syllables.get(q[1], 0))


def _accepted(k, q, accepted) -> bool:
    return (f"{k[0]} {k[1]}", f"{q[0]} {q[1]}") in accepted or (k[0], q[0]) in accepted or (k[1], q[1]) in accepted


def _spelled(q: tuple[str, str], written: str) -> str:
    """A pair of keys written out as syllables ("phat1 triên3" → "phát triển")."""
    from draftlint.text.syllables import spell

    out = " ".join(spell(k) for k in q)
    return out[:1].upper() + out[1:] if written[:1].isupper() else out
