"""Reference tables shipped with draftlint as TOML data files, loaded once on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class DocumentType:
    name: str
    code: str
    title: bool


def load(name: str) -> dict:
    """Parse one data file of this package."""
    import tomllib

    with open(_HERE / name, "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=None)
def document_types() -> tuple[DocumentType, ...]:
    return tuple(
        DocumentType(name=row["name"], code=row["code"], title=row.get("title", False))
        for row in load("document_types.toml")["type"]
    )
