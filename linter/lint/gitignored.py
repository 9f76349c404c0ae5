"""``draftlint check`` with no path lints the current folder as git sees it: the files its
``.gitignore`` (and ``.git/info/exclude``, the global excludes) leave out are not drafts of the
repository. Asked of git itself (``git check-ignore``); without git, or outside a repository,
every file found is kept."""

from __future__ import annotations

import os
import subprocess


def without_ignored(entries: list) -> list:
    """``entries`` (paths, or Unlistable ones) without the files git ignores."""
    paths = [e for e in entries if isinstance(e, str) and e != "-"]
    if not paths:
        return entries
    try:
        result = subprocess.run(["git", "check-ignore", "--stdin", "-z"], input=b"\0".join(map(os.fsencode, paths)),
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return entries  # no git here
    if result.returncode not in (0, 1):  # 128: not a repository (or git cannot tell)
        return entries
    ignored = {os.fsdecode(path) for path in result.stdout.split(b"\0")}
    return [e for e in entries if not (isinstance(e, str) and e in ignored)]
