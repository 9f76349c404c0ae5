"""The result cache (lint.results): a cached re-run reports the same bytes; whatever changes the
findings changes the key; concurrent runs, damaged entries and the switches that turn it off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from draftlint.config import Config
from draftlint.lint import results
from draftlint.lint.engine import Engine
from draftlint.lint.policy import Overrides
from draftlint.registry import all_rules

from conftest import EXAMPLES

DRAFT = "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n\nI. MỤC ĐÍCH\n1. Triển khai kịp thời  theo Nghị định 30.\n"


@pytest.fixture
def cache_home(tmp_path, monkeypatch, cache_enabled):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "draftlint"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("result-*")) if folder.is_dir() else []


def _cli(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "draftlint.cli", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=120, check=False)


@pytest.mark.parametrize("form", ["text", "json", "sarif", "html"])
def test_a_cached_rerun_reports_the_same_bytes(tmp_path, cache_home, form):
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("*.py"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    args = ("check", "--format", form, "--no-color", "--jobs", "1", "-o", "report", "examples")
    fresh = _cli(*args, "--no-cache", cwd=tmp_path, env=env)
    report = (tmp_path / "report").read_bytes()
    assert not _entries(cache_home)
    for _ in range(2):  # stores, then reads
        again = _cli(*args, cwd=tmp_path, env=env)
        assert (again.returncode, again.stderr) == (fresh.returncode, fresh.stderr)
        assert (tmp_path / "report").read_bytes() == report
    assert len(_entries(cache_home)) == len([p for p in (tmp_path / "examples").iterdir() if p.is_file()])


def _linter(overrides: Overrides = Overrides()) -> results.ResultCache:
    return results.ResultCache(Engine(all_rules(), overrides))


def _cached(cache: results.ResultCache, path: Path, config: Config, display: str = "draft.txt") -> bool:
    return cache.lookup(str(path), config, display) is not None


def test_what_changes_the_findings_changes_the_key(tmp_path, cache_home, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    config = Config()
    first = _linter().lint_file(str(draft), config, "draft.txt")
    assert _cached(_linter(), draft, config)
    again = _linter().lint_file(str(draft), config, "draft.txt")
    assert again.findings == first.findings and again.text == first.text

    assert not _cached(_linter(), draft, config, "other.txt")  # the path it is reported by
    assert not _cached(_linter(), draft, Config(ignore=("FMT",)))  # the configuration
    assert not _cached(_linter(), draft, Config(rules={"NUM004": {"severity": "info"}}))  # a rule's option
    assert not _cached(_linter(Overrides(lang="en")), draft, config)  # the command line
    version = results.__version__
    monkeypatch.setattr(results, "__version__", "99.0")
    assert not _cached(_linter(), draft, config)  # draftlint's version
    monkeypatch.setattr(results, "__version__", version)
    assert _cached(_linter(), draft, config)
    draft.write_text(DRAFT + "\n", encoding="utf-8")
    assert not _cached(_linter(), draft, config)  # the file


def test_a_plugin_and_a_lexicon_are_part_of_the_key(tmp_path, cache_home, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    lexicon = tmp_path / "lexicon.json"
    lexicon.write_text("{}", encoding="utf-8")
    config = Config(lexicon=lexicon)
    key = _linter()._settings(config)
    import draftlint.registry

    installed = draftlint.registry.plugin_versions
    monkeypatch.setattr(draftlint.registry, "plugin_versions", lambda: (("demo", "demo:rules", "demo", "1.0"),))
    assert _linter()._settings(config) != key
    monkeypatch.setattr(draftlint.registry, "plugin_versions", installed)
    assert _linter()._settings(config) == key
    os.utime(lexicon, ns=(1, 1))
    assert _linter()._settings(config) != key


def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path, cache_home):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    expected = _linter().lint_file(str(draft), Config(), "draft.txt").findings
    (entry,) = _entries(cache_home)
    entry.write_bytes(entry.read_bytes()[:-10])
    assert not _cached(_linter(), draft, Config())
    assert _linter().lint_file(str(draft), Config(), "draft.txt").findings == expected
    assert _cached(_linter(), draft, Config())


def test_the_cache_stays_bounded(tmp_path, cache_home, monkeypatch):
    monkeypatch.setattr(results, "MAX_ENTRIES", 3)
    monkeypatch.setattr(results, "_PRUNED_TO", 2)
    linter = _linter()
    for i in range(5):
        draft = tmp_path / f"draft{i}.txt"
        draft.write_text(DRAFT + f"\n{i}\n", encoding="utf-8")
        linter.lint_file(str(draft), Config(), draft.name)
        os.utime(_newest(cache_home), ns=(i * 10**9, i * 10**9))
    linter.prune(linter.stored)
    assert len(_entries(cache_home)) == 2
    assert _cached(_linter(), tmp_path / "draft4.txt", Config(), "draft4.txt")


def _newest(folder: Path) -> Path:
    return max(_entries(folder), key=lambda p: p.stat().st_mtime_ns)


def test_two_concurrent_runs_give_the_same_reports(tmp_path, cache_home):
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("*.py"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    command = [sys.executable, "-m", "draftlint.cli", "check", "--format", "json", "--jobs", "1", "examples"]
    expected = _cli(*command[3:], "--no-cache", cwd=tmp_path, env=env).stdout
    for _ in range(2):  # both write, then both read
        runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                for _ in range(2)]
        assert [run.communicate(timeout=120)[0] for run in runs] == [expected, expected]
    assert _entries(cache_home)


@pytest.mark.parametrize("switch", ["--no-cache", "DRAFTLINT_NO_CACHE"])
def test_switched_off_it_writes_nothing(tmp_path, cache_home, switch):
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("*.py"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    if switch == "DRAFTLINT_NO_CACHE":
        env["DRAFTLINT_NO_CACHE"] = "1"
    flag = ("--no-cache",) if switch == "--no-cache" else ()
    for jobs in ("1", "2"):
        _cli("check", "--jobs", jobs, *flag, "examples", cwd=tmp_path, env=env)
    assert not [p for p in cache_home.rglob("*") if p.is_file()]
