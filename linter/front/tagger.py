"""The line tagger: gives every line a kind (``model.LineKind``) from its own text, then re-tags by
position.

``tag`` looks at one line's text only (first match wins) and returns, with the kind, the heading
marker it read (``MarkerMatch``), which travels with the line so that no one reads it again.
``zone`` then re-tags the few kinds that depend on where a line stands: agency names in the
header, addressees after ``Kính gửi``, the title's summary, the closing block's recipients and
signer, and the concluding ``./.`` paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..extract.dates import is_date_line
from ..extract.excerpts import quotation_lines
from ..model import LineKind
from ..startup import regex
from ..text.capitals import is_caps, is_namelike, starts_lower

_ROMAN = regex.compile(r"(?P<num>[IVXL]+)(?P<sep>\s*[.\-–:)])(?!\d)(?P<space>\s*)(?P<rest>.*)\Z", re.S)
_DOTTED = regex.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})(?P<sep>\.?)(?P<space>\s+|\Z|(?=[^\W\d_]))(?P<rest>.*)\Z", re.S)
_ARABIC = regex.compile(r"(?P<num>\d{1,2})(?P<sep>[.)]|[/-](?=\s+[^\W\d_]))(?P<space>\s+|\Z|(?=[^\W\d_]))(?P<rest>.*)\Z", re.S)
# A part above the Roman level: "Phần thứ hai", "PHẦN II", "Chương I", "Mục 2", "PHỤ LỤC", "A. KẾT QUẢ".
_PART = regex.compile(
    r"(?:(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+\w+|(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:[IVXL]+|\d{1,2})\b|(?:MỤC|Mục)\s+\d{1,2}\b"
    r"|PHỤ\s+LỤC\b|Phụ\s+lục(?:\s+(?:số\s+)?[\dIVXL]+)?\s*[.:]?\s*\Z|PHẦN\s+(?=\w))"
)
_PART_NUMBER = regex.compile(r"(?:số\s+)?(?:[IVXL]+|\d{1,2})\b\s*(?=[.:\-–]|\Z|[^\W\d_])")
_CAPITAL = regex.compile(r"(?P<num>[A-H])(?P<sep>\.)(?P<space>\s+)(?P<rest>.*)\Z", re.S)
_TIME_RANGE = regex.compile(r"\A\s*[-–]\s*\d")
_ARTICLE = regex.compile(r"(?P<num>Điều\s+\d{1,3})(?P<sep>\.)(?P<space>\s*)(?P<rest>.*)\Z", re.S)
_LETTER = regex.compile(r"(?P<num>[a-zđ])(?P<sep>\)|\.(?=\s))(?P<space>\s*)(?P<rest>.*)\Z", re.S)
_BULLET = regex.compile(r"[-–—‒•●▪◦]\s*(?=\S)")
_PLUS = regex.compile(r"\+\s*(?=\S)")
_STAR_BULLET = regex.compile(r"\*\s+(?=\S)")
_LEAD = regex.compile(
    r"\A[-*+]?\s*+(?:(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:chủ trì|tham mưu)|Chủ trì)\s*+:",  # matched at 0 only
    re.I,
)
_NATION = regex.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT(?:\s+NAM(?:\b|(?=Độc))|\s+(?=Độc\s+lập))"
                        r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\b", re.I)
_MOTTO = regex.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.I)
# One run of what may sit between "Số" and the slash (its last character, a digit before a dash).
_DOCNUM = regex.compile(r"Số\s*+:|Số\s[\d\s.…_]*+(?:/|(?<=\d)-)")
_SUBJECT = regex.compile(r"V/v\b", re.I)
_KINHGUI = regex.compile(r"Kính\s+gửi\b", re.I)
_NOINHAN = regex.compile(r"Nơi\s+nhận\s*(?::|\Z)", re.I)
_FOOTNOTE = regex.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")
_TABLE_ROW = regex.compile(r"\|.*\|\Z")
_SIGNER_PREFIX = regex.compile(r"(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+\S")
# The last item of "Nơi nhận" (Decree 30): "- Lưu: VT, …", "- Lưu VT", "- Lưu văn thư".
_LUU = regex.compile(r"[-–+•]\s*Lưu\b", re.I)
# Where the signature stands in an extract: "(Đã ký)", "(Ký, đóng dấu)", "[đã ký]".
_SIGNED = regex.compile(r"[(\[]\s*(?:[Đđ]ã\s+ký|[Kk]ý(?:\s+tên)?\s*[,)\]])")
# An academic title before a signer's name (which FMT006 reports): "TS. Nguyễn Văn A".
_TITLE_BEFORE_NAME = regex.compile(r"\A(?:GS|PGS|TS|ThS|BS|KS|CN|Ths|TSKH)\.[ \t]*(?:TS\.[ \t]*)?")
# What starts an attached text after the signature: "(Kèm theo …)", "(Ban hành kèm theo …)".
_ATTACHED = regex.compile(r"\A[(*]*+\s*+\(?\s*+(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")  # matched at 0 only

# Arabic and dotted markers above this are years, amounts or dates, not headings.
MAX_HEADING_NUMBER = 60


@dataclass(frozen=True)
class MarkerMatch:
    """What a heading marker at the start of a line says."""

    kind: str  # the heading's LineKind
    raw: str  # the marker as written, e.g. "6.5.", "II.", "a)"
    number: str  # the numeral part, e.g. "6.5", "II", "a"
    separator: str  # ".", ")", "-", ":" or "" (dotted without a final dot)
    space: str  # whitespace between the marker and the title ("" when missing)
    title_start: int  # offset of the title within the line


def match_marker(text: str) -> MarkerMatch | None:
    """The heading marker a line starts with, if any."""
    first = text[:1]
    if not first:
        return None
    if first.isdigit():
        m = _DOTTED.match(text)
        if m:
            parts = [int(p) for p in m["num"].split(".")]
            if _TIME_RANGE.match(m["rest"]) or (m["sep"] == "" and m["rest"][:1] in "-–"):
                return None  # a time or a range: "7.30 - 8.00: Đón tiếp"
            if all(1 <= p <= MAX_HEADING_NUMBER for p in parts) and _title_ok(m):
                kind = LineKind.DOTTED if len(parts) == 2 else LineKind.DOTTED_DEEP
                return _marker(kind, m)
        m = _ARABIC.match(text)
        if m and 1 <= int(m["num"]) <= MAX_HEADING_NUMBER and _title_ok(m):
            return _marker(LineKind.ARABIC, m)
        return None
    if first in "IVXL":
        m = _ROMAN.match(text)
        if m and not text.startswith("V/"):
            rest = m["rest"]
            sep = m["sep"].strip()
            if m["space"] == "" and len(rest) > 1 and rest[0].isupper() and rest[1] == ".":
                return None  # initials: "V.I. Lênin"
            if sep == "." or (rest[:1] and (rest[0].isupper() or rest[0] in "“\"(")):
                return _marker(LineKind.ROMAN, m)
        return None
    if first == "Đ":
        m = _ARTICLE.match(text)
        return _marker(LineKind.ARTICLE, m) if m else None
    if "A" <= first <= "H" and text[1:2] == ".":
        m = _CAPITAL.match(text)
        return _marker(LineKind.CAPITAL, m) if m and is_caps(m["rest"]) else None
    if "a" <= first <= "z" or first == "đ":
        m = _LETTER.match(text)
        if m and (m["sep"] == ")" or m["rest"][:1].isupper()):
            return _marker(LineKind.LETTER, m)
    return None


def _title_ok(m: re.Match) -> bool:
    # "1.Mục tiêu" (no space) counts only when a capital follows.
    if m["space"] == "" and m["rest"]:
        return m["rest"][:1].isupper()
    return True


def _marker(kind: str, m: re.Match) -> MarkerMatch:
    return MarkerMatch(
        kind=kind,
        raw=m.string[m.start("num"):m.end("sep")],
        number=m["num"],
        separator=m["sep"].strip(),
        space=m["space"],
        title_start=m.start("rest"),
    )


@lru_cache(maxsize=1)
def _title_words() -> tuple[str, ...]:
    names = {t.name.upper() for t in data.document_types() if t.title}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def is_part(text: str) -> bool:
    """A division above the Roman level: "Phần thứ hai", "PHẦN MỞ ĐẦU", "Chương II", "Mục 1", "PHỤ LỤC".

    Its title is on the line after, in capitals after the number, or after ``.``/``:``/``-``;
    "Chương II Quyết định số 263/QĐ-TTg quy định…" is a sentence, not a part.
    """
    m = _PART.match(text)
    if not m or len(text) > 160:
        return False
    if text.startswith("PHẦN") and not text.startswith("PHẦN THỨ"):
        return is_caps(text)  # "PHẦN MỞ ĐẦU", "PHẦN II. KẾT QUẢ"
    rest = _PART_NUMBER.sub("", text[m.end():].strip(), count=1)
    return not rest or rest[0] in ".:-–" or is_caps(rest)


@lru_cache(maxsize=4096)  # a draft repeats lines (list items, recipients), and a run its headings
def tag(text: str) -> tuple[str, MarkerMatch | None]:
    """The kind of a line from its own text (position-dependent kinds come later), with the heading
    marker it starts with: a line that has one is a heading of the marker's kind."""
    marker = match_marker(text)
    if marker:
        return marker.kind, marker
    return _unmarked_kind(text), None


