"""The two ways of placing a tone mark where Vietnamese leaves it free: a syllable ending in oa, oe
or uy (no final consonant; not after q, as in "quý") with the tone on the first vowel ("hóa",
"thủy") or on the second ("hoá", "thuỷ")."""

from __future__ import annotations

from ..model import Document
from ..startup import regex
from ..text.word_bounds import WORD_START

_SECOND = regex.compile(r"(?:[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])\Z")
# The first vowel first, as a character class: ``re`` skips ahead to it (it would try every
# character of the text for an alternation of classes).
_FREE_PAIR = regex.compile(
    r"[oOuUóòỏõọÓÒỎÕỌúùủũụÚÙỦŨỤ](?:(?<=[oO])[áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|(?<=[uU])[ýỳỷỹỵÝỲỶỸỴ]"
    r"|(?<=[óòỏõọÓÒỎÕỌ])[aAeE]|(?<=[úùủũụÚÙỦŨỤ])[yY])(?![^\W\d_])"
)


def tone_styles(doc: Document, skip: frozenset[str]) -> tuple[list, list]:
    """(line, start, end, word) of the words placing the tone on the second vowel, and of those
    placing it on the first, outside lines of the kinds in ``skip``."""
    second, first = [], []
    for line in doc.lines:
        if line.kind in skip:
            continue
        text = line.text
        for m in _FREE_PAIR.finditer(text):
            lead = WORD_START.search(text[max(0, m.start() - 12):m.start()]).group()
            if lead[-1:] in ("q", "Q"):
                continue  # "quý", "quỳ": u belongs to qu
            start = m.start() - len(lead)
            word = text[start:m.end()]
            (second if _SECOND.search(word) else first).append((line, start, m.end(), word))
    return second, first
