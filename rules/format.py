"""FMT — the format of Nghị định 30/2020/NĐ-CP that a machine can check: national title and motto,
the number line, the date line, the title and V/v, recipients, signature, the issuing body's
name, the legal basis, and the parts a plan must have. Each applies only to the documents it
concerns (kinds: typed document, công văn, Party document) and only when the draft has a header."""

from __future__ import annotations

import re

from draftlint.startup import regex
from draftlint.extract.dates import is_date_line
from draftlint.extract.acronyms import builtin_entries
from draftlint.extract.doctype import doctype
from draftlint.extract.header import flattened_header, list_items, named_again
from draftlint.rule import Rule, Severity, quote
from draftlint.extract.units import task_section_kind

_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
_MOTTO = "Độc lập - Tự do - Hạnh phúc"


class NationalTitle(Rule):
    code = "FMT001"
    name = "national-title"
    family = "FMT"
    severity = Severity.ERROR
    messages = {
        "missing": {"vi": "Thiếu Quốc hiệu “{expected}”", "en": "The national title “{expected}” is missing"},
        "nation": {"vi": "Quốc hiệu viết {text}; viết “{expected}”", "en": "The national title reads {text}; write “{expected}”"},
        "motto": {"vi": "Tiêu ngữ viết {text}; viết “{expected}” (gạch nối ngắn, một dấu cách mỗi bên)",
                  "en": "The motto reads {text}; write “{expected}” (hyphens, one space each side)"},
        "no-motto": {"vi": "Thiếu Tiêu ngữ “{expected}” dưới Quốc hiệu", "en": "The motto “{expected}” is missing under the national title"},
    }
    reports = ("the national title and motto not exactly `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - "
               "Hạnh phúc` (a Party document: `ĐẢNG CỘNG SẢN VIỆT NAM`), or missing from a header")
    summary = {
        "vi": "Văn bản có Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” và Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” đúng "
              "từng chữ (văn bản của Đảng: “ĐẢNG CỘNG SẢN VIỆT NAM”).",
        "en": "A document carries the national title “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” and the motto “Độc lập - Tự do - "
              "Hạnh phúc” exactly (a Party document: “ĐẢNG CỘNG SẢN VIỆT NAM”).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.1. Chỉ kiểm tra khi dự thảo có phần đầu (tên cơ quan, số, "
              "ngày tháng); đoạn trích không có phần đầu thì không báo.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.1. Checked only when the draft has a header (issuer, number, date); "
              "an extract without one is not reported.",
    }
    bad = "SỞ Y TẾ\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập – Tự do – Hạnh phúc\nSố: 12/KH-SYT\n"
    good = "SỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-SYT\n"

    def check(self, doc):
        k = doctype(doc)
        header = doc.header
        if not k.has_header:
            return
        nation = header.national_title
        expected = _PARTY if k.party else _NATION
        if nation is None:
            # Only where the header block is there (the issuer's name or the motto): a text that kept
            # just its number and date lines has lost its header boxes, not left out the title.
            # A motto with neither the title nor the issuer beside it is what is left of a header table an
            # extraction lost: say nothing rather than guess.
            agency = [line for line in header.agency if not line.text.strip().upper().startswith("DỰ THẢO")]
            if agency:  # "DỰ THẢO" is a stamp, not an issuer
                yield self.violation(agency[0].span, "missing", expected=expected)
            return
        written = " ".join(nation.text.split()).replace("HOÀ", "HÒA")
        if _MOTTO in written:
            # Title and motto flattened into one line by an extraction: their layout cannot be judged,
            # the title's words can.
            cut = written.index(_MOTTO)
            if written[:cut].strip() != expected:
                shown = " ".join(nation.text.split())[:cut].strip()  # as written ("HOÀ" kept)
                yield self.violation(nation.span, "nation", text=quote(shown), expected=expected)
            return
        if written != expected:
            yield self.violation(nation.span, "nation", text=quote(nation.text), expected=expected)
        if k.party:
            return
        motto = header.motto
        if motto is None and nation is not None:
            yield self.violation(nation.span, "no-motto", expected=_MOTTO)
        elif motto is not None and motto.text.strip() != _MOTTO:
            yield self.violation(motto.span, "motto", text=quote(motto.text), expected=_MOTTO)


