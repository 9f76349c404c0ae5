"""Where a word starts and ends around an offset: the letters, digits and combining marks joined
to it, so a decomposed letter ("a" + U+0306) counts as part of its word; and the letters that
end a slice of text, the start of the word it cuts."""

from __future__ import annotations

import unicodedata

from ..startup import regex

WORD_START = regex.compile(r"(?<![^\W\d_])[^\W\d_]*+\Z")  # searched over a slice: its letters at the end


def _in_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) != 0


class WordBounds:
    """The word around offsets of one text that come in increasing order: the letters and marks
    joined to either end. The run last walked is kept, so a word of many matches is walked once."""

    def __init__(self, text: str):
        self.text = text
        self.run = (-1, -1)

    def _run(self, pos: int) -> tuple[int, int]:
        """The run of letters and marks touching the gap before ``text[pos]``."""
        if not self.run[0] <= pos <= self.run[1]:
            text, start, end = self.text, pos, pos
            while start > 0 and _in_word(text[start - 1]):
                start -= 1
            while end < len(text) and _in_word(text[end]):
                end += 1
            self.run = (start, end)
        return self.run

    def around(self, start: int, end: int) -> tuple[int, int]:
        return self._run(start)[0], self._run(end)[1]
