"""The README stays in step with the code: its rule table, its commands, its JSON keys."""

from __future__ import annotations

import re

from conftest import ROOT
from draftlint.cli import main
from draftlint.config import load, validate
from draftlint.data import measured
from draftlint.registry import all_rules
from draftlint.reporters.json_report import KEYS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule_with_its_name_severity_default_and_measured_precision():
    rows = {m[0]: m[1:] for m in re.findall(r"^\| (\w{3}\d{3}) \| ([\w-]+) \| (\w+) \| (on|off) \| ([^|]+?) \|",
                                           README, re.M)}
    figures = measured()
    for code, rule in all_rules().items():
        figure = figures.get(code)
        precision = (f"{round(100 * figure.true / figure.judged)} % of {figure.judged}"
                     if figure is not None and figure.judged else "—")
        assert rows.get(code) == (rule.name, str(rule.severity), "on" if rule.default_enabled else "off",
                                  precision), code


def test_readme_gives_the_two_commands_and_ci_runs_the_second():
    assert "pip install -e . && draftlint check examples/" in README
    test_command = "pip install -e '.[test]' && python -m pytest"
    assert test_command in README
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_json_example_has_the_schema_keys():
    block = README.split("```json", 1)[1].split("```", 1)[0]
    assert re.findall(r'^\s+"(\w+)":', block, re.M) == list(KEYS)


def test_readme_configuration_example_is_valid(tmp_path):
    block = README.split("```toml", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    config = load(tmp_path / "pyproject.toml")
    validate(config, all_rules())
    assert config.rules["DAT006"] == {"text-dates": False}


def test_readme_quick_start_output_is_what_the_command_prints(capsys, monkeypatch):
    block = README.split("prints lines such as", 1)[1].split("```", 2)[1].strip().splitlines()
    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/"]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert all(line in printed for line in block), block
