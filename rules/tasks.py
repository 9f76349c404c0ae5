"""TSK — tasks and lead units: every task names the unit that leads it (đơn vị chủ trì)."""

from __future__ import annotations


from draftlint.startup import regex
from draftlint.model import LineKind
from draftlint.text.fold import fold
from draftlint.extract.doctype import doctype
from draftlint.extract.deadlines import deadlines
from draftlint.rule import Option, Rule, Severity, quote
from draftlint.extract.tasks import Task, heading_names_unit, is_other_field, lead_markers, tasks
from draftlint.extract.units import unit_at


def _empty_marker_lines(doc) -> set[int]:
    return {m.line.span.start for m in lead_markers(doc) if not m.usable}


class TaskWithoutLeadUnit(Rule):
    code = "TSK001"
    name = "task-without-lead-unit"
    family = "TSK"
    severity = Severity.ERROR
    messages = {
        "default": {
            "vi": "Nhiệm vụ {task} chưa có đơn vị chủ trì",
            "en": "The task {task} names no lead unit",
        },
        "row": {
            "vi": "Nhiệm vụ {task} trong bảng chưa ghi đơn vị chủ trì",
            "en": "The task {task} in the table names no lead unit",
        },
        "unassigned": {
            "vi": "Các nhiệm vụ của mục {task} ({count} nhiệm vụ) chưa giao cho đơn vị nào chủ trì, ở nhiệm vụ, ở phần "
                  "tổ chức thực hiện hay ở phụ lục",
            "en": "The {count} tasks of {task} are assigned to no lead unit, neither in the tasks, nor under the "
                  "implementation section, nor in an annex",
        },
    }
    reports = ("a task (the smallest numbered item under NHIỆM VỤ, NỘI DUNG, GIẢI PHÁP, TỔ CHỨC THỰC HIỆN …, or a "
               "task-table row, an annex's too) with no lead unit, named or inherited, where the plan assigns task by "
               "task (most sibling tasks name a lead, or a table has a lead column); reported once per item, not per "
               "bullet (option `every-task`: every task)")
    summary = {
        "vi": "Mỗi nhiệm vụ (mục nhỏ nhất có số thứ tự dưới các phần Nhiệm vụ, Giải pháp, Tổ chức thực hiện, hoặc "
              "một dòng của bảng nhiệm vụ) có đơn vị chủ trì, ghi ở chính nhiệm vụ hoặc ở mục bao trùm nó.",
        "en": "Every task (the smallest numbered item under the Tasks, Solutions or Implementation headings, or a "
              "row of a task table) has a lead unit, named in the task or in a section that encloses it.",
    }
    rationale = {
        "vi": "Nhiệm vụ không có đơn vị chủ trì thì không ai chịu trách nhiệm thực hiện và báo cáo. Đơn vị chủ trì "
              "được nhận ra ở dòng “Đơn vị chủ trì:”, “Bộ phận tham mưu:”; ở câu “Giao Văn phòng Sở chủ trì…”, "
              "“Phòng X chủ trì, phối hợp…”, “(Văn phòng Sở thực hiện)”; ở đơn vị làm chủ ngữ của câu; ở tiêu đề "
              "mục là tên đơn vị (“1. Phòng Người có công”); ở cột “Đơn vị chủ trì” của bảng; hoặc thừa hưởng từ "
              "mục bao trùm. Câu dẫn chỉ nêu chung “các phòng, đơn vị theo chức năng, nhiệm vụ” không thay cho đơn "
              "vị chủ trì của từng nhiệm vụ trong phần Nhiệm vụ, giải pháp; trong phần Tổ chức thực hiện thì có. "
              "Mỗi nhiệm vụ chỉ báo một lần, ở mục có số thứ tự nhỏ nhất, không báo từng gạch đầu dòng. Mặc định, "
              "nhiệm vụ chỉ bị báo khi văn bản giao việc theo từng nhiệm vụ (phần lớn nhiệm vụ cùng phần đã ghi đơn vị "
              "chủ trì, hoặc là dòng của bảng có cột chủ trì); kế hoạch liệt kê nhiệm vụ rồi giao theo đơn vị ở phần "
              "Tổ chức thực hiện, ở phụ lục thì không bị báo từng mục (tùy chọn every-task để báo mọi nhiệm vụ).",
        "en": "A task without a lead unit is nobody's to carry out and report on. A lead unit is found in a line "
              "“Đơn vị chủ trì:”, “Bộ phận tham mưu:”; in “Giao Văn phòng Sở chủ trì…”, “Phòng X chủ trì, phối "
              "hợp…”, “(Văn phòng Sở thực hiện)”; in a unit as the subject of a sentence; in a heading that is a "
              "unit's name (“1. Phòng Người có công”); in a table's “Đơn vị chủ trì” column; or inherited from an "
              "enclosing section. A lead-in naming only “all departments and units, by their functions” does not "
              "stand for each task's lead under the Tasks and solutions heading; under Implementation it does. "
              "A task is reported once, at its smallest numbered item, never per bullet. By default a task is "
              "reported only where the document assigns task by task (most tasks of the same part name a lead, or "
              "it is a row of a table with a lead column); a plan that lists its tasks and assigns them by unit "
              "under Implementation or in an annex is not asked item by item (option every-task reports every "
              "task).",
    }
    bad = ("KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính\n"
           "Đơn vị chủ trì: Văn phòng Sở.\n2. Số hóa hồ sơ một cửa\n"
           "- Số hóa hồ sơ tiếp nhận từ năm 2020.\n3. Tập huấn cho công chức một cửa\n"
           "Đơn vị chủ trì: Phòng Tổ chức cán bộ.\n")
    good = ("KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính\n"
            "Đơn vị chủ trì: Văn phòng Sở.\n2. Số hóa hồ sơ một cửa\n"
            "- Số hóa hồ sơ tiếp nhận từ năm 2020.\nĐơn vị chủ trì: Trung tâm Phục vụ hành chính công.\n"
            "3. Tập huấn cho công chức một cửa\nĐơn vị chủ trì: Phòng Tổ chức cán bộ.\n")
    options = {
        "every-task": Option(False, "báo mọi nhiệm vụ thiếu đơn vị chủ trì, kể cả khi văn bản giao việc ở phần khác "
                                    "(quy định riêng của cơ quan)",
                             "report every task without a lead, also where the document assigns its tasks elsewhere "
                             "(an office's own policy)"),
    }

    def check(self, doc):
        empty = _empty_marker_lines(doc)
        found = tasks(doc)
        assigning = None if self.config["every-task"] else _assigning_groups(found)
        if assigning is not None and _assigned_nowhere(doc, found):
            work = [task for task in found if task.kind == "work"]
            top = work[0].parents[0] if work[0].parents else work[0].section
            yield self.violation(top.heading.span, "unassigned", task=quote(_heading_text(top), 80), count=len(work))
            return
        by_units = _unit_groups(found)
        for task in found:
            if task.lead is not None or any(line.span.start in empty for line in task.lines):
                continue  # an empty "Đơn vị chủ trì:" is TSK002's
            if assigning is not None and _group(task) not in assigning:
                continue  # the document assigns these tasks elsewhere, or not per task
            if assigning is not None and task.span.start > by_units.get(_group(task), len(doc.text)):
                continue  # "8. Phương án huy động kinh phí" after "1. Sở Y tế" … "6. UBND các xã": a provision
            variant = "row" if _is_row(task) else "default"
            yield self.violation(task.span, variant, task=quote(task.title, 80))


