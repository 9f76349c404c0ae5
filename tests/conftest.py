"""Shared helpers for the test suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from draftlint.config import Config
from draftlint.lint.engine import Engine
from draftlint.lint.policy import Overrides
from draftlint.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# The real drafts the project develops against; the suite skips what needs them when absent.
SEEDS = ROOT.parent / "shared" / "seeds"


def lint(text: str, select: list[str] | None = None, lang: str = "vi", path: str = "draft.txt",
         rules: dict | None = None, auto_numbered: frozenset[int] = frozenset()):
    """The findings on ``text``; ``rules`` is a configuration's per-rule table ({code: {option: value}});
    ``auto_numbered``, the lines a Word draft's automatic numbering wrote."""
    engine = Engine(all_rules(), Overrides(select=tuple(select) if select else None, lang=lang))
    return engine.lint_text(text, path, Config(rules=rules or {}), auto_numbered).findings


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


needs_seeds = pytest.mark.skipif(not seed_files(), reason="../shared/seeds is not present")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``draftlint ARGS`` as a separate process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "draftlint.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def cache_enabled(monkeypatch):
    """For the tests of the cache itself: the cache is on even when the suite runs with
    DRAFTLINT_NO_CACHE=1 (in this process and in the commands it starts)."""
    monkeypatch.delenv("DRAFTLINT_NO_CACHE", raising=False)

