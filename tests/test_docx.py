"""Word drafts: the text, numbering labels, tables and locations read from a .docx, and hostile files."""

from __future__ import annotations

import importlib.util
import json
import zipfile

import pytest

from conftest import EXAMPLES, ROOT, lint, run
from draftlint.front.docx import read_docx
from draftlint.lint.engine import Engine
from draftlint.lint.policy import Overrides
from draftlint.i18n import where
from draftlint.model import Location
from draftlint.registry import all_rules
from draftlint.config import Config
from draftlint.front.source import InputError

_spec = importlib.util.spec_from_file_location("make_docx", ROOT / "examples" / "make_docx.py")
make_docx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_docx)


def _lint_docx(path):
    return Engine(all_rules(), Overrides()).lint_file(str(path), Config())


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
    assert document.locations[row] == Location(table=2, row=3)
    assert document.locations[0] == Location(table=1, row=1) and document.locations[lines.index("KẾ HOẠCH")] \
        == Location(paragraph=1)


def test_the_clean_word_plan_is_clean_and_its_tasks_are_read():
    from draftlint.front.pipeline import read_document
    from draftlint.extract.tasks import tasks

    text = read_docx(str(EXAMPLES / "ke-hoach-word-mau.docx")).text
    assert lint(text) == []
    doc = read_document(text)
    rows = [t for t in tasks(doc) if t.lead == "table"]
    assert [t.lead_text for t in rows] == ["Văn phòng Sở", "Phòng Tổ chức, biên chế"]


def test_findings_in_a_word_file_are_located_by_paragraph_and_row():
    result = _lint_docx(EXAMPLES / "ke-hoach-word-loi.docx")
    # A finding in one cell of a table row names the cell; one over the whole row, the row.
    assert [(f.code, f.location) for f in result.findings] == [
        ("FMT001", Location(table=1, row=1, cell=2)), ("FMT002", Location(table=1, row=1, cell=1)),
        ("FMT002", Location(table=1, row=1, cell=1)), ("FMT009", Location(paragraph=1)),
        ("TSK001", Location(table=2, row=2)), ("DAT001", Location(paragraph=6)), ("SPL002", Location(paragraph=8)),
        ("NUM007", Location(paragraph=9)), ("FMT006", Location(table=3, row=1, cell=2)),
        ("FMT005", Location(table=3, row=1, cell=1)), ("FMT005", Location(table=3, row=1, cell=1))]
    out = run("check", str(EXAMPLES / "ke-hoach-word-loi.docx")).stdout.decode()
    assert "ke-hoach-word-loi.docx[đoạn 6]: error: DAT001 Ngày không có thật: “ngày 31/6/2025”" in out
    assert "ke-hoach-word-loi.docx[bảng 3, hàng 1, ô 2]: warning: FMT006 Quyền hạn ký viết “KT GIÁM ĐỐC”" in out


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


