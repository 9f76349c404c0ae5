"""What kind of document a draft is — a typed document (Kế hoạch, Quyết định …), a công văn, a
Party document — read from its title, its ``V/v`` line, its ``Số:`` symbol and its header, so
the formatting rules apply only what applies to it."""

from __future__ import annotations

from dataclasses import dataclass

from .. import data
from ..text.fold import fold
from ..model import Document


@dataclass(frozen=True)
class DocType:
    type_name: str | None  # "Kế hoạch", "Quyết định" … from the title line; None for a công văn
    type_codes: tuple[str, ...]  # the codes its number-symbol may carry (KH for Kế hoạch)
    cong_van: bool  # no type title, and a V/v line or a Kính gửi under a number line
    party: bool
    has_header: bool  # the draft has a header at all (a pasted extract may not)


def doctype(doc: Document) -> DocType:
    return doc.derived("doctype", _doctype)


def _doctype(doc: Document) -> DocType:
    header = doc.header
    has_header = bool(header.agency or header.national_title or header.motto or header.number or header.place_date)
    type_name, codes = None, ()
    if doc.title is not None:
        title = fold(doc.title.line.text)
        for entry in sorted(data.document_types(), key=lambda t: len(t.name), reverse=True):
            name = fold(entry.name)
            if title == name or title.startswith(name + " "):
                type_name, codes = entry.name, entry.codes
                break
    addressed = header.addressees is not None or (doc.title is not None and doc.title.addressees is not None)
    cong_van = type_name is None and (bool(header.subject) or (header.number is not None and addressed))
    return DocType(type_name, codes, cong_van, doc.is_party, has_header)
