"""The benchmark: prints how fast draftlint is on this machine, and how it compares with the
tools a user might pick instead. Run on demand, not in the test suite:

    python benchmarks/run.py            # everything (a few minutes)
    python benchmarks/run.py --quick    # smaller corpora, no peers

Figures: cold start of ``draftlint check`` on one typical 30 KB draft and the top entries of
``python -X importtime``; in-process throughput of the default rules on 1 MB and 30 MB of
generated drafts; how time grows with input (1×, 2×, 4×, 8× one draft, and one 10 MB draft);
peak memory for the 10 MB draft; 1,000 drafts through the CLI with ``--jobs 1`` and ``--jobs N``;
the floor (read the files, run one regular expression); and the same files through textlint with
textlint-rule-prh and a small Vietnamese typo dictionary (from the npm registry) and proselint
(from PyPI), installed into a scratch folder — never project dependencies.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PRH = """version: 1
rules:
  - expected: hỗ trợ
    pattern: hổ trợ
  - expected: phát triển
    pattern: phát tiển
  - expected: đề xuất
    pattern: để xuất
  - expected: Phấn đấu
    pattern: Phân đầu
  - expected: thụ hưởng
    pattern: thụ hưỡng
  - expected: sâu rộng
    pattern: dâu rộng
  - expected: giảm nghèo
    pattern: giảm nghéo
  - expected: tuyên truyền
    pattern: truyên truyền
  - expected: Đẩy mạnh
    pattern: Ðẩy mạnh
  - expected: kỷ cương
    pattern: kỉ cương
