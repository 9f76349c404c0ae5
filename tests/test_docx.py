"""Word drafts: the text, numbering labels, tables and locations read from a .docx, and hostile files."""

from __future__ import annotations

import importlib.util
import zipfile

import pytest

from conftest import EXAMPLES, ROOT, lint, run
from draftlint.docx import read_docx
from draftlint.engine import Engine, Options
from draftlint.registry import all_rules
from draftlint.config import Config
from draftlint.source import InputError

_spec = importlib.util.spec_from_file_location("make_docx", ROOT / "examples" / "make_docx.py")
make_docx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_docx)


def _lint_docx(path):
    return Engine(all_rules(), Options()).lint_file(str(path), Config())


def test_the_examples_are_what_the_script_builds(tmp_path):
    make_docx.main(tmp_path)
    for name in ("ke-hoach-word-mau.docx", "ke-hoach-word-loi.docx"):
        assert read_docx(str(tmp_path / name)) == read_docx(str(EXAMPLES / name)), name


def test_numbering_labels_as_word_renders_them():
    lines = read_docx(str(EXAMPLES / "ke-hoach-word-mau.docx")).text.splitlines()
    headings = [line for line in lines if line[:3] in ("I. ", "II.", "III", "1. ", "2. ", "a) ", "b) ")]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Chuẩn bị hạ tầng",
                        "2. Số hóa hồ sơ", "a) Số hóa hồ sơ giai đoạn 1", "b) Số hóa hồ sơ giai đoạn 2",
                        "III. TỔ CHỨC THỰC HIỆN"]


def test_tables_header_and_signature():
    document = read_docx(str(EXAMPLES / "ke-hoach-word-mau.docx"))
    lines = document.text.splitlines()
    assert lines[0] == "UBND TỈNH HẢI HÒA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # layout table side by side
    assert "| 1 | Rà soát máy chủ và phần mềm quản lý hồ sơ | Văn phòng Sở | Quý I/2025 |" in lines
    row = lines.index("| 2 | Tập huấn cán bộ số hóa | Phòng Tổ chức, biên chế | Quý II/2025 |")
    assert document.locators[row] == "bảng 2, hàng 3"


def test_the_clean_word_plan_is_clean_and_its_tasks_are_read():
    from draftlint.parser import parse_source
    from draftlint.source import SourceText
    from draftlint.tasks import tasks

    text = read_docx(str(EXAMPLES / "ke-hoach-word-mau.docx")).text
    assert lint(text) == []
    doc = parse_source(SourceText(text))[0]
    rows = [t for t in tasks(doc) if t.lead == "table"]
    assert [t.lead_text for t in rows] == ["Văn phòng Sở", "Phòng Tổ chức, biên chế"]


def test_findings_in_a_word_file_are_located_by_paragraph_and_row():
    result = _lint_docx(EXAMPLES / "ke-hoach-word-loi.docx")
    assert [(f.code, f.locator) for f in result.findings] == [
        ("FMT001", "bảng 1, hàng 1"), ("FMT002", "bảng 1, hàng 1"), ("FMT002", "bảng 1, hàng 1"),
        ("FMT009", "đoạn 1"), ("TSK001", "bảng 2, hàng 2"), ("DAT001", "đoạn 6"), ("SPL002", "đoạn 8"),
        ("NUM007", "đoạn 9"), ("FMT006", "bảng 3, hàng 1"), ("FMT005", "bảng 3, hàng 1"), ("FMT005", "bảng 3, hàng 1")]
    out = run("check", str(EXAMPLES / "ke-hoach-word-loi.docx")).stdout.decode()
    assert "ke-hoach-word-loi.docx[đoạn 6]: error: DAT001 Ngày không có thật: “ngày 31/6/2025”" in out


def test_tracked_changes_read_as_accepted():
    text = read_docx(str(EXAMPLES / "ke-hoach-word-loi.docx")).text
    assert "2. Số hóa hồ sơ từ năm 1990" in text and "(bản cũ)" not in text


