"""Configuration: ``[tool.draftlint]`` in pyproject.toml, or a ``.draftlint.toml``; the nearest wins.

Keys (a ``.draftlint.toml`` may put them at top level or under ``[tool.draftlint]``)::

    select = ["NUM", "INP"]        # codes, prefixes or rule names; "ALL" = every rule on by default
    extend-select = ["TSK004"]     # added to the selection instead of replacing it
    ignore = ["NUM006"]
    fail-on = "warning"            # error | warning | info
    lang = "vi"                    # vi | en
    exclude = ["archive/**"]       # replaces DEFAULT_EXCLUDE; extend-exclude adds to it
    force-exclude = true           # skip excluded files even when named on the command line

    [tool.draftlint.rules.NUM004]  # per rule: severity and the rule's options
    severity = "info"

Command-line options override the file.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .startup import regex
from .i18n import os_error, t, template
from .rule import Rule, Severity

CONFIG_FILES = (".draftlint.toml", "pyproject.toml")
_CODE = regex.compile(r"[A-ZĐ][A-Za-zĐđ&]{0,11}\d{0,2}")  # a code a number-symbol can carry
_KEYS = {"select", "extend-select", "ignore", "fail-on", "lang", "exclude", "extend-exclude", "force-exclude",
         "rules", "document-types", "issuers", "acronyms", "lexicon", "word-list", "per-file-ignores"}
# Files in a drafts repository that are plainly not drafts (names matched regardless of case).
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*",
                   "AUTHORS*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", ".github", ".gitlab")
WORD_LISTS = ("underthesea",)
FAIL_ON = ("error", "warning", "info")


class ConfigError(Exception):
    """An invalid configuration; the message names the file and the key. Raised with an i18n key
    (``config.KEY``) and its values, so that it is shown in the report's language by ``text``."""

    def __init__(self, message: str = "", key: str | None = None, **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(self.text("en") if key else message)

    def text(self, lang: str) -> str:
        if not self.key:
            return str(self)
        values = {k.rstrip("_"): v[lang] if isinstance(v, dict) else v for k, v in self.values.items()}
        return template(f"config.{self.key}", lang).format(**values)  # not t(): a value may be named "key"


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from, None for the defaults
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # skip excluded files named on the command line too (as the hook does)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    document_types: dict[str, list[str]] = field(default_factory=dict)  # name → codes
    issuers: dict[str, list[str]] = field(default_factory=dict)  # code → names
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # abbreviation → expansions
    lexicon: Path | None = None  # the office's lexicon (draftlint learn), resolved against the file's folder
    word_list: str | None = None  # an installed word list: "underthesea"
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob → codes or prefixes

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """The codes ``per-file-ignores`` turns off for ``file``."""
        return tuple(code for pattern, codes in self.per_file_ignores.items()
                     if self._matches(file, (pattern,)) for code in codes)

    def is_excluded(self, file: Path) -> bool:
        """Whether ``file`` matches an ``exclude`` or ``extend-exclude`` glob (relative to the config
        file's folder)."""
        return self._matches(file, self.exclude + self.extend_exclude)

    def _matches(self, file: Path, patterns) -> bool:
        if not patterns:
            return False
        try:
            rel = Path(os.path.abspath(file)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            rel = file.as_posix()
        # Regardless of case: Windows, where most drafts are written, names KE-HOACH.DOCX and
        # ke-hoach.docx one file.
        rel = rel.lower()
        parts = rel.split("/")
        for pattern in patterns:
            pattern = pattern.rstrip("/").lower()
            if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(parts[-1], pattern):
                return True
            # A folder pattern excludes everything beneath it; one without a "/" is any folder's name.
            folder = pattern.removesuffix("/**")
            for i in range(1, len(parts)):
                if fnmatch.fnmatchcase("/".join(parts[:i]), folder) or (
                        "/" not in folder and fnmatch.fnmatchcase(parts[i - 1], folder)):
                    return True
        return False


def _in(where, what: str) -> dict[str, str]:
    """``where: what`` in each language (``where`` is a file, or the command line in each language)."""
    return {lang: f"{where[lang] if isinstance(where, dict) else where}: {what}" for lang in ("vi", "en")}


def _example(key: str) -> dict[str, str]:
    return {"vi": f", ví dụ [tool.draftlint.{key}]", "en": f", e.g. [tool.draftlint.{key}]"}


def _table(path: Path) -> dict | None:
    import tomllib  # only when a configuration file exists

    from .limits import CONFIG_MAX_BYTES
    from .front.source import InputError, read_bytes

    try:
        data = tomllib.loads(read_bytes(str(path), CONFIG_MAX_BYTES).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(key="not_toml", where=path, detail=exc) from None
    except UnicodeDecodeError:
        raise ConfigError(key="not_utf8", where=path) from None
    except InputError as exc:
        raise ConfigError(key="unreadable", where=path, detail={"vi": exc.reason_vi, "en": exc.reason_en}) from None
    except RecursionError:  # values nested deeper than the TOML reader can follow
        raise ConfigError(key="too_deep", where=path) from None
    tool = data.get("tool")
    if tool is not None and not isinstance(tool, dict):
        raise ConfigError(key="not_table", where=path, key_="tool", example="")
    table = tool.get("draftlint") if tool else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(key="not_table", where=path, key_="tool.draftlint", example="")
    if path.name == "pyproject.toml" or table is not None:
        return table
    return data


def load(path: Path) -> Config:
    table = _table(path)
    if table is None:
        raise ConfigError(key="no_table", where=path)
    return _parse(table, path)


def _strings(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key="not_strings", where=path, key_=key)
    return tuple(value)


def _selectors(value: Any, key: str, path: Path) -> tuple[str, ...]:
    """Codes, prefixes or rule names, as codes and prefixes."""
    values = _strings(value, key, path)
    if not values:
        return ()
    from .registry import RegistryError, selector_code

    try:
        return tuple(selector_code(value) for value in values)
    except RegistryError as exc:
        raise ConfigError(str(exc)) from None


def _parse(table: dict, path: Path) -> Config:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(key="unknown_key", where=path, key_=unknown[0], known=", ".join(sorted(_KEYS)))
    fail_on = table.get("fail-on")
    if fail_on is not None and (not isinstance(fail_on, str) or fail_on.lower() not in FAIL_ON):
        raise ConfigError(key="one_of", where=path, key_="fail-on", choices=", ".join(FAIL_ON), value=fail_on)
    lang = table.get("lang")
    if lang is not None and (not isinstance(lang, str) or lang.lower() not in ("vi", "en")):
        raise ConfigError(key="one_of", where=path, key_="lang", choices="vi, en", value=lang)
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(key="rules_shape", where=path)
    extra = {}
    for key in ("document-types", "issuers"):
        value = table.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(key="not_table", where=path, key_=key, example=_example(key))
        entries = {k: list(_strings(v, f"{key}.{k}", path)) for k, v in value.items()}
        for name, items in entries.items():
            if not name.strip():
                raise ConfigError(key="empty_name", where=path, key_=key)
            codes = items if key == "document-types" else [name]
            for code in codes:
                if not _CODE.fullmatch(code):
                    raise ConfigError(key="not_code", where=path, key_=f"{key}.{name}", code=code)
        extra[key] = entries
    acronyms = table.get("acronyms", {})
    if not isinstance(acronyms, dict):
        raise ConfigError(key="not_table", where=path, key_="acronyms", example=_example("acronyms"))
    acronyms = {k: list(_strings(v, f"acronyms.{k}", path)) for k, v in acronyms.items()}
    for abbr in acronyms:
        if not re.fullmatch(r"[A-ZĐ][A-ZĐ&\-]+(?: (?:INDEX|Index))?", abbr):
            raise ConfigError(key="not_acronym", where=path, abbr=abbr)
    lexicon = table.get("lexicon")
    if lexicon is not None and (not isinstance(lexicon, str) or not lexicon.strip()):
        raise ConfigError(key="lexicon", where=path)
    word_list = table.get("word-list")
    if word_list is not None and word_list not in WORD_LISTS:
        raise ConfigError(key="one_of", where=path, key_="word-list", choices=", ".join(WORD_LISTS), value=word_list)
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(key="per_file_shape", where=path)
    per_file = {glob: _selectors(codes, f"per-file-ignores.{glob}", path) for glob, codes in per_file.items()}
    force_exclude = table.get("force-exclude", False)
    if not isinstance(force_exclude, bool):
        raise ConfigError(key="true_or_false", where=path, key_="force-exclude")
    return Config(
        per_file_ignores=per_file,
        lexicon=(path.parent / lexicon) if lexicon else None,
        word_list=word_list,
        acronyms=acronyms,
        document_types=extra["document-types"],
        issuers=extra["issuers"],
        path=path,
        select=_selectors(table["select"], "select", path) if "select" in table else None,
        extend_select=_selectors(table.get("extend-select", []), "extend-select", path),
        ignore=_selectors(table.get("ignore", []), "ignore", path),
        fail_on=fail_on.lower() if fail_on else None,
        lang=lang.lower() if lang else None,
        exclude=_strings(table["exclude"], "exclude", path) if "exclude" in table else DEFAULT_EXCLUDE,
        extend_exclude=_strings(table.get("extend-exclude", []), "extend-exclude", path),
        force_exclude=force_exclude,
        rules={_selectors(code, "rules", path)[0]: dict(values) for code, values in rules.items()},
    )


def check_selectors(rules: dict[str, type[Rule]], where: str, codes) -> None:
    """Every code or prefix selects at least one rule (or is "ALL")."""
    for code in codes:
        if code != "ALL" and not any(c.startswith(code) for c in rules):
            raise ConfigError(key="no_match", where=where, code=code)


def validate(config: Config, rules: dict[str, type[Rule]]) -> None:
    """Check rule codes, severities and options against the registry."""
    where = config.path or {lang: t("config.where_cli", lang) for lang in ("vi", "en")}
    check_selectors(rules, _in(where, "'select'"), config.select or ())
    check_selectors(rules, _in(where, "'extend-select'"), config.extend_select)
    check_selectors(rules, _in(where, "'ignore'"), config.ignore)
    for glob, codes in config.per_file_ignores.items():
        check_selectors(rules, _in(where, f"'per-file-ignores.{glob}'"), codes)
    for code, values in config.rules.items():
        rule = rules.get(code)
        if rule is None:
            raise ConfigError(key="unknown_rule", where=where, code=code)
        for name, value in values.items():
            if name == "severity":
                try:
                    Severity.parse(str(value))
                except ValueError:
                    raise ConfigError(key="severity", where=where, code=code, value=value) from None
                continue
            option = rule.options.get(name)
            if option is None:
                known = ", ".join(["severity", *rule.options]) or "severity"
                raise ConfigError(key="unknown_option", where=where, code=code, name=name, known=known)
            if type(value) is not type(option.default):
                raise ConfigError(key="option_type", where=where, code=code, name=name,
                                  expected=type(option.default).__name__, actual=type(value).__name__)
            if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(key="option_strings", where=where, code=code, name=name)


class ConfigFinder:
    """Finds the nearest configuration for each linted file; caches per folder."""

    def __init__(self, explicit: Path | None = None) -> None:
        if explicit is not None and not explicit.is_file():
            raise ConfigError(key="no_file", where=explicit)
        self._explicit = load(explicit) if explicit else None
        self._cache: dict[Path, Config | ConfigError] = {}

    def for_file(self, file: Path) -> Config:
        """The configuration of a file (its folder as written, not through symbolic links)."""
        if self._explicit is not None:
            return self._explicit
        return self.for_dir(Path(os.path.abspath(file)).parent)

    def for_dir(self, folder: Path) -> Config:
        cached = self._cache.get(folder)
        if cached is None:
            try:
                cached = self._find(folder)
            except ConfigError as exc:
                cached = exc
            self._cache[folder] = cached
        if isinstance(cached, ConfigError):
            raise cached
        return cached

    def _find(self, folder: Path) -> Config:
        for name in CONFIG_FILES:
            candidate = folder / name
            try:
                is_file = candidate.is_file()
            except OSError:
                is_file = False
            if is_file:
                table = _table(candidate)
                if table is not None:
                    return _parse(table, candidate)
        return self.for_dir(folder.parent) if folder.parent != folder else Config()
