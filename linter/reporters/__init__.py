"""Reporters: turn findings into what a user reads (text) or a tool reads (json, github)."""


def get(name: str):
    if name == "json":
        from . import json_report

        return json_report.report
    if name == "github":
        from . import github

        return github.report
    from . import text

    return text.report
