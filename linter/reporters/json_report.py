"""JSON output: exactly an array of finding objects. The schema is stable."""

from __future__ import annotations

import json
from typing import TextIO

from ..i18n import where
from ..result import RunResult
from ..rule import Finding

KEYS = ("path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "fix", "locator",
        "location")


def as_dict(finding: Finding, lang: str = "vi") -> dict:
    """``locator`` puts a Word location into words in ``lang``; ``location`` gives its numbers."""
    return {
        "path": finding.path,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "fix": fix_dict(finding),
        "locator": where(finding.location, lang),
        "location": finding.location.as_dict() if finding.location else None,
    }


def fix_dict(finding: Finding) -> dict | None:
    """A finding's fix as JSON: its applicability and its edits, each a replacement of a range."""
    if finding.fix is None:
        return None
    return {
        "applicability": "safe" if finding.fix.safe else "unsafe",
        "edits": [
            {"content": e.content, "line": e.line, "column": e.column, "end_line": e.end_line,
             "end_column": e.end_column}
            for e in finding.fix.edits
        ],
    }


def report(result: RunResult, stream: TextIO) -> None:
    json.dump([as_dict(f, result.lang) for f in result.findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
