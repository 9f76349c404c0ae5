"""``DRAFTLINT_NO_CACHE=1``: the CLI gives the same reports and fixes without the cache folder,
and makes, reads and writes none (so the suite also covers a start with no cache at all)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

COMMANDS = [
    ("check", "--no-color", "--jobs", "1", "examples"),
    ("check", "--format", "json", "--jobs", "1", "examples"),
    ("check", "--lang", "en", "--no-color", "examples/ke-hoach-word-loi.docx"),
    ("check", "--annotate", "annotated.docx", "examples/ke-hoach-word-loi.docx"),
    ("check", "--fix", "--no-color", "--jobs", "1", "examples"),
]


def _session(root: Path, env: dict) -> list:
    """The commands run in a fresh copy of the examples: their output, then every file they left."""
    shutil.copytree(EXAMPLES, root / "examples", ignore=shutil.ignore_patterns("*.py"))
    outputs = []
    for command in COMMANDS:
        done = subprocess.run([sys.executable, "-m", "draftlint.cli", *command], capture_output=True,
                              cwd=root, env=env, timeout=120, check=False)
        outputs.append((command, done.returncode, done.stdout, done.stderr))
    files = {str(p.relative_to(root)): _content(p) for p in sorted(root.rglob("*")) if p.is_file()}
    return outputs + [files]


def _content(path: Path):
    """A file's bytes; for a Word file, its parts without the times the zip and the comments carry."""
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as package:
        return {name: re.sub(rb' w:date="[^"]*"', b"", package.read(name)) for name in package.namelist()}


def _environment(tmp_path: Path, name: str, **extra: str) -> dict:
    home = tmp_path / "homes" / name
    (home / "cache").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k != "DRAFTLINT_NO_CACHE"}
    return {**env, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), **extra}


def test_without_the_cache_the_cli_reports_and_fixes_the_same_and_writes_no_cache(tmp_path):
    cached_env = _environment(tmp_path, "cached")
    _session(tmp_path / "warm", cached_env)  # fills the cache, so the run compared reads from it
    assert list((Path(cached_env["XDG_CACHE_HOME"]) / "draftlint").glob("regex-*.marshal"))
    cached = _session(tmp_path / "cached", cached_env)

    plain_env = _environment(tmp_path, "plain", DRAFTLINT_NO_CACHE="1")
    plain = _session(tmp_path / "plain", plain_env)

    for (command, *with_cache), (_, *without) in zip(cached[:-1], plain[:-1]):
        assert without == with_cache, command
    assert plain[-1] == cached[-1]  # the fixed drafts and the annotated copy
    assert any(name.startswith("annotated") for name in plain[-1])
    assert cached[0][1] == 1 and b"NUM" in cached[0][2]  # the examples do have findings
    home = Path(plain_env["HOME"])
    assert [p for p in home.rglob("*")] == [home / "cache"]  # still empty: no cache folder made
