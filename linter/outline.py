"""How a draft was read (``draftlint outline``): its logical lines with their kinds and where each
stands in the file, then its structure: title, sections nested by level, parts and closing.

The draft goes through the same reading and parsing as ``check`` (a Word file through its
paragraphs and table rows, a text file through the normaliser), so what is shown is what the
rules see. A line the structure grammar could not place is marked, as INP002 reports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from . import data
from .i18n import where as words
from .model import Document, Line, Location, Section
from .reporters.terminal import printable, shown_path

_WORDS = {
    "lines": {"vi": "Các dòng", "en": "Lines"},
    "structure": {"vi": "Cấu trúc", "en": "Structure"},
    "line": {"vi": "dòng", "en": "line"},
    "unplaced": {"vi": "không xếp được vào cấu trúc, đọc là", "en": "not placed in the structure, read as"},
    "header": {"vi": "Phần đầu", "en": "Header"},
    "title": {"vi": "Tên loại", "en": "Title"},
    "preamble": {"vi": "Căn cứ, mở đầu", "en": "Preamble"},
    "conclusion": {"vi": "Đoạn kết", "en": "Conclusion"},
    "closing": {"vi": "Phần kết", "en": "Closing"},
    "recipients": {"vi": "nơi nhận: {n} mục", "en": "recipients: {n} items"},
    "signer": {"vi": "người ký", "en": "signer"},
    "none": {"vi": "(không có mục nào)", "en": "(no sections)"},
}


@dataclass(frozen=True)
class Outline:
    path: str
    doc: Document
    locations: tuple[Location, ...] | None  # a Word draft's paragraph / table row for each line of its text

    def where(self, line: Line, lang: str) -> str | None:
        """The Word location of a line in words ("đoạn 12", "table 2, row 3"), None for a text file."""
        if self.locations is None:
            return None
        index = line.first_line - 1
        return words(self.locations[index], lang) if 0 <= index < len(self.locations) else None


def read(path: str) -> Outline:
    """The draft at ``path`` ('-' for standard input) read and parsed; raises InputError."""
    from .front.pipeline import read_document
    from .front.source import read_path, read_stdin

    locations = None
    if path != "-" and path.lower().endswith((".docx", ".doc")):
        from .front.docx import read_docx

        word = read_docx(path)
        text, locations = word.text, word.locations
    else:
        text = read_stdin() if path == "-" else read_path(path)
    doc = read_document(text, path)
    return Outline(path, doc, locations)


def label(kind: str, lang: str) -> str:
    entry = data.load("line_kinds.toml").get(kind)
    return entry[lang] if entry else kind


def as_dict(outline: Outline, lang: str) -> dict:
    """The outline as JSON data: every line (kind, label, where), and the structure as a tree."""
    doc = outline.doc
    unplaced = {u.line.span.start: u.expected_kind for u in doc.unparsed}

    def place(line: Line | None) -> dict | None:
        if line is None:
            return None
        return {"line": line.first_line, "where": outline.where(line, lang), "text": line.text}

    def section(s: Section) -> dict:
        return {"marker": s.marker.raw, "level": s.level, "title": s.title, **place(s.heading),
                "paragraphs": len(s.paragraphs), "children": [section(c) for c in s.children]}

    lines = []
    for line in doc.lines:
        item = {"line": line.first_line, "where": outline.where(line, lang), "kind": line.kind,
                "label": label(line.kind, lang), "text": line.text}
        if line.span.start in unplaced:
            item["unplaced"] = unplaced[line.span.start]
        lines.append(item)
    header = doc.header
    header_lines = [*header.agency, header.national_title, header.motto, header.number, header.place_date,
                    *header.subject]
    closing = doc.closing
    return {
        "path": shown_path(outline.path),
        "lines": lines,
        "header": [place(line) for line in header_lines if line is not None],
        "title": place(doc.title.line) if doc.title else None,
        "summary": place(doc.title.summary) if doc.title and doc.title.summary else None,
        "sections": [section(s) for s in doc.sections],
        "parts": [{**place(p.heading), "sections": [section(s) for s in p.sections]} for p in doc.parts],
        "closing": None if closing is None else {
            "recipients": place(closing.recipients_heading),
            "recipient_items": len(closing.recipients),
            "signer": [place(line) for line in closing.signer],
            "signer_name": place(closing.signer_name),
        },
    }


def write_json(outlines: list[Outline], lang: str, stream: TextIO) -> None:
    json.dump([as_dict(o, lang) for o in outlines], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_text(outline: Outline, lang: str, stream: TextIO) -> None:
    doc = outline.doc
    w = {key: value[lang] for key, value in _WORDS.items()}
    unplaced = {u.line.span.start: u.expected_kind for u in doc.unparsed}

    def where(line: Line) -> str:
        return outline.where(line, lang) or f"{w['line']} {line.first_line}"

    rows = [(where(line), label(line.kind, lang), line.text) for line in doc.lines]
    wide = [max((len(r[i]) for r in rows), default=0) for i in (0, 1)]
    out = [shown_path(outline.path), "", f"{w['lines']}:"]
    for line, (place, kind, text) in zip(doc.lines, rows):
        out.append(f"  {place:<{wide[0]}}  {kind:<{wide[1]}}  {_short(text)}")
        if line.span.start in unplaced:
            out.append(f"  {'':<{wide[0]}}  ↑ {w['unplaced']} {label(line.kind, lang)} "
                       f"({label(unplaced[line.span.start], lang)} ?)")
    out += ["", f"{w['structure']}:"]
    header = doc.header
    header_lines = [line for line in (*header.agency, header.national_title, header.motto, header.number,
                                      header.place_date, *header.subject) if line is not None]
    if header_lines:
        first, last = min(header_lines, key=lambda x: x.first_line), max(header_lines, key=lambda x: x.first_line)
        span = where(first) if where(first) == where(last) else f"{where(first)} – {where(last)}"
        out.append(f"  {w['header']} ({span})")
    if doc.title is not None:
        summary = f" — {_short(doc.title.summary.text)}" if doc.title.summary else ""
        out.append(f"  {w['title']}: {_short(doc.title.line.text)}{summary} ({where(doc.title.line)})")
    if doc.preamble:
        out.append(f"  {w['preamble']} ({where(doc.preamble[0])})")

    def tree(sections, depth: int) -> None:
        for s in sections:
            out.append(f"  {'  ' * depth}{s.marker.raw} {_short(s.title)} ({where(s.heading)})")
            tree(s.children, depth + 1)

    tree(doc.sections, 0)
    for part in doc.parts:
        out.append(f"  {_short(part.heading.text)} ({where(part.heading)})")
        tree(part.sections, 1)
    if not doc.sections and not doc.parts:
        out.append(f"  {w['none']}")
    if doc.conclusion:
        out.append(f"  {w['conclusion']} ({where(doc.conclusion[0])})")
    closing = doc.closing
    if closing is not None:
        pieces = []
        if closing.recipients_heading is not None:
            count = w["recipients"].format(n=len(closing.recipients))
            pieces.append(f"{count} ({where(closing.recipients_heading)})")
        signer = [*closing.signer, *([closing.signer_name] if closing.signer_name else [])]
        if signer:
            pieces.append(f"{w['signer']}: {' / '.join(_short(s.text, 40) for s in signer)} ({where(signer[0])})")
        out.append(f"  {w['closing']}: {'; '.join(pieces)}")
    stream.write("\n".join(printable(line) for line in out) + "\n")


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
