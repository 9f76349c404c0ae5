"""Hostile and odd input: none of it raises, an unreadable file is one INP001 line, and the exit
code is 2 only after every other file has been linted."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from conftest import EXAMPLES, lint, run

GOOD = (EXAMPLES / "ke-hoach-mau.txt").read_bytes()
SENTENCE = "Tăng cường công tác tuyên truyền, phổ biến pháp luật về văn thư, lưu trữ năm 2026.\n"


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: tone marks as combining characters after the letter."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def _check(tmp_path: Path, name: str, data: bytes, *args: str):
    """Lint ``name`` holding ``data`` beside a good draft; the good one is always linted."""
    folder = tmp_path / "drafts"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    (folder / "tot.txt").write_bytes(GOOD)
    result = run("check", str(folder / name), str(folder / "tot.txt"), *args)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    assert "trong 2 tệp" in out or "in 2 file(s)" in out  # the good file was linted too
    return result.returncode, out, err


def _inp001(out: str, name: str) -> str:
    lines = [line for line in out.splitlines() if "INP001" in line and f"/{name}:" in line]
    assert len(lines) == 1, out
    return lines[0]


@pytest.mark.parametrize("name, data", [
    ("rong.txt", b""),
    ("khoang-trang.txt", b"   \n\t\t\n \r\n\n"),
    ("chi-bom.txt", b"\xef\xbb\xbf"),
])
def test_empty_and_blank_files_are_clean(tmp_path, name, data):
    code, out, _ = _check(tmp_path, name, data)
    assert code == 0 and "INP001" not in out


def test_bom_and_utf16_are_decoded(tmp_path):
    code, out, _ = _check(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD)
    assert code == 0
    code, out, _ = _check(tmp_path, "utf16.txt", GOOD.decode().encode("utf-16"))
    assert code == 0 and "INP001" not in out


@pytest.mark.parametrize("name, data, says", [
    ("nhi-phan.txt", bytes(range(256)) * 40, "nhị phân"),
    ("windows-1258.txt", _cp1258(SENTENCE * 3), "Windows-1258"),
    ("tcvn3.txt", b"K\xd5 ho\xb9ch t\xb8p hu\xd6n nghi\xd6p v\xf5 v\xa8n th\xad n\xa8m 2026\n", "TCVN3"),
    ("hong-giua.txt", SENTENCE.encode() * 5 + b"\xc3\x28 l\xff\n" + SENTENCE.encode(), "dòng 6"),
])
def test_undecodable_files_are_one_input_error_with_advice(tmp_path, name, data, says):
    code, out, _ = _check(tmp_path, name, data)
    assert code == 2
    line = _inp001(out, name)
    assert says in line
    if says in ("Windows-1258", "TCVN3"):
        assert "chuyển mã sang Unicode" in line
    # Nothing but the input error: never findings on mojibake.
    assert not [x for x in out.splitlines() if name in x and "INP001" not in x]


def test_legacy_bytes_advice_in_english(tmp_path):
    _, out, _ = _check(tmp_path, "tcvn3.txt", b"K\xd5 ho\xb9ch t\xb8p hu\xd6n nghi\xd6p v\xf5 n\xa8m 2026\n",
                       "--lang", "en")
    assert "old TCVN3 (ABC) encoding" in _inp001(out, "tcvn3.txt")


def test_a_file_over_the_size_limit_is_refused_not_read(tmp_path):
    code, out, _ = _check(tmp_path, "qua-lon.txt", SENTENCE.encode() * (20 * 1024 * 1024 // len(SENTENCE.encode())))
    assert code == 2 and "tệp quá lớn" in _inp001(out, "qua-lon.txt")


def test_one_five_megabyte_line(tmp_path):
    line = ("Tăng cường công tác tuyên truyền, phổ biến pháp luật " * 100_000)[:5_000_000]
    code, out, _ = _check(tmp_path, "mot-dong.txt", line.encode())
    assert code in (0, 1)


def test_a_thousand_nested_levels_of_numbering():
    text = "".join(".".join(["1"] * depth) + f". Nội dung mục cấp {depth}\n" for depth in range(1, 1001))
    findings = lint(text)
    assert all(1 <= f.line <= 1000 for f in findings)
    assert findings == lint(text)  # the same on a second run
    # Every level is numbered 1, once: no gap, no duplicate (1.1.1.1 was once taken for a second 1.1.1).
    assert not [f for f in findings if f.code in ("NUM001", "NUM002")], findings


def test_unreadable_entries_and_special_files(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "tot.txt").write_bytes(GOOD)
    os.mkfifo(folder / "ong-dan.txt")  # would block a reader forever
    os.symlink("khong-co.txt", folder / "lien-ket-hong.txt")
    os.symlink("vong.txt", folder / "vong.txt")  # a link to itself
    result = run("check", str(folder / "ong-dan.txt"), str(folder / "lien-ket-hong.txt"), str(folder / "vong.txt"),
                 str(folder / "tot.txt"))
    out = result.stdout.decode()
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    for name in ("ong-dan.txt", "lien-ket-hong.txt", "vong.txt"):
        _inp001(out, name)
    assert "không phải tệp thường" in out and "trong 4 tệp" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission(tmp_path):
    path = tmp_path / "khoa.txt"
    path.write_bytes(GOOD)
    path.chmod(0)
    result = run("check", str(path))
    assert result.returncode == 2 and "không có quyền đọc tệp" in result.stdout.decode()


def test_vietnamese_names_with_spaces(tmp_path):
    folder = tmp_path / "Dự thảo 2026"
    folder.mkdir()
    (folder / "Kế hoạch tập huấn (bản 2).txt").write_bytes(GOOD.replace("hệ thống".encode(), "hệ thống hệ thống".encode(), 1))
    result = run("check", str(folder))
    out = result.stdout.decode()
    assert "Dự thảo 2026/Kế hoạch tập huấn (bản 2).txt:18:" in out and "SPL001" in out


def test_standard_input(tmp_path):
    result = run("check", "-", stdin=GOOD)
    assert result.returncode == 0 and "trong 1 tệp" in result.stdout.decode()
    result = run("check", "-", stdin=b"\xff\xfe\x00")
    assert result.returncode == 2 and "INP001" in result.stdout.decode()


def test_a_folder_of_ten_thousand_files(tmp_path):
    """Discovery copes with a big folder; every draft in it is linted, the rest ignored."""
    folder = tmp_path / "luu-tru"
    folder.mkdir()
    for i in range(9_950):
        (folder / f"phu-luc-{i:05d}.pdf").write_bytes(b"%PDF")
    for i in range(50):
        (folder / f"ke-hoach-{i:02d}.txt").write_bytes(GOOD)
    result = run("check", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "[]"
