"""What the command line prints and how it exits: the text lines (severity, the fix mark), the
summary of what --fix mends, --exit-zero, --quiet, colour, --show-settings, .gitignore, and the
language of help, usage and configuration errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, lint, run
from draftlint.i18n import _TEXTS
from draftlint.registry import all_rules

# A plan with a double space (UNI004, safe fix), a look-alike "Ð" (UNI001, safe fix), a sentence
# started in lower case (CAP004, unsafe fix) and a numbering gap (NUM001, an error with no fix).
PLAN = """UBND TỈNH AN GIANG
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI

KẾ HOẠCH
Tuyên truyền chính sách bảo hiểm xã hội năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người lao động về  chính sách bảo hiểm xã hội.
2. Ðẩy mạnh phối hợp giữa các phòng chuyên môn. tiếp tục rà soát đối tượng tham gia.
II. NỘI DUNG
1. Phòng Lao động - Việc làm chủ trì tổ chức hội nghị tuyên truyền.
3. Văn phòng Sở chủ trì tổng hợp báo cáo kết quả.
"""
SELECT = ("--select", "NUM,UNI,CAP")


def _plan(tmp_path: Path, name: str = "ke-hoach.txt", text: str = PLAN) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({k: v for k, v in changes.items() if v is not None})
    return env


def _draftlint(*args: str, env: dict | None = None, cwd: Path | None = None,
               stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "draftlint.cli", *args], capture_output=True, cwd=cwd,
                          env=env or _env(), timeout=60, input=stdin)


def _on_a_terminal(*args: str, env: dict) -> bytes:
    """What draftlint writes to standard output when that is a terminal."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "draftlint.cli", *args], stdout=follower,
                            stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    out = b""
    try:
        while True:  # read as it is written, or a long output fills the terminal and blocks
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end is closed: everything was read
                break
            if not chunk:
                break
            out += chunk
        proc.wait(timeout=60)
    finally:
        os.close(leader)
    assert proc.returncode in (0, 1)
    return out


# --- text lines and summary ------------------------------------------------------------------


def test_each_line_shows_its_severity_and_marks_what_fix_mends(tmp_path):
    draft = _plan(tmp_path)
    result = _draftlint("check", *SELECT, str(draft))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert f"{draft}:8:44: info: UNI004 [*] Hai dấu cách liền nhau" in lines
    assert any(line.startswith(f"{draft}:9:4: error: UNI001 [*] Chữ “Ð”") for line in lines)
    # An unsafe fix is not what --fix applies: no mark on its line.
    assert any(line.startswith(f"{draft}:9:49: warning: CAP004 Đầu câu") for line in lines)
    assert any(line.startswith(f"{draft}:12:1: error: NUM001 Đánh số nhảy cóc") for line in lines)
    # The summary counts what --fix and --unsafe-fixes would mend, as the JSON report describes it.
    fixes = [f["fix"] for f in json.loads(_draftlint("check", *SELECT, "--format", "json", str(draft)).stdout)]
    safe = sum(1 for fix in fixes if fix and fix["applicability"] == "safe")
    unsafe = sum(1 for fix in fixes if fix and fix["applicability"] == "unsafe")
    assert (safe, unsafe) == (2, 1)
    assert lines[-2] == "Tìm thấy 4 vấn đề trong 1 tệp: 2 lỗi, 1 cảnh báo, 1 gợi ý."
    assert lines[-1] == f"[*] {safe} vấn đề sửa được bằng --fix (thêm {unsafe} với --unsafe-fixes)."
    english = _draftlint("check", *SELECT, "--lang", "en", str(draft)).stdout.decode().splitlines()
    assert english[-1] == "[*] 2 fixable with --fix (1 more with --unsafe-fixes)."
    # After --fix only the unsafe one is left to mend.
    _draftlint("check", *SELECT, "--fix", str(draft))
    after = _draftlint("check", *SELECT, str(draft)).stdout.decode().splitlines()
    assert after[-1] == "1 vấn đề sửa được bằng --fix --unsafe-fixes."
    assert not any("[*]" in line for line in after)


