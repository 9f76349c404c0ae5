"""ABB — acronyms: defined before use, defined once, and matching what they stand for."""

from __future__ import annotations

from draftlint.model import LineKind
from draftlint.extract.acronyms import acronyms, edit_distance_one, glossary, is_anagram
from draftlint.text.fold import fold, fold_same_length
from draftlint.rule import Edit, Fix, Rule, Severity, quote


def _known_codes(doc) -> set[str]:
    """Type and issuer codes of number-symbols (KH, QĐ, UBND, TW …): never acronyms to define."""
    words = doc.vocabulary
    if words is None:
        return set()
    return set(words.type_codes) | set(words.issuer_by_code)


def _typo_of(doc, use_key: str) -> str | None:
    """The acronym defined in the draft that an undefined one is probably a slip for: the same
    letters in another order (PAIP for PAPI), or one letter off (LĐBTXH for LĐTBXH)."""
    if len(use_key) < 3:
        return None
    found = acronyms(doc)
    counts = _use_counts(doc)
    for defined in found.defined():
        if is_anagram(use_key, defined) or (len(defined) >= 4 and edit_distance_one(use_key, defined)):
            # A slip is rare beside the form it slips from; a form used as often is the draft's own.
            if counts.get(use_key, 0) > _SLIP_AT_MOST and counts.get(use_key, 0) * 2 > counts.get(defined, 0):
                continue
            return defined
    return None


def _slip_of_frequent(doc, use_key: str) -> str | None:
    """The acronym the draft uses often (defined or not) that an unknown one is two neighbouring
    letters swapped from: BHTY once beside BHYT five times, TTCH beside TTHC. Only a swap of
    neighbours: a letter off (ISSN beside ISBN) or letters rotated (TMS beside MST) are as often
    two real acronyms."""
    counts = _use_counts(doc)
    if len(use_key) < 4 or counts.get(use_key, 0) > _SLIP_AT_MOST:
        return None
    for i in range(len(use_key) - 1):
        swapped = use_key[:i] + use_key[i + 1] + use_key[i] + use_key[i + 2:]
        if swapped != use_key and counts.get(swapped, 0) >= _OFTEN:
            return swapped
    return None


def _use_counts(doc) -> dict[str, int]:
    def count(d):
        counts: dict[str, int] = {}
        for use in acronyms(d).uses:
            counts[use.key] = counts.get(use.key, 0) + 1
        return counts
    return doc.derived("acronym-use-counts", count)


_SLIP_AT_MOST = 2  # uses of a variant that may still be a slip
_OFTEN = 3  # uses that make an acronym the draft's own


def _undefined_uses(doc):
    """Uses of acronyms the draft never defines, that are not common nor codes."""
    found = acronyms(doc)
    defined = found.defined()
    words = glossary(doc)
    codes = _known_codes(doc)
    for use in found.uses:
        entry = words.get(use.key)
        if use.key in defined or use.key in codes or (entry is not None and entry.common):
            continue
        yield use, entry


def _earlier_phrase(d, definitions, folded_phrases):
    """An earlier definition whose phrase (folded, in ``folded_phrases``) stands right before this one's brackets."""
    before = fold_same_length(d.line.text[: d.span.start - d.line.span.start].rstrip(" \t(").rstrip())
    for e, phrase in zip(definitions, folded_phrases):
        if e is d:
            return None
        if phrase is not None and before.endswith(phrase):
            return e
    return None


