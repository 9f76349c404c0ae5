"""Text folded for comparison (lower case, one kind of dash, one tone placement), and the helpers
that keep a folded or lower-cased text at the offsets of the original, a large text in pieces of
lines."""

from __future__ import annotations

import re

# Old and new tone placement (hoá / hóa, thuỷ / thủy): both spellings are one word.
_TONE_PLACEMENT = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_PLACEMENT))


def fold(text: str) -> str:
    """A key for comparing names: lower case, one kind of dash, single spaces, one tone placement."""
    return " ".join(fold_same_length(text).split())


def fold_same_length(text: str) -> str:
    """``fold`` without collapsing spaces, so positions in the result are positions in ``text``."""
    if len(text) > 1 << 16:  # a whole draft: in pieces of lines, which keeps the temporaries small
        return "".join(map(_fold_piece, line_chunks(text)))
    return _fold_piece(text)


def _fold_piece(text: str) -> str:
    text = text.lower().replace("–", "-").replace("—", "-")
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group()], text)


def lower_in_place(text: str) -> str:
    """The text in lower case at the same offsets (a letter whose lower case is longer stays)."""
    low = "".join(piece.lower() for piece in line_chunks(text))
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


CHUNK_SIZE = 1 << 18  # characters


def line_chunks(text: str, size: int | None = None):
    """The text in pieces of about ``size`` characters, each ending with a newline (the last one
    may not): a whole-text pass over a large draft in pieces keeps its temporaries small (Python's
    ``str.lower`` alone takes twelve bytes per character of a Vietnamese text while it works)."""
    size = size or CHUNK_SIZE
    if len(text) <= size:
        yield text
        return
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end
