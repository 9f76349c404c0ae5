"""Rule selection and third-party rules from the ``draftlint.rules`` entry points."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from draftlint import registry
from draftlint.config import Config
from draftlint.lint.engine import Engine
from draftlint.lint.policy import Overrides, resolve_selection


@pytest.fixture
def fake_plugins(monkeypatch):
    def install(*values: str):
        points = [EntryPoint(name=f"demo{i}", value=v, group=registry.ENTRY_POINT_GROUP) for i, v in enumerate(values)]
        monkeypatch.setattr(registry, "entry_points", lambda group: points if group == registry.ENTRY_POINT_GROUP else [])
        monkeypatch.setattr(registry, "_plugins_installed", lambda: True)
        registry.all_rules.cache_clear()

    yield install
    registry.all_rules.cache_clear()


def test_plugin_rule_is_loaded_and_runs(fake_plugins):
    fake_plugins("plugin_demo:NoDraftWord")
    rules = registry.all_rules()
    assert "XYZ001" in rules and list(rules)[-1] == "XYZ001"
    result = Engine(rules, Overrides(select=("XYZ",))).lint_text("DỰ THẢO\nKẾ HOẠCH\n", "d.txt", Config())
    assert [(f.code, f.line, f.column, f.end_column) for f in result.findings] == [("XYZ001", 1, 1, 8)]


def test_plugin_module_is_loaded(fake_plugins):
    fake_plugins("plugin_demo")
    assert "XYZ001" in registry.all_rules()


def test_broken_plugin_is_a_clear_error(fake_plugins):
    fake_plugins("no_such_module_here:Rule")
    with pytest.raises(registry.RegistryError, match="cannot load plugin 'demo0'"):
        registry.all_rules()


def test_plugin_cannot_redefine_a_builtin(fake_plugins, monkeypatch):
    import plugin_demo

    monkeypatch.setattr(plugin_demo.NoDraftWord, "code", "NUM001")
    fake_plugins("plugin_demo:NoDraftWord")
    with pytest.raises(registry.RegistryError, match="redefines rule NUM001"):
        registry.all_rules()


RULES = {code: type(code, (), {"default_enabled": code != "TSK004"}) for code in
         ("NUM001", "NUM002", "NUM006", "INP002", "TSK001", "TSK004")}


@pytest.mark.parametrize(
    "layers, expected",
    [
        ([], {"NUM001", "NUM002", "NUM006", "INP002", "TSK001"}),
        ([(["NUM"], [], [])], {"NUM001", "NUM002", "NUM006"}),
        ([(["NUM"], [], ["NUM00"]), ], set()),
        ([(["NUM", "NUM001"], [], ["NUM00"])], {"NUM001"}),
        ([(None, [], ["NUM006"])], {"NUM001", "NUM002", "INP002", "TSK001"}),
        ([(["ALL"], [], [])], {"NUM001", "NUM002", "NUM006", "INP002", "TSK001"}),
        ([(["TSK"], [], [])], {"TSK001", "TSK004"}),  # naming a family turns on its default-off rules
        ([(["NUM"], [], []), (None, [], ["NUM002"])], {"NUM001", "NUM006"}),
        ([(["NUM"], [], []), (["INP"], [], [])], {"INP002"}),
        # extend-select adds to what is selected, in the same layer or the one before
        ([(None, ["TSK004"], [])], {"NUM001", "NUM002", "NUM006", "INP002", "TSK001", "TSK004"}),
        ([(["NUM"], ["TSK004"], ["NUM006"])], {"NUM001", "NUM002", "TSK004"}),
        ([(["NUM"], [], []), (None, ["TSK"], ["NUM002"])], {"NUM001", "NUM006", "TSK001", "TSK004"}),
        ([(None, [], ["TSK"]), (None, ["TSK004"], [])], {"NUM001", "NUM002", "NUM006", "INP002", "TSK004"}),
        ([(None, ["TSK004"], ["TSK"])], {"NUM001", "NUM002", "NUM006", "INP002", "TSK004"}),
        ([(None, ["TSK004"], []), (["NUM"], [], [])], {"NUM001", "NUM002", "NUM006"}),  # select replaces
    ],
)
def test_selection(layers, expected):
    assert resolve_selection(RULES, layers) == expected


def test_plugin_scan_finds_a_declared_entry_point(tmp_path, monkeypatch):
    dist = tmp_path / "demo_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[draftlint.rules]\ndemo = demo_rules:RULES\n", encoding="utf-8")
    monkeypatch.setattr("sys.path", [str(tmp_path)])
    assert registry._plugins_installed()
    (dist / "entry_points.txt").write_text("[console_scripts]\ndemo = demo:main\n", encoding="utf-8")
    assert not registry._plugins_installed()


PATCH_PROBE = '''
import dataclasses

from draftlint.rule import Rule, Severity

SEEN = "patched" if "exec" in vars(dataclasses) else "untouched"


@dataclasses.dataclass(frozen=True)
class Setting:
    word: str = "DỰ THẢO"


class NoDraftWord(Rule):
    code = "XYZ001"
    name = "no-draft-word"
    family = "XYZ"
    severity = Severity.WARNING
    messages = {"default": {"vi": "Còn chữ DỰ THẢO", "en": "The word DỰ THẢO is left in"}}
    summary = {"vi": "dataclasses " + SEEN, "en": "dataclasses " + SEEN}
    rationale = {"vi": "Văn bản ban hành không còn chữ DỰ THẢO.", "en": "An issued document has no DỰ THẢO."}
    bad = "DỰ THẢO\\n"
    good = "KẾ HOẠCH\\n"

    def check(self, doc):
        return ()
'''


def test_a_third_party_rule_package_is_imported_with_the_standard_library_untouched(tmp_path):
    """draftlint's start-up cache hooks ``dataclasses`` only while its own modules load."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    dist = site / "draft_rules-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: draft-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[draftlint.rules]\ndraft = draft_rules:NoDraftWord\n", encoding="utf-8")
    (site / "draft_rules.py").write_text(PATCH_PROBE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "draftlint.cli", "explain", "XYZ001", "--lang", "en"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "dataclasses untouched" in done.stdout
