"""--fix and --annotate write like careful editors: links, owner and mode kept, read-only files and
devices refused, an edit made meanwhile never lost, encodings and Word packages kept as they were."""

from __future__ import annotations

import codecs
import os
import stat
import zipfile

import pytest

from conftest import EXAMPLES, run
from draftlint.front.docx import read_docx

DRAFT = ("KẾ HOẠCH\nTriển khai dịch vụ công trực tuyến năm 2026\nI. NHIỆM VỤ\n"
         "1. Văn phòng Sở chủ trì hổ trợ người dân nộp hồ sơ trực tuyến.\n")
FIXED = DRAFT.replace("hổ trợ", "hỗ trợ")
WORD = EXAMPLES / "ke-hoach-word-loi.docx"  # "hổ trợ" in its eighth paragraph, fixable


def _draft(folder, name="ke-hoach.txt", data=None):
    path = folder / name
    path.write_bytes(DRAFT.encode("utf-8") if data is None else data)
    return path


def test_fix_writes_through_a_symbolic_link(tmp_path):
    (tmp_path / "du-thao").mkdir()
    real = _draft(tmp_path / "du-thao")
    link = tmp_path / "ke-hoach.txt"
    link.symlink_to(real)
    word = tmp_path / "du-thao" / "ke-hoach.docx"
    word.write_bytes(WORD.read_bytes())
    word_link = tmp_path / "ke-hoach.docx"
    word_link.symlink_to(word)
    result = run("check", "--fix", str(link), str(word_link))
    assert "Đã sửa 2 vấn đề trong 2 tệp" in result.stderr.decode()
    assert link.is_symlink() and word_link.is_symlink()
    assert real.read_text(encoding="utf-8") == FIXED
    assert "hỗ trợ" in read_docx(str(word)).text and "hổ trợ" not in read_docx(str(word)).text
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["du-thao", "ke-hoach.docx", "ke-hoach.docx",
                                                           "ke-hoach.txt", "ke-hoach.txt"]


def test_fix_keeps_hard_links(tmp_path):
    draft = _draft(tmp_path)
    other = tmp_path / "ban-chinh.txt"
    os.link(draft, other)
    inode = draft.stat().st_ino
    run("check", "--fix", str(draft))
    assert draft.stat().st_ino == inode and draft.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_keeps_owner_group_and_mode(tmp_path):
    draft = _draft(tmp_path)
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(WORD.read_bytes())
    for path in (draft, word):
        os.chown(path, 1234, 1235)
        path.chmod(0o640)
    result = run("check", "--fix", str(draft), str(word))
    assert "Đã sửa 2 vấn đề trong 2 tệp" in result.stderr.decode()
    for path in (draft, word):
        info = path.stat()
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 1235, 0o640), path.name
    assert draft.read_text(encoding="utf-8") == FIXED


def test_fix_leaves_a_read_only_draft_and_reports_it(tmp_path):
    draft = _draft(tmp_path)
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(WORD.read_bytes())
    draft.chmod(0o444)
    word.chmod(0o444)
    result = run("check", "--fix", str(draft), str(word))
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert f"draftlint: lỗi: {draft}: tệp chỉ đọc: không ghi vào, tệp để nguyên\n" in stderr
    assert f"draftlint: lỗi: {word}: tệp chỉ đọc" in stderr and "Đã sửa" not in stderr
    out = result.stdout.decode()
    assert f"{draft}:4:" in out and "SPL002" in out and f"{word}[đoạn 8]" in out  # the findings stay
    assert draft.read_text(encoding="utf-8") == DRAFT and word.read_bytes() == WORD.read_bytes()
    english = run("check", "--fix", "--lang", "en", str(draft))
    assert f"draftlint: error: {draft}: read-only file: not written to\n" in english.stderr.decode()


def test_fix_in_a_folder_that_cannot_be_written_keeps_the_findings(tmp_path, monkeypatch, capsys):
    import tempfile

    from draftlint.cli import main

    folder = tmp_path / "chi-doc"
    folder.mkdir()
    draft = _draft(folder)
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root may write any folder: fail as the kernel fails for anyone else
        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    try:
        code = main(["check", "--fix", str(draft)])
    finally:
        folder.chmod(0o755)
    captured = capsys.readouterr()
    assert code == 2 and "internal error" not in captured.err
    assert f"draftlint: lỗi: {draft}: không ghi được (Permission denied), tệp để nguyên\n" in captured.err
    assert "SPL002" in captured.out and "trong 1 tệp" in captured.out
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_an_edit_made_while_fix_runs_is_kept(tmp_path, monkeypatch, capsys):
    from draftlint.fix import fixes
    from draftlint.cli import main

    draft = _draft(tmp_path)
    added = "2. Sở Tài chính bố trí kinh phí thực hiện.\n"
    original = fixes.fix_until_stable

    def while_linting(*args, **kwargs):  # the drafter saves an edit during the run
        result = original(*args, **kwargs)
        with open(draft, "a", encoding="utf-8") as handle:
            handle.write(added)
        return result

    monkeypatch.setattr(fixes, "fix_until_stable", while_linting)
    code = main(["check", "--fix", str(draft)])
    assert code == 2
    assert "tệp đã bị sửa trong lúc draftlint chạy" in capsys.readouterr().err
    assert draft.read_text(encoding="utf-8") == DRAFT + added


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_utf16_keeps_its_byte_order(tmp_path, bom, codec):
    draft = _draft(tmp_path, data=bom + DRAFT.encode(codec))
    run("check", "--fix", str(draft))
    assert draft.read_bytes() == bom + FIXED.encode(codec)


