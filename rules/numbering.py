"""NUM — section numbering: sequential at every level (I, II; 1, 2; 1.1, 1.2; a, b), markers of the
right form, Roman-numeral headings as the decree writes them, Word's automatic numbering not mixed
with numbers typed by hand. The counting itself (which siblings count together, and how) is
``draftlint.extract.numbering``'s."""

from __future__ import annotations

from draftlint.startup import regex
from draftlint.text.numerals import VIETNAMESE_LETTERS, roman_value, to_roman
from draftlint.extract.numbering import label_for, misplaced, own_problems, sibling_lists
from draftlint.rule import Rule, Severity, quote

# "(…)" to its first ")"; an unclosed "(" runs to the end and is kept as it is (the rest has no ")"
# for a later "(" to close), so each "(" is read once.
_PARENTHESISED = regex.compile(r"\([^)]*+(?:\)|\Z)")


class NumberingGap(Rule):
    code = "NUM001"
    name = "numbering-gap"
    family = "NUM"
    severity = Severity.ERROR
    messages = {
        "gap": {
            "vi": "Đánh số nhảy cóc: mục {text} đứng sau mục {previous}, thiếu mục {missing}",
            "en": "Numbering skips: item {text} follows item {previous}, so {missing} is missing",
        },
        "order": {
            "vi": "Đánh số sai thứ tự: mục {text} đứng sau mục {previous}, lẽ ra là {expected}",
            "en": "Numbering out of order: item {text} follows item {previous}; expected {expected}",
        },
    }
    reports = "siblings skip a number (`6.1.` then `6.5.`; `II.` then `IV.`; `d)` then `e)` skips `đ)`), or go back"
    summary = {
        "vi": "Các mục cùng cấp phải được đánh số liên tiếp, không bỏ số.",
        "en": "Sibling sections are numbered consecutively, without skipping a number.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6.đ) yêu cầu chia phần, mục “từ lớn đến nhỏ theo một "
              "trình tự nhất định”. Số bị nhảy (6.1 rồi 6.5; II rồi IV; a rồi c) thường là dấu vết của một đoạn "
              "bị xóa hoặc chép từ văn bản khác, và khiến việc dẫn chiếu “mục 6.2” trở nên vô nghĩa.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.6.đ) divides a document into parts and items \"from large to "
              "small in a set order\". A skipped number (6.1 then 6.5; II then IV; a then c) usually marks a "
              "deleted or pasted passage, and makes references such as \"item 6.2\" meaningless.",
    }
    bad = "I. MỤC ĐÍCH\n1. Mục đích chung\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tại cơ quan\n1.3. Tại cơ sở\n"
    good = "I. MỤC ĐÍCH\n1. Mục đích chung\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tại cơ quan\n1.2. Tại cơ sở\n"

    def check(self, doc):
        for problem, item, details in own_problems(doc):
            if problem in ("gap", "order"):
                expected = label_for(item, details["expected"])
                previous = label_for(item, details["previous"])
                args = {"text": quote(item.heading.text), "previous": previous, "expected": expected}
                if problem == "gap":
                    last_missing = label_for(item, item.marker.value - 1)
                    args["missing"] = expected if last_missing == expected else f"{expected}–{last_missing}"
                yield self.violation(item.marker.span, problem, **args)


class NumberingDuplicate(Rule):
    code = "NUM002"
    name = "numbering-duplicate"
    family = "NUM"
    severity = Severity.WARNING  # an error needs 95 % on real drafts; measured below (benchmarks/precision.py)
    messages = {
        "default": {
            "vi": "Trùng số mục: {text} lặp lại số {label} đã dùng ở dòng {first_line}",
            "en": "Duplicate item number: {text} repeats {label}, already used on line {first_line}",
        },
    }
    reports = "the same number twice among siblings (`1.` … `1.`)"
    summary = {
        "vi": "Hai mục cùng cấp không được mang cùng một số.",
        "en": "Two sibling sections never carry the same number.",
    }
    rationale = {
        "vi": "Hai mục “1.” liền nhau làm người đọc không biết chỉ đạo nào là mục 1 và làm lệch toàn bộ số thứ tự "
              "phía sau; đây là lỗi thường gặp khi ghép nội dung từ nhiều dự thảo.",
        "en": "Two items numbered \"1.\" leave the reader unsure which one is item 1 and shift every number that "
              "follows; it is a common trace of merging text from several drafts.",
    }
    bad = "I. NHIỆM VỤ\n1. Tuyên truyền\n1. Kiểm tra\n2. Báo cáo\n"
    good = "I. NHIỆM VỤ\n1. Tuyên truyền\n2. Kiểm tra\n3. Báo cáo\n"

    def check(self, doc):
        for problem, item, details in own_problems(doc):
            if problem == "duplicate":
                yield self.violation(
                    item.marker.span,
                    text=quote(item.heading.text),
                    label=item.marker.number,
                    first_line=details["first_line"],
                )


