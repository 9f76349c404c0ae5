"""The structure parser: seeds parse into their outlines; made-up drafts exercise each construct."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from strategies import drafts

from conftest import SEEDS, needs_seeds, seed_files
from draftlint.front import tagger
from draftlint.model import LineKind
from draftlint.front.pipeline import read_document
from draftlint.front.source import SourceText, read_path

GOLDEN = Path(__file__).parent / "golden" / "seed_outlines.toml"


def parse(text: str):
    return read_document(text, "draft.txt")


def outline(doc) -> str:
    lines: list[str] = []

    def walk(section, depth):
        lines.append("  " * depth + f"{section.heading.first_line} {section.level} {section.marker.number}")
        for child in section.children:
            walk(child, depth + 1)

    for section in doc.sections:
        walk(section, 0)
    return "\n".join(lines) + "\n"


def test_grammar_builds_strict_and_the_shipped_tables_are_its_own():
    # Built afresh: strict=True makes Lark raise on any shift/reduce or reduce/reduce conflict; the
    # tables shipped in grammar/draft.tables.json must be exactly what Lark computes now. After a
    # grammar change, rewrite them with: python -c "import json; from draftlint.front.lalr import *;
    # grammar_path().with_name('draft.tables.json').write_text(json.dumps(build(grammar_path().read_text())))"
    import json

    from draftlint.front.lalr import build, grammar_path

    built = build(grammar_path().read_text(encoding="utf-8"))
    shipped = json.loads(grammar_path().with_name("draft.tables.json").read_text(encoding="utf-8"))
    assert built == shipped
    assert "sec1" in {name for name, _ in built["rules"]}


@functools.lru_cache(maxsize=1)
def _lark_parser():
    from lark import Lark
    from lark.lexer import Lexer

    from draftlint.front.lalr import grammar_path

    class Tokens(Lexer):
        def __init__(self, conf):
            pass

        def lex(self, data):
            yield from data

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer=Tokens)


def _lark_tree(kinds_and_texts):
    """The tree Lark itself builds from the same tokens, in the runtime's shape."""
    from lark import Token as LarkToken, Tree as LarkTree

    from draftlint.front.lalr import Tree

    interactive = _lark_parser().parse_interactive()
    for index, (kind, text) in enumerate(kinds_and_texts):
        interactive.feed_token(LarkToken(kind, text, start_pos=index))
    tree = interactive.feed_eof()

    def convert(node):
        if isinstance(node, LarkTree):
            return Tree(str(node.data), [convert(c) for c in node.children])
        return (node.type, str(node), node.start_pos)

    return convert(tree)


def _runtime_tree(text):
    """The runtime's tree for a draft, and the tokens it took (after the tolerant driver)."""
    from draftlint.front import lalr
    from draftlint.front.normalise import normalise

    norm = normalise(SourceText(text))
    kinds = tagger.zone([line.kind for line in norm.lines], [line.text for line in norm.lines])
    parser = lalr.Parser(lalr.tables())
    fed = []
    for index, (line, kind) in enumerate(zip(norm.lines, kinds)):
        if not parser.accepts(kind):
            if not parser.accepts(LineKind.BODY):
                continue
            kind = LineKind.BODY
        parser.feed(lalr.Token(kind, line.text, index))
        fed.append((kind, line.text))
    tree = parser.finish()

    def convert(node):
        if isinstance(node, lalr.Tree):
            return lalr.Tree(node.data, [convert(c) for c in node.children])
        return (node.type, str(node), node.start_pos)

    return convert(tree), fed


def _renumbered(tree, fed):
    # Lark numbers the tokens it was fed 0, 1, 2…; the runtime keeps each token's line index.
    from draftlint.front import lalr

    positions = iter(range(len(fed)))

    def walk(node):
        if isinstance(node, lalr.Tree):
            return lalr.Tree(node.data, [walk(c) for c in node.children])
        return (node[0], node[1], next(positions))

    return walk(tree)


def _corpus():
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "examples").glob("*.txt"))]
    return texts + [read_path(str(p)) for p in seed_files()]


