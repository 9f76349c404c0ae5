"""SPL — spelling: words written twice in a row, known misspellings, syllables Vietnamese cannot
have, official names written wrongly, pairs seen once next to a word used often. What each finds is
``draftlint.extract.spelling``'s."""

from __future__ import annotations

from draftlint.model import Span
from draftlint.rule import Edit, Fix, Option, Rule, Severity, quote
from draftlint.text.syllables import retoned
from draftlint.extract.spelling import (invalid_syllables, likely_slips, misspellings, official_name_slips,
                                        repeats, title_or_layout, tone_slips_in)


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
        for repeat in repeats(doc):
            if repeat.kind == "word" and title_or_layout(repeat.line):
                continue  # "KT. TRƯỞNG BAN BAN CHÍNH SÁCH": a title, then the unit's name
            yield self.violation(repeat.span, repeat.kind, fix=Fix((Edit(repeat.second, ""),), repeat.certain),
                                 word=quote(repeat.shown))


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
        for span, word, why in invalid_syllables(doc):
            fixed = retoned(word) if why == "tone-place" else None
            if fixed is not None:
                yield self.violation(span, "tone-place", fix=Fix((Edit(span, fixed),)), word=quote(word),
                                     fixed=quote(fixed))
            else:
                yield self.violation(span, word=quote(word), why=_WHY[why])


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
        for span, written, name in official_name_slips(doc):
            yield self.violation(span, fix=Fix((Edit(span, name),)), text=quote(written), expected=quote(name))


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
        taken = [span for span, *_ in misspellings(doc)]  # SPL002 says what those are
        for span, written, expected in tone_slips_in(doc):
            if not _overlaps(span, taken):
                taken.append(span)
                yield self.violation(span, "tone", text=quote(written), expected=quote(expected))
        for slip in likely_slips(doc):
            if _overlaps(slip.span, taken):
                continue
            taken.append(slip.span)
            if slip.uses is not None:
                yield self.violation(slip.span, text=quote(slip.written), expected=quote(slip.expected),
                                     count=slip.uses)
            else:
                yield self.violation(slip.span, "lexicon", text=quote(slip.written), expected=quote(slip.expected))


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(t.start < span.end and span.start < t.end for t in taken)