class NumberingParentMismatch(Rule):
    code = "NUM003"
    name = "numbering-parent-mismatch"
    family = "NUM"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Mục {text} không thuộc mục cha {parent}: số của nó phải bắt đầu bằng {prefix}",
            "en": "Item {text} does not belong to its parent {parent}: its number should start with {prefix}",
        },
    }
    reports = "a dotted number that does not belong to its parent (`3.1.` under `2.`)"
    summary = {
        "vi": "Số ghép (1.1., 2.3.1.) phải bắt đầu bằng số của mục cha.",
        "en": "A dotted number (1.1., 2.3.1.) starts with its parent's number.",
    }
    rationale = {
        "vi": "Mục 3.1. nằm dưới mục 2. là dấu hiệu sao chép hoặc chèn sai chỗ; người đọc không biết nội dung "
              "thuộc nhiệm vụ nào.",
        "en": "Item 3.1. under item 2. shows a passage pasted or moved to the wrong place; the reader cannot tell "
              "which task it belongs to.",
    }
    bad = "I. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tại cơ quan\n2. Kiểm tra\n3.1. Kiểm tra định kỳ\n3.2. Kiểm tra đột xuất\n"
    good = "I. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tại cơ quan\n2. Kiểm tra\n2.1. Kiểm tra định kỳ\n2.2. Kiểm tra đột xuất\n"

    def check(self, doc):
        reported: set[tuple[int, tuple[int, ...]]] = set()
        for child, parent in misplaced(doc).values():
            key = (id(parent), child.marker.parts[:-1])
            if key in reported:
                continue  # 3.1. and 3.2. under 2.: one report
            reported.add(key)
            yield self.violation(
                child.marker.span,
                text=quote(child.heading.text),
                parent=parent.marker.number,
                prefix=".".join(str(p) for p in parent.marker.parts) + ".",
            )


class NumberingStart(Rule):
    code = "NUM004"
    name = "numbering-start"
    family = "NUM"
    severity = Severity.WARNING
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    off_reason = {"vi": "Tắt mặc định: trên văn bản ngoài bộ phát triển, phần lớn vấn đề báo ra rơi vào đoạn trích luật hay bảng (1 trên 5 đúng).",
                  "en": "Off by default: on documents outside the development corpus most findings fell in quoted laws or tables (1 of 5 right)."}
    messages = {
        "default": {
            "vi": "Mục đầu tiên của cấp này nên là {expected}, không phải {text}",
            "en": "The first item at this level should be {expected}, not {text}",
        },
    }
    reports = "the first item of a level does not start at I, 1, 1.1 or a"
    summary = {
        "vi": "Mục đầu tiên của mỗi cấp bắt đầu từ I, 1, 1.1 hoặc a.",
        "en": "The first item of each level starts at I, 1, 1.1 or a.",
    }
    rationale = {
        "vi": "Một cấp bắt đầu từ 2 hay b cho thấy mục đầu đã bị xóa hoặc nằm nhầm chỗ. Khi văn bản đánh số "
              "liên tục qua các phần La Mã (phần II kết thúc ở 4, phần III bắt đầu từ 5), quy tắc chấp nhận cách "
              "đánh số đó.",
        "en": "A level that starts at 2 or b shows its first item was deleted or misplaced. When a document numbers "
              "its items on across Roman parts (II ends at 4, III starts at 5), the rule accepts that.",
    }
    bad = "I. NHIỆM VỤ\n2. Tuyên truyền\n3. Kiểm tra\n"
    good = "I. NHIỆM VỤ\n1. Tuyên truyền\n2. Kiểm tra\n"

    def check(self, doc):
        for problem, item, details in own_problems(doc):
            if problem == "start":
                yield self.violation(
                    item.marker.span,
                    text=quote(item.heading.text),
                    expected=label_for(item, details["expected"]),
                )