_NUMBER = regex.compile(r"\ASố:[ \t]*+(?P<num>\d*+)[ \t]*+/(?P<symbol>\S++)\Z")
_SYMBOL_PARTS = regex.compile(r"(?:(?P<year>\d{4})/)?(?P<first>[^-/\s]+)(?:-(?P<rest>\S+))?\Z")


class NumberLine(Rule):
    code = "FMT002"
    name = "number-line"
    family = "FMT"
    severity = Severity.ERROR
    messages = {
        "form": {"vi": "Dòng số, ký hiệu viết {text}; viết như {example} (có dấu hai chấm, ký hiệu liền không có dấu cách)",
                 "en": "The number line reads {text}; write it like {example} (a colon, no space inside the symbol)"},
        "digits": {"vi": "Số văn bản dưới 10 ghi hai chữ số: {text}", "en": "A document number below 10 takes two digits: {text}"},
        "type": {"vi": "Ký hiệu {symbol} không khớp loại văn bản {type} (mã {codes})",
                 "en": "The symbol {symbol} does not match the document type {type} (code {codes})"},
    }
    reports = ("the `Số:` line not `Số: 12/KH-UBND` (colon, two digits or blank, no space inside the symbol), or its "
               "type code not the title's (R03, R04)")
    summary = {
        "vi": "Dòng “Số:” đúng dạng (số có hai chữ số trở lên hoặc để trống khi là dự thảo, “/”, ký hiệu liền nhau) và mã "
              "loại văn bản trong ký hiệu khớp với tên loại (KẾ HOẠCH → KH).",
        "en": "The “Số:” line has the right form (a number of two digits or more, or blank in a draft, “/”, a symbol with "
              "no spaces) and the type code in the symbol matches the title (KẾ HOẠCH → KH).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3 và Phụ lục III. Số còn để trống trong dự thảo là bình "
              "thường. Công văn không có mã loại: ký hiệu là tên cơ quan - đơn vị soạn thảo (12/UBND-VX).",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.3 and Appendix III. A blank number in a draft is normal. A công văn "
              "carries no type code: its symbol is issuer - drafting unit (12/UBND-VX).",
    }
    bad = "SỞ Y TẾ\nSố: / SYT- VP\nKẾ HOẠCH\nPhòng chống dịch năm 2025\n"
    good = "SỞ Y TẾ\nSố:      /KH-SYT\nKẾ HOẠCH\nPhòng chống dịch năm 2025\n"

    def check(self, doc):
        k = doctype(doc)
        line = doc.header.number
        if line is None or k.party:
            return
        raw = line.text.strip()
        text = " ".join(raw.split())
        m = _NUMBER.match(raw)
        if m is None:
            example = "“Số: 12/UBND-VX”" if k.cong_van or not k.type_name else "“Số: 12/KH-UBND”"
            yield self.violation(line.span, "form", text=quote(text), example=example)
            return
        if m["num"] and len(m["num"]) < 2:
            yield self.violation(line.span, "digits", text=quote(text))
        parts = _SYMBOL_PARTS.match(m["symbol"])
        if k.type_name and k.type_codes and parts and parts["rest"]:
            if parts["first"] not in k.type_codes:
                yield self.violation(line.span, "type", symbol=quote(m["symbol"]), type=k.type_name,
                                     codes="/".join(k.type_codes))


_DATE_LINE = regex.compile(r"\A(?P<place>[^,]+?)(?P<comma>,?)(?<![ \t])[ \t]*+(?P<ngay>ngày)\b", re.I)
_PLACE_ABBREVIATION = regex.compile(r"\b(?:TP|Tp|TX|TT)\.\s*")


_HEADER_SPAN = 15  # logical lines in which a header's date line stands
_LOOSE_DATE_LINE = regex.compile(r"(?i),\s*ngày\b.{0,30}\btháng\b.{0,30}năm")


