"""Per-stage figures: run with ``python benchmarks/stages.py`` (``benchmarks/run.py`` is the main benchmark).

Figures: start-up of a ``draftlint check`` on one file (what a pre-commit hook
pays per call), in-process throughput over a corpus (the seeds in
../shared/seeds when present, else the examples, repeated), and the per-stage
split for the largest file.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def corpus() -> list[tuple[str, str]]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else sorted(
        p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))
    return [(str(f), f.read_text(encoding="utf-8-sig")) for f in files]


def best(times: list[float]) -> str:
    return f"best {min(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms"


def startup(sample: str) -> None:
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "draftlint.cli", "check", sample], capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    print(f"draftlint check <one file>, whole process: {best(times)}")
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - t0)
    print(f"python -c pass, for comparison:         {best(times)}")


def throughput(files: list[tuple[str, str]], copies: int) -> None:
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.registry import all_rules

    engine = Engine(all_rules(), Overrides())
    config = Config()
    engine.lint_text(files[0][1], files[0][0], config)  # warm up: grammar from cache, rules built
    size = sum(len(text.encode()) for _, text in files) * copies
    t0 = time.perf_counter()
    for _ in range(copies):
        for path, text in files:
            engine.lint_text(text, path, config)
    elapsed = time.perf_counter() - t0
    count = len(files) * copies
    print(f"in process: {count} drafts, {size / 1e6:.1f} MB in {elapsed:.2f} s = "
          f"{count / elapsed:.0f} drafts/s, {elapsed / count * 1000:.2f} ms/draft, {size / 1e6 / elapsed:.1f} MB/s")


def stages(path: str, text: str) -> None:
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.front.normalise import normalise
    from draftlint.front.pipeline import read_document
    from draftlint.registry import all_rules
    from draftlint.front.source import SourceText

    def timed(fn, n=20):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times) * 1000

    source = SourceText(text)
    engine = Engine(all_rules(), Overrides())
    print(f"stages on {Path(path).name} ({len(text.encode()) / 1000:.0f} KB):")
    print(f"  normalise        {timed(lambda: normalise(source)):.2f} ms")
    print(f"  normalise+parse  {timed(lambda: read_document(text, path)):.2f} ms")
    print(f"  whole lint       {timed(lambda: engine.lint_text(text, path, Config())):.2f} ms")


def per_rule(count: int = 10, rounds: int = 3) -> None:
    """Each rule's share over generated 30 KB drafts, slowest first (the best of a few rounds, as
    the machine is shared). A rule that reads a shared extraction first (citations, tasks,
    deadlines) is charged for building it."""
    from corpus import draft
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.front.pipeline import read_document
    from draftlint.registry import all_rules

    engine = Engine(all_rules(), Overrides())
    settings = engine.settings(Config())
    policy = settings.policy
    texts = [draft(30_000, seed=seed) for seed in range(count + 1)]
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(["parse", *(rule.code for rule in policy.rules)], 0.0)
        for n, text in enumerate(texts):
            t0 = time.perf_counter()
            doc = read_document(text, "x", settings.vocabulary)
            if n:  # the first draft warms the caches up
                spent["parse"] += time.perf_counter() - t0
            for rule in policy.rules:
                t0 = time.perf_counter()
                list(rule.check(doc))
                if n:
                    spent[rule.code] += time.perf_counter() - t0
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    total = sum(best.values())
    print(f"per 30 KB generated draft ({count} drafts, best of {rounds}): {total / count * 1000:.1f} ms in all, "
          f"parse {best.pop('parse') / count * 1000:.1f} ms")
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    print("  " + ", ".join(f"{code} {t / count * 1000:.1f}" for code, t in ranked if t / count >= 0.0002))


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
    files = corpus()
    print(f"corpus: {len(files)} files from {SEEDS if SEEDS.is_dir() else ROOT / 'examples'}")
    startup(files[0][0])
    throughput(files, copies=200)
    word_drafts()
    stages(*max(files, key=lambda f: len(f[1])))
    per_rule()
    worst_cases()


if __name__ == "__main__":
    main()