# Per-task lead units are asked for where the document itself assigns them task by task: in a
# task table (its lead column asks for one in every row), or among sibling tasks most of which name one.
# Plans that list tasks bare and assign them in TỔ CHỨC THỰC HIỆN (by unit headings, "Sở X chủ
# trì …"), in an annex table or by a pointer ("chi tiết tại Phụ lục") are not asked.
_ASSIGNING_SHARE = {"work": 0.5, "organisation": 0.75}


# An annex that may assign the work, or a lead named where no task was read ("Sở X chủ trì, theo dõi …"
# closing the plan): the plan may assign after all.
_ASSIGNED_SOMEWHERE = regex.compile(r"(?i)\bphụ\s+lục\b|\bchủ\s+trì\b")


def _assigned_nowhere(doc, found) -> bool:
    """A plan that lists work and names no unit to lead any of it: no task names or inherits one,
    nothing in it says who leads (``chủ trì``), and it points to no annex that might."""
    if doctype(doc).type_name not in _ASSIGNING_TYPES or not any(task.kind == "work" for task in found):
        return False
    if any(task.lead is not None or task.lead_text for task in found):
        return False
    return not _ASSIGNED_SOMEWHERE.search(doc.text)


_ASSIGNING_TYPES = frozenset({"Kế hoạch", "Chương trình", "Chương trình hành động", "Đề án", "Phương án"})