def classify(text: str) -> str:
    """The kind of a line from its own text, where its marker is not wanted."""
    return tag(text)[0]


def _unmarked_kind(text: str) -> str:
    if is_part(text):
        return LineKind.PART
    first = text[:1]
    if first in "-–—‒•●▪◦":
        if _LEAD.match(text):
            return LineKind.LEAD
        return LineKind.BULLET if _BULLET.match(text) else LineKind.BODY
    if first == "+":
        return LineKind.PLUS if _PLUS.match(text) else LineKind.BODY
    if first == "*":
        if _LEAD.match(text):
            return LineKind.LEAD
        return LineKind.BULLET if _STAR_BULLET.match(text) else LineKind.BODY
    if first == "|" and _TABLE_ROW.match(text):
        return LineKind.TABLE_ROW
    if first in "¹²³⁴⁵⁶⁷⁸⁹⁰" and _FOOTNOTE.match(text):
        return LineKind.FOOTNOTE
    if _LEAD.match(text):
        return LineKind.LEAD
    if _NOINHAN.match(text):
        return LineKind.NOINHAN
    if _KINHGUI.match(text):
        return LineKind.KINHGUI
    if _SUBJECT.match(text):
        return LineKind.SUBJECT
    if _DOCNUM.match(text):
        return LineKind.DOCNUM
    if _NATION.match(text):
        return LineKind.NATION
    if _MOTTO.match(text):
        return LineKind.MOTTO
    if is_date_line(text):
        return LineKind.PLACEDATE
    if is_caps(text):
        return LineKind.TITLE if is_type_title(text) else LineKind.CAPS
    return LineKind.BODY


