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
        if not os.path.isdir(os.path.dirname(base)):  # a home that does not exist is not created
            return None
        os.makedirs(path, mode=0o700, exist_ok=True)
        if os.stat(path).st_uid != os.getuid():
            return None
    except (OSError, AttributeError):  # no home, a read-only disk, no getuid (Windows)
        return None
    return path


def read_json(name: str):
    """A cached JSON value, or None when it is absent or damaged."""
    data = read_bytes(name)
    if data is None:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def write_json(name: str, value, replacing: str | None = None) -> None:
    """Store a JSON value (see ``write_bytes``)."""
    write_bytes(name, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), replacing)


def read_table(name: str) -> dict:
    """A cached dict stored with ``write_table``, or an empty one when it is absent or damaged."""
    import marshal

    data = read_bytes(name)
    try:
        value = marshal.loads(data) if data else None
    except (EOFError, ValueError, TypeError):
        value = None
    return value if isinstance(value, dict) else {}


def write_table(name: str, value: dict) -> None:
    """Store a dict of plain values or code objects as marshal: this interpreter's own format, read
    back at C speed, so ``name`` must carry the interpreter's version. Nothing is stored when the
    value holds anything else."""
    import marshal

    try:
        data = marshal.dumps(value)
    except ValueError:
        return
    write_bytes(name, data)


def read_bytes(name: str) -> bytes | None:
    """A cached file's bytes, or None when it is absent or cannot be read."""
    path = folder()
    if path is None:
        return None
    try:
        with open(os.path.join(path, name), "rb") as handle:
            return handle.read()
    except OSError:
        return None


def write_bytes(name: str, data: bytes, replacing: str | None = None) -> None:
    """Store a file; written beside and moved into place, so a reader never sees half a file.
    ``replacing``: the files whose names start with it are older versions of this one, removed."""
    path = folder()
    if path is None:
        return
    import tempfile

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path, prefix=".tmp-")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, os.path.join(path, name))
    except OSError:
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass
        return
    if replacing:
        try:
            for old in os.listdir(path):
                if old.startswith(replacing) and old != name:
                    os.unlink(os.path.join(path, old))
        except OSError:
            pass
