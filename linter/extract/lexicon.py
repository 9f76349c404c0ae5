"""The office's lexicon as the rules read it, and how a lexicon file's content (written by
``draftlint learn``, named by the configuration's ``lexicon = "…"``) or an installed word list's
lines become one.

It holds syllable-pair counts (the evidence SPL003 weighs), the unit names that lead tasks
(TSK003's known units) and the acronyms with their expansions (known to ABB). The files
themselves are found and read, within their size caps, by ``lint.learn``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = "draftlint-lexicon"
MIN_PAIR = 2  # a pair seen once in an archive is no evidence; it keeps the file small


class LexiconError(Exception):
    """A lexicon file (or word list) that cannot be read: the file, and why in each language."""

    def __init__(self, path, reason_vi: str, reason_en: str) -> None:
        super().__init__(f"{path}: {reason_en}")
        self.path = str(path)
        self.reason = {"vi": reason_vi, "en": reason_en}


@dataclass(frozen=True)
class Lexicon:
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    acronyms: dict[str, list[str]] = field(default_factory=dict)


def parse(content: bytes, path: str) -> Lexicon:
    """The lexicon a file at ``path`` holds; the file is untrusted, so anything but the shape
    ``learn`` writes is a LexiconError."""
    try:
        table = json.loads(content.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, nested past the reader
        raise _not_lexicon(path, str(exc) or type(exc).__name__) from None
    if not isinstance(table, dict) or table.get("format") != FORMAT:
        raise _not_lexicon(path)
    pairs, units, acronyms = table.get("pairs") or {}, table.get("units") or [], table.get("acronyms") or {}
    if not isinstance(pairs, dict) or not isinstance(units, list) or not isinstance(acronyms, dict):
        raise _not_lexicon(path, "'pairs', 'units' hoặc 'acronyms' sai dạng",
                           "'pairs', 'units' or 'acronyms' is malformed")
    counts = {}
    for k, n in pairs.items():
        a, _, b = k.partition(" ")
        if a and b and isinstance(n, int):
            counts[(a, b)] = n
    expansions = {k: [e for e in v if isinstance(e, str) and e.strip()] for k, v in acronyms.items()
                  if isinstance(v, list)}
    return Lexicon(counts, tuple(u for u in units if isinstance(u, str) and u.strip()), expansions)


def _not_lexicon(path: str, detail: str = "", detail_en: str = "") -> LexiconError:
    if detail:
        return LexiconError(path, f"không phải tệp lexicon ({detail})", f"not a lexicon file ({detail_en or detail})")
    return LexiconError(path, f"không phải tệp lexicon (hãy ghi bằng: draftlint learn DIR -o {Path(path).name})",
                        f"not a lexicon file (write one with: draftlint learn DIR -o {Path(path).name})")


def pairs_of_word_list(text: str) -> dict[tuple[str, str], int]:
    """The two-syllable words of a word list (one word a line), as pairs SPL003 accepts."""
    from ..text.syllables import key

    pairs = {}
    for line in text.splitlines():
        parts = line.strip().split()
        if len(parts) == 2 and all(p.isalpha() for p in parts):
            pairs[(key(parts[0]), key(parts[1]))] = MIN_PAIR * 5  # a dictionary word: strong evidence
    return pairs
