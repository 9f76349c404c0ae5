"""The reference tables shipped as data files."""

from __future__ import annotations

from draftlint import data
from draftlint.extract.vocabulary import vocabulary
from draftlint.front import tagger
from draftlint.model import LineKind
from draftlint.text.fold import fold


def test_document_types_hold_appendix_iii():
    codes = {t.name: t.codes for t in data.document_types()}
    # Nghị định 30/2020/NĐ-CP, Phụ lục III, Mục I (mixed case kept: QyĐ, CTr, TTr).
    appendix = {"Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
                "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
                "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB",
                "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN",
                "Bản thỏa thuận": "BTT", "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT",
                "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB"}
    for name, code in appendix.items():
        assert codes[name][0] == code, name
    assert codes["Nghị định"] == ("NĐ",) and codes["Thông tư liên tịch"] == ("TTLT",)
    assert "QĐi" in codes["Quy định"] and codes["Kết luận"] == ("KL",)
    assert codes["Chương trình hành động"] == ("CTr",) and codes["Công văn"] == ("CV",)  # Party công văn: n-CV/ISSUER


def test_document_types_are_unique_and_flagged():
    types = data.document_types()
    assert len({t.name for t in types}) == len(types)
    by_name = {t.name: t for t in types}
    assert by_name["Nghị định"].normative and by_name["Thông tư"].normative
    assert by_name["Luật"].law and by_name["Pháp lệnh"].law
    assert by_name["Quyết định"].short and not by_name["Chương trình"].short and not by_name["Đề án"].short


def test_issuers():
    vocab = vocabulary()
    assert vocab.authority("Thủ tướng Chính phủ về việc") == "TTg"
    assert vocab.authority("Chính phủ ban hành") == "CP"
    assert vocab.authority("Bộ Lao động – Thương binh và Xã hội") in ("LĐTBXH", "BLĐTBXH")
    assert vocab.authority("Ban Chấp hành Đảng bộ tỉnh (Khóa XX)") == "TU"
    assert vocab.authority("Bộ Chính trị") == "TW"
    assert vocab.authority("Công ty ABC") is None
    assert vocab.is_party_issuer("TU") and vocab.is_state_issuer("CP") and vocab.is_state_issuer("UBTVQH14")
    assert vocab.is_known_issuer("SLĐTBXH") and not vocab.is_known_issuer("XYZ")
    assert vocab.codes_for_authority("LĐTBXH") == {"LĐTBXH", "BLĐTBXH"}
    codes = [i.code for i in data.issuers()]
    assert len(codes) == len(set(codes))


def test_configuration_extends_the_vocabulary():
    vocab = vocabulary().extended({"Quy chế phối hợp": ["QCPH"]}, {"BQLKKT": ["Ban Quản lý Khu kinh tế"]})
    assert "QCPH" in vocab.type_codes and vocab.authority("Ban Quản lý Khu kinh tế tỉnh") == "BQLKKT"
    assert "QCPH" not in vocabulary().type_codes


def test_title_lines_come_from_the_table():
    assert tagger.classify("KẾ HOẠCH") == LineKind.TITLE
    assert tagger.classify("CHƯƠNG TRÌNH HÀNH ĐỘNG") == LineKind.TITLE
    assert tagger.classify("TỜ TRÌNH") == LineKind.TITLE
    assert tagger.classify("KẾ TOÁN") == LineKind.CAPS
    assert tagger.classify("Kế hoạch") == LineKind.BODY


def test_configuration_merges_into_known_entries():
    vocab = vocabulary().extended({"Nghị định": ["NĐ"]}, {"TU": ["Tỉnh ủy Bắc Ninh"], "BQLKKT": []})
    assert vocab.is_party_issuer("TU") and vocab.authority("Tỉnh ủy Bắc Ninh") == "TU"
    assert vocab.type_by_name["nghị định"].normative
    assert vocab.is_known_issuer("BQLKKT") and vocab.codes_for_authority("BQLKKT") == {"BQLKKT"}


def test_tone_placement_is_folded():
    assert fold("Giấy uỷ quyền") == fold("Giấy ủy quyền") and fold("hoá") == fold("hóa")


def test_law_name_beginnings_are_two_capitalised_syllables_and_exclude_generic_readings():
    from draftlint.rules.capitalisation import law_name_starts

    starts = law_name_starts()
    assert {"bảo vệ", "đất đai", "phòng, chống", "tổ chức", "ngân sách"} <= starts
    # "Luật này", "Luật số 56/…", "Luật sửa đổi, bổ sung …" and "Luật sư" are not names.
    assert not any(s.split()[0].rstrip(",") in {"này", "số", "sửa", "sư", "và", "trong"} for s in starts)
    assert all(len(s.split()) == 2 for s in starts)


def _rebuilt_by(script_name: str, data_file: str, tmp_path) -> tuple[str, str]:
    """What a data-building script writes from the lexicon bundle now, and the file the package ships."""
    import importlib.util

    import pytest
    from conftest import ROOT

    archive = ROOT.parent / "shared" / "lexicon" / "official-texts.tar.xz"
    if not archive.exists():
        pytest.skip("the lexicon bundle is not here")
    spec = importlib.util.spec_from_file_location(script_name, ROOT / "benchmarks" / f"{script_name}.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / data_file
    assert script.main([str(archive), str(out)]) == 0
    return out.read_text(encoding="utf-8"), (ROOT / "linter" / "data" / data_file).read_text(encoding="utf-8")


def test_law_name_beginnings_are_what_the_script_builds(tmp_path):
    built, shipped = _rebuilt_by("make_law_names", "law_names.txt", tmp_path)
    assert built == shipped


def test_word_counts_are_what_the_script_builds(tmp_path):
    built, shipped = _rebuilt_by("make_word_pairs", "word_counts.txt", tmp_path)
    assert built == shipped


def test_word_counts_hold_syllables_and_frequent_pairs():
    from draftlint.text.words import common_pairs, lexicon_counts

    syllables, pairs = lexicon_counts()
    assert syllables["báo"] > syllables["bão"] * 10 and pairs[("báo", "cáo")] > 1000
    assert ("sữa", "đổi") not in pairs and min(pairs.values()) >= 5
    assert "sửa đổi" in common_pairs() and len(common_pairs()) == len(pairs)