class AcronymMismatch(Rule):
    code = "ABB001"
    name = "acronym-mismatch"
    family = "ABB"
    severity = Severity.ERROR
    messages = {
        "glossary": {
            "vi": "{phrase} viết tắt là {expected}, không phải {abbr}{meaning}; sửa thành {expected}",
            "en": "{phrase} is abbreviated {expected}, not {abbr}{meaning}; write {expected}",
        },
        "document": {
            "vi": "{phrase} đã được viết tắt là {expected} ở dòng {line}; ở đây lại là {abbr}",
            "en": "{phrase} was abbreviated {expected} on line {line}; here it is {abbr}",
        },
        "typo": {
            "vi": "{abbr} chưa được định nghĩa; có lẽ là {expected} (định nghĩa ở dòng {line})",
            "en": "{abbr} is never defined; probably {expected} (defined on line {line})",
        },
        "swapped": {
            "vi": "{abbr} có lẽ là {expected} viết đảo chữ ({expected} được dùng {count} lần trong văn bản)",
            "en": "{abbr} is probably {expected} with two letters swapped ({expected} is used {count} times)",
        },
        "use": {
            "vi": "{abbr} ở đây cũng là chữ viết nhầm của {expected} ({phrase} bị viết tắt là {abbr} ở dòng {line}); "
                  "sửa thành {expected}",
            "en": "{abbr} here is the same slip for {expected} ({phrase} is abbreviated {abbr} on line {line}); "
                  "write {expected}",
        },
    }
    reports = ("an acronym that contradicts its expansion, in the draft or the glossary (`Chỉ số năng lực cạnh tranh "
               "cấp tỉnh (CPI)` where PCI is meant, and each later use of that CPI, so that fixing leaves none; `CPI` "
               "for `Chỉ số giá tiêu dùng` is right); an undefined acronym that is an anagram or one letter off one "
               "the draft defines (`PAIP` for `PAPI`), or used once or twice with two neighbouring letters swapped "
               "from one the draft uses three times or more (`BHTY` beside `BHYT`) (unsafe fix)")
    summary = {
        "vi": "Chữ viết tắt khớp với cụm từ đầy đủ của nó, theo chính văn bản và bảng chữ viết tắt thông dụng "
              "(“Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)”, không phải “(CPI)”); không dùng chữ viết tắt đảo "
              "chữ hay sai một chữ so với chữ đã định nghĩa (PAIP cho PAPI), hay đảo hai chữ liền nhau của chữ viết tắt "
              "văn bản dùng nhiều lần (BHTY bên cạnh BHYT).",
        "en": "An acronym matches its expansion, as the document and the glossary of common acronyms give it "
              "(“Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)”, not “(CPI)”); no acronym that is an anagram or one "
              "letter off one the document defines (PAIP for PAPI), or two neighbouring letters swapped in one the "
              "document uses often (BHTY beside BHYT).",
    }
    rationale = {
        "vi": "Viết nhầm chữ viết tắt làm người đọc hiểu sang chỉ số khác: CPI là Chỉ số giá tiêu dùng, PCI là "
              "Chỉ số năng lực cạnh tranh cấp tỉnh. Mỗi lần dùng lại chữ viết nhầm cũng được báo và sửa, để sửa xong "
              "không còn chữ nào sót. CPI dùng đúng nghĩa “Chỉ số giá tiêu dùng” không bị báo. "
              "Bảng chữ viết tắt là tệp dữ liệu trong gói; cơ quan thêm chữ của mình ở mục acronyms của cấu hình.",
        "en": "A mistyped acronym sends the reader to another index: CPI is the consumer price index, PCI the "
              "provincial competitiveness index. Each later use of the mistyped acronym is reported and fixed too, so "
              "that fixing leaves none behind. CPI used for “Chỉ số giá tiêu dùng” is not reported. The "
              "glossary is a data file in the package; an office adds its own under acronyms in the "
              "configuration.",
    }
    bad = "Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (CPI) của tỉnh.\n"
    good = "Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh; kiểm soát Chỉ số giá tiêu dùng (CPI).\n"
    fixable = True
    fix_safety = "unsafe"

    def check(self, doc):
        found = acronyms(doc)
        words = glossary(doc)
        seen_phrases: dict[str, object] = {}
        slips: dict[str, tuple[object, str, str]] = {}  # a mistyped definition's acronym → (it, its phrase, the right one)
        right: set[str] = set()  # acronyms some definition gives rightly
        folded_phrases = [None if d.phrase is None else fold(d.phrase) for d in found.definitions]
        for d in found.definitions:
            if d.glossary_key is not None and d.glossary_key != d.key and not (
                    d.phrase is not None and words.means(d.key, d.phrase)):
                entry = words.get(d.key)
                meaning = ""
                if entry is not None and entry.expansions:
                    meaning = {"vi": f" ({d.abbr} là “{entry.shown}”)", "en": f" ({d.abbr} stands for “{entry.shown}”)"}
                expected = words.get(d.glossary_key).abbr
                slips.setdefault(d.key, (d, d.phrase, expected))
                yield self.violation(d.span, "glossary", fix=Fix((Edit(d.span, expected),), safe=False),
                                     phrase=quote(d.phrase), expected=expected, abbr=d.abbr, meaning=meaning)
                continue
            if d.phrase is None:
                earlier = _earlier_phrase(d, found.definitions, folded_phrases)
            else:
                earlier = seen_phrases.setdefault(fold(d.phrase), d)
            if earlier is not None and earlier is not d and earlier.key != d.key:
                slips.setdefault(d.key, (d, earlier.phrase, earlier.abbr))
                yield self.violation(d.span, "document", fix=Fix((Edit(d.span, earlier.abbr),), safe=False),
                                     phrase=quote(earlier.phrase), expected=earlier.abbr, abbr=d.abbr,
                                     line=earlier.line.first_line)
            else:
                right.add(d.key)
        # The slip's other uses mean what its definition meant: each is renamed too, so that fixing
        # leaves none (unless the draft also defines the slip rightly, for its own meaning).
        for use in found.uses:
            if use.key in slips and use.key not in right:
                d, phrase, expected = slips[use.key]
                yield self.violation(use.span, "use", fix=Fix((Edit(use.span, expected),), safe=False), abbr=use.abbr,
                                     expected=expected, phrase=quote(phrase), line=d.line.first_line)
        defined = found.defined()
        for use, entry in _undefined_uses(doc):
            if entry is not None:
                continue  # a known acronym, only undefined: ABB002's
            target = _typo_of(doc, use.key)
            if target is not None:
                first = defined[target]
                yield self.violation(use.span, "typo", fix=Fix((Edit(use.span, first.abbr),), safe=False),
                                     abbr=use.abbr, expected=first.abbr, line=first.line.first_line)
                continue
            frequent = _slip_of_frequent(doc, use.key)
            if frequent is not None:
                shown = next(u.abbr for u in acronyms(doc).uses if u.key == frequent)
                yield self.violation(use.span, "swapped", fix=Fix((Edit(use.span, shown),), safe=False),
                                     abbr=use.abbr, expected=shown, count=_use_counts(doc)[frequent])


