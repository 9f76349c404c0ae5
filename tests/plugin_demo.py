"""A third-party rule, loaded by test_registry.py through a fake entry point."""

from draftlint.rule import Rule, Severity


class NoDraftWord(Rule):
    code = "XYZ001"
    name = "no-draft-word"
    family = "XYZ"
    severity = Severity.WARNING
    messages = {"default": {"vi": "Còn chữ “DỰ THẢO”", "en": "The word “DỰ THẢO” is left in"}}
    summary = {"vi": "Không để chữ DỰ THẢO.", "en": "No DỰ THẢO left."}
    rationale = {"vi": "Văn bản ban hành không còn chữ DỰ THẢO.", "en": "An issued document has no DỰ THẢO."}
    bad = "DỰ THẢO\n"
    good = "KẾ HOẠCH\n"

    def check(self, doc):
        for line in doc.lines:
            at = line.text.find("DỰ THẢO")
            if at >= 0:
                yield self.violation(line.sub_span(at, at + 7))
