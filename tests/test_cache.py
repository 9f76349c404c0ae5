"""The cache folder: data tables come back exactly as their TOML says, a damaged or unusable
cache is never trusted, and nothing breaks without one."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from draftlint.startup import cache, regex
from draftlint import data

pytestmark = pytest.mark.usefixtures("cache_enabled")  # these tests are about the cache

DATA = Path(data.__file__).parent


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "draftlint"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.toml")))
def test_a_data_table_from_the_cache_is_its_toml(cache_home, name):
    expected = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
    assert data.load(name) == expected  # parsed, then stored
    assert list(cache_home.glob(f"data-{Path(name).stem}-*.json"))
    assert data.load(name) == expected  # read back from the cache


def test_a_damaged_cache_file_is_ignored_and_rewritten(cache_home):
    data.load("words.toml")
    (stored,) = cache_home.glob("data-words-*.json")
    stored.write_text('{"compounds": [', encoding="utf-8")
    assert data.load("words.toml") == tomllib.loads((DATA / "words.toml").read_text(encoding="utf-8"))
    assert cache.read_json(stored.name) == tomllib.loads((DATA / "words.toml").read_text(encoding="utf-8"))
    assert data.load("words.toml")["compounds"]


def test_no_usable_cache_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.folder() is None
    assert cache.read_json("anything.json") is None
    cache.write_json("anything.json", {"a": 1})  # silently nothing
    assert data.load("units.toml") == tomllib.loads((DATA / "units.toml").read_text(encoding="utf-8"))
    monkeypatch.setattr(regex, "_codes", None)
    monkeypatch.setattr(regex, "_changed", True)
    pattern = regex.compile(r"\A(?P<d>\d+)/(?P<y>\d{4})")
    assert pattern.match("12/2025").groupdict() == {"d": "12", "y": "2025"}
    regex.save()  # silently nothing


PATTERNS = [
    (r"(?P<num>\d{1,5})/(?P<year>\d{4})/(?P<kind>[A-ZĐ]+(?:-[A-ZĐ]+)*)", 0),
    (r"(?<![^\W\d_])(?:h[àằ]ng[ \t]+năm|thường[ \t]+xuyên)(?![^\W\d_])", regex.re.I),
    (r"""
        (?P<lead>ngày)\s*+(?P<d>\d\d?)   # a verbose pattern, comments and all
        \s+tháng\s+(?P<m>\d\d?)
     """, regex.re.X | regex.re.I),
    ("[àáảãạăằắẳẵặâầấẩẫậ]+", 0),
]
SAMPLES = ["Kế hoạch số 12/2025/KH-UBND ngày 05 tháng 3 năm 2025", "Thường xuyên; HÀNG NĂM báo cáo",
           "Ngày 5 tháng 12", "ắ ầ ạ, không dấu"]


@pytest.fixture()
def fresh_regex(cache_home, monkeypatch):
    """The regex module as at a process's start, with the cache folder empty."""
    monkeypatch.setattr(regex, "_codes", None)
    monkeypatch.setattr(regex, "_used", set())
    monkeypatch.setattr(regex, "_changed", True)  # as if registered already: no second atexit hook
    monkeypatch.setattr(regex, "stats", {"cached": 0, "compiled": 0})
    return cache_home


def _behaviour(pattern: regex.re.Pattern):
    return (pattern.flags, pattern.groups, pattern.groupindex,
            [[(m.span(), m.groupdict()) for m in pattern.finditer(text)] for text in SAMPLES])


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(fresh_regex):
    first = [regex.compile(p, f) for p, f in PATTERNS]
    assert regex.stats == {"cached": 0, "compiled": len(PATTERNS)}
    regex.save()
    assert list(fresh_regex.glob("regex-*.marshal"))
    regex._codes, regex.stats = None, {"cached": 0, "compiled": 0}  # the next run
    again = [regex.compile(p, f) for p, f in PATTERNS]
    assert regex.stats == {"cached": len(PATTERNS), "compiled": 0}
    for pattern, (source, flags), before in zip(again, PATTERNS, first):
        assert _behaviour(pattern) == _behaviour(regex.re.compile(source, flags)) == _behaviour(before)
    assert any(_behaviour(p)[3] != [[], [], [], []] for p in again)  # the samples do exercise them


