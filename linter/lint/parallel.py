"""Linting many files on several cores (``--jobs``).

Workers are forked where the platform allows, so they start with the parent's imported rules and
compiled patterns; elsewhere they are spawned and import them once. Each worker builds its own
engine; configurations travel once per worker, and each task names its configuration by index
so that a worker builds a configuration's settings once, not once per file.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

_linter = None  # the worker's Engine, or its ResultCache
_configs: list = []


def _start(overrides, configs, cached: bool, cache_off: bool) -> None:
    global _linter, _configs
    from .engine import Engine
    from ..registry import all_rules
    from ..startup import cache

    if cache_off:  # a spawned worker does not inherit --no-cache
        cache.switch_off()
    _linter = Engine(all_rules(), overrides)
    if cached:
        from .results import ResultCache

        _linter = ResultCache(_linter)
    _configs = configs


def _lint(path: str, display: str, config_index: int):
    try:
        return _linter.lint_file(path, _configs[config_index], display)
    except Exception as exc:  # reported by the parent as an internal error on this file
        return exc


class Pool:
    """A process pool that lints files; ``submit`` returns a future of a FileResult (or of the
    exception a bug raised)."""

    def __init__(self, jobs: int, overrides, configs: list, cached: bool) -> None:
        """``cached``: look up and store each file's result (lint.results)."""
        from ..startup import cache

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                                             initargs=(overrides, configs, cached, cache.disabled()))

    def submit(self, path: str, display: str, config_index: int) -> Future:
        return self._executor.submit(_lint, path, display, config_index)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
