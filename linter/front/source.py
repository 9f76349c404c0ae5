"""Reading a draft: bytes → text, and positions in that text → 1-based line and column."""

from __future__ import annotations

import bisect
import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field

from ..startup import regex
from ..limits import MAX_TEXT_BYTES, MB


_LONE_CR = regex.compile(r"\r(?!\n)")


class InputError(Exception):
    """The input could not be read or decoded (reported as INP001)."""

    def __init__(self, reason_vi: str, reason_en: str):
        super().__init__(reason_en)
        self.reason_vi = reason_vi
        self.reason_en = reason_en

    def reason(self, lang: str) -> str:
        return self.reason_vi if lang == "vi" else self.reason_en


@dataclass
class SourceText:
    """The decoded text of one input, with its line starts.

    Columns are counted in code points of the NFC form of the line, as the
    design asks, so a decomposed letter counts once, as the drafter sees it.
    """

    text: str
    _line_starts: list[int] = field(init=False, repr=False)
    # Per line index: None when columns are offsets (the line is NFC), else where NFC can be cut (_nfc_chunks).
    _columns: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        if "\r" in text and text.count("\r") > text.count("\r\n"):
            # Old Mac line endings (a lone CR) end lines too.
            starts = sorted(set(starts) | {m.end() for m in _LONE_CR.finditer(text)})
        self._line_starts = starts

    def line_start(self, index: int) -> int:
        return self._line_starts[index]

    def line_end(self, index: int) -> int:
        """Offset just past the line's last character (before its line break)."""
        end = self._line_starts[index + 1] if index + 1 < len(self._line_starts) else len(self.text)
        start = self._line_starts[index]
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def physical_lines(self) -> list[tuple[int, int]]:
        """(start, end) offsets of every physical line, newline excluded."""
        return [(self._line_starts[i], self.line_end(i)) for i in range(len(self._line_starts))]

    def line_index(self, offset: int) -> int:
        """0-based index of the physical line holding an offset."""
        return bisect.bisect_right(self._line_starts, max(0, min(offset, len(self.text)))) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into the text.

        Each line is read once, however many findings it has: a whole line in NFC has the
        columns of its offsets (so has every prefix of it); another is cut where NFC joins
        nothing across, and only the piece an offset falls in is normalised again."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[index]
        if index not in self._columns:
            end = self._line_starts[index + 1] if index + 1 < len(self._line_starts) else len(self.text)
            self._columns[index] = _nfc_chunks(self.text[start:end])
        chunks = self._columns[index]
        if chunks is None:
            return index + 1, offset - start + 1
        line, cuts, columns = chunks
        at = offset - start
        i = bisect.bisect_right(cuts, at) - 1
        return index + 1, columns[i] + len(unicodedata.normalize("NFC", line[cuts[i]:at])) + 1


_CHUNK = 64  # characters normalised at most (about) to place one offset of a line that is not NFC


def _nfc_chunks(line: str) -> tuple[str, list[int], list[int]] | None:
    """None for a line in NFC; else the line, offsets where NFC joins nothing across (about one
    per ``_CHUNK`` characters) and the NFC length of the line before each."""
    if line.isascii() or unicodedata.is_normalized("NFC", line):
        return None
    nfc = unicodedata.normalize
    cuts, columns = [0], [0]
    cut = _CHUNK
    while cut < len(line):
        ch = line[cut]
        if ch >= "\x80":  # no composition has an ASCII second letter, and an ASCII letter blocks marks
            alone = nfc("NFC", ch)
            if unicodedata.combining(alone[0]):
                cut += 1
                continue
            # A starter that composes with nothing before it (the last cut is one, so look no further back).
            head = nfc("NFC", line[cuts[-1]:cut])
            if nfc("NFC", line[cuts[-1]:cut + 1]) != head + alone:
                cut += 1
                continue
        else:
            head = nfc("NFC", line[cuts[-1]:cut])
        columns.append(columns[-1] + len(head))
        cuts.append(cut)
        cut += _CHUNK
    return line, cuts, columns


