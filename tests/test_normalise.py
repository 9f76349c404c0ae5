"""The normaliser and its offset map: every character maps back to where it came from."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import EXAMPLES, needs_seeds, seed_files
from draftlint.front.normalise import normalise
from draftlint.front.source import SourceText, read_path


def _round_trip(text: str) -> None:
    source = SourceText(text)
    norm = normalise(source)
    for offset, char in enumerate(norm.text):
        orig = norm.offsets.to_original(offset)
        end = norm.offsets.to_original_end(offset + 1)
        if char.isspace():
            continue  # joiners and separators are the normaliser's own
        original = text[orig:end]
        if original == char:
            continue
        # A composed letter maps to its decomposed source, base letter first.
        assert unicodedata.normalize("NFC", text[orig:orig + 4])[0] == char, (offset, char, original)


@needs_seeds
@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
def test_seed_round_trip(path):
    _round_trip(read_path(str(path)))


@pytest.mark.parametrize("path", sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")), ids=lambda p: p.name)
def test_example_round_trip(path):
    _round_trip(read_path(str(path)))


def test_decomposed_text_is_composed_and_maps_back():
    text = "1. Tie\u0302\u0301p tu\u0323c thu\u031bc hie\u0323\u0302n\n"
    norm = normalise(SourceText(text))
    assert norm.lines[0].text == unicodedata.normalize("NFC", text.strip())
    _round_trip(text)


def test_columns_count_composed_characters():
    # "Tiếp" decomposed takes 6 code points but shows (and counts) as 4 letters.
    source = SourceText("Tie\u0302\u0301p 6.5. x\n")
    assert source.line_col(source.text.index("6.5")) == (1, 6)


def test_wrapped_word_split_joins_without_space():
    text = "Thực hiện Quyết định số 78/QĐ-\nUBND ngày 16/01/2024 của Ủy ban nhân dân tỉnh Sơn La về kế hoạch năm 2024\n" * 3
    norm = normalise(SourceText(text))
    assert "78/QĐ-UBND" in norm.text


def test_a_range_across_a_wrap_maps_to_two_lines():
    text = ("Thực hiện Chương trình hành động của Sở Lao động – Thương binh và Xã hội, Sở Lao\n\n"
            "động – Thương binh và Xã hội đề nghị các phòng chuyên môn triển khai các nội dung\n\n") * 3
    source = SourceText(text)
    norm = normalise(source)
    start = norm.text.index("Sở Lao động – Thương binh và Xã hội đề")
    end = start + len("Sở Lao động")
    assert source.line_col(norm.offsets.to_original(start))[0] == 1
    assert source.line_col(norm.offsets.to_original_end(end)) == (3, 5)