def is_type_title(text: str) -> bool:
    """The line starts with a document type name in capitals: KẾ HOẠCH, QUY CHẾ, BÁO CÁO…"""
    upper = text.upper()
    return any(
        upper.startswith(name) and (len(upper) == len(name) or not upper[len(name)].isalpha())
        for name in _title_words()
    )


def may_start_national(text: str) -> bool:
    """The text may start the national title or the motto (``_NATION``, ``_MOTTO``): the only first
    letters they match, ignoring case; a cheap test before classifying a joined line."""
    return text[:1] in ("C", "c", "Đ", "đ")


def continues_as_wrapped_hyphen(text: str) -> bool:
    """``- cầu lao động…``: a hyphen from a wrapped ``cung - cầu``, not a bullet."""
    return text[:1] in "-–" and len(text) > 2 and text[1] == " " and starts_lower(text[2:])


def looks_like_signer(text: str) -> bool:
    return is_caps(text) or bool(_SIGNER_PREFIX.match(text))


# --- zoning -----------------------------------------------------------------

_OUT_OF_PLACE = frozenset({LineKind.NATION, LineKind.MOTTO, LineKind.DOCNUM, LineKind.PLACEDATE, LineKind.SUBJECT,
                           LineKind.KINHGUI})
_HEADER_KINDS = _OUT_OF_PLACE | {LineKind.CAPS}


