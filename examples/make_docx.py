"""Build the example Word drafts (examples/*.docx) from their text, with automatic numbering.

Run ``python examples/make_docx.py`` to rebuild them. Only the standard library is used: a .docx
is a zip of XML parts, and these examples need few of them (document, numbering, styles).
The tests build their own Word files with the same functions.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R_NS}/numbering" Target="numbering.xml"/>
</Relationships>"""

# One list for the plan's outline: I. / 1. / a)
OUTLINE_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def paragraph(text: str, level: int | None = None, deleted: str = "", inserted: str = "") -> str:
    """A paragraph; ``level`` puts it in the outline list (0 = I., 1 = 1., 2 = a), 3 = bullet);
    ``deleted`` and ``inserted`` add tracked changes after the text."""
    numbering = (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                 if level is not None else "")
    runs = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    if deleted:
        runs += f'<w:del w:id="1" w:author="x"><w:r><w:delText>{escape(deleted)}</w:delText></w:r></w:del>'
    if inserted:
        runs += f'<w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">{escape(inserted)}</w:t></w:r></w:ins>'
    return f"<w:p>{numbering}{runs}</w:p>"


def table(rows: list[list[str | list[str]]]) -> str:
    """A table; a cell is a text or a list of paragraphs."""
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            texts = cell if isinstance(cell, list) else [cell]
            out.append("<w:tc>" + "".join(paragraph(t) for t in texts) + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write(path: Path, body: list[str], numbering: str = OUTLINE_NUMBERING) -> None:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", numbering)


HEADER = table([
    [["UBND TỈNH HẢI HÒA", "SỞ NỘI VỤ", "Số:      /KH-SNV"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hải Hòa, ngày 10 tháng 01 năm 2025"]],
])
SIGNATURE = table([[["Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT, VP."], ["GIÁM ĐỐC", "", "Trần Thị Lan"]]])


def clean_plan() -> list[str]:
    return [
        HEADER,
        paragraph("KẾ HOẠCH"),
        paragraph("Số hóa hồ sơ người có công năm 2025"),
        paragraph("Thực hiện Quyết định số 25/QĐ-UBND ngày 06/01/2025 của UBND tỉnh về việc giao chỉ tiêu chuyển "
                  "đổi số năm 2025, Sở Nội vụ ban hành Kế hoạch thực hiện như sau:"),
        paragraph("MỤC ĐÍCH, YÊU CẦU", 0),
        paragraph("Mục đích", 1),
        paragraph("Số hóa toàn bộ hồ sơ người có công đang lưu trữ tại Sở."),
        paragraph("Yêu cầu", 1),
        paragraph("Mỗi nhiệm vụ có đơn vị chủ trì và thời hạn hoàn thành."),
        paragraph("NHIỆM VỤ", 0),
        paragraph("Chuẩn bị hạ tầng", 1),
        table([
            ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["1", "Rà soát máy chủ và phần mềm quản lý hồ sơ", "Văn phòng Sở", "Quý I/2025"],
            ["2", "Tập huấn cán bộ số hóa", "Phòng Tổ chức, biên chế", "Quý II/2025"],
        ]),
        paragraph("Số hóa hồ sơ", 1),
        paragraph("Số hóa hồ sơ giai đoạn 1", 2),
        paragraph("Văn phòng Sở chủ trì số hóa hồ sơ từ năm 1990 đến năm 2010, hoàn thành trước ngày 30/6/2025."),
        paragraph("Số hóa hồ sơ giai đoạn 2", 2),
        paragraph("Văn phòng Sở chủ trì số hóa hồ sơ từ năm 2011 đến nay, hoàn thành trước ngày 30/11/2025."),
        paragraph("TỔ CHỨC THỰC HIỆN", 0),
        paragraph("Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở kết quả thực hiện trước ngày 15/12/2025./."),
        SIGNATURE,
    ]


DEFECTIVE_HEADER = table([
    [["UBND TỈNH HẢI HÒA", "SỞ NỘI VỤ", "Số: 5/BC-SNV"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Hải Hòa, ngày 10 tháng 01 năm 2025"]],
])
DEFECTIVE_SIGNATURE = table([[["Nơi nhận:", "- UBND tỉnh (b/c),", "- Lưu VT, VP."], ["KT GIÁM ĐỐC", "", "Trần Thị Lan"]]])


def plan_with_defects() -> list[str]:
    return [
        DEFECTIVE_HEADER,
        paragraph("KẾ HOẠCH"),
        paragraph("Số hóa hồ sơ người có công năm 2025"),
        paragraph("NHIỆM VỤ", 0),
        paragraph("Chuẩn bị hạ tầng", 1),
        table([
            ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["1", "Rà soát máy chủ và phần mềm quản lý hồ sơ", "", "Quý I/2025"],
        ]),
        paragraph("Số hóa hồ sơ", 1, deleted="(bản cũ) ", inserted=" từ năm 1990"),
        paragraph("Văn phòng Sở chủ trì số hóa hồ sơ, hoàn thành trước ngày 31/6/2025."),
        paragraph("Tổ chức tập huấn", 1),
        paragraph("Tăng cường hổ trợ cán bộ cơ sở (Văn phòng Sở thực hiện)."),
        paragraph("4. Báo cáo kết quả"),  # typed by hand among items Word numbers
        paragraph("Văn phòng Sở báo cáo Giám đốc Sở trước ngày 15/12/2025."),
        DEFECTIVE_SIGNATURE,
    ]


def main(folder: Path) -> None:
    write(folder / "ke-hoach-word-mau.docx", clean_plan())
    write(folder / "ke-hoach-word-loi.docx", plan_with_defects())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
