"""Text in an old 8-bit Vietnamese encoding (TCVN3/ABC, VNI) or UTF-8 decoded as Windows-1252,
told apart from Unicode text by characters Vietnamese never uses inside a word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document

_MOJIBAKE = re.compile("(?:Ã[\u0080-\u00bf]|á[º»]|Æ[°¡]|Ä[‘\u0091]|â€)")
_TCVN3 = "¨©ª«¬®µ¶·¸¹º»¼½¾"
_FOREIGN = "ÄÅÆÇËÎÏÑÖØÛÜäåæçëîïñöøûüÿ"
_LEGACY = re.compile(rf"(?<=[A-Za-z])[{_TCVN3}{_FOREIGN}]|[{_TCVN3}{_FOREIGN}](?=[A-Za-z])")
_LEGACY_CHARS = re.compile(f"[{_TCVN3}{_FOREIGN}]")
_TCVN3_ONLY = set("µ¸¶·¹¨©ª«¬®\u00ad»¾¼½ÊÇÈÉËÐÌÎÏÑÕÒÓÔ×ØÜÞ")  # never in VNI, which writes a vowel then its mark
MIN_PLACES = 3  # a lone symbol (© or ½) is not an encoding


@dataclass(frozen=True)
class Legacy:
    encoding: str  # "mojibake", "TCVN3 (ABC)" or "VNI"
    places: tuple[tuple[int, int], ...]  # offsets into the original text


def legacy_encoding(doc: Document) -> Legacy | None:
    """The old encoding the draft's original text is (partly) in, or None; computed once."""
    return doc.derived("legacy-encoding", _detect)


def _detect(doc: Document) -> Legacy | None:
    text = doc.source
    if text.isascii() or not _LEGACY_CHARS.search(text) and "Ã" not in text and "á»" not in text:
        return None
    for pattern, name in ((_MOJIBAKE, "mojibake"), (_LEGACY, None)):
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if len(found) < MIN_PLACES:
            continue
        if name is None:
            tcvn3 = sum(1 for a, _ in found if text[a] in _TCVN3_ONLY)
            name = "TCVN3 (ABC)" if tcvn3 * 3 >= len(found) else "VNI"
        return Legacy(name, tuple(found))
    return None


def has_legacy_characters(text: str) -> bool:
    """Whether ``text`` holds a character of an old encoding inside a word."""
    return bool(_LEGACY.search(text) or _MOJIBAKE.search(text))