@pytest.mark.parametrize("index", range(len(_corpus())))
def test_the_runtime_builds_the_tree_lark_builds(index):
    tree, fed = _runtime_tree(_corpus()[index])
    assert _renumbered(tree, fed) == _lark_tree(fed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_the_runtime_builds_the_tree_lark_builds_on_generated_drafts(text):
    tree, fed = _runtime_tree(text)
    assert _renumbered(tree, fed) == _lark_tree(fed)


@needs_seeds
@pytest.mark.parametrize("name", [p.name for p in seed_files()])
def test_seed_outline(name):
    with open(GOLDEN, "rb") as handle:
        golden = tomllib.load(handle)[name]
    doc = parse(read_path(str(SEEDS / name)))
    assert outline(doc) == golden["outline"]
    present = sorted(k for k in ("agency", "national_title", "motto", "number", "place_date", "subject", "addressees")
                     if getattr(doc.header, k))
    assert present == golden["header"]
    assert (doc.title is not None) == golden["title"]
    assert (doc.closing is not None) == golden["closing"]
    assert bool(doc.closing and doc.closing.signer_name) == golden["signer"]
    assert doc.unparsed == (), [u.line.text[:60] for u in doc.unparsed]


PLAN = """\
UBND TỈNH AN HÒA
SỞ Y TẾ
Số:      /KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Hòa, ngày      tháng 5 năm 2025

KẾ HOẠCH
Tiêm chủng mở rộng năm 2025

Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh;

I. MỤC TIÊU
1. Mục tiêu chung
Bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi.
II. NHIỆM VỤ
1. Truyền thông
a) Tại cơ sở;
- Treo băng rôn.
+ Ở trạm y tế.
b) Trên báo, đài.
*Đơn vị chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh.
Trên đây là Kế hoạch tiêm chủng mở rộng năm 2025./.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, NVY.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phạm Thị Lan
"""


def test_plan_parts():
    doc = parse(PLAN)
    assert [line.text for line in doc.header.agency] == ["UBND TỈNH AN HÒA", "SỞ Y TẾ"]
    assert doc.header.number.text == "Số:      /KH-SYT"
    assert doc.header.national_title.text.startswith("CỘNG HÒA")
    assert doc.header.motto is not None and doc.header.place_date is not None
    assert doc.title.line.text == "KẾ HOẠCH"
    assert doc.title.summary.text == "Tiêm chủng mở rộng năm 2025"
    assert [p.text[:7] for p in doc.preamble] == ["Căn cứ "]
    first, second = doc.sections
    assert (first.marker.raw, first.level, first.title) == ("I.", 1, "MỤC TIÊU")
    assert [c.marker.raw for c in second.children] == ["1."]
    points = second.children[0].children
    assert [(p.marker.raw, p.level) for p in points] == [("a)", 5), ("b)", 5)]
    assert [p.kind for p in points[0].paragraphs] == [LineKind.BULLET, LineKind.PLUS]
    assert [p.kind for p in points[1].paragraphs] == [LineKind.LEAD]
    assert [line.text[-4:] for line in doc.conclusion] == ["năm 2025./."[-4:]]
    closing = doc.closing
    assert closing.recipients_heading.text == "Nơi nhận:"
    assert [r.text for r in closing.recipients] == ["- UBND tỉnh (b/c);", "- Lưu: VT, NVY."]
    assert [s.text for s in closing.signer] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert closing.signer_name.text == "Phạm Thị Lan"
    assert doc.unparsed == ()


def test_cong_van_subject_and_addressees():
    doc = parse(
        "SỞ TÀI CHÍNH\nSố: 120/STC-NS\nV/v hướng dẫn lập dự toán\nngân sách năm 2026\n"
        "An Hòa, ngày 02 tháng 7 năm 2025\n\nKính gửi:\n- Các sở, ban, ngành;\n- UBND các huyện.\n\n"
        "Thực hiện Thông tư số 56/2025/TT-BTC, Sở Tài chính hướng dẫn như sau:\n1. Căn cứ lập dự toán\n"
    )
    assert [s.text for s in doc.header.subject] == ["V/v hướng dẫn lập dự toán ngân sách năm 2026"]
    assert [a.text for a in doc.header.addressees.items] == ["- Các sở, ban, ngành;", "- UBND các huyện."]
    assert doc.title is None
    assert [s.marker.raw for s in doc.sections] == ["1."]


def test_recipients_and_signer_side_by_side():
    doc = parse(
        "1. Nội dung\nĐề nghị các đơn vị thực hiện./.\n"
        "Nơi nhận:\tKT. GIÁM ĐỐC\n- Như trên;\tPHÓ GIÁM ĐỐC\n- Lưu: VT.\n\tLê Văn Hùng\n"
    )
    closing = doc.closing
    assert [r.text for r in closing.recipients] == ["- Như trên;", "- Lưu: VT."]
    assert [s.text for s in closing.signer] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert closing.signer_name.text == "Lê Văn Hùng"


def test_signer_before_recipients():
    doc = parse("1. Nội dung\nThực hiện./.\nGIÁM ĐỐC\nLê Văn Hùng\nNơi nhận:\n- Lưu: VT.\n")
    assert [s.text for s in doc.closing.signer] == ["GIÁM ĐỐC"]
    assert doc.closing.signer_name.text == "Lê Văn Hùng"
    assert doc.unparsed == ()


def test_hard_wrapped_text_with_blank_lines_between_wrapped_lines():
    wrapped = (
        "I. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM CỦA NGÀNH Y TẾ TỈNH TRONG\n\nNĂM 2025\n\n"
        "1. Tiếp tục triển khai thực hiện Quyết định số 78/QĐ-\n\n"
        "UBND ngày 16/01/2025 của Ủy ban nhân dân tỉnh về nâng cao chất lượng khám\n\n"
        "chữa bệnh và phát triển hệ thống y tế cơ sở, bảo đảm kết nối cung\n\n"
        "- cầu dịch vụ y tế trên địa bàn toàn tỉnh, nhất là vùng sâu, vùng xa và\n\n"
        "vùng đồng bào dân tộc thiểu số.\n\n"
        " 2. Đẩy mạnh chuyển đổi số trong khám chữa bệnh, quản lý hồ sơ sức khỏe\n\n"
        "điện tử của người dân trên địa bàn tỉnh.\n\n"
    )
    doc = parse(wrapped)
    roman = doc.sections[0]
    assert roman.title == "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM CỦA NGÀNH Y TẾ TỈNH TRONG NĂM 2025"
    items = roman.children
    assert [c.marker.raw for c in items] == ["1.", "2."]
    assert "78/QĐ-UBND ngày 16/01/2025" in items[0].heading.text
    assert "kết nối cung - cầu dịch vụ" in items[0].heading.text
    assert items[0].paragraphs == ()
    assert doc.unparsed == ()


def test_footnote_inside_a_paragraph():
    doc = parse(
        "1. Nhiệm vụ\n\n- Tổ chức thực hiện 03 Chương trình mục tiêu quốc gia¹ và các\n\n"
        "¹ Giảm nghèo bền vững; nông thôn mới; vùng đồng bào dân tộc thiểu số.\n\nchính sách an sinh xã hội.\n"
    )
    paragraphs = doc.sections[0].paragraphs
    assert paragraphs[0].text.endswith("và các chính sách an sinh xã hội.")
    assert paragraphs[1].kind == LineKind.FOOTNOTE


def test_markdown_bold_is_not_part_of_the_text():
    doc = parse("**UBND TỈNH AN HÒA**\n**SỞ Y TẾ**\n\n**KẾ HOẠCH**\n**I. MỤC TIÊU**\n")
    assert [a.text for a in doc.header.agency] == ["UBND TỈNH AN HÒA", "SỞ Y TẾ"]
    assert doc.title.line.text == "KẾ HOẠCH"
    assert doc.sections[0].marker.raw == "I."


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "./.", "Nơi nhận:", "I.", "1.", "a)", "GIÁM ĐỐC", "- ", "\t\t", "**", "KẾ HOẠCH\nKẾ HOẠCH"],
)
def test_odd_inputs_parse(text):
    doc = parse(text)
    assert len(doc.text) <= len(text) + text.count("\n") + 1
    for line in doc.lines:
        assert 0 <= line.span.start <= line.span.end <= len(doc.text)
        assert doc.text[line.span.start:line.span.end] == line.text