def test_a_damaged_regex_cache_is_compiled_afresh(fresh_regex):
    import marshal

    fresh_regex.mkdir(parents=True, exist_ok=True)
    source, flags = PATTERNS[0]
    name = regex._file_name()
    (fresh_regex / name).write_bytes(marshal.dumps({f"{flags}:{source}": [0, [1, 2, 3], 0, {}, [None]]}))
    pattern = regex.compile(source, flags)
    assert regex.stats == {"cached": 0, "compiled": 1}
    assert _behaviour(pattern) == _behaviour(regex.re.compile(source, flags))
    (fresh_regex / name).write_bytes(b"\x00 not marshal")
    regex._codes = None
    assert _behaviour(regex.compile(source, flags)) == _behaviour(regex.re.compile(source, flags))


def test_a_bad_pattern_still_raises_re_error(fresh_regex):
    with pytest.raises(regex.re.error):
        regex.compile("(?P<open")


def test_installations_sharing_the_folder_keep_each_other_s_files(cache_home):
    cache.write_json("data-words-1-1.json", {"a": 1})  # one version's table
    cache.write_json("data-words-2-2.json", {"a": 2})  # another's, in the same folder
    assert cache.read_json("data-words-1-1.json") == {"a": 1}
    assert cache.read_json("data-words-2-2.json") == {"a": 2}


