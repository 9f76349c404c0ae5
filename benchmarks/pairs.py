"""Measuring on a shared machine: CPU time (user + system) of whole processes, run in alternated
rounds so that a busy minute slows every contender alike, summed up as the min and median of the
rounds and of the ratios within each round."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Sample:
    cpu: float  # seconds of user + system time, the process and the children it waited for
    wall: float
    output: str = ""  # what the process printed, for a worker that reports its own figures


def run(command: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Sample:
    """One process to its end, its output kept and its CPU time read from this process's reaped children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False,
                          env=env, cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(cpu, wall, done.stdout)


def worker(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """A benchmark worker's own figures (it prints ``{"cpu": …, "wall": …}`` for the part it times)."""
    figures = json.loads(run(command, env).output.strip().splitlines()[-1])
    return Sample(figures["cpu"], figures["wall"])


def alternate(contenders: dict[str, Callable[[], Sample]], rounds: int) -> dict[str, list[Sample]]:
    """Each contender once per round, the order reversed every other round."""
    samples: dict[str, list[Sample]] = {name: [] for name in contenders}
    names = list(contenders)
    for index in range(rounds):
        for name in names if index % 2 == 0 else reversed(names):
            samples[name].append(contenders[name]())
    return samples


@dataclass(frozen=True)
class Spread:
    """The best round (the least time, the most MB/s) and the median one."""

    best: float
    median: float

    @classmethod
    def of(cls, values: list[float], best=min) -> "Spread":
        return cls(best(values), statistics.median(values))

    def __str__(self) -> str:
        return self.format("{:.2f}")

    def format(self, pattern: str) -> str:
        return f"{pattern.format(self.best)} / {pattern.format(self.median)}"


def cpu(samples: list[Sample]) -> Spread:
    return Spread.of([s.cpu for s in samples])


def wall(samples: list[Sample]) -> Spread:
    return Spread.of([s.wall for s in samples])


def ratios(over: list[Sample], under: list[Sample], measure: str = "cpu", best=min) -> Spread:
    """``over`` / ``under`` within each round."""
    return Spread.of([getattr(a, measure) / getattr(b, measure) for a, b in zip(over, under)], best)


def rate(megabytes: float, samples: list[Sample]) -> Spread:
    """MB per CPU second."""
    return Spread.of([megabytes / s.cpu for s in samples], max)


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores (`nproc` {len(os.sched_getaffinity(0))}), Python {sys.version.split()[0]}, "
            f"{platform.system()} {platform.release()}; load average {load}")
