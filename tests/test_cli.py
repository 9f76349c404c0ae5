"""The command line as a user runs it: exit codes, output formats, stdin, bad input, configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, run
from draftlint.cli import main
from draftlint.reporters.json_report import KEYS

CLEAN = EXAMPLES / "ke-hoach-mau.txt"
BROKEN = EXAMPLES / "ke-hoach-loi-danh-so.txt"
# A numbering gap: NUM001, an error, so the exit code is 1.
GAP = "I. NHIỆM VỤ\n1. Văn phòng Sở tuyên truyền\n3. Thanh tra Sở kiểm tra\n"



def check_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_console_script_is_installed():
    assert shutil.which("draftlint") or (Path(sys.executable).parent / "draftlint").exists()


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("draftlint ")


def test_clean_example_exits_0(capsys):
    assert main(["check", str(CLEAN)]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("Không có vấn đề nào trong 1 tệp.")


def test_broken_example_exits_1_with_text_lines(capsys):
    assert main(["check", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{BROKEN}:42:1: warning: NUM002 Trùng số mục: “4. Soạn thảo báo cáo” lặp lại số 4 đã dùng ở dòng 40" in lines
    assert lines[-1] == "Tìm thấy 4 vấn đề trong 1 tệp: 2 lỗi, 2 cảnh báo."


def test_english_messages(capsys):
    assert main(["check", "--lang", "en", str(BROKEN)]) == 1
    out = capsys.readouterr().out
    assert "NUM002 Duplicate item number: “4. Soạn thảo báo cáo” repeats 4, already used on line 40" in out
    assert "Found 4 problem(s) in 1 file(s): 2 error(s), 2 warning(s)." in out


def test_json_schema(capsys):
    code, findings = check_json(capsys, str(BROKEN))
    assert code == 1
    # NUM006 is off by default (measured precision); the example trips it once selected.
    assert {f["code"] for f in findings} == {"NUM001", "NUM002", "NUM003", "NUM005"}
    for finding in findings:
        assert tuple(finding) == KEYS
        assert finding["path"] == str(BROKEN)
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["fix"] is None
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(finding[key], int) and finding[key] >= 1
    gap = next(f for f in findings if f["code"] == "NUM001")
    assert (gap["line"], gap["column"], gap["end_line"], gap["end_column"]) == (48, 1, 48, 3)
    assert gap["name"] == "numbering-gap"


def test_json_with_no_findings_is_an_empty_array(capsys):
    code, findings = check_json(capsys, str(CLEAN))
    assert (code, findings) == (0, [])


def test_select_and_ignore(capsys):
    _, findings = check_json(capsys, "--select", "NUM002,NUM001", str(BROKEN))
    assert {f["code"] for f in findings} == {"NUM001", "NUM002"}
    _, findings = check_json(capsys, "--ignore", "NUM00", str(BROKEN))
    assert findings == []
    _, findings = check_json(capsys, "--select", "NUM", "--ignore", "NUM005", str(BROKEN))
    assert "NUM005" not in {f["code"] for f in findings} and len(findings) == 5


def test_codes_are_case_insensitive_and_unknown_ones_are_refused(capsys):
    _, findings = check_json(capsys, "--select", "num002", str(BROKEN))
    assert {f["code"] for f in findings} == {"NUM002"}
    result = run("check", "--ignore", "NUM9", str(BROKEN))
    assert result.returncode == 2 and "NUM9" in result.stderr.decode() and result.stdout == b""


def test_fail_on_threshold(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("I. MỤC ĐÍCH\nTổ chức  tập huấn.\n", encoding="utf-8")  # only UNI004 (info)
    assert main(["check", str(draft)]) == 0
    assert main(["check", "--fail-on", "warning", str(draft)]) == 0
    assert main(["check", "--fail-on", "info", str(draft)]) == 1
    capsys.readouterr()


def test_stdin():
    result = run("check", "-", stdin=GAP.encode())
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0].startswith("-:3:1: error: NUM001 ")


def test_stdin_filename():
    result = run("check", "--stdin-filename", "ke-hoach.txt", "--format", "json", "-", stdin=GAP.encode())
    findings = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in findings] == [("ke-hoach.txt", "NUM001")]


def test_missing_file_is_reported_and_other_files_still_linted(tmp_path):
    missing = tmp_path / "khong-co.txt"
    result = run("check", str(missing), str(BROKEN))
    assert result.returncode == 2
    out = result.stdout.decode().splitlines()
    assert f"{missing}:1:1: error: INP001 Không đọc được tệp: không tìm thấy tệp" in out
    assert any(line.startswith(f"{BROKEN}:42:1: warning: NUM002") for line in out)
    assert "Traceback" not in result.stderr.decode()


def test_missing_file_in_json(tmp_path):
    missing = tmp_path / "absent.txt"
    result = run("check", "--format", "json", "--lang", "en", str(missing))
    assert result.returncode == 2
    [finding] = json.loads(result.stdout)
    assert (finding["path"], finding["code"], finding["severity"]) == (str(missing), "INP001", "error")
    assert finding["message"] == "Cannot read the file: no such file"


def test_binary_file(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("check", "--lang", "en", str(binary))
    assert result.returncode == 2
    assert "INP001 Cannot read the file: binary file" in result.stdout.decode()
    assert "Traceback" not in result.stderr.decode()


def test_non_utf8_file(tmp_path):
    legacy = tmp_path / "cp1258.txt"
    legacy.write_bytes("Đăng kí, thâm niên\n".encode("cp1258"))
    result = run("check", str(legacy))
    assert result.returncode == 2
    line = result.stdout.decode().splitlines()[0]
    assert line.startswith(f"{legacy}:1:1: error: INP001 ") and "UTF-8" in line
    assert "Traceback" not in result.stderr.decode()


def test_bom_crlf_and_utf16_are_read(tmp_path, capsys):
    text = "I. NHIỆM VỤ\r\n1. Văn phòng Sở tuyên truyền\r\n3. Thanh tra Sở kiểm tra\r\n"
    for name, data in (("bom.txt", b"\xef\xbb\xbf" + text.encode()), ("u16.txt", text.encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(data)
        code, findings = check_json(capsys, str(path))
        assert code == 1
        assert [(f["code"], f["line"], f["column"]) for f in findings] == [("NUM001", 3, 1)]


def test_files_are_never_modified(tmp_path):
    draft = tmp_path / "draft.txt"
    data = ("**KẾ HOẠCH**\r\nI. NHIỆM VỤ\t\n1. Tie\u0302\u0301p\n1. Ba\n").encode()
    draft.write_bytes(data)
    before = draft.stat().st_mtime_ns
    run("check", str(draft))
    assert draft.read_bytes() == data and draft.stat().st_mtime_ns == before


def test_directories_are_searched_for_drafts(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GAP, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(GAP, encoding="utf-8")
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text(GAP, encoding="utf-8")
    _, findings = check_json(capsys, str(tmp_path))
    assert sorted(Path(f["path"]).name for f in findings) == ["a.txt", "b.md"]


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.returncode == 0
    out = result.stdout.decode()
    for code in ("NUM001", "NUM002", "NUM003", "NUM004", "NUM005", "NUM006", "INP001", "INP002"):
        assert code in out
    assert "numbering-gap" in out


def test_explain():
    result = run("explain", "NUM001", "--lang", "en")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith("NUM001 numbering-gap")
    assert "Decree 30/2020/NĐ-CP" in out and "Failing example:" in out and "Passing example:" in out


def test_explain_unknown_rule():
    result = run("explain", "XYZ999")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert "XYZ999" in result.stderr.decode()


def test_no_command_is_a_usage_error():
    assert run().returncode == 2
    assert run("check", "--format", "xml").returncode == 2


# --- configuration -------------------------------------------------------------------------


def _project(tmp_path: Path, config_name: str, config: str, text: str = GAP) -> Path:
    (tmp_path / config_name).write_text(config, encoding="utf-8")
    draft = tmp_path / "drafts" / "ke-hoach.txt"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(text, encoding="utf-8")
    return draft


def test_pyproject_configuration(tmp_path, capsys):
    draft = _project(tmp_path, "pyproject.toml", '[tool.draftlint]\nignore = ["NUM001"]\n')
    assert check_json(capsys, str(draft)) == (0, [])


def test_nearest_configuration_wins(tmp_path, capsys):
    draft = _project(tmp_path, "pyproject.toml", '[tool.draftlint]\nignore = ["NUM001"]\n')
    (draft.parent / ".draftlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    code, findings = check_json(capsys, str(draft))
    assert code == 1 and findings[0]["message"].startswith("Numbering skips")


def test_rule_severity_and_fail_on_from_configuration(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", '[rules.NUM001]\nseverity = "info"\n')
    code, findings = check_json(capsys, str(draft))
    assert code == 0 and findings[0]["severity"] == "info"
    (tmp_path / ".draftlint.toml").write_text('fail-on = "info"\n[rules.NUM001]\nseverity = "info"\n')
    assert check_json(capsys, str(draft))[0] == 1
    # The command line overrides the file.
    assert check_json(capsys, "--fail-on", "error", str(draft))[0] == 0


def test_select_on_the_command_line_overrides_configuration(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", 'select = ["NUM006"]\n')
    assert check_json(capsys, str(draft)) == (0, [])
    code, findings = check_json(capsys, "--select", "NUM", str(draft))
    assert code == 1 and [f["code"] for f in findings] == ["NUM001"]


def test_exclude_globs(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", 'exclude = ["drafts/ke-*.txt"]\n')
    assert check_json(capsys, str(tmp_path)) == (0, [])
    # A file named on the command line is linted, as ruff does, unless exclusion is forced (the hook).
    assert check_json(capsys, str(draft))[0] == 1
    assert check_json(capsys, "--force-exclude", str(draft)) == (0, [])
    (tmp_path / ".draftlint.toml").write_text('exclude = ["drafts/ke-*.txt"]\nforce-exclude = true\n')
    assert check_json(capsys, str(draft)) == (0, [])


def test_files_that_are_not_drafts_are_excluded_by_default_and_that_can_be_changed(tmp_path, capsys):
    gap = "# Kho dự thảo của Văn phòng Sở\n\n1. Đặt tên tệp theo số ký hiệu\n3. Gửi Chánh Văn phòng duyệt\n"
    (tmp_path / "README.md").write_text(gap, encoding="utf-8")
    (tmp_path / "Changelog.md").write_text(gap, encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "pull_request_template.md").write_text(gap, encoding="utf-8")
    (tmp_path / "luu-tru" / "2023").mkdir(parents=True)
    (tmp_path / "luu-tru" / "2023" / "ke-hoach-cu.txt").write_text(GAP, encoding="utf-8")
    draft = tmp_path / "ke-hoach.txt"
    draft.write_text(GAP, encoding="utf-8")
    every = [str(p) for p in sorted(tmp_path.rglob("*.*"))]

    def paths(*args: str) -> set[str]:
        return {Path(f["path"]).relative_to(tmp_path).as_posix() for f in check_json(capsys, *args)[1]}

    assert paths(str(tmp_path)) == {"ke-hoach.txt", "luu-tru/2023/ke-hoach-cu.txt"}
    assert paths("--force-exclude", *every) == {"ke-hoach.txt", "luu-tru/2023/ke-hoach-cu.txt"}
    # extend-exclude adds to the defaults; a name without "/" is any folder's.
    (tmp_path / ".draftlint.toml").write_text('extend-exclude = ["luu-tru"]\n', encoding="utf-8")
    assert paths("--force-exclude", *every) == {"ke-hoach.txt"}
    # exclude replaces them.
    (tmp_path / ".draftlint.toml").write_text('exclude = ["Luu-Tru/**"]\n', encoding="utf-8")
    assert paths(str(tmp_path)) == {"ke-hoach.txt", "README.md", "Changelog.md"}
    (tmp_path / ".draftlint.toml").write_text('exclude = []\n', encoding="utf-8")
    assert paths("--force-exclude", *every) == {"ke-hoach.txt", "README.md", "Changelog.md",
                                                ".github/pull_request_template.md", "luu-tru/2023/ke-hoach-cu.txt"}


# A plan with five errors: a misspelling, an impossible date, a task with no lead unit, a numbering
# gap and a deadline before the plan's date. Its tasks have no deadline of their own (TSK004, off).
FIVE_ERRORS = """UBND TỈNH BÌNH ĐỊNH
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 15/KH-SLĐTBXH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Kiểm tra công tác giải quyết chế độ người có công năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nắm tình hình thực hiện chính sách, kịp thời hổ trợ các địa phương.
2. Yêu cầu
Việc kiểm tra bảo đảm đúng quy định, không gây phiền hà cho cơ sở.
II. NỘI DUNG
1. Kiểm tra hồ sơ chi trả trợ cấp tại các huyện, hoàn thành trước ngày 31/4/2025.
Đơn vị chủ trì: Phòng Người có công.
2. Tổng hợp kết quả kiểm tra, báo cáo Giám đốc Sở.
4. Tổ chức hội nghị rút kinh nghiệm, hoàn thành trước ngày 20/02/2025.
Đơn vị chủ trì: Văn phòng Sở.
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ Kế hoạch này triển khai thực hiện.

