"""The tools a user might pick instead, installed into the benchmark's scratch folder (never project
dependencies): textlint with textlint-rule-prh (npm registry) and proselint (PyPI). textlint's
dictionary is written from draftlint's own confusion list (``draftlint/data/confusions.toml``, read
by SPL002), so that the two check the same pairs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path


def confusions() -> list[dict]:
    """The confusion list of the draftlint being measured."""
    with resources.files("draftlint.data").joinpath("confusions.toml").open("rb") as stream:
        return tomllib.load(stream)["confusion"]


def prh_dictionary() -> str:
    """The confusion pairs as prh rules. prh matches a literal pattern as written, so each wrong form
    is given as written and capitalised (SPL002 ignores case); prh has no counterpart of
    ``not_before`` and ``not_after``."""
    lines = ["version: 1", "rules:"]
    for pair in confusions():
        wrong = pair["wrong"]
        forms = list(dict.fromkeys([wrong, wrong[:1].upper() + wrong[1:]]))
        lines.append(f"  - expected: {json.dumps(pair['right'], ensure_ascii=False)}")
        lines.append(f"    patterns: {json.dumps(forms, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def textlint(scratch: Path) -> list[str] | None:
    """The textlint command with prh and the confusion dictionary, or None when npm cannot install it."""
    binary = scratch / "node_modules" / ".bin" / "textlint"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"],
                       cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=600)
    if not binary.exists():
        return None
    dictionary = scratch / "prh.yml"
    dictionary.write_text(prh_dictionary(), encoding="utf-8")
    config = scratch / ".textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(dictionary)]}}}), encoding="utf-8")
    return [str(binary), "--config", str(config)]


def proselint(scratch: Path) -> list[str] | None:
    """The proselint command (English rules only: it measures the cost of a prose linter's pass)."""
    binary = scratch / "venv" / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(scratch / "venv")], check=False)
        subprocess.run([str(scratch / "venv" / "bin" / "pip"), "install", "--quiet", "proselint"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=600)
    return [str(binary), "check"] if binary.exists() else None


def version(argv: list[str]) -> str:
    """The last word a ``--version`` (or ``version``) command prints: ``v15.8.0``, ``0.16.0``."""
    words = subprocess.run(argv, capture_output=True, text=True, check=False).stdout.split()
    return words[-1] if words else "?"