def _heading_text(section) -> str:
    return " ".join(section.heading.text.split())


def _unit_groups(found) -> dict:
    """Groups of the implementation section headed unit by unit ("1. Sở Y tế", "2. Sở Tài chính"),
    each with where its last unit item starts: the items after it (funding, coordination) are
    provisions shared by all, not duties left without a unit."""
    last: dict = {}
    count: dict = {}
    for task in found:
        if task.kind == "organisation" and not _is_row(task) and _unit_heading(task.section):
            g = _group(task)
            last[g] = task.span.start
            count[g] = count.get(g, 0) + 1
    return {g: at for g, at in last.items() if count[g] >= 2}


def _unit_heading(section) -> bool:
    """An item headed by a unit alone ("1. Sở Y tế: …", "2. Sở Nông nghiệp và Môi trường"), whose
    text is that unit's share of the work; not a sentence about a unit ("2. Sở Tài chính chủ trì …")."""
    title = section.title.strip()
    colon = title.find(":")
    name = title[:colon] if colon >= 0 else title
    return heading_names_unit(section) and len(name.split()) <= 10 and not _DUTY.search(name)


_DUTY = regex.compile(r"(?i)\b(?:chủ\s+trì|phối\s+hợp|triển\s+khai|thực\s+hiện|tham\s+mưu|theo\s+dõi|hướng\s+dẫn)\b")


def _is_row(task: Task) -> bool:
    return task.lines[0].kind == LineKind.TABLE_ROW


def _group(task: Task):
    """Tasks judged together: the rows of one table, or the tasks under one heading (siblings)."""
    if _is_row(task):
        return ("table", id(task.section))
    if task.lines[0] is not task.section.heading:
        return ("section", id(task.section))  # blocks of fields ("Nhiệm vụ: …") in one section
    parent = task.parents[-1] if task.parents else task.section
    return ("section", id(parent))


def _assigning_groups(found) -> set:
    # Units heading the items of TỔ CHỨC THỰC HIỆN ("1. Sở Y tế: …", "2. UBND các xã: …"): the plan
    # assigns its work there, unit by unit, so the bare list of work is not asked for leads.
    by_unit = sum(1 for task in found if task.kind == "organisation" and not _is_row(task)
                  and _unit_heading(task.section)) >= 2
    led: dict = {}
    total: dict = {}
    kind: dict = {}
    for task in found:
        g = _group(task)
        total[g] = total.get(g, 0) + 1
        led[g] = led.get(g, 0) + (task.lead is not None)
        kind[g] = task.kind
    out = set()
    for g, n in total.items():
        if g[0] == "table":
            out.add(g)  # a lead column asks for a lead in every row
        elif by_unit and kind[g] == "work" and led[g] / n < _ASSIGNING_SHARE["organisation"]:
            continue  # assigned unit by unit under TỔ CHỨC THỰC HIỆN, unless most of these name their own
        elif led[g] >= 2 and led[g] / n >= _ASSIGNING_SHARE.get(kind[g], 0.5):
            out.add(g)
    return out


