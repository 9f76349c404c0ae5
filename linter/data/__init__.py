"""Reference tables shipped with draftlint as data files, loaded once on first use into typed values."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class DocumentType:
    name: str
    codes: tuple[str, ...]  # type codes its number-symbol may carry; () for Công văn, Luật, Pháp lệnh
    title: bool = False  # can stand as a draft's own title line
    normative: bool = False  # the symbol carries the year (20/2021/NĐ-CP)
    law: bool = False  # Luật, Pháp lệnh
    short: bool = False  # "Quyết định 835" is a short reference


@dataclass(frozen=True)
class Issuer:
    code: str
    names: tuple[str, ...]
    party: bool = False


def read_text(name: str) -> str:
    """A plain data file of this package (a word list, counts), as text."""
    return (_HERE / name).read_text(encoding="utf-8")


def load(name: str) -> dict:
    """One data file of this package, parsed; kept as JSON in the cache folder (TOML is parsed in
    Python, JSON in C), under a name made from the file's content, so a copy is only ever used for
    the very text it was parsed from (two installs whose files differ but share size and time too)."""
    from ..startup import cache

    path = _HERE / name
    source = path.read_bytes()
    key = f"data-{path.stem}-{cache.digest(source).hex()[:20]}.json"
    value = cache.read_json(key)
    if isinstance(value, dict):
        return value
    import tomllib

    value = tomllib.loads(source.decode("utf-8"))
    cache.write_json(key, value)
    return value


@dataclass(frozen=True)
class Measured:
    """A rule's precision on the real documents the project keeps verdicts for."""

    judged: int  # findings read and judged (extraction artefacts apart)
    true: int
    date: str

    @property
    def precision(self) -> float | None:
        return self.true / self.judged if self.judged else None

    def shown(self, lang: str) -> str:
        """"97 % (34)", or "—" when the rule made no finding there."""
        if not self.judged:
            return "—"
        return f"{round(100 * self.true / self.judged)} % ({self.judged})" if lang == "vi" else \
            f"{round(100 * self.true / self.judged)}% ({self.judged})"


def measured() -> dict[str, Measured]:
    """Each rule's measured precision (precision.toml, written by benchmarks/precision.py)."""
    table = load("precision.toml")
    date = table.get("measured", "")
    return {code: Measured(int(v["judged"]), int(v["true"]), date)
            for code, v in table.items() if isinstance(v, dict)}


@lru_cache(maxsize=None)
def document_types() -> tuple[DocumentType, ...]:
    return tuple(
        DocumentType(
            name=row["name"],
            codes=tuple(row.get("codes", ())),
            title=row.get("title", False),
            normative=row.get("normative", False),
            law=row.get("law", False),
            short=row.get("short", False),
        )
        for row in load("document_types.toml")["type"]
    )


@lru_cache(maxsize=None)
def issuers() -> tuple[Issuer, ...]:
    result = []
    for row in load("issuers.toml")["issuer"]:
        names = list(row["names"])
        names += [f"Bộ trưởng {n}" for n in row["names"] if n.startswith("Bộ ")]  # a circular is the minister's
        result.append(Issuer(code=row["code"], names=tuple(names), party=row.get("party", False)))
    return tuple(result)
