"""Baselines: record a repository's findings once, then report only the new ones.

A finding is recorded by its file, its code and its fingerprint (what it is about, not where:
an inserted line above it does not change it). Two identical findings in one file are counted,
so a third one is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FORMAT = "draftlint-baseline"


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def _key(finding) -> tuple[str, str, str]:
    return (Path(finding.path).as_posix(), finding.code, finding.fingerprint)


def write(path: Path, findings) -> None:
    rows = [{"path": p, "code": c, "fingerprint": f} for p, c, f in sorted(_key(x) for x in findings)]
    data = {"format": FORMAT, "version": 1, "findings": rows}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def new_findings(path: Path, findings) -> list:
    """The findings the baseline does not record."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{path}: not a baseline file (write one with --write-baseline)")
    known = Counter((r["path"], r["code"], r["fingerprint"]) for r in data.get("findings", ())
                    if isinstance(r, dict) and {"path", "code", "fingerprint"} <= set(r))
    result = []
    for finding in findings:
        key = _key(finding)
        if known[key]:
            known[key] -= 1
        else:
            result.append(finding)
    return result
