"""``draftlint outline``: how a draft was read — each logical line with its kind and place, then the
section tree — for a text draft and a Word draft alike."""

from __future__ import annotations

import importlib.util
import json
import re

from conftest import ROOT, run

_spec = importlib.util.spec_from_file_location("make_docx", ROOT / "examples" / "make_docx.py")
make_docx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_docx)

PLAN = """\
UBND TỈNH HẢI HÒA
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 21/KH-SLĐTBXH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hải Hòa, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Hỗ trợ việc làm cho người lao động sau đào tạo nghề năm 2025

Thực hiện Kế hoạch số 30/KH-UBND ngày 20/01/2025 của UBND tỉnh, Sở Lao động - Thương binh và Xã hội ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Kết nối người học nghề với doanh nghiệp trên địa bàn tỉnh.
2. Yêu cầu
Mỗi nhiệm vụ có đơn vị chủ trì và thời hạn hoàn thành.
II. NHIỆM VỤ
1. Tổ chức phiên giao dịch việc làm
1.1. Phiên giao dịch định kỳ
a) Tổ chức phiên giao dịch việc làm hằng tháng tại Trung tâm Dịch vụ việc làm.
b) Thông tin danh sách doanh nghiệp tham gia trên Cổng thông tin điện tử của Sở.
Đơn vị chủ trì: Trung tâm Dịch vụ việc làm; thời gian thực hiện: hằng tháng.
2. Tư vấn nghề nghiệp
- Tư vấn cho học viên các cơ sở giáo dục nghề nghiệp trước khi tốt nghiệp.
Đơn vị chủ trì: Phòng Giáo dục nghề nghiệp; thời gian thực hiện: Quý II/2025.
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở triển khai thực hiện, báo cáo kết quả trước ngày 15/12/2025./.

Nơi nhận:
- UBND tỉnh (b/c);
- Các phòng, đơn vị thuộc Sở;
- Lưu: VT, GDNN.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Hùng
"""

TREE = [("I.", "MỤC ĐÍCH, YÊU CẦU", [("1.", "Mục đích", []), ("2.", "Yêu cầu", [])]),
        ("II.", "NHIỆM VỤ", [
            ("1.", "Tổ chức phiên giao dịch việc làm", [
                ("1.1.", "Phiên giao dịch định kỳ", [
                    ("a)", "Tổ chức phiên giao dịch việc làm hằng tháng tại Trung tâm Dịch vụ việc làm.", []),
                    ("b)", "Thông tin danh sách doanh nghiệp tham gia trên Cổng thông tin điện tử của Sở.", [])])]),
            ("2.", "Tư vấn nghề nghiệp", [])]),
        ("III.", "TỔ CHỨC THỰC HIỆN", [])]


def _tree(sections):
    return [(s["marker"], s["title"], _tree(s["children"])) for s in sections]


def _word_plan(path):
    """The same plan as a Word file: header and signature tables, the outline numbered by Word."""
    lines = PLAN.splitlines()
    header = make_docx.table([[lines[0:3], lines[3:6]]])
    closing = make_docx.table([[lines[-7:-3], lines[-3:]]])
    levels = {"I": 0, "II": 0, "III": 0}
    body = []
    for line in lines[7:-8]:
        if not line:
            continue
        marker = line.split(" ", 1)[0].rstrip(".)")
        if marker in levels:
            body.append(make_docx.paragraph(line.split(" ", 1)[1], 0))
        elif marker in ("1", "2"):
            body.append(make_docx.paragraph(line.split(" ", 1)[1], 1))
        elif marker in ("a", "b"):
            body.append(make_docx.paragraph(line.split(" ", 1)[1], 2))
        else:
            body.append(make_docx.paragraph(line))  # "1.1." typed, as drafters do under Word's "1."
    make_docx.write(path, [header, *body, closing])
    return path


def _at(text: str) -> str:
    """Where a line of PLAN stands, as the text outline names it."""
    return f"dòng {PLAN.splitlines().index(text) + 1}"


