"""draftlint's cache folder (``$XDG_CACHE_HOME/draftlint`` or ``~/.cache/draftlint``): derived data
that is costly to rebuild on every start — parsed data tables, rebuilt grammar tables, compiled code.
Only its owner can write it; anything read from it is checked, and a damaged file is rebuilt, never trusted.

A file is read only when it is a regular file (not a link, a pipe or a device) of a bounded size,
owned by the user, and neither it nor the folder can be written by anyone else; each file carries
its payload's length and hash, checked before the payload is decoded, so a damaged file (a bit flip,
a half-written copy, a file of another program) is never handed to ``marshal`` or ``json``.

``DRAFTLINT_NO_CACHE=1`` (or ``check --no-cache``) switches it off: no folder is made, read or written."""

from __future__ import annotations

import json
import os
import stat

from ..limits import CACHE_MAX_FILE_BYTES

try:  # hashlib would load OpenSSL too: 2 ms of every start
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

_MAGIC = b"draftlint-cache\x001\x00"  # then the payload's length (8 bytes) and its hash (32)
_HEADER = len(_MAGIC) + 8 + 32
LARGEST = CACHE_MAX_FILE_BYTES  # a larger cached file is not read
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


_switched_off = False


def switch_off() -> None:
    """For the rest of this process (and the workers it forks): no cache folder is read or written
    (``check --no-cache``)."""
    global _switched_off
    _switched_off = True


def disabled() -> bool:
    """``DRAFTLINT_NO_CACHE`` set (to anything but 0), or switched off: no cache folder is read or written."""
    return _switched_off or os.environ.get("DRAFTLINT_NO_CACHE", "") not in ("", "0")


def folder() -> str | None:
    """The cache folder, created if needed; None when it cannot be used safely or is switched off."""
    if disabled():
        return None
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
    except Exception:  # not JSON, too deep, too large: rebuilt
        return None


def write_json(name: str, value) -> None:
    """Store a JSON value (see ``write_bytes``)."""
    write_bytes(name, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def read_table(name: str) -> dict:
    """A cached dict stored with ``write_table``, or an empty one when it is absent or damaged."""
    import marshal

    data = read_bytes(name)
    try:
        value = marshal.loads(data) if data else None
    except Exception:  # not marshal, or a length it cannot allocate: rebuilt
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
    """A cached file's payload, or None when it is absent, cannot be read, or fails any check."""
    path = folder()
    if path is None:
        return None
    try:
        if not _private(os.stat(path)):
            return None
        descriptor = os.open(os.path.join(path, name), _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not _private(info) or not _HEADER <= info.st_size <= LARGEST:
            return None
        with os.fdopen(descriptor, "rb") as handle:
            descriptor = None
            data = handle.read(info.st_size + 1)
    except OSError:
        return None
    finally:
        if descriptor is not None:
            os.close(descriptor)
    return _payload(data)


def _private(info: os.stat_result) -> bool:
    """Owned by the user and writable by nobody else (what ``__pycache__`` is trusted for)."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _payload(data: bytes) -> bytes | None:
    """The payload of a stored file, or None when its header does not vouch for it."""
    if len(data) < _HEADER or not data.startswith(_MAGIC):
        return None
    length = int.from_bytes(data[len(_MAGIC):len(_MAGIC) + 8], "little")
    payload = data[_HEADER:]
    if len(payload) != length or digest(payload) != data[_HEADER - 32:_HEADER]:
        return None
    return payload


def _framed(payload: bytes) -> bytes:
    return _MAGIC + len(payload).to_bytes(8, "little") + digest(payload) + payload


def digest(data: bytes) -> bytes:
    """A 32-byte hash of ``data``: any change to a file, however small, changes it."""
    return blake2b(data, digest_size=32).digest()


def write_bytes(name: str, data: bytes) -> None:
    """Store a file; written beside and moved into place, so a reader never sees half a file.
    Nothing else is removed: every name carries what it was made from (a table's content, the
    Python release), so installations of other versions sharing the folder keep their own files."""
    path = folder()
    if path is None:
        return
    import tempfile

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path, prefix=".tmp-")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_framed(data))
        os.replace(temporary, os.path.join(path, name))
    except OSError:
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass
        return
