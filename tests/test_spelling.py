"""The syllable model, the spelling rules on the seeds, and the lexicon learnt from an archive."""

from __future__ import annotations

import json
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, lint, needs_seeds, run, seed_files
from draftlint import data
from draftlint.front.docx import read_docx
from draftlint.lint.learn import _underthesea_pairs
from draftlint.front.source import read_path
from draftlint.text.syllables import check, is_candidate, key, retoned, spell

TABLE = data.load("syllables.toml")
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


def test_keys_ignore_tone_placement_and_case():
    assert key("hoà") == key("hòa") == key("HOÀ") == "hoa2"
    assert key("thuỷ") == key("thủy") == "thuy3"
    assert key("khoẻ") == key("khỏe")
    assert key("quý") != key("quỳ") and key("hổ") != key("hỗ")


def test_impossible_syllables():
    for word, why in [("nghiêmg", "onset-rhyme"), ("têt", "tone-coda"), ("hàt", "tone-coda"), ("ká", "spelling"),
                      ("ghà", "spelling"), ("nge", "spelling"), ("qúy", "tone-place"), ("gìa", "tone-place"),
                      ("hòang", "tone-place"), ("tyên", "onset-rhyme"), ("iêu", "onset-rhyme")]:
        assert check(word) == why, word


def test_possible_syllables_in_both_placements():
    for word in ["hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "quý", "quyết", "quyền", "gì", "gìn", "giếng",
                 "giữa", "người", "được", "nghĩa", "yêu", "khuya", "tiển", "hưỡng", "gúp", "truyên", "oẳn", "ngoằn"]:
        assert check(word) is None, word


def test_retoned_and_spell():
    assert retoned("qúy") == "quý" and retoned("gìa") == "già" and retoned("hòang") == "hoàng"
    assert retoned("hòa") is None
    assert spell("triên3") == "triển" and spell("hoa2") == "hoà" and spell("ngươi2") == "người"


def test_candidates():
    assert is_candidate("tiển") and not is_candidate("UBND") and not is_candidate("Covid")
    assert not is_candidate("online") and not is_candidate("Nguyễn") and not is_candidate("đ")


@st.composite
def syllables(draw):
    """A syllable built by the rules: onset, a rhyme that may follow it, a tone its coda allows,
    the tone mark on the vowel that carries it."""
    onset = draw(st.sampled_from(["", "b", "ch", "đ", "h", "kh", "l", "m", "n", "nh", "ph", "s", "th", "tr", "v", "x"]))
    rhyme = draw(st.sampled_from([r for r in TABLE["rhymes"]
                                  if not (onset and r.startswith("yê")) and not (not onset and r.startswith("iê"))]))
    stop = rhyme.endswith(("c", "ch", "p", "t"))
    tone = draw(st.sampled_from([1, 5] if stop else range(6)))
    word = onset + rhyme
    if tone:
        from draftlint.text.syllables import _tone_places

        i = len(onset) + sorted(_tone_places(rhyme))[0]
        word = word[:i] + unicodedata.normalize("NFC", word[i] + TONES[tone]) + word[i + 1:]
    return word


@settings(max_examples=300, deadline=None)
@given(syllables())
def test_every_syllable_built_by_the_rules_is_possible(word):
    assert check(word) is None, word


@settings(max_examples=200, deadline=None)
@given(syllables(), st.sampled_from(["mg", "gk", "pt", "đ", "w", "z"]))
def test_a_syllable_with_a_foreign_coda_is_not(word, tail):
    assert check(word + tail) is not None


