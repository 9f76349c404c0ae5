"""Fuzzing: draft-shaped text with random mutations through every rule.

Properties: no exception; every finding's span lies inside the text and its line and column
agree with it; the output is the same on a second run; fixes settle (fixing the fixed text
changes nothing) and each fix's edits lie inside its finding's span.

The suite runs 2,000 examples of the first property and 666 of the second (fixing re-lints each
draft several times), about 90 s on two cores; DRAFTLINT_FUZZ_EXAMPLES sets the first count
(the second is a third of it) for a longer hunt: DRAFTLINT_FUZZ_EXAMPLES=30000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from draftlint.config import Config
from draftlint.lint.engine import Engine
from draftlint.lint.policy import Overrides
from draftlint.fix.fixes import apply_fixes, fix_until_stable
from draftlint.registry import all_rules
from draftlint.front.source import SourceText
from strategies import drafts

EXAMPLES = int(os.environ.get("DRAFTLINT_FUZZ_EXAMPLES", "2000"))
ENGINE = Engine(all_rules(), Overrides(select=("ALL",)))
CONFIG = Config()
_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=_CHECKS)
FUZZ_FIXES = settings(max_examples=max(1, EXAMPLES // 3), deadline=None, suppress_health_check=_CHECKS)


def _lint(text: str):
    return ENGINE.lint_text(text, "fuzz.txt", CONFIG).findings


@FUZZ
@given(drafts())
def test_no_exception_every_span_inside_the_text_and_the_same_twice(text):
    source = SourceText(text)
    findings = _lint(text)
    assert [(f.code, f.start, f.end, f.message) for f in findings] == \
        [(f.code, f.start, f.end, f.message) for f in _lint(text)]
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
        assert (f.line, f.column) == source.line_col(f.start), f.code
        assert (f.end_line, f.end_column) == source.line_col(f.end), f.code
        assert f.message and "{" not in f.message, (f.code, f.message)


@FUZZ_FIXES
@given(drafts())
def test_fixes_are_confined_to_their_findings_and_settle(text):
    findings = _lint(text)
    for f in findings:
        if f.fix is not None:
            for edit in f.fix.edits:
                assert f.start <= edit.start <= edit.end <= f.end, f.code
    fixed, _ = fix_until_stable(_lint, text, unsafe=True)
    assert apply_fixes(fixed, _lint(fixed), unsafe=True) == fixed
