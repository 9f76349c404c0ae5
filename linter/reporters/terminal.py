"""Whether what goes to a stream is coloured, and the rich console that colours it.

``--no-color`` and ``NO_COLOR`` (https://no-color.org) turn colour off everywhere, and then no
escape sequence is written at all; ``FORCE_COLOR`` turns it on in a pipe too (for CI logs that
show colour); otherwise a terminal is coloured and a pipe or a file is not.

Whatever comes from a draft or a file name is shown through ``printable``: a control character
could otherwise move the cursor, erase the lines above, set the clipboard, or start a CI log
command on a line of its own; a bidirectional override could reorder what follows it.
"""

from __future__ import annotations

import os

# C0 but tab, DEL, C1, and the bidirectional embeddings, overrides and isolates, as \x1b, \n or \u202e.
_CONTROLS = [*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
             *range(0x2066, 0x206A)]
_ESCAPED = {c: (f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}") for c in _CONTROLS} | {0x0A: "\\n", 0x0D: "\\r"}
_ESCAPED_BUT_LINES = {c: e for c, e in _ESCAPED.items() if c not in (0x0A, 0x0D)}


def printable(text: str, lines: bool = False) -> str:
    """``text`` with each control character written as an escape (``\\x1b``, ``\\u202e``), so it is
    shown rather than obeyed; ``lines``: newlines and carriage returns are left to the caller."""
    if text.isprintable():  # nearly always (no control, no format character, no space but " ")
        return text
    return text.translate(_ESCAPED_BUT_LINES if lines else _ESCAPED)


def shown_path(path: str) -> str:
    """A file name as reports show it: one that is not UTF-8 (Python holds its bytes as lone
    surrogates, which no UTF-8 report can hold) with each such byte as ``\\xff``."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def colour(stream, disabled: bool = False) -> bool:
    if disabled or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(stream, coloured: bool, **options):
    """A rich console on ``stream``: coloured, or without any escape sequence."""
    from rich.console import Console

    if coloured:
        return Console(file=stream, highlight=False, force_terminal=True, **options)
    return Console(file=stream, highlight=False, color_system=None, no_color=True, **options)
