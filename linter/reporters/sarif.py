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
from ..rule import Finding, Severity

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def report(findings: list[Finding], files: int, lang: str, stream: TextIO, *, rules: list[dict] = ()) -> None:
    """``rules``: the rules' descriptors (``draftlint.docs.sarif_rules``), the catalogue of ``ruleIndex``."""
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    results = []
    for f in findings:
        location = {
            "physicalLocation": {
                # A backslash is a folder separator on Windows only, elsewhere a character of the name.
                "artifactLocation": {"uri": f.path.replace(os.sep, "/")},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column},
            }
        }
        if f.location:
            location["logicalLocations"] = [{"name": where(f.location, lang), "kind": "element",
                                             "properties": f.location.as_dict()}]
        result = {"ruleId": f.code, "level": LEVEL[f.severity], "message": {"text": f.message},
                  "locations": [location]}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
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