def test_a_draft_with_nothing_to_mend_has_no_fix_line(tmp_path):
    mended = PLAN.replace("về  chính", "về chính").replace("Ðẩy", "Đẩy").replace(". tiếp", ". Tiếp")
    draft = _plan(tmp_path, text=mended)
    lines = _draftlint("check", *SELECT, str(draft)).stdout.decode().splitlines()
    assert lines[-1] == "Tìm thấy 1 vấn đề trong 1 tệp: 1 lỗi." and "[*]" not in "".join(lines)


def test_the_github_annotations_do_not_change(tmp_path):
    draft = _plan(tmp_path)
    out = _draftlint("check", *SELECT, "--format", "github", str(draft)).stdout.decode().splitlines()
    assert out[0].startswith("::notice file=") and out[0].endswith("::Hai dấu cách liền nhau")
    assert all("[*]" not in line and "Tìm thấy" not in line for line in out)


# --- flags ---------------------------------------------------------------------------------------


def test_exit_zero_exits_0_with_findings_but_not_on_an_error(tmp_path):
    draft = _plan(tmp_path)
    result = _draftlint("check", "--exit-zero", str(draft))
    assert result.returncode == 0 and "NUM001" in result.stdout.decode()
    assert _draftlint("check", "--exit-zero", "--diff", str(draft)).returncode == 0
    assert _draftlint("check", "--diff", str(draft)).returncode == 1
    missing = _draftlint("check", "--exit-zero", str(draft), str(tmp_path / "khong-co.txt"))
    assert missing.returncode == 2


def test_quiet_prints_only_the_findings(tmp_path):
    draft = _plan(tmp_path)
    out = _draftlint("check", "-q", *SELECT, str(draft)).stdout.decode().splitlines()
    assert len(out) == 4 and all(line.startswith(f"{draft}:") for line in out)
    statistics = _draftlint("check", "--quiet", "--statistics", *SELECT, str(draft)).stdout.decode()
    assert "UNI004" in statistics and "Tìm thấy" not in statistics and "[*]" not in statistics
    fixed = _draftlint("check", "-q", *SELECT, "--fix", str(draft))
    assert fixed.stderr == b"" and "Đẩy mạnh" in draft.read_text(encoding="utf-8")
    clean = _plan(tmp_path, "sach.txt", "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n2. Đẩy mạnh phối hợp.\n")
    result = _draftlint("check", "-q", *SELECT, str(clean))
    assert (result.returncode, result.stdout) == (0, b"")


