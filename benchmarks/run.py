"""The benchmark: how fast draftlint is on this machine, against the floor and the tools a user might
pick instead. Run on demand, not in the test suite:

    python benchmarks/run.py                 # every figure (15-20 minutes on 2 cores)
    python benchmarks/run.py --quick         # smaller inputs, no 10 MB draft, no peers
    python benchmarks/run.py --scratch DIR   # keep the generated files, the wheel and the peers' installs

Every figure is CPU time (user + system) unless it says wall, measured in rounds (``--rounds``, at
least 5) in which the contenders run in turn, the order reversed every other round; each figure is
the best round / the median round, and a ratio is taken within each round. The inputs are written
into the scratch folder at run time: the seeds (``../shared/seeds/*.txt``) concatenated 40 times
into one file, generated 30 KB drafts (``corpus.py``), a 10 MB draft. The run ends with a Markdown
table that ``benchmarks/README.md`` takes as it is; ``stages.py`` gives the split by stage and rule.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import pairs  # noqa: E402
import peers  # noqa: E402
from pairs import alternate, cpu, rate, ratios, wall  # noqa: E402

# Bytecode written and read as after an install, even where the environment turns it off.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Table:
    """The figures as they are measured, printed again at the end as one Markdown table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, what: str, measured: str, target: str = "—") -> None:
        print(f"{what}: {measured}", flush=True)
        self.rows.append((what, measured, target))

    def markdown(self, rounds: int) -> str:
        lines = [f"| what | measured (best / median of {rounds} rounds) | target |", "|---|---|---|"]
        lines += [f"| {what} | {measured} | {target} |" for what, measured, target in self.rows]
        return "\n".join(lines)


def draftlint() -> list[str]:
    script = Path(sys.executable).with_name("draftlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "draftlint.cli"]


def command(argv: list[str], cwd: str | None = None):
    return lambda: pairs.run(argv, ENV, cwd)


def result_entries() -> list[Path]:
    """The result cache's entries (``result-<key>``, where the version has one) in the run's cache folder."""
    return list(Path(ENV["XDG_CACHE_HOME"]).rglob("result-*"))


def afresh(argv: list[str]):
    """A draftlint command that lints every file: the result cache is emptied first, outside the
    measured time, while the start-up caches (patterns, classes) stay warm."""
    def contender() -> pairs.Sample:
        for entry in result_entries():
            entry.unlink()
        return pairs.run(argv, ENV)
    return contender


def worker(*argv: str):
    return lambda: pairs.worker([sys.executable, str(HERE / "inprocess.py"), *argv], ENV)


def megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def seeds_x40(folder: Path) -> Path:
    path = folder / "seeds-x40.txt"
    seeds = "".join(p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt")))
    path.write_text(seeds * 40, encoding="utf-8")
    return path


def generated(folder: Path, count: int) -> list[Path]:
    drafts = folder / f"drafts-{count}"
    drafts.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = drafts / f"ke-hoach-{i:04d}.txt"
        if not path.exists():
            path.write_text(corpus.draft(30_000, seed=1000 + i), encoding="utf-8")
        paths.append(path)
    return paths


def throughput(table: Table, name: str, paths: list[Path], rounds: int) -> None:
    """Every default rule in one process (the worker, after its start-up) against the floor."""
    files = [str(p) for p in paths]
    samples = alternate({"draftlint": worker(*files), "floor": worker("--floor", *files)}, rounds)
    size = megabytes(paths)
    table.add(f"all default rules, one process, {name} ({size:.1f} MB)", f"{rate(size, samples['draftlint'])} MB/s",
              "≥ 3 MB/s (goal 5)")
    table.add(f"… against the floor, {name}", f"{ratios(samples['draftlint'], samples['floor']).format('{:.1f}')}×",
              "≤ 10×")
    table.add(f"floor (read + one regular expression), {name}", f"{rate(size, samples['floor']).format('{:.0f}')} MB/s")


def batch(table: Table, drafts: Path, count: int, rounds: int) -> None:
    """The CLI on a folder of drafts with one and two processes: CPU, and the wall time that ``--jobs`` buys."""
    base = [*draftlint(), "check", str(drafts), "-o", os.devnull]
    samples = alternate({"1": afresh([*base, "--jobs", "1"]), "2": afresh([*base, "--jobs", "2"])}, rounds)
    for jobs in ("1", "2"):
        table.add(f"{count:,} drafts through the CLI, `--jobs {jobs}`",
                  f"wall {wall(samples[jobs]).format('{:.1f}')} s, CPU {cpu(samples[jobs]).format('{:.1f}')} s")
    table.add(f"… `--jobs 2` against `--jobs 1`, wall time", f"{ratios(samples['1'], samples['2'], 'wall', max)}×",
              "≥ 1.8× (idle machine)")


def checkout() -> Path | None:
    """The source tree of the draftlint being measured (an editable install's), where a wheel is built from."""
    import draftlint

    root = Path(draftlint.__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").exists() else None


def installed(folder: Path, source: Path) -> Path:
    """A virtual environment with draftlint installed from a freshly built wheel (bytecode compiled by pip)."""
    wheels = folder / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(source)], **quiet)
    venv = folder / "wheel-venv"
    if not venv.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], **quiet)
    wheel = next(wheels.glob("draftlint-*.whl"))
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--force-reinstall", str(wheel)], **quiet)
    return venv / "bin"


