"""Writing a file back as a careful editor does: what ``--fix`` writes over a draft and what
``--annotate`` writes as a copy.

The new bytes go to a temporary file beside the target, which then replaces it, so a failure
leaves the target as it was. What makes the file the same file is kept: a symbolic link is
written through to the file it points to; owner, group, mode and extended attributes (ACLs) are
copied; and when they cannot all be copied (owner of someone else, as a non-root user) or the
file has other hard links, the checked bytes are written into the file itself, which keeps its
inode. A file that is not a regular file, is read-only, or changed since it was read is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass


class WriteError(Exception):
    """Why a file was left as it was: the key of the message in ``i18n`` and its values."""

    def __init__(self, key: str, **values) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        from ..i18n import t

        values = {k: v.reason(lang) if hasattr(v, "reason") else v for k, v in self.values.items()}
        return t(self.key, lang, **values)


@dataclass(frozen=True)
class Snapshot:
    """What tells a file's state when it was read: a later difference means someone changed it."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> Snapshot | None:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def replace(path: str, data: bytes, before: Snapshot | None = None, verify=None, mode: int | None = None) -> None:
    """Make ``data`` the contents of ``path`` (created when absent). ``before``: the file as it was
    read, refused if it differs now; ``verify(temporary)`` raises WriteError to keep the old file;
    ``mode``: the permissions of the new file (default: the old file's, or the umask's for a new
    one). Raises WriteError."""
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError("write.failed", reason=exc.strerror) from None
    if info is not None:
        _check(real, info, before)
    elif before is not None:  # removed since it was read
        raise WriteError("write.changed")
    if mode is None:
        mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    try:
        descriptor, temporary = tempfile.mkstemp(dir=os.path.dirname(real), prefix=".draftlint-", suffix=".tmp")
    except OSError as exc:
        raise WriteError("write.failed", reason=exc.strerror) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        in_place = info is not None and (info.st_nlink > 1 or not _same_identity(real, temporary, info))
        if verify is not None:
            verify(temporary)
        if info is not None:
            _check(real, os.stat(real), before)  # once more, as late as can be
        if in_place:
            _write_in_place(real, data)
        else:
            os.replace(temporary, real)
    except OSError as exc:
        raise WriteError("write.failed", reason=exc.strerror or str(exc)) from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def encoded(text: str, like: bytes) -> bytes:
    """``text`` in the encoding of a file that starts with ``like``: UTF-8, with its BOM if it had
    one, or UTF-16 in the byte order of its BOM."""
    import codecs

    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                       (codecs.BOM_UTF8, "utf-8")):
        if like.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


def _umask() -> int:
    umask = os.umask(0o22)
    os.umask(umask)
    return umask


def _check(real: str, info: os.stat_result, before: Snapshot | None) -> None:
    if not stat.S_ISREG(info.st_mode):  # a device, a FIFO or a folder is never replaced by a file
        raise WriteError("write.not_regular")
    # The write bits, not only access(): root may write anything, but a file nobody may write
    # was made read-only on purpose.
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise WriteError("write.read_only")
    if before is not None and before != Snapshot(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns):
        raise WriteError("write.changed")


def _same_identity(real: str, temporary: str, info: os.stat_result) -> bool:
    """Give the temporary file the old file's owner, group and extended attributes; False when
    that is not permitted, and the file must then be written in place."""
    try:
        new = os.stat(temporary)
        if (new.st_uid, new.st_gid) != (info.st_uid, info.st_gid):
            os.chown(temporary, info.st_uid, info.st_gid)
            os.chmod(temporary, stat.S_IMODE(new.st_mode))  # chown clears set-user-id bits
        if hasattr(os, "listxattr"):
            for name in os.listxattr(real):
                os.setxattr(temporary, name, os.getxattr(real, name))
    except OSError:
        return False
    return True


def _write_in_place(real: str, data: bytes) -> None:
    """Overwrite the file's own bytes; if that fails half-way, put the old ones back."""
    with open(real, "r+b") as handle:
        old = handle.read()
        try:
            handle.seek(0)
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        except OSError:
            handle.seek(0)
            handle.write(old)
            handle.truncate()
            raise
