"""Whether what goes to a stream is coloured, and the rich console that colours it.

``--no-color`` and ``NO_COLOR`` (https://no-color.org) turn colour off everywhere, and then no
escape sequence is written at all; ``FORCE_COLOR`` turns it on in a pipe too (for CI logs that
show colour); otherwise a terminal is coloured and a pipe or a file is not.
"""

from __future__ import annotations

import os


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
