"""draftlint: a linter for Vietnamese administrative drafts."""

__version__ = "0.2.0"
