"""draftlint's cache folder (``$XDG_CACHE_HOME/draftlint`` or ``~/.cache/draftlint``): derived data
that is costly to rebuild on every start — parsed data tables, rebuilt grammar tables. Only its
owner can write it; anything read from it is checked, and a damaged file is rebuilt, never trusted."""

from __future__ import annotations

import json
import os


def folder() -> str | None:
    """The cache folder, created if needed; None when it cannot be used safely."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "draftlint")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        if os.stat(path).st_uid != os.getuid():
            return None
    except (OSError, AttributeError):  # no home, a read-only disk, no getuid (Windows)
        return None
    return path


def read_json(name: str):
    """A cached JSON value, or None when it is absent or damaged."""
    path = folder()
    if path is None:
        return None
    try:
        with open(os.path.join(path, name), encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def write_json(name: str, value) -> None:
    """Store a JSON value; written beside and moved into place, so a reader never sees half a file."""
    path = folder()
    if path is None:
        return
    import tempfile

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path, prefix=".tmp-", suffix=".json")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, os.path.join(path, name))
    except OSError:
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass
