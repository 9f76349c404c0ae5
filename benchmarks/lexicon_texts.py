"""The official texts of ``../shared/lexicon`` (public domain; see its README), read one by one from
their archive: what the data-building scripts count in."""

from __future__ import annotations

import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "lexicon" / "official-texts.tar.xz"


def official_texts(archive: Path = ARCHIVE):
    """Each text of the archive, NFC."""
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                yield unicodedata.normalize("NFC", tar.extractfile(member).read().decode("utf-8"))


def paths(argv: list[str], default_output: str) -> tuple[Path, Path]:
    """The archive and the output a script was given (``[archive [output]]``), or the defaults."""
    archive = Path(argv[0]) if argv else ARCHIVE
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "linter" / "data" / default_output
    return archive, out