class LeadUnitEmpty(Rule):
    code = "TSK002"
    name = "lead-unit-empty"
    family = "TSK"
    severity = Severity.WARNING
    messages = {
        "default": {
            "vi": "“{label}:” để trống: ghi tên đơn vị chủ trì",
            "en": "“{label}:” is left empty: name the lead unit",
        },
    }
    reports = "a lead-unit line with nothing usable after it: `Đơn vị chủ trì: ……`"
    summary = {
        "vi": "Dòng “Đơn vị chủ trì:” (“Cơ quan chủ trì:”, “Bộ phận tham mưu:”) có tên đơn vị sau dấu hai chấm.",
        "en": "A line “Đơn vị chủ trì:” (“Cơ quan chủ trì:”, “Bộ phận tham mưu:”) names a unit after its colon.",
    }
    rationale = {
        "vi": "Dòng đơn vị chủ trì để trống hoặc chỉ có dấu chấm (“Đơn vị chủ trì: ……”) là chỗ dự thảo còn chờ "
              "điền; văn bản ban hành như vậy thì nhiệm vụ không có ai chủ trì.",
        "en": "A lead-unit line left empty or holding only dots (“Đơn vị chủ trì: ……”) is a gap the draft still "
              "has to fill; issued like that, the task has no lead.",
    }
    bad = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết\nĐơn vị chủ trì: ……\n"
    good = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết\nĐơn vị chủ trì: Văn phòng Sở.\n"

    def check(self, doc):
        markers = lead_markers(doc)
        usable_lines = {m.line.span.start for m in markers if m.usable}
        following = {a.span.start: b for a, b in zip(doc.lines, doc.lines[1:])}
        for marker in markers:
            if marker.usable or _introduces_list(marker, following.get(marker.line.span.start), usable_lines):
                continue
            yield self.violation(marker.span, label=" ".join(marker.label.split()))


def _introduces_list(marker, nxt, usable_lines) -> bool:
    """``Cơ quan thực hiện:`` at a line's end, the units on the lines under it (``- Đơn vị chủ trì: …``),
    or ``Các bộ, ngành có trách nhiệm:`` before a list: not a field left empty."""
    if marker.value.strip() or marker.line.text.rstrip()[-1:] != ":":
        return False
    before = marker.line.text[:marker.span.start - marker.line.span.start]
    if _HAS.search(before):
        return True  # "… có trách nhiệm:" opens the duties of the units named before it
    # The next field of the same task ("- Thời gian hoàn thành: …") is no list of units under it.
    return nxt is not None and (nxt.span.start in usable_lines or nxt.kind in (LineKind.BULLET, LineKind.PLUS)
                                and not is_other_field(nxt.text))


_HAS = regex.compile(r"(?i)(?:có|chịu)\s*\Z")


class LeadUnitUnknown(Rule):
    code = "TSK003"
    name = "lead-unit-unknown"
    family = "TSK"
    severity = Severity.INFO
    messages = {
        "default": {
            "vi": "Đơn vị {unit} không có trong danh sách đơn vị đã cấu hình",
            "en": "The unit {unit} is not in the configured list of units",
        },
    }
    reports = ("a lead unit (in a `Đơn vị chủ trì:` line or a unit heading) not in the configured list of units; "
               "silent until a list is configured")
    summary = {
        "vi": "Đơn vị chủ trì ghi ở dòng “Đơn vị chủ trì:”, ở tiêu đề mục hay ở cột của bảng nhiệm vụ có trong "
              "danh sách đơn vị của cơ quan (chỉ kiểm tra khi đã cấu hình danh sách).",
        "en": "A lead unit written in a “Đơn vị chủ trì:” line, a heading or a task table's column is in the "
              "office's list of units (checked only when a list is configured).",
    }
    rationale = {
        "vi": "Tên đơn vị viết sai hay dùng tên cũ (phòng đã sáp nhập, đổi tên) làm nhiệm vụ không đến đúng nơi. "
              "Danh sách đơn vị đặt ở tùy chọn units; tên được so không phân biệt hoa thường, kiểu dấu gạch và "
              "vị trí dấu thanh (“Uỷ”/“Ủy”), và đơn vị “thuộc” một đơn vị trong danh sách cũng được chấp nhận "
              "theo phần đầu tên. Các cụm chỉ chung (“các phòng chuyên môn”) không bị kiểm tra.",
        "en": "A unit misspelt or under an old name (a merged or renamed department) sends the task to the wrong "
              "place. The list goes in the units option; names are compared regardless of case, dash style and "
              "tone placement (“Uỷ”/“Ủy”), by the start of the name. Collectives (“các phòng chuyên môn”) are not "
              "checked.",
    }
    options = {
        "units": Option([], "danh sách tên đơn vị của cơ quan, ví dụ [\"Văn phòng Sở\", \"Thanh tra Sở\"]",
                        "the office's unit names, e.g. [\"Văn phòng Sở\", \"Thanh tra Sở\"]"),
    }
    bad = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết\nĐơn vị chủ trì: Phòng Tổ chức cán bộ.\n"
    good = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết\nĐơn vị chủ trì: Văn phòng Sở.\n"
    example_options = {"units": ["Văn phòng Sở", "Thanh tra Sở"]}

    def check(self, doc):
        office = getattr(doc.vocabulary, "units", ()) or ()  # learnt from the office's drafts
        known = tuple(fold(u) for u in (*self.config["units"], *office) if u.strip())
        if not known:
            return
        for marker in lead_markers(doc):
            text, base = marker.value, marker.value_span.start
            for m in _ITEM.finditer(text):
                yield from self._check_name(m.group(), base + m.start(), known)
        headings = set()
        for task in tasks(doc):
            if task.lead_text:  # a task table's lead cell
                row = task.lines[0]
                at = row.text.find(f"| {task.lead_text}")
                if at >= 0:
                    base = row.span.start + at + 2
                    for m in _ITEM.finditer(task.lead_text):
                        yield from self._check_name(m.group(), base + m.start(), known)
            for section in (*task.parents, task.section):
                if id(section) not in headings and unit_at(section.title, 0) is not None:
                    headings.add(id(section))
                    title_at = section.heading.text.find(section.title)
                    if title_at >= 0:
                        yield from self._check_name(section.title, section.heading.span.start + title_at, known)

    def _check_name(self, name: str, start: int, known: tuple[str, ...]):
        from draftlint.model import Span

        start += len(name) - len(name.lstrip())
        name = name.strip()
        unit = unit_at(name, 0)
        if unit is None or unit.collective:
            return
        key = fold(name)
        if any(key.startswith(k) for k in known):
            return
        yield self.violation(Span(start, start + len(name)), unit=quote(name))


