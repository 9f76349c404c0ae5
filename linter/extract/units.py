"""Unit names in a draft's text, and which of them a sentence names as leading the work.

A unit is a head and its name ("Sở Y tế", "Văn phòng Sở", "Công an tỉnh", "UBND các
huyện"), or a collective that names all units of a kind ("các phòng chuyên môn", "các sở,
ban, ngành"), either optionally after a person's title ("Trưởng các phòng", "Giám đốc
Sở"). The vocabulary lives in ``data/units.toml``.

A sentence names its lead units as its subject ("Phòng Người có công tham mưu …", also after
an opening clause: "Căn cứ chức năng, nhiệm vụ, các phòng … triển khai"), after "Giao …"
("Giao Văn phòng Sở chủ trì …"), before "chủ trì", or in a closing parenthesis ("(Văn phòng
Sở thực hiện)"). A unit after "phối hợp với", "của", "về" is not a lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..startup import regex

_UPPER = "A-ZÀ-ỸĐ"  # a capital letter (Latin and Vietnamese) opens a unit's name


@dataclass(frozen=True)
class UnitMention:
    start: int  # offsets into the text searched
    end: int  # the end of the head and the first word of its name
    collective: bool  # names every unit of a kind ("các phòng", "UBND các huyện")


def _variants(word: str) -> set[str]:
    """A word in both tone placements: "Ủy ban" and "Uỷ ban", "Đảng ủy" and "Đảng uỷ"."""
    pairs = (("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hòa", "hoà"), ("Hòa", "Hoà"))
    result = {word}
    for new, old in pairs:
        result |= {w.replace(new, old) for w in result} | {w.replace(old, new) for w in result}
    return result


def _alternation(words) -> str:
    from ..text.phrases import WIDE_SPACE, alternation

    return alternation({v for w in words for v in _variants(w)}, space=WIDE_SPACE)


@dataclass(frozen=True)
class _Patterns:
    unit: re.Pattern
    marker: re.Pattern
    opener: re.Pattern
    assigning: re.Pattern
    authoring: re.Pattern
    work_heading: re.Pattern
    outline_work_heading: re.Pattern
    organisation_heading: re.Pattern


@lru_cache(maxsize=None)
def patterns() -> _Patterns:
    table = data.load("units.toml")
    heads, places = _alternation(table["heads"]), _alternation(table["places"])
    collectives, titles = _alternation(table["collectives"]), _alternation(table["titles"])
    named = rf"(?:{heads})(?=[ \t]+(?:[{_UPPER}]|(?:{places})\b))[ \t]+\S+"
    # "các phòng chuyên môn", "các sở, ban, ngành"; "Sở, ban, ngành liên quan" names the same all at once.
    collective = rf"(?:[Cc]ác[ \t]+(?i:{collectives})\b|Sở,[ \t]*ban,[ \t]*ngành\b|Sở,[ \t]*ngành\b)"
    titled = rf"(?:{titles})[ \t]+[{_UPPER}]\S*"  # "Giám đốc Sở", "Chủ tịch UBND tỉnh"
    unit = regex.compile(rf"(?:(?:{titles})[ \t]+)?(?:(?P<collective>{collective})|{named})|{titled}")
    headings = table["task-headings"]
    heading = r"\A\s*+(?:(?:các|một\s+số|những)\s+)?(?:{})\b"  # matched at 0 only
    return _Patterns(
        unit=unit,
        marker=regex.compile(rf"(?=[ĐđCcBbTtPp])(?<!\w)(?P<label>{_alternation(table['markers'])})[ \t]*:[ \t]*+", re.I),
        opener=regex.compile(rf"(?:{_alternation(table['openers'])})\b"),
        assigning=regex.compile(rf"(?:{_alternation(table['assigning'])})[ \t]+", re.I),  # after blanks
        authoring=regex.compile(rf"(?:{_alternation(table['authoring'])})\b", re.I),
        work_heading=regex.compile(heading.format(_alternation(headings["work"])), re.I),
        outline_work_heading=regex.compile(heading.format(_alternation(headings["work-outline"])), re.I),
        organisation_heading=regex.compile(heading.format(_alternation(headings["organisation"])), re.I),
    )


_NAME_END = regex.compile(r"[,;:.()\[\]]")
_PLURAL = regex.compile(r"(?<!\w)(?:các|những|toàn thể|tất cả)(?!\w)", re.I)


def unit_at(text: str, pos: int) -> UnitMention | None:
    """The unit named at ``pos`` (title, head and the first word of its name), or None."""
    m = patterns().unit.match(text, pos)
    if m is None:
        return None
    stop = _NAME_END.search(text, m.start(), m.start() + 120)
    name = text[m.start(): stop.start() if stop else m.start() + 120]
    return UnitMention(m.start(), m.end(), bool(m["collective"] or _PLURAL.search(name)))


# Clause starts: after ". ; ! ?", a spaced dash ("Bố trí kinh phí - Sở Tài chính thực hiện") and a
# colon ("Hỗ trợ nhà ở: Sở Xây dựng chủ trì"), unless the colon opens a list of partners or members.
# Each pattern here that is searched starts with a character class, then looks behind it: ``re``
# skips ahead to the characters a pattern can start with only when no lookaround (nor ``^``) comes first.
# _CLAUSE starts at the mark, not at the space before a dash: ``re`` then stops at marks only, not at
# every space (only where a clause starts is read, and the bullets after a mark are taken whole).
_CLAUSE = regex.compile(r"[.;!?:\n\-–](?:(?<=[.;!?])\s+|(?<=\s[-–])\s+|(?<=:)(?<!gồm:)(?<!sau:)(?<!với:)(?<!hợp:)(?<!là:)\s+"
                        r"|(?<=\n))[-–—+•*\s]*")
_LEADING = regex.compile(r"[-–—+•*\s]*")  # the bullets and blanks before the first clause
_PARTNERS = regex.compile(r"(?i)(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+phối\s+hợp\s*:[^\n]*?(?=thời\s+(?:gian|hạn)|\Z|\n)")
_PARENS = regex.compile(r"\([^()]*\)")


def _mask(text: str) -> str:
    """``text`` with its partner fields ("Đơn vị phối hợp: …") and parentheses blanked, at the
    same offsets: neither names a subject."""
    def blank(m: re.Match) -> str:
        return " " * len(m.group())
    if "phối" in text:
        text = _PARTNERS.sub(blank, text)
    return _PARENS.sub(blank, text) if "(" in text else text
_GIVE = regex.compile(r"[GgĐđYyd](?<!\S.)(?:(?<=[Gg])iao(?:[ \t]+cho)?|(?<=[Đđ])ề[ \t]+nghị|(?<=[Yy])êu[ \t]+cầu|(?<=d)o)[ \t]+")
_CLOSING_PAREN = regex.compile(r"\(([^()]{2,300}?)\s*+(?:thực\s+hiện|chủ\s+trì|thực\s+hiện\s+chủ\s+trì)\s*+[.;]?\s*+\)")
_NAMED_DOER = regex.compile(
    rf"(?!(?:Đang|Đã|Sẽ|Tiếp|Thời|Kinh|Tiến|Chưa|Dự|Kế|Nội|Theo|Kèm|Chi\s+tiết)\b)[{_UPPER}]"
)
_LEADS = regex.compile(r"(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)\b", re.I)  # searched for: found or not
_BLANKS = regex.compile(r"[ \t]*+")


def lead_units(text: str, authoring_leads: bool = True) -> list[UnitMention]:
    """The units ``text`` names as leading its work, in order.

    With ``authoring_leads`` false, the author of the document ("Sở … ban hành Kế hoạch
    … như sau:") is not a lead: a preamble names who wrote the plan, not who does its tasks.
    """
    seen: set[int] = set()
    result = []
    for unit in sorted(iter_leads(text, authoring_leads), key=lambda u: u.start):
        if unit.start not in seen:
            seen.add(unit.start)
            result.append(unit)
    return result


def iter_leads(text: str, authoring_leads: bool = True):
    """The lead units of ``lead_units``, as found (not in order, maybe twice): for a caller that
    stops at the first one it needs."""
    masked = _mask(text)
    for start in _clause_starts(masked):
        end = _clause_end(masked, start)
        for pos in _subject_positions(masked, start, end):
            unit = _lead_at(masked, pos, end, authoring_leads)
            if unit is not None:
                yield unit
                break
    for m in _GIVE.finditer(text):
        unit = unit_at(text, m.end())
        if unit is not None and (m.group().strip().lower() != "do" or _LEADS.search(text, unit.end, unit.end + 200)):
            yield unit
    for m in _CLOSING_PAREN.finditer(text) if "(" in text else ():
        inner = m.start(1)
        unit = unit_at(text, inner)
        if unit is None and _NAMED_DOER.match(text, inner):
            # "(Bộ phận chuyên môn THCS thực hiện)": the form itself assigns the work, whatever the name
            unit = UnitMention(inner, inner + len(text[inner:].split(None, 1)[0]), bool(_PLURAL.search(m[1])))
        if unit is not None:
            yield unit


def _clause_starts(text: str):
    """Where each clause of ``text`` starts: at the start of the text and after a clause mark
    (``_CLAUSE``), past the bullets and blanks."""
    start = _LEADING.match(text).end()
    yield start
    for clause in _CLAUSE.finditer(text, start):
        yield clause.end()


_VERB_WINDOW_END = regex.compile(r"[;:.()\[\]]")
_END = regex.compile(r"[.;:!?\n](?:(?<=[.;:!?])(?:\s|\Z)|(?<=\n))")  # one class first: re skips ahead to it


def _clause_end(text: str, start: int) -> int:
    m = _END.search(text, start)
    return m.start() if m else len(text)


def _subject_positions(text: str, start: int, end: int):
    """Where a clause's subject may start: its first word, or after each comma of an opening
    clause ("Căn cứ chức năng, nhiệm vụ được giao, các phòng …")."""
    yield start
    if patterns().opener.match(text, start):
        for m in re.finditer(r",\s*", text[start:end]):
            yield start + m.end()


def _lead_at(text: str, pos: int, end: int, authoring_leads: bool) -> UnitMention | None:
    give = _GIVE.match(text, pos)
    if give is not None:
        pos = give.end()
    unit = unit_at(text, pos)
    if unit is None:
        return None
    # "Sở … đề nghị các phòng …": the units after the verb lead.
    stop = _VERB_WINDOW_END.search(text, unit.end, end)  # commas may sit inside a name ("Sở Văn hóa, Thể thao …")
    window_end = min(stop.start() if stop else end, unit.end + 90)
    p = patterns()
    for m in re.finditer(r"\s+", text[unit.end:window_end]):
        at = unit.end + m.start()
        verb = p.assigning.match(text, _BLANKS.match(text, at).end())
        if verb is not None:
            return unit_at(text, verb.end()) or unit
        if not authoring_leads and p.authoring.match(text, at + len(m.group())):
            return None
    return unit


def task_section_kind(title: str, article: bool = False) -> str | None:
    """"work" for a heading that lists tasks (NHIỆM VỤ, GIẢI PHÁP; NỘI DUNG unless it heads an
    article), "organisation" for one that shares out duties (TỔ CHỨC THỰC HIỆN), None for any other."""
    p = patterns()
    if p.organisation_heading.match(title):
        return "organisation"
    if p.work_heading.match(title) or not article and p.outline_work_heading.match(title):
        return "work"
    return None