def test_level_going_up_again_is_recorded_as_unparsed():
    doc = parse("I. NHIỆM VỤ\n1.1. Tuyên truyền\n2. Kiểm tra\n")
    assert [(u.expected_kind, u.line.text) for u in doc.unparsed] == [(LineKind.ARABIC, "2. Kiểm tra")]
    assert doc.sections[0].children[0].paragraphs[0].text == "2. Kiểm tra"


def test_body_sentence_starting_like_a_closing_line_is_not_the_closing():
    doc = parse("1. Tiếp nhận hồ sơ\nNơi nhận hồ sơ: Bộ phận một cửa.\n2. Trả kết quả\nTrả trong ngày.\n")
    assert doc.closing is None
    assert [s.marker.raw for s in doc.sections] == ["1.", "2."]


def test_articles_of_a_decision():
    doc = parse("QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\nĐiều 1. Ban hành\n1. Một.\n2. Hai.\nĐiều 2. Hiệu lực\n")
    assert [(s.marker.style, s.marker.value, [c.marker.raw for c in s.children]) for s in doc.sections] == [
        ("article", 1, ["1.", "2."]),
        ("article", 2, []),
    ]


def test_marker_with_its_title_on_the_next_line():
    doc = parse("I.\nMỤC ĐÍCH\n1.\nMục đích chung\nNội dung.\n")
    roman = doc.sections[0]
    assert roman.title == "MỤC ĐÍCH" and roman.children[0].title == "Mục đích chung"