# The seeds' real misspellings (../shared/reference/vietnamese-text.md §1) and where the spelling
# rules find them; every finding below was read and is true.
SEED_SPELLING = {
    "000_a0aa9cc5e8ce0927.txt": [(196, "SPL002"), (223, "SPL002"), (231, "SPL002")],
    "001_8044eae79f5ac074.txt": [(96, "SPL002"), (395, "SPL002"), (671, "SPL002")],
    "002_26241eb766ebbec5.txt": [(77, "SPL002"), (85, "SPL005"), (115, "SPL002")],
    "003_4c06fdcf13e79645.txt": [(72, "SPL002"), (95, "SPL002"), (171, "SPL002"), (192, "SPL002")],
    "004_b0ae6d1c003071f9.txt": [(31, "SPL002"), (35, "SPL002")],
}


@needs_seeds
def test_seed_spelling_findings():
    found = {f.name: [(x.line, x.code) for x in lint(read_path(str(f)), select=["SPL002", "SPL003", "SPL004",
                                                                                   "SPL005"])]
             for f in seed_files()}
    assert found == SEED_SPELLING


def test_the_confusion_list():
    table = data.load("confusions.toml")
    wrongs = [c["wrong"] for c in table["confusion"]]
    assert len(wrongs) == len(set(wrongs))
    for entry in table["confusion"]:
        assert entry["wrong"] != entry["right"]
        assert len(entry["wrong"].split()) == len(entry["right"].split())
        for word in entry["right"].split():
            assert check(word.lower()) is None, word  # the right form is Vietnamese
    assert ["sĩ", "sỹ"] in table["accepted"]["variants"]
    assert all(len(n.split()) >= 3 for n in data.load("official_names.toml")["names"])


def test_an_office_extends_the_confusion_list(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Tổ chức tập hấn cho cán bộ cơ sở.\n", encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text('[rules.SPL002]\nconfusions = ["tập hấn → tập huấn"]\n',
                                              encoding="utf-8")
    result = run("check", "--select", "SPL002", str(draft))
    assert result.returncode == 0 and "“tập hấn” → “tập huấn”" in result.stdout.decode()


