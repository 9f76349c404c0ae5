"""Hostile input to the readers: Word packages, files that are not regular files, configurations
and lexicons from a repository. Each is read within the caps of limits.py or refused with one line
(INP001 for a draft, a configuration error for its folder), and the other files are still linted."""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run
from draftlint import limits
from draftlint.front.docx import read_docx
from draftlint.front.source import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
GOOD = (EXAMPLES / "ke-hoach-mau.txt").read_bytes() + "Cần hổ trợ người dân.\n".encode()  # one SPL002
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")


def P(text: str, level: int | str | None = None) -> str:
    numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                if level is not None else "")
    return f'<w:p>{numbered}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbering(start: str = "1", fmt: str = "lowerLetter", ilvl: str = "0", prolog: str = "") -> str:
    return (f'{prolog}<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def docx(path: Path, body: str, numbering_xml: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
                   'xml"/></Types>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
                   f'xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>')
        if numbering_xml:
            z.writestr("word/numbering.xml", numbering_xml)
    return path


PLAN = P("KẾ HOẠCH") + P("Tổ chức tập huấn nghiệp vụ văn thư năm 2026")


def cli(*args: str, in_process: bool = False) -> tuple[int, str, str]:
    """``draftlint ARGS``: exit code, standard output and error. A subprocess (with a timeout) where
    the input could hang a reader; in this process otherwise, which is faster."""
    started = time.monotonic()
    if in_process:
        import contextlib
        import io

        from draftlint.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        result = code, out.getvalue(), err.getvalue()
    else:
        proc = run(*args)
        result = proc.returncode, proc.stdout.decode(), proc.stderr.decode()
    assert time.monotonic() - started < 20
    assert "Traceback" not in result[2] and "internal error" not in result[2], result[2]
    return result


def check_beside_a_good_draft(tmp_path: Path, *names: str, args=(), in_process=True) -> tuple[int, list[dict], str]:
    """``check --format json`` on ``names`` (in ``tmp_path``) and a good draft, which is always linted."""
    (tmp_path / "tot.txt").write_bytes(GOOD)
    code, out, err = cli("check", "--jobs", "1", "--format", "json", *args, *(str(tmp_path / n) for n in names),
                         str(tmp_path / "tot.txt"), in_process=in_process)
    findings = json.loads(out)
    # The good draft was linted (and, with --fix, mended).
    assert [f["code"] for f in findings if f["path"].endswith("tot.txt")] == ([] if "--fix" in args else ["SPL002"])
    assert ("hỗ trợ".encode() in (tmp_path / "tot.txt").read_bytes()) == ("--fix" in args)
    return code, findings, err


def one_inp001(findings: list[dict], name: str) -> str:
    mine = [f for f in findings if f["path"].endswith(name)]
    assert [f["code"] for f in mine] == ["INP001"], mine
    return mine[0]["message"]


# -- B1: Word numbering values are bounded -------------------------------------------------------------

def test_a_list_starting_at_two_billion_is_refused_at_once(tmp_path):
    """A 1 KB file whose list starts at 2,000,000,000 (lowerLetter) once built a label of
    77 million letters per paragraph; now it is one INP001, read in a moment."""
    path = docx(tmp_path / "b1.docx", PLAN + P("Nội dung", 0) * 5, numbering("2000000000"))
    started = time.process_time()
    with pytest.raises(InputError) as error:
        read_docx(str(path))
    assert time.process_time() - started < 0.5
    assert "2000000000" in error.value.reason_vi and "32767" in error.value.reason_vi
    code, findings, _ = check_beside_a_good_draft(tmp_path, "b1.docx")
    assert code == 2 and "đánh số tự động" in one_inp001(findings, "b1.docx")


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman"])
def test_a_list_counted_past_the_cap_is_numbered_in_digits(tmp_path, fmt):
    """Word's own largest start value is read as Word shows it; the counter past it gives digits,
    not labels that grow with every paragraph (quadratic text in the number of paragraphs)."""
    path = docx(tmp_path / "dai.docx", PLAN + P("Nội dung", 0) * 300, numbering(str(limits.DOCX_MAX_NUMBER), fmt))
    lines = read_docx(str(path)).text.splitlines()
    assert lines[2].endswith(") Nội dung") and not lines[2][0].isdigit()  # the start value, as Word draws it
    assert lines[3] == f"{limits.DOCX_MAX_NUMBER + 1}) Nội dung"
    assert lines[-1] == f"{limits.DOCX_MAX_NUMBER + 299}) Nội dung"