class AcronymUndefined(Rule):
    code = "ABB002"
    name = "acronym-undefined"
    family = "ABB"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "default": {
            "vi": "Chữ viết tắt {abbr} chưa được giải thích: lần dùng đầu tiên viết “cụm từ đầy đủ ({abbr})”",
            "en": "The acronym {abbr} is never explained: write “full phrase ({abbr})” at its first use",
        },
        "known": {
            "vi": "Chữ viết tắt {abbr} chưa được giải thích: lần dùng đầu tiên viết “{phrase} ({abbr})”",
            "en": "The acronym {abbr} is never explained: write “{phrase} ({abbr})” at its first use",
        },
    }
    reports = ("an acronym never introduced as `Full phrase (ABBR)`, other than common ones (UBND, HĐND, BHXH, GDP, "
               "ODA, USD …) and number-symbol codes; once per acronym")
    summary = {
        "vi": "Chữ viết tắt (trừ loại thông dụng như UBND, HĐND, BHXH và mã trong số, ký hiệu) được giải thích "
              "một lần dạng “cụm từ đầy đủ (CHỮ VIẾT TẮT)” trước khi dùng.",
        "en": "An acronym (other than common ones such as UBND, HĐND, BHXH, and the codes of number-symbols) is "
              "introduced once as “full phrase (ACRONYM)” before it is used.",
    }
    rationale = {
        "vi": "Người đọc văn bản không phải ai cũng biết GDNN, ATLĐ hay PAPI là gì. Báo một lần cho mỗi chữ, ở "
              "lần dùng đầu tiên; chữ có trong bảng thông dụng thì kèm gợi ý cụm từ đầy đủ.",
        "en": "Not every reader knows what GDNN, ATLĐ or PAPI stand for. Reported once per acronym, at its first "
              "use; for one in the glossary the message offers its expansion.",
    }
    bad = "Đẩy mạnh hoạt động GDNN trên địa bàn tỉnh.\n"
    good = "Đẩy mạnh hoạt động giáo dục nghề nghiệp (GDNN) trên địa bàn tỉnh; phát triển GDNN gắn với việc làm.\n"

    def check(self, doc):
        reported: set[str] = set()
        for use, entry in _undefined_uses(doc):
            if use.key in reported:
                continue
            reported.add(use.key)
            if entry is None:
                if _typo_of(doc, use.key) is not None or _slip_of_frequent(doc, use.key) is not None:
                    continue  # ABB001 says what it probably is
                yield self.violation(use.span, abbr=use.abbr)
            else:
                yield self.violation(use.span, "known", abbr=use.abbr, phrase=entry.shown)


