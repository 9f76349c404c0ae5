"""Every output format on the example drafts, pinned as snapshots, and the SARIF log validated
against the SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json, OASIS's schema as
published by Microsoft's @microsoft/jest-sarif package, 2.1.0-rtm.5).

A change in what draftlint reports on the examples shows up here as a diff. When the change is
intended, rewrite the snapshots and read their diff before committing:

    DRAFTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_reports.py
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, needs_seeds, run
from draftlint import __version__

SNAPSHOTS = Path(__file__).parent / "snapshots"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
FORMATS = {"text": "txt", "json": "json", "github": "github", "sarif": "sarif", "html": "html"}


def _output(fmt: str, *paths: str, lang: str = "vi") -> str:
    result = run("check", *paths, "--format", fmt, "--lang", lang, cwd=ROOT)
    assert result.returncode == 1, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout.decode("utf-8").replace(f'"version": "{__version__}"', '"version": "VERSION"')


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot_of_every_format_on_the_examples(fmt):
    actual = _output(fmt, "examples")
    path = SNAPSHOTS / f"examples.{FORMATS[fmt]}"
    if os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS") or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        if not os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS"):
            pytest.fail(f"{path.name} was missing and has been written: read it, then commit it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 f"snapshot/{path.name}", "now"))[:80])
        pytest.fail(f"the {fmt} report on examples/ changed (DRAFTLINT_UPDATE_SNAPSHOTS=1 rewrites it):\n{diff}")


def test_english_text_snapshot():
    actual = _output("text", "examples/ke-hoach-loi-danh-so.txt", "examples/ke-hoach-loi-van-ban.txt", lang="en")
    path = SNAPSHOTS / "examples-en.txt"
    if os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS"):
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8")


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _errors(validator, log) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_on_the_examples_is_valid_sarif_2_1_0():
    validator = _validator()
    log = json.loads(_output("sarif", "examples"))
    assert _errors(validator, log) == []
    results = log["runs"][0]["results"]
    assert len(results) > 50 and log["runs"][0]["columnKind"] == "unicodeCodePoints"
    # The schema check itself bites: a level SARIF does not know is refused.
    results[0]["level"] = "fatal"
    assert any("level" in e for e in _errors(validator, log))


@needs_seeds
def test_sarif_on_the_seeds_is_valid_sarif_2_1_0():
    validator = _validator()
    log = json.loads(_output("sarif", str(SEEDS)))
    assert _errors(validator, log) == []
    assert len(log["runs"][0]["results"]) > 50
