"""Findings kept between runs: an unchanged draft re-checked under the same configuration costs a
lookup instead of a linting.

As ruff keys its cache, an entry's key holds everything that can change a file's findings: the
file's bytes and the path it is reported by, the resolved configuration (with the state of the
lexicon and word list it names), the command line's overrides, the rules (draftlint's version, the
size and time of every file of the installed package, the third-party rule packages and their
versions) and the Python release. Unlike ruff, the file is keyed by its content, not its time, so a
checkout that touches every file still hits. Entries live in the cache folder
(``startup.cache``: private, checked, written atomically; a damaged entry is a miss) as
``result-<key>``; the least recently used go once there are more than ``MAX_ENTRIES``.

Only reports use it: ``--fix``, ``--diff`` and ``--annotate`` lint afresh."""

from __future__ import annotations

import marshal
import os
import sys

from .. import __version__
from ..config import Config
from ..front.source import InputError, decode, read_bytes
from ..limits import DOCX_MAX_TOTAL, MAX_TEXT_BYTES
from ..model import Location
from ..rule import Finding, FoundEdit, FoundFix, Severity
from ..startup import cache
from .discover import STDIN
from .engine import Engine, FileResult

_FORMAT = 1  # of an entry's payload: raised when it changes, so an older entry is a miss
_PREFIX = "result-"
MAX_ENTRIES = 4000  # about 4 KB each for a 30 KB draft; beyond it the least recently used go
_PRUNED_TO = 3000


class ResultCache:
    """Looks up and stores the FileResult of each file linted by ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._keys: dict[int, tuple[Config, bytes]] = {}  # by configuration, kept so its id stays its own
        self.stored = 0  # entries written by this process

    def lookup(self, path: str, config: Config, display: str) -> FileResult | None:
        """The file's cached result, or None when it has none (or cannot be read: linting says why)."""
        read = self._read(path)
        if read is None:
            return None
        word, data, state = read
        return self._entry(self._key(config, display, word, data), display, word, data)

    def lint_file(self, path: str, config: Config, display: str) -> FileResult:
        """What ``Engine.lint_file`` gives, from the cache when the file is unchanged (stored if not)."""
        read = self._read(path)
        if read is None:
            return self.engine.lint_file(path, config, display)
        word, data, state = read
        key = self._key(config, display, word, data)
        found = self._entry(key, display, word, data)
        if found is not None:
            return found
        if word:
            result = self.engine.lint_docx(path, config, display)
            if _state(path) != state:  # changed while it was read: the result may not be of these bytes
                return result
        else:
            try:
                text = decode(data)
            except InputError as error:
                return self.engine.input_error(display, config, error)
            result = self.engine.lint_text(text, display, config)
        if not result.input_error:
            cache.write_bytes(_PREFIX + key, _encoded(result, word))
            self.stored += 1
        return result

    def prune(self, written: int) -> None:
        """After a run that ``written`` entries (here and in workers): past MAX_ENTRIES, the least
        recently used entries go (a run that reads one touches it). Another run pruning at the same
        time only finds fewer files."""
        folder = cache.folder()
        if folder is None or not written:
            return
        try:
            names = [name for name in os.listdir(folder) if name.startswith(_PREFIX)]
        except OSError:
            return
        if len(names) <= MAX_ENTRIES:
            return
        used = []
        for name in names:
            try:
                used.append((os.stat(os.path.join(folder, name)).st_mtime_ns, name))
            except OSError:
                continue
        for _, name in sorted(used)[:len(used) - _PRUNED_TO]:
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass

    def _read(self, path: str) -> tuple[bool, bytes, tuple] | None:
        """Whether it is a Word file, its bytes and its state before they were read; None for
        standard input and for what cannot be read."""
        if path == STDIN:
            return None
        word = path.lower().endswith((".docx", ".doc"))
        try:
            state = _state(path)
            data = read_bytes(path, DOCX_MAX_TOTAL if word else MAX_TEXT_BYTES)
        except (OSError, InputError):
            return None
        return word, data, state

    def _entry(self, key: str, display: str, word: bool, data: bytes) -> FileResult | None:
        payload = cache.read_bytes(_PREFIX + key)
        if payload is None:
            return None
        try:
            result = _decoded(marshal.loads(payload), display, word)
        except Exception:  # not an entry of this format: a miss
            return None
        if not word:
            result.text = decode(data)
        _touch(_PREFIX + key)
        return result

    def _key(self, config: Config, display: str, word: bool, data: bytes) -> str:
        known = self._keys.get(id(config))
        if known is None:
            known = (config, cache.digest(repr(self._settings(config)).encode("utf-8", "surrogatepass")))
            self._keys[id(config)] = known
        name = display.encode("utf-8", "surrogatepass")
        head = b"%s\0%d\0%s\0" % (known[1], word, name)
        return cache.digest(head + data).hex()

    def _settings(self, config: Config) -> tuple:
        """What findings depend on besides the file."""
        from ..registry import plugin_versions
        from .learn import word_list_file

        rules = tuple((code, rule.__module__, rule.__qualname__, _module_state(rule.__module__))
                      for code, rule in self.engine.rules.items())
        word_list = word_list_file(config.word_list) if config.word_list else None
        return (_FORMAT, __version__, sys.version, sys.implementation.cache_tag, _package_state(),
                plugin_versions(), rules, repr(self.engine.overrides), repr(config),
                _state(config.lexicon) if config.lexicon is not None else None,
                _state(word_list) if word_list is not None else None)


