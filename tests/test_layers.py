"""The layers of DESIGN.md, read from the source: every import of the package (at module level or
inside a function, relative or absolute) goes down the layer order, never up or across, and no
two parts import each other. A part is a sub-package (``front``, ``extract`` …) or a module at
the top of the package (``cli``, ``model`` …)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where each import name's source lives (setuptools ``package-dir`` in pyproject.toml).
SOURCES = {"draftlint": ROOT / "linter", "draftlint.rules": ROOT / "rules", "draftlint.grammar": ROOT / "grammar"}

# Bottom to top: a part imports only parts of lower layers. Parts on one line are peers and do
# not import each other. "draftlint" is the package itself (its version).
LAYERS = [
    ("draftlint", "model", "limits", "i18n"),
    ("rule", "startup"),
    ("data", "grammar"),
    ("text",),
    ("extract",),
    ("front", "rules"),
    ("registry",),
    ("config",),
    ("fix",),
    ("result",),
    ("reporters",),
    ("docs",),
    ("lint",),
    ("outline",),
    ("cli",),
    ("__main__",),
]



def modules() -> dict[str, Path]:
    """Every module of the package by its import name."""
    found = {}
    for prefix, folder in SOURCES.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([prefix, *parts])] = path
    return found


def imports() -> set[tuple[str, str]]:
    """(importer, imported) for every import of a module of the package by another."""
    known = modules()
    edges = set()
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                # ``from package import module`` imports the module, not the package.
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                           for alias in node.names]
            else:
                continue
            edges.update((name, target) for target in targets if target in known and target != name)
    return edges


def part(module: str) -> str:
    rest = module.removeprefix("draftlint").lstrip(".")
    return rest.partition(".")[0] or "draftlint"


def rank(module: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if part(module) in layer)


def against_the_order(edges: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in edges if part(a) != part(b) and rank(a) <= rank(b)}


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The cycles between parts, as part names (depth-first search)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        if part(a) != part(b):
            graph.setdefault(part(a), set()).add(part(b))
    found, done = [], set()

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            found.append(path[path.index(node):] + [node])
            return
        if node in done:
            return
        for successor in sorted(graph.get(node, ())):
            visit(successor, path + [node])
        done.add(node)

    for start in sorted(graph):
        visit(start, [])
    return found


def test_every_part_has_a_layer():
    placed = {name for layer in LAYERS for name in layer}
    assert {part(module) for module in modules()} <= placed


def test_imports_only_go_down_the_layers():
    edges = imports()
    assert against_the_order(edges) == set()


def test_no_cycles_between_parts():
    assert cycles(imports()) == []


def test_an_upward_import_and_its_cycle_are_caught():
    # The checks see an import that is not there: a text helper asking the engine for something.
    edges = imports() | {("draftlint.text.words", "draftlint.lint.engine")}
    assert ("draftlint.text.words", "draftlint.lint.engine") in against_the_order(edges)
    assert any({"text", "lint"} <= set(cycle) for cycle in cycles(edges))


def test_imports_inside_functions_are_read():
    # The engine imports the Word reader only when a .docx draft comes.
    assert ("draftlint.lint.engine", "draftlint.front.docx") in imports()
