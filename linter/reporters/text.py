"""Text output: ``path:line:col: severity: CODE message`` per finding (``[*]`` after the code when
``--fix`` mends it), then a summary by severity and how many findings the fixes would mend; or,
with ``--statistics``, how many findings each rule made.

Coloured through rich on a terminal (see ``terminal``); plain (and rich not even imported)
otherwise, so a pre-commit hook or a pipe gets clean lines quickly. A control character in a file
name or in quoted draft text is shown escaped (``\\x1b``), never sent to the terminal or the log.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..i18n import t, where
from ..result import RunResult
from ..rule import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary(findings: list[Finding], files: int, lang: str) -> str:
    if not findings:
        return t("summary.none", lang, files=files)
    counts = Counter(f.severity for f in findings)
    parts = [
        t(f"severity.{severity}", lang, n=counts[severity])
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    return t("summary.found", lang, total=len(findings), files=files, parts=", ".join(parts))


def fixable(findings: list[Finding], lang: str) -> str | None:
    """How many findings ``--fix`` would mend, and how many more ``--unsafe-fixes``; None if none."""
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if safe:
        more = t("summary.fixable_unsafe", lang, n=unsafe) if unsafe else ""
        return t("summary.fixable", lang, n=safe) + more + "."
    return t("summary.unsafe_only", lang, n=unsafe) + "." if unsafe else None


def report(result: RunResult, stream: TextIO, *, quiet: bool = False, coloured: bool | None = None) -> None:
    from .terminal import colour, printable

    findings, files, lang = result.findings, result.files, result.lang
    if colour(stream) if coloured is None else coloured:
        _rich_report(findings, files, lang, stream, quiet)
        return
    for f in findings:
        stream.write(printable(f"{_where(f, lang)}: {f.severity}: {f.code}{_mark(f)} {f.message}") + "\n")
    if not quiet:
        stream.write("".join(line + "\n" for line in _summary_lines(findings, files, lang)))


def statistics(result: RunResult, stream: TextIO, *, quiet: bool = False) -> None:
    """How many findings each rule made, most first, then the summary."""
    counts = Counter((f.code, f.name, str(f.severity)) for f in result.findings)
    for (code, name, severity), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{n:6d}  {code}  {severity:<7}  {name}\n")
    if not quiet:
        stream.write("".join(line + "\n" for line in _summary_lines(result.findings, result.files, result.lang)))


def _rich_report(findings: list[Finding], files: int, lang: str, stream: TextIO, quiet: bool) -> None:
    from rich.markup import escape

    from .terminal import console as make_console, printable

    console = make_console(stream, True, soft_wrap=True)
    for f in findings:
        style = _STYLE[f.severity]
        console.print(f"[bold]{escape(printable(_where(f, lang)))}[/]: [{style}]{f.severity}[/]: [{style}]{f.code}[/]"
                      f"{escape(_mark(f))} {escape(printable(f.message))}")
    if not quiet:
        style = _STYLE[max(f.severity for f in findings)] if findings else "green"
        for line in _summary_lines(findings, files, lang):
            console.print(f"[{style}]{escape(line)}[/]")


def _summary_lines(findings: list[Finding], files: int, lang: str) -> list[str]:
    mendable = fixable(findings, lang)
    return [summary(findings, files, lang)] + ([mendable] if mendable else [])


def _mark(f: Finding) -> str:
    """``[*]`` on a finding ``--fix`` mends (as ruff marks them)."""
    return " [*]" if f.fix is not None and f.fix.safe else ""


def _where(f, lang: str) -> str:
    """``path:line:col``; for a Word file, the paragraph or table row Word shows (``kh.docx[đoạn 12]``)."""
    return f"{f.path}[{where(f.location, lang)}]" if f.location else f"{f.path}:{f.line}:{f.column}"
