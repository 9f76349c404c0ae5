"""One regular expression for a list of phrases, factored as a trie.

Python's ``re`` tries the alternatives of ``a|b|c…`` one after another at every position, so a
list of a few hundred phrases costs a few hundred attempts per character. Factored by common
prefixes (``Quyết định|Quy chế`` → ``Quy(?:ết định|ế chế)``) each position costs about one
attempt per character of the longest phrase that starts there. The match is the same: the
longest phrase that fits is preferred, and a shorter one is taken when the longer one fails what
follows the group.
"""

from __future__ import annotations

import re

SPACE = r"[ \t]+"
WIDE_SPACE = r"\s+"
DASH = "[-–—]"


def alternation(phrases, space: str = SPACE, dash: str | None = None, letter=re.escape) -> str:
    """A regex group (without the surrounding ``(?:…)``) matching any of ``phrases``: a space in
    a phrase matches ``space``, a hyphen ``dash`` when given, any other character ``letter(ch)``
    (itself by default; a character class to match its variants too)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for token in _tokens(phrase):
            node = node.setdefault(token, {})
        node[""] = {}  # the phrase may end here
    return _emit(trie, space, dash, letter) or "(?!)"


def _tokens(phrase: str) -> list[str]:
    tokens: list[str] = []
    for ch in phrase:
        if ch == " ":
            if tokens and tokens[-1] == " ":
                continue
        tokens.append(ch)
    return tokens


def _emit(node: dict, space: str, dash: str | None, letter) -> str:
    ends = "" in node
    branches = []
    for token in sorted(t for t in node if t):
        piece = space if token == " " else dash if token == "-" and dash else letter(token)
        branches.append(piece + _emit(node[token], space, dash, letter))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"  # greedy: the longer phrase first, the shorter if it fails
    return body


def is_letter(ch: str) -> bool:
    """What ``[^\\W\\d_]`` matches: a letter (a word character that is no digit or underscore)."""
    return ch.isalnum() and not ch.isdecimal()


def is_word_character(ch: str) -> bool:
    """What ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


def matches_not_after(pattern: re.Pattern, text: str, blocked=is_letter):
    """The matches of ``pattern`` in ``text``, left to right, none starting right after a character
    ``blocked`` says no to — what a leading negative lookbehind does, but several times faster:
    ``re`` skips ahead to the characters a pattern can start with only when no lookbehind comes
    first, so a phrase list is searched without one and each start is checked here."""
    search = pattern.search
    pos = 0
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and blocked(text[start - 1]):
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)
