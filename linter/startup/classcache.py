"""The methods ``dataclasses`` writes for draftlint's classes, compiled once per machine.

Creating a dataclass compiles the source of the methods it writes (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, and ``__setattr__``/``__delattr__`` when frozen): for the fifty classes
a run defines, about 15 ms of a 140 ms run. Inside ``compiled_once()`` — the CLI opens it while
it imports the built-in rules and the engine, and closes it before any third-party rule package is
loaded — ``dataclasses`` compiles the methods of draftlint's own classes through this module, which
keeps the code objects in the cache folder, keyed by their exact source (marshal, in a file named
after this interpreter's version), so a later run only loads them. A class of any other module is
compiled as ``dataclasses`` always does. The code is what ``compile`` makes of that source; the file
is used only as Python uses its ``__pycache__`` — owned by the user, writable by nobody else — and
only when its hash matches (see ``cache``), so a damaged or foreign file is ignored and rewritten.
Outside the block, and with ``DRAFTLINT_NO_CACHE`` set, ``dataclasses`` is untouched.
"""

from __future__ import annotations

import builtins
import sys
from contextlib import contextmanager
from types import CodeType

stats = {"cached": 0, "compiled": 0}
_codes: dict[str, object] | None = None
_changed = False


@contextmanager
def compiled_once():
    import dataclasses

    from . import cache

    if cache.disabled() or "exec" in vars(dataclasses):  # someone else hooks it already: leave it alone
        yield
        return
    dataclasses.exec = _exec
    try:
        yield
    finally:
        del dataclasses.exec
        _save()


def _exec(source, globals=None, locals=None):
    if not isinstance(source, str) or not _ours(globals):
        return builtins.exec(source, globals, locals)
    global _changed
    codes = _load()
    code = codes.get(source)
    if code is None:
        # As dataclasses' own exec compiles it: no __future__ flags of this module inherited.
        code = codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _changed = True
        stats["compiled"] += 1
    else:
        stats["cached"] += 1
    return builtins.exec(code, globals, locals)


def _ours(module_globals) -> bool:
    """Whether the class being made belongs to draftlint (``dataclasses`` passes its module's globals)."""
    name = module_globals.get("__name__") if isinstance(module_globals, dict) else None
    return isinstance(name, str) and (name == "draftlint" or name.startswith("draftlint."))


def _file_name() -> str:
    return f"dataclasses-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"


def _load() -> dict[str, object]:
    global _codes
    if _codes is None:
        from . import cache

        stored = cache.read_table(_file_name())
        _codes = {k: v for k, v in stored.items() if isinstance(k, str) and isinstance(v, CodeType)}
    return _codes


def _save() -> None:
    global _changed
    if not _changed or _codes is None:
        return
    from . import cache

    cache.write_table(_file_name(), _codes)
    _changed = False
