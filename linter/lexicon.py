"""The office's lexicon: what its past drafts say, learnt once (``draftlint learn``) and read by
the linter when the configuration names the file (``lexicon = "…"``).

It holds syllable-pair counts (the evidence SPL003 weighs), the unit names that lead tasks
(TSK003's known units) and the acronyms with their expansions (known to ABB). It can also take
the two-syllable words of an installed word list (underthesea's, via the optional extra), read
from its data file without importing the package.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import regex

FORMAT = "draftlint-lexicon"
VERSION = 1
_MIN_PAIR = 2  # a pair seen once in an archive is no evidence; it keeps the file small


class LexiconError(Exception):
    """A lexicon file that cannot be read; the message names the file. ``key`` and ``values`` word
    it in either language (``config.KEY`` in i18n)."""

    def __init__(self, key: str, **values) -> None:
        from .i18n import words

        self.key, self.values = key, values
        english = {k: v["en"] if isinstance(v, dict) else v for k, v in values.items()}
        super().__init__(words(f"config.{key}", "en").format(**english))


@dataclass(frozen=True)
class Lexicon:
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    acronyms: dict[str, list[str]] = field(default_factory=dict)


def learn(paths, read_text) -> dict:
    """The lexicon of the drafts under ``paths``, as the JSON the file holds.

    ``read_text(path)`` returns a draft's text or raises; a draft that cannot be read is skipped
    and counted.
    """
    from .acronyms import acronyms, builtin_entries
    from .data import vocabulary
    from .parser import parse_source
    from .source import SourceText
    from .syllables import key
    from .tasks import lead_markers, tasks
    from .units import unit_at

    words = vocabulary()
    builtin = builtin_entries()
    pairs: dict[str, int] = {}
    units: dict[str, int] = {}
    expansions: dict[str, dict[str, int]] = {}
    read = skipped = 0
    for path in paths:
        try:
            text = read_text(path)
        except Exception:  # an unreadable draft is skipped; learning goes on
            skipped += 1
            continue
        read += 1
        doc, _ = parse_source(SourceText(text), str(path), words)
        for chunk in re.finditer(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*", doc.text):
            syllables = chunk.group().split()
            for a, b in zip(syllables, syllables[1:]):
                if not b[:1].isupper() and len(a) > 1 and len(b) > 1:
                    k = f"{key(a)} {key(b)}"
                    pairs[k] = pairs.get(k, 0) + 1
        for marker in lead_markers(doc):
            for name in _unit_names(marker.value, unit_at):
                unit = unit_at(name, 0)
                if unit is not None and not unit.collective:
                    units[name] = units.get(name, 0) + 1
        for task in tasks(doc):
            for name in _unit_names(task.lead_text or "", unit_at):  # a task table's lead cell
                unit = unit_at(name, 0)
                if unit is not None and not unit.collective:
                    units[name] = units.get(name, 0) + 1
            for section in (*task.parents, task.section):
                unit = unit_at(section.title, 0)
                if unit is not None and not unit.collective and len(section.title) <= 80:
                    units[section.title] = units.get(section.title, 0) + 1
        for definition in acronyms(doc).definitions:
            if definition.phrase and definition.key not in builtin:  # the glossary knows those better
                phrase = " ".join(definition.phrase.split())
                expansions.setdefault(definition.abbr, {})
                expansions[definition.abbr][phrase] = expansions[definition.abbr].get(phrase, 0) + 1
    return {
        "format": FORMAT,
        "version": VERSION,
        "documents": read,
        "skipped": skipped,
        "pairs": {k: n for k, n in sorted(pairs.items()) if n >= _MIN_PAIR},
        "units": sorted(units),
        "acronyms": {abbr: [max(found, key=found.get)] for abbr, found in sorted(expansions.items())},
    }


_NAME_END = regex.compile(r"\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|tham\s+mưu)\b|,\s*(?:phối\s+hợp|chủ\s+trì)\b", re.I)


def _unit_names(value: str, unit_at) -> list[str]:
    """The unit names a lead-unit line lists: split at ";", and at "," where a unit follows
    ("Phòng Kế hoạch - Tài chính, Văn phòng Sở"), each cut before "chủ trì", "phối hợp"."""
    names = []
    for item in value.split(";"):
        item = _NAME_END.split(item, 1)[0]
        parts = [p.strip(" .") for p in item.split(",")]
        current = parts[0]
        for part in parts[1:]:
            if unit_at(part, 0) is not None:
                names.append(current)
                current = part
            else:
                current = f"{current}, {part}"
        names.append(" ".join(current.split()))
    return [n for n in names if n]


def load(path: str | os.PathLike) -> Lexicon:
    """A lexicon file, read once per process (and again when it changes)."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        from .i18n import os_error

        raise LexiconError("lexicon_unreadable", where=path, detail=os_error(exc)) from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> Lexicon:
    try:
        with open(path, encoding="utf-8") as handle:
            table = json.load(handle)
    except (OSError, ValueError) as exc:
        from .i18n import os_error

        detail = os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise LexiconError("lexicon_invalid", where=path, detail=detail) from None
    if not isinstance(table, dict) or table.get("format") != FORMAT:
        raise LexiconError("lexicon_format", where=path, name=Path(path).name)
    pairs = {}
    for k, n in (table.get("pairs") or {}).items():
        a, _, b = k.partition(" ")
        if a and b and isinstance(n, int):
            pairs[(a, b)] = n
    acronyms = {k: list(v) for k, v in (table.get("acronyms") or {}).items() if isinstance(v, list)}
    return Lexicon(pairs, tuple(u for u in table.get("units") or () if isinstance(u, str)), acronyms)


def word_list_pairs(name: str) -> dict[tuple[str, str], int]:
    """The two-syllable words of an installed word list, as pairs SPL003 accepts; {} when the
    list is not installed. Only ``underthesea`` is known: its Viet74K file is read directly."""
    if name != "underthesea":
        return {}
    return _underthesea_pairs()


@lru_cache(maxsize=1)
def _underthesea_pairs() -> dict[tuple[str, str], int]:
    import importlib.util

    from .syllables import key

    spec = importlib.util.find_spec("underthesea")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return {}
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "corpus" / "data" / "Viet74K.txt"
    if not path.is_file():
        return {}
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if len(parts) == 2 and all(p.isalpha() for p in parts):
            pairs[(key(parts[0]), key(parts[1]))] = _MIN_PAIR * 5  # a dictionary word: strong evidence
    return pairs
