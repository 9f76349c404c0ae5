"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a temporary drafts repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

GOOD = "KẾ HOẠCH\nKiểm tra năm 2025\n\nI. MỤC ĐÍCH\n1. Mục đích\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Thanh tra Sở kiểm tra\n"
BAD = "KẾ HOẠCH\nKiểm tra năm 2025\n\nI. MỤC ĐÍCH\n1. Mục đích\n3. Yêu cầu\n"  # a gap: NUM001, an error


def _pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    return [exe] if exe else [sys.executable, "-m", "pre_commit"]


def _staged_repository(drafts, env):
    """``drafts`` as a git repository with every file staged, and a way to run a hook of this
    project on some of its files with ``pre-commit try-repo``."""
    subprocess.run(["git", "init", "-q"], cwd=drafts, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=drafts, check=True, env=env)

    def try_repo(*files: str, hook: str = "draftlint") -> subprocess.CompletedProcess:
        return subprocess.run(
            [*_pre_commit(), "try-repo", str(ROOT), hook, "--files", *files],
            cwd=drafts, env=env, capture_output=True, text=True, timeout=600,
        )

    return try_repo


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs the project as a git repository")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_runs_on_a_drafts_repository(tmp_path):
    env = _git_env(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "ke-hoach-dung.txt").write_text(GOOD, encoding="utf-8")
    (drafts / "ke-hoach-loi.md").write_text(BAD, encoding="utf-8")
    (drafts / "ghi-chu.csv").write_text("1. a\n1. b\n", encoding="utf-8")
    try_repo = _staged_repository(drafts, env)

    bad = try_repo("ke-hoach-loi.md", "ghi-chu.csv")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "ke-hoach-loi.md:6:1: error: NUM001" in bad.stdout
    assert "ghi-chu.csv" not in bad.stdout.split("draftlint (Vietnamese drafts)")[-1]

    good = try_repo("ke-hoach-dung.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    # The fixing hook mends the file (pre-commit reports it as modified) and changes nothing else.
    spaced = drafts / "ke-hoach-dung.txt"
    spaced.write_text(GOOD.replace("1. Mục đích", "1. Mục  đích"), encoding="utf-8")
    fixed = try_repo("ke-hoach-dung.txt", hook="draftlint-fix")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout
    assert spaced.read_text(encoding="utf-8") == GOOD


def _git_env(tmp_path) -> dict:
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org",
    )


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs the project as a git repository")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_checks_upper_case_names_skips_readme_and_the_fix_hook_prints_what_is_left(tmp_path):
    from conftest import EXAMPLES

    env = _git_env(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    # As Windows names files: the Word draft's extension in capitals.
    shutil.copyfile(EXAMPLES / "ke-hoach-word-loi.docx", drafts / "KE-HOACH.DOCX")
    (drafts / "README.md").write_text("# Kho dự thảo\n\n1. Đặt tên tệp\n3. Gửi duyệt\n", encoding="utf-8")
    spaced = drafts / "ke-hoach.txt"
    spaced.write_text(BAD.replace("1. Mục đích", "1. Mục  đích"), encoding="utf-8")
    try_repo = _staged_repository(drafts, env)

    word = try_repo("KE-HOACH.DOCX", "README.md")
    assert word.returncode == 1, word.stdout + word.stderr
    assert "KE-HOACH.DOCX[đoạn 6]: error: DAT001" in word.stdout and "KE-HOACH.DOCX[bảng 2, hàng 2]: error: TSK001" in word.stdout
    # The README's numbering gap is not a draft's: the hook skips the file pre-commit names.
    assert "README.md" not in word.stdout.split("draftlint (Vietnamese drafts)")[-1]
    assert try_repo("README.md").returncode == 0

    # The fixing hook reports only what it could not mend: the gap, not the double space it removed.
    fixed = try_repo("ke-hoach.txt", hook="draftlint-fix")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout
    assert "ke-hoach.txt:6:1: error: NUM001" in fixed.stdout and "UNI004" not in fixed.stdout
    assert spaced.read_text(encoding="utf-8") == BAD