def test_annotate_needs_a_word_draft_and_never_overwrites_one(tmp_path):
    result = run("check", str(EXAMPLES / "ke-hoach-mau.txt"), "--annotate", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and result.stdout == b""  # said before anything is linted
    assert result.stderr.decode().startswith("draftlint: lỗi: --annotate ghi nhận xét vào bản sao của tệp Word")
    assert "there is no .docx draft in" in run(
        "check", "--lang", "en", str(EXAMPLES / "ke-hoach-mau.txt"), "--annotate", str(tmp_path / "x.docx")
    ).stderr.decode()
    draft = tmp_path / "kh.docx"
    draft.write_bytes((EXAMPLES / "ke-hoach-word-loi.docx").read_bytes())
    before = draft.read_bytes()
    result = run("check", str(draft), "--annotate", str(draft), "--lang", "en")
    assert result.returncode == 2 and "must not overwrite the draft" in result.stderr.decode()
    # A folder's drafts annotated into that same folder would each overwrite itself.
    result = run("check", str(tmp_path), "--annotate", str(tmp_path))
    assert result.returncode == 2 and "không được ghi đè lên dự thảo" in result.stderr.decode()
    assert draft.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["kh.docx"]


def _word_drafts(tmp_path):
    """A drafts folder: a defective Word plan (readable by its group only), a clean one in a year's
    sub-folder, and a text plan."""
    folder = tmp_path / "du-thao"
    (folder / "2025").mkdir(parents=True)
    defective = folder / "ke-hoach-so-hoa.docx"
    defective.write_bytes((EXAMPLES / "ke-hoach-word-loi.docx").read_bytes())
    defective.chmod(0o640)
    (folder / "2025" / "ke-hoach-mau.docx").write_bytes((EXAMPLES / "ke-hoach-word-mau.docx").read_bytes())
    (folder / "ke-hoach.txt").write_bytes((EXAMPLES / "ke-hoach-loi-danh-so.txt").read_bytes())
    return folder


def test_annotate_a_folder_writes_each_word_draft_into_the_output_folder(tmp_path):
    from docx import Document

    folder = _word_drafts(tmp_path)
    out = tmp_path / "nhan-xet"
    out.mkdir()
    result = run("check", str(folder), "--annotate", str(out), "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    stderr = result.stderr.decode()
    assert "--annotate: bỏ qua 1 tệp không phải Word (.txt, .md)" in stderr
    assert f"Đã ghi 11 nhận xét vào {out / 'ke-hoach-so-hoa.docx'}" in stderr
    assert f"Đã ghi 0 nhận xét vào {out / '2025' / 'ke-hoach-mau.docx'}" in stderr
    copies = sorted(str(p.relative_to(out)) for p in out.rglob("*.docx"))
    assert copies == ["2025/ke-hoach-mau.docx", "ke-hoach-so-hoa.docx"]
    comments = list(Document(str(out / "ke-hoach-so-hoa.docx")).comments)
    expected = [f for f in findings if f["path"].endswith("ke-hoach-so-hoa.docx")]
    assert [c.text.split(":")[0] for c in comments] == [f["code"] for f in expected]
    # Each copy keeps its draft's permissions.
    assert (out / "ke-hoach-so-hoa.docx").stat().st_mode & 0o777 == 0o640
    assert (out / "2025" / "ke-hoach-mau.docx").stat().st_mode == (folder / "2025" / "ke-hoach-mau.docx").stat().st_mode
    # One draft may go into a folder too, under its own name.
    single = tmp_path / "mot"
    single.mkdir()
    result = run("check", str(folder / "ke-hoach-so-hoa.docx"), "--annotate", str(single))
    assert result.returncode == 1 and [p.name for p in single.iterdir()] == ["ke-hoach-so-hoa.docx"]


def test_annotate_into_a_missing_folder_is_one_line_and_writes_nothing(tmp_path):
    folder = _word_drafts(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    for target in (tmp_path / "chua-tao", tmp_path / "chua-tao" / "ke-hoach-nhan-xet.docx"):
        result = run("check", str(folder), "--annotate", str(target))
        assert result.returncode == 2 and result.stdout == b""
        assert result.stderr.decode() == (f"draftlint: lỗi: --annotate {target}: không có thư mục này; với nhiều tệp "
                                          f".docx (hoặc một thư mục), --annotate là thư mục nhận các bản sao có nhận "
                                          f"xét: hãy tạo nó trước\n")
    result = run("check", str(folder / "ke-hoach-so-hoa.docx"), "--annotate", str(tmp_path / "chua-tao" / "kh.docx"),
                 "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.decode() == f"draftlint: error: --annotate {tmp_path / 'chua-tao' / 'kh.docx'}: no such " \
                                     f"folder {tmp_path / 'chua-tao'}\n"
    assert sorted(tmp_path.rglob("*")) == before


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
    assert [where(f.location, 'vi') for f in findings if f.code == "SPL001"] == ["đoạn 5", "bảng 1, hàng 2, ô 2"]
    unused = [f for f in findings if f.code == "INP003"]
    assert sorted(where(f.location, 'vi') for f in unused) == ["đoạn 5", "đoạn 6"]
    assert "CIT001" in " ".join(f.message for f in unused)


def test_a_word_comment_with_no_code_silences_every_rule_on_its_text(tmp_path):
    path = _commented_plan(tmp_path, [(5, None, "draftlint: disable vì là trích dẫn nguyên văn")])
    findings = _lint_docx(path).findings
    assert not [f for f in findings if where(f.location, 'vi') == "đoạn 6"]


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
    assert stderr.count("[bảng 1, hàng 2, ô 2]: không sửa tự động được SPL002") == 1
    assert "SPL002" in result.stdout.decode() and "bảng 1, hàng 2" in result.stdout.decode()
    # …and is no longer offered as something --fix mends.
    declined = next(line for line in result.stdout.decode().splitlines() if "[bảng 1, hàng 2, ô 2]" in line)
    assert "SPL002 Viết sai" in declined and "[*]" not in declined
    assert "sửa được bằng --fix" not in result.stdout.decode()
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


def test_fix_renames_an_acronym_slip_at_every_use_in_a_word_draft(tmp_path):
    """The definition and both later uses of the slip sit in runs of their own paragraphs (one in
    bold): all three become PCI, each run keeping its formatting."""
    from docx import Document

    document = Document()
    for text in ("KẾ HOẠCH", "Cải thiện môi trường đầu tư kinh doanh năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
                 "1. Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (CPI) của tỉnh năm 2025."):
        document.add_paragraph(text)
    p = document.add_paragraph("2. Phấn đấu ")
    p.add_run("CPI").bold = True
    p.add_run(" năm 2025 của tỉnh thuộc nhóm 10 tỉnh dẫn đầu cả nước.")
    document.add_paragraph("II. NHIỆM VỤ")
    document.add_paragraph("1. Sở Kế hoạch và Đầu tư chủ trì theo dõi các chỉ số thành phần CPI, báo cáo UBND tỉnh "
                           "trước ngày 15/12/2025.")
    path = tmp_path / "ke-hoach-pci.docx"
    document.save(path)
    assert [where(f.location, 'vi') for f in _lint_docx(path).findings if f.code == "ABB001"] == ["đoạn 4", "đoạn 5", "đoạn 7"]
    result = run("check", "--fix", "--unsafe-fixes", "--select", "ABB", str(path))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    text = read_docx(str(path)).text
    assert "CPI" not in text and text.count("PCI") == 3
    assert [(r.text, r.bold) for r in Document(path).paragraphs[4].runs][1] == ("PCI", True)


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


# --- Word layouts as a person sees them -------------------------------------------------------

def _cell(cell, lines, soft: bool):
    """Lines in a table cell as Word writes them: one paragraph each (Enter), or one paragraph whose
    runs are parted by ``<w:br/>`` (Shift+Enter; python-docx's ``run.add_break()``)."""
    if soft:
        paragraph = cell.paragraphs[0]
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    else:
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _word_plan(path, soft=False, agency=("UBND TỈNH HẢI HÒA", "SỞ NỘI VỤ"), header_columns=2,
               recipients=("- UBND tỉnh (b/c);", "- Lưu: VT, VP."), signer=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "",
                                                                           "Trần Thị Lan")):
    """A Word plan dated 20/02/2025 whose task table sets one deadline before that date and leaves
    one lead cell empty; its header and signature are layout tables."""
    from docx import Document

    document = Document()
    header = document.add_table(rows=1, cols=header_columns)
    _cell(header.rows[0].cells[0], [*agency, "Số: 15/KH-SNV"], soft)
    _cell(header.rows[0].cells[-1], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                     "Hải Hòa, ngày 20 tháng 02 năm 2025"], soft)
    for text in ("KẾ HOẠCH", "Số hóa hồ sơ lưu trữ năm 2025",
                 "Thực hiện Quyết định số 25/QĐ-UBND ngày 06/01/2025 của UBND tỉnh về việc giao chỉ tiêu chuyển "
                 "đổi số năm 2025, Sở Nội vụ ban hành Kế hoạch như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Số hóa toàn bộ hồ sơ đang lưu trữ tại Sở.", "II. NHIỆM VỤ"):
        document.add_paragraph(text)
    tasks = document.add_table(rows=3, cols=4)
    for row, texts in zip(tasks.rows, [("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"),
                                       ("1", "Rà soát hồ sơ lưu trữ", "Văn phòng Sở", "Trước ngày 15/02/2025"),
                                       ("2", "Tập huấn cán bộ số hóa", "", "Quý II/2025")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện trước ngày 15/12/2025./.")
    closing = document.add_table(rows=1, cols=2)
    _cell(closing.rows[0].cells[0], ["Nơi nhận:", *recipients], soft)
    _cell(closing.rows[0].cells[1], list(signer), soft)
    document.save(path)
    return path


@pytest.mark.parametrize("agency, columns", [
    (("UBND TỈNH HẢI HÒA", "SỞ NỘI VỤ"), 2),
    (("BỘ NỘI VỤ", "CƠ QUAN ĐẠI DIỆN PHÍA NAM"), 2),  # "cơ quan" in the header does not make it a data table
    (("UBND TỈNH HẢI HÒA", "SỞ NỘI VỤ"), 3),  # an empty column between agency and national title
], ids=["two-columns", "agency-co-quan", "three-columns"])
def test_a_plan_with_soft_line_breaks_in_its_tables_reads_as_the_same_plan_typed_with_enter(tmp_path, agency,
                                                                                          columns):
    found = {}
    for soft in (False, True):
        path = _word_plan(tmp_path / f"ke-hoach-{soft}.docx", soft, agency, columns)
        document = read_docx(str(path))
        assert "Số: 15/KH-SNV\t" + "\t" * (columns - 2) + "Hải Hòa, ngày 20 tháng 02 năm 2025" in document.text
        found[soft] = [(f.code, where(f.location, 'vi')) for f in _lint_docx(path).findings]
    assert found[True] == found[False]
    assert ("DAT002", "bảng 2, hàng 2, ô 4") in found[True]  # the deadline 15/02 before the issue date 20/02
    assert ("TSK001", "bảng 2, hàng 3") in found[True]  # the empty lead cell


@pytest.mark.parametrize("soft", [False, True], ids=["enter", "soft-break"])
def test_a_signature_table_whose_recipients_name_units_is_read_as_the_closing(tmp_path, soft):
    """"- Các phòng, đơn vị thuộc Sở;" among the recipients: the table is still the closing (Nơi nhận
    beside a signing title), so its recipients and signer are checked and nothing else is reported."""
    recipients = ("- UBND tỉnh (b/c)", "- Các phòng, đơn vị thuộc Sở;", "- Hiệp hội DN tỉnh;", "- Lưu: VT, VP.")
    signer = ("KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "TS. Trần Thị Lan")
    path = _word_plan(tmp_path / "ke-hoach.docx", soft, recipients=recipients, signer=signer)
    document = read_docx(str(path))
    assert "Nơi nhận:\tKT GIÁM ĐỐC" in document.text.splitlines()
    findings = _lint_docx(path).findings
    codes = [f.code for f in findings]
    assert not [c for c in codes if c.startswith("ABB") or c == "FMT009"], codes
    messages = [f.message for f in findings if f.location and (f.location.table, f.location.row) == (3, 1)]
    assert "Mục “- UBND tỉnh (b/c)” chưa kết thúc bằng “;”" in messages
    assert "Không ghi học hàm, học vị trước tên người ký: “TS. Trần Thị Lan”" in messages
    assert any(m.startswith("Quyền hạn ký viết “KT GIÁM ĐỐC”;") for m in messages)
    plain = _word_plan(tmp_path / "ke-hoach-khong-don-vi.docx", soft, recipients=recipients[:1] + recipients[3:],
                       signer=signer)
    assert codes == [f.code for f in _lint_docx(plain).findings]


def test_a_draft_whose_signer_cell_is_still_empty_keeps_its_closing(tmp_path):
    """A draft before signing: "Nơi nhận" over its list beside an empty cell is the closing still."""
    recipients = ("- UBND tỉnh (b/c)", "- Các phòng, đơn vị trực thuộc Sở (t/h);", "- Lưu: VT, VP.")
    path = _word_plan(tmp_path / "du-thao.docx", True, recipients=recipients, signer=("",))
    assert "- Các phòng, đơn vị trực thuộc Sở (t/h);" in read_docx(str(path)).text.splitlines()
    findings = _lint_docx(path).findings
    assert "Mục “- UBND tỉnh (b/c)” chưa kết thúc bằng “;”" in [f.message for f in findings]
    plain = _word_plan(tmp_path / "du-thao-2.docx", True, recipients=recipients[:1] + recipients[2:], signer=("",))
    assert [f.code for f in findings] == [f.code for f in _lint_docx(plain).findings]


def test_a_data_table_with_a_recipients_column_stays_a_data_table(tmp_path):
    """A table of letters sent, with a "Nơi nhận" column and agencies in capitals, is data, not a closing."""
    rows = [["STT", "Văn bản", "Nơi nhận"], ["1", "Công văn số 12/SNV-VP", "UBND TỈNH"],
            ["2", "Báo cáo số 3/BC-SNV", "BỘ NỘI VỤ"]]
    path = tmp_path / "bang.docx"
    make_docx.write(path, [make_docx.paragraph("Danh mục văn bản đã gửi:"), make_docx.table(rows)])
    assert "| 1 | Công văn số 12/SNV-VP | UBND TỈNH |" in read_docx(str(path)).text.splitlines()


# --- Word 97–2003 (.doc) ---------------------------------------------------------------------

def _word_97(path):
    """A Word 97–2003 file as Word writes it: a compound file (512-byte sectors: the allocation table,
    the directory with Root Entry, WordDocument and 1Table, then the WordDocument stream)."""
    import struct

    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    stream_sectors = 8  # 4096 bytes: at the mini-stream cutoff, so in ordinary sectors
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH6s9I", 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *[free] * 108))
    fat = [fat_sector, end] + [3 + i for i in range(stream_sectors - 1)] + [end]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))

    def entry(name, kind, child=free, right=free, start=end, size=0):
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1, free, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, child=1) + entry("WordDocument", 2, right=2, start=2, size=4096)
                 + entry("1Table", 2) + b"\0" * 128)
    stream = struct.pack("<HH", 0xA5EC, 0xC1).ljust(stream_sectors * 512, b"\0")  # the FIB's magic and version
    path.write_bytes(header + fat_bytes + directory + stream)
    return path


_OLD_WORD = {"vi": "Word 97–2003 (.doc): lưu lại thành .docx", "en": "Word 97–2003 (.doc): save it as .docx"}


def _input_errors(out: str, lang: str = "vi") -> list[str]:
    """Where each INP001 line of a text report stands, with "!" added when it does not give the reason
    of a Word 97–2003 file."""
    return [line.split(": ", 1)[0] + ("" if line.endswith(_OLD_WORD[lang]) else "!")
            for line in out.splitlines() if " INP001 " in line]


@pytest.mark.parametrize("name", ["ke-hoach.doc", "ke-hoach.DOC", "ke-hoach.docx", "ke-hoach.txt"])
def test_a_word_97_file_is_one_line_saying_to_save_it_as_docx(tmp_path, name):
    """By name, and whatever its extension says (a .doc renamed .docx): Word 97–2003, not "save as UTF-8"."""
    path = _word_97(tmp_path / name)
    result = run("check", str(path))
    assert result.returncode == 2
    assert _input_errors(result.stdout.decode()) == [f"{path}:1:1"]
    english = run("check", "--lang", "en", str(path)).stdout.decode()
    assert _input_errors(english, "en") == [f"{path}:1:1"]


def test_a_compound_file_named_doc_is_a_word_97_file_even_without_its_stream_names(tmp_path):
    """The directory of a damaged or truncated .doc may not name its streams: the extension says which."""
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    result = run("check", str(path))
    assert result.returncode == 2 and "Word 97–2003 (.doc): lưu lại thành .docx" in result.stdout.decode()


def test_a_word_97_file_in_a_folder_is_reported_and_word_lock_files_are_not_drafts(tmp_path):
    folder = tmp_path / "du-thao"
    folder.mkdir()
    (folder / "cong-van.txt").write_text((EXAMPLES / "ke-hoach-mau.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _word_97(folder / "ke-hoach-2003.doc")
    (folder / "~$-hoach-2003.doc").write_bytes(b"\x0cTran Thi Lan" + b"\0" * 150)  # Word's owner file, while open
    (folder / "~$n-ban.docx").write_bytes(b"\x0cTran Thi Lan" + b"\0" * 150)
    result = run("check", str(folder))
    out = result.stdout.decode()
    assert result.returncode == 2, out
    assert _input_errors(out) == [f"{folder / 'ke-hoach-2003.doc'}:1:1"]
    assert "~$" not in out and "2 tệp" in out


def test_a_doc_that_word_saved_as_docx_content_is_read_as_word(tmp_path):
    """A .docx renamed .doc opens in Word: it is read, not refused."""
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes((EXAMPLES / "ke-hoach-word-loi.docx").read_bytes())
    assert [f.code for f in _lint_docx(path).findings] == [f.code for f in
                                                           _lint_docx(EXAMPLES / "ke-hoach-word-loi.docx").findings]
    rtf = tmp_path / "cong-van.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} C\\u244?ng v\\u259?n}")
    assert _input_errors(run("check", "--lang", "en", str(rtf)).stdout.decode(), "en") == [f"{rtf}:1:1"]


def _commented_text(path) -> list[tuple[str, str, int | None]]:
    """Each comment of a written .docx: its own text, the text its range covers, and the (0-based)
    column of the table cell it starts in (None in the body)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    package = zipfile.ZipFile(path)
    root = etree.fromstring(package.read("word/document.xml"))
    covering: dict[str, list[str]] = {}
    found = {}
    for element in root.iter(f"{w}commentRangeStart", f"{w}commentRangeEnd", f"{w}t"):
        key = element.get(f"{w}id")
        if element.tag == f"{w}commentRangeStart":
            cell = next(element.iterancestors(f"{w}tc"), None)
            column = None if cell is None else [c for c in cell.getparent() if c.tag == f"{w}tc"].index(cell)
            covering[key] = [column, ""]
        elif element.tag == f"{w}commentRangeEnd":
            column, text = covering.pop(key)
            found[key] = (text, column)
        else:
            for key in covering:
                covering[key][1] += element.text or ""
    comments = etree.fromstring(package.read("word/comments.xml"))
    return [("".join(c.itertext()), *found[c.get(f"{w}id")]) for c in comments.iter(f"{w}comment")]


def test_annotate_anchors_each_comment_on_the_offending_characters_in_their_cell(tmp_path):
    from docx import Document

    document = Document()
    for text in ("KẾ HOẠCH", "Chuyển đổi số trong công tác văn thư năm 2025", "I. NHIỆM VỤ"):
        document.add_paragraph(text)
    paragraph = document.add_paragraph("Văn phòng Sở chủ trì, ")
    paragraph.add_run("hổ").bold = True  # the misspelling runs over two runs, the first bold
    paragraph.add_run(" trợ các phòng chuyên môn số hóa hồ sơ lưu trữ trong năm 2025.")
    table = document.add_table(rows=2, cols=4)
    for row, texts in zip(table.rows, [("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"),
                                       ("1", "Rà soát hồ sơ lưu trữ", "Văn phòng Sở, hổ trợ Phòng Tổ chức",
                                        "Quý II/2025")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    draft, out = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach-nhan-xet.docx"
    document.save(draft)
    result = run("check", "--select", "SPL002", str(draft), "--annotate", str(out))
    assert "Đã ghi 2 nhận xét" in result.stderr.decode(), result.stderr.decode()
    commented = _commented_text(out)
    assert [(text, column) for _, text, column in commented] == [("hổ trợ", None), ("hổ trợ", 2)]
    # The split runs keep their formatting, and the copy reads as the same draft.
    runs = Document(str(out)).paragraphs[3].runs
    assert [(r.text, bool(r.bold)) for r in runs if r.text] == [
        ("Văn phòng Sở chủ trì, ", False), ("hổ", True), (" trợ", False),
        (" các phòng chuyên môn số hóa hồ sơ lưu trữ trong năm 2025.", False)]
    assert read_docx(str(out)).text == read_docx(str(draft)).text


def test_annotate_anchors_the_example_findings_on_what_their_messages_quote(tmp_path):
    out = tmp_path / "nhan-xet.docx"
    run("check", str(EXAMPLES / "ke-hoach-word-loi.docx"), "--annotate", str(out))
    commented = {comment.split(":")[0]: (text, column) for comment, text, column in _commented_text(out)
                 if comment.startswith(("DAT001", "SPL002", "FMT006", "FMT001"))}
    assert commented == {"DAT001": ("ngày 31/6/2025", None), "SPL002": ("hổ trợ", None),
                         "FMT006": ("KT GIÁM ĐỐC", 1), "FMT001": ("Độc lập – Tự do – Hạnh phúc", 1)}


def test_word_locations_are_worded_in_the_report_language_and_carried_as_numbers(tmp_path):
    path = str(EXAMPLES / "ke-hoach-word-loi.docx")
    english = run("check", "--lang", "en", path).stdout.decode()
    assert "ke-hoach-word-loi.docx[paragraph 6]: error: DAT001 A date that does not exist" in english
    assert "ke-hoach-word-loi.docx[table 3, row 1, cell 2]: warning: FMT006" in english
    assert "đoạn" not in english and "bảng" not in english
    found = json.loads(run("check", "--lang", "en", "--format", "json", path).stdout)
    assert [(f["locator"], f["location"]) for f in found if f["code"] in ("DAT001", "TSK001")] == [
        ("table 2, row 2", {"table": 2, "row": 2}), ("paragraph 6", {"paragraph": 6})]
    vietnamese = json.loads(run("check", "--format", "json", path).stdout)
    assert [f["locator"] for f in vietnamese if f["code"] == "FMT006"] == ["bảng 3, hàng 1, ô 2"]
    sarif = json.loads(run("check", "--lang", "en", "--format", "sarif", path).stdout)
    logical = [r["locations"][0]["logicalLocations"][0] for r in sarif["runs"][0]["results"] if r["ruleId"] == "SPL002"]
    assert logical == [{"name": "paragraph 8", "kind": "element", "properties": {"paragraph": 8}}]
    github = run("check", "--lang", "en", "--format", "github", path).stdout.decode()
    assert "::[paragraph 8] Misspelt: “hổ trợ” → “hỗ trợ”" in github
    outline = run("outline", "--lang", "en", path).stdout.decode()
    assert "table 1, row 1" in outline and "paragraph 1" in outline and "đoạn" not in outline