class DateLine(Rule):
    code = "FMT003"
    name = "date-line"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "comma": {"vi": "Dòng địa danh, ngày tháng: sau địa danh có dấu phẩy: {text}",
                  "en": "The date line: a comma follows the place: {text}"},
        "place": {"vi": "Địa danh viết đầy đủ, không viết tắt: {text}", "en": "The place is written in full, not abbreviated: {text}"},
        "missing": {"vi": "Thiếu dòng địa danh, ngày tháng năm ban hành", "en": "The place and date line is missing"},
        "malformed": {"vi": "Dòng địa danh, ngày tháng viết chưa đúng: {text}; viết “Địa danh, ngày … tháng … năm …”",
                      "en": "The place and date line is not well formed: {text}; write “Place, ngày … tháng … năm …”"},
    }
    reports = ("the date line without a comma after the place, or with an abbreviated place (`TP.`); missing under "
               "the number line")
    summary = {
        "vi": "Dòng địa danh, ngày tháng viết “Địa danh, ngày … tháng … năm …”, địa danh đầy đủ (không “TP.”).",
        "en": "The date line reads “Place, ngày … tháng … năm …”, the place in full (no “TP.”).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4. Cách ghi ngày và số 0 đứng trước do DAT006 kiểm tra.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.4. The date itself and its zero padding are DAT006's.",
    }
    bad = "SỞ Y TẾ\nSố: 12/KH-SYT\nTP. Hồ Chí Minh ngày 05 tháng 02 năm 2025\n"
    good = "SỞ Y TẾ\nSố: 12/KH-SYT\nThành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2025\n"

    def check(self, doc):
        k = doctype(doc)
        line = doc.header.place_date
        if line is None:
            if k.has_header and doc.header.number is not None:
                loose = next((l for l in doc.lines[:_HEADER_SPAN] if _LOOSE_DATE_LINE.search(l.text)), None)
                if loose is not None and is_date_line(loose.text):
                    pass  # the line is there, where the header was not read whole: say nothing rather than guess
                elif loose is not None:  # the line is there, written wrong ("năm 20255", "01năm"): quote it
                    yield self.violation(loose.span, "malformed", text=quote(loose.text))
                elif not flattened_header(doc):
                    yield self.violation(doc.header.number.span, "missing")
            return
        m = _DATE_LINE.match(line.text.strip())
        if m is None:
            return
        text = quote(line.text)
        if _PLACE_ABBREVIATION.search(m["place"]):
            yield self.violation(line.span, "place", text=text)
        elif not m["comma"]:
            yield self.violation(line.span, "comma", text=text)


class Title(Rule):
    code = "FMT004"
    name = "title"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "caps": {"vi": "Tên loại văn bản viết in hoa: {text}", "en": "The document type is written in capitals: {text}"},
        "summary-caps": {"vi": "Trích yếu không viết in hoa toàn bộ: {text}", "en": "The summary is not all in capitals: {text}"},
        "subject": {"vi": "“V/v” chỉ dùng cho công văn; văn bản có tên loại {type} không có dòng V/v",
                    "en": "“V/v” is for a công văn only; a document titled {type} has no V/v line"},
        "no-subject": {"vi": "Công văn thiếu trích yếu “V/v …” dưới dòng số, ký hiệu",
                       "en": "The công văn has no “V/v …” summary under its number line"},
    }
    reports = ("the type name not in capitals, the summary in capitals, `V/v` in a typed document or missing in a "
               "công văn")
    summary = {
        "vi": "Tên loại văn bản đứng riêng một dòng, in hoa; trích yếu không in hoa toàn bộ; “V/v” có ở công văn và chỉ ở "
              "công văn.",
        "en": "The type name stands alone on a line in capitals; the summary is not all capitals; “V/v” appears in a "
              "công văn and only there.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.5.",
    }
    bad = "SỞ Y TẾ\nSố: 12/KH-SYT\nV/v phòng chống dịch\nKẾ HOẠCH\nPHÒNG CHỐNG DỊCH NĂM 2025\n"
    good = "SỞ Y TẾ\nSố: 12/KH-SYT\nKẾ HOẠCH\nPhòng chống dịch năm 2025\n"

    def check(self, doc):
        k = doctype(doc)
        title = doc.title
        if title is not None and k.type_name:
            if title.line.text != title.line.text.upper():
                yield self.violation(title.line.span, "caps", text=quote(title.line.text))
            summary = title.summary
            line = title.line.text
            if summary is not None and len(summary.text) > 12 and summary.text == summary.text.upper():
                yield self.violation(summary.span, "summary-caps", text=quote(summary.text))
            elif summary is None and line == line.upper() and len(line) > len(k.type_name) + 12:
                # the summary in capitals reads as part of the title: "KẾ HOẠCH PHÒNG CHỐNG DỊCH …"
                yield self.violation(title.line.span, "summary-caps", text=quote(line))
            for line in doc.header.subject:
                yield self.violation(line.span, "subject", type=k.type_name.upper())
        elif k.cong_van and not doc.header.subject and doc.header.number is not None:
            yield self.violation(doc.header.number.span, "no-subject")


