"""The built-in rules of draftlint, one module per family."""

# Modules imported by the registry, in catalogue order.
BUILTIN_MODULES = (
    "draftlint.rules.numbering",
    "draftlint.rules.citations",
    "draftlint.rules.tasks",
    "draftlint.rules.dates",
    "draftlint.rules.acronyms",
    "draftlint.rules.spelling",
    "draftlint.rules.unicode",
    "draftlint.rules.format",
    "draftlint.rules.capitalisation",
    "draftlint.rules.input",
)
