"""Every rule's failing and passing cases, written as data in tests/rules/*.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import lint
from draftlint.registry import all_rules

CASE_DIR = Path(__file__).parent / "rules"


def _cases():
    for file in sorted(CASE_DIR.glob("*.toml")):
        with open(file, "rb") as handle:
            for case in tomllib.load(handle)["case"]:
                yield pytest.param(case, id=f"{file.stem}:{case['rule']}:{case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case):
    options = case.get("options")
    findings = lint(case["text"], select=[case["rule"]], lang=case.get("lang", "vi"),
                    rules={case["rule"]: options} if options else None,
                    auto_numbered=frozenset(case.get("auto_numbered", ())))
    got = [(f.line, f.column) for f in findings]
    want = [(e["line"], e["column"]) for e in case["expect"]]
    assert got == want, [f"{f.line}:{f.column} {f.code} {f.message}" for f in findings]
    for finding, expected in zip(findings, case["expect"]):
        assert finding.code == case["rule"]
        if "message" in expected:
            assert expected["message"] in finding.message


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
