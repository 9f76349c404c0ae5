"""The acronym, repeated-word, Unicode and capitalisation rules on the example and the real seeds."""

from __future__ import annotations

from conftest import EXAMPLES, lint, needs_seeds, seed_files
from draftlint import data
from draftlint.extract.acronyms import builtin_entries, edit_distance_one, is_anagram, key
from draftlint.registry import all_rules
from draftlint.front.source import read_path

FAMILIES = ("ABB", "SPL", "UNI", "CAP")


def test_the_example_trips_every_rule_of_these_families():
    findings = lint(read_path(str(EXAMPLES / "ke-hoach-loi-van-ban.txt")), select=list(FAMILIES))
    # Naming a family selects its rules that are off by default too (ABB002, SPL003 …).
    expected = {code for code in all_rules() if code.startswith(FAMILIES)}
    assert {f.code for f in findings} == expected


def test_the_glossary():
    entries = builtin_entries()
    assert entries["PCI"].shown == "Chỉ số năng lực cạnh tranh cấp tỉnh" and not entries["PCI"].common
    assert entries["CPI"].shown == "Chỉ số giá tiêu dùng"
    assert entries["UBND"].common and entries["BHXH"].common
    assert "PAR INDEX" in entries and "ICT INDEX" in entries
    rows = data.load("acronyms.toml")["acronym"]
    assert len({key(r["abbr"]) for r in rows}) == len(rows)  # each acronym once
    assert all(r["expansions"] and r["abbr"] == r["abbr"].strip() for r in rows)


def test_near_misses():
    assert is_anagram("PAIP", "PAPI") and not is_anagram("PAPI", "PAPI")
    assert edit_distance_one("LĐBTXH", "LĐTBXH") and edit_distance_one("SIPA", "SIPAS")
    assert not edit_distance_one("BHXH", "BHYT") and not edit_distance_one("PCI", "PCI")


# Every ABB, SPL001, UNI and CAP finding on the five real drafts (SPL002–SPL005: test_spelling.py), read one by one (see the closing
# note of the change that added the rules): line, code.
SEED_FINDINGS = {
    "000_a0aa9cc5e8ce0927.txt": [(225, "UNI004")],
    "001_8044eae79f5ac074.txt": [(63, "SPL001"), (134, "SPL001"), (142, "UNI003"), (351, "CAP003"),
                                 (405, "CAP006"), (434, "ABB002"), (476, "ABB002"), (691, "UNI002"),
                                 (691, "UNI002"), (721, "UNI005"), (752, "CAP006"), (894, "UNI001")],
    "002_26241eb766ebbec5.txt": [(59, "ABB003"), (79, "ABB001"), (111, "CAP005")],
    "003_4c06fdcf13e79645.txt": [(15, "CAP003"), (15, "UNI004"), (19, "CAP003"), (19, "UNI004"),
                                 (20, "UNI007"), (26, "UNI004"), (26, "UNI003"), (32, "CAP005"),
                                 (54, "UNI002"), (56, "ABB002"), (67, "CAP003"), (69, "UNI004"), (71, "UNI004"),
                                 (78, "CAP003"), (78, "UNI005"), (80, "CAP005"), (105, "UNI004"), (111, "SPL001"),
                                 # not 115 "giáo dục dục nghề": a word on one side of the doubled syllable
                                 (184, "SPL001"), (192, "UNI002"), (192, "UNI002"),
                                 (211, "UNI004"), (213, "UNI004")],
    "004_b0ae6d1c003071f9.txt": [(21, "UNI007"), (55, "UNI003")],  # the en dashes, not the header's hyphen
}


@needs_seeds
def test_seed_findings():
    found = {f.name: [(x.line, x.code) for x in lint(read_path(str(f)), select=["ABB", "SPL001", "UNI", "CAP"])]
             for f in seed_files()}
    assert found == SEED_FINDINGS
