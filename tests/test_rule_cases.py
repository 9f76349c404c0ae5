"""Every rule's failing and passing cases, written as data in tests/rules/*.toml.

Each ``[[case]]`` lints ``text`` with only ``rule`` selected and holds:

- ``rule``, ``name``: the rule's code, and what the case shows;
- ``text``: the draft (TOML escapes such as ``\\u00a0`` write invisible characters);
- ``options``, ``lang``, ``auto_numbered`` (optional): the rule's options as a configuration's
  per-rule table gives them, the language of the messages ("vi" unless told), and the lines a
  Word draft's automatic numbering wrote;
- ``expect``: exactly the findings, in order: ``line`` and ``column`` where each starts (1-based,
  columns in code points), optionally ``end_column`` where it ends (the column after its last
  character) with ``end_line`` when that is not ``line``, and ``message``, a part of its message;
- ``fixed`` (optional): the text after the safe fixes are applied, re-linted and applied again
  until nothing changes, as ``draftlint check --fix`` writes it; without it, the safe fixes must
  leave the text as it is;
- ``fixed_unsafe`` (optional): the same with ``--unsafe-fixes``; without it, the same as ``fixed``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import lint
from draftlint.fix.fixes import apply_fixes, fix_until_stable
from draftlint.registry import all_rules

CASE_DIR = Path(__file__).parent / "rules"
CASE_KEYS = {"rule", "name", "text", "expect", "options", "lang", "auto_numbered", "fixed", "fixed_unsafe"}
EXPECT_KEYS = {"line", "column", "end_line", "end_column", "message"}


def _cases():
    for file in sorted(CASE_DIR.glob("*.toml")):
        with open(file, "rb") as handle:
            for case in tomllib.load(handle)["case"]:
                yield pytest.param(case, id=f"{file.stem}:{case['rule']}:{case['name']}")


def _where(expected: dict) -> tuple:
    if "end_column" not in expected:
        assert "end_line" not in expected, "end_line is given with end_column"
        return expected["line"], expected["column"]
    return expected["line"], expected["column"], expected.get("end_line", expected["line"]), expected["end_column"]


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case):
    assert set(case) <= CASE_KEYS and all(set(e) <= EXPECT_KEYS for e in case["expect"]), "unknown key"
    options = case.get("options")
    found = {}

    def run(text):
        if text not in found:
            found[text] = lint(text, select=[case["rule"]], lang=case.get("lang", "vi"),
                               rules={case["rule"]: options} if options else None,
                               auto_numbered=frozenset(case.get("auto_numbered", ())))
        return found[text]

    findings = run(case["text"])
    want = [_where(e) for e in case["expect"]]
    got = [(f.line, f.column, f.end_line, f.end_column) for f in findings]
    got = [g[:len(w)] for g, w in zip(got, want)] + got[len(want):]
    assert got == want, [f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.code} {f.message}" for f in findings]
    for finding, expected in zip(findings, case["expect"]):
        assert finding.code == case["rule"]
        if "message" in expected:
            assert expected["message"] in finding.message

    fixed = case.get("fixed", case["text"])
    for unsafe, want_text in ((False, fixed), (True, case.get("fixed_unsafe", fixed))):
        text = fix_until_stable(run, case["text"], unsafe)[0]
        assert text == want_text, "unsafe fixes" if unsafe else "safe fixes"
        assert apply_fixes(text, run(text), unsafe) == text, "the fixed text is not stable"


def test_every_rule_with_a_check_has_cases():
    covered = set()
    for file in CASE_DIR.glob("*.toml"):
        with open(file, "rb") as handle:
            data = tomllib.load(handle)
        for case in data["case"]:
            covered.add((case["rule"], bool(case["expect"])))
    # INP001 is reported by the engine for unreadable files (see test_cli.py).
    for code in all_rules():
        if code == "INP001":
            continue
        assert (code, True) in covered, f"{code} has no failing case"
        assert (code, False) in covered, f"{code} has no passing case"
