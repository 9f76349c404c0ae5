"""The citation extractor, and the CIT findings on the real drafts (reviewed one by one)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, SEEDS, lint, needs_seeds
from draftlint.extract.citations import citations
from draftlint.front.pipeline import read_document
from draftlint.front.source import read_path


def extract(text: str):
    doc = read_document(text, "draft.txt")
    return citations(doc).items


def test_parts_of_a_full_citation():
    [c] = extract("Căn cứ Chương trình hành động số 71-CTr/TU, ngày 09/4/2024 của Ban Chấp hành Đảng bộ tỉnh "
                  "(Khóa XX) về chính sách xã hội.\n")
    assert (c.type.name, c.so_count) == ("Chương trình hành động", 1)
    assert (c.symbol.key, c.symbol.style, c.symbol.type_code, c.symbol.issuer_codes) == ("71-CTr/TU", "party", "CTr", ("TU",))
    assert (c.date.day, c.date.month, c.date.year, c.date.words) == (9, 4, 2024, False)
    assert c.issuer == "Ban Chấp hành Đảng bộ tỉnh (Khóa XX)" and c.summary


def test_citation_wrapped_over_lines_and_inside_brackets():
    text = ("1. Nhiệm vụ\nĐẩy mạnh thực hiện chính sách (theo Quyết định số 78/QĐ-\nUBND ngày 16 tháng 01 năm 2024 "
            "của Ủy ban nhân dân tỉnh về nhiệm vụ năm 2024).\n")
    [c] = extract(text)
    assert c.symbol.key == "78/QĐ-UBND" and c.date.words and c.date.value == (2024, 1, 16)
    assert c.issuer == "Ủy ban nhân dân tỉnh"


@pytest.mark.parametrize("text, key, style, year", [
    ("Nghị định số 20/2021/NĐ-CP ngày 15/3/2021", "20/2021/NĐ-CP", "state", 2021),
    ("Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020", "02/2020/UBTVQH14", "law", 2020),
    ("Công văn số 3307/UBND-TH ngày 30/12/2020", "3307/UBND-TH", "state", None),
    ("Nghị quyết số 01/NQ-CP ngày 05/01/2024", "01/NQ-CP", "state", None),
    ("Chỉ thị số 20-CT/TW ngày 12/12/2022", "20-CT/TW", "party", None),
    ("Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP ngày 06/5/2005", "55/2005/TTLT-BNV-VPCP", "state", 2005),
])
def test_symbol_forms(text, key, style, year):
    [c] = extract(f"Thực hiện {text} của cơ quan về việc.\n")
    assert (c.symbol.key, c.symbol.style, c.symbol.year) == (key, style, year)


def test_short_references_and_generic_mentions():
    items = extract("Thực hiện các nghị quyết của Tỉnh ủy, Luật Ngân sách Nhà nước và Quyết định 835 của UBND tỉnh.\n")
    assert [(c.type.name, c.bare_number) for c in items] == [("Quyết định", "835")]


TYPES = [("Quyết định", "QĐ"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kế hoạch", "KH"),
         ("Thông báo", "TB"), ("Hướng dẫn", "HD"), ("Chương trình hành động", "CTr"), ("Kết luận", "KL")]
STATE = [("UBND", "Ủy ban nhân dân tỉnh"), ("CP", "Chính phủ"), ("TTg", "Thủ tướng Chính phủ"),
         ("HĐND", "Hội đồng nhân dân tỉnh"), ("BNV", "Bộ Nội vụ")]
PARTY = [("TW", "Bộ Chính trị"), ("TU", "Tỉnh ủy"), ("HU", "Huyện ủy")]


@st.composite
def well_formed(draw):
    name, code = draw(st.sampled_from(TYPES))
    party = draw(st.booleans())
    issuer_code, issuer = draw(st.sampled_from(PARTY if party else STATE))
    number = draw(st.integers(1, 9999))
    year = draw(st.integers(2000, 2025))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    symbol = f"{number:02d}-{code}/{issuer_code}" if party else f"{number:02d}/{code}-{issuer_code}"
    date = draw(st.sampled_from([f"ngày {day:02d}/{month}/{year}", f"ngày {day:02d} tháng {month} năm {year}"]))
    comma = "," if party and draw(st.booleans()) else ""
    text = f"Thực hiện {name} số {symbol}{comma} {date} của {issuer} về công tác năm {year}.\n"
    return text, name, symbol, (year, month, day), issuer


@settings(max_examples=200, deadline=None)
@given(well_formed())
def test_a_generated_citation_comes_out_with_exactly_its_parts(case):
    text, name, symbol, date, issuer = case
    [c] = extract(text)
    assert (c.type.name, c.symbol.key, c.date.value, c.issuer, c.summary) == (name, symbol, date, issuer, True)
    assert lint(text, select=["CIT"]) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Quyết định", "số", "số số", "90/QĐ-LĐTBXH", "26-NQ/TW", "02/2020/UBTVQH 14",
                                 "ngày", "19/01/2024", "tháng", "năm", "....", "của", "Chính phủ", "(", ")",
                                 "“", "về", ",", "và", "Luật", "Pháp lệnh", "/", "-", "\n"]) | st.text(max_size=8),
                max_size=40).map(" ".join))
def test_the_extractor_never_raises_and_spans_stay_inside(text):
    doc = read_document(text, "x")
    for c in citations(doc).items:
        for span in (c.span, c.type_span, c.symbol and c.symbol.span, c.date and c.date.span, c.issuer_span):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(doc.text)


def test_the_citation_example_trips_every_rule():
    findings = lint(read_path(str(EXAMPLES / "ke-hoach-loi-trich-dan.txt")), select=["CIT"])
    assert {f.code for f in findings} == {f"CIT{n:03d}" for n in range(1, 15)}


@pytest.mark.parametrize("name", ["ke-hoach-mau.txt", "cong-van-mau.md"])
def test_clean_examples_stay_clean(name):
    assert lint(read_path(str(EXAMPLES / name))) == []


# Every CIT finding on the five real drafts, read one by one (see the closing note of the change
# that added the rules): line, code.
SEED_FINDINGS = {
    "000_a0aa9cc5e8ce0927.txt": [(111, "CIT004"), (184, "CIT013"), (184, "CIT011")],
    "001_8044eae79f5ac074.txt": [(594, "CIT001"), (738, "CIT001")],
    "002_26241eb766ebbec5.txt": [(65, "CIT001"), (65, "CIT001")],
    "003_4c06fdcf13e79645.txt": [(30, "CIT011"), (36, "CIT011"), (67, "CIT006"), (72, "CIT007"), (78, "CIT011"),
                                 (78, "CIT012"), (211, "CIT011")],  # 78: "số" missing, twice,
    "004_b0ae6d1c003071f9.txt": [],
}


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FINDINGS))
def test_seed_citation_findings(name):
    findings = lint(read_path(str(SEEDS / name)), select=["CIT"])
    assert [(f.line, f.code) for f in findings] == SEED_FINDINGS[name], [f"{f.line} {f.code} {f.message}" for f in findings]


def test_configuration_adds_types_and_issuers(tmp_path):
    from draftlint.cli import main

    (tmp_path / ".draftlint.toml").write_text(
        '[document-types]\n"Quy chế phối hợp" = ["QCPH"]\n[issuers]\nBQLKKT = ["Ban Quản lý Khu kinh tế"]\n',
        encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Thực hiện Quy chế phối hợp số 05/QCPH-BQLKKT ngày 12/3/2024 của Ban Quản lý Khu kinh tế "
                     "về quản lý lao động và Kế hoạch số 09/KH-BQLKKT ngày 20/3/2024 của Ban Quản lý Khu kinh tế "
                     "về tuyển dụng.\n", encoding="utf-8")
    import io
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", "--select", "CIT", str(draft)])
    assert (code, json.loads(out.getvalue())) == (0, [])
    # With them, a slip in the case of the office's own code is reported like a built-in one.
    slip = tmp_path / "slip.txt"
    slip.write_text(draft.read_text(encoding="utf-8").replace("09/KH-BQLKKT", "09/KH-Bqlkkt"), encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text('[issuers]\nBQLKKT = ["Ban Quản lý Khu kinh tế"]\n', encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--format", "json", "--select", "CIT014", str(slip)])
    assert [(f["code"], f["column"]) for f in json.loads(out.getvalue())] == [("CIT014", 124)]


@pytest.mark.parametrize("written, value, words", [
    ("ngày 19/01/2024", (2024, 1, 19), False),
    ("ngày 09 tháng 5 năm 2024", (2024, 5, 9), True),
    ("ngày 05-01-2024", (2024, 1, 5), False),
    ("ngày 05.01.2024", (2024, 1, 5), False),
    ("ngày .... tháng .....năm 2024", None, True),
    ("ngày    /    /2024", None, False),
    ("ngày 00/00/2024", None, False),
    ("ngày      tháng 3 năm 2024", None, True),
])
def test_date_forms(written, value, words):
    [c] = extract(f"Thực hiện Kế hoạch số 12/KH-UBND {written} của UBND tỉnh về chuyển đổi số.\n")
    assert (c.date.raw, c.date.value, c.date.words) == (written, value, words)
    assert c.issuer == "UBND tỉnh"


def test_the_citation_example_findings():
    findings = lint(read_path(str(EXAMPLES / "ke-hoach-loi-trich-dan.txt")), select=["CIT"])
    assert [(f.line, f.code) for f in findings] == [
        (13, "CIT003"), (14, "CIT004"), (18, "CIT006"), (20, "CIT013"), (20, "CIT011"), (20, "CIT001"),
        (24, "CIT008"), (24, "CIT011"), (26, "CIT005"), (28, "CIT010"), (28, "CIT009"), (30, "CIT007"),
        (30, "CIT001"), (30, "CIT011"), (32, "CIT002"), (32, "CIT014"), (34, "CIT012"),
    ]
