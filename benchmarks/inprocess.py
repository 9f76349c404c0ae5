"""The in-process worker of ``run.py``: lints files in one process and prints the CPU and wall time
of the linting alone (after imports and a warm-up draft), as one JSON line. Run by whichever Python
is being measured, so that it imports that installation's draftlint.

    python benchmarks/inprocess.py FILE…           # every default rule, reading each file
    python benchmarks/inprocess.py --floor FILE…   # the floor: read each file, one regular-expression pass
"""

from __future__ import annotations

import json
import re
import sys
import time


def linter():
    """Every default rule, set up and warmed up: imports and start-up are not throughput."""
    from draftlint.config import Config
    from draftlint.lint.engine import Engine
    from draftlint.lint.policy import Overrides
    from draftlint.registry import all_rules

    engine = Engine(all_rules(), Overrides())
    config = Config()
    engine.lint_text("KẾ HOẠCH\nTriển khai công tác năm 2025.\n", "warm-up.txt", config)

    def lint(paths: list[str]) -> None:
        for path in paths:
            engine.lint_file(path, config)

    return lint


def floor(paths: list[str]) -> None:
    word = re.compile(r"[^\W\d_]+")
    for path in paths:
        with open(path, encoding="utf-8") as stream:
            word.findall(stream.read())


def main(argv: list[str]) -> None:
    job, paths = (floor, argv[1:]) if argv[:1] == ["--floor"] else (linter(), argv)
    cpu, wall = time.process_time(), time.perf_counter()
    job(paths)
    print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))


if __name__ == "__main__":
    main(sys.argv[1:])
