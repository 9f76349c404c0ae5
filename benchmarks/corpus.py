"""Generated drafts of a realistic shape, for the benchmark: the two-column header, number and
date lines, a title, legal bases citing other documents, Roman parts with numbered and lettered
items and bullets, lead-unit lines, deadlines in the usual forms, a task table, recipients and
signer. The sentences are built from phrase lists written for this project; a seeded random
generator makes the corpus the same on every run. A few mistakes of the kinds draftlint looks for
are mixed in, as real drafts have them.
"""

from __future__ import annotations

import random

UNITS = ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ", "Thanh tra Sở",
         "Trung tâm Công nghệ thông tin", "Phòng Quản lý văn thư, lưu trữ", "Chi cục Văn thư - Lưu trữ",
         "Phòng Cải cách hành chính", "Trung tâm Dịch vụ việc làm"]
VERBS = ["Tăng cường", "Triển khai", "Rà soát", "Nâng cao", "Đẩy mạnh", "Tổ chức", "Kiện toàn", "Xây dựng",
         "Hướng dẫn", "Kiểm tra, đôn đốc"]
OBJECTS = ["công tác tuyên truyền, phổ biến pháp luật", "chất lượng đội ngũ cán bộ, công chức",
           "việc số hóa hồ sơ, tài liệu lưu trữ", "ứng dụng công nghệ thông tin trong quản lý văn bản",
           "hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia", "công tác văn thư tại các đơn vị trực thuộc",
           "cơ chế một cửa, một cửa liên thông", "công tác thi đua, khen thưởng",
           "chế độ báo cáo định kỳ của các phòng, đơn vị", "kỷ luật, kỷ cương hành chính"]
TAILS = ["bảo đảm đúng quy định", "gắn với nhiệm vụ chuyên môn được giao", "phù hợp với điều kiện thực tế của địa phương",
         "theo hướng dẫn của cơ quan cấp trên", "nhằm nâng cao hiệu quả phục vụ người dân, doanh nghiệp",
         "trên cơ sở kết quả năm trước"]
CITED = [("Luật Lưu trữ", "số 33/2024/QH15 ngày 21 tháng 6 năm 2024 của Quốc hội"),
         ("Nghị định", "số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư"),
         ("Quyết định", "số 1245/QĐ-UBND ngày 12/8/2024 của Ủy ban nhân dân tỉnh về việc ban hành Quy chế"),
         ("Kế hoạch", "số 88/KH-UBND ngày 20/01/2025 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2025"),
         ("Thông tư", "số 02/2019/TT-BNV ngày 24 tháng 01 năm 2019 của Bộ Nội vụ quy định tiêu chuẩn dữ liệu")]
DEADLINES = ["Thời gian thực hiện: Thường xuyên.", "Thời gian hoàn thành: trước ngày 30/6/2025.",
             "Thời gian hoàn thành: Quý III/2025.", "Thời gian thực hiện: trong tháng 10/2025.",
             "Báo cáo kết quả trước ngày 15/12/2025."]
SLIPS = ["của của", "hổ trợ", "phát tiển", "Ðẩy mạnh", "công  tác"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _sentence(rng: random.Random, slips: bool) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(TAILS)}"
    if slips and rng.random() < 0.03:
        text += " " + rng.choice(SLIPS)
    return text + "."


def draft(size: int = 30_000, seed: int = 0, slips: bool = True) -> str:
    """A plan of about ``size`` bytes of UTF-8."""
    rng = random.Random(seed)
    out = [
        "UBND TỈNH HÀ NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc",
        "",
        f"Số: {rng.randint(1, 400)}/KH-SNV\tHà Nam, ngày 10 tháng 3 năm 2025",
        "",
        "KẾ HOẠCH",
        "Thực hiện công tác văn thư, lưu trữ và cải cách hành chính năm 2025",
        "",
    ]
    for kind, rest in rng.sample(CITED, 3):
        out.append(f"Căn cứ {kind} {rest};")
    out.append("Sở Nội vụ ban hành Kế hoạch thực hiện như sau:")
    out.append("")
    part = 0
    body = sum(len(line.encode()) + 1 for line in out)
    closing = ["Nơi nhận:\tGIÁM ĐỐC", "- UBND tỉnh (b/c);", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP.",
               "\tNguyễn Văn An"]
    while body < size - 600 and part < len(ROMAN) - 1:
        title = "MỤC ĐÍCH, YÊU CẦU" if part == 0 else rng.choice(["NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG THỰC HIỆN",
                                                                "NHIỆM VỤ TRỌNG TÂM"])
        out.append(f"{ROMAN[part]}. {title}")
        part += 1
        for item in range(1, rng.randint(4, 9)):
            out.append(f"{item}. {_sentence(rng, slips)[:-1]}")
            for letter in "abcd"[:rng.randint(0, 4) if part == 1 else 0]:
                out.append(f"{letter}) {_sentence(rng, slips)}")
            for _ in range(rng.randint(1, 4)):
                out.append(f"- {_sentence(rng, slips)} {_sentence(rng, slips)}")
            if part > 1:
                out.append(f"Đơn vị chủ trì: {rng.choice(UNITS)}; đơn vị phối hợp: {rng.choice(UNITS)}.")
                out.append(rng.choice(DEADLINES))
            body = sum(len(line.encode()) + 1 for line in out)
            if body >= size - 600:
                break
        out.append("")
    out.append(f"{ROMAN[part]}. TỔ CHỨC THỰC HIỆN")
    out.append("1. Văn phòng Sở chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp, báo cáo Giám đốc Sở "
               "trước ngày 20/12/2025.")
    out.append("2. Các phòng, đơn vị thuộc Sở căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện; báo cáo kết "
               "quả về Văn phòng Sở trước ngày 10/12/2025./.")
    out.append("")
    out.extend(closing)
    return "\n".join(out) + "\n"


def corpus(total_bytes: int, draft_size: int = 30_000) -> list[str]:
    """Drafts of about ``draft_size`` bytes each, ``total_bytes`` in all, each different."""
    count = max(1, round(total_bytes / draft_size))
    return [draft(draft_size, seed=i) for i in range(count)]
