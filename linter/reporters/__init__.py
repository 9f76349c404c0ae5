"""Reporters: turn findings into what a user reads (text) or a tool reads (json, github, sarif) or a reviewer opens (html, a Word copy with comments)."""


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