def _package(path, document_xml: str, comment=b"", stored=()):
    """A Word package with an archive comment and some entries stored uncompressed."""
    with zipfile.ZipFile(WORD) as source, zipfile.ZipFile(path, "w") as target:
        target.comment = comment
        for info in source.infolist():
            data = document_xml.encode("utf-8") if info.filename == "word/document.xml" else source.read(info)
            info.compress_type = zipfile.ZIP_STORED if info.filename in stored else zipfile.ZIP_DEFLATED
            info.date_time = (2026, 3, 2, 8, 30, 0)
            target.writestr(info, data)


def test_word_fix_keeps_the_archive_comment_compression_and_dates(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    document = zipfile.ZipFile(WORD).read("word/document.xml").decode("utf-8")
    _package(path, document, comment="Bản dự thảo lần 3".encode("utf-8"), stored=("word/styles.xml",))
    before = {i.filename: (i.compress_type, i.date_time, i.external_attr) for i in zipfile.ZipFile(path).infolist()}
    result = run("check", "--fix", str(path))
    assert "Đã sửa 1 vấn đề trong 1 tệp" in result.stderr.decode()
    after = zipfile.ZipFile(path)
    assert after.comment == "Bản dự thảo lần 3".encode("utf-8")
    assert {i.filename: (i.compress_type, i.date_time, i.external_attr) for i in after.infolist()} == before
    assert "hỗ trợ" in read_docx(str(path)).text


def test_word_fix_never_breaks_a_document_with_a_doctype(tmp_path):
    """An internal entity Word never writes, but another generator may: lxml would write the part
    without its declaration, and no parser could read the entity."""
    from docx import Document

    path = tmp_path / "ke-hoach.docx"
    document = zipfile.ZipFile(WORD).read("word/document.xml").decode("utf-8")
    head, _, body = document.partition("?>")
    document = (head + '?><!DOCTYPE w:document [<!ENTITY so "Sở Nội vụ">]>'
                + body.replace("Văn phòng Sở", "&so;", 1))
    _package(path, document)
    assert "Sở Nội vụ" in read_docx(str(path)).text
    before = path.read_bytes()
    result = run("check", "--fix", str(path))
    assert result.returncode == 2
    assert f"draftlint: lỗi: {path}: tệp Word có khai báo <!DOCTYPE>" in result.stderr.decode()
    assert "SPL002" in result.stdout.decode()  # still reported, for a person to fix
    assert path.read_bytes() == before
    assert "Sở Nội vụ" in read_docx(str(path)).text and Document(str(path)).paragraphs


def test_a_package_that_would_not_read_back_is_never_written(tmp_path):
    from draftlint.fix.docx_fix import write_docx
    from draftlint.fix.writeback import WriteError

    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(WORD.read_bytes())
    with pytest.raises(WriteError) as caught:
        write_docx(str(path), b"<?xml version='1.0'?><w:document><w:body>")
    assert caught.value.key == "write.damaged" and "tệp Word bị hỏng" in caught.value.text("vi")
    assert path.read_bytes() == WORD.read_bytes() and os.listdir(tmp_path) == ["ke-hoach.docx"]


def test_annotate_never_replaces_a_device_or_a_fifo(tmp_path):
    draft = tmp_path / "ke-hoach.docx"
    draft.write_bytes(WORD.read_bytes())
    fifo = tmp_path / "nhan-xet.docx"
    os.mkfifo(fifo)
    result = run("check", str(draft), "--annotate", str(fifo))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == (f"draftlint: lỗi: --annotate {fifo}: không phải tệp thường (thư mục, thiết bị, "
                                      f"FIFO…): không ghi vào\n")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    if os.geteuid() == 0:  # a stand-in for /dev/null, named as a folder would be
        null = tmp_path / "null"
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        result = run("check", str(draft), "--annotate", str(null), "--lang", "en")
        assert result.returncode == 2 and "not a regular file" in result.stderr.decode()
        assert stat.S_ISCHR(os.stat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ke-hoach.docx", "nhan-xet.docx"]
                                                                + (["null"] if os.geteuid() == 0 else []))


def test_annotate_over_a_read_only_copy_leaves_it(tmp_path):
    draft = tmp_path / "ke-hoach.docx"
    draft.write_bytes(WORD.read_bytes())
    copy = tmp_path / "nhan-xet.docx"
    copy.write_bytes(b"PK old copy")
    copy.chmod(0o444)
    result = run("check", str(draft), "--annotate", str(copy))
    assert result.returncode == 2
    assert f"draftlint: lỗi: {copy}: tệp chỉ đọc: không ghi vào, tệp để nguyên\n" in result.stderr.decode()
    assert copy.read_bytes() == b"PK old copy"


@pytest.mark.usefixtures("cache_enabled")
def test_the_cache_never_creates_a_missing_home(tmp_path, monkeypatch):
    from draftlint.startup import cache

    home = tmp_path / "khong-co"
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    assert cache.folder() is None and not home.exists()
    home.mkdir()  # a home that exists gets its cache folder
    assert cache.folder() == str(home / ".cache" / "draftlint")
