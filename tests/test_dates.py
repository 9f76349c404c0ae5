"""The date extractor: every written form of a date is read as that date; impossible ones are DAT001."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, lint, needs_seeds, seed_files
from draftlint.extract import dates as date_extraction
from draftlint.extract.dates import dates, draft_latest_date
from draftlint.front.pipeline import read_document
from draftlint.front.source import read_path


def _doc(text: str):
    return read_document(text)


def _forms(day: dt.date) -> list[str]:
    d, m, y = day.day, day.month, day.year
    return [f"ngày {d:02d} tháng {m} năm {y}", f"ngày {d} tháng {m:02d} năm {y}", f"ngày {d:02d}/{m}/{y}",
            f"ngày {d}-{m}-{y}", f"ngày {d:02d}.{m:02d}.{y}", f"{d:02d}/{m:02d}/{y}"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 5))
def test_every_written_form_reads_as_its_date(day, form):
    text = f"Các đơn vị gửi báo cáo trước {_forms(day)[form]} về Văn phòng.\n"
    found = dates(_doc(text))
    assert [d.value for d in found] == [day]
    assert lint(text, select=["DAT001"]) == []


@st.composite
def _impossible(draw):
    year = draw(st.integers(1945, 2100))
    month = draw(st.integers(1, 15))
    if month > 12:
        day = draw(st.integers(1, 28))
    else:
        day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 35))
    return day, month, year


@settings(max_examples=60, deadline=None)
@given(_impossible(), st.booleans())
def test_an_impossible_day_or_month_is_dat001(parts, words):
    day, month, year = parts
    written = f"ngày {day} tháng {month} năm {year}" if words else f"ngày {day}/{month}/{year}"
    findings = lint(f"Hoàn thành trước {written}.\n", select=["DAT001"])
    assert [(f.code, f.column) for f in findings] == [("DAT001", 18)]


def test_the_draft_date_allows_for_blanks():
    assert draft_latest_date(_doc("Quảng Trị, ngày      tháng 10 năm 2023\n")) == (dt.date(2023, 10, 31), True)
    assert draft_latest_date(_doc("Bắc Ninh, ngày       tháng      năm 2024\n")) == (dt.date(2024, 12, 31), True)
    assert draft_latest_date(_doc("Bình Thuận, ngày  01  tháng 9 năm 2021\n")) == (dt.date(2021, 9, 1), True)
    assert draft_latest_date(_doc("Không có dòng ngày tháng.\n"))[1] is False


def test_dates_in_the_draft_number_line_are_not_read():
    doc = _doc("Số: 15/2024/KH-UBND\nHà Nội, ngày 05 tháng 3 năm 2024\n")
    assert [(d.raw, d.on_date_line) for d in dates(doc)] == [("ngày 05 tháng 3 năm 2024", True)]


@needs_seeds
def test_seed_date_findings():
    # Read one by one: the only date finding on the five real drafts is seed 003's "ngày 09 tháng 05 năm 2024".
    found = {f.name: [(x.line, x.code) for x in lint(read_path(str(f)), select=["DAT"])] for f in seed_files()}
    assert found == {"000_a0aa9cc5e8ce0927.txt": [], "001_8044eae79f5ac074.txt": [], "002_26241eb766ebbec5.txt": [],
                     "003_4c06fdcf13e79645.txt": [(78, "DAT006")], "004_b0ae6d1c003071f9.txt": []}


@settings(max_examples=60, deadline=None)
@given(st.integers(1945, 2099), st.integers(1945, 2099), st.sampled_from(["-", " - ", " – ", " đến năm "]))
def test_a_period_of_years_is_inverted_exactly_when_it_ends_first(first, last, joint):
    findings = lint(f"Thực hiện trong giai đoạn {first}{joint}{last} trên địa bàn tỉnh.\n", select=["DAT004"])
    assert [f.column for f in findings] == ([27] if last < first else [])


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_a_deadline_is_dat002_exactly_when_it_falls_before_the_date_line(issued, due):
    month = f"{issued.month:02d}" if issued.month <= 2 else str(issued.month)
    text = (f"Hà Nội, ngày {issued.day:02d} tháng {month} năm {issued.year}\n"
            f"Các phòng gửi báo cáo về Văn phòng trước ngày {due.day:02d}/{due.month}/{due.year}.\n")
    assert [f.line for f in lint(text, select=["DAT002"])] == ([2] if due < issued else [])



def test_the_quick_refusal_of_a_deadline_cue_never_refuses_a_cue():
    """A date is refused at once unless the text before it ends with the last word of a cue: every
    text of up to four of the cue patterns' words (and a colon) that they accept ends with one of
    ``_CUE_ENDINGS``, so a cue added to the patterns fails here until its last word is added there."""
    import itertools

    patterns = date_extraction._DEADLINE_CUE.pattern + date_extraction._WITHIN.pattern
    words = sorted(set(re.findall(r"[^\W\d_]{2,}", patterns))) + [":"]
    accepted = 0
    for n in range(1, 5):
        for chosen in itertools.product(words, repeat=n):
            if n == 4 and chosen[0] not in ("thời", "hoàn"):
                continue  # only the four-word cues ("thời hạn hoàn thành") need four
            window = "Sở Tư pháp " + " ".join(chosen) + " "
            if date_extraction._DEADLINE_CUE.search(window[-40:]) or date_extraction._WITHIN.search(window):
                accepted += 1
                assert window.rstrip()[-5:].lower().endswith(date_extraction._CUE_ENDINGS), window
    assert accepted > 50
