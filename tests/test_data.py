"""The reference tables shipped as data files."""

from __future__ import annotations

from draftlint import data, tagger


def test_document_types_hold_appendix_iii():
    codes = {t.name: t.code for t in data.document_types()}
    # Nghị định 30/2020/NĐ-CP, Phụ lục III, Mục I (mixed case kept: QyĐ, CTr, TTr).
    assert codes["Kế hoạch"] == "KH"
    assert codes["Chương trình"] == "CTr"
    assert codes["Quy định"] == "QyĐ"
    assert codes["Tờ trình"] == "TTr"
    assert codes["Đề án"] == "ĐA" and codes["Dự án"] == "DA"
    assert len([t for t in data.document_types() if t.title]) >= 27


def test_document_types_are_unique():
    types = data.document_types()
    assert len({t.name for t in types}) == len(types)
    assert len({t.code for t in types}) == len(types)


def test_title_lines_come_from_the_table():
    assert tagger.classify("KẾ HOẠCH") == tagger.TITLE
    assert tagger.classify("CHƯƠNG TRÌNH HÀNH ĐỘNG") == tagger.TITLE
    assert tagger.classify("TỜ TRÌNH") == tagger.TITLE
    assert tagger.classify("KẾ TOÁN") == tagger.CAPS
    assert tagger.classify("Kế hoạch") == tagger.BODY