def _state(path) -> tuple:
    """What tells a file changed without reading it: its size, time and inode (None when absent)."""
    try:
        info = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), info.st_size, info.st_mtime_ns, info.st_ino)


def _module_state(name: str) -> tuple | None:
    """A third-party rule's module file state; draftlint's own are in ``_package_state``."""
    if name == "draftlint" or name.startswith("draftlint."):
        return None
    file = getattr(sys.modules.get(name), "__file__", None)
    return _state(file) if file else None


_package = None


def _package_state() -> tuple:
    """The size and time of every file of the installed draftlint (code, grammar, data tables): an
    edited checkout (an editable install) or a reinstall of the same version is another key."""
    global _package
    if _package is None:
        import draftlint.grammar
        import draftlint.rules

        folders = sorted({os.path.abspath(p) for module in (sys.modules["draftlint"], draftlint.rules,
                                                              draftlint.grammar) for p in module.__path__})
        states = []
        for top in folders:
            if any(top.startswith(other + os.sep) for other in folders):
                continue  # inside another (a wheel puts rules and grammar in the package)
            for root, dirs, files in os.walk(top):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(files):
                    if not name.endswith((".pyc", ".pyo")):
                        states.append(_state(os.path.join(root, name)))
        _package = tuple(states)
    return _package


def _touch(name: str) -> None:
    """Mark an entry used, so pruning keeps it."""
    folder = cache.folder()
    if folder is not None:
        try:
            os.utime(os.path.join(folder, name))
        except OSError:
            pass


def _encoded(result: FileResult, word: bool) -> bytes:
    findings = tuple(_finding(f) for f in result.findings)
    text, locations = None, None
    if word:  # a text file's text is its bytes decoded again; a Word file's is kept
        text = result.text
        locations = tuple(_location(place) for place in result.locations or ())
    return marshal.dumps((_FORMAT, text, locations, findings))


def _decoded(entry: tuple, display: str, word: bool) -> FileResult:
    version, text, locations, findings = entry
    if version != _FORMAT:
        raise ValueError("another format")
    result = FileResult(display, [_found(row) for row in findings])
    if word:
        result.text = text
        result.locations = [Location(*place) for place in locations]
    return result


def _finding(f: Finding) -> tuple:
    fix = None
    if f.fix is not None:
        fix = (f.fix.safe, tuple((e.start, e.end, e.content, e.line, e.column, e.end_line, e.end_column)
                                 for e in f.fix.edits))
    return (f.path, f.code, f.name, int(f.severity), f.message, f.line, f.column, f.end_line, f.end_column,
            fix, f.start, f.end, _location(f.location) if f.location is not None else None, f.fingerprint)


def _found(row: tuple) -> Finding:
    path, code, name, severity, message, line, column, end_line, end_column, fix, start, end, place, print_ = row
    if fix is not None:
        fix = FoundFix(tuple(FoundEdit(*edit) for edit in fix[1]), fix[0])
    return Finding(path, code, name, Severity(severity), message, line, column, end_line, end_column, fix,
                   start, end, Location(*place) if place is not None else None, print_)


def _location(place: Location) -> tuple:
    return (place.paragraph, place.table, place.row, place.cell)
