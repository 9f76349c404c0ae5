"""Precision on real documents: every finding on the corpus and seeds has a reviewer's verdict,
and the rules on by default hold the precision they must (benchmarks/precision.py)."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("precision", ROOT / "benchmarks" / "precision.py")
precision = importlib.util.module_from_spec(_spec)
sys.modules["precision"] = precision
_spec.loader.exec_module(precision)

needs_documents = pytest.mark.skipif(not precision.document_folders(),
                                     reason="the corpus and seeds (../shared) are not here")


@pytest.fixture(scope="module")
def measured():
    pairs, _ = precision.measure()
    return pairs


def test_every_verdict_file_is_valid_and_every_verdict_is_a_known_kind():
    files = sorted(precision.VERDICTS.glob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("finding", []):
            assert entry["verdict"] in precision.VERDICT_KINDS, (path.name, entry)
            assert entry["why"].strip(), (path.name, entry)


@needs_documents
def test_every_finding_on_the_corpus_has_a_verdict(measured):
    missing = [f"{f.file}:{f.line}: {f.code} {f.text!r}" for f, v in measured if v is None]
    assert not missing, "findings without a verdict (python benchmarks/precision.py --pending):\n" + "\n".join(missing)


@needs_documents
def test_default_rules_hold_their_precision(measured):
    per_rule, _ = precision.tallies(measured)
    assert precision.gate_failures(per_rule) == []


def test_the_gate_fails_a_rule_below_its_precision():
    tally = precision.Tally()
    tally.counts.update({"true": 8, "false": 2})
    failures = precision.gate_failures({"NUM001": tally})  # an error rule at 80 %
    assert any(f.startswith("NUM001") for f in failures)
    tally.counts.update({"true": 190})
    assert not any(f.startswith("NUM001") for f in precision.gate_failures({"NUM001": tally}))


def test_findings_match_verdicts_by_file_code_line_and_text():
    finding = precision.Finding("a.txt", "SPL001", 3, 5, "của của", "…", "warning")
    right = precision.Verdict("a.txt", "SPL001", 3, "của của", "true", "typo")
    other_line = precision.Verdict("a.txt", "SPL001", 4, "của của", "false", "-")
    pairs = precision.match([finding], {"a.txt": [other_line, right]})
    assert pairs == [(finding, right)]
    assert precision.match([finding], {"a.txt": [other_line]}) == [(finding, None)]


@needs_documents
def test_the_published_figures_are_the_measured_ones(measured):
    """precision.toml (shown by `draftlint rules`, `explain` and the README) is the verdicts' figure;
    refresh it with `python benchmarks/precision.py --write-table` when a rule or a verdict changes."""
    from draftlint.data import measured as published

    per_rule, _ = precision.tallies(measured)
    table = published()
    for code, _, _, tally in precision.rule_table(per_rule):
        figure = table.get(code)
        assert figure is not None and (figure.judged, figure.true) == (tally.judged, tally.counts["true"]), code