def cold_start(table: Table, folder: Path, rounds: int) -> None:
    """One 30 KB draft through the installed ``draftlint check``, the start-up caches warmed by a first
    run: linted afresh, and (where the version has a result cache) unchanged since the last run."""
    source = checkout()
    if source is None:
        print("cold start: draftlint is not installed from a source tree here, no wheel to build (skipped)")
        return
    binaries = installed(folder, source)
    draft = folder / "ke-hoach-30kb.txt"
    draft.write_text(corpus.draft(30_000, seed=7), encoding="utf-8")
    check = [str(binaries / "draftlint"), "check", str(draft), "-o", os.devnull]
    has_cache = "--no-cache" in subprocess.run([*check[:2], "--help"], capture_output=True, text=True, env=ENV).stdout
    contenders = {"cold": afresh(check), "python -c pass": command([str(binaries / "python"), "-c", "pass"])}
    if has_cache:
        contenders["cached"] = command(check)
    for contender in contenders.values():
        contender()  # the cache folder's start-up entries, the result, the OS file cache
    if has_cache and not result_entries():
        print("warning: no result-* entries where expected: the draftlint figures may include result-cache hits")
    samples = alternate(contenders, rounds)
    for name, target in (("cold", "≤ 0.15 s"), ("cached", "≤ 0.08 s")):
        if name in samples:
            what = ("cold start, installed wheel" if name == "cold" else "unchanged draft, result cache warm")
            table.add(f"{what}, `draftlint check` one 30 KB draft",
                      f"CPU {cpu(samples[name]).format('{:.3f}')} s, wall {wall(samples[name]).format('{:.3f}')} s",
                      target)
    if not has_cache:
        print("unchanged draft with the result cache: no `--no-cache` in this version (skipped)")
    table.add("… `python -c pass` of the same environment",
              f"CPU {cpu(samples['python -c pass']).format('{:.3f}')} s, "
              f"wall {wall(samples['python -c pass']).format('{:.3f}')} s")