_BEFORE_THE_TEXT = frozenset({LineKind.SUBJECT, LineKind.SUMMARY, LineKind.TITLE, LineKind.KINHGUI,
                              LineKind.ADDRESSEE})


class AcronymRedefined(Rule):
    code = "ABB003"
    name = "acronym-redefined"
    family = "ABB"
    severity = Severity.WARNING
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "twice": {
            "vi": "{abbr} đã được định nghĩa là {first} ở dòng {line}; ở đây lại là {phrase}",
            "en": "{abbr} was defined as {first} on line {line}; here it is {phrase}",
        },
        "late": {
            "vi": "{abbr} được dùng trước khi định nghĩa (định nghĩa ở dòng {line})",
            "en": "{abbr} is used before it is defined (defined on line {line})",
        },
    }
    reports = "one acronym defined with two meanings, or used before its definition"
    summary = {
        "vi": "Mỗi chữ viết tắt được định nghĩa một lần, với một nghĩa, trước lần dùng đầu tiên.",
        "en": "Each acronym is defined once, with one meaning, before its first use.",
    }
    rationale = {
        "vi": "Một chữ viết tắt hai nghĩa làm văn bản mơ hồ; định nghĩa sau khi đã dùng thì lần dùng đầu không "
              "có gì giải thích. Hai cách viết của cùng một cụm từ trong bảng chữ viết tắt (“Chỉ số năng lực cạnh "
              "tranh” và “… cấp tỉnh”) không bị coi là hai nghĩa.",
        "en": "An acronym with two meanings makes the text ambiguous; one defined after its first use leaves that "
              "use unexplained. Two spellings of one glossary expansion (“Chỉ số năng lực cạnh tranh” and “… cấp "
              "tỉnh”) are not two meanings.",
    }
    bad = "Đẩy mạnh hoạt động GDNN.\nNâng cao chất lượng giáo dục nghề nghiệp (GDNN).\n"
    good = "Nâng cao chất lượng giáo dục nghề nghiệp (GDNN); đẩy mạnh hoạt động GDNN.\n"

    def check(self, doc):
        found = acronyms(doc)
        words = glossary(doc)
        first: dict[str, object] = {}
        for d in found.definitions:
            earlier = first.setdefault(d.key, d)
            if earlier is d or d.phrase is None or earlier.phrase is None:
                continue
            if fold(d.phrase) == fold(earlier.phrase) or (words.means(d.key, d.phrase)
                                                         and words.means(d.key, earlier.phrase)):
                continue
            yield self.violation(d.span, "twice", abbr=d.abbr, first=quote(earlier.phrase), phrase=quote(d.phrase),
                                 line=earlier.line.first_line)
        defined = found.defined()
        reported: set[str] = set()
        for use in found.uses:
            definition = defined.get(use.key)
            if definition is None or use.key in reported or use.span.start >= definition.span.start:
                continue
            if use.line.kind in _BEFORE_THE_TEXT:
                continue  # the subject line ("V/v … VLNCN") names what the text then introduces
            entry = words.get(use.key)
            if entry is not None and entry.common:
                continue
            reported.add(use.key)
            yield self.violation(use.span, "late", abbr=use.abbr, line=definition.line.first_line)
