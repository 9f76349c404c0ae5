"""GitHub Actions annotations: one workflow command per finding, which GitHub shows on the pull
request's changed lines (``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``)."""

from __future__ import annotations

from typing import TextIO

from ..i18n import where as words
from ..result import RunResult
from ..rule import Severity
from .terminal import printable

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """The escaping GitHub requires of a command's message; other control characters, which the log
    would obey, shown as escapes."""
    return printable(text, lines=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """The escaping GitHub requires of a property value (also ``:`` and ``,``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: RunResult, stream: TextIO) -> None:
    for f in result.findings:
        where = f"[{words(f.location, result.lang)}] " if f.location else ""
        properties = (f"file={_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                      f"endColumn={f.end_column},title={_property(f.code + ' ' + f.name)}")
        stream.write(f"::{_LEVEL[f.severity]} {properties}::{_data(where + f.message)}\n")
