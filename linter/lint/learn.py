"""The office's lexicon on disk: learnt from an archive of its past drafts (``draftlint learn``),
and read back from the file the configuration names (``lexicon = "…"``), with the two-syllable
words of an installed word list (underthesea's, via the optional extra) read from its data file
without importing the package. What a lexicon holds, and how a file's content becomes one, is
``extract.lexicon``'s.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from ..startup import regex
from ..extract.lexicon import FORMAT, MIN_PAIR, Lexicon, LexiconError, pairs_of_word_list, parse

VERSION = 1


def archive(paths: list[str]) -> list[str]:
    """The drafts of an archive: the files named, and the .txt, .md and .docx files in the folders named."""
    from .discover import Unlistable, discover

    return [e for e in discover(paths, (".txt", ".md", ".docx")) if not isinstance(e, Unlistable)]


def learn(paths: list[str]) -> dict:
    """The lexicon of the drafts at ``paths``, as the JSON the file holds. A draft that cannot be
    read is skipped and counted."""
    from ..extract.acronyms import acronyms, builtin_entries
    from ..extract.vocabulary import vocabulary
    from ..front.docx import read_docx
    from ..front.pipeline import read_document
    from ..front.source import read_path
    from ..text.syllables import key
    from ..extract.tasks import lead_markers, tasks
    from ..extract.units import unit_at

    words = vocabulary()
    builtin = builtin_entries()
    pairs: dict[str, int] = {}
    units: dict[str, int] = {}
    expansions: dict[str, dict[str, int]] = {}
    read = skipped = 0
    for path in paths:
        try:
            text = read_docx(path).text if path.lower().endswith(".docx") else read_path(path)
        except Exception:  # an unreadable draft is skipped; learning goes on
            skipped += 1
            continue
        read += 1
        doc = read_document(text, str(path), words)
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
        "pairs": {k: n for k, n in sorted(pairs.items()) if n >= MIN_PAIR},
        "units": sorted(units),
        "acronyms": {abbr: [max(found, key=found.get)] for abbr, found in sorted(expansions.items())},
    }


def write(table: dict, path: Path) -> None:
    """Write the lexicon ``learn`` made; raises OSError."""
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


# Split at (searched): a run of spaces is tried from its start only, where the first match starts anyway.
_NAME_END = regex.compile(r"(?<!\s)\s++(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|tham\s+mưu)\b|,\s*+(?:phối\s+hợp|chủ\s+trì)\b", re.I)


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
    """A lexicon file, read once per process (and again when it changes). It is named by a
    repository's configuration, so it is untrusted: a regular file under a size cap, of the
    shape ``learn`` writes."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        from ..i18n import os_error

        raise LexiconError(path, f"không đọc được: {os_error(exc)['vi']}", f"cannot read it: {exc.strerror}") from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> Lexicon:
    from ..limits import LEXICON_MAX_BYTES
    from ..front.source import InputError, read_bytes

    try:
        content = read_bytes(path, LEXICON_MAX_BYTES)
    except InputError as exc:
        raise LexiconError(path, exc.reason_vi, exc.reason_en) from None
    return parse(content, path)


def word_list_pairs(name: str) -> dict[tuple[str, str], int]:
    """The two-syllable words of an installed word list, as pairs SPL003 accepts; {} when the
    list is not installed. Only ``underthesea`` is known: its Viet74K file is read directly."""
    if name != "underthesea":
        return {}
    return _underthesea_pairs()


def word_list_file(name: str) -> Path | None:
    """The data file of an installed word list, None when it is not installed."""
    if name != "underthesea":
        return None
    import importlib.util

    spec = importlib.util.find_spec("underthesea")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _underthesea_pairs() -> dict[tuple[str, str], int]:
    path = word_list_file("underthesea")
    if path is None:
        return {}
    from ..limits import WORD_LIST_MAX_BYTES
    from ..front.source import InputError, read_bytes

    try:
        text = read_bytes(str(path), WORD_LIST_MAX_BYTES).decode("utf-8")
    except (InputError, UnicodeDecodeError) as exc:
        detail = (exc.reason_vi, exc.reason_en) if isinstance(exc, InputError) else ("không phải UTF-8", "not UTF-8")
        raise LexiconError(path, *detail) from None
    return pairs_of_word_list(text)
