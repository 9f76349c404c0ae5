"""The header and the lists of addressees around a draft's body, read as blocks: a header table
flattened by an extraction, the items of a "Kính gửi:" or "Nơi nhận:" list with their wrapped
lines joined, and addressees named again among the recipients."""

from __future__ import annotations

from ..model import Addressees, Document, Line
from ..startup import regex
from ..text.fold import fold
from .lines import source_line_text

_ABBREVIATION_END = regex.compile(r"(?<!\w)(?:TP|Tp|TX|TT|Q|P)\.\Z")


def flattened_header(doc: Document) -> bool:
    """The national title and the motto run into one line, and the number line stands alone: the
    header table was flattened by an extraction that lost the number's neighbour cell; a date line
    missing from it says little."""
    nation, number = doc.header.national_title, doc.header.number
    if nation is None or "Độc lập" not in nation.text or number is None:
        return False
    # A row that kept its (empty) date cell is a date line left out.
    return "|" not in source_line_text(doc, number.first_line)


def list_items(lines) -> list[tuple[Line, str]]:
    """(first line, text) per item of a list: a line with no dash after an item left open continues it."""
    items: list = []
    for line in lines:
        text = line.text.strip().lstrip("*_ ").strip()
        if items and not text.startswith(("-", "–", "+")) and _left_open(items[-1][1]):
            items[-1] = (items[-1][0], items[-1][1] + " " + text)
        else:
            items.append((line, text))
    return items


def _left_open(text: str) -> bool:
    """The item does not end yet: no ";" or "." after it, or only a dash, or a stop that is an
    abbreviation's ("TP.")."""
    return not text.endswith((";", ".")) or text in ("-", "–") or bool(_ABBREVIATION_END.search(text))


def named_again(addressees: Addressees, recipients) -> bool:
    """The addressees are listed by name among the recipients instead of "- Như trên;"."""
    def head(text: str) -> str:
        words = fold(text).strip(" -–;.:").replace("-", " ").split()
        return " ".join(words[:3])
    names = [line.text for line in addressees.items]
    if not names and ":" in addressees.heading.text:
        names = [addressees.heading.text.split(":", 1)[1]]  # "Kính gửi: Sở Kế hoạch và Đầu tư"
    named = {head(r.text) for r in recipients}
    return bool(names) and all(head(n) in named for n in names if n.strip())
