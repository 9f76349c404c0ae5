"""--fix, --diff, --unsafe-fixes and the other output options, end to end."""

from __future__ import annotations

import codecs
import json

from conftest import EXAMPLES, run

DRAFT = ("I. NHIỆM VỤ\n1. Ðẩy mạnh  công tác tuyên truyền , vận động của của người dân.\n"
         "Đơn vị chủ trì: Văn phòng Sở.\n")
FIXED = ("I. NHIỆM VỤ\n1. Đẩy mạnh công tác tuyên truyền, vận động của người dân.\n"
         "Đơn vị chủ trì: Văn phòng Sở.\n")


def test_diff_prints_what_fix_would_change_and_changes_nothing(tmp_path):
    draft = tmp_path / "kh.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run("check", "--diff", str(draft))
    out = result.stdout.decode()
    assert result.returncode == 1 and out.startswith("--- a/") and "+1. Đẩy mạnh công tác tuyên truyền, vận" in out
    assert draft.read_text(encoding="utf-8") == DRAFT
    clean = tmp_path / "clean.txt"
    clean.write_text(FIXED, encoding="utf-8")
    assert run("check", "--diff", str(clean)).returncode == 0


def test_fix_rewrites_only_the_fix_spans_and_is_idempotent(tmp_path):
    draft = tmp_path / "kh.txt"
    draft.write_bytes(codecs.BOM_UTF8 + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    result = run("check", "--fix", "--format", "json", str(draft))
    assert "Đã sửa" in result.stderr.decode()
    data = draft.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # the encoding and line endings are kept
    assert data[3:].decode("utf-8") == FIXED.replace("\n", "\r\n")
    assert json.loads(result.stdout) == []  # what is left after fixing
    again = run("check", "--fix", str(draft))
    assert again.returncode == 0 and draft.read_bytes() == data and "Đã sửa" not in again.stderr.decode()


def test_unsafe_fixes_only_when_asked(tmp_path):
    draft = tmp_path / "kh.txt"
    text = ("Sở Lao động - Thương binh và Xã hội chủ trì.\nSở Lao động – Thương binh và Xã hội tổng hợp.\n"
            "Sở Lao động - Thương binh và Xã hội báo cáo.\n")
    draft.write_text(text, encoding="utf-8")
    run("check", "--fix", "--select", "UNI007", str(draft))
    assert draft.read_text(encoding="utf-8") == text  # UNI007's fix is unsafe
    run("check", "--fix", "--unsafe-fixes", "--select", "UNI007", str(draft))
    assert draft.read_text(encoding="utf-8") == text.replace("–", "-")


def test_the_json_fix_round_trips(tmp_path):
    draft = tmp_path / "kh.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", str(draft)).stdout)
    lines = DRAFT.splitlines(keepends=True)
    edits = [e for f in findings if f["fix"] and f["fix"]["applicability"] == "safe" for e in f["fix"]["edits"]]

    def offset(line, column):
        return sum(len(x) for x in lines[:line - 1]) + column - 1

    text = DRAFT
    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        text = text[:offset(e["line"], e["column"])] + e["content"] + text[offset(e["end_line"], e["end_column"]):]
    assert text == FIXED


def test_github_annotations_and_statistics(tmp_path):
    draft = tmp_path / "kế hoạch, 2025.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = run("check", "--format", "github", str(draft)).stdout.decode().splitlines()
    assert out[0].startswith("::error file=") and "kế hoạch%2C 2025.txt" in out[0]
    assert ",line=2,col=4,endLine=2,endColumn=" in out[0] and "title=UNI001 confusable-character::" in out[0]
    assert any(line.startswith("::notice ") for line in out)  # info findings are notices
    stats = run("check", "--statistics", str(draft)).stdout.decode().splitlines()
    assert stats[0].split()[:2] == ["2", "UNI004"] and stats[-2].startswith("Tìm thấy")
    assert stats[-1].startswith("[*] ") and "--fix" in stats[-1]  # how many of them --fix mends


def test_sarif_carries_every_rule_and_every_finding_with_its_region(tmp_path):
    draft = tmp_path / "kh.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    log = json.loads(run("check", "--format", "sarif", str(draft)).stdout)
    plain = json.loads(run("check", "--format", "json", str(draft)).stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rules[0])
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run_["results"]] == \
        [(f["code"], f["line"], f["column"]) for f in plain]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
    word = json.loads(run("check", "--format", "sarif", str(EXAMPLES / "ke-hoach-word-loi.docx")).stdout)
    assert word["runs"][0]["results"][0]["locations"][0]["logicalLocations"] == [{
        "name": "bảng 1, hàng 1, ô 2", "kind": "element", "properties": {"table": 1, "row": 1, "cell": 2}}]


# The provincial competitiveness index abbreviated with the consumer price index's letters, then
# that slip written twice more: each use is a finding of its own, and fixing leaves no CPI.
SLIPPED_ACRONYM = """KẾ HOẠCH
Cải thiện môi trường đầu tư kinh doanh năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (CPI) của tỉnh năm 2025.
2. Phấn đấu CPI năm 2025 của tỉnh thuộc nhóm 10 tỉnh dẫn đầu cả nước.

II. NHIỆM VỤ
1. Sở Kế hoạch và Đầu tư chủ trì theo dõi các chỉ số thành phần CPI, báo cáo UBND tỉnh trước ngày 15/12/2025.
"""


def test_an_acronym_slip_is_fixed_at_every_use(tmp_path):
    draft = tmp_path / "ke-hoach-pci.txt"
    draft.write_text(SLIPPED_ACRONYM, encoding="utf-8")
    result = run("check", "--select", "ABB", "--format", "json", str(draft))
    findings = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in findings] == [("ABB001", 5), ("ABB001", 6), ("ABB001", 9)]
    assert all(f["fix"]["edits"][0]["content"] == "PCI" for f in findings)
    run("check", "--fix", "--select", "ABB", str(draft))
    assert draft.read_text(encoding="utf-8") == SLIPPED_ACRONYM  # ABB001's fixes are unsafe
    result = run("check", "--fix", "--unsafe-fixes", "--select", "ABB", str(draft))
    assert result.returncode == 0 and "Đã sửa 3 vấn đề trong 1 tệp" in result.stderr.decode()
    assert draft.read_text(encoding="utf-8") == SLIPPED_ACRONYM.replace("CPI", "PCI")
