"""SARIF 2.1.0: the format code-scanning tools read (GitHub code scanning, VS Code's SARIF viewer).

Columns count Unicode code points (``columnKind``), as draftlint's do. A finding in a Word file
also names its paragraph or table row (and cell) as a logical location: its name in words, its
numbers in ``properties``."""

from __future__ import annotations

import json
import os
from typing import TextIO

from .. import __version__
from ..i18n import where
from ..result import RunResult
from ..rule import Severity

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def report(result: RunResult, stream: TextIO) -> None:
    """The run's findings, with the rules' descriptors it carries (``draftlint.docs.sarif_rules``) as
    the catalogue of ``ruleIndex``."""
    rules = result.rules
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    results = []
    for f in result.findings:
        location = {
            "physicalLocation": {
                # A backslash is a folder separator on Windows only, elsewhere a character of the name.
                "artifactLocation": {"uri": f.path.replace(os.sep, "/")},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column},
            }
        }
        if f.location:
            location["logicalLocations"] = [{"name": where(f.location, result.lang), "kind": "element",
                                             "properties": f.location.as_dict()}]
        entry = {"ruleId": f.code, "level": LEVEL[f.severity], "message": {"text": f.message},
                 "locations": [location]}
        if f.code in index:
            entry["ruleIndex"] = index[f.code]
        results.append(entry)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "draftlint", "version": __version__, "rules": list(rules)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(log, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