def test_a_second_run_compiles_no_pattern_and_no_dataclass_method(tmp_path):
    """Every pattern a run builds once is the same on the next run (no set order leaks into one),
    so the second run takes them all from the cache and rewrites nothing."""
    import os
    import subprocess
    import sys

    from draftlint.registry import all_rules

    root = Path(__file__).resolve().parents[1]
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for code, rule in all_rules().items():  # every rule's own example, so each one builds its patterns
        (drafts / f"{code}.txt").write_text(rule.bad or "", encoding="utf-8")
    script = ("import sys; from draftlint import cli; from draftlint.startup import classcache, regex\n"
              "try: cli.main(['check', *sys.argv[1:]])\n"
              "except SystemExit: pass\n"
              "print(classcache.stats['compiled'], regex.stats['compiled'], regex.stats['cached'], file=sys.stderr)\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = []
    for seed in ("1", "2"):  # another string hash seed each time, as between two real runs
        done = subprocess.run([sys.executable, "-c", script, str(root / "examples"), str(drafts)], capture_output=True,
                              text=True, env={**env, "PYTHONHASHSEED": seed}, check=False)
        runs.append([int(n) for n in done.stderr.split()[-3:]])
        for entry in (tmp_path / "cache" / "draftlint").glob("result-*"):  # the second run lints too
            entry.unlink()
    (classes_first, compiled_first, _), (classes_second, compiled_second, cached_second) = runs
    assert compiled_first > 50 and compiled_second == 0 and cached_second >= compiled_first
    assert classes_first > 100 and classes_second == 0  # the dataclasses' methods, too



_RECORD = """
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Record:
    code: str
    line: int = 1
    tags: tuple[str, ...] = ()
    notes: list = field(default_factory=list, compare=False)
"""


def _make_record(module: str = "draftlint.probe"):
    """A frozen dataclass defined in a module of that name (``dataclasses`` hands its globals on)."""
    import sys
    import types

    namespace = types.ModuleType(module)
    sys.modules[module] = namespace
    try:
        exec(_RECORD, vars(namespace))
    finally:
        del sys.modules[module]
    return namespace.Record


def _record_behaviour(cls):
    import dataclasses

    a, b = cls("NUM001", 3, ("x",)), cls("NUM001", 3, ("x",), ["khác"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.line = 4
    return (repr(a), a == b, hash(a) == hash(b), a != cls("NUM002"), cls("CIT001").notes,
            [f.name for f in dataclasses.fields(cls)], dataclasses.replace(a, line=9).line)


def test_dataclasses_made_through_the_cache_are_the_same_classes(cache_home, monkeypatch):
    import dataclasses

    from draftlint.startup import classcache

    monkeypatch.setattr(classcache, "_codes", None)
    monkeypatch.setattr(classcache, "stats", {"cached": 0, "compiled": 0})
    plain = _record_behaviour(_make_record())
    with classcache.compiled_once():
        first = _record_behaviour(_make_record())
    assert "exec" not in vars(dataclasses)  # untouched outside the block
    assert classcache.stats["compiled"] >= 4 and list(cache_home.glob("dataclasses-*.marshal"))
    classcache._codes = None  # the next run reads them back
    with classcache.compiled_once():
        again = _record_behaviour(_make_record())
    assert classcache.stats["cached"] >= 4
    assert plain == first == again
    assert plain[0].endswith("Record(code='NUM001', line=3, tags=('x',), notes=[])") and plain[1:4] == (True, True, True)


def test_only_draftlint_s_own_dataclasses_go_through_the_cache(cache_home, monkeypatch):
    from draftlint.startup import classcache

    monkeypatch.setattr(classcache, "_codes", None)
    monkeypatch.setattr(classcache, "stats", {"cached": 0, "compiled": 0})
    with classcache.compiled_once():
        other = _record_behaviour(_make_record("draftlint_contrib.rules"))  # a third-party package
    assert classcache.stats == {"cached": 0, "compiled": 0}
    assert not list(cache_home.glob("dataclasses-*.marshal"))
    assert other == _record_behaviour(_make_record())


def test_the_pattern_cache_is_not_read_by_another_patch_release_of_python(fresh_regex, monkeypatch):
    import sys

    first = [regex.compile(p, f) for p, f in PATTERNS]
    regex.save()
    monkeypatch.setattr(sys, "hexversion", sys.hexversion + 0x100)  # 3.x.y → 3.x.(y+1)
    regex._codes, regex.stats = None, {"cached": 0, "compiled": 0}
    again = [regex.compile(p, f) for p, f in PATTERNS]
    assert regex.stats == {"cached": 0, "compiled": len(PATTERNS)}
    assert [_behaviour(p) for p in again] == [_behaviour(p) for p in first]
    regex.save()
    assert len(list(fresh_regex.glob("regex-*.marshal"))) == 2  # one per version, side by side


def test_no_cache_switch_reads_and_writes_no_cache(cache_home, monkeypatch):
    import dataclasses

    from draftlint.startup import classcache

    monkeypatch.setenv("DRAFTLINT_NO_CACHE", "1")
    monkeypatch.setattr(regex, "_codes", None)
    monkeypatch.setattr(regex, "stats", {"cached": 0, "compiled": 0})
    assert cache.folder() is None
    assert data.load("units.toml") == tomllib.loads((DATA / "units.toml").read_text(encoding="utf-8"))
    pattern = regex.compile(*PATTERNS[0])
    assert _behaviour(pattern) == _behaviour(regex.re.compile(*PATTERNS[0]))
    assert regex.stats == {"cached": 0, "compiled": 0} and regex._codes is None  # plain re.compile
    with classcache.compiled_once():
        assert "exec" not in vars(dataclasses)
    assert not cache_home.parent.exists()


def test_a_damaged_dataclass_cache_is_ignored(cache_home, monkeypatch):
    from draftlint.startup import classcache

    cache_home.mkdir(parents=True, exist_ok=True)
    (cache_home / classcache._file_name()).write_bytes(b"\xe3 not marshal")
    monkeypatch.setattr(classcache, "_codes", None)
    with classcache.compiled_once():
        behaviour = _record_behaviour(_make_record())
    assert behaviour == _record_behaviour(_make_record())
