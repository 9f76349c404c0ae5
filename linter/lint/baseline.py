"""Baselines: record a repository's findings once, then report only the new ones.

A finding is recorded by its file, its code and its fingerprint (what it is about, not where:
an inserted line above it does not change it). Two identical findings in one file are counted,
so a third one is new. Paths are stored relative to the baseline file's folder, so a run from a
subfolder or with absolute paths finds them (version 1 files, whose paths are as they were given on
the command line, are still read).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

FORMAT = "draftlint-baseline"
VERSION = 2


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def _key(finding, folder: str | None) -> tuple[str, str, str]:
    """``folder``: the baseline's folder, which paths are relative to; None for version 1."""
    path = finding.path
    if folder is not None and path != "-":
        path = os.path.abspath(path)
        try:
            path = os.path.relpath(path, folder)
        except ValueError:  # on another drive
            pass
    return (Path(path).as_posix(), finding.code, finding.fingerprint)


def write(path: Path, findings) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    rows = [{"path": p, "code": c, "fingerprint": f} for p, c, f in sorted(_key(x, folder) for x in findings)]
    data = {"format": FORMAT, "version": VERSION, "findings": rows}
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
    version = data.get("version", 1)
    folder = os.path.dirname(os.path.abspath(path)) if isinstance(version, int) and version >= 2 else None
    result = []
    for finding in findings:
        key = _key(finding, folder)
        if known[key]:
            known[key] -= 1
        else:
            result.append(finding)
    return result