# "- Bộ Y tế;", "- Bộ Y tế; (để báo cáo)": the note after the semicolon is the office's habit.
_ITEM_END = regex.compile(r";(?:[ \t]*\([^()]*\))?\Z")
_LAST = regex.compile(r"[-–+][ \t]*Lưu[ \t]*:")  # "- Lưu: VT, …" (also VTUB, Văn thư, VP: the office's own)


class Recipients(Rule):
    code = "FMT005"
    name = "recipients"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "item-end": {"vi": "Mục {text} chưa kết thúc bằng “;”", "en": "The item {text} does not end with “;”"},
        "item-end-more": {"vi": "Mục {text} và {more} mục khác trong danh sách chưa kết thúc bằng “;”",
                          "en": "The item {text} and {more} more items of the list do not end with “;”"},
        "last-end": {"vi": "Mục cuối {text} chưa kết thúc bằng “.”", "en": "The last item {text} does not end with “.”"},
        "dash": {"vi": "Mục {text} chưa bắt đầu bằng “- ”", "en": "The item {text} does not start with “- ”"},
        "luu": {"vi": "Mục cuối của “Nơi nhận” là “- Lưu: VT, …”: {text}", "en": "The last item of “Nơi nhận” is “- Lưu: VT, …”: {text}"},
        "nhu-tren": {"vi": "Văn bản có “Kính gửi”: mục đầu của “Nơi nhận” là “- Như trên;”",
                     "en": "The document has “Kính gửi”: the first item of “Nơi nhận” is “- Như trên;”"},
    }
    reports = ("`Kính gửi:`/`Nơi nhận:` items not `- …;` and `- ….` (one finding per list), the last not `- Lưu: VT, "
               "…`, `- Như trên;` not first when there is a Kính gửi and the addressee is not named again")
    summary = {
        "vi": "Khối “Kính gửi:” và “Nơi nhận:” đúng dạng: mỗi mục “- …;”, mục cuối “- ….”; “Nơi nhận” kết thúc bằng “- "
              "Lưu: VT, …”; có “Kính gửi” thì mục đầu của “Nơi nhận” là “- Như trên;”.",
        "en": "The “Kính gửi:” and “Nơi nhận:” blocks: each item “- …;”, the last “- ….”; “Nơi nhận” ends with “- Lưu: "
              "VT, …”; with “Kính gửi”, the first item of “Nơi nhận” is “- Như trên;”.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.9.",
    }
    bad = ("Kính gửi:\n- Các phòng chuyên môn,\n- Các đơn vị trực thuộc Sở.\nĐề nghị các đơn vị thực hiện./.\n"
           "Nơi nhận:\n- UBND tỉnh;\n- Lưu VT, VP.\nGIÁM ĐỐC\nNguyễn Văn A\n")
    good = ("Kính gửi:\n- Các phòng chuyên môn;\n- Các đơn vị trực thuộc Sở.\nĐề nghị các đơn vị thực hiện./.\n"
            "Nơi nhận:\n- Như trên;\n- UBND tỉnh;\n- Lưu: VT, VP.\nGIÁM ĐỐC\nNguyễn Văn A\n")

    def check(self, doc):
        addressees = doc.header.addressees or (doc.title.addressees if doc.title is not None else None)
        if addressees is not None and addressees.items:
            yield from self._items(addressees.items, last_luu=False)
        closing = doc.closing
        if closing is None or closing.recipients_heading is None or not closing.recipients:
            return
        items = closing.recipients
        if (addressees is not None and not re.match(r"[-–]?[ \t]*Như[ \t]+trên\b", items[0].text.strip(), re.I)
                and not named_again(addressees, items)):
            yield self.violation(items[0].span, "nhu-tren")
        yield from self._items(items, last_luu=True)

    def _items(self, lines, last_luu: bool):
        items = list_items(lines)
        unended = []
        for i, (line, text) in enumerate(items):
            last = i == len(items) - 1
            if len(items) == 1 and not last_luu:
                break  # one addressee may stand without a dash ("Kính gửi: Công ty …")
            if not text.startswith(("-", "–", "+")):
                yield self.violation(line.span, "dash", text=quote(text))
            elif last and last_luu and not _LAST.match(text):
                yield self.violation(line.span, "luu", text=quote(text))
            elif last and not last_luu and not text.endswith("."):
                yield self.violation(line.span, "last-end", text=quote(text))
            elif not last and not _ITEM_END.search(text) and not text.startswith("+") and not text.endswith(":"):
                unended.append((line, text))  # a "+" sub-item, or a lead-in to them ("- Các sở, ngành:"), needs no ";"
        if unended:
            line, text = unended[0]
            if len(unended) == 1:
                yield self.violation(line.span, "item-end", text=quote(text))
            else:
                yield self.violation(line.span, "item-end-more", text=quote(text), more=len(unended) - 1)