def test_learning_a_lexicon_and_using_it(tmp_path):
    archive = tmp_path / "luu-tru"
    archive.mkdir()
    for i in range(3):
        (archive / f"kh-{i}.txt").write_text(
            "II. NHIỆM VỤ\n1. Tuyên truyền về giảm nghèo bền vững\nĐơn vị chủ trì: Phòng Bảo trợ xã hội.\n"
            "2. Chuyển đổi số\nChỉ số chuyển đổi số cấp sở (DTS) tăng; đôn đốc giảm nghèo.\n", encoding="utf-8")
    (archive / "hong.txt").write_bytes(b"\xff\xfe\x00binary")
    lexicon = tmp_path / "lexicon.json"
    result = run("learn", str(archive), "-o", str(lexicon))
    assert result.returncode == 0, result.stderr
    assert "Đã học 3 văn bản (bỏ qua 1)" in result.stdout.decode()
    table = json.loads(lexicon.read_text(encoding="utf-8"))
    assert table["format"] == "draftlint-lexicon" and table["units"] == ["Phòng Bảo trợ xã hội"]
    assert table["pairs"]["giam3 ngheo2"] == 6 and table["acronyms"] == {}

    draft = tmp_path / "draft.txt"
    draft.write_text("II. NHIỆM VỤ\n1. Hỗ trợ giảm nghéo cho hộ nghèo\nĐơn vị chủ trì: Phòng Tài chính.\n",
                     encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text(f'lexicon = "{lexicon.name}"\n', encoding="utf-8")
    out = run("check", "--select", "SPL003,TSK003", str(draft)).stdout.decode()
    assert "“giảm nghéo” chỉ gặp một lần; có phải “giảm nghèo” (có trong từ vựng của cơ quan)?" in out
    assert "Đơn vị “Phòng Tài chính” không có trong danh sách" in out


def test_a_broken_lexicon_is_one_clear_line(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Văn bản.\n", encoding="utf-8")
    (tmp_path / "lexicon.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text('lexicon = "lexicon.json"\n', encoding="utf-8")
    result = run("check", str(draft))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and "không phải tệp lexicon" in err
    (tmp_path / ".draftlint.toml").write_text('word-list = "viet74k"\n', encoding="utf-8")
    assert "'word-list' phải là một trong underthesea" in run("check", str(draft)).stderr.decode()


def test_the_word_list_is_read_without_importing_its_package(tmp_path, monkeypatch):
    package = tmp_path / "underthesea"
    (package / "corpus" / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('must not be imported')\n", encoding="utf-8")
    (package / "corpus" / "data" / "Viet74K.txt").write_text("giảm nghèo\nbền vững\nnhà\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    _underthesea_pairs.cache_clear()
    try:
        pairs = _underthesea_pairs()
    finally:
        _underthesea_pairs.cache_clear()
    assert set(pairs) == {("giam3", "ngheo2"), ("bên2", "vưng4")}
    assert "underthesea" not in sys.modules


def test_a_docx_in_the_archive_is_learnt(tmp_path):
    import shutil

    archive = tmp_path / "luu-tru"
    archive.mkdir()
    shutil.copy(EXAMPLES / "ke-hoach-word-mau.docx", archive)
    (archive / "not.docx").write_bytes(b"plain text")
    lexicon = tmp_path / "lexicon.json"
    result = run("learn", str(archive), "-o", str(lexicon))
    assert result.returncode == 0 and "Đã học 1 văn bản (bỏ qua 1)" in result.stdout.decode()
    assert "Văn phòng Sở" in json.loads(lexicon.read_text(encoding="utf-8"))["units"]
    assert read_docx(str(EXAMPLES / "ke-hoach-word-mau.docx")).text.startswith("UBND TỈNH HẢI HÒA")


def test_words_do_not_depend_on_where_the_text_is_cut(monkeypatch):
    """A large draft's words are read in chunks of lines: the words, their offsets and what separates
    them are those of the whole text read at once."""
    import re

    from draftlint.extract.tokens import _read
    from draftlint.front.pipeline import read_document
    from draftlint.text import fold

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt")))
    whole = read_document(text, "x")
    monkeypatch.setattr(fold, "CHUNK_SIZE", 1 << 30)
    expected = _read(whole)
    monkeypatch.setattr(fold, "CHUNK_SIZE", 200)
    assert len(list(fold.line_chunks(whole.text))) > 20
    got = _read(whole)
    assert got == expected
    words = list(re.finditer(r"[^\W\d_]+", whole.text))
    assert [m.group() for m in words] == [got.word(i) for i in range(len(got))]
    assert [m.start() for m in words] == list(got.starts)
    gaps = [whole.text[a.end():b.start()] for a, b in zip(words, words[1:])]
    assert list(got.spaced[:-1]) == [bool(re.fullmatch(r"[ \t]+", g)) for g in gaps]
    assert list(got.same_clause[:-1]) == [not re.search(r"[.;:,!?()\[\]“”\"\n\t|]", g) for g in gaps]


def test_known_misspellings_do_not_depend_on_where_the_text_is_cut(monkeypatch):
    """SPL002 and SPL005 read a large draft in lower case a chunk of lines at a time."""
    from draftlint.extract.spelling import misspellings
    from draftlint.front.pipeline import read_document
    from draftlint.rules.spelling import OfficialName
    from draftlint.text import fold

    sample = "Tăng cường hổ trợ người có công; để xuất giải pháp phát tiển; ủng hộ Quý vì người nghèo.\n"
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))) + sample * 40

    def found():
        doc = read_document(text, "x")
        names = [v.span for v in OfficialName({}).check(doc)]
        return [(span, written, right) for span, written, right, _ in misspellings(doc)], names

    monkeypatch.setattr(fold, "CHUNK_SIZE", 1 << 30)
    whole = found()
    monkeypatch.setattr(fold, "CHUNK_SIZE", 300)
    assert found() == whole and len(whole[0]) >= 80 and len(whole[1]) >= 40
