"""The rule registry: built-in rules plus third-party rules from the ``draftlint.rules`` entry points.

Rule code is never imported from the repository being linted: plugins are
found only among installed distributions.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import lru_cache

from .startup import regex
from .rule import LANGS, Rule, Severity, rule_classes

ENTRY_POINT_GROUP = "draftlint.rules"
_CODE = regex.compile(r"[A-Z]{2,5}\d{3}\Z")


def _search_path() -> list[str]:
    """Where installed distributions live: sys.path without the current folder, which under
    ``python -m`` is the repository being linted."""
    cwd = os.getcwd()
    return [p for p in sys.path if p and os.path.abspath(p) != cwd]


def entry_points(group: str):
    from importlib.metadata import distributions

    points = []
    for dist in distributions(path=_search_path()):
        points.extend(ep for ep in dist.entry_points if ep.group == group)
    return points


def _plugins_installed() -> bool:
    """Whether any installed distribution declares a ``draftlint.rules`` entry point.

    Reading the metadata files directly costs about a millisecond; importing
    importlib.metadata costs some 25 ms, paid only when a plugin is there.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for folder in _search_path():
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as handle:
                    if marker in handle.read():
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


@lru_cache(maxsize=1)
def plugin_versions() -> tuple[tuple[str, str, str, str], ...]:
    """Each installed rule plugin: its entry point's name and target, its distribution and version."""
    if not _plugins_installed():
        return ()
    return tuple(sorted((ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
                        for ep in entry_points(ENTRY_POINT_GROUP)))


class RegistryError(Exception):
    """A plugin could not be loaded, or its rules are not well formed."""


def _check_rule(rule: type[Rule], origin: str) -> None:
    missing = [a for a in ("code", "name", "family", "severity", "messages", "summary", "rationale", "bad", "good")
               if not hasattr(rule, a)]
    if missing:
        raise RegistryError(f"rule {getattr(rule, '__name__', rule)!r} from {origin} lacks {', '.join(missing)}")
    if not _CODE.match(rule.code):
        raise RegistryError(f"rule code {rule.code!r} from {origin} is not of the form ABC123")
    if not isinstance(rule.severity, Severity):
        raise RegistryError(f"rule {rule.code} from {origin}: severity must be a Severity")
    for variant, texts in rule.messages.items():
        for lang in LANGS:
            if lang not in texts:
                raise RegistryError(f"rule {rule.code} from {origin}: message {variant!r} has no {lang!r} text")


def _from_entry_point(ep) -> list[type[Rule]]:
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin must not look like a crash of draftlint
        raise RegistryError(f"cannot load plugin {ep.name!r} ({ep.value}): {exc}") from None
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return list(obj)
    if hasattr(obj, "__dict__"):
        return list(rule_classes(vars(obj)))
    raise RegistryError(f"plugin {ep.name!r} ({ep.value}) gives neither a rule class, a list nor a module")


def builtin_modules() -> list:
    """The modules of the built-in rules, imported (the CLI imports them, and nothing else, while
    ``classcache`` is on)."""
    from .rules import BUILTIN_MODULES

    return [importlib.import_module(name) for name in BUILTIN_MODULES]


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every rule by code, built-ins first, in catalogue order."""
    rules: dict[str, type[Rule]] = {}
    for module in builtin_modules():
        module_name = module.__name__
        for rule in rule_classes(vars(module)):
            _check_rule(rule, module_name)
            rules[rule.code] = rule
    for ep in entry_points(ENTRY_POINT_GROUP) if _plugins_installed() else ():
        for rule in _from_entry_point(ep):
            _check_rule(rule, f"plugin {ep.name!r}")
            if rule.code in rules and rules[rule.code] is not rule:
                raise RegistryError(f"plugin {ep.name!r} redefines rule {rule.code}")
            rules[rule.code] = rule
    return dict(sorted(rules.items(), key=lambda item: _catalogue_key(item[0])))


def selector_code(selector: str, rules: dict[str, type[Rule]] | None = None) -> str:
    """What a selector stands for: a rule's name (``task-without-lead-unit``) gives its code; a
    code, a prefix or "ALL" is upper-cased. An unknown name is returned as written, for the error."""
    selector = selector.strip()
    wanted = selector.lower()
    for code, rule in (all_rules() if rules is None else rules).items():
        if rule.name == wanted:
            return code
    return selector if "-" in selector else selector.upper()


_FAMILY_ORDER = ["NUM", "CIT", "TSK", "DAT", "ABB", "SPL", "UNI", "FMT", "CAP", "INP"]


def _catalogue_key(code: str) -> tuple:
    family = code[:-3]
    rank = _FAMILY_ORDER.index(family) if family in _FAMILY_ORDER else len(_FAMILY_ORDER)
    return (rank, family, code)
