"""Precision of every rule on real documents, against the verdicts a reviewer gave.

Lints the development corpus and the seeds (``../shared/corpus`` and ``../shared/seeds``, or the
folder named by ``DRAFTLINT_SHARED``) with every rule on, including those off by default, and
matches each finding to a verdict in ``tests/corpus/verdicts/<file stem>.toml``::

    [[finding]]
    code = "FMT005"
    line = 41
    text = "- Như trên,"            # the text the finding flags, as written (first 60 characters)
    verdict = "true"                # true | false | noise | extraction
    why = "ends with a comma"
    message = "…"                   # the message when the verdict was given (for the reader only)

``true``: a reviewer would act on it; ``false``: wrong; ``noise``: right in the letter but
nobody would act on it; ``extraction``: caused by how the text was extracted (OCR, PDF layout,
crawler Markdown), not by the draft. Precision is true / (true + false + noise); extraction
findings are counted apart. Verdicts are given by reading the document, never by a script:
``--pending`` only writes the findings that have none yet, with an empty verdict, for a
reviewer to fill in.

    python benchmarks/precision.py              # table per rule and family, findings without a verdict
    python benchmarks/precision.py --pending    # append those findings to the verdict files, verdict ""
    python benchmarks/precision.py --stale      # verdicts that match no finding any more
    python benchmarks/precision.py --prune      # remove those verdicts
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ROOT / "tests" / "corpus" / "verdicts"
VERDICT_KINDS = ("true", "false", "noise", "extraction")
TEXT_CHARS = 60
# A default-on rule must hold this precision; an error rule the higher one. Below MIN_FINDINGS
# judged findings one wrong finding moves the figure by ten points or more: such a rule is judged
# on its cases and on reading its findings (the figure is still printed, with its count).
DEFAULT_PRECISION = 0.90
ERROR_PRECISION = 0.95
MIN_FINDINGS = 10
# Rules off by default as a matter of an office's policy, not of precision: not measured.
POLICY_RULES = {"TSK004": "a deadline for every task is a policy some offices adopt"}


def shared_folder() -> Path:
    return Path(os.environ.get("DRAFTLINT_SHARED", ROOT.parent / "shared"))


def document_folders() -> list[Path]:
    shared = shared_folder()
    return [p for p in (shared / "corpus", shared / "seeds") if p.is_dir()]


@dataclass(frozen=True)
class Finding:
    file: str
    code: str
    line: int
    column: int
    text: str
    message: str
    severity: str


@dataclass
class Verdict:
    file: str
    code: str
    line: int
    text: str
    verdict: str
    why: str
    message: str = ""
    used: bool = field(default=False, compare=False)


def _span_text(lines: list[str], f: dict) -> str:
    first, last = f["line"] - 1, f["end_line"] - 1
    if first >= len(lines):
        return ""
    if first == last:
        text = lines[first][f["column"] - 1:f["end_column"] - 1]
    else:
        parts = [lines[first][f["column"] - 1:]] + lines[first + 1:last] + [lines[min(last, len(lines) - 1)][:f["end_column"] - 1]]
        text = " ".join(p.strip() for p in parts)
    return " ".join(text.split())[:TEXT_CHARS]


def lint(folders: list[Path]) -> list[Finding]:
    """Every finding of every rule (on by default or not) on the files of ``folders``."""
    from draftlint.registry import all_rules

    codes = ",".join(sorted(set(all_rules()) - set(POLICY_RULES)))
    run = subprocess.run(
        [sys.executable, "-m", "draftlint.cli", "check", "--format", "json", "--select", codes, "--jobs", "1",
         *map(str, folders)],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    if run.returncode not in (0, 1):
        raise SystemExit(f"draftlint failed ({run.returncode}): {run.stderr.strip()}")
    found = []
    texts: dict[str, list[str]] = {}
    for f in json.loads(run.stdout):
        path = Path(f["path"])
        if not path.is_absolute():
            path = ROOT / path
        if str(path) not in texts:
            # Columns count code points of the NFC text.
            raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
            texts[str(path)] = [unicodedata.normalize("NFC", line) for line in raw]
        found.append(Finding(path.name, f["code"], f["line"], f["column"], _span_text(texts[str(path)], f),
                             f["message"], f["severity"]))
    return found


def verdict_path(file: str) -> Path:
    return VERDICTS / (Path(file).stem + ".toml")


def load_verdicts() -> dict[str, list[Verdict]]:
    out: dict[str, list[Verdict]] = {}
    for path in sorted(VERDICTS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        file = data.get("file", path.stem + ".txt")
        out[file] = [Verdict(file, v["code"], int(v["line"]), v.get("text", ""), v.get("verdict", ""),
                             v.get("why", ""), v.get("message", "")) for v in data.get("finding", [])]
    return out


def match(findings: list[Finding], verdicts: dict[str, list[Verdict]]) -> list[tuple[Finding, Verdict | None]]:
    index: dict[tuple, Verdict] = {}
    for file, items in verdicts.items():
        for v in items:
            index.setdefault((file, v.code, v.line, v.text), v)
    pairs = []
    for f in findings:
        v = index.get((f.file, f.code, f.line, f.text))
        if v is not None and v.verdict in VERDICT_KINDS:
            v.used = True
            pairs.append((f, v))
        else:
            if v is not None:
                v.used = True
            pairs.append((f, None))
    return pairs


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)

    @property
    def judged(self) -> int:
        return self.counts["true"] + self.counts["false"] + self.counts["noise"]

    @property
    def precision(self) -> float | None:
        return self.counts["true"] / self.judged if self.judged else None


def tallies(pairs) -> tuple[dict[str, Tally], int]:
    per_rule: dict[str, Tally] = defaultdict(Tally)
    missing = 0
    for f, v in pairs:
        if v is None:
            missing += 1
            per_rule[f.code].counts["missing"] += 1
        else:
            per_rule[f.code].counts[v.verdict] += 1
    return per_rule, missing


def rule_table(per_rule: dict[str, Tally]):
    """(code, severity, default on, Tally) for every registered rule."""
    from draftlint.registry import all_rules

    rules = all_rules()
    return [(code, rules[code].severity.name.lower(), rules[code].default_enabled, per_rule.get(code, Tally()))
            for code in sorted(rules) if code not in POLICY_RULES]


def gate_failures(per_rule: dict[str, Tally]) -> list[str]:
    """The default-on rules below the precision they must hold, and the default set as a whole."""
    failures = []
    total = Tally()
    for code, severity, on, tally in rule_table(per_rule):
        if not on:
            continue
        total.counts.update(tally.counts)
        p = tally.precision
        if p is None or tally.judged < MIN_FINDINGS:
            continue
        need = ERROR_PRECISION if severity == "error" else DEFAULT_PRECISION
        if p < need:
            failures.append(f"{code} ({severity}) {p:.0%} on {tally.judged} findings, needs {need:.0%}")
    if total.precision is not None and total.precision < DEFAULT_PRECISION:
        failures.append(f"all default findings {total.precision:.0%} on {total.judged}, needs {DEFAULT_PRECISION:.0%}")
    return failures


def _pct(p: float | None) -> str:
    return "—" if p is None else f"{p:.0%}"


def report(pairs) -> str:
    per_rule, missing = tallies(pairs)
    rows = rule_table(per_rule)
    out = [f"{'code':8} {'sev':8} {'on':3} {'true':>5} {'false':>5} {'noise':>5} {'extr':>5} {'none':>5} {'prec':>6}"]
    families: dict[str, Tally] = defaultdict(Tally)
    default, everything = Tally(), Tally()
    for code, severity, on, t in rows:
        c = t.counts
        if not sum(c.values()):
            continue
        out.append(f"{code:8} {severity:8} {'yes' if on else 'no':3} {c['true']:5} {c['false']:5} {c['noise']:5} "
                   f"{c['extraction']:5} {c['missing']:5} {_pct(t.precision):>6}")
        families[code[:3]].counts.update(c)
        everything.counts.update(c)
        if on:
            default.counts.update(c)
    out.append("")
    out.append("family   all rules            default rules")
    default_fam: dict[str, Tally] = defaultdict(Tally)
    for code, _, on, t in rows:
        if on:
            default_fam[code[:3]].counts.update(t.counts)
    for fam in sorted(families):
        a, d = families[fam], default_fam[fam]
        out.append(f"{fam:8} {_pct(a.precision):>5} of {a.judged:4}        {_pct(d.precision):>5} of {d.judged:4}")
    out.append(f"{'all':8} {_pct(everything.precision):>5} of {everything.judged:4}        "
               f"{_pct(default.precision):>5} of {default.judged:4}")
    ex = everything.counts["extraction"]
    out.append(f"extraction findings: {ex} (all rules), {default.counts['extraction']} (default rules)")
    out.append(f"findings without a verdict: {missing}")
    return "\n".join(out)


TABLE = ROOT / "linter" / "data" / "precision.toml"


def table_text(per_rule: dict[str, Tally], when: str) -> str:
    """The measured precision of every rule, as the data file ``draftlint rules`` and the README show."""
    out = ["# Precision of each rule on real documents: the development corpus (43 documents) and the five",
           "# seeds, every finding read by a reviewer (tests/corpus/verdicts). Written by",
           "# `python benchmarks/precision.py --write-table`; extraction artefacts are not counted.",
           f'measured = "{when}"', ""]
    for code, _, _, tally in rule_table(per_rule):
        c = tally.counts
        out.append(f"[{code}]\njudged = {tally.judged}\ntrue = {c['true']}\n")
    return "\n".join(out)


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_pending(pairs) -> int:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f, v in pairs:
        if v is None:
            by_file[f.file].append(f)
    VERDICTS.mkdir(parents=True, exist_ok=True)
    written = 0
    known = {(v.file, v.code, v.line, v.text) for vs in load_verdicts().values() for v in vs}
    for file, items in sorted(by_file.items()):
        path = verdict_path(file)
        chunks = [] if path.exists() else [f"file = {_toml_str(file)}\n"]
        seen = set()
        for f in sorted(items, key=lambda f: (f.line, f.column, f.code)):
            key = (f.file, f.code, f.line, f.text)
            if key in known or key in seen:
                continue
            seen.add(key)
            chunks.append(f"\n[[finding]]\ncode = {_toml_str(f.code)}\nline = {f.line}\ntext = {_toml_str(f.text)}\n"
                          f"verdict = \"\"\nwhy = \"\"\nmessage = {_toml_str(f.message)}\n")
            written += 1
        with path.open("a", encoding="utf-8") as out:
            out.write("".join(chunks))
    return written


def stale(verdicts: dict[str, list[Verdict]]) -> list[Verdict]:
    return [v for items in verdicts.values() for v in items if not v.used]


def prune(verdicts: dict[str, list[Verdict]]) -> int:
    removed = 0
    for file, items in verdicts.items():
        keep = [v for v in items if v.used]
        removed += len(items) - len(keep)
        if len(keep) == len(items):
            continue
        text = [f"file = {_toml_str(file)}\n"]
        for v in keep:
            text.append(f"\n[[finding]]\ncode = {_toml_str(v.code)}\nline = {v.line}\ntext = {_toml_str(v.text)}\n"
                        f"verdict = {_toml_str(v.verdict)}\nwhy = {_toml_str(v.why)}\nmessage = {_toml_str(v.message)}\n")
        verdict_path(file).write_text("".join(text), encoding="utf-8")
    return removed


def measure():
    """(pairs, verdicts) for the documents found; pairs is empty when there are none."""
    folders = document_folders()
    verdicts = load_verdicts()
    if not folders:
        return [], verdicts
    return match(lint(folders), verdicts), verdicts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pending", action="store_true", help="append findings without a verdict to the verdict files")
    ap.add_argument("--stale", action="store_true", help="list verdicts that match no finding")
    ap.add_argument("--prune", action="store_true", help="remove verdicts that match no finding")
    ap.add_argument("--list", action="store_true", help="list the findings without a verdict")
    ap.add_argument("--write-table", action="store_true", help=f"write the per-rule figures to {TABLE.name}")
    args = ap.parse_args(argv)
    if not document_folders():
        print(f"no documents: {shared_folder()} has no corpus/ or seeds/", file=sys.stderr)
        return 2
    pairs, verdicts = measure()
    if args.pending:
        print(f"{write_pending(pairs)} findings written with an empty verdict to {VERDICTS}")
        return 0
    if args.stale or args.prune:
        old = stale(verdicts)
        for v in old:
            print(f"{v.file}:{v.line}: {v.code} {v.verdict:10} {v.text}")
        if args.prune:
            print(f"{prune(verdicts)} stale verdicts removed")
        return 0
    if args.write_table:
        import datetime

        TABLE.write_text(table_text(tallies(pairs)[0], datetime.date.today().isoformat()), encoding="utf-8")
        print(f"written: {TABLE}")
    print(report(pairs))
    failures = gate_failures(tallies(pairs)[0])
    if failures:
        print("\nbelow the precision they must hold:")
        print("\n".join("  " + f for f in failures))
    if args.list:
        for f, v in pairs:
            if v is None:
                print(f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
