"""Suppression comments in a draft, and per-file ignores in the configuration."""

from __future__ import annotations

import json

from conftest import lint, run
from draftlint.front.directives import read

DRAFT = """I. NHIỆM VỤ
1. Văn phòng Sở phát huy vai trò của của đoàn thể.
<!-- draftlint: disable-next-line SPL001 -->
2. Thanh tra Sở kiểm tra của của cơ sở.
<!-- draftlint: disable SPL -->
3. Văn phòng Sở tổng hợp tổng hợp báo cáo.
<!-- draftlint: enable -->
4. Thanh tra Sở theo dõi theo dõi tiến độ.
"""


def test_disable_next_line_disable_enable():
    found = [(f.line, f.code) for f in lint(DRAFT, select=["SPL001", "INP003"])]
    assert found == [(2, "SPL001"), (8, "SPL001")]


def test_the_comments_are_not_part_of_the_draft():
    # The directive lines are no paragraphs: no rule reads them (no acronym, spelling or UNI finding there).
    findings = lint(DRAFT)
    assert findings and all(f.line not in (3, 5, 7) for f in findings)


def test_file_level_and_all_codes():
    text = "<!-- draftlint: disable-file SPL001, UNI004 -->\nPhát huy của của  vai trò.\n"
    assert lint(text, select=["SPL001", "UNI004", "INP003"]) == []
    text = "<!-- draftlint: disable-next-line -->\nPhát huy của của  vai trò.\n"
    assert lint(text, select=["SPL001", "UNI004", "INP003"]) == []


def test_reading_the_directives():
    [next_line, block] = read("<!-- draftlint: disable-next-line spl001 -->\nx\n<!-- draftlint: disable CAP -->\ny\n")
    assert (next_line.codes, next_line.first, next_line.last) == (("SPL001",), 2, 2)
    assert (block.codes, block.first, block.last) == (("CAP",), 3, 4)


def test_per_file_ignores(tmp_path):
    archive = tmp_path / "luu-tru"
    archive.mkdir()
    (archive / "cu.txt").write_text("Phát huy vai trò của của đoàn thể.\n", encoding="utf-8")
    (tmp_path / "moi.txt").write_text("Phát huy vai trò của của đoàn thể.\n", encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text('[per-file-ignores]\n"luu-tru/**" = ["SPL"]\n', encoding="utf-8")
    out = run("check", "--select", "SPL001", str(tmp_path)).stdout.decode()
    assert "moi.txt:1:" in out and "cu.txt" not in out
    (tmp_path / ".draftlint.toml").write_text('[per-file-ignores]\n"luu-tru/**" = ["XYZ"]\n', encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 2 and "per-file-ignores" in result.stderr.decode()


def test_a_baseline_reports_only_new_findings_and_survives_a_line_inserted_above(tmp_path):
    from conftest import EXAMPLES

    draft = tmp_path / "kh.txt"
    draft.write_text((EXAMPLES / "ke-hoach-loi-danh-so.txt").read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = run("check", str(draft), "--write-baseline", str(baseline))
    assert result.returncode == 0 and "Đã ghi 4 vấn đề" in result.stderr.decode()
    text = draft.read_text(encoding="utf-8")
    draft.write_text("Ghi chú mới ở đầu tệp.\n" + text, encoding="utf-8")
    result = run("check", str(draft), "--baseline", str(baseline))
    assert result.returncode == 0 and "Không có vấn đề nào" in result.stdout.decode()
    lines = text.splitlines(keepends=True)
    lines.insert(20, "Phát huy vai trò của của đoàn thể.\n")
    draft.write_text("Ghi chú mới ở đầu tệp.\n" + "".join(lines), encoding="utf-8")
    out = run("check", str(draft), "--baseline", str(baseline)).stdout.decode()
    assert "SPL001" in out and "NUM00" not in out and "Tìm thấy 1 vấn đề" in out
    baseline.write_text("[]", encoding="utf-8")
    result = run("check", str(draft), "--baseline", str(baseline))
    assert result.returncode == 2 and "not a baseline file" in result.stderr.decode()


def test_what_a_baseline_leaves_fails_by_its_own_file_s_threshold(tmp_path):
    strict, lenient = tmp_path / "chat", tmp_path / "long"
    for folder in (strict, lenient):
        folder.mkdir()
        (folder / "kh.txt").write_text("Phát huy vai trò của đoàn thể.\n", encoding="utf-8")
    (strict / ".draftlint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("check", "--select", "SPL001", str(tmp_path), "--write-baseline", str(baseline)).returncode == 0
    doubled = "Phát huy vai trò của của đoàn thể.\n"  # a warning (SPL001)
    (lenient / "kh.txt").write_text(doubled, encoding="utf-8")
    assert run("check", "--select", "SPL001", str(tmp_path), "--baseline", str(baseline)).returncode == 0
    (strict / "kh.txt").write_text(doubled, encoding="utf-8")
    assert run("check", "--select", "SPL001", str(tmp_path), "--baseline", str(baseline)).returncode == 1


def test_a_baseline_matches_from_a_subfolder_and_with_absolute_paths(tmp_path):
    from conftest import EXAMPLES

    folder = tmp_path / "du-thao" / "2025"
    folder.mkdir(parents=True)
    draft = folder / "kh.txt"
    draft.write_text((EXAMPLES / "ke-hoach-loi-danh-so.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", "du-thao", "--write-baseline", ".draftlint-baseline.json", cwd=tmp_path)
    assert result.returncode == 0 and "Đã ghi 4 vấn đề" in result.stderr.decode()
    for cwd, path, baseline in [
        (tmp_path, "du-thao", ".draftlint-baseline.json"),
        (tmp_path / "du-thao", "2025/kh.txt", "../.draftlint-baseline.json"),
        (folder, ".", str(tmp_path / ".draftlint-baseline.json")),
        (tmp_path / "du-thao", str(draft), "../.draftlint-baseline.json"),
    ]:
        result = run("check", path, "--baseline", baseline, cwd=cwd)
        assert result.returncode == 0 and "Không có vấn đề nào trong 1 tệp" in result.stdout.decode(), (cwd, path)


def test_a_baseline_of_the_first_version_still_matches_paths_as_given(tmp_path):
    from conftest import EXAMPLES

    (tmp_path / "du-thao").mkdir()
    (tmp_path / "ci").mkdir()
    draft = tmp_path / "du-thao" / "kh.txt"
    draft.write_text((EXAMPLES / "ke-hoach-loi-danh-so.txt").read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "ci" / "baseline.json"
    run("check", "du-thao", "--write-baseline", str(baseline), cwd=tmp_path)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert {row["path"] for row in data["findings"]} == {"../du-thao/kh.txt"}
    # Version 1 stored the path as given on the command line.
    data["version"] = 1
    for row in data["findings"]:
        row["path"] = "du-thao/kh.txt"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = run("check", "du-thao", "--baseline", str(baseline), cwd=tmp_path)
    assert result.returncode == 0 and "Không có vấn đề nào" in result.stdout.decode()