def memory(table: Table, folder: Path) -> None:
    """The peak of the linting process itself: VmHWM, since ru_maxrss also counts what the child was
    before exec, a copy of this benchmark process."""
    path = folder / "ke-hoach-10mb.txt"
    one = corpus.draft(30_000, seed=3)
    path.write_text(one * (10_000_000 // len(one.encode())), encoding="utf-8")
    code = ("from draftlint.cli import main\n"
            "try:\n"
            f"    main(['check', {str(path)!r}, '-o', {os.devnull!r}])\n"
            "finally:\n"
            "    print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))")
    sample = afresh([sys.executable, "-c", code])()
    peak = int(sample.output.split()[-1]) / 1024
    table.add("one 10 MB draft through the CLI, peak memory", f"{peak:.0f} MB (CPU {sample.cpu:.1f} s)", "< 200 MB")


def against_peers(table: Table, folder: Path, path: Path, rounds: int) -> None:
    """The same file through each tool's command line, start-up included."""
    scratch = folder / "peers"
    scratch.mkdir(exist_ok=True)
    contenders = {
        "all": afresh([*draftlint(), "check", str(path), "-o", os.devnull]),
        "SPL002": afresh([*draftlint(), "check", "--select", "SPL002", str(path), "-o", os.devnull]),
        "floor": worker("--floor", str(path)),
    }
    textlint, proselint = peers.textlint(scratch), peers.proselint(scratch)
    if textlint:
        contenders["textlint"] = command([*textlint, str(path)], cwd=str(scratch))
    if proselint:
        contenders["proselint"] = command([*proselint, str(path)], cwd=str(scratch))
    samples = alternate(contenders, rounds)
    size = megabytes([path])
    name = f"seeds ×40 ({size:.1f} MB), each tool's CLI"
    table.add(f"draftlint, all default rules, {name}", f"{rate(size, samples['all'])} MB/s")
    table.add(f"draftlint, only the confusion list (`--select SPL002`), {name}", f"{rate(size, samples['SPL002'])} MB/s")
    if textlint:
        table.add(f"textlint {peers.version([textlint[0], '--version'])} + prh, the same "
                  f"{len(peers.confusions())} confusion pairs, {name}",
                  f"{rate(size, samples['textlint'])} MB/s")
        table.add("… like for like: textlint + prh's time ÷ draftlint `--select SPL002`'s",
                  f"{ratios(samples['textlint'], samples['SPL002'], best=max)}×", "≥ 3×")
        table.add("… textlint + prh's time ÷ draftlint with all default rules",
                  f"{ratios(samples['textlint'], samples['all'], best=max)}×")
    else:
        print("textlint: could not be installed from the npm registry (skipped)")
    if proselint:
        table.add(f"proselint {peers.version([proselint[0], 'version'])} (English rules only), {name}", f"{rate(size, samples['proselint'])} MB/s")
        table.add("… proselint's time ÷ draftlint with all default rules",
                  f"{ratios(samples['proselint'], samples['all'], best=max)}×", "≥ 5×")
    else:
        print("proselint: could not be installed from PyPI (skipped)")
    table.add(f"floor, {name} (in one Python process)", f"{rate(size, samples['floor']).format('{:.0f}')} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 drafts instead of 1,000, no 10 MB draft, no peers")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each measure (at least 5; default 5)")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="keep the generated files, the wheel and the peers' installs here (default: a temporary folder)")
    args = parser.parse_args()
    rounds = max(args.rounds, 5)
    folder = args.scratch or Path(tempfile.mkdtemp(prefix="draftlint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    ENV["XDG_CACHE_HOME"] = str(folder / "cache")  # draftlint's cache folder for this run alone
    started = f"{datetime.date.today()}; {pairs.machine()}"
    print(started, flush=True)
    table = Table()
    seeds = seeds_x40(folder)
    drafts = generated(folder, 100 if args.quick else 1000)
    throughput(table, "seeds ×40, one file", [seeds], rounds)
    throughput(table, "generated 30 KB drafts", drafts[:100], rounds)
    batch(table, drafts[0].parent, len(drafts), rounds)
    cold_start(table, folder, rounds)
    if not args.quick:
        memory(table, folder)
        against_peers(table, folder, seeds, rounds)
    print(f"\n{started}; ended with load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(table.markdown(rounds))
    from stages import split, table as stage_table

    for name, paths in (("seeds ×40", [seeds]), ("100 generated 30 KB drafts", drafts[:100])):
        print(f"\n{stage_table(f'Where the time goes, {name}, each stage its best of 3', *split(paths))}")
    if args.scratch is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
