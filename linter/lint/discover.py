"""Which files a run lints: the files named, and the drafts found in the folders named.

``draftlint check`` with no path lints the current folder as git sees it: the files its
``.gitignore`` (and ``.git/info/exclude``, the global excludes) leave out are not drafts of the
repository. That is asked of git itself (``git check-ignore``); without git, or outside a
repository, every file found is kept."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from ..i18n import os_error
from ..front.source import InputError

STDIN = "-"  # the path that names standard input


@dataclass(frozen=True)
class Unlistable:
    """A path that could not be searched or checked (a folder that cannot be listed, a looping link)."""

    path: str
    error: InputError


def discover(paths: Sequence[str], extensions: tuple[str, ...] = (".txt", ".md", ".docx", ".doc")
             ) -> list[str | Unlistable]:
    """Files to lint, each once: given files as they are, folders searched for drafts.

    Hidden folders and folders reached through a symbolic link are not searched (a
    link can loop back); a folder that cannot be listed is reported, not skipped. An
    old .doc is listed so that it is reported (INP001), not passed over in silence; the
    lock file Word keeps beside an open draft (``~$…``) is not a draft.
    """
    found: list[str | Unlistable] = []
    seen: set[str] = set()

    def add(entry: str | Unlistable) -> None:
        key = entry.path if isinstance(entry, Unlistable) else entry
        if key not in seen:
            seen.add(key)
            found.append(entry)

    for raw in paths:
        if raw == STDIN:
            add(raw)
            continue
        path = os.path.normpath(raw)
        try:
            is_dir = os.path.isdir(path)
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            for entry in _walk(path, extensions):
                add(entry)
        else:
            add(path)
    return found


def _walk(folder: str, extensions: tuple[str, ...]):
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Unlistable(folder, InputError(f"không đọc được thư mục ({os_error(exc)['vi']})",
                                            f"cannot list the folder ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, extensions)
            elif os.path.splitext(entry.name)[1].lower() in extensions and entry.is_file():
                yield os.path.normpath(entry.path)
        except OSError:
            continue


def without_ignored(entries: list[str | Unlistable]) -> list[str | Unlistable]:
    """``entries`` without the files git ignores."""
    paths = [e for e in entries if isinstance(e, str) and e != STDIN]
    if not paths:
        return entries
    import subprocess

    try:
        result = subprocess.run(["git", "check-ignore", "--stdin", "-z"], input=b"\0".join(map(os.fsencode, paths)),
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return entries  # no git here
    if result.returncode not in (0, 1):  # 128: not a repository (or git cannot tell)
        return entries
    ignored = {os.fsdecode(path) for path in result.stdout.split(b"\0")}
    return [e for e in entries if not (isinstance(e, str) and e in ignored)]