class NumberingMarker(Rule):
    code = "NUM005"
    name = "numbering-marker"
    family = "NUM"
    severity = Severity.WARNING
    messages = {
        "roman": {
            "vi": "Số La Mã viết sai: {marker} trong {text}; viết đúng là {fixed}",
            "en": "Malformed Roman numeral: {marker} in {text}; write {fixed}",
        },
        "letter-separator": {
            "vi": "Điểm đánh bằng chữ cái phải có dấu ngoặc đơn: {marker} trong {text}; viết {fixed}",
            "en": "A lettered point takes a closing parenthesis: {marker} in {text}; write {fixed}",
        },
        "letter-outside": {
            "vi": "Chữ {marker} không thuộc thứ tự chữ cái tiếng Việt dùng để đánh điểm (a, b, c, d, đ, e, g, h…; "
                  "không có f, j, w, z): {text}",
            "en": "The letter {marker} is not in the Vietnamese sequence for points (a, b, c, d, đ, e, g, h…; "
                  "no f, j, w, z): {text}",
        },
        "letter-separator-more": {
            "vi": "Điểm đánh bằng chữ cái phải có dấu ngoặc đơn: {marker} trong {text} và {more} điểm tiếp theo; "
                  "viết {fixed}",
            "en": "Lettered points take a closing parenthesis: {marker} in {text} and the {more} points after it; "
                  "write {fixed}",
        },
        "arabic-separator-more": {
            "vi": "Khoản đánh bằng số Ả Rập viết với dấu chấm: {marker} trong {text} và {more} khoản tiếp theo; "
                  "viết {fixed}",
            "en": "Numbered items are written with a full stop: {marker} in {text} and the {more} items after it; "
                  "write {fixed}",
        },
        "arabic-separator": {
            "vi": "Khoản đánh bằng số Ả Rập viết với dấu chấm: {marker} trong {text}; viết {fixed}",
            "en": "A numbered item takes a full stop: {marker} in {text}; write {fixed}",
        },
    }
    reports = ("a malformed marker: `IIII.`, `a.` for `a)`, `1)` for `1.`, letters outside a b c d đ e g h i k l m n "
               "… (no f j w z)")
    summary = {
        "vi": "Ký hiệu đánh số đúng dạng: I. II.; 1. 2.; a) b) theo thứ tự chữ cái tiếng Việt.",
        "en": "Markers have the right form: I. II.; 1. 2.; a) b) in Vietnamese letter order.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6.đ): khoản đánh số Ả Rập và dấu chấm (1.), điểm đánh "
              "bằng chữ cái tiếng Việt theo thứ tự a, b, c, d, đ, e, g… và dấu ngoặc đơn (a)). Số La Mã phải "
              "viết đúng (IV chứ không IIII).",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, II.6.đ): an item is an Arabic numeral with a full stop (1.); a "
              "point is a Vietnamese letter in the order a, b, c, d, đ, e, g… with a closing parenthesis (a)). "
              "Roman numerals are written correctly (IV, not IIII).",
    }
    bad = "I. NHIỆM VỤ\n1. Tuyên truyền\na. Tại cơ quan\nb. Tại cơ sở\n"
    good = "I. NHIỆM VỤ\n1. Tuyên truyền\na) Tại cơ quan\nb) Tại cơ sở\n"

    def check(self, doc):
        for siblings in sibling_lists(doc):
            # A list written in one wrong style ("a." "b." "c.") is one habit: one finding, at its first item.
            styled: dict[str, list] = {}
            for section in siblings:
                marker = section.marker
                text = quote(section.heading.text)
                if marker.style == "roman":
                    canonical = to_roman(roman_value(marker.number))
                    if canonical != marker.number:
                        yield self.violation(marker.span, "roman", marker=marker.number, text=text,
                                             fixed=canonical + (marker.separator or "."))
                elif marker.style == "letter":
                    if marker.number not in VIETNAMESE_LETTERS:
                        yield self.violation(marker.span, "letter-outside", marker=marker.number, text=text)
                    elif marker.separator != ")":
                        styled.setdefault("letter-separator", []).append(section)
                elif marker.style == "arabic" and marker.separator in (")", "/"):
                    styled.setdefault("arabic-separator", []).append(section)
            for variant, sections in styled.items():
                first = sections[0]
                marker = first.marker
                fixed = marker.number + (")" if variant == "letter-separator" else ".")
                if len(sections) > 1:
                    variant += "-more"
                yield self.violation(marker.span, variant, marker=marker.raw, text=quote(first.heading.text),
                                     fixed=fixed, more=len(sections) - 1)