def test_quiet_also_silences_the_notes_of_annotate(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("I. MỤC ĐÍCH")
    document.add_paragraph("1. Cần hổ trợ người dân.")
    document.add_paragraph("3. Yêu cầu")
    document.save(tmp_path / "kh.docx")
    _plan(tmp_path, "ghi-chu.txt")
    (tmp_path / "out").mkdir()
    loud = _draftlint("check", str(tmp_path), "--annotate", str(tmp_path / "out"))
    assert "Đã ghi" in loud.stderr.decode() and "bỏ qua 1 tệp" in loud.stderr.decode()
    quiet = _draftlint("check", "-q", str(tmp_path), "--annotate", str(tmp_path / "out2"))
    assert quiet.returncode == 2  # the folder does not exist: errors are still said
    (tmp_path / "out2").mkdir()
    quiet = _draftlint("check", "-q", str(tmp_path / "kh.docx"), "--annotate", str(tmp_path / "out2"))
    assert quiet.stderr == b"" and (tmp_path / "out2" / "kh.docx").is_file()


def test_lang_may_come_before_the_command(tmp_path):
    draft = _plan(tmp_path)
    before = _draftlint("--lang", "en", "check", *SELECT, str(draft))
    after = _draftlint("check", "--lang", "en", *SELECT, str(draft))
    assert before.returncode == after.returncode == 1 and before.stdout == after.stdout
    assert b"Found" in before.stdout
    assert _draftlint("--lang", "en", "explain", "NUM001").stdout.decode().splitlines()[2].startswith("Sibling")
    assert "[--lang {vi,en}]" in _draftlint("--help").stdout.decode()


def test_force_color_colours_a_pipe_and_no_color_or_the_flag_wins(tmp_path):
    draft = _plan(tmp_path)
    forced = _draftlint("check", *SELECT, str(draft), env=_env(FORCE_COLOR="1")).stdout
    assert b"\x1b[" in forced and "error".encode() in forced
    for env, flags in ((_env(FORCE_COLOR="1", NO_COLOR="1"), ()), (_env(FORCE_COLOR="1"), ("--no-color",))):
        plain = _draftlint("check", *SELECT, *flags, str(draft), env=env).stdout
        assert b"\x1b" not in plain and f"{draft}:12:1: error: NUM001".encode() in plain


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_keeps_a_terminal_plain_for_findings_and_the_rules_table(tmp_path):
    draft = _plan(tmp_path)
    assert b"\x1b[" in _on_a_terminal("check", *SELECT, str(draft), env=_env())
    assert b"\x1b[" in _on_a_terminal("rules", env=_env())
    for args in (("check", *SELECT, str(draft)), ("rules",)):
        out = _on_a_terminal(*args, env=_env(NO_COLOR="1"))
        assert b"\x1b" not in out and (b"NUM001" in out)
        assert b"\x1b" not in _on_a_terminal(*args, "--no-color", env=_env())


def test_show_settings_names_the_configuration_and_what_it_resolves_to(tmp_path):
    config = tmp_path / ".draftlint.toml"
    config.write_text('select = ["NUM", "UNI"]\nignore = ["NUM005"]\nfail-on = "warning"\nlang = "en"\n'
                      'exclude = ["luu-tru/**"]\n[per-file-ignores]\n"ban-nhap/**" = ["UNI004"]\n'
                      '[rules.NUM002]\nseverity = "info"\n', encoding="utf-8")
    draft = _plan(tmp_path, "ban-nhap/ke-hoach.txt")
    result = _draftlint("check", "--show-settings", "--ignore", "UNI007", str(draft))
    assert result.returncode == 0 and result.stderr == b""
    lines = result.stdout.decode().splitlines()
    assert lines[0] == f"# Thiết lập áp dụng cho {draft}"
    assert lines[1] == f"# Tệp cấu hình: {config}"
    assert 'select = ["NUM", "UNI"]' in lines and 'ignore = ["NUM005", "UNI007"]' in lines
    assert 'per-file-ignores = ["UNI004"]' in lines
    assert 'fail-on = "warning"' in lines and 'lang = "en"' in lines and 'exclude = ["luu-tru/**"]' in lines
    assert "[rules.NUM002]" in lines and 'severity = "info"' in lines
    listed = {code.strip() for line in lines if line.startswith("# NUM") for code in line[2:].split(",")}
    # A family named in select brings all its rules, those off by default too.
    running = {code for code in all_rules() if code.startswith(("NUM", "UNI"))} - {"NUM005", "UNI007"}
    assert listed == running
    # Nothing was linted, and an excluded file says so.
    assert not any(line.startswith(f"{draft}:") for line in lines)
    archived = _plan(tmp_path, "luu-tru/cu.txt")
    out = _draftlint("check", "--show-settings", "--lang", "en", str(archived)).stdout.decode()
    assert "# This file is excluded, but linted because it is named" in out  # as check would
    out = _draftlint("check", "--show-settings", "--force-exclude", "--lang", "en", str(archived)).stdout.decode()
    assert "# This file is excluded: not linted" in out
    elsewhere = _plan(tmp_path.parent / f"{tmp_path.name}-khac", "a.txt")
    defaults = _draftlint("check", "--show-settings", str(elsewhere)).stdout.decode().splitlines()
    assert defaults[1] == "# Tệp cấu hình: không có (dùng mặc định)" and 'select = ["ALL"]' in defaults
    # extend-select adds to the selection, and the rules that run say so.
    extended = _draftlint("check", "--show-settings", "--extend-select", "TSK004", str(elsewhere)).stdout.decode()
    assert 'extend-select = ["TSK004"]' in extended.splitlines() and "TSK004" in extended.split("(", 1)[1]
    assert "TSK004" not in "".join(defaults)


def test_fix_on_standard_input_writes_the_fixed_text_and_reports_on_standard_error(tmp_path):
    text = "KẾ HOẠCH\nHỗ trợ năm 2025\n\nI. MỤC ĐÍCH\n1. Cần hổ trợ người dân.\n3. Yêu cầu\n"
    fixed = _draftlint("check", "--fix", "-", stdin=text.encode())
    assert fixed.returncode == 1
    assert fixed.stdout.decode() == text.replace("hổ trợ", "hỗ trợ")
    err = fixed.stderr.decode()
    assert "-:6:1: error: NUM001" in err and "SPL002" not in err
    diff = _draftlint("check", "--diff", "-", stdin=text.encode())
    assert diff.returncode == 1 and "+1. Cần hỗ trợ người dân." in diff.stdout.decode()


def test_quiet_hides_where_the_report_was_written(tmp_path):
    draft = _plan(tmp_path, "ke-hoach.txt")
    loud = _draftlint("check", "--format", "json", "-o", str(tmp_path / "a.json"), str(draft))
    assert f"Đã ghi báo cáo vào {tmp_path / 'a.json'}" in loud.stderr.decode()
    quiet = _draftlint("check", "-q", "--format", "json", "-o", str(tmp_path / "b.json"), str(draft))
    assert quiet.stderr == b"" and (tmp_path / "b.json").read_text(encoding="utf-8").startswith("[")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_check_with_no_path_leaves_out_what_git_ignores(tmp_path):
    repo = tmp_path / "du-thao"
    _plan(repo, "ban-nhap/ke-hoach.txt")
    _plan(repo, "luu-tru/ke-hoach-2019.txt")
    _plan(repo, "ban-nhap/ke-hoach.cu.txt")
    (repo / ".gitignore").write_text("luu-tru/\n*.cu.txt\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)

    def linted(*args: str, env: dict | None = None) -> set[str]:
        result = _draftlint("check", "--format", "json", *args, cwd=repo, env=env)
        assert result.returncode == 1, result.stderr
        return {Path(f["path"]).as_posix() for f in json.loads(result.stdout)}

    assert linted() == {"ban-nhap/ke-hoach.txt"}
    # From a subfolder too, and a path named on the command line is linted whatever git ignores.
    assert linted("luu-tru") == {"luu-tru/ke-hoach-2019.txt"}
    assert linted(".") == {"ban-nhap/ke-hoach.txt", "ban-nhap/ke-hoach.cu.txt", "luu-tru/ke-hoach-2019.txt"}
    # Without git, every draft found is linted.
    no_git = _env(PATH=str(tmp_path / "khong-co-git"))
    assert linted(env=no_git) == {"ban-nhap/ke-hoach.txt", "ban-nhap/ke-hoach.cu.txt", "luu-tru/ke-hoach-2019.txt"}


# --- messages ------------------------------------------------------------------------------------


def test_a_configuration_error_on_every_file_prints_no_summary(tmp_path):
    (tmp_path / ".draftlint.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    draft = _plan(tmp_path)
    result = _draftlint("check", str(draft))
    assert result.returncode == 2 and result.stdout == b""
    err = result.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("draftlint: lỗi: ")
    assert "'fail-on' phải là một trong error, warning, info, không phải 'fatal'" in err
    nothing = _draftlint("check", str(tmp_path / "khong-co-gi"))
    assert nothing.returncode == 2 and b"0 t" not in nothing.stdout and nothing.stdout == b""


@pytest.mark.parametrize(
    "config, vietnamese, english",
    [
        ('colour = "red"\n', "không có khóa 'colour'", "unknown key 'colour'"),
        ('ignore = ["XYZ"]\n', "'XYZ' không khớp quy tắc nào", "'XYZ' matches no rule"),
        ('[rules.NUM002]\nwidth = 3\n', "[rules.NUM002] không có tùy chọn 'width'", "has no option 'width'"),
        ('[rules.DAT006]\ntext-dates = "no"\n', "'text-dates' phải là bool, không phải str", "must be a bool"),
        ('acronyms = ["SNNMT"]\n', "'acronyms' phải là một bảng, ví dụ [tool.draftlint.acronyms]",
         "'acronyms' must be a table, e.g. [tool.draftlint.acronyms]"),
    ],
)
def test_configuration_errors_speak_the_report_language(tmp_path, config, vietnamese, english):
    (tmp_path / ".draftlint.toml").write_text(config, encoding="utf-8")
    draft = _plan(tmp_path)
    assert vietnamese in _draftlint("check", str(draft)).stderr.decode()
    result = _draftlint("check", "--lang", "en", str(draft))
    assert result.returncode == 2 and english in result.stderr.decode()
    assert result.stderr.decode().startswith("draftlint: error: ")


def test_help_and_usage_errors_are_vietnamese_by_default_and_english_with_lang_en():
    help_vi = _draftlint("check", "--help").stdout.decode()
    assert help_vi.startswith("cách dùng: draftlint check") and "tùy chọn:" in help_vi
    assert "in trợ giúp này rồi thoát" in help_vi and "mức thấp nhất làm mã thoát là 1" in help_vi
    help_en = _draftlint("check", "--help", "--lang", "en").stdout.decode()
    assert help_en.startswith("usage: draftlint check") and "lowest severity that makes the exit code 1" in help_en
    assert "cách dùng" not in help_en
    top = _draftlint("--help").stdout.decode()
    assert "Kiểm tra dự thảo văn bản hành chính" in top and "giải thích một quy tắc" in top
    for args, fragment in ((("check", "--format", "xml"), "lựa chọn không hợp lệ: 'xml'"),
                           (("check", "--jobs", "0"), "cần số tiến trình từ 1 trở lên"),
                           (("kiem-tra",), "lựa chọn không hợp lệ: 'kiem-tra'"),
                           (("explain",), "thiếu đối số bắt buộc: code")):
        result = _draftlint(*args)
        err = result.stderr.decode()
        assert result.returncode == 2 and err.count("\n") == 1 and fragment in err, err
        assert err.startswith("draftlint: lỗi: ") and "--help" in err
    english = _draftlint("check", "--lang", "en", "--format", "xml").stderr.decode()
    assert english.startswith("draftlint: error: argument --format: invalid choice: 'xml'")


def test_a_finding_is_one_word_in_vietnamese():
    # "lỗi" is the severity "error" (and the error prefix); a finding is a "vấn đề".
    uses = {key for key, text in _TEXTS.items() if isinstance(text["vi"], str) and "lỗi" in text["vi"]}
    assert uses == {"severity.error", "error.prefix", "html.sev.error"}
    assert "phát hiện" not in " ".join(str(text["vi"]) for text in _TEXTS.values())
    for rule in all_rules().values():
        texts = [m["vi"] for m in rule.messages.values()] + [rule.summary["vi"]]
        assert not any("phát hiện" in text for text in texts), rule.code


# --- explain: the fix's safety -------------------------------------------------------------------


@pytest.mark.parametrize("code, vietnamese, english", [
    ("UNI004", "sửa tự động an toàn (--fix)", "safe automatic fix (--fix)"),
    ("CAP004", "sửa tự động không an toàn", "unsafe automatic fix, for a person to confirm"),
    ("SPL002", "an toàn hay không tùy trường hợp", "safe or unsafe by case"),
    ("NUM001", "không sửa tự động", "no automatic fix"),
])
def test_explain_says_whether_the_fix_is_safe(code, vietnamese, english):
    assert vietnamese in run("explain", code).stdout.decode().splitlines()[4]
    assert english in run("explain", code, "--lang", "en").stdout.decode().splitlines()[4]


@pytest.mark.parametrize("code", [code for code, rule in all_rules().items() if rule.fixable])
def test_a_rule_declares_the_safety_its_fixes_have(code):
    rule = all_rules()[code]
    assert rule.fix_safety in ("safe", "unsafe", "both")
    drafts = [rule.bad] + [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    found = {f.fix.safe for text in drafts for f in lint(text, select=[code], rules={code: dict(rule.example_options)})
             if f.code == code and f.fix is not None}
    assert found, f"neither {code}'s failing example nor the examples show its fix"
    if rule.fix_safety != "both":
        assert found == {rule.fix_safety == "safe"}


def test_every_help_text_has_its_vietnamese():
    import argparse

    from draftlint.cli import build_parser
    from draftlint.i18n import argparse_words

    catalogue = argparse_words("vi")
    parsers = [build_parser("en")]  # its texts as written, in English
    helps = []
    while parsers:
        parser = parsers.pop()
        helps.append(parser.description)
        for action in parser._actions:
            helps.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
                helps.extend(choice.help for choice in action._choices_actions)
    missing = sorted({text for text in helps if text and text != argparse.SUPPRESS and text not in catalogue})
    assert missing == [], "add their Vietnamese to draftlint/i18n.py"