def _zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name, make, reason", [
    ("bomb.docx", lambda p: _zip(p, {"word/document.xml": b"<" + b" " * (8 * 1024 * 1024)}), "zip bomb"),
    ("not-word.docx", lambda p: _zip(p, {"hello.txt": "xin chào"}), "not a valid Word file"),
    ("encrypted.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "encrypted"),
    ("text.docx", lambda p: p.write_bytes(b"plain text, not a zip"), "not a valid Word file"),
    ("broken-xml.docx", lambda p: _zip(p, {"word/document.xml": "<w:document"}), "corrupt Word file"),
])
def test_hostile_word_files_are_one_input_error(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as caught:
        read_docx(str(path))
    assert reason in caught.value.reason("en")
    result = _lint_docx(path)
    assert result.input_error and [f.code for f in result.findings] == ["INP001"]


def test_an_empty_document_and_an_external_relationship(tmp_path):
    body = f'<w:document xmlns:w="{make_docx.W_NS}"><w:body><w:p/></w:body></w:document>'
    with pytest.raises(InputError) as caught:
        read_docx(str(_zip(tmp_path / "empty.docx", {"word/document.xml": body})))
    assert caught.value.reason("en") == "the Word file holds no text"
    result = _lint_docx(tmp_path / "empty.docx")
    assert result.input_error and [f.code for f in result.findings] == ["INP001"]
    # A hyperlink is an external relationship in many real drafts: it is read, never followed.
    external = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId9" Type="x" Target="http://example.invalid/a.xml" TargetMode="External"/>'
                '</Relationships>')
    path = tmp_path / "external.docx"
    make_docx.write(path, [make_docx.paragraph("Văn phòng Sở chủ trì.")])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/_rels/settings.xml.rels", external)
    assert read_docx(str(path)).text == "Văn phòng Sở chủ trì.\n"  # nothing outside the zip is read


def test_annotate_writes_one_word_comment_per_finding_and_never_touches_the_draft(tmp_path):
    from docx import Document

    draft = tmp_path / "ke-hoach.docx"
    draft.write_bytes((EXAMPLES / "ke-hoach-word-loi.docx").read_bytes())
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    out = tmp_path / "ke-hoach-nhan-xet.docx"
    result = run("check", str(draft), "--annotate", str(out))
    assert result.returncode == 1 and "Đã ghi 11 nhận xét" in result.stderr.decode()
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before
    comments = list(Document(str(out)).comments)
    assert [c.author for c in comments] == ["draftlint"] * 11
    codes = [c.text.split(":")[0] for c in comments]
    assert codes[3:8] == ["FMT009", "TSK001", "DAT001", "SPL002", "NUM007"]
    assert "“hổ trợ” → “hỗ trợ”" in comments[6].text
    # The annotated copy is still the same draft: the comments are not part of its text.
    assert read_docx(str(out)).text == read_docx(str(draft)).text