class HeadingStyle(Rule):
    code = "NUM006"
    name = "heading-style"
    family = "NUM"
    severity = Severity.INFO
    default_enabled = False  # below 90 % on real drafts (benchmarks/precision.py): select it to use it
    messages = {
        "caps": {
            "vi": "Đề mục La Mã nên viết in hoa: {text}",
            "en": "A Roman-numeral heading is written in capitals: {text}",
        },
        "separator": {
            "vi": "Đề mục La Mã trong văn bản {kind} viết {expected}: {text}",
            "en": "A Roman-numeral heading in a {kind} document is written {expected}: {text}",
        },
        "space": {
            "vi": "Thiếu dấu cách sau số La Mã: {text}",
            "en": "Missing space after the Roman numeral: {text}",
        },
    }
    reports = "a Roman-numeral heading not in capitals, not written `I. ` (state) or `I- ` (Party), or with no space"
    summary = {
        "vi": "Đề mục cấp La Mã viết dạng “I. TÊN MỤC” in hoa (văn bản của Đảng: “I- ”).",
        "en": "A Roman-numeral heading is written \"I. HEADING\" in capitals (Party documents: \"I- \").",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục I, mục V): mục đánh số La Mã, dấu chấm và tên mục in hoa. "
              "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW) dùng dấu gạch ngang: “I- ”.",
        "en": "Decree 30/2020/NĐ-CP (Appendix I, V): a part is a Roman numeral, a full stop and a heading in "
              "capitals. Party documents (Guide 36-HD/VPTW) use a hyphen: \"I- \".",
    }
    bad = "I. Mục đích, yêu cầu\nII. NHIỆM VỤ\n"
    good = "I. MỤC ĐÍCH, YÊU CẦU\nII. NHIỆM VỤ\n"

    def check(self, doc):
        expected_sep = "-" if doc.is_party else "."
        for section in (s for _, top in doc.top_level_groups() for s in top):
            marker = section.marker
            if marker.style != "roman":
                continue
            text = quote(section.heading.text)
            title = section.title
            bare = _PARENTHESISED.sub(lambda m: "" if m.group().endswith(")") else m.group(), title)
            if any(c.isalpha() for c in bare) and any(c.islower() for c in bare):
                yield self.violation(section.heading.span, "caps", text=text)
            if marker.separator != expected_sep:
                yield self.violation(
                    marker.span,
                    "separator",
                    text=text,
                    kind={"vi": "của Đảng", "en": "Party"} if doc.is_party else {"vi": "nhà nước", "en": "state"},
                    expected=f"“{marker.number}{expected_sep} ”",
                )
            elif not marker.spaced and title:
                yield self.violation(marker.span, "space", text=text)


class NumberingMixed(Rule):
    code = "NUM007"
    name = "numbering-mixed"
    family = "NUM"
    severity = Severity.WARNING
    messages = {
        "default": {
            "vi": "Mục {text} đánh số bằng tay giữa các mục Word đánh số tự động; Word sẽ không tính mục này khi "
                  "đánh lại số",
            "en": "The item {text} is numbered by hand among items Word numbers automatically; Word will not count "
                  "it when it renumbers",
        },
    }
    reports = "in a Word file, an item numbered by hand among siblings Word numbers automatically"
    summary = {
        "vi": "Trong tệp Word, các mục cùng cấp đều đánh số tự động hoặc đều đánh số bằng tay, không trộn lẫn.",
        "en": "In a Word file, sibling items are all numbered automatically or all by hand, not mixed.",
    }
    rationale = {
        "vi": "Một mục gõ số bằng tay giữa danh sách đánh số tự động trông đúng lúc soạn, nhưng khi thêm hay bớt một "
              "mục, Word đánh lại số các mục tự động mà bỏ qua mục này, nên thứ tự sai mà không ai thấy. Chỉ áp "
              "dụng cho tệp .docx.",
        "en": "An item numbered by hand inside an automatic list looks right when written, but when an item is "
              "added or removed Word renumbers the automatic ones and skips it, so the order breaks unseen. "
              "Applies to .docx files only.",
    }
    bad = "I. NHIỆM VỤ\n1. Rà soát hồ sơ\n2. Số hóa hồ sơ\n"
    good = "I. NHIỆM VỤ\n1. Rà soát hồ sơ\n2. Số hóa hồ sơ\n"
    # The lines Word numbered automatically in the two examples (as read from a .docx).
    example_numbered = {"bad": frozenset({1, 2}), "good": frozenset({1, 2, 3})}

    def check(self, doc):
        auto = doc.auto_numbered
        if not auto:
            return
        for siblings in sibling_lists(doc):
            numbered = [s.heading.first_line in auto for s in siblings]
            if any(numbered) and not all(numbered):
                for section, is_auto in zip(siblings, numbered):
                    if not is_auto:
                        yield self.violation(section.heading.span, text=quote(section.heading.text))
