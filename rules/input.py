"""INP — input: files that cannot be read, and lines the structure grammar cannot place."""

from __future__ import annotations

from draftlint.model import LineKind
from draftlint.rule import Rule, Severity, quote


class UnreadableInput(Rule):
    """Reported by the engine itself when reading fails; there is no document to check."""

    code = "INP001"
    name = "unreadable-input"
    family = "INP"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Không đọc được tệp: {reason}",
            "en": "Cannot read the file: {reason}",
        },
    }
    reports = "the file could not be read or decoded (missing, binary, not UTF-8)"
    summary = {
        "vi": "Tệp không đọc được hoặc không giải mã được (tệp nhị phân, không phải UTF-8, không tồn tại).",
        "en": "The file could not be read or decoded (binary, not UTF-8, missing).",
    }
    rationale = {
        "vi": "draftlint đọc văn bản UTF-8 (.txt, .md; có hoặc không có BOM) và UTF-16 có BOM. Tệp lưu bằng mã "
              "cũ (TCVN3, VNI) hoặc tệp nhị phân không thể kiểm tra; lỗi này làm lệnh kết thúc với mã 2 sau khi "
              "đã kiểm tra các tệp còn lại.",
        "en": "draftlint reads UTF-8 text (.txt, .md; with or without a BOM) and UTF-16 with a BOM. A file in an "
              "old encoding (TCVN3, VNI) or a binary file cannot be checked; the run ends with exit code 2 after "
              "linting the other files.",
    }
    bad = "(một tệp .txt lưu bằng mã Windows-1258 hoặc TCVN3)"
    good = "(cùng tệp đó, lưu lại với mã UTF-8)"

    def check(self, doc):
        return ()


class UnparsedLines(Rule):
    code = "INP002"
    name = "unparsed-lines"
    family = "INP"
    severity = Severity.INFO
    messages = {
        "default": {
            "vi": "Không xếp được dòng này vào bố cục văn bản (được coi là đoạn văn thường): {text}",
            "en": "This line does not fit the document's outline (read as a plain paragraph): {text}",
        },
        "heading": {
            "vi": "Đề mục {text} không khớp cấp với các đề mục xung quanh nên không được xếp vào bố cục; "
                  "kiểm tra lại cấp đánh số",
            "en": "The heading {text} does not fit the levels around it, so it was left out of the outline; "
                  "check its numbering level",
        },
    }
    reports = "a line the structure grammar could not place, such as a heading at a level that does not fit"
    summary = {
        "vi": "Những dòng mà bộ phân tích bố cục không xếp được vào đâu.",
        "en": "Lines the structure grammar could not place.",
    }
    rationale = {
        "vi": "Các quy tắc về đánh số và nhiệm vụ dựa vào bố cục (phần I, II; mục 1, 2; 1.1; a, b). Một đề mục "
              "nằm sai cấp, chẳng hạn mục 2. đứng sau mục 1.1. ngay dưới phần La Mã, không xếp được và các mục "
              "con của nó không được kiểm tra đúng.",
        "en": "The numbering and task rules rely on the outline (parts I, II; items 1, 2; 1.1; a, b). A heading at "
              "the wrong level, such as 2. right after 1.1. directly under a Roman part, cannot be placed, and its "
              "items are not checked as they should be.",
    }
    bad = "I. NHIỆM VỤ\n1.1. Tuyên truyền\n2. Kiểm tra\n"
    good = "I. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tại cơ quan\n2. Kiểm tra\n"

    def check(self, doc):
        for item in doc.unparsed:
            variant = "heading" if item.expected_kind in LineKind.HEADINGS else "default"
            yield self.violation(item.line.span, variant, text=quote(item.line.text))


class UnusedSuppression(Rule):
    """Reported by the engine, which applies the suppressions after every rule has run."""

    code = "INP003"
    name = "unused-suppression"
    family = "INP"
    severity = Severity.INFO
    messages = {
        "default": {
            "vi": "Chú thích tắt kiểm tra {codes} không tắt vấn đề nào; hãy xóa",
            "en": "The suppression of {codes} silences nothing; remove it",
        },
    }
    reports = "a `<!-- draftlint: disable … -->` comment that silences nothing"
    summary = {
        "vi": "Chú thích “<!-- draftlint: disable … -->” (hay nhận xét Word “draftlint: disable …”) nào cũng tắt ít nhất một vấn đề.",
        "en": "Every “<!-- draftlint: disable … -->” comment (or Word comment “draftlint: disable …”) silences at least one finding.",
    }
    rationale = {
        "vi": "Chú thích tắt kiểm tra còn lại sau khi vấn đề đã được sửa sẽ che mất vấn đề mới ở cùng chỗ. Như ruff báo "
              "noqa thừa, draftlint báo chú thích không còn tác dụng.",
        "en": "A suppression left behind after the problem was fixed hides the next one at that spot. As ruff "
              "reports unused noqa comments, draftlint reports suppressions that no longer do anything.",
    }
    bad = "<!-- draftlint: disable-next-line INP003 -->\nTăng cường công tác tuyên truyền.\n"
    good = "Tăng cường công tác tuyên truyền.\n"

    def check(self, doc):
        return ()