def test_symbol_split_across_a_blank_line_joins():
    doc = parse("1. Căn cứ\n\nThực hiện Nghị định số 104/2016/NĐ-\n\nCP ngày 01/7/2016 của Chính phủ.\n")
    assert doc.sections[0].paragraphs[0].text == "Thực hiện Nghị định số 104/2016/NĐ-CP ngày 01/7/2016 của Chính phủ."


def test_lower_case_bullets_ending_with_semicolons_stay_apart():
    doc = parse("1. Nội dung kiểm tra:\n- rà soát hồ sơ;\n- kiểm tra thực địa;\n- lập biên bản.\n")
    assert [p.text for p in doc.sections[0].paragraphs] == ["- rà soát hồ sơ;", "- kiểm tra thực địa;", "- lập biên bản."]


def test_space_aligned_two_column_header():
    doc = parse(
        "UBND TỈNH AN HÒA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ                   Độc lập - Tự do - Hạnh phúc\n"
        "Số:      /KH-SYT          An Hòa, ngày      tháng 5 năm 2025\n\nKẾ HOẠCH\nTiêm chủng năm 2025\n"
    )
    assert [a.text for a in doc.header.agency] == ["UBND TỈNH AN HÒA", "SỞ Y TẾ"]
    assert doc.header.national_title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.header.motto is not None
    assert doc.header.number.text == "Số:      /KH-SYT"
    assert doc.header.place_date.text == "An Hòa, ngày      tháng 5 năm 2025"


def test_parts_and_appendix():
    doc = parse(
        "Phần thứ nhất\nKẾT QUẢ\nI. KẾT QUẢ\nPhần thứ hai\nNHIỆM VỤ\nI. MỤC TIÊU\n"
        "Thực hiện./.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn Bình\nPHỤ LỤC\nI. DANH MỤC\n"
    )
    assert [(p.heading.text, p.attached, [s.marker.raw for s in p.sections]) for p in doc.parts] == [
        ("Phần thứ nhất KẾT QUẢ", False, ["I."]),
        ("Phần thứ hai NHIỆM VỤ", False, ["I."]),
        ("PHỤ LỤC", True, ["I."]),
    ]
    assert doc.closing.signer_name.text == "Trần Văn Bình"
    assert doc.unparsed == ()