def zone(kinds: list[str], texts: list[str]) -> list[str]:
    """Re-tag lines whose role depends on where they stand. Returns new kinds."""
    kinds = list(kinds)
    _zone_quotations(kinds, texts)
    _zone_divisions(kinds)
    body_start = _zone_header_and_title(kinds, texts)
    for k in range(body_start, len(kinds)):
        # Header lines out of place in the body ("Số: …", a date in a sentence) are paragraphs.
        if kinds[k] in _OUT_OF_PLACE:
            kinds[k] = LineKind.BODY
    closing_start, closing_end = _zone_closing(kinds, texts)
    for k in range(body_start, len(kinds)):
        if kinds[k] == LineKind.TITLE:
            # After the closing a type line starts an attached document (QUY CHẾ …); in the body it is caps.
            kinds[k] = LineKind.PART if k >= closing_end else LineKind.CAPS
    _zone_conclusion(kinds, texts, closing_start)
    return kinds


def _zone_quotations(kinds: list[str], texts: list[str]) -> None:
    """Lines inside a quotation that runs over several paragraphs (a law's article quoted whole:
    “Điều 49. … / 1. … / 2. …”) are the quoted document's structure, not the draft's: paragraphs."""
    for k in quotation_lines(texts):
        _quoted(kinds, k)


def _quoted(kinds: list[str], k: int) -> None:
    if kinds[k] in LineKind.HEADINGS or kinds[k] in (LineKind.PART, LineKind.CAPITAL, LineKind.ARTICLE):
        kinds[k] = LineKind.BODY


def _zone_divisions(kinds: list[str]) -> None:
    """Re-tag what depends on the enclosing part.

    - ``A. KẾT QUẢ`` is a part above the Roman level, unless it stands inside a Roman
      part (``II. NHIỆM VỤ`` / ``A. NHIỆM VỤ CHUNG``), where it divides that part;
    - ``Điều 1.`` inside a Roman part quotes another document's articles.
    """
    inside_roman = False
    capitals_are_parts = None  # decided by the first capital division of a document
    for k, kind in enumerate(kinds):
        if kind == LineKind.ROMAN:
            inside_roman = True
        elif kind in (LineKind.PART, LineKind.TITLE, LineKind.NOINHAN):
            inside_roman = False
            if kind != LineKind.PART:
                capitals_are_parts = None  # an attached document decides afresh
        elif kind == LineKind.CAPITAL:
            if capitals_are_parts is None:
                capitals_are_parts = not inside_roman
            if capitals_are_parts:
                kinds[k] = LineKind.PART
                inside_roman = False
        elif kind == LineKind.ARTICLE and inside_roman:
            kinds[k] = LineKind.BODY


def _zone_header_and_title(kinds: list[str], texts: list[str]) -> int:
    """Tag agency lines, addressees, the title and its summary; returns where the body starts."""
    n = len(kinds)
    i = 0
    while i < n and kinds[i] in _HEADER_KINDS:
        if kinds[i] == LineKind.CAPS:
            kinds[i] = LineKind.AGENCY
        if kinds[i] == LineKind.KINHGUI:
            i = _zone_addressees(kinds, texts, i)
            continue
        i += 1
    if i < n and kinds[i] == LineKind.TITLE:
        j = i + 1
        if j < n and kinds[j] in (LineKind.BODY, LineKind.CAPS):
            text = texts[j]
            if not text.startswith("Căn cứ") and not text.rstrip().endswith((".", ":")):
                kinds[j] = LineKind.SUMMARY
                j += 1
        if j < n and kinds[j] == LineKind.KINHGUI:
            j = _zone_addressees(kinds, texts, j)
        return j
    return i