# -- B2: the text cap applies to the text a .docx expands to -------------------------------------------

def test_the_text_cap_applies_to_a_word_file(tmp_path, monkeypatch):
    paragraph = P("Tăng cường công tác tuyên truyền, phổ biến pháp luật về văn thư, lưu trữ.")
    path = docx(tmp_path / "dai.docx", PLAN + paragraph * 400)
    assert len(read_docx(str(path)).text) > 20_000
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 20_000)
    with pytest.raises(InputError) as error:
        read_docx(str(path))
    assert "giới hạn" in error.value.reason_vi and "limit" in error.value.reason_en


def test_an_xml_part_over_its_cap_is_not_read(tmp_path, monkeypatch):
    path = docx(tmp_path / "dai.docx", PLAN + P("Nội dung") * 2_000)
    monkeypatch.setattr(limits, "DOCX_MAX_PART", 50_000)
    with pytest.raises(InputError) as error:
        read_docx(str(path))
    assert "word/document.xml" in error.value.reason_vi


# -- B3: only regular files are read, whatever their name ------------------------------------------------

@posix_only
@pytest.mark.parametrize("name", ["ong.docx", "ong.md", "ong.txt"])
def test_a_fifo_is_refused_whatever_its_name(tmp_path, name):
    os.mkfifo(tmp_path / name)  # opening it for reading would wait for a writer forever
    code, findings, _ = check_beside_a_good_draft(tmp_path, name, in_process=False)
    assert code == 2 and "không phải tệp thường" in one_inp001(findings, name)


@posix_only
@pytest.mark.parametrize("name", ["zero.docx", "zero.md"])
def test_a_link_to_a_device_is_refused(tmp_path, name):
    os.symlink("/dev/zero", tmp_path / name)  # zipfile once read it to the end: gigabytes
    code, findings, _ = check_beside_a_good_draft(tmp_path, name, in_process=False)
    assert code == 2 and "không phải tệp thường" in one_inp001(findings, name)


@posix_only
def test_learn_skips_a_fifo_named_docx(tmp_path):
    (tmp_path / "luu-tru").mkdir()
    (tmp_path / "luu-tru" / "tot.txt").write_bytes(GOOD)
    os.mkfifo(tmp_path / "ong.docx")
    result = run("learn", str(tmp_path / "luu-tru"), str(tmp_path / "ong.docx"), "-o", str(tmp_path / "lex.json"))
    assert result.returncode == 0, result.stderr
    table = json.loads((tmp_path / "lex.json").read_text(encoding="utf-8"))
    assert (table["documents"], table["skipped"]) == (1, 1)


# -- B5: a text box is read once, and fixed where Word shows it ------------------------------------------

