"""Where the time goes: ``python benchmarks/stages.py`` (``benchmarks/run.py`` is the main benchmark).

Figures: the CPU time of each stage (reading, the source map, normalising, tagging, parsing, each
shared extraction, each rule, the engine's own work, the report) over the seeds and over generated
drafts, as a Markdown table; reading Word drafts against plain text; worst-case inputs.

Each stage is charged its own time only: a rule that asks for a shared extraction first is not
charged for building it, and an extraction another one asks for is charged to itself.
"""

from __future__ import annotations

import io
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


class Ledger:
    """CPU time charged to named stages, each call's own time only."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._open: list[list] = []  # [name, start, time spent in nested stages]

    def enter(self, name: str) -> None:
        self._open.append([name, time.process_time(), 0.0])

    def leave(self) -> None:
        name, start, nested = self._open.pop()
        elapsed = time.process_time() - start
        self.spent[name] += elapsed - nested
        if self._open:
            self._open[-1][2] += elapsed

    def wrap(self, name: str, function):
        def timed(*args, **kwargs):
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def wrap_generator(self, name: str, function):
        """A generator's time is spent as it is iterated, between the caller's own steps (a function
        that returns a list spends it in the call)."""
        def timed(*args, **kwargs):
            items = iter(self.wrap(name, function)(*args, **kwargs))
            while True:
                self.enter(name)
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item
        return timed


def _patch(ledger: Ledger, engine) -> list:
    """Wraps each stage where the pipeline looks it up; returns what to put back. A stage a later
    version renames is left out (its time shows under the stage that calls it)."""
    from draftlint.front import pipeline
    from draftlint.lint import engine as engine_module
    from draftlint.model import Document

    undo = []

    def swap(owner, attribute: str, replacement) -> None:
        if hasattr(owner, attribute):
            undo.append((owner, attribute, getattr(owner, attribute)))
            setattr(owner, attribute, replacement(getattr(owner, attribute)))

    swap(engine_module, "read_path", lambda f: ledger.wrap("read (bytes → text)", f))
    swap(pipeline, "SourceText", lambda f: ledger.wrap("source map (NFC, lines)", f))
    swap(pipeline, "normalise", lambda f: ledger.wrap("normalise", f))
    swap(pipeline, "_tagged_lines", lambda f: ledger.wrap("tag", f))
    swap(pipeline, "parse", lambda f: ledger.wrap("parse", f))
    swap(Document, "derived", lambda f: lambda doc, name, compute: f(doc, name, ledger.wrap(f"extract: {name}", compute)))
    swap(engine, "lint_file", lambda f: ledger.wrap("engine: positions, messages, suppressions", f))
    return undo


def split(paths: list[Path], rounds: int = 3) -> tuple[dict[str, float], float]:
    """CPU seconds per stage over ``paths`` (each stage's best of ``rounds``) and their size in MB."""
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.registry import all_rules
    from draftlint.reporters import json_report, text
    from draftlint.result import RunResult

    engine = Engine(all_rules(), Overrides())
    config = Config()
    engine.lint_text("KẾ HOẠCH\nTriển khai công tác năm 2025.\n", "warm-up.txt", config)
    ledger = Ledger()
    undo = _patch(ledger, engine)
    for rule in engine.policy(config).rules:
        rule.check = ledger.wrap_generator(f"rule: {rule.code}", rule.check)
    best: dict[str, float] = {}
    try:
        for _ in range(rounds):
            ledger.spent.clear()
            findings = [f for path in paths for f in engine.lint_file(str(path), config).findings]
            result = RunResult(findings=findings, files=len(paths))
            ledger.wrap("report: text", text.report)(result, io.StringIO(), coloured=False)
            ledger.wrap("report: json", json_report.report)(result, io.StringIO())
            best = {k: min(v, best.get(k, v)) for k, v in ledger.spent.items()}
    finally:
        for owner, attribute, original in undo:
            setattr(owner, attribute, original)
        for rule in engine.policy(config).rules:
            del rule.check
    return best, sum(p.stat().st_size for p in paths) / 1e6


def table(title: str, spent: dict[str, float], megabytes: float, top: int = 25) -> str:
    """The stages, slowest first, as a Markdown table: ms per MB and share; the rest summed up."""
    total = sum(spent.values())
    ranked = sorted(spent.items(), key=lambda kv: -kv[1])
    rows = [f"{title}: {total:.2f} s CPU for {megabytes:.2f} MB = {megabytes / total:.2f} MB/s", "",
            "| stage | ms per MB | share |", "|---|---:|---:|"]
    for name, seconds in ranked[:top]:
        rows.append(f"| {name} | {seconds / megabytes * 1000:.0f} | {seconds / total:.1%} |")
    rest = ranked[top:]
    if rest:
        seconds = sum(t for _, t in rest)
        rows.append(f"| {len(rest)} others | {seconds / megabytes * 1000:.0f} | {seconds / total:.1%} |")
    groups = defaultdict(float)
    for name, seconds in spent.items():
        groups[name.split(":")[0] if ":" in name else "front end"] += seconds
    rows += ["", "By kind: " + ", ".join(f"{kind} {seconds / total:.0%}" for kind, seconds in
                                         sorted(groups.items(), key=lambda kv: -kv[1]))]
    rules = [(name.removeprefix("rule: "), seconds / megabytes * 1000) for name, seconds in ranked
             if name.startswith("rule: ")]
    shown = [f"{code} {ms:.1f}" for code, ms in rules if ms >= 0.1]
    rows += ["", "Every rule, ms per MB (its shared extractions not included): " + ", ".join(shown)
             + f"; {len(rules) - len(shown)} others under 0.1"]
    return "\n".join(rows)


def worst_cases() -> None:
    """Inputs built to make a regular expression backtrack; each must stay in milliseconds."""
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.registry import all_rules

    engine = Engine(all_rules(), Overrides())
    cases = {
        "20,000 spaces in a date": "Kế hoạch số 12/KH-UBND ngày" + " " * 20000 + "tháng" + " " * 20000 + "x",
        "5,000 spaces before a slash": "Quyết định số" + " " * 5000 + "/QĐ-UBND",
        "3,000 lines of one number": "\n".join(["1. Mục"] * 3000),
        "3,000 tab cells": "\t".join(["1."] * 3000),
    }
    for name, text in cases.items():
        t0 = time.perf_counter()
        engine.lint_text(text, "x", Config())
        print(f"worst case, {name}: {(time.perf_counter() - t0) * 1000:.1f} ms")


def word_drafts(count: int = 100) -> None:
    """Reading Word drafts: the cost of the .docx path over the text path, per file."""
    import importlib.util
    import tempfile

    from draftlint.front.docx import read_docx

    spec = importlib.util.spec_from_file_location("make_docx", ROOT / "examples" / "make_docx.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(count):
            body = make.clean_plan()
            body[3:3] = [make.paragraph(f"Nội dung bổ sung số {i}: rà soát, cập nhật hồ sơ.", 2)] * (i % 7)
            path = Path(folder) / f"kh-{i}.docx"
            make.write(path, body)
            paths.append(path)
        t0 = time.perf_counter()
        texts = [read_docx(str(p)).text for p in paths]
        docx = (time.perf_counter() - t0) / count
        for p, text in zip(paths, texts):
            p.with_suffix(".txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        for p in paths:
            p.with_suffix(".txt").read_text(encoding="utf-8")
        plain = (time.perf_counter() - t0) / count
    print(f"Word drafts: {count} generated .docx read in {docx * 1000:.2f} ms each "
          f"(the same text from .txt: {plain * 1000:.2f} ms; {len(texts[0]) / 1024:.1f} KB of text each)")


def main() -> None:
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import draft

    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else sorted(ROOT.glob("examples/*.txt"))
    print(table(f"{len(seeds)} seeds", *split(seeds)))
    with tempfile.TemporaryDirectory() as folder:
        drafts = []
        for seed in range(30):
            path = Path(folder) / f"d{seed}.txt"
            path.write_text(draft(30_000, seed=seed), encoding="utf-8")
            drafts.append(path)
        print()
        print(table("30 generated 30 KB drafts", *split(drafts)))
    print()
    word_drafts()
    worst_cases()


if __name__ == "__main__":
    main()