_PREFIX = regex.compile(r"(?P<prefix>TM|KT|TL|TUQ|Q|T/M|K/T|T/L|Tm|Kt|Tl)(?P<dot>\.?)[ \t]+\S", )
_STATE_PREFIXES = ("TM", "KT", "TL", "TUQ", "Q")
_HONORIFIC = regex.compile(r"(?:GS|PGS|TS|ThS|BS|KS|CN|Ths|TSKH)\.[ \t]*(?:TS\.[ \t]*)?(?=[A-ZÀ-ỸĐ])")


class Signature(Rule):
    code = "FMT006"
    name = "signature"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "prefix": {"vi": "Quyền hạn ký viết {text}; viết “{expected}” (chữ in hoa và dấu chấm)",
                   "en": "The signing authority reads {text}; write “{expected}” (capitals and a full stop)"},
        "honorific": {"vi": "Không ghi học hàm, học vị trước tên người ký: {text}",
                      "en": "No academic title before the signer's name: {text}"},
    }
    reports = ("a signing prefix not `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.` (Party: `T/M`, `K/T`, `T/L`); an academic "
               "title before the signer's name")
    summary = {
        "vi": "Quyền hạn ký viết “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.” (văn bản của Đảng: “T/M”, “K/T”, “T/L”); không có học "
              "hàm, học vị trước tên người ký.",
        "en": "The signing authority is “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.” (Party documents: “T/M”, “K/T”, “T/L”); no "
              "academic title before the signer's name.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.7.",
    }
    bad = "Nơi nhận:\n- Lưu: VT, VP.\nKT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTS. Nguyễn Văn A\n"
    good = "Nơi nhận:\n- Lưu: VT, VP.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A\n"

    def check(self, doc):
        closing = doc.closing
        if closing is None:
            return
        party = doctype(doc).party
        for line in closing.signer:
            m = _PREFIX.match(line.text.strip())
            if m is None:
                continue
            prefix = m["prefix"].upper()
            expected = prefix.replace("/", "") if not party else prefix
            if not party and prefix in ("T/M", "K/T", "T/L"):
                expected = prefix.replace("/", "")
            elif party and prefix in _STATE_PREFIXES and prefix != "Q":
                expected = f"{prefix[0]}/{prefix[1:]}"
            want = expected + ("." if not party or "/" not in expected else "")
            written = m["prefix"] + m["dot"]
            if written != want:
                yield self.violation(line.span, "prefix", text=quote(line.text), expected=f"{want} …")
        # The signer's name; one written after a title such as "TS." may be read as a recipient line.
        names = [closing.signer_name] if closing.signer_name is not None else []
        if closing.signer:
            names += [line for line in closing.recipients if line.span.start > closing.signer[-1].span.start]
        for name in names:
            if _HONORIFIC.match(name.text.strip()):
                yield self.violation(name.span, "honorific", text=quote(name.text))


