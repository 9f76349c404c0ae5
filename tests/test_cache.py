"""The cache folder: data tables come back exactly as their TOML says, a damaged or unusable
cache is never trusted, and nothing breaks without one."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from draftlint import cache, data

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
    assert stored.read_text(encoding="utf-8").startswith("{")
    assert data.load("words.toml")["compounds"]


def test_no_usable_cache_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.folder() is None
    assert cache.read_json("anything.json") is None
    cache.write_json("anything.json", {"a": 1})  # silently nothing
    assert data.load("units.toml") == tomllib.loads((DATA / "units.toml").read_text(encoding="utf-8"))
