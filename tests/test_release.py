"""A release as a user gets it: the wheel and sdist built and installed in a clean virtual
environment, and the README's pre-commit snippet run as written against a tag."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run
from draftlint import __version__

pytestmark = pytest.mark.slow

needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="needs git and the project as a git repository")
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")


def _tracked_copy(destination: Path) -> Path:
    """The project's committed and working files (what git tracks), copied without .git or caches."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, names.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def _venv_bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


@needs_git
def test_wheel_and_sdist_install_and_lint_the_examples(tmp_path):
    source = _tracked_copy(tmp_path / "src")
    dist = tmp_path / "dist"
    # The wheel is built from the sdist, as build does by default: the sdist must be complete.
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next(dist.glob(f"draftlint-{__version__}-py3-none-any.whl"))
    sdist = next(dist.glob(f"draftlint-{__version__}.tar.gz"))

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for shipped in ("draftlint/data/word_counts.txt", "draftlint/data/units.toml", "draftlint/grammar/draft.lark",
                    "draftlint/grammar/draft.tables.json", "draftlint/rules/tasks.py"):
        assert shipped in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert any(n.endswith(".dist-info/licenses/NOTICE") for n in names)
    assert not any(n.startswith(("rules/", "grammar/", "linter/", "tests/")) for n in names)
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name}
    assert {"LICENSE", "NOTICE", "README.md", "pyproject.toml", "grammar/draft.tables.json"} <= members

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    installed = subprocess.run([str(_venv_bin(venv, "python")), "-m", "pip", "install", "--quiet", str(wheel)],
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr[-2000:]

    draftlint = str(_venv_bin(venv, "draftlint"))
    version = subprocess.run([draftlint, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"draftlint {__version__}"

    # The quick start's lint, from the installed command, in a folder far from the source tree:
    # the same report as the development install gives.
    work = tmp_path / "work"
    shutil.copytree(EXAMPLES, work / "examples", ignore=shutil.ignore_patterns("*.py"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    from_wheel = subprocess.run([draftlint, "check", "examples/"], cwd=work, capture_output=True, timeout=120,
                                env=env)
    from_source = run("check", "examples/", cwd=work)
    assert from_wheel.returncode == 1, from_wheel.stderr.decode()
    assert from_wheel.stdout == from_source.stdout
    assert b"NUM001" in from_wheel.stdout


def _readme_pre_commit_snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_readme_pins_this_release():
    snippet = _readme_pre_commit_snippet()
    assert re.search(rf"^\s*rev: v{re.escape(__version__)}\b", snippet, re.M), snippet
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__} " in changelog


@needs_git
def test_readme_snippet_runs_against_a_tag_of_a_clone(tmp_path):
    import yaml  # pre-commit's own dependency

    config = yaml.safe_load(_readme_pre_commit_snippet())
    rev = config["repos"][0]["rev"]
    # A clone of the project with the release tag on its last commit, standing in for the public URL.
    clone = tmp_path / "draftlint"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, env=GIT_ENV, timeout=300)
    tags = subprocess.run(["git", "tag", "--list", rev], cwd=clone, capture_output=True, text=True).stdout
    if not tags.strip():
        subprocess.run(["git", "tag", rev], cwd=clone, check=True, env=GIT_ENV)
    config["repos"][0]["repo"] = str(clone)

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=drafts, check=True, env=GIT_ENV)
    (drafts / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (drafts / "ke-hoach.txt").write_text(
        "KẾ HOẠCH\nKiểm tra năm 2025\n\nI. MỤC ĐÍCH\n1. Mục đích\n3. Yêu cầu\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=drafts, check=True, env=GIT_ENV)
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    command = [pre_commit] if pre_commit else [sys.executable, "-m", "pre_commit"]
    result = subprocess.run([*command, "run", "--all-files"], cwd=drafts, capture_output=True, text=True,
                            timeout=900, env=dict(GIT_ENV, PRE_COMMIT_HOME=str(tmp_path / "cache")))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ke-hoach.txt:6:1:" in result.stdout and "NUM001" in result.stdout
