"""Rule documentation, rendered in one place from the rules' metadata and their measured precision:
the table ``draftlint rules`` prints, the text ``draftlint explain`` prints, the README's rule table
and the SARIF rule descriptors (whose help is the explain text, as text and as Markdown).

The README's table is regenerated with ``python -m draftlint.docs --write-readme README.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import t, template

if TYPE_CHECKING:
    from .rule import Rule

README_COMMAND = "python -m draftlint.docs --write-readme README.md"
README_HEADER = "| code | name | severity | default | precision | checks |"
_README_NOTE = f"<!-- The rule table below is rendered from the rules: {README_COMMAND} -->"


def _figures():
    from .data import measured

    return measured()


# --- draftlint rules ---------------------------------------------------------------------------

def rules_table(rules: dict[str, type[Rule]], lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The header and one row per rule: code, name, severity, default, measured precision, summary."""
    figures = _figures()
    on, off = t("rules.on", lang), t("rules.off", lang)
    rows = [(r.code, r.name, str(r.severity), on if r.default_enabled else off,
             figures[r.code].shown(lang) if r.code in figures else "—", r.summary[lang]) for r in rules.values()]
    return tuple(template("rules.header", lang)), rows


# --- draftlint explain (and the SARIF help) ----------------------------------------------------

def _parts(rule: type[Rule], lang: str) -> dict:
    """What a rule's documentation says, before it is laid out as text or Markdown."""
    fix = t(f"explain.fix_{rule.fix_safety}" if rule.fixable else "explain.fix_no", lang)
    meta = t("explain.meta", lang, family=rule.family, severity=rule.severity, fix=fix)
    meta += t("explain.on" if rule.default_enabled else "explain.off", lang)
    figure = _figures().get(rule.code)
    if figure is not None and figure.judged:
        precision = [t("explain.measured", lang, true=figure.true, judged=figure.judged,
                       pct=round(100 * figure.true / figure.judged), date=figure.date)]
    else:
        precision = [t("explain.unmeasured", lang)]
    if not rule.default_enabled and rule.off_reason:
        precision.append(rule.off_reason[lang])
    if not rule.default_enabled:
        precision.append(t("explain.enable", lang, code=rule.code))
    settings = [f"{k} = {toml_value(v)}" for k, v in rule.example_options.items()]
    options = [(f"{name} = {toml_value(option.default)}", option.help_vi if lang == "vi" else option.help_en)
               for name, option in rule.options.items()]
    return {"meta": meta, "precision": precision, "settings": settings, "options": options}


def explain(rule: type[Rule], lang: str) -> str:
    """What ``draftlint explain CODE`` prints."""
    parts = _parts(rule, lang)
    out = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary[lang],
        "",
        parts["meta"],
        *parts["precision"],
        "",
        f"{t('explain.why', lang)}:",
        rule.rationale[lang],
        "",
        f"{t('explain.bad', lang)}:",
        _indent(rule.bad),
        f"{t('explain.good', lang)}:",
        _indent(rule.good),
    ]
    if parts["settings"]:
        out += [f"{t('explain.example_options', lang)}: {'; '.join(parts['settings'])}", ""]
    if parts["options"]:
        out.append(f"{t('explain.options', lang)}:")
        out += [f"    {setting}  — {help_text}" for setting, help_text in parts["options"]]
    return "\n".join(out).rstrip() + "\n"


def explain_markdown(rule: type[Rule], lang: str) -> str:
    """The same documentation in Markdown, as code-scanning tools show a rule's help."""
    parts = _parts(rule, lang)
    out = [
        rule.summary[lang],
        "",
        "  \n".join([parts["meta"], *parts["precision"]]),
        "",
        f"**{t('explain.why', lang)}:** {rule.rationale[lang]}",
        "",
        f"**{t('explain.bad', lang)}:**",
        _fenced(rule.bad),
        "",
        f"**{t('explain.good', lang)}:**",
        _fenced(rule.good),
    ]
    if parts["settings"]:
        out += ["", f"{t('explain.example_options', lang)}: " + "; ".join(f"`{s}`" for s in parts["settings"])]
    if parts["options"]:
        out += ["", f"**{t('explain.options', lang)}:**", ""]
        out += [f"- `{setting}` — {help_text}" for setting, help_text in parts["options"]]
    return "\n".join(out) + "\n"