# A compound file: a Word 97–2003 .doc (or a password-protected .docx, which Word stores the same way).
COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def old_word_file() -> InputError:
    return InputError("Word 97–2003 (.doc): lưu lại thành .docx", "Word 97–2003 (.doc): save it as .docx")


def decode(data: bytes) -> str:
    """Decode a text file: UTF-8 with or without BOM, or UTF-16 with a BOM.

    Raises InputError for binary data and for bytes that are not UTF-8.
    """
    if data.startswith(COMPOUND_FILE):
        raise old_word_file()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"tệp UTF-16 bị hỏng (byte {exc.start})",
                f"corrupt UTF-16 file (byte {exc.start})",
            ) from None
    if b"\x00" in data[:8192]:
        raise InputError(
            "tệp nhị phân, không phải văn bản (.txt, .md)",
            "binary file, not text (.txt, .md)",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        from ..text.encodings import legacy_bytes

        legacy = legacy_bytes(data)
        if legacy is not None:
            raise InputError(
                f"tệp viết bằng bảng mã cũ {legacy}, không phải Unicode UTF-8; hãy chuyển mã sang Unicode (ví dụ "
                f"Unikey: Công cụ chuyển mã, nguồn {legacy}, đích Unicode) rồi kiểm tra lại",
                f"the file is in the old {legacy} encoding, not Unicode UTF-8; convert it to Unicode (for example "
                f"with Unikey's converter, from {legacy} to Unicode) and lint it again",
            ) from None
        raise InputError(
            f"không phải UTF-8 hợp lệ (byte 0x{byte:02X} ở dòng {line}); hãy lưu lại tệp với mã UTF-8",
            f"not valid UTF-8 (byte 0x{byte:02X} on line {line}); save the file as UTF-8",
        ) from None


def read_stdin() -> str:
    import sys

    if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
        raise InputError("không có đầu vào chuẩn (stdin đã đóng)", "standard input is closed")
    try:
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"không đọc được đầu vào chuẩn ({exc})", f"cannot read standard input ({exc})") from None
    if len(data) > MAX_TEXT_BYTES:
        raise too_large(len(data), MAX_TEXT_BYTES)
    return decode(data)


def too_large(size: int, limit: int) -> InputError:
    """A file past its cap (limits.py)."""
    shown = f"{size / MB:.0f}" if size >= MB else f"{size / MB:.1f}"
    return InputError(f"tệp quá lớn ({shown} MB; giới hạn {limit // MB} MB)",
                      f"file too large ({shown} MB; the limit is {limit // MB} MB)")


def open_regular(path: str):
    """A file opened for reading in binary, or InputError with a one-line reason. Anything but a
    regular file is refused whatever its name (a FIFO would block, a device never end): checked
    before opening, and again on the opened descriptor, which a FIFO is opened without waiting
    for a writer."""
    try:
        _not_regular(os.stat(path))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        try:
            _not_regular(os.fstat(descriptor))
            return os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise
    except OSError as exc:
        raise _os_error(exc) from None
    except (RuntimeError, ValueError) as exc:  # a looping link, a NUL in the name
        raise InputError(f"không đọc được tệp ({exc})", f"cannot read file ({exc})") from None


def _not_regular(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError
    if not stat.S_ISREG(info.st_mode):
        raise InputError("không phải tệp thường (FIFO, thiết bị…)", "not a regular file (a FIFO, a device…)")


def _os_error(exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("không tìm thấy tệp", "no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError("là thư mục, không phải tệp", "is a directory, not a file")
    if isinstance(exc, PermissionError):
        return InputError("không có quyền đọc tệp", "permission denied")
    from ..i18n import os_error

    return InputError(f"không đọc được tệp ({os_error(exc)['vi']})", f"cannot read file ({exc.strerror})")


def read_bytes(path: str, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit`` of them; InputError with a one-line reason."""
    with open_regular(path) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise too_large(size, limit)
            data = handle.read(limit + 1)  # the file may have grown since
        except OSError as exc:
            raise _os_error(exc) from None
    if len(data) > limit:
        raise too_large(len(data), limit)
    return data


def read_path(path: str) -> str:
    """Read and decode one file; raises InputError with a one-line reason."""
    return decode(read_bytes(path, MAX_TEXT_BYTES))