def test_annotate_needs_one_word_draft_and_never_overwrites_it(tmp_path):
    result = run("check", str(EXAMPLES / "ke-hoach-mau.txt"), "--annotate", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "--annotate needs exactly one .docx file" in run(
        "check", "--lang", "en", str(EXAMPLES / "ke-hoach-mau.txt"), "--annotate", str(tmp_path / "x.docx")
    ).stderr.decode()
    draft = tmp_path / "kh.docx"
    draft.write_bytes((EXAMPLES / "ke-hoach-word-loi.docx").read_bytes())
    before = draft.read_bytes()
    result = run("check", str(draft), "--annotate", str(draft))
    assert result.returncode == 2 and "must not overwrite" in result.stderr.decode()
    assert draft.read_bytes() == before


def test_typed_numbering_among_automatic_is_reported():
    document = read_docx(str(EXAMPLES / "ke-hoach-word-loi.docx"))
    typed = document.text.splitlines().index("4. Báo cáo kết quả") + 1
    assert typed not in document.numbered
    assert typed - 2 in document.numbered  # "3. Tổ chức tập huấn", numbered by Word


def test_numbering_from_styles_with_overrides_and_multilevel_labels(tmp_path):
    numbering = f"""<w:numbering xmlns:w="{make_docx.W_NS}">
<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""
    styles = f"""<w:styles xmlns:w="{make_docx.W_NS}"><w:style w:styleId="Muc2"><w:pPr><w:numPr><w:ilvl w:val="1"/>
<w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"""

    def p(text, ilvl=None, style=None):
        ppr = ""
        if ilvl is not None:
            ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        elif style:
            ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        return f'<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>'

    body = "".join([p("Bốn", 0), p("Con thứ nhất", style="Muc2"), p("Con thứ hai", style="Muc2"), p("Ý", 2),
                    p("Năm", 0), p("Con của năm", 1)])
    document = f'<w:document xmlns:w="{make_docx.W_NS}"><w:body>{body}</w:body></w:document>'
    path = _zip(tmp_path / "n.docx", {"word/document.xml": document, "word/numbering.xml": numbering,
                                      "word/styles.xml": styles})
    assert read_docx(str(path)).text.splitlines() == [
        "4. Bốn", "4.1. Con thứ nhất", "4.2. Con thứ hai", "(i) Ý", "5. Năm", "5.1. Con của năm"]


def _commented_plan(tmp_path, comments):
    """A small Word plan with a repeated word and a doubled space; ``comments`` are (paragraph
    index, run index or None for the whole paragraph, comment text)."""
    from docx import Document

    document = Document()
    texts = ["UBND TỈNH HÀ NAM", "KẾ HOẠCH", "Tập huấn nghiệp vụ văn thư năm 2026", "I. MỤC ĐÍCH, YÊU CẦU"]
    for text in texts:
        document.add_paragraph(text)
    p = document.add_paragraph()
    p.add_run("1. Nâng cao kỹ năng soạn thảo văn bản ")
    p.add_run("của của")
    p.add_run(" công chức toàn tỉnh.")
    document.add_paragraph("2. Bảo đảm tiết kiệm,  hiệu quả.")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung", "Đơn vị chủ trì")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "Rà soát hồ sơ hồ sơ lưu trữ", "Văn phòng Sở")):
        cell.text = text
    paragraphs = document.paragraphs
    for index, run, text in comments:
        if index == "row":
            runs = table.rows[1].cells[1].paragraphs[0].runs
        else:
            runs = paragraphs[index].runs if run is None else [paragraphs[index].runs[run]]
        document.add_comment(runs, text=text, author="Trưởng phòng")
    path = tmp_path / "ke-hoach-nhan-xet.docx"
    document.save(path)
    return path


def test_a_word_comment_draftlint_disable_silences_that_code_on_the_commented_text(tmp_path):
    plain = {f.code for f in _lint_docx(_commented_plan(tmp_path, [])).findings}
    assert {"SPL001", "UNI004"} <= plain
    path = _commented_plan(tmp_path, [(4, 1, "draftlint: disable SPL001 — trích nguyên văn"),
                                      ("row", None, "draftlint: disable SPL001")])
    findings = _lint_docx(path).findings
    assert not [f for f in findings if f.code == "SPL001"]
    assert [f for f in findings if f.code == "UNI004"]  # another code on another paragraph: kept
    assert not [f for f in findings if f.code == "INP003"]


def test_a_word_comment_covers_only_its_own_text_and_codes(tmp_path):
    # Anchored on the run before the repeated word: the repeat is not silenced, and the comment,
    # which silences nothing, is reported where it is.
    path = _commented_plan(tmp_path, [(4, 0, "draftlint: disable SPL001"),
                                      (5, None, "draftlint: disable CIT001"),
                                      (5, None, "Đề nghị viết lại câu này")])
    findings = _lint_docx(path).findings
    assert [f.locator for f in findings if f.code == "SPL001"] == ["đoạn 5", "bảng 1, hàng 2"]
    unused = [f for f in findings if f.code == "INP003"]
    assert sorted(f.locator for f in unused) == ["đoạn 5", "đoạn 6"]
    assert "CIT001" in " ".join(f.message for f in unused)


def test_a_word_comment_with_no_code_silences_every_rule_on_its_text(tmp_path):
    path = _commented_plan(tmp_path, [(5, None, "draftlint: disable vì là trích dẫn nguyên văn")])
    findings = _lint_docx(path).findings
    assert not [f for f in findings if f.locator == "đoạn 6"]


# --- --fix in Word drafts -------------------------------------------------------------------

def _formatted_plan(tmp_path):
    """A Word plan whose fixable mistakes sit in formatted runs, across runs, and in a table."""
    from docx import Document

    document = Document()
    for text in ("UBND TỈNH HÀ NAM", "KẾ HOẠCH", "Hỗ trợ cơ sở năm 2026", "I. NHIỆM VỤ"):
        document.add_paragraph(text)
    p = document.add_paragraph()
    p.add_run("1. Văn phòng Sở tăng cường ")
    bold = p.add_run("hổ trợ")
    bold.bold = True
    p.add_run(" cán bộ ")
    italic = p.add_run("cơ sở")
    italic.italic = True
    p.add_run(".")
    q = document.add_paragraph()
    q.add_run("2. Văn phòng Sở rà soát của ")  # "của của" split over two runs
    q.add_run("của hồ sơ.")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung", "Đơn vị chủ trì")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "Tập huấn hổ trợ nghiệp vụ", "Văn phòng Sở")):
        cell.text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    return path


def test_fix_writes_into_the_runs_and_keeps_their_formatting(tmp_path):
    from docx import Document

    path = _formatted_plan(tmp_path)
    before = zipfile.ZipFile(path)
    original = {i.filename: before.read(i) for i in before.infolist()}
    result = run("check", "--fix", str(path))
    stderr = result.stderr.decode()
    # The table row's mistake cannot be written into one run: declined, named, still reported.
    assert stderr.count("[bảng 1, hàng 2]: không sửa tự động được SPL002") == 1
    assert "SPL002" in result.stdout.decode() and "bảng 1, hàng 2" in result.stdout.decode()
    paragraphs = Document(path).paragraphs
    runs = [(r.text, r.bold, r.italic) for r in paragraphs[4].runs]
    assert runs == [("1. Văn phòng Sở tăng cường ", None, None), ("hỗ trợ", True, None), (" cán bộ ", None, None),
                    ("cơ sở", None, True), (".", None, None)]
    assert paragraphs[5].text == "2. Văn phòng Sở rà soát của hồ sơ."
    after = zipfile.ZipFile(path)
    assert [i.filename for i in after.infolist()] == list(original)
    assert all(after.read(name) == data for name, data in original.items() if name != "word/document.xml")
    # Fixing again changes nothing: the file is not even rewritten.
    written = path.read_bytes()
    run("check", "--fix", str(path))
    assert path.read_bytes() == written


def test_diff_on_a_word_draft_shows_the_text_change_and_writes_nothing(tmp_path):
    path = _formatted_plan(tmp_path)
    before = path.read_bytes()
    result = run("check", "--diff", str(path))
    assert result.returncode == 1
    diff = result.stdout.decode()
    assert "-1. Văn phòng Sở tăng cường hổ trợ cán bộ cơ sở." in diff
    assert "+1. Văn phòng Sở tăng cường hỗ trợ cán bộ cơ sở." in diff
    assert path.read_bytes() == before


def test_soft_line_breaks_in_a_header_cell_part_its_lines(tmp_path):
    """Word drafts often put the number and V/v, or the national title and motto, in one cell paragraph
    broken by Shift+Enter: each is a line of the header, so the date line beside them is read."""
    def cell(*runs):
        inner = "<w:br/>".join(f"<w:t>{text}</w:t>" for text in runs)
        return f"<w:tc><w:p><w:r>{inner}</w:r></w:p></w:tc>"

    rows = [
        cell("BỘ Y TẾ") + cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        cell("Số: 120/BYT-KH", "V/v triển khai kế hoạch") + cell("Hà Nội, ngày 3 tháng 01 năm 2025"),
    ]
    table = "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"
    body = table + '<w:p><w:r><w:t xml:space="preserve">Kính gửi: Sở Y tế các tỉnh.</w:t></w:r></w:p>'
    document = f'<w:document xmlns:w="{make_docx.W_NS}"><w:body>{body}</w:body></w:document>'
    path = _zip(tmp_path / "cv.docx", {"word/document.xml": document})
    assert read_docx(str(path)).text.splitlines()[:4] == [
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 120/BYT-KH\tHà Nội, ngày 3 tháng 01 năm 2025", "V/v triển khai kế hoạch"]
    found = [(f.code, f.line) for f in _lint_docx(path).findings]
    assert ("DAT006", 3) in found
    assert not any(code in ("FMT001", "FMT002") for code, _ in found), found
