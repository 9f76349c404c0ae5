"""From offsets in the normalised text back to the original text: the piecewise-linear
``OffsetMap`` the normaliser builds, and the ``SourceMap`` a Document carries."""

from __future__ import annotations

import bisect

from ..model import SourceSpan, Span
from .source import SourceText


class OffsetMap:
    """Built piece by piece while the normalised text is assembled.

    Each piece records the original offset of its first character; pieces that
    continue linearly merge into one segment, so a clean line costs one segment.
    """

    __slots__ = ("_norm", "_orig", "_length")

    def __init__(self) -> None:
        self._norm: list[int] = []
        self._orig: list[int] = []
        self._length = 0

    def add(self, length: int, orig: int) -> None:
        """The next ``length`` normalised characters come from ``orig`` onwards."""
        if length <= 0:
            return
        if self._norm:
            last_n, last_o = self._norm[-1], self._orig[-1]
            if orig - last_o == self._length - last_n:
                self._length += length
                return
        self._norm.append(self._length)
        self._orig.append(orig)
        self._length += length

    def add_inserted(self, length: int, orig: int) -> None:
        """Characters the normaliser inserted (joiners, separators), all mapped to ``orig``."""
        for _ in range(length):
            self._norm.append(self._length)
            self._orig.append(orig)
            self._length += 1

    def __len__(self) -> int:
        return self._length

    def to_original(self, offset: int) -> int:
        if not self._norm:
            return 0
        if offset >= self._length:
            # One past the end maps to one past the last character.
            return self._orig_of(self._length - 1) + 1 if self._length else 0
        return self._orig_of(max(0, offset))

    def to_original_end(self, end: int) -> int:
        """Map an exclusive end offset; a range ending at a wrap ends on its own line."""
        if end <= 0:
            return self.to_original(0)
        return self._orig_of(min(end, self._length) - 1) + 1

    def _orig_of(self, offset: int) -> int:
        index = bisect.bisect_right(self._norm, offset) - 1
        return self._orig[index] + (offset - self._norm[index])


class SourceMap:
    """Where a Document's text came from: the original text (which knows its lines and columns)
    and the map of normalised offsets back into it."""

    __slots__ = ("source", "_offsets")

    def __init__(self, source: SourceText, offsets: OffsetMap) -> None:
        self.source = source
        self._offsets = offsets

    def original(self, span: Span | SourceSpan) -> tuple[int, int]:
        """The offsets of ``span`` in the original text: a SourceSpan's own, a Span's mapped back."""
        if isinstance(span, SourceSpan):
            return span.start, span.end
        start = self._offsets.to_original(span.start)
        return start, max(self._offsets.to_original_end(span.end), start)
