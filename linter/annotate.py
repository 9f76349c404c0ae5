"""Word comments out: a copy of a .docx draft with one comment per finding, anchored on the
paragraph or table row it is about (author "draftlint", the code and the message). The original
file is never written to. python-docx is imported only here, when ``--annotate`` is asked for."""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path

from . import regex, writeback

_PARAGRAPH = regex.compile(r"đoạn (\d+)\Z")
_ROW = regex.compile(r"bảng (\d+), hàng (\d+)\Z")


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
    paragraph)."""
    from docx import Document

    document = Document(source)
    paragraphs = document.paragraphs
    tables = document.tables
    written = skipped = 0
    for finding in findings:
        runs = _runs(finding.locator, paragraphs, tables, finding)
        if not runs:
            skipped += 1
            continue
        document.add_comment(runs, text=f"{finding.code}: {finding.message}", author="draftlint", initials="DL")
        written += 1
    folder = Path(target).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)  # a draft's sub-folder inside the output folder (which exists)
    data = io.BytesIO()
    document.save(data)
    writeback.replace(target, data.getvalue(), mode=stat.S_IMODE(os.stat(source).st_mode))
    return written, skipped


def _runs(locator, paragraphs, tables, finding):
    """The runs a finding's comment spans: those of its paragraph that hold its text (all of
    them when the text cannot be placed), or the first cell of its table row."""
    if locator is None:
        return []
    m = _PARAGRAPH.match(locator)
    if m:
        index = int(m.group(1)) - 1
        if not 0 <= index < len(paragraphs):
            return []
        return _covering(paragraphs[index].runs, finding)
    m = _ROW.match(locator)
    if m:
        t, r = int(m.group(1)) - 1, int(m.group(2)) - 1
        if not (0 <= t < len(tables) and 0 <= r < len(tables[t].rows)):
            return []
        for cell in tables[t].rows[r].cells:
            runs = [run for p in cell.paragraphs for run in p.runs if run.text]
            if runs:
                return runs
    return []


def _covering(runs, finding):
    """The runs under the finding's columns (its line is the paragraph's text, maybe after a
    numbering label the runs do not hold); every run when the columns fall outside them."""
    runs = [run for run in runs if run.text]
    text = "".join(run.text for run in runs)
    quoted = re.search(r"“([^”]{3,60})”", finding.message)
    start = text.find(quoted.group(1)) if quoted else -1
    if start < 0:
        return runs
    end = start + len(quoted.group(1))
    chosen, offset = [], 0
    for run in runs:
        if offset < end and start < offset + len(run.text):
            chosen.append(run)
        offset += len(run.text)
    return chosen or runs
