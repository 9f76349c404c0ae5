"""The README stays in step with the code: its rule table (rendered by draftlint.docs), its commands, its JSON keys."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run
from draftlint.cli import main
from draftlint.config import load, validate
from draftlint.docs import README_COMMAND, builtin_rules, readme_table, readme_table_in, sarif_rules
from draftlint.registry import all_rules
from draftlint.reporters.json_report import KEYS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_is_rendered_from_the_rules():
    start, end = readme_table_in(README)
    table = "\n".join(README.split("\n")[start:end]) + "\n"
    assert table == readme_table(builtin_rules()), f"the README's rule table is out of date: run `{README_COMMAND}`"
    # every built-in rule is there, with what the old hand-written table gave
    rows = {m[0]: m[1:] for m in re.findall(r"^\| (\w{3}\d{3}) \| ([\w-]+) \| (\w+) \| (on|off) \| ([^|]+?) \|",
                                           table, re.M)}
    assert list(rows) == list(all_rules())
    assert rows["DAT006"][1:3] == ("warning", "on") and rows["ABB002"][2:] == ("off", "37 % of 41")


def test_write_readme_puts_a_stale_rule_table_back(tmp_path):
    stale = README.replace("| TSK002 | lead-unit-empty | warning |", "| TSK002 | lead-unit-empty | error |")
    stale = "\n".join(line for line in stale.split("\n") if not line.startswith("| INP003 "))
    assert stale != README
    copy = tmp_path / "README.md"
    copy.write_text(stale, encoding="utf-8")
    command = [sys.executable, "-m", "draftlint.docs", "--write-readme", str(copy)]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0 and first.stdout.endswith("rule table rewritten\n")
    assert copy.read_text(encoding="utf-8") == README
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout.endswith("rule table up to date\n")
    copy.write_text("# Kế hoạch\n\nNo table here.\n", encoding="utf-8")
    broken = subprocess.run(command, capture_output=True, text=True)
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1 and "no rule table" in broken.stderr


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


# --- the SARIF rule descriptors ---------------------------------------------------------------------

def _sarif_rules(draft, *options):
    return {r["id"]: r for r in json.loads(run("check", "--format", "sarif", *options, str(draft)).stdout)
            ["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_rule_help_is_the_explain_text_and_its_markdown(tmp_path):
    draft = tmp_path / "kh.txt"
    draft.write_text("ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nHà Nội, ngày 5 tháng 03 năm 2024\n\nKẾ HOẠCH\n"
                     "Tuyên truyền phổ biến pháp luật năm 2024\n\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n",
                     encoding="utf-8")
    for lang in ("vi", "en"):
        rules = _sarif_rules(draft, "--lang", lang)
        assert list(rules) == list(all_rules())
        help_ = rules["DAT006"]["help"]
        assert help_["text"] == run("explain", "DAT006", "--lang", lang).stdout.decode()
        rule = all_rules()["DAT006"]
        markdown = help_["markdown"]
        assert markdown.startswith(rule.summary[lang] + "\n")
        assert f"```text\n{rule.bad.strip()}\n```" in markdown and f"```text\n{rule.good.strip()}\n```" in markdown
        assert "\n- `text-dates = true` — " in markdown
        assert "helpUri" not in rules["DAT006"]  # this installation names no documentation page
    assert rules["DAT006"]["shortDescription"]["text"].startswith("The date line reads")


def test_sarif_help_links_the_readme_rule_section_the_distribution_names(monkeypatch):
    import importlib.metadata
    from email.message import Message

    meta = Message()
    meta["Name"] = "draftlint"
    meta["Project-URL"] = "Source, https://git.example.gov.vn/vpub/draftlint"
    meta["Project-URL"] = "Documentation, https://git.example.gov.vn/vpub/draftlint/-/blob/main/README.md"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: meta)
    descriptors = sarif_rules(all_rules(), "en")
    assert {d["helpUri"] for d in descriptors} == {
        "https://git.example.gov.vn/vpub/draftlint/-/blob/main/README.md#rules"}
    del meta["Project-URL"]
    assert all("helpUri" not in d for d in sarif_rules(all_rules(), "en"))


def test_the_sarif_reporter_writes_the_descriptors_it_is_given():
    import ast
    import io

    from draftlint.reporters import sarif
    from draftlint.result import RunResult

    imports = [node.module for node in ast.walk(ast.parse(Path(sarif.__file__).read_text(encoding="utf-8")))
               if isinstance(node, ast.ImportFrom)]
    assert not any(module and "registry" in module for module in imports)
    descriptors = sarif_rules({"UNI004": all_rules()["UNI004"]}, "vi")
    stream = io.StringIO()
    sarif.report(RunResult(files=1, rules=descriptors), stream)
    assert json.loads(stream.getvalue())["runs"][0]["tool"]["driver"]["rules"] == descriptors
