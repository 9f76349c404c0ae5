"""Hypothesis strategies that build draft-shaped text — header, title, legal bases, numbered
sections, lettered items, bullets, lead-unit and deadline lines, task tables, recipients — and
then mutate it at random (characters inserted or deleted, words doubled, lines swapped), so that
the fuzz tests reach the odd corners real drafts have."""

from __future__ import annotations

from hypothesis import strategies as st

AGENCIES = ["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG", "BAN CHẤP HÀNH ĐẢNG BỘ"]
TYPES = ["Quyết định", "Kế hoạch", "Nghị định", "Thông tư", "Chỉ thị", "Công văn", "Luật", "Nghị quyết"]
CODES = ["QĐ-UBND", "KH-UBND", "NĐ-CP", "TT-BNV", "CT-TTg", "UBND-VX", "QH15", "NQ-TW", "KH-SNV", "XX-YY"]
UNITS = ["Văn phòng Sở", "Phòng Tổ chức cán bộ", "Thanh tra Sở", "các phòng, đơn vị", "Sở Tài chính", "……"]
WORDS = ["tăng cường", "công tác", "tuyên truyền", "hỗ trợ", "hổ trợ", "của", "các", "đơn vị", "thực hiện",
         "PCI", "CPI", "BHXH", "(ATLĐ)", "“trích dẫn”", "\"", "(", ")", "–", "-", "năm 2025", "Quý II/2025",
         "ngày 31/4/2025", "trước ngày 15/12/2025", "Uỷ ban", "Ủy ban", "hoá", "hóa", "số số", "nghiêmg"]
NOISE = ["\u0301", "\u0323", "Ð", "\u00a0", "\u200b", "\t", "  ", "\r", "\n", "“", "”", "'", "|", "<!--", "-->",
         "draftlint: disable", "*", "**", "#", "\ufeff", "\x00", "ﬁ", "е", "1.", "a)", "I.", "1.1."]


def _number(rng, depth: int, index: int) -> str:
    # Mostly right, sometimes a gap, a duplicate or a wrong form: the numbering rules' material.
    wrong = rng.randint(0, 9)
    if wrong == 0:
        index += 1
    elif wrong == 1:
        index = max(1, index - 1)
    if depth == 0:
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][min(index, 12) - 1]
        return f"{roman}." if wrong != 2 else f"{roman}-"
    if depth == 1:
        return f"{index}." if wrong != 2 else f"{index})"
    letters = "abcdđeghiklmn"
    return f"{letters[min(index, len(letters)) - 1]})" if wrong != 2 else f"{letters[min(index, len(letters)) - 1]}."


def _sentence(rng) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))


def _citation(rng) -> str:
    kind, number, year = rng.choice(TYPES), rng.randint(0, 2000), rng.randint(1990, 2030)
    day, month = rng.randint(0, 32), rng.randint(0, 13)
    code = rng.choice(CODES)
    issuer = rng.choice(["của Ủy ban nhân dân tỉnh", "của Chính phủ", "của Bộ Nội vụ", ""])
    date = rng.choice([f"ngày {day}/{month}/{year}", f"ngày {day:02d} tháng {month} năm {year}", ""])
    return f"Căn cứ {kind} số {number}/{year}/{code} {date} {issuer};".replace("  ", " ")


def skeleton(rng) -> str:
    """A draft's lines, built from a random generator: the structure comes from one drawn seed
    (cheap to generate, so the suite runs thousands of examples); the mutations after it are
    hypothesis' own draws, which it shrinks when a property fails."""
    lines = []
    if rng.random() < 0.5:
        lines += [f"{rng.choice(AGENCIES)}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  f"{rng.choice(AGENCIES)}\tĐộc lập - Tự do - Hạnh phúc",
                  f"Số: {rng.randint(1, 99)}/KH-SNV\tHà Nam, ngày {rng.randint(1, 31):02d} tháng "
                  f"{rng.randint(1, 12)} năm {rng.randint(2020, 2030)}", ""]
    if rng.random() < 0.5:
        lines += [rng.choice(["KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CÔNG VĂN"]), _sentence(rng)]
    lines += [_citation(rng) for _ in range(rng.randint(0, 3))]
    for part in range(1, rng.randint(0, 4) + 1):
        lines.append(f"{_number(rng, 0, part)} {rng.choice(['MỤC ĐÍCH', 'NHIỆM VỤ', 'TỔ CHỨC THỰC HIỆN'])}")
        for item in range(1, rng.randint(0, 4) + 1):
            lines.append(f"{_number(rng, 1, item)} {_sentence(rng)}")
            for letter in range(1, rng.randint(0, 3) + 1):
                lines.append(f"{_number(rng, 2, letter)} {_sentence(rng)}")
            for _ in range(rng.randint(0, 2)):
                lines.append(f"- {_sentence(rng)}")
            if rng.random() < 0.5:
                lines.append(f"Đơn vị chủ trì: {rng.choice(UNITS)}")
            if rng.random() < 0.5:
                lines.append(f"Thời gian hoàn thành: trước ngày {rng.randint(0, 32)}/{rng.randint(0, 13)}/"
                             f"{rng.randint(2020, 2031)}")
        if rng.randint(0, 3) == 0:
            lines += ["| STT | Nội dung | Đơn vị chủ trì | Thời gian |", "|---|---|---|---|"]
            for row in range(1, rng.randint(1, 4) + 1):
                lines.append(f"| {row} | {_sentence(rng)} | {rng.choice(UNITS)} | Quý "
                             f"{rng.choice(['I', 'II', 'V'])}/2025 |")
    if rng.random() < 0.5:
        lines += ["Nơi nhận:\tGIÁM ĐỐC", "- Như trên;", "- Lưu: VT.", "\tNguyễn Văn An"]
    return "\n".join(lines) + rng.choice(["\n", "", "\r\n"])


@st.composite
def drafts(draw) -> str:
    return draw(mutated(skeleton(draw(st.randoms(use_true_random=True)))))


@st.composite
def mutated(draw, text: str) -> str:
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        op = draw(st.integers(0, 3))
        if op == 0:
            text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        elif op == 2:
            words = text[at:].split(" ", 1)
            text = text[:at] + words[0] + " " + text[at:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text