"""


def _median(times: list[float]) -> float:
    return statistics.median(times)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _draftlint() -> list[str]:
    script = Path(sys.executable).with_name("draftlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "draftlint.cli"]


# Bytecode written and read as after an install, even where the environment turns it off.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str], **kwargs) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV, **kwargs)
    return time.perf_counter() - t0


def cold_start(folder: Path, runs: int) -> None:
    draft = folder / "ke-hoach-30kb.txt"
    draft.write_text(corpus.draft(30_000, seed=7), encoding="utf-8")
    _run([*_draftlint(), "check", str(draft)])  # the cache folder, the bytecode, the OS file cache
    times = [_run([*_draftlint(), "check", str(draft)]) for _ in range(runs)]
    floor = [_run([sys.executable, "-c", "pass"]) for _ in range(runs)]
    print(f"cold start, draftlint check on one 30 KB draft: median {_ms(_median(times))} "
          f"(best {_ms(min(times))}; python -c pass: median {_ms(_median(floor))})")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "draftlint.cli", "check", str(draft)],
                            capture_output=True, text=True, check=False, env=_ENV)
    rows = []
    for line in result.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (.+)", line)
        if m:
            rows.append((int(m[2]), int(m[1]), m[3].rstrip()))
    print("  python -X importtime, top entries (cumulative µs, self µs, module):")
    for cumulative, own, name in sorted(rows, reverse=True)[:10]:
        print(f"    {cumulative:8d} {own:8d}  {name}")


def _engine():
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.registry import all_rules

    engine = Engine(all_rules(), Overrides())
    config = Config()
    engine.lint_text(corpus.draft(5_000, seed=99), "warm-up.txt", config)
    return engine, config


def throughput(megabytes: float) -> None:
    engine, config = _engine()
    drafts = corpus.corpus(int(megabytes * 1_000_000))
    size = sum(len(d.encode()) for d in drafts)
    t0 = time.perf_counter()
    for i, text in enumerate(drafts):
        engine.lint_text(text, f"d{i}.txt", config)
    elapsed = time.perf_counter() - t0
    print(f"in process, {len(drafts)} drafts, {size / 1e6:.1f} MB: {elapsed:.2f} s = {size / 1e6 / elapsed:.2f} MB/s, "
          f"{elapsed / len(drafts) * 1000:.1f} ms per draft")


def scaling(ten_mb: bool) -> None:
    engine, config = _engine()
    one = corpus.draft(30_000, seed=3)
    print("how time grows with input (one file):")
    base = None
    for k in (1, 2, 4, 8):
        text = one * k
        times = []
        for _ in range(3 if k < 8 else 2):
            t0 = time.perf_counter()
            engine.lint_text(text, "x.txt", config)
            times.append(time.perf_counter() - t0)
        per_mb = min(times) / (len(text.encode()) / 1e6)
        base = base or per_mb
        print(f"  {k}× ({len(text.encode()) / 1e3:.0f} KB): {_ms(min(times))}, {per_mb:.2f} s/MB ({per_mb / base:.2f}× of 1×)")
    if ten_mb:
        text = one * (10_000_000 // len(one.encode()))
        times = []
        for _ in range(2):  # the better of two: one slow run on a shared machine is not the program
            t0 = time.perf_counter()
            engine.lint_text(text, "x.txt", config)
            times.append(time.perf_counter() - t0)
        elapsed = min(times)
        per_mb = elapsed / (len(text.encode()) / 1e6)
        print(f"  one 10 MB draft: {elapsed:.1f} s, {per_mb:.2f} s/MB ({per_mb / base:.2f}× of 1×)")


def memory(folder: Path) -> None:
    path = folder / "ke-hoach-10mb.txt"
    one = corpus.draft(30_000, seed=3)
    path.write_text(one * (10_000_000 // len(one.encode())), encoding="utf-8")
    # The peak of this process's own memory: VmHWM where Linux has it, since ru_maxrss also counts
    # what the child was before exec, a copy of this (large) benchmark process.
    code = ("import resource, sys\nfrom draftlint.cli import main\n"
            f"main(['check', {str(path)!r}, '-o', {os.devnull!r}])\n"
            "try:\n"
            "    print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"
            "except (OSError, StopIteration):\n"
            "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                         env=_ENV).stdout.split()
    print(f"peak memory, draftlint check on the 10 MB draft: {int(out[-1]) / 1024:.0f} MB (max RSS)")


def cli_many(folder: Path, count: int) -> list[Path]:
    drafts = folder / "drafts"
    drafts.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = drafts / f"ke-hoach-{i:04d}.txt"
        path.write_text(corpus.draft(30_000, seed=1000 + i), encoding="utf-8")
        paths.append(path)
    size = sum(p.stat().st_size for p in paths) / 1e6
    jobs = os.cpu_count() or 1
    for n in sorted({1, jobs}):
        elapsed = _run([*_draftlint(), "check", str(drafts), "-o", os.devnull, "--jobs", str(n)])
        print(f"{count} drafts ({size:.0f} MB) through the CLI, --jobs {n}: {elapsed:.1f} s "
              f"({size / elapsed:.2f} MB/s)")
    return paths


def floor(paths: list[Path]) -> float:
    word = re.compile(r"[^\W\d_]+")
    t0 = time.perf_counter()
    for p in paths:
        word.findall(p.read_text(encoding="utf-8"))
    return time.perf_counter() - t0


def peers(folder: Path, paths: list[Path]) -> None:
    """textlint + prh and proselint on the same files, against draftlint's CLI, in this run."""
    scratch = folder / "peers"
    scratch.mkdir(exist_ok=True)
    files = [str(p) for p in paths]
    size = sum(p.stat().st_size for p in paths) / 1e6
    ours = _run([*_draftlint(), "check", *files, "-o", os.devnull, "--jobs", "1"])
    print(f"peers, on {len(files)} generated drafts ({size:.1f} MB), one process each:")
    print(f"  draftlint (every default rule): {ours:.2f} s")
    print(f"  floor (read + one regular expression, in Python): {floor(paths):.3f} s")
    textlint = _install_textlint(scratch)
    if textlint:
        (scratch / "prh.yml").write_text(PRH, encoding="utf-8")
        (scratch / ".textlintrc.json").write_text('{"rules": {"prh": {"rulePaths": ["%s"]}}}' % (scratch / "prh.yml"),
                                                  encoding="utf-8")
        elapsed = _run([textlint, "--config", str(scratch / ".textlintrc.json"), *files], cwd=scratch)
        print(f"  textlint + textlint-rule-prh (10 Vietnamese typos): {elapsed:.2f} s = {elapsed / ours:.2f}× draftlint")
    else:
        print("  textlint: could not be installed from the npm registry (skipped)")
    proselint = _install_proselint(scratch)
    if proselint:
        elapsed = _run([proselint, "check", *files], cwd=scratch)
        print(f"  proselint (its English rules; it has no Vietnamese ones): {elapsed:.2f} s = "
              f"{elapsed / ours:.2f}× draftlint")
    else:
        print("  proselint: could not be installed from PyPI (skipped)")


def _install_textlint(scratch: Path) -> str | None:
    binary = scratch / "node_modules" / ".bin" / "textlint"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"],
                       cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=600)
    return str(binary) if binary.exists() else None


def _install_proselint(scratch: Path) -> str | None:
    binary = scratch / "venv" / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(scratch / "venv")], check=False)
        subprocess.run([str(scratch / "venv" / "bin" / "pip"), "install", "--quiet", "proselint"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=600)
    return str(binary) if binary.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora, no 10 MB draft, no peers")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="keep the generated files and the peers' installs here (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.scratch or Path(tempfile.mkdtemp(prefix="draftlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    cold_start(folder, runs=5 if args.quick else 11)
    throughput(1)
    if not args.quick:
        throughput(30)
    from stages import per_rule

    per_rule(10 if args.quick else 30)
    scaling(ten_mb=not args.quick)
    if not args.quick:
        memory(folder)
    paths = cli_many(folder, 100 if args.quick else 1000)
    if not args.quick:
        peers(folder, paths[:34])  # about 1 MB
    if args.scratch is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