class IssuerAbbreviation(Rule):
    code = "FMT007"
    name = "issuer-abbreviation"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "default": {"vi": "Tên cơ quan ban hành viết tắt {abbr}: {text}; chỉ tên cơ quan chủ quản được viết tắt",
                    "en": "The issuing body's name abbreviates {abbr}: {text}; only the superior body's may"},
    }
    reports = "the issuing body's name line abbreviated (`SỞ LĐTBXH`); only the superior body's may be"
    summary = {
        "vi": "Tên cơ quan ban hành văn bản (dòng dưới tên cơ quan chủ quản) viết đầy đủ, không viết tắt.",
        "en": "The issuing body's name (the line under the superior body's) is written in full, not abbreviated.",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.2: tên cơ quan chủ quản được viết tắt (UBND TỈNH …), tên cơ "
              "quan ban hành thì không (SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI, không phải SỞ LĐTBXH).",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.2: the superior body may be abbreviated (UBND TỈNH …), the issuing "
              "body may not (SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI, not SỞ LĐTBXH).",
    }
    bad = "UBND TỈNH HẢI HÒA\nSỞ LĐTBXH\nSố: 12/KH-SLĐTBXH\n"
    good = "UBND TỈNH HẢI HÒA\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 12/KH-SLĐTBXH\n"

    def check(self, doc):
        agency = doc.header.agency
        if len(agency) < 2:
            return
        known = builtin_entries()
        for line in agency[1:]:
            for m in re.finditer(r"(?<![\w&])[A-ZĐ]+(?:&[A-ZĐ]+|-[A-ZĐ]+)*(?![\w&])", line.text):
                token = m.group()
                if token in known or "&" in token:
                    yield self.violation(line.span, abbr=token, text=quote(line.text))
                    break


class LegalBasis(Rule):
    code = "FMT008"
    name = "legal-basis"
    family = "FMT"
    severity = Severity.INFO
    messages = {
        "semicolon": {"vi": "Dòng căn cứ chưa kết thúc bằng “;”: {text}",
                      "en": "A legal-basis line does not end with “;”: {text}"},
        "last": {"vi": "Dòng căn cứ cuối thiếu dấu kết thúc: {text}",
                 "en": "The last legal-basis line has no closing punctuation: {text}"},
    }
    reports = ("in a block of `Căn cứ` lines (not in a công văn, whose `Căn cứ …` sentences argue), one not ending "
               "with `;`, or the last with no closing mark")
    summary = {
        "vi": "Trong khối căn cứ, mỗi dòng “Căn cứ …” kết thúc bằng “;”, dòng cuối bằng “.” (hoặc “,” trước “Theo đề "
              "nghị của …”).",
        "en": "In a legal-basis block each “Căn cứ …” line ends with “;”, the last with “.” (or “,” before “Theo đề "
              "nghị của …”).",
    }
    rationale = {
        "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.a. Chỉ xét khối từ hai dòng căn cứ trở lên.",
        "en": "Decree 30/2020/NĐ-CP, Appendix I, II.6.a. Only blocks of two legal-basis lines or more are checked.",
    }
    bad = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015,\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n"
    good = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.\n"

    def check(self, doc):
        if doctype(doc).cong_van:
            return  # a công văn has no block of legal bases: its "Căn cứ …" sentences argue the reply
        block = []
        for line in (*doc.preamble, None):
            if line is not None and re.match(r"Căn[ \t]+cứ\b", line.text.strip()) and not _CONCLUDING.match(line.text):
                block.append(line)
                continue
            if len(block) >= 2:
                follows_request = line is not None and bool(re.match(r"Theo[ \t]+đề[ \t]+nghị", line.text.strip()))
                for i, basis in enumerate(block):
                    text = basis.text.rstrip()
                    if i < len(block) - 1 and not text.endswith(";"):
                        yield self.violation(basis.span, "semicolon", text=quote(text[-40:]))
                    elif i == len(block) - 1 and text[-1:].isalnum() and not follows_request:
                        yield self.violation(basis.span, "last", text=quote(text[-40:]))
            block = []


