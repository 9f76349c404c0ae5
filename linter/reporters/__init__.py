"""Reporters: turn a run's findings into what a user reads (text) or a tool reads (json, github,
sarif) or a reviewer opens (html, a Word copy with comments). Each takes the run's ``RunResult``
(``draftlint.result``), and a stream and its presentation flags where it writes one."""


def get(name: str):
    if name == "json":
        from . import json_report

        return json_report.report
    if name == "sarif":
        from . import sarif

        return sarif.report
    if name == "html":
        from . import html

        return html.report
    if name == "github":
        from . import github

        return github.report
    from . import text

    return text.report
