"""Text output: ``path:line:col: CODE message`` per finding, then a summary by severity.

Coloured through rich on a terminal; plain (and rich not even imported) otherwise,
so a pre-commit hook or a pipe gets clean lines quickly.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..i18n import t
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


def report(findings: list[Finding], files: int, lang: str, stream: TextIO) -> None:
    if stream.isatty():
        _rich_report(findings, files, lang, stream)
        return
    for f in findings:
        stream.write(f"{_where(f)}: {f.code} {f.message}\n")
    stream.write(summary(findings, files, lang) + "\n")


def _rich_report(findings: list[Finding], files: int, lang: str, stream: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for f in findings:
        console.print(
            f"[bold]{escape(_where(f))}[/]: [{_STYLE[f.severity]}]{f.code}[/] {escape(f.message)}"
        )
    style = _STYLE[max(f.severity for f in findings)] if findings else "green"
    console.print(f"[{style}]{escape(summary(findings, files, lang))}[/]")


def _where(f) -> str:
    """``path:line:col``; for a Word file, the paragraph or table row Word shows (``kh.docx[đoạn 12]``)."""
    return f"{f.path}[{f.locator}]" if f.locator else f"{f.path}:{f.line}:{f.column}"
