"""Regular expressions compiled once per machine instead of once per run.

Python's ``re`` compiles a pattern in pure Python, and the large patterns draftlint builds from its
data tables (phrase tries, tone classes) took about a third of a one-file run. ``compile`` keeps
the compiled program — the code ``re`` itself hands to the regex engine — in the cache folder,
keyed by the interpreter's exact version and the engine's, and hands it straight to the engine next
time. When anything is missing, damaged or different, or the cache is switched off
(``DRAFTLINT_NO_CACHE``), the pattern is compiled as ``re`` would.

Use it for the patterns a module builds once; a pattern built from one draft's words goes through
``re.compile``, so the cache does not grow with every draft.
"""

from __future__ import annotations

import re
import sys

from . import cache

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation of Python: compile as usual
    _sre = None

_LIMIT = 5000  # entries kept; past it, only the ones used by the last run are kept
_codes: dict[str, list] | None = None
_used: set[str] = set()
_changed = False
stats = {"cached": 0, "compiled": 0}


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same name as re.compile
    if _sre is None or not isinstance(pattern, str) or cache.disabled():
        if isinstance(pattern, str):
            _used.add(f"{int(flags)}:{pattern}")  # what the package compiles, cached or not
        return re.compile(pattern, flags)
    flags = int(flags)
    key = f"{flags}:{pattern}"
    codes = _load()
    entry = codes.get(key)
    if entry is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:  # damaged, or written by another engine: compile afresh below
            del codes[key]
        else:
            stats["cached"] += 1
            _used.add(key)
            return compiled
    compiled, entry = _fresh(pattern, flags)
    if entry is not None:
        codes[key] = entry
        _used.add(key)
        _note_change()
    return compiled


def _fresh(pattern: str, flags: int) -> tuple[re.Pattern, list | None]:
    """The pattern compiled the way ``re._compiler.compile`` does it, with what it hands the engine."""
    stats["compiled"] += 1
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags = flags | parsed.state.flags
        groups = parsed.state.groups - 1
        compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # the internals moved in this Python: plain compilation, nothing cached
        return re.compile(pattern, flags), None
    return compiled, [int(final_flags), [int(c) for c in code], groups, groupindex, indexgroup]


def _file_name() -> str:
    # The compiler in ``re`` may change in a patch release, and the engine's opcodes with its MAGIC:
    # the implementation, the full version (hexversion: major, minor, micro, release level, serial)
    # and the engine's own version all name the file.
    return f"regex-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _load() -> dict[str, list]:
    global _codes
    if _codes is None:
        _codes = cache.read_table(_file_name())
    return _codes


def _note_change() -> None:
    global _changed
    if not _changed:
        import atexit

        _changed = True
        atexit.register(save)


def save() -> None:
    """Store what this run compiled (at exit; a worker process that ends without it loses nothing)."""
    global _changed
    if not _changed or _codes is None:
        return
    kept = _codes if len(_codes) <= _LIMIT else {k: v for k, v in _codes.items() if k in _used}
    cache.write_table(_file_name(), kept)
    _changed = False
