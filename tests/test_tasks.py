"""The task and deadline extractors, on realistic drafts, the examples and the real seeds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, lint, needs_seeds, seed_files
from draftlint import data
from draftlint.extract.deadlines import MONTHLY, ONGOING, QUARTER, YEAR, YEARLY, deadlines, plan_period, task_of
from draftlint.front.pipeline import read_document
from draftlint.front.source import read_path
from draftlint.extract.tasks import tasks
from draftlint.extract.units import lead_units, task_section_kind, unit_at


def _doc(text: str):
    return read_document(text)


def test_the_unit_vocabulary_is_well_formed():
    table = data.load("units.toml")
    for key in ("heads", "places", "collectives", "titles", "markers", "openers", "assigning", "authoring"):
        values = table[key]
        assert values and len(values) == len(set(values)), key
    assert all(h[0].isupper() for h in table["heads"] + table["titles"])  # a head opens a proper name
    assert all(c == c.lower() for c in table["collectives"] + table["places"])
    assert set(table["task-headings"]) == {"work", "work-outline", "organisation"}


def test_unit_names_by_their_heads():
    named = ["Sở Y tế", "Văn phòng Sở", "Thanh tra Sở", "Phòng Người có công", "UBND các huyện", "Công an tỉnh",
             "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "Bảo hiểm xã hội tỉnh", "Trung tâm Dịch vụ việc làm",
             "Chi cục Thủy lợi", "Liên đoàn Lao động tỉnh", "Đoàn Thanh niên", "Giám đốc Sở", "Cục Thống kê"]
    for name in named:
        assert unit_at(name + " chủ trì", 0) is not None, name
    not_units = ["Ban hành văn bản", "Hội nghị sơ kết", "Phòng, chống tham nhũng", "Bộ phận một cửa",
                 "Thanh tra, kiểm tra", "Tổ chức hội nghị", "Cơ sở dữ liệu", "Báo cáo kết quả"]
    for text in not_units:
        assert unit_at(text, 0) is None, text


def test_collectives_name_every_unit_of_a_kind():
    for text in ["các phòng chuyên môn", "Các phòng, ban, đơn vị thuộc Sở", "các sở, ban, ngành",
                 "Trưởng các phòng", "UBND các huyện, thị xã", "Các Chi bộ trực thuộc"]:
        unit = unit_at(text, 0)
        assert unit is not None and unit.collective, text
    assert not unit_at("Văn phòng Sở", 0).collective


def test_who_a_sentence_names_as_lead():
    def leads(text, **kw):
        return [text[u.start:u.end] for u in lead_units(text, **kw)]

    assert leads("Sở Y tế đề nghị Trưởng các phòng chuyên môn triển khai các nhiệm vụ sau:") == ["Trưởng các phòng"]
    assert leads("Sở Y tế ban hành Kế hoạch như sau:", authoring_leads=False) == []
    assert leads("Căn cứ chức năng, nhiệm vụ được giao, các phòng chuyên môn triển khai thực hiện.") == ["các phòng"]
    assert leads("Phối hợp với Công an tỉnh kiểm tra; Đơn vị phối hợp: Sở Tài chính; Sở Nội vụ.") == []
    assert leads("Rà soát hồ sơ (Văn phòng Sở thực hiện).") == ["Văn phòng Sở"]
    assert leads("Đến năm 2030 có 06 cơ sở (Trung tâm Bảo trợ xã hội; Trung tâm Điều dưỡng).") == []


def test_task_headings():
    assert task_section_kind("NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU") == "work"
    assert task_section_kind("CÁC NHIỆM VỤ, GIẢI PHÁP") == "work"
    assert task_section_kind("Nhiệm vụ cụ thể") == "work"
    assert task_section_kind("TỔ CHỨC THỰC HIỆN") == "organisation"
    assert task_section_kind("MỤC ĐÍCH, YÊU CẦU") is None
    assert task_section_kind("CHỈ TIÊU, MỤC TIÊU, NHIỆM VỤ CỦA NGÀNH") is None  # not a heading of tasks


def test_a_plan_with_a_task_table_and_every_deadline_style():
    doc = _doc((EXAMPLES / "ke-hoach-bang-nhiem-vu.md").read_text(encoding="utf-8"))
    found = tasks(doc)
    assert found and all(t.lead is not None for t in found)
    rows = [t for t in found if t.lead == "table"]
    assert [t.title for t in rows][:2] == ["Rà soát, cập nhật danh mục thủ tục hành chính", "Số hóa hồ sơ người có công"]
    kinds = {d.kind for d in deadlines(doc)}
    assert {QUARTER, YEAR, ONGOING, MONTHLY, YEARLY} <= kinds
    assert plan_period(doc).raw == "năm 2025"
    quarter = next(d for d in deadlines(doc) if d.kind == QUARTER)
    assert (quarter.raw, quarter.last) == ("Quý II/2025", dt.date(2025, 6, 30))
    assert task_of(doc, quarter).title == "1. Cải cách thủ tục hành chính"
    assert lint(doc.text) == [] and lint(doc.text, select=["TSK004"]) == []


def test_the_task_and_deadline_example_trips_every_tsk_and_dat_rule():
    text = read_path(str(EXAMPLES / "ke-hoach-loi-nhiem-vu.txt"))
    units = {"TSK003": {"units": ["Chi cục Thủy lợi", "Văn phòng Sở"]}}
    findings = lint(text, select=["TSK", "DAT"], rules=units)
    codes = {f.code for f in findings}
    assert codes == {f"TSK00{n}" for n in range(1, 5)} | {f"DAT00{n}" for n in range(1, 7)}
    default = [(f.line, f.code) for f in lint(text)]
    assert default == [(6, "DAT006"), (21, "DAT001"), (21, "DAT002"), (23, "DAT006"), (23, "DAT004"),
                       (25, "DAT001"), (25, "DAT005"), (28, "DAT005"), (31, "DAT003"), (32, "TSK002"),
                       (33, "TSK001"), (37, "DAT001")]


# The TSK findings on the five real drafts, read one by one (see the closing note of the change
# that added the rules): the line of each task reported.
SEED_TSK001 = {
    "000_a0aa9cc5e8ce0927.txt": [247, 271],  # 2.4 and 2.5 name no unit; 2.1–2.3 end with "Bộ phận tham mưu:"
    "001_8044eae79f5ac074.txt": [],  # every item of part II ends with "*Đơn vị chủ trì:"
    "002_26241eb766ebbec5.txt": [],  # part III lists tasks bare; part IV assigns them by unit headings
    "003_4c06fdcf13e79645.txt": [],  # part III lists tasks bare; "theo phụ lục đính kèm" assigns them
    "004_b0ae6d1c003071f9.txt": [],  # the Sở proposes its own sector's tasks
}


@needs_seeds
def test_seed_task_findings():
    found = {f.name: [x.line for x in lint(read_path(str(f)), select=["TSK001", "TSK002", "TSK003"])]
             for f in seed_files()}
    assert found == SEED_TSK001


@settings(max_examples=40, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=8), st.sampled_from(["Bộ phận tham mưu", "Đơn vị chủ trì"]))
def test_tsk001_reports_exactly_the_items_without_a_lead(named, label):
    """Where most tasks name their lead (the plan assigns task by task), the others are reported;
    where fewer than two do, the plan assigns elsewhere and none is; with every-task, all are."""
    lines = ["II. NHIỆM VỤ"]
    expected = []
    for i, has_lead in enumerate(named, 1):
        lines.append(f"{i}. Nhiệm vụ thứ {i} của kế hoạch")
        lines.append("- Triển khai thực hiện nội dung được giao.")
        if has_lead:
            lines.append(f"{label}: Phòng Nghiệp vụ {i}.")
        else:
            expected.append(len(lines) - 1)
    text = "\n".join(lines) + "\n"
    assigns = sum(named) >= 2 and sum(named) / len(named) >= 0.5
    assert [f.line for f in lint(text, select=["TSK001"])] == (expected if assigns else [])
    strict = lint(text, select=["TSK001"], rules={"TSK001": {"every-task": True}})
    assert [f.line for f in strict] == expected


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(2020, 2030))
def test_dat003_reports_a_deadline_after_a_year_plan(due, year):
    text = (f"KẾ HOẠCH\nCải cách hành chính năm {year}\nII. NHIỆM VỤ\n"
            f"1. Văn phòng Sở số hóa hồ sơ, hoàn thành trước ngày {due.day}/{due.month}/{due.year}.\n")
    assert bool(lint(text, select=["DAT003"])) == (due.year > year)