Nơi nhận:
- Giám đốc Sở;
- Các phòng thuộc Sở;
- Lưu: VT, NCC.
GIÁM ĐỐC



Nguyễn Văn An
"""
FIVE = ["SPL002", "DAT001", "TSK001", "NUM001", "DAT002"]


def _codes(findings: list[dict]) -> list[str]:
    return [f["code"] for f in findings]


def test_extend_select_adds_a_rule_without_switching_the_others_off(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", 'extend-select = ["TSK004"]\n', FIVE_ERRORS)
    code, findings = check_json(capsys, str(draft))
    assert code == 1 and [c for c in _codes(findings) if c != "TSK004"] == FIVE and "TSK004" in _codes(findings)
    (tmp_path / ".draftlint.toml").write_text("", encoding="utf-8")
    code, findings = check_json(capsys, "--extend-select", "TSK004", str(draft))
    assert code == 1 and [c for c in _codes(findings) if c != "TSK004"] == FIVE and "TSK004" in _codes(findings)
    # --select on the command line replaces the configuration's select and extend-select.
    (tmp_path / ".draftlint.toml").write_text('select = ["NUM"]\nextend-select = ["TSK004"]\n', encoding="utf-8")
    assert sorted(set(_codes(check_json(capsys, str(draft))[1]))) == ["NUM001", "TSK004"]
    assert _codes(check_json(capsys, "--select", "DAT", str(draft))[1]) == ["DAT001", "DAT002"]
    assert sorted(set(_codes(check_json(capsys, "--extend-select", "SPL", str(draft))[1]))) == \
        ["NUM001", "SPL002", "TSK004"]


def test_explain_advises_extend_select_for_a_rule_off_by_default():
    out = run("explain", "TSK004").stdout.decode()
    assert 'extend-select = ["TSK004"]' in out and "--extend-select TSK004" in out
    assert 'select = ["TSK004"]' not in out.replace('extend-select = ["TSK004"]', "")
    assert "extend-select" not in run("explain", "TSK001").stdout.decode()


def test_repeated_select_and_ignore_add_up(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", "", FIVE_ERRORS)
    assert _codes(check_json(capsys, "--select", "SPL", "--select", "DAT001,NUM", str(draft))[1]) == \
        ["SPL002", "DAT001", "NUM001"]
    assert _codes(check_json(capsys, "--ignore", "SPL", "--ignore", "DAT", str(draft))[1]) == ["TSK001", "NUM001"]


def test_rules_are_selected_ignored_configured_and_explained_by_name(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", "", FIVE_ERRORS)
    assert _codes(check_json(capsys, "--select", "task-without-lead-unit,Numbering-Gap", str(draft))[1]) == \
        ["TSK001", "NUM001"]
    assert _codes(check_json(capsys, "--ignore", "task-without-lead-unit", str(draft))[1]) == \
        ["SPL002", "DAT001", "NUM001", "DAT002"]
    (tmp_path / ".draftlint.toml").write_text(
        'ignore = ["numbering-gap"]\nextend-select = ["task-without-deadline"]\n'
        '[rules.task-without-lead-unit]\nseverity = "info"\n'
        '[per-file-ignores]\n"drafts/**" = ["invalid-date"]\n', encoding="utf-8")
    findings = check_json(capsys, str(draft))[1]
    assert "NUM001" not in _codes(findings) and "DAT001" not in _codes(findings) and "TSK004" in _codes(findings)
    assert next(f for f in findings if f["code"] == "TSK001")["severity"] == "info"
    assert run("explain", "task-without-lead-unit").stdout.decode().startswith("TSK001 task-without-lead-unit\n")
    result = run("check", "--select", "task-without-leader", str(draft))
    assert result.returncode == 2 and "'task-without-leader' không khớp quy tắc nào" in result.stderr.decode()
    result = run("check", "--lang", "en", "--select", "task-without-leader", str(draft))
    assert result.returncode == 2 and "'task-without-leader' matches no rule" in result.stderr.decode()


def test_explicit_config_file(tmp_path, capsys):
    draft = _project(tmp_path, "other.toml", '[tool.draftlint]\nignore = ["NUM"]\n')
    assert check_json(capsys, "--config", str(tmp_path / "other.toml"), str(draft)) == (0, [])


@pytest.mark.parametrize(
    "config, fragment",
    [
        ('colour = "red"\n', "unknown key 'colour'"),
        ('fail-on = "fatal"\n', "'fail-on' must be one of"),
        ('ignore = ["XYZ"]\n', "matches no rule"),
        ('[rules.NUM002]\nseverity = "loud"\n', "unknown severity"),
        ('[rules.NUM002]\nwidth = 3\n', "has no option 'width'"),
        ('[rules.ABC123]\nseverity = "info"\n', "names no known rule"),
        ("select = [\n", "not valid TOML"),
        ('[rules.DAT006]\ntext-dates = "no"\n', "'text-dates' must be a bool"),
        ('[issuers]\n"bq lkkt" = ["Ban quản lý"]\n', "is not a code"),
        ('[document-types]\n"" = ["QC"]\n', "empty name"),
        ("[issuers]\nBQLKKT = 3\n", "must be a list of strings"),
        ('[acronyms]\n"snnmt" = ["Sở Nông nghiệp và Môi trường"]\n', "is not an acronym"),
        ('acronyms = ["SNNMT"]\n', "'acronyms' must be a table"),
    ],
)
def test_invalid_configuration_is_one_clear_line(tmp_path, config, fragment):
    draft = _project(tmp_path, ".draftlint.toml", config)
    result = run("check", "--lang", "en", str(draft))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and fragment in err and ".draftlint.toml" in err
    assert "Traceback" not in err


def test_a_closed_pipe_is_not_a_traceback():
    many = "".join(f"I. PHẦN\n1. Một\n1. Một\n" for _ in range(400))
    proc = subprocess.run(
        f"{sys.executable} -m draftlint.cli check - | head -1",
        shell=True, input=many.encode(), capture_output=True, timeout=60,
    )
    assert proc.stdout.decode().startswith("-:")
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


# --- robustness: what goes wrong around the drafts ----------------------------------------


def test_a_broken_configuration_does_not_stop_the_other_files(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GAP, encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / ".draftlint.toml").write_text("colour = 1\n", encoding="utf-8")
    (bad / "b.txt").write_text(GAP, encoding="utf-8")
    (bad / "c.txt").write_text(GAP, encoding="utf-8")
    result = run("check", "--lang", "en", "--format", "json", str(bad), str(good))
    assert result.returncode == 2
    assert [Path(f["path"]).name for f in json.loads(result.stdout)] == ["a.txt"]
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "unknown key 'colour'" in err


def test_a_folder_without_drafts_is_an_error(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run("check", str(tmp_path))
    assert result.returncode == 2
    assert ".txt" in result.stderr.decode()


def test_links_do_not_loop_and_unreadable_names_are_inputs_errors(tmp_path):
    (tmp_path / "a.txt").write_text(GAP, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder link back up
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    result = run("check", "--format", "json", str(tmp_path), str(tmp_path / "loop.txt"))
    findings = json.loads(result.stdout)
    assert result.returncode == 2
    assert sorted((Path(f["path"]).name, f["code"]) for f in findings) == [("a.txt", "NUM001"), ("loop.txt", "INP001")]
    assert b"Traceback" not in result.stderr


def test_empty_select_is_refused():
    result = run("check", "--select", ",", str(BROKEN))
    assert result.returncode == 2 and "--select" in result.stderr.decode()


def test_old_mac_line_endings(tmp_path, capsys):
    draft = tmp_path / "mac.txt"
    draft.write_bytes("I. NHIỆM VỤ\r1. Văn phòng Sở tuyên truyền\r3. Thanh tra Sở kiểm tra\r".encode())
    code, findings = check_json(capsys, str(draft))
    assert code == 1 and [(f["code"], f["line"]) for f in findings] == [("NUM001", 3)]


def test_closed_standard_input():
    proc = subprocess.run([sys.executable, "-m", "draftlint.cli", "check", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0  # an empty draft
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.stdin.close(); sys.stdin = None; "
                           "from draftlint.cli import main; sys.exit(main(['check', '-']))"],
                          capture_output=True, timeout=60)
    assert proc.returncode == 2 and b"INP001" in proc.stdout and b"Traceback" not in proc.stderr


def test_an_ignored_input_error_still_exits_2_and_says_why(tmp_path):
    result = run("check", "--ignore", "INP001", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "missing.txt" in result.stderr.decode() and "INP001" not in result.stdout.decode()


def test_configuration_codes_and_values_are_case_insensitive(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", 'ignore = ["num001"]\nfail-on = "Warning"\nlang = "EN"\n')
    assert check_json(capsys, str(draft)) == (0, [])


def test_a_console_that_cannot_show_vietnamese(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    proc = subprocess.run([sys.executable, "-m", "draftlint.cli", "check", str(BROKEN)],
                          capture_output=True, env=env, timeout=60)
    assert proc.returncode == 1 and b"NUM001" in proc.stdout and b"Traceback" not in proc.stderr


def test_a_broken_word_file_is_one_input_error_and_the_rest_is_linted(tmp_path):
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(b"PK\x03\x04")
    result = run("check", "--lang", "en", str(docx), str(CLEAN))
    out = result.stdout.decode()
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    assert "ke-hoach.docx:1:1: error: INP001" in out and "not a valid Word file (.docx)" in out
    assert "in 2 file(s)" in out


def test_missing_explicit_config_file(tmp_path):
    result = run("check", "--config", str(tmp_path / "nope.toml"), str(CLEAN))
    assert result.returncode == 2 and "nope.toml" in result.stderr.decode()


@pytest.mark.parametrize("config", ['tool = "x"\n', "[tool]\ndraftlint = 1\n"])
def test_odd_shapes_of_configuration(tmp_path, config):
    draft = _project(tmp_path, ".draftlint.toml", config)
    result = run("check", "--lang", "en", str(draft))
    assert result.returncode == 2 and "must be a table" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_non_utf8_configuration(tmp_path):
    (tmp_path / ".draftlint.toml").write_bytes('lang = "vi" # tiếng Việt\n'.encode("utf-16"))
    (tmp_path / "a.txt").write_text(GAP, encoding="utf-8")
    result = run("check", "--lang", "en", str(tmp_path / "a.txt"))
    assert result.returncode == 2 and "not valid TOML" in result.stderr.decode()


def test_an_issuer_declared_without_names(tmp_path, capsys):
    draft = _project(tmp_path, ".draftlint.toml", "[issuers]\nBQLKKT = []\nUBND = []\n",
                     "Thực hiện Kế hoạch số 09/KH-BQLKKT ngày 20/3/2024 của Ban Quản lý về tuyển dụng và "
                     "Kế hoạch số 10/KH-UBND ngày 21/3/2024 của UBND tỉnh về tuyển dụng.\n")
    assert check_json(capsys, "--select", "CIT", str(draft)) == (0, [])


def test_a_rule_option_from_configuration(tmp_path, capsys):
    text = "Hà Nội, ngày 5 tháng 3 năm 2024\nBáo cáo về Sở trước ngày 09 tháng 05 năm 2024.\n"
    draft = _project(tmp_path, ".draftlint.toml", "", text)
    _, findings = check_json(capsys, "--select", "DAT006", str(draft))
    assert [f["line"] for f in findings] == [1, 2]
    (tmp_path / ".draftlint.toml").write_text("[rules.DAT006]\ntext-dates = false\n", encoding="utf-8")
    _, findings = check_json(capsys, "--select", "DAT006", str(draft))
    assert [f["line"] for f in findings] == [1]  # the date line is still checked
    (tmp_path / ".draftlint.toml").write_text('[rules.DAT006]\ntext-dates = "no"\n', encoding="utf-8")
    assert check_json(capsys, "--select", "DAT006", str(draft))[0] == 2


def test_explain_shows_options_as_the_configuration_writes_them():
    result = run("explain", "DAT006", "--lang", "en")
    assert "    text-dates = true  — also report" in result.stdout.decode()
    out = run("explain", "TSK003", "--lang", "en").stdout.decode()
    assert '    units = []  — the office' in out
    assert 'Both examples run with: units = ["Văn phòng Sở", "Thanh tra Sở"]' in out


def test_a_list_option_must_hold_strings(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("II. NHIỆM VỤ\n1. Họp\nĐơn vị chủ trì: Văn phòng Sở.\n", encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text("[rules.TSK003]\nunits = [1, 2]\n", encoding="utf-8")
    assert check_json(capsys, str(draft))[0] == 2
    (tmp_path / ".draftlint.toml").write_text('[rules.TSK003]\nunits = ["Văn phòng Sở"]\n', encoding="utf-8")
    assert check_json(capsys, "--select", "TSK001,TSK002,TSK003", str(draft)) == (0, [])


def test_configured_acronyms_need_no_definition(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("Phối hợp với SNNMT và Uỷ ban nhân dân các huyện triển khai thực hiện.\n", encoding="utf-8")
    code, findings = check_json(capsys, "--select", "ABB", str(draft))
    assert [f["message"] for f in findings] == [
        "Chữ viết tắt SNNMT chưa được giải thích: lần dùng đầu tiên viết “cụm từ đầy đủ (SNNMT)”"]
    (tmp_path / ".draftlint.toml").write_text('[acronyms]\nSNNMT = ["Sở Nông nghiệp và Môi trường"]\n',
                                              encoding="utf-8")
    assert check_json(capsys, "--select", "ABB", str(draft)) == (0, [])


def _copies(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    text = (EXAMPLES / "ke-hoach-loi-danh-so.txt").read_bytes()
    for i in range(n):
        (folder / f"ke-hoach-{i:02d}.txt").write_bytes(text)
    return folder


def test_no_progress_display_when_piped(tmp_path):
    folder = _copies(tmp_path, 25)
    result = run("check", str(folder), "-o", str(tmp_path / "report.txt"))
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == f"Đã ghi báo cáo vào {tmp_path / 'report.txt'}\n"  # and no progress bar
    assert "trong 25 tệp" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_progress_display_on_a_terminal_for_many_files(tmp_path):
    import os
    import pty

    folder = _copies(tmp_path, 25)
    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "draftlint.cli", "check", str(folder), "-o",
                                str(tmp_path / "report.txt")], stdout=secondary, stderr=secondary,
                               env={**os.environ, "COLUMNS": "100", "TERM": "xterm"})
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 1
    assert "Đang kiểm tra".encode() in seen and b"/25" in seen
    assert "trong 25 tệp" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_a_broken_configuration_is_said_before_the_files_are_linted(tmp_path):
    """Messages reach standard error as they arise: in a long run the drafter reads at once that a
    folder's configuration is broken, not after every other file has been linted."""
    from draftlint.lint.session import CheckOptions, Session
    from draftlint.registry import all_rules

    good = tmp_path / "good"
    good.mkdir()
    for name in ("a.txt", "b.txt"):
        (good / name).write_text(GAP, encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / ".draftlint.toml").write_text("colour = 1\n", encoding="utf-8")
    (bad / "c.txt").write_text(GAP, encoding="utf-8")
    events = []

    def progress(outcomes, total):
        for outcome in outcomes:
            events.append(("linted", Path(outcome[0].path).name))
            yield outcome

    session = Session(all_rules(), CheckOptions(paths=(str(bad), str(good)), jobs=1))
    result = session.run(progress, lambda message: events.append(("said", message.text)))
    assert [kind for kind, _ in events] == ["said", "linted", "linted"]
    assert "colour" in events[0][1] and [m.text for m in result.messages] == [events[0][1]]
