"""The HTML report: one self-contained page that shows each draft's text with its findings marked.

Nothing is fetched (no network, fonts or external scripts) and the page's Content-Security-Policy
allows only its own script, by hash: a draft's text is escaped, and even text that slipped through
could not run. Spans come from the findings' offsets into the text the engine read, so overlapping
findings split the text into segments, each coloured by the most severe finding over it.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape
from typing import TextIO

from ..i18n import t, where
from ..result import RunResult
from ..rule import Finding, Severity
from ..front.source import SourceText
from .text import summary

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CONTEXT = 2  # lines shown around a flagged line when only those are shown
# With findings in this many drafts or more, the page opens on the lines with problems only: over a
# folder a reviewer goes from finding to finding; one draft is read whole.
ONLY_FLAGGED_FROM = 2

_STYLE = """
:root{--error:#c62828;--error-bg:#ffcdd2;--warning:#a15c00;--warning-bg:#ffe0a3;--info:#1565c0;--info-bg:#cfe3fb;
--line:#6b7280;--rule:#e5e7eb;font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#111827}
body{margin:0;background:#f9fafb}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--rule);padding:.6rem 1.2rem}
h1{font-size:1.25rem;margin:0 0 .3rem}
h2{font-size:1.1rem;margin:0}
main{padding:0 1.2rem 3rem}
section{background:#fff;border:1px solid var(--rule);border-radius:6px;margin:1rem 0;padding:.8rem 1rem}
.summary-line{margin:.2rem 0 .4rem}
#filters{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center;font-size:.9rem}
#filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:.4rem}
label{white-space:nowrap;cursor:pointer}
table{border-collapse:collapse;font-size:.88rem}
th,td{border:1px solid var(--rule);padding:.2rem .5rem;text-align:left;vertical-align:top;white-space:nowrap}
td.file{max-width:32em;overflow:hidden;text-overflow:ellipsis}
summary{cursor:pointer}summary h2{display:inline}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.tables{display:flex;flex-wrap:wrap;gap:.8rem 1.5rem;align-items:flex-start;margin-top:.5rem}
.tables h3{font-size:.95rem;margin:0 0 .3rem}
.table-wrap{overflow:auto;scrollbar-gutter:stable;max-width:100%;max-height:50vh}
.table-wrap thead th{position:sticky;top:0;background:#f3f4f6}
ul.clean-files{margin:.5rem 0;padding-left:1.4rem;columns:20em;font-size:.9rem}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;font-weight:600;color:#fff}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
ol.findings{margin:.6rem 0;padding-left:1.6rem;font-size:.92rem}
ol.findings li{margin:.15rem 0}
ol.findings a{color:inherit}
code{font-family:ui-monospace,"Cascadia Mono","DejaVu Sans Mono",monospace;font-size:.86em}
.doc{border-top:1px solid var(--rule);margin-top:.6rem;padding-top:.4rem}
.row{display:grid;grid-template-columns:4.5em minmax(0,1fr) minmax(0,24em);gap:0 .8rem;line-height:1.55}
.row:hover{background:#f3f4f6}
.ln{color:var(--line);text-align:right;font-size:.8rem;padding-top:.15rem;user-select:none}
.tx{white-space:pre-wrap;overflow-wrap:anywhere}
.notes{font-size:.82rem}
.note{display:block;border-left:3px solid;padding:0 .4rem;margin:.1rem 0}
.note.error{border-color:var(--error)}.note.warning{border-color:var(--warning)}.note.info{border-color:var(--info)}
mark{background:none;border-bottom:2px solid transparent;color:inherit;scroll-margin-top:9rem}
mark[data-sev=error]{background:var(--error-bg);border-color:var(--error)}
mark[data-sev=warning]{background:var(--warning-bg);border-color:var(--warning)}
mark[data-sev=info]{background:var(--info-bg);border-color:var(--info)}
mark.caret{display:inline-block;width:.45em;min-height:1.2em;vertical-align:text-bottom}
mark.flash{outline:3px solid #111827;outline-offset:1px}
.anchor{scroll-margin-top:9rem}
.row.blank{line-height:.8;font-size:.7rem}
mark[data-f*=" "]{border-bottom-style:double;border-bottom-width:4px}
section{scroll-margin-top:7rem}
.hidden,.only-flagged .row:not(.flagged):not(.near){display:none}
.only-flagged .row.near{opacity:.65}
.only-flagged .row.gap-before{border-top:1px dashed #9ca3af;margin-top:.4rem;padding-top:.2rem}
.clean{color:#166534}
@media print{header{position:static}.only-flagged .row{display:grid}}
"""

_SCRIPT = """
(function(){
var form=document.getElementById('filters');
function checked(name){var s={};form.querySelectorAll('input[name='+name+']').forEach(function(i){if(i.checked)s[i.value]=1;});return s;}
var rank={error:3,warning:2,info:1};
function apply(){
 var sev=checked('sev'),fam=checked('family'),visible={};
 document.querySelectorAll('[data-finding]').forEach(function(el){
  var ok=sev[el.dataset.sev]&&fam[el.dataset.family];
  if(el.tagName==='LI')visible[el.dataset.finding]=el.dataset.sev;
  if(!ok&&el.tagName==='LI')delete visible[el.dataset.finding];
  el.classList.toggle('hidden',!ok);
 });
 document.querySelectorAll('mark[data-f]').forEach(function(m){
  var best='';m.dataset.f.split(' ').forEach(function(id){var s=visible[id];if(s&&(!best||rank[s]>rank[best]))best=s;});
  if(best)m.dataset.sev=best;else m.removeAttribute('data-sev');
 });
 document.body.classList.toggle('only-flagged',document.getElementById('only-flagged').checked);
}
form.addEventListener('change',apply);
function flash(){
 document.querySelectorAll('mark.flash').forEach(function(m){m.classList.remove('flash');});
 var id=decodeURIComponent(location.hash.slice(1));if(id.indexOf('at-')!==0)return;
 var f=id.slice(3);
 document.querySelectorAll('mark[data-f]').forEach(function(m){if((' '+m.dataset.f+' ').indexOf(' '+f+' ')>=0)m.classList.add('flash');});
}
window.addEventListener('hashchange',flash);
apply();flash();
})();
"""


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def _family(code: str) -> str:
    return code.rstrip("0123456789")


def report(result: RunResult, stream: TextIO) -> None:
    """The page of the run's findings over the texts it kept (``result.texts``)."""
    findings, lang, texts = result.findings, result.lang, result.texts
    linted: dict[str, list[Finding]] = {}
    for path in texts:
        linted[path] = []
    for finding in findings:
        linted.setdefault(finding.path, []).append(finding)
    # Drafts with findings first, in the order they were linted; the clean ones are only listed.
    by_file = {path: items for path, items in linted.items() if items}
    clean = [path for path, items in linted.items() if not items]
    ids = {id(f): f"{n}-{i}" for n, items in enumerate(by_file.values(), 1) for i, f in enumerate(items, 1)}
    out: list[str] = []
    w = out.append
    w(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n')
    w(f'<meta http-equiv="Content-Security-Policy" content="{_csp(_SCRIPT)}">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    only_flagged = len(by_file) >= ONLY_FLAGGED_FROM
    w(f"<title>{escape(t('html.title', lang))}</title>\n<style>{_STYLE}</style>\n</head>\n")
    w('<body class="only-flagged">\n' if only_flagged else "<body>\n")
    w(f"<header>\n<h1>{escape(t('html.title', lang))}</h1>\n")
    w(f'<p class="summary-line">{escape(summary(findings, result.files, lang))}</p>\n')
    _filters(w, findings, only_flagged, lang)
    w("</header>\n<main>\n")
    _summary_tables(w, by_file, lang)
    for n, (path, items) in enumerate(by_file.items(), 1):
        text, locations = texts.get(path, (None, None))
        _file_section(w, n, path, items, text, locations, ids, lang)
    _clean_files(w, clean, lang)
    w(f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    stream.write("".join(out))


def _filters(w, findings: list[Finding], only_flagged: bool, lang: str) -> None:
    severities = Counter(f.severity for f in findings)
    families = Counter(_family(f.code) for f in findings)
    w('<form id="filters">\n')
    w(f"<fieldset><legend>{escape(t('html.severity', lang))}</legend>")
    for severity in _SEVERITIES:
        label = t(f"html.sev.{severity}", lang)
        w(f'<label><input type="checkbox" name="sev" value="{severity}" checked> '
          f'<span class="badge {severity}">{escape(label)}</span> ({severities[severity]})</label>')
    w("</fieldset>\n")
    w(f"<fieldset><legend>{escape(t('html.family', lang))}</legend>")
    for family in sorted(families):
        w(f'<label><input type="checkbox" name="family" value="{escape(family)}" checked> '
          f"<code>{escape(family)}</code> ({families[family]})</label>")
    w("</fieldset>\n")
    checked = " checked" if only_flagged else ""
    w(f'<label><input type="checkbox" id="only-flagged"{checked}> {escape(t("html.only_flagged", lang))}</label>\n')
    w("</form>\n")


def _summary_tables(w, by_file: dict[str, list[Finding]], lang: str) -> None:
    """Two narrow tables that fit a window however many drafts there are: each rule with its count
    and how many drafts it is in, and each draft with its count per severity. Each scrolls in its
    own box when long."""
    w(f'<section id="summary">\n<details open><summary><h2>'
      f'{escape(t("html.summary", lang))}</h2></summary>\n')
    findings = [f for items in by_file.values() for f in items]
    if not findings:
        w(f'<p class="clean">{escape(t("html.no_findings", lang))}</p>\n</details></section>\n')
        return
    counts = Counter(f.code for f in findings)
    spread = Counter(code for items in by_file.values() for code in {f.code for f in items})
    rules = {}
    for f in sorted(findings, key=lambda f: f.code):
        rules.setdefault(f.code, f)
    w(f'<div class="tables">\n<div id="by-rule"><h3>{escape(t("html.by_rule", lang))}</h3><div class="table-wrap"><table>\n')
    w(f"<thead><tr><th>{escape(t('html.rule', lang))}</th><th>{escape(t('html.severity', lang))}</th>"
      f"<th class=\"n\">{escape(t('html.count', lang))}</th><th class=\"n\">{escape(t('html.files', lang))}</th>"
      f"</tr></thead>\n<tbody>\n")
    for code, f in rules.items():
        w(f'<tr><td><code>{escape(code)}</code> {escape(f.name)}</td>'
          f'<td><span class="badge {f.severity}">{escape(t(f"html.sev.{f.severity}", lang))}</span></td>'
          f'<td class="n">{counts[code]}</td><td class="n">{spread[code]}</td></tr>\n')
    w("</tbody></table></div></div>\n")
    w(f'<div id="by-file"><h3>{escape(t("html.by_file", lang))}</h3><div class="table-wrap"><table>\n')
    w(f"<thead><tr><th>{escape(t('html.file', lang))}</th>")
    for severity in _SEVERITIES:
        w(f'<th class="n"><span class="badge {severity}">{escape(t(f"html.sev.{severity}", lang))}</span></th>')
    w(f"<th class=\"n\">{escape(t('html.total', lang))}</th></tr></thead>\n<tbody>\n")
    for n, (path, items) in enumerate(by_file.items(), 1):
        severities = Counter(f.severity for f in items)
        w(f'<tr><td class="file" title="{escape(path)}"><a href="#file-{n}">{escape(_short(path))}</a></td>')
        for severity in _SEVERITIES:
            w(f'<td class="n">{severities[severity] or ""}</td>')
        w(f'<td class="n">{len(items)}</td></tr>\n')
    w("</tbody></table></div></div>\n</div>\n</details></section>\n")


def _clean_files(w, paths: list[str], lang: str) -> None:
    """The drafts with no findings, collapsed into one list."""
    if not paths:
        return
    w(f'<section id="clean-files">\n<details><summary><h2>'
      f'{escape(t("html.clean_files", lang, n=len(paths)))}</h2></summary>\n<ul class="clean-files">\n')
    for path in paths:
        w(f"<li>{escape(path)}</li>\n")
    w("</ul>\n</details></section>\n")


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _where(f: Finding, lang: str) -> str:
    return where(f.location, lang) if f.location else t("html.at", lang, line=f.line, column=f.column)


def _jump(fid: str, label: str, has_text: bool) -> str:
    return f'<a href="#at-{fid}">{escape(label)}</a>' if has_text else escape(label)


def _file_section(w, n: int, path: str, items: list[Finding], text: str | None, locations: list | None,
                  ids: dict[int, str], lang: str) -> None:
    w(f'<section class="file" id="file-{n}">\n<h2>{escape(path)} ')
    counts = Counter(f.severity for f in items)
    for severity in _SEVERITIES:
        if counts[severity]:
            w(f'<span class="badge {severity}">{counts[severity]} {escape(t(f"html.sev.{severity}", lang))}</span> ')
    w("</h2>\n")
    w('<ol class="findings">\n')
    for f in items:
        fid = ids[id(f)]
        w(f'<li id="item-{fid}" data-finding="{fid}" data-sev="{f.severity}" data-family="{escape(_family(f.code))}">'
          f'{_jump(fid, _where(f, lang), text is not None)} '
          f'<span class="badge {f.severity}">{escape(f.code)}</span> {escape(f.message)}</li>\n')
    w("</ol>\n")
    if text is not None:
        _document(w, n, text, locations, items, ids, lang)
    w("</section>\n")


def _document(w, n: int, text: str, locations: list | None, items: list[Finding], ids: dict[int, str], lang: str) -> None:
    source = SourceText(text)
    lines = source.physical_lines()
    starts_on: dict[int, list[Finding]] = {}
    for f in items:
        starts_on.setdefault(min(f.line, len(lines)) - 1, []).append(f)
    # Findings by the lines they cover (a span may run over several lines).
    covering: dict[int, list[Finding]] = {}
    for f in items:
        for index in range(max(f.line, 1) - 1, min(max(f.end_line, f.line), len(lines))):
            covering.setdefault(index, []).append(f)
    # "Only lines with problems" keeps a little context around each: the lines just before and after.
    near = {i for index in covering for i in range(index - CONTEXT, index + CONTEXT + 1)}
    w('<div class="doc">\n')
    for index, (start, end) in enumerate(lines):
        here = covering.get(index, [])
        label = where(locations[index], lang) if locations and index < len(locations) else str(index + 1)
        flagged = " flagged" if here else " near" if index in near else ""
        if start == end or not text[start:end].strip():
            flagged += " blank"
        if (here or index in near) and index - 1 not in near and index > 0:
            flagged += " gap-before"  # lines are hidden above this one when only flagged lines show
        w(f'<div class="row{flagged}" id="line-{n}-{index + 1}"><span class="ln">{escape(label)}</span>'
          f'<span class="tx">')
        w(_highlight(text, start, end, here, ids))
        w('</span><span class="notes">')
        for f in starts_on.get(index, []):
            fid = ids[id(f)]
            w(f'<span class="note {f.severity}" data-finding="{fid}" data-sev="{f.severity}" '
              f'data-family="{escape(_family(f.code))}"><a href="#item-{fid}"><code>{escape(f.code)}</code></a> '
              f"{escape(f.message)}</span>")
        w("</span></div>\n")
    w("</div>\n")


def _highlight(text: str, start: int, end: int, findings: list[Finding], ids: dict[int, str]) -> str:
    """The line text[start:end] with a <mark> over each stretch findings cover and an anchor
    where each finding starts; an empty span is a caret."""
    if not findings:
        return escape(text[start:end])
    points = {start, end}
    spans = []
    for f in findings:
        a = min(max(f.start, start), end)
        spans.append((f, a, max(min(f.end, end), a)))
        points.update(spans[-1][1:])
    cuts = sorted(points)
    # One sweep over the cuts: the spans starting and ending at each, and those covering the piece after it.
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i, (_, a, b) in enumerate(spans):
        starting.setdefault(a, []).append(i)
        if a < b:
            ending.setdefault(b, []).append(i)
    active: set[int] = set()
    out = []
    anchored = set()

    def title(group) -> str:
        return escape("\n".join(f"{f.code}: {f.message}" for f in group))

    for position, following in zip(cuts, cuts[1:] + [None]):
        here = starting.get(position, ())
        for i in here:
            f = spans[i][0]
            if f.start >= start and id(f) not in anchored:  # else it began on an earlier line
                anchored.add(id(f))
                out.append(f'<span class="anchor" id="at-{ids[id(f)]}"></span>')
        active.difference_update(ending.get(position, ()))
        empty = [spans[i][0] for i in here if spans[i][1] == spans[i][2]]
        if empty:
            out.append(f'<mark class="caret" data-f="{" ".join(ids[id(f)] for f in empty)}" '
                       f'data-sev="{_worst(empty)}" title="{title(empty)}"></mark>')
        if following is None:
            break
        active.update(i for i in here if spans[i][1] < spans[i][2])
        piece = escape(text[position:following])
        group = [spans[i][0] for i in sorted(active)]
        if group:
            out.append(f'<mark data-f="{" ".join(ids[id(f)] for f in group)}" data-sev="{_worst(group)}" '
                       f'title="{title(group)}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _worst(findings: list[Finding]) -> str:
    return str(max(f.severity for f in findings))
