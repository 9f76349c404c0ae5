"""The structure grammar's LALR tables, and a small runtime that drives them.

Lark builds the parser from grammar/draft.lark; its tables (states, actions, rules) are stored in
grammar/draft.tables.json, shipped with the package and checked against the grammar by a test.
At run time draftlint reads that file and parses with the runtime below, which builds trees as
Lark does for this grammar (rules whose name starts with ``_``, Lark's own helper rules among
them, are inlined into their parent), so Lark itself is imported only when the grammar has
changed and its tables must be built again. That saves the import of Lark and the loading of
its cached parser on every start, most of a pre-commit hook's parsing cost.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from pathlib import Path

SHIFT, REDUCE = 0, 1
END = "$END"


class Token(str):
    """A terminal: its kind (``type``), its text, and the index of its line (``start_pos``)."""

    __slots__ = ("type", "start_pos")

    def __new__(cls, kind: str, value: str, start_pos: int = 0) -> "Token":
        token = super().__new__(cls, value)
        token.type = kind
        token.start_pos = start_pos
        return token


class Tree:
    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list) -> None:
        self.data = data
        self.children = children

    def __eq__(self, other) -> bool:
        return isinstance(other, Tree) and self.data == other.data and self.children == other.children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


class Tables:
    def __init__(self, data: dict) -> None:
        self.states: list[dict[str, tuple[int, int]]] = [
            {symbol: (action[0], action[1]) for symbol, action in state.items()} for state in data["states"]]
        self.rules: list[tuple[str, int]] = [(name, size) for name, size in data["rules"]]
        self.start: int = data["start"]
        self.end: int = data["end"]


def grammar_path() -> Path:
    from .. import grammar as grammar_package

    return Path(grammar_package.__file__).parent / "draft.lark"


def digest(grammar: str) -> str:
    """Tells an edited grammar from the one the tables were built from (not a security check)."""
    data = grammar.encode("utf-8")
    return f"{len(data)}-{zlib.crc32(data):08x}"


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The shipped tables; rebuilt with Lark (and kept in the user's cache) if the grammar changed."""
    from ..startup import cache

    path = grammar_path()
    grammar = path.read_text(encoding="utf-8")
    wanted = digest(grammar)
    try:
        shipped = json.loads(path.with_name("draft.tables.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shipped = None
    for data in (shipped, cache.read_json(f"tables-{wanted}.json")):
        if isinstance(data, dict) and data.get("grammar") == wanted:
            try:
                return Tables(data)
            except Exception:  # not the shape tables have: rebuilt
                pass
    data = build(grammar)
    cache.write_json(f"tables-{wanted}.json", data)
    return Tables(data)


def build(grammar: str) -> dict:
    """The tables Lark computes for ``grammar`` (strict: a conflict is an error), as plain data."""
    from lark import Lark
    from lark.lexer import Lexer
    from lark.parsers.lalr_analysis import Shift

    class TokenLexer(Lexer):
        """The tokens are made by the tagger; Lark only computes the tables."""

        def __init__(self, lexer_conf) -> None:
            pass

        def lex(self, data):  # pragma: no cover - never called
            yield from data

    parser = Lark(grammar, parser="lalr", lexer=TokenLexer, strict=True)
    conf = parser.parse_interactive().parser_state.parse_conf
    # Lark numbers its states differently from run to run; number them in the order a walk from the
    # start state meets them (symbols in sorted order), so the same grammar gives the same file.
    order = [conf.start_state]
    number = {conf.start_state: 0}
    for state in order:
        for symbol in sorted(conf.states[state]):
            action, arg = conf.states[state][symbol]
            if action is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    rules: list = []
    rule_index: dict = {}
    states = []
    for state in order:
        actions = {}
        for symbol in sorted(conf.states[state]):
            action, arg = conf.states[state][symbol]
            if action is Shift:
                actions[symbol] = [SHIFT, number[arg]]
            else:
                key = (arg.origin.name, len(arg.expansion))  # all a reduction needs
                if key not in rule_index:
                    rule_index[key] = len(rules)
                    rules.append(list(key))
                actions[symbol] = [REDUCE, rule_index[key]]
        states.append(actions)
    return {"grammar": digest(grammar), "start": 0, "end": number[conf.end_state], "rules": rules,
            "states": states}


class Parser:
    """Feeds tokens one at a time; ``accepts`` says whether the next one would fit."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.states = [tables.start]
        self.values: list = []

    def accepts(self, kind: str) -> bool:
        """Would the parser take this terminal now? Simulates reductions on the stack's top: the
        states below ``depth`` are the parser's own, those in ``pushed`` the simulation's."""
        depth = len(self.states)
        pushed: list[int] = []
        states = self.tables.states
        rules = self.tables.rules
        while True:
            action = states[pushed[-1] if pushed else self.states[depth - 1]].get(kind)
            if action is None:
                return False
            what, arg = action
            if what == SHIFT:
                return True
            name, size = rules[arg]
            popped = min(size, len(pushed))
            del pushed[len(pushed) - popped:]
            depth -= size - popped
            goto = states[pushed[-1] if pushed else self.states[depth - 1]].get(name)
            if goto is None:
                return False
            pushed.append(goto[1])
            if goto[1] == self.tables.end:
                return True

    def feed(self, token: Token) -> None:
        self._reduce_until_shift(token.type)
        _, target = self.tables.states[self.states[-1]][token.type]
        self.states.append(target)
        self.values.append(token)

    def finish(self) -> Tree:
        """Reduce what is left at the end of the input; returns the ``start`` tree."""
        states = self.tables.states
        while True:
            action = states[self.states[-1]].get(END)
            if action is None:
                raise ValueError("the input cannot end here")
            what, arg = action
            if what == SHIFT:  # Lark's end state: only the start tree is left
                return self.values[-1]
            self._reduce(arg)
            if self.states[-1] == self.tables.end:
                return self.values[-1]

    def _reduce_until_shift(self, kind: str) -> None:
        states = self.tables.states
        while True:
            action = states[self.states[-1]].get(kind)
            if action is None:
                raise ValueError(f"unexpected {kind}")
            if action[0] == SHIFT:
                return
            self._reduce(action[1])

    def _reduce(self, rule: int) -> None:
        name, size = self.tables.rules[rule]
        if size:
            children = self.values[-size:]
            del self.values[-size:]
            del self.states[-size:]
        else:
            children = []
        flat: list = []
        for i, child in enumerate(children):
            if isinstance(child, Tree) and child.data.startswith("_"):  # inlined rules, Lark's helper rules too
                if i == 0:
                    # Taken over, not copied: a left-recursive list rule (``_content*``) grows its
                    # list in place, so a long list costs its length, not its length squared.
                    flat = child.children
                else:
                    flat.extend(child.children)
            else:
                flat.append(child)
        self.values.append(Tree(name, flat))
        _, target = self.tables.states[self.states[-1]][name]
        self.states.append(target)