def _zone_closing(kinds: list[str], texts: list[str]) -> tuple[int, int]:
    """Tag recipients and signer; returns the closing's (start, end), (n, n) when there is none.

    The closing follows the first "Nơi nhận". Its list ends at ``- Lưu: …`` (Decree 30 makes
    it the last item) or at the signer; the signer's title and name follow, and the closing
    ends at the first line after them that is neither: an appendix (PHỤ LỤC, ``(Kèm theo …)``,
    a title in capitals, a form's name), which starts a part of its own. Without "Nơi
    nhận", a signer title and name at the end of the body (or just before an appendix) is
    the closing.
    """
    n = len(kinds)
    # The draft's own "Nơi nhận" is the first: a later one belongs to a form or a letter in an annex.
    noinhan = next((k for k in range(n) if kinds[k] == LineKind.NOINHAN), -1)
    if noinhan >= 0:
        start, end = noinhan, n
        filed, named = False, False  # "- Lưu: …" seen; the signer's name seen
        for k in range(noinhan + 1, n):
            text = texts[k]
            if kinds[k] in (LineKind.PART, LineKind.TITLE) or _ATTACHED.match(text):
                end = k
                break
            if kinds[k] == LineKind.NOINHAN:
                continue
            # Read from a two-column table, the signer's lines interleave with the list.
            if not filed and text[:1] in "-–+•":
                kinds[k] = LineKind.RECIPIENT
                filed = bool(_LUU.match(text))
            elif not named and (_SIGNER_PREFIX.match(text) or _SIGNED.match(text) or looks_like_signer(text)):
                kinds[k] = LineKind.SIGNER
            elif not named and is_namelike(_TITLE_BEFORE_NAME.sub("", text)):
                kinds[k] = LineKind.SIGNAME
                named = True
            elif not filed and not named:
                kinds[k] = LineKind.RECIPIENT
            else:
                end = k
                break
        if end < n and kinds[end] != LineKind.TITLE:
            kinds[end] = LineKind.PART
        for k in range(end, n):
            if kinds[k] in (LineKind.NOINHAN, LineKind.RECIPIENT, LineKind.SIGNER, LineKind.SIGNAME):
                kinds[k] = LineKind.BODY  # the closing of a form the annex reproduces
        # A signer block placed just before "Nơi nhận".
        j = _tag_signer_before(kinds, texts, noinhan)
        return (j if j is not None else start), end
    limit = next((k for k in range(n) if kinds[k] in (LineKind.PART, LineKind.TITLE)
                  and _tag_signer_before(kinds, texts, k, dry=True) is not None), n)
    j = _tag_signer_before(kinds, texts, limit)
    return (j, limit) if j is not None else (n, n)


def _tag_signer_before(kinds: list[str], texts: list[str], at: int, dry: bool = False) -> int | None:
    """A signer title (caps) and name ending just before line ``at``; tags them, returns where they start."""
    k = at - 1
    if k < 1 or kinds[k] != LineKind.BODY or not is_namelike(texts[k]):
        return None
    j = k - 1
    while j >= 0 and kinds[j] == LineKind.CAPS and looks_like_signer(texts[j]):
        j -= 1
    if j == k - 1:
        return None
    if not dry:
        kinds[k] = LineKind.SIGNAME
        for m in range(j + 1, k):
            kinds[m] = LineKind.SIGNER
    return j + 1


def _zone_conclusion(kinds: list[str], texts: list[str], closing_start: int) -> None:
    """The "./." paragraph (and a "Trên đây là…" line) just before the closing."""
    k = closing_start - 1
    if k >= 0 and kinds[k] == LineKind.BODY:
        text = texts[k].rstrip()
        if text.endswith("/.") or text.startswith("Trên đây"):
            kinds[k] = LineKind.ENDTEXT
            if k - 1 >= 0 and kinds[k - 1] == LineKind.BODY and texts[k - 1].startswith("Trên đây"):
                kinds[k - 1] = LineKind.ENDTEXT


def _zone_addressees(kinds: list[str], texts: list[str], i: int) -> int:
    """Tag the list under ``Kính gửi:``; returns the index after it.

    Bullets are addressees; so is one short unmarked line right after a bare
    ``Kính gửi:``. The list ends at a line that ends with a full stop.
    """
    inline = texts[i].split(":", 1)[1].strip() if ":" in texts[i] else texts[i][9:].strip()
    j = i + 1
    while j < len(kinds):
        text = texts[j]
        wrapped = (j > i + 1 and kinds[j] in (LineKind.BODY, LineKind.CAPS) and len(text) <= 60
                   and not texts[j - 1].rstrip().endswith((";", ".", ":")))  # "- Thuế thành phố Hải" + "Phòng."
        first_unmarked = kinds[j] == LineKind.BODY and j == i + 1 and not inline and len(text) <= 120
        if kinds[j] == LineKind.BULLET or first_unmarked or wrapped:
            kinds[j] = LineKind.ADDRESSEE
            j += 1
            if text.rstrip().endswith("."):
                break
        else:
            break
    return j