def toml_value(value) -> str:
    """A value as the configuration file writes it: true, 3, "text", ["a", "b"]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n"))


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:  # an example holding a fence gets a longer one
        fence += "`"
    return f"{fence}text\n{text.rstrip()}\n{fence}"


# --- README.md -----------------------------------------------------------------------------------

def builtin_rules() -> dict[str, type[Rule]]:
    """The rules draftlint ships, without any installed plugin's: the README documents these."""
    from .rules import BUILTIN_MODULES

    from .registry import all_rules

    return {code: rule for code, rule in all_rules().items() if rule.__module__ in BUILTIN_MODULES}


def readme_table(rules: dict[str, type[Rule]]) -> str:
    """The README's rule table, in English: one row per rule, ``reports`` (or the summary) as its
    "checks" column, the precision as "97 % of 34"."""
    figures = _figures()
    lines = [README_HEADER, "|---|---|---|---|---|---|"]
    for code, rule in rules.items():
        figure = figures.get(code)
        precision = (f"{round(100 * figure.true / figure.judged)} % of {figure.judged}"
                     if figure is not None and figure.judged else "—")
        checks = (rule.reports or rule.summary["en"]).replace("|", "\\|")
        lines.append(f"| {code} | {rule.name} | {rule.severity} | {'on' if rule.default_enabled else 'off'} | "
                     f"{precision} | {checks} |")
    return "\n".join(lines) + "\n"


def readme_table_in(text: str) -> tuple[int, int]:
    """Where the rule table stands in the README's text: its first and past-the-end line indexes."""
    lines = text.split("\n")
    start = lines.index(README_HEADER)  # ValueError: the README has no rule table
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return start, end


def write_readme(path: Path) -> bool:
    """Put the rendered rule table into the README at ``path``; whether its text changed."""
    text = path.read_text(encoding="utf-8")
    start, end = readme_table_in(text)
    lines = text.split("\n")
    head = lines[:start]
    if start < 2 or head[start - 2] != _README_NOTE:
        head += [_README_NOTE, ""]
    new = "\n".join(head + readme_table(builtin_rules()).rstrip("\n").split("\n") + lines[end:])
    if new == text:
        return False
    path.write_text(new, encoding="utf-8", newline="\n")
    return True


# --- SARIF ---------------------------------------------------------------------------------------

def documentation_url() -> str | None:
    """The README's rule section where the installed distribution names its documentation page
    (``[project.urls] Documentation`` in pyproject.toml); None where it names none."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("draftlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip().split("#", 1)[0] + "#rules"
    return None


def sarif_rules(rules: dict[str, type[Rule]], lang: str) -> list[dict]:
    """The SARIF ``reportingDescriptor`` of each rule, in catalogue order: its summary and rationale,
    its help (the explain text, plain and in Markdown), a link to the documentation, its defaults."""
    from .reporters.sarif import LEVEL

    link = documentation_url()
    descriptors = []
    for code, rule in rules.items():
        descriptor = {
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary[lang]},
            "fullDescription": {"text": rule.rationale[lang]},
            "help": {"text": explain(rule, lang), "markdown": explain_markdown(rule, lang)},
        }
        if link:
            descriptor["helpUri"] = link
        descriptor["defaultConfiguration"] = {"level": LEVEL[rule.severity], "enabled": rule.default_enabled}
        descriptors.append(descriptor)
    return descriptors


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m draftlint.docs",
                                     description="Render the rule documentation from the rules' metadata.")
    parser.add_argument("--write-readme", metavar="README", type=Path, required=True,
                        help="rewrite the rule table of this README (under its '## Rules' heading)")
    args = parser.parse_args(argv)
    try:
        changed = write_readme(args.write_readme)
    except (OSError, ValueError) as exc:
        reason = "no rule table (its header line is missing)" if isinstance(exc, ValueError) else exc.strerror
        sys.stderr.write(f"draftlint.docs: {args.write_readme}: {reason}\n")
        return 2
    sys.stdout.write(f"{args.write_readme}: {'rule table rewritten' if changed else 'rule table up to date'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