def _text_box(text: str) -> str:
    box = f"<w:txbxContent>{P(text)}</w:txbxContent>"
    return (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


def test_a_text_box_is_read_once(tmp_path):
    path = docx(tmp_path / "hop.docx", PLAN + _text_box("Các đơn vị cần hổ trợ người dân"))
    lines = read_docx(str(path)).text.splitlines()
    assert lines[2] == "Các đơn vị cần hổ trợ người dân"
    cell = f'<w:tbl><w:tr><w:tc>{_text_box("Ghi chú")}</w:tc><w:tc>{P("b")}</w:tc><w:tc>{P("c")}</w:tc></w:tr></w:tbl>'
    lines = read_docx(str(docx(tmp_path / "bang.docx", PLAN + cell))).text.splitlines()
    assert lines[2].count("Ghi chú") == 1, lines


def test_fix_writes_the_text_box_word_shows(tmp_path):
    path = docx(tmp_path / "hop.docx", PLAN + _text_box("Các đơn vị cần hổ trợ người dân"))
    result = run("check", "--fix", "--select", "SPL002", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    choice = xml[xml.index("<mc:Choice"):xml.index("</mc:Choice>")]
    assert "hỗ trợ" in choice and "hổ trợ" not in choice
    assert read_docx(str(path)).text.splitlines()[2] == "Các đơn vị cần hỗ trợ người dân"


# -- B6: a damaged Word file is one INP001, in every format ----------------------------------------------

def _nested_tables(depth: int) -> str:
    return ("<w:tbl><w:tr><w:tc>" * depth) + P("Nội dung") + ("</w:tc></w:tr></w:tbl>" * depth)


@pytest.mark.parametrize("body, numbering_xml, says", [
    (PLAN + P("Nội dung", "x"), numbering(), "đánh số tự động"),  # a level that is not a number
    (PLAN + P("Nội dung", 0), numbering(ilvl="một"), "đánh số tự động"),
    (PLAN + P("Nội dung", 0), numbering(start="9" * 5_000), "đánh số tự động"),  # past int()'s digits
    (PLAN + P("Nội dung", 0), numbering(start="-5"), "đánh số tự động"),
    (PLAN + P("Nội dung", 0), numbering(prolog='<?xml version="1.0" encoding="UTF-l"?>'), "bị hỏng"),
    (PLAN + "<w:sdt><w:sdtContent>" * 2_000 + P("Nội dung") + "</w:sdtContent></w:sdt>" * 2_000, None, "lồng nhau"),
    (PLAN + _nested_tables(limits.DOCX_MAX_NESTING + 2), None, "lồng nhau"),
    (PLAN + "<w:tbl><w:tr>" + f"<w:tc>{P('ô')}</w:tc>" * (limits.DOCX_MAX_TABLE_COLUMNS + 1) + "</w:tr></w:tbl>",
     None, "cột"),
])
def test_a_damaged_or_oversized_word_file_is_one_input_error(tmp_path, body, numbering_xml, says):
    docx(tmp_path / "hong.docx", body, numbering_xml)
    code, findings, _ = check_beside_a_good_draft(tmp_path, "hong.docx")
    assert code == 2 and says in one_inp001(findings, "hong.docx")


def test_nesting_within_the_cap_is_read(tmp_path):
    path = docx(tmp_path / "long.docx", PLAN + _nested_tables(limits.DOCX_MAX_NESTING - 1))
    assert "Nội dung" in read_docx(str(path)).text


def test_table_rows_are_capped(tmp_path, monkeypatch):
    rows = "".join(f"<w:tr><w:tc>{P(str(i))}</w:tc><w:tc>{P('Nội dung')}</w:tc></w:tr>" for i in range(12))
    path = docx(tmp_path / "bang.docx", PLAN + f"<w:tbl>{rows}</w:tbl>")
    assert "| 11 | Nội dung |" in read_docx(str(path)).text or "11\tNội dung" in read_docx(str(path)).text
    monkeypatch.setattr(limits, "DOCX_MAX_TABLE_ROWS", 10)
    with pytest.raises(InputError, match="12"):
        read_docx(str(path))


def test_fix_on_xml_only_expat_reads_is_one_input_error(tmp_path):
    """lxml (used to write a fix) and expat (used to read) disagree on some damaged parts: a part
    cut short is one INP001 on either path, never an internal error and an empty report."""
    with zipfile.ZipFile(tmp_path / "cut.docx", "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{PLAN}</w:body>')
    for args in ((), ("--fix",)):
        code, findings, _ = check_beside_a_good_draft(tmp_path, "cut.docx", args=args)
        assert code == 2 and "bị hỏng" in one_inp001(findings, "cut.docx")


def test_an_internal_error_on_a_file_is_still_in_the_report(tmp_path, monkeypatch, capsys):
    from draftlint import cli
    from draftlint.lint.engine import Engine

    (tmp_path / "loi.txt").write_bytes(GOOD)
    (tmp_path / "tot.txt").write_bytes(GOOD)
    lint_file = Engine.lint_file

    def failing(self, path, config, display=None):
        if path.endswith("loi.txt"):
            raise RuntimeError("a bug")
        return lint_file(self, path, config, display)

    monkeypatch.setattr(Engine, "lint_file", failing)
    from draftlint.startup import cache

    monkeypatch.setattr(cache, "_switched_off", False)  # --no-cache switches it off for the rest of this process
    code = cli.main(["check", "--jobs", "1", "--no-cache", "--format", "json", str(tmp_path / "loi.txt"),
                     str(tmp_path / "tot.txt")])
    findings = json.loads(capsys.readouterr().out)
    assert code == 2
    assert "RuntimeError: a bug" in one_inp001(findings, "loi.txt")
    assert any(f["path"].endswith("tot.txt") for f in findings)


# -- F1, F2, F3: a repository's configuration is untrusted input -----------------------------------------

def _folders(tmp_path: Path, config: str, extra: dict[str, bytes] | None = None):
    """A folder governed by ``config`` and a good one beside it; each holds a draft."""
    bad, good = tmp_path / "xau", tmp_path / "tot"
    for folder in (bad, good):
        folder.mkdir()
        (folder / "ke-hoach.txt").write_bytes(GOOD)
    (bad / ".draftlint.toml").write_text(config, encoding="utf-8")
    for name, data in (extra or {}).items():
        (bad / name).write_bytes(data)
    return bad, good


def _check_folders(bad: Path, good: Path, in_process: bool = True) -> str:
    code, out, err = cli("check", "--jobs", "1", str(bad), str(good), in_process=in_process)
    assert code == 2
    assert err.count("\n") == 1 and str(bad / ".draftlint.toml") in err, err
    assert "tot/ke-hoach.txt" in out and "xau/" not in out  # the other folder is linted, this one is not
    return err


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_lexicon_that_is_not_a_regular_file_is_one_line(tmp_path, target):
    bad, good = _folders(tmp_path, 'lexicon = "tu-vung.json"\n')
    if target == "fifo":
        os.mkfifo(bad / "tu-vung.json")
    else:
        os.symlink(target, bad / "tu-vung.json")
    assert "không phải tệp thường" in _check_folders(bad, good, in_process=False)


def test_a_lexicon_over_its_cap_is_not_read(tmp_path):
    bad, good = _folders(tmp_path, 'lexicon = "tu-vung.json"\n')
    with open(bad / "tu-vung.json", "wb") as handle:
        handle.truncate(limits.LEXICON_MAX_BYTES + 1)  # sparse: nothing is written
    assert "tệp quá lớn" in _check_folders(bad, good)


@pytest.mark.parametrize("lexicon, says", [
    (b'{"format": "draftlint-lexicon", "version": 1, "pairs": [1]}', "sai dạng"),
    (b'{"format": "draftlint-lexicon", "version": 1, "units": 5}', "sai dạng"),
    (b'{"format": "draftlint-lexicon", "version": 1, "acronyms": "UBND"}', "sai dạng"),
    (b'{"format": "draftlint-lexicon", "pairs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "không phải tệp lexicon"),
    (b"\xff\xfe{}", "không phải tệp lexicon"),
])
def test_a_malformed_lexicon_is_one_line(tmp_path, lexicon, says):
    bad, good = _folders(tmp_path, 'lexicon = "tu-vung.json"\n', {"tu-vung.json": lexicon})
    assert says in _check_folders(bad, good)


@pytest.mark.parametrize("config, says", [
    ("select = " + "[" * 5_000 + "]" * 5_000 + "\n", "lồng nhau quá sâu"),
    ('[rules.CAP003]\nagency-names = [""]\n', "chuỗi khác rỗng"),
    ('[rules.TSK003]\nunits = ["Văn phòng Sở", "  "]\n', "chuỗi khác rỗng"),
    ("select = []\n", "không để lại quy tắc nào"),
    ('select = ["NUM"]\nignore = ["NUM"]\n', "không để lại quy tắc nào"),
    ("# " + "x" * limits.CONFIG_MAX_BYTES + "\n", "tệp quá lớn"),
])
def test_a_broken_configuration_governs_only_its_folder(tmp_path, config, says):
    bad, good = _folders(tmp_path, config)
    assert says in _check_folders(bad, good)


def test_an_empty_select_with_extend_select_is_a_selection(tmp_path):
    """ruff's reading: select = [] with extend-select = [...] turns on just those."""
    (tmp_path / ".draftlint.toml").write_text('select = []\nextend-select = ["SPL002"]\n', encoding="utf-8")
    (tmp_path / "ke-hoach.txt").write_bytes(GOOD)
    result = run("check", "--format", "json", str(tmp_path / "ke-hoach.txt"))
    assert {f["code"] for f in json.loads(result.stdout)} == {"SPL002"}, result.stderr


# -- Limits: one policy, named in the README -------------------------------------------------------------

def test_every_limit_is_in_the_readme_with_its_value():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Limits\n"):]
    section = section[:section.index("\n## ", 1)]
    rows = dict((name, value) for value, name in re.findall(r"\| ([\d,]+(?: MB)?) \| `([A-Z_]+)` \|", section))
    names = {name for name in vars(limits) if name.isupper() and name != "MB"}
    assert set(rows) == names
    for name, shown in rows.items():
        number, _, unit = shown.partition(" ")
        assert int(number.replace(",", "")) * (limits.MB if unit == "MB" else 1) == getattr(limits, name), name