def test_outline_of_a_text_plan_shows_each_line_kind_and_the_section_tree(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = run("outline", str(path))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    lines, structure = out.split("\nCấu trúc:\n")
    rows = {}
    for row in lines.splitlines()[3:]:
        where, kind, text = re.split(r"\s{2,}", row.strip())
        rows[where] = (kind, text)
    assert rows[_at("Số: 21/KH-SLĐTBXH")][0] == "số, ký hiệu"
    assert rows[_at("Hải Hòa, ngày 14 tháng 3 năm 2025")][0] == "địa danh, ngày tháng"
    assert rows[_at("I. MỤC ĐÍCH, YÊU CẦU")][0] == "mục La Mã (I.)"
    assert rows[_at("1.1. Phiên giao dịch định kỳ")][0] == "mục số hai cấp (1.1.)"
    assert rows[_at("b) Thông tin danh sách doanh nghiệp tham gia trên Cổng thông tin điện tử của Sở.")][0] == "điểm (a)"
    assert rows[_at("Đơn vị chủ trì: Phòng Giáo dục nghề nghiệp; thời gian thực hiện: Quý II/2025.")][0] == \
        "đơn vị chủ trì"
    assert rows[_at("- Các phòng, đơn vị thuộc Sở;")] == ("nơi nhận: một mục", "- Các phòng, đơn vị thuộc Sở;")
    assert rows[_at("KT. GIÁM ĐỐC")][0] == "quyền hạn, chức vụ người ký"
    assert rows[_at("Lê Văn Hùng")][0] == "họ tên người ký"
    assert structure.splitlines() == [
        f"  Phần đầu ({_at('UBND TỈNH HẢI HÒA')} – {_at('Hải Hòa, ngày 14 tháng 3 năm 2025')})",
        f"  Tên loại: KẾ HOẠCH — Hỗ trợ việc làm cho người lao động sau đào tạo nghề năm 2025 ({_at('KẾ HOẠCH')})",
        f"  Căn cứ, mở đầu ({_at(PLAN.splitlines()[10])})",
        f"  I. MỤC ĐÍCH, YÊU CẦU ({_at('I. MỤC ĐÍCH, YÊU CẦU')})",
        f"    1. Mục đích ({_at('1. Mục đích')})",
        f"    2. Yêu cầu ({_at('2. Yêu cầu')})",
        f"  II. NHIỆM VỤ ({_at('II. NHIỆM VỤ')})",
        f"    1. Tổ chức phiên giao dịch việc làm ({_at('1. Tổ chức phiên giao dịch việc làm')})",
        f"      1.1. Phiên giao dịch định kỳ ({_at('1.1. Phiên giao dịch định kỳ')})",
        "        a) Tổ chức phiên giao dịch việc làm hằng tháng tại Trung tâm Dịch vụ việc làm. "
        f"({_at('a) Tổ chức phiên giao dịch việc làm hằng tháng tại Trung tâm Dịch vụ việc làm.')})",
        "        b) Thông tin danh sách doanh nghiệp tham gia trên Cổng thông tin điện tử của Sở. "
        f"({_at('b) Thông tin danh sách doanh nghiệp tham gia trên Cổng thông tin điện tử của Sở.')})",
        f"    2. Tư vấn nghề nghiệp ({_at('2. Tư vấn nghề nghiệp')})",
        f"  III. TỔ CHỨC THỰC HIỆN ({_at('III. TỔ CHỨC THỰC HIỆN')})",
        f"  Đoạn kết ({_at(PLAN.splitlines()[-9])})",
        f"  Phần kết: nơi nhận: 3 mục ({_at('Nơi nhận:')}); người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Lê Văn Hùng "
        f"({_at('KT. GIÁM ĐỐC')})",
    ]


def test_outline_of_the_same_plan_in_word_gives_the_same_tree_located_by_paragraph(tmp_path):
    text = tmp_path / "ke-hoach.txt"
    text.write_text(PLAN, encoding="utf-8")
    word = _word_plan(tmp_path / "ke-hoach.docx")
    result = run("outline", "--format", "json", str(text), str(word))
    assert result.returncode == 0, result.stderr.decode()
    from_text, from_word = json.loads(result.stdout)
    assert _tree(from_text["sections"]) == _tree(from_word["sections"]) == TREE
    # The same lines of the same kinds (the header's cells are read side by side in Word).
    assert sorted((line["kind"], line["text"]) for line in from_text["lines"]) == \
        sorted((line["kind"], line["text"]) for line in from_word["lines"])
    by_text = {line["text"]: line for line in from_word["lines"]}
    assert by_text["Số: 21/KH-SLĐTBXH"]["where"] == "bảng 1, hàng 1"  # a line of the header table's cell
    assert by_text["I. MỤC ĐÍCH, YÊU CẦU"]["where"] == "đoạn 4"  # "I." drawn by Word's numbering
    assert by_text["1.1. Phiên giao dịch định kỳ"]["kind"] == "DOTTED"
    assert from_word["closing"]["signer_name"]["text"] == "Lê Văn Hùng"
    assert from_text["lines"][0]["where"] is None
    english = run("outline", "--lang", "en", str(word)).stdout.decode()
    assert "\nStructure:\n" in english and "  paragraph 4     Roman heading (I.)" in english
    assert "  Closing: recipients: 3 items (table 2, row 1)" in english


def test_outline_read_errors_are_one_line_each_and_exit_2(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    legacy = tmp_path / "cong-van.txt"
    legacy.write_bytes("Kế hoạch số 5".encode("utf-8") + b"\xff\xfe\xb8\xb9 \xb8\xb9 \xb8\xb9")
    result = run("outline", str(tmp_path / "khong-co.txt"), str(path), str(legacy))
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 2 and errors[0] == f"draftlint: lỗi: {tmp_path / 'khong-co.txt'}: không tìm thấy tệp"
    assert errors[1].startswith(f"draftlint: lỗi: {legacy}: ")
    assert "I. MỤC ĐÍCH, YÊU CẦU" in result.stdout.decode()  # the readable draft is still shown
    assert "Traceback" not in result.stderr.decode()


def test_every_line_kind_has_a_label_in_both_languages():
    import tomllib

    grammar = (ROOT / "grammar" / "draft.lark").read_text(encoding="utf-8")
    kinds = {kind for line in grammar.splitlines() if line.startswith("%declare") for kind in line.split()[1:]}
    with open(ROOT / "linter" / "data" / "line_kinds.toml", "rb") as handle:
        labels = tomllib.load(handle)
    assert set(labels) == kinds
    assert all(set(entry) == {"vi", "en"} and all(entry.values()) for entry in labels.values())
    assert len({entry["vi"] for entry in labels.values()}) == len(labels)  # no two kinds read alike
