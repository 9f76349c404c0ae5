"""Word comments out: a copy of a .docx draft with one comment per finding, anchored on the
characters it is about (author "draftlint", the code and the message). The original
file is never written to. python-docx is imported only here, when ``--annotate`` is asked for."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Iterator, NamedTuple

from ..fix import writeback
from ..i18n import os_error
from ..result import RunResult


class Copy(NamedTuple):
    """An annotated copy: where, how many comments it got, how many findings could not be anchored,
    and why it could not be written (None when it was)."""

    path: str
    comments: int
    skipped: int
    failure: str | None


def report(result: RunResult) -> Iterator[Copy]:
    """Write the commented copy of each Word draft the run names (``result.annotations``), one
    after the other; a failure is worded in the report's language."""
    for source, target in result.annotations:
        try:
            written, skipped = annotate(source, target, [f for f in result.findings if f.path == source])
        except Exception as exc:  # a file python-docx cannot open, a target that cannot be written
            if isinstance(exc, writeback.WriteError):
                reason = exc.text(result.lang)
            else:
                reason = os_error(exc)[result.lang] if isinstance(exc, OSError) else str(exc)
            yield Copy(target, 0, 0, reason)
            continue
        yield Copy(target, written, skipped, None)


class AnnotateError(Exception):
    """Where the annotated copies would go is wrong: the key of its message and the message's values."""

    def __init__(self, key: str, **args) -> None:
        super().__init__(key)
        self.key, self.values = key, args


def targets(drafts: list[str], output: str) -> list[tuple[str, str]]:
    """Each Word draft with the path of its annotated copy. ``output`` is the copy itself for one
    draft when it names a .docx file; otherwise it is an existing folder, and each copy keeps its
    draft's name there (and its sub-folder, below the folder the drafts share). Raises
    AnnotateError before anything is written."""
    folder = Path(output)
    if len(drafts) == 1 and output.lower().endswith(".docx") and not folder.is_dir():
        if not folder.resolve().parent.is_dir():
            raise AnnotateError("error.annotate_parent", path=output, folder=str(folder.parent))
        pairs = [(drafts[0], output)]
    else:
        if not folder.is_dir():
            special = folder.exists() and not folder.is_file()
            raise AnnotateError("error.annotate_not_regular" if special else "error.annotate_folder", path=output)
        common = os.path.commonpath([os.path.dirname(os.path.abspath(d)) for d in drafts])
        pairs = [(d, str(folder / os.path.relpath(os.path.abspath(d), common))) for d in drafts]
    originals = {Path(d).resolve(): d for d in drafts}
    for _, target in pairs:
        if os.path.exists(target) and not os.path.isfile(target):  # a device is never replaced by a copy
            raise AnnotateError("error.annotate_not_regular", path=target)
        if Path(target).resolve() in originals:
            raise AnnotateError("error.annotate_overwrite", path=target, draft=originals[Path(target).resolve()])
    return pairs


def annotate(source: str, target: str, findings) -> tuple[int, int]:
    """Write ``target``: ``source`` with a comment per finding, with the draft's permissions.
    Returns (comments written, findings that could not be anchored, such as one on an empty
    paragraph).

    Each comment is anchored on the finding's own characters, found through the reader's w:t
    pieces (as ``--fix`` writes), its runs split where the span starts and ends; on the whole line
    (paragraph, or table row) when the span is on none of its text, such as a numbering label."""
    from docx import Document
    from docx.text.run import Run

    from ..front.docx import extract, parse, read_parts

    document = Document(source)
    root = document.element
    parts = read_parts(source)
    segments: list = []
    text = extract(root, parts, segments, tables=True).text
    if text != extract(parse(parts["word/document.xml"]), parts).text:
        segments = []  # read otherwise than the findings were: anchor on nothing rather than elsewhere
    ranges = [_range(finding, segments, text) for finding in findings]
    _split_runs(segments, {offset for r in ranges if r for offset in r})
    segments = []
    extract(root, parts, segments, tables=True)
    written = skipped = 0
    for finding, span in zip(findings, ranges):
        covered = [element for a, b, element in segments if span and span[0] <= a and b <= span[1] and a < b]
        if not covered:
            skipped += 1
            continue
        runs = [Run(covered[0].getparent(), document), Run(covered[-1].getparent(), document)]
        document.add_comment(runs, text=f"{finding.code}: {finding.message}", author="draftlint", initials="DL")
        written += 1
    folder = Path(target).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)  # a draft's sub-folder inside the output folder (which exists)
    data = io.BytesIO()
    document.save(data)
    writeback.replace(target, data.getvalue(), mode=stat.S_IMODE(os.stat(source).st_mode))
    return written, skipped


def _range(finding, segments: list, text: str) -> tuple[int, int] | None:
    """The offsets a finding's comment covers: its span, narrowed to the runs' text it falls on;
    an empty span covers the character it stands before (or after, at a line's end); a span on
    no run's text, its whole line. None when the line has no run text either."""
    start, end = finding.start, finding.end
    if start == end:
        start, end = (start, start + 1) if start < len(text) and text[start] != "\n" else (start - 1, start)
    on = [(a, b) for a, b, _ in segments if a < end and start < b]
    if on:
        return max(start, on[0][0]), min(end, on[-1][1])
    line_start = text.rfind("\n", 0, max(finding.start, 0)) + 1
    line_end = text.find("\n", line_start)
    line = [(a, b) for a, b, _ in segments if line_start <= a and b <= (line_end if line_end >= 0 else len(text))]
    return (line[0][0], line[-1][1]) if line else None


def _split_runs(segments: list, offsets: set[int]) -> None:
    """Split the runs at each offset that falls inside a w:t's text, so that a comment can start
    or end there (a comment covers whole runs); each part keeps the run's formatting."""
    for a, b, element in segments:
        for cut in sorted((o - a for o in offsets if a < o < b), reverse=True):
            _split(element, cut)


def _split(t, cut: int) -> None:
    """Part ``t``'s run in two after ``cut`` characters of ``t``: what precedes the cut stays in
    the run, the rest goes into a copy of it inserted after."""
    from copy import deepcopy

    run = t.getparent()
    children = list(run)
    index = children.index(t)
    after = deepcopy(run)
    for child in children[index + 1:]:
        run.remove(child)
    copied = list(after)
    for child in copied[:index]:
        if child.tag != _RUN_PROPERTIES:
            after.remove(child)
    whole = t.text or ""
    t.text, copied[index].text = whole[:cut], whole[cut:]
    for element in (t, copied[index]):
        element.set(_XML_SPACE, "preserve")
    run.addnext(after)


_RUN_PROPERTIES = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
