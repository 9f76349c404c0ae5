"""``--fix`` for Word drafts: each edit is written into the w:t elements of the runs it falls in,
so the runs keep their formatting; the rest of the package is copied byte for byte.

document.xml is parsed with lxml (python-docx's XML library, imported only here), which keeps
the namespace prefixes Word needs. An edit that does not fall wholly inside the text of a body
paragraph's runs (a table row, the label Word's automatic numbering draws, a tab or line break)
is declined, and the finding is named so the drafter fixes it by hand.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from .fixes import MAX_PASSES, choose_fixes
from ..rule import Finding

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class DocxFixResult:
    before: str  # the draft's text before and after (for --diff)
    after: str
    applied: int
    declined: list[Finding]
    data: bytes  # the new document.xml


def fix_docx(path: str, lint, unsafe: bool) -> DocxFixResult:
    """Apply the fixes ``lint(DocxText)`` finds, re-linting until stable. Raises InputError for
    a file that cannot be read."""
    from lxml import etree

    from ..front.docx import corrupt, extract, read_parts

    parts = read_parts(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    try:
        root = etree.fromstring(parts["word/document.xml"], parser)
    except (etree.XMLSyntaxError, LookupError, ValueError) as exc:
        raise corrupt(exc) from None
    if root.getroottree().docinfo.internalDTD is not None:
        # Word never writes one, and lxml would serialise the part without it, leaving its
        # entity references undefined: such a file is left for a person to fix.
        from .writeback import WriteError

        raise WriteError("write.doctype")
    applied = 0
    declined: dict[tuple, Finding] = {}
    before = None
    for _ in range(MAX_PASSES):
        segments: list = []
        document = extract(root, parts, segments)
        before = document.text if before is None else before
        findings = [f for f in lint(document) if (f.code, f.location, f.message) not in declined]
        writable = []
        for finding in choose_fixes(findings, unsafe):
            edits = [_narrow(edit.start, edit.end, edit.content, document.text) for edit in finding.fix.edits]
            edits = [e for e in edits if e[0] < e[1] or e[2]]  # what is left of an edit that changed nothing
            if all(_pieces(a, b, segments) is not None for a, b, _ in edits):
                writable.extend(edits)
                applied += 1
            else:
                declined.setdefault((finding.code, finding.location, finding.message), finding)
        if not writable:
            break
        for start, end, content in sorted(writable, reverse=True):
            _write(start, end, content, _pieces(start, end, segments))
    after = extract(root, parts).text
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return DocxFixResult(before, after, applied, list(declined.values()), data)


def _narrow(start: int, end: int, content: str, text: str) -> tuple[int, int, str]:
    """The edit without the characters it leaves as they are (``hổ trợ`` → ``hỗ trợ`` changes only
    ``ổ``), so that it touches as few runs as it can and each keeps its formatting."""
    old = text[start:end]
    head = 0
    while head < min(len(old), len(content)) and old[head] == content[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(content)) - head and old[-1 - tail] == content[-1 - tail]:
        tail += 1
    return start + head, end - tail, content[head:len(content) - tail]


def _pieces(start: int, end: int, segments: list):
    """The w:t pieces an edit covers, contiguous and wholly inside runs' text; None if it is not."""
    if start == end:  # an insertion: inside (or at either end of) one piece
        for a, b, element in segments:
            if a <= start <= b:
                return [(a, b, element)]
        return None
    covered = [(a, b, element) for a, b, element in segments if a < end and start < b]
    if not covered or covered[0][0] > start or covered[-1][1] < end:
        return None
    for (_, b, _), (a, _, _) in zip(covered, covered[1:]):
        if a != b:  # a gap: a tab, a break or a label between the runs
            return None
    return covered


def _write(start: int, end: int, content: str, pieces) -> None:
    first = True
    for a, b, element in pieces:
        text = element.text or ""
        lo, hi = max(start, a) - a, min(end, b) - a
        element.text = text[:lo] + (content if first else "") + text[hi:]
        first = False
        if element.text != element.text.strip():
            element.set(_XML_SPACE, "preserve")


def write_docx(path: str, document_xml: bytes, before=None) -> None:
    """Replace word/document.xml in the package, every other entry copied as it is, each with its
    compression, date and attributes, and the archive's comment; the new package must read back
    before it replaces the draft (see ``writeback.replace``). Raises WriteError."""
    import io

    from .writeback import WriteError, replace

    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
            target.comment = source.comment
            for info in source.infolist():
                data = document_xml if info.filename == "word/document.xml" else source.read(info)
                level = _LEVELS[info.flag_bits >> 1 & 3] if info.compress_type == zipfile.ZIP_DEFLATED else None
                target.writestr(info, data, compress_type=info.compress_type, compresslevel=level)
    except (OSError, zipfile.BadZipFile) as exc:
        raise WriteError("write.failed", reason=getattr(exc, "strerror", None) or str(exc)) from None
    replace(path, buffer.getvalue(), before, verify=_reads_back)


# The deflate level a package's entry was written with, from its general-purpose flag bits 1-2.
_LEVELS = {0: 6, 1: 9, 2: 1, 3: 1}


def _reads_back(temporary: str) -> None:
    from ..front.docx import read_docx
    from ..front.source import InputError
    from .writeback import WriteError

    try:
        read_docx(temporary)
    except InputError as error:
        raise WriteError("write.damaged", reason=error) from None
