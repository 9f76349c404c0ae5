"""Text in an old 8-bit Vietnamese encoding (TCVN3/ABC, VNI) or UTF-8 decoded as Windows-1252,
told apart from Unicode text by characters Vietnamese never uses inside a word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..startup import regex
from ..model import Document

_MOJIBAKE = regex.compile("(?:Ã[\u0080-\u00bf]|á[º»]|Æ[°¡]|Ä[‘\u0091]|â€)")
_TCVN3 = "¨©ª«¬®µ¶·¸¹º»¼½¾"
_FOREIGN = "ÄÅÆÇËÎÏÑÖØÛÜäåæçëîïñöøûüÿ"
_LEGACY = regex.compile(rf"(?<=[A-Za-z])[{_TCVN3}{_FOREIGN}]|[{_TCVN3}{_FOREIGN}](?=[A-Za-z])")
_LEGACY_CHARS = regex.compile(f"[{_TCVN3}{_FOREIGN}]")
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
    return detect(doc.source)


def detect(text: str) -> Legacy | None:
    """The old encoding ``text`` is (partly) in, or None."""
    if text.isascii():
        return None
    for pattern, name, hint in ((_MOJIBAKE, "mojibake", _MOJIBAKE), (_LEGACY, None, _LEGACY_CHARS)):
        if not hint.search(text):
            continue  # a quick scan first: most drafts have none of these characters
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if len(found) < MIN_PLACES:
            continue
        if name is None:
            tcvn3 = sum(1 for a, _ in found if text[a] in _TCVN3_ONLY)
            name = "TCVN3 (ABC)" if tcvn3 * 3 >= len(found) else "VNI"
        return Legacy(name, tuple(found))
    return None


_VIETNAMESE = regex.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")


def legacy_bytes(data: bytes) -> str | None:
    """For bytes that are not UTF-8: the old Vietnamese encoding they are most likely in (TCVN3,
    VNI, Windows-1258), or None: UTF-8 with a few broken bytes is not an old encoding."""
    as_utf8 = data.decode("utf-8", errors="replace")
    if sum(1 for ch in as_utf8 if ord(ch) > 127 and ch != "\ufffd") > as_utf8.count("\ufffd"):
        return None
    found = detect(data.decode("cp1252", errors="replace"))
    if found is not None and found.encoding != "mojibake":
        return found.encoding
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return "Windows-1258" if len(_VIETNAMESE.findall(text)) >= MIN_PLACES else None


def has_legacy_characters(text: str) -> bool:
    """Whether ``text`` holds a character of an old encoding inside a word."""
    return bool(_LEGACY.search(text) or _MOJIBAKE.search(text))
