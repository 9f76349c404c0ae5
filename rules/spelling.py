"""SPL — spelling: words written twice in a row, syllables Vietnamese cannot have."""

from __future__ import annotations

import re

from draftlint.data import fold
from draftlint.encodings import legacy_encoding
from draftlint.model import Span
from draftlint.rule import Edit, Fix, Rule, Severity, quote
from draftlint.syllables import check, is_candidate, retoned
from draftlint.words import deliberate_repeats, is_compound

_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]+")  # only spaces between two words: a comma or a bracket separates them


def _candidates(text: str) -> set[str]:
    """Every word or word pair written twice running in ``text`` (lower case, as "của của"): a cheap
    first pass, since most lines repeat nothing."""
    words = text.lower().split()
    found = {f"{a} {a}" for a, b in zip(words, words[1:]) if a == b and a.isalpha()}
    found |= {f"{a} {b} {a} {b}" for a, b, c, d in zip(words, words[1:], words[2:], words[3:])
              if a == c and b == d and a != b and a.isalpha() and b.isalpha()}
    return found


class RepeatedWord(Rule):
    code = "SPL001"
    name = "repeated-word"
    family = "SPL"
    severity = Severity.WARNING
    fixable = True
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
    summary = {
        "vi": "Không có từ hay cụm hai từ viết lặp liền nhau (“của của”, “hỗ trợ hỗ trợ”), kể cả khi xuống dòng "
              "giữa hai lần.",
        "en": "No word or two-word phrase written twice in a row (“của của”, “hỗ trợ hỗ trợ”), also across a "
              "line break.",
    }
    rationale = {
        "vi": "Từ lặp là lỗi soạn thảo thường gặp khi sửa đi sửa lại một câu. Không báo khi hai lần thuộc hai từ "
              "khác nhau (“hành vi vi phạm”, “cơ quan quan tâm”, “nhà giáo giáo dục”), khi có dấu câu ở giữa "
              "(“đào tạo, đào tạo lại”), với số, và với từ láy cố ý (“dần dần”, “người người”). Sửa tự động an "
              "toàn: xóa lần lặp thứ hai.",
        "en": "A doubled word is a common slip when a sentence is edited over and over. Not reported when the two "
              "belong to different words (“hành vi vi phạm”, “cơ quan quan tâm”, “nhà giáo giáo dục”), with "
              "punctuation between (“đào tạo, đào tạo lại”), for numbers, and for deliberate reduplication "
              "(“dần dần”, “người người”). The fix is safe: the second one is removed.",
    }
    bad = "Nâng cao chất lượng giáo dục dục nghề nghiệp cho cho học sinh.\n"
    good = "Nâng cao chất lượng giáo dục nghề nghiệp cho học sinh; xử lý các hành vi vi phạm.\n"

    def check(self, doc):
        candidates = _candidates(doc.text)
        if not candidates:
            return
        repeats = deliberate_repeats()
        for line in doc.lines:
            text = line.text
            low = text.lower()
            if not any(c in low for c in candidates):
                continue
            words = list(_WORD.finditer(text))
            keys = [fold(w.group()) for w in words]
            joined = [i + 1 < len(words) and bool(_GAP.fullmatch(text, words[i].end(), words[i + 1].start()))
                      for i in range(len(words))]
            for i in range(len(words) - 1):
                if not joined[i]:
                    continue
                if keys[i] == keys[i + 1]:
                    if f"{keys[i]} {keys[i]}" in repeats:
                        continue
                    if (i > 0 and joined[i - 1] and i + 2 < len(words) and joined[i + 1]
                            and is_compound(keys[i - 1], keys[i]) and is_compound(keys[i + 1], keys[i + 2])):
                        continue  # "hành vi vi phạm": two words meeting
                    yield self._found(line, words[i], words[i + 1], "word")
                elif (i + 3 < len(words) and joined[i + 1] and joined[i + 2]
                      and keys[i] == keys[i + 2] and keys[i + 1] == keys[i + 3]):
                    yield self._found(line, words[i], words[i + 3], "phrase", words[i + 1])

    def _found(self, line, first, last, variant, first_end=None):
        text = line.text
        end_of_first = (first_end or first).end()
        shown = text[first.start():end_of_first]
        fix = Fix((Edit(line.sub_span(end_of_first, last.end()), ""),))
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
        if legacy_encoding(doc) is not None:
            return  # UNI006 says the text is in an old encoding: its words are not typos
        text = doc.text
        invalid = {w: why for w in set(_WORD.findall(text)) if is_candidate(w) and (why := check(w))}
        if not invalid:
            return
        pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, invalid)) + r")(?![^\W\d_])")
        for m in pattern.finditer(text):
            word, why = m.group(), invalid[m.group()]
            span = Span(m.start(), m.end())
            fixed = retoned(word) if why == "tone-place" else None
            if fixed is not None:
                yield self.violation(span, "tone-place", fix=Fix((Edit(span, fixed),)), word=quote(word),
                                     fixed=quote(fixed))
            else:
                yield self.violation(span, word=quote(word), why=_WHY[why])