_ITEM = regex.compile(r"[^;,]+")


class TaskWithoutDeadline(Rule):
    code = "TSK004"
    name = "task-without-deadline"
    family = "TSK"
    severity = Severity.INFO
    default_enabled = False
    messages = {
        "default": {
            "vi": "Nhiệm vụ {task} chưa có thời hạn hoàn thành",
            "en": "The task {task} has no deadline",
        },
    }
    reports = "a task with no deadline, named or inherited (off by default: select it)"
    summary = {
        "vi": "Mỗi nhiệm vụ có thời hạn (“trước ngày …”, “Thời gian thực hiện: Quý II/2025”, “Thường xuyên”), ghi "
              "ở chính nhiệm vụ hoặc ở mục bao trùm nó (tắt mặc định).",
        "en": "Every task has a deadline (“trước ngày …”, “Thời gian thực hiện: Quý II/2025”, “Thường xuyên”), in "
              "the task or a section that encloses it (off by default).",
    }
    rationale = {
        "vi": "Nhiệm vụ không có thời hạn thì khó đôn đốc và đánh giá. Nhiều kế hoạch năm để thời hạn chung cho "
              "cả kế hoạch, nên quy tắc này tắt mặc định; bật bằng extend-select = [\"TSK004\"] khi cơ quan yêu cầu ghi "
              "thời hạn cho từng nhiệm vụ.",
        "en": "A task without a deadline is hard to follow up and assess. Many annual plans give one deadline for "
              "the whole plan, so this rule is off by default; turn it on with extend-select = [\"TSK004\"] where the "
              "office asks for a deadline on every task.",
    }
    bad = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết\nĐơn vị chủ trì: Văn phòng Sở.\n"
    good = "II. NHIỆM VỤ\n1. Tổ chức hội nghị sơ kết, hoàn thành trước ngày 30/6/2025.\nĐơn vị chủ trì: Văn phòng Sở.\n"

    def check(self, doc):
        dated = {d.line.span.start for d in deadlines(doc)}
        for task in tasks(doc):
            if task.deadline_text is not None:
                if task.deadline_text.strip(" .…-–_"):
                    continue
            elif any(line.span.start in dated for line in task.lines):
                continue
            elif any(line.span.start in dated for s in task.parents for line in (s.heading, *s.paragraphs)
                     if not s.children or line is s.heading or line in s.paragraphs):
                continue
            yield self.violation(task.span, task=quote(task.title, 80))