# "Căn cứ quy định nêu trên, …", "Căn cứ các nội dung trên, …": the conclusion drawn, not a basis.
_CONCLUDING = regex.compile(r"\A\s*Căn[ \t]+cứ[ \t]+(?:(?:các|những)[ \t]+)?(?:\w+[ \t]+){0,2}(?:nêu[ \t]+)?trên\b")
# "Kế hoạch tài chính - ngân sách nhà nước 03 năm", "Kế hoạch đầu tư công trung hạn": outlines set by
# Nghị định 45/2017/NĐ-CP and the Luật Đầu tư công, not the purpose / tasks / implementation of a plan.
_FINANCIAL_PLAN = regex.compile(r"(?i)tài\s+chính\W+ngân\s+sách|đầu\s+tư\s+công\s+trung\s+hạn|dự\s+toán\s+ngân\s+sách")
_PLAN_TYPES = ("Kế hoạch", "Chương trình", "Chương trình hành động")
_PURPOSE = regex.compile(r"(?i)\A\s*+(?:mục\s+(?:đích|tiêu)|yêu\s+cầu|quan\s+điểm)")


class MissingPart(Rule):
    code = "FMT009"
    name = "missing-part"
    family = "FMT"
    severity = Severity.WARNING
    messages = {
        "default": {"vi": "{type} thiếu phần {part}", "en": "The {type} has no {part}"},
    }
    reports = "a plan or programme without purpose/tasks, an implementation section, recipients or a signer"
    summary = {
        "vi": "Kế hoạch, chương trình có đủ các phần: mục đích, yêu cầu (hoặc mục tiêu) hay nhiệm vụ; tổ chức thực "
              "hiện; nơi nhận; người ký.",
        "en": "A plan or programme has its parts: purpose and requirements (or objectives) or tasks; implementation; "
              "recipients; signer.",
    }
    rationale = {
        "vi": "Theo mẫu kế hoạch của Nghị định 30/2020/NĐ-CP (Phụ lục III) và thực tiễn: thiếu một phần thì kế hoạch "
              "không giao được việc hay không ai chịu trách nhiệm. Chỉ kiểm tra văn bản có tên loại là kế hoạch, "
              "chương trình.",
        "en": "From the plan template of Decree 30/2020/NĐ-CP (Appendix III) and practice: without one of these, a plan "
              "assigns no work or no one answers for it. Only documents titled as a plan or programme are checked.",
    }
    bad = "KẾ HOẠCH\nChuyển đổi số năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả.\n"
    good = ("KẾ HOẠCH\nChuyển đổi số năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
            "Văn phòng Sở chủ trì./.\nNơi nhận:\n- Lưu: VT, VP.\nGIÁM ĐỐC\nNguyễn Văn A\n")

    def check(self, doc):
        k = doctype(doc)
        if doc.title is None or k.type_name not in _PLAN_TYPES:
            return
        titles = [s.title for group in doc.top_level_groups() for s in group[1]]
        kinds = {task_section_kind(t) for t in titles}
        missing = []
        named = " ".join([doc.title.line.text] + ([doc.title.summary.text] if doc.title.summary else []))
        if not _FINANCIAL_PLAN.search(named):  # a financial plan follows the outline its decree sets
            if not any(_PURPOSE.match(t) for t in titles) and "work" not in kinds:
                missing.append({"vi": "mục đích, yêu cầu hay nhiệm vụ", "en": "purpose and requirements, or tasks"})
            if "organisation" not in kinds:
                missing.append({"vi": "tổ chức thực hiện", "en": "implementation section"})
        closing = doc.closing
        if closing is None or closing.recipients_heading is None:
            missing.append({"vi": "nơi nhận", "en": "recipients (Nơi nhận)"})
        if closing is None or closing.signer_name is None and not closing.signer:
            missing.append({"vi": "người ký", "en": "signer"})
        for part in missing:
            yield self.violation(doc.title.line.span, type=k.type_name, part=part)
