"""Hostile output and caches: nothing a draft or a file name holds reaches a terminal or a CI log
as a command, a file name that is not UTF-8 never stops a report, and the cache folder cannot crash
a run or run anyone else's code."""

from __future__ import annotations

import json
import marshal
import os
import re
import signal
import stat
import subprocess
import sys
import tomllib
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import EXAMPLES, run
from draftlint.startup import cache
from draftlint import data

pytestmark = pytest.mark.usefixtures("cache_enabled")  # these tests are about the cache

GOOD = (EXAMPLES / "ke-hoach-mau.txt").read_text(encoding="utf-8")
# A heading numbered twice (NUM002 quotes it) that sets the clipboard (OSC 52), moves the cursor up
# and erases the line (to hide the findings above), reverses what follows (U+202E) and clears the
# screen through the one-byte C1 CSI.
HOSTILE_HEADING = ("1.1. Kết nối\x1b]52;c;ZWNobyBoaQ==\x07\x1b[1A\x1b[2K\u202eliên\x9b2J"
                   " thông với các sở, ngành")
HOSTILE = GOOD.replace("1.2. Kết nối liên thông với các sở, ngành", HOSTILE_HEADING)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_draft(tmp_path: Path) -> Path:
    assert HOSTILE != GOOD
    draft = tmp_path / "ke-hoach.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    return draft


def test_control_characters_in_quoted_draft_text_are_shown_escaped(tmp_path):
    result = run("check", str(_hostile_draft(tmp_path)))
    out = result.stdout.decode("utf-8")
    (line,) = [line for line in out.splitlines() if "NUM002" in line]
    assert "Kết nối\\x1b]52;c;ZWNobyBoaQ==\\x07\\x1b[1A\\x1b[2K\\u202eliên\\x9b2J" in line
    assert not CONTROLS.search(out), repr(out)


def test_on_a_terminal_only_draftlint_s_own_colours_are_escape_sequences(tmp_path):
    draft = _hostile_draft(tmp_path)
    result = subprocess.run([sys.executable, "-m", "draftlint.cli", "check", str(draft)], capture_output=True,
                            timeout=60, env={**os.environ, "FORCE_COLOR": "1"})
    out = result.stdout.decode("utf-8")
    assert "\x1b[" in out and "\\x1b]52;c;" in out  # coloured, and the draft's sequence shown
    without_colours = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert not CONTROLS.search(without_colours), repr(without_colours)


def test_github_annotations_carry_no_control_characters(tmp_path):
    result = run("check", "--format", "github", str(_hostile_draft(tmp_path)))
    out = result.stdout.decode("utf-8")
    assert out.count("\n") == 1 and out.startswith("::warning file=") and "NUM002" in out
    assert "\\x1b]52;c;" in out and not CONTROLS.search(out), repr(out)


def test_outline_shows_control_characters_escaped(tmp_path):
    out = run("outline", str(_hostile_draft(tmp_path))).stdout.decode("utf-8")
    assert "Kết nối\\x1b]52;c;ZWNobyBoaQ==\\x07\\x1b[1A" in out and not CONTROLS.search(out), repr(out)


def test_json_keeps_the_draft_s_text_exactly(tmp_path):
    result = run("check", "--format", "json", str(_hostile_draft(tmp_path)))
    (finding,) = json.loads(result.stdout)
    assert "Kết nối\x1b]52;c;ZWNobyBoaQ==\x07\x1b[1A" in finding["message"]


INJECTING_NAME = "a\n::error file=pwn.txt,line=1::INJECTED-BY-FILENAME\n\x1b[2K.txt"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_inject_workflow_commands(tmp_path, fmt):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / INJECTING_NAME).write_text("Đề nghị các đơn vị hổ trợ người dân.\n", encoding="utf-8")
    result = run("check", "--format", fmt, str(folder))
    out = result.stdout.decode("utf-8")
    findings = [line for line in out.splitlines() if "SPL002" in line]
    assert result.returncode == 0 and len(findings) == 1, out
    assert not [line for line in out.splitlines() if line.startswith("::") and "SPL002" not in line], out
    assert not CONTROLS.search(out), repr(out)
    if fmt == "text":
        shown = "a\\n::error file=pwn.txt,line=1::INJECTED-BY-FILENAME\\n\\x1b[2K.txt"
        assert findings[0].startswith(f"{folder}/{shown}:1:")


def test_a_file_name_cannot_inject_through_an_error_line(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / (INJECTING_NAME[:-4] + ".docx")).write_bytes(b"not a Word file")
    result = run("check", "--ignore", "INP001", str(folder))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "INJECTED-BY-FILENAME" in err
    assert not [line for line in err.splitlines() if line.startswith("::")], err
    assert not CONTROLS.search(err), repr(err)


@pytest.fixture()
def undecodable_name(tmp_path) -> Path:
    """A folder with a good draft and one whose name is not UTF-8 (Latin-1 bytes from an old archive)."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "tot.txt").write_text("Đề nghị các đơn vị hổ trợ người dân.\n", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"k\xe9-ho\xe0ch.txt"), "wb") as handle:
            handle.write("Đề nghị các đơn vị hổ trợ người dân.\n".encode("utf-8"))
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "html"])
def test_a_file_name_that_is_not_utf8_never_stops_a_report(undecodable_name, tmp_path, fmt):
    report = tmp_path / f"report.{fmt}"
    result = run("check", "--format", fmt, "-o", str(report), str(undecodable_name))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0 and "internal error" not in err, err
    written = report.read_text(encoding="utf-8")  # strict: the report is UTF-8 through and through
    if fmt in ("text", "github", "html"):
        assert "k\\xe9-ho\\xe0ch.txt" in written and "tot.txt" in written
    if fmt == "json":
        assert sorted(Path(f["path"]).name for f in json.loads(written)) == ["k\\xe9-ho\\xe0ch.txt", "tot.txt"]
    if fmt == "sarif":
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(written)["runs"][0]["results"]]
        assert sorted(Path(u).name for u in uris) == ["k\\xe9-ho\\xe0ch.txt", "tot.txt"]
    if fmt == "html":
        assert written.rstrip().endswith("</html>")


def test_a_file_name_that_is_not_utf8_in_a_baseline(undecodable_name, tmp_path):
    baseline = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(baseline), str(undecodable_name))
    assert written.returncode == 0, written.stderr.decode()
    again = run("check", "--baseline", str(baseline), str(undecodable_name))
    assert again.returncode == 0 and b"SPL002" not in again.stdout, again.stdout.decode()


# The cache folder.


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "draftlint"


@contextmanager
def _within(seconds: int):
    """Fails instead of hanging (a read that blocks on a pipe)."""
    def expired(*_):
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


TABLE = {"2:(?P<d>\\d+)/(?P<y>\\d{4})": [2, [17, 4, 0, 1, 1], 2, {"d": 1, "y": 2}, [None, "d", "y"]],
         "0:hổ trợ": [0, [1, 2, 3], 0, {}, [None]]}


def test_every_bit_flip_in_a_cached_file_is_caught(cache_home):
    cache.write_table("regex-test.marshal", TABLE)
    stored = cache_home / "regex-test.marshal"
    clean = stored.read_bytes()
    assert cache.read_table("regex-test.marshal") == TABLE
    for position in range(len(clean)):  # one flipped bit at every byte, header and payload
        damaged = bytearray(clean)
        damaged[position] ^= 1 << (position % 8)
        stored.write_bytes(bytes(damaged))
        assert cache.read_table("regex-test.marshal") == {}, position
    stored.write_bytes(clean[:-1])
    assert cache.read_table("regex-test.marshal") == {}
    stored.write_bytes(clean + b"\x00")
    assert cache.read_table("regex-test.marshal") == {}


def test_a_length_bomb_or_a_file_of_the_wrong_shape_is_rebuilt(cache_home):
    cache_home.mkdir(parents=True)
    bomb = b"(" + b"\xff\xff\xff\x7f"  # a tuple of 2³¹ - 1 items: 16 GB to allocate
    (cache_home / "regex-test.marshal").write_bytes(bomb)
    assert cache.read_table("regex-test.marshal") == {}
    expected = tomllib.loads((Path(data.__file__).parent / "document_types.toml").read_text(encoding="utf-8"))
    assert data.load("document_types.toml") == expected
    (stored,) = cache_home.glob("data-document_types-*.json")
    stored.write_text('{"x": 1}', encoding="utf-8")
    assert data.load("document_types.toml") == expected
    assert cache.read_json(stored.name) == expected  # rewritten


def test_only_a_regular_private_file_of_the_user_is_read(cache_home):
    cache.write_json("data-test.json", {"a": 1})
    stored = cache_home / "data-test.json"
    assert cache.read_json("data-test.json") == {"a": 1}
    stored.chmod(0o666)  # others can write it
    assert cache.read_json("data-test.json") is None
    stored.chmod(0o600)
    cache_home.chmod(0o777)  # others can write the folder (and so replace any file in it)
    assert cache.read_json("data-test.json") is None
    cache_home.chmod(0o775)
    assert cache.read_json("data-test.json") is None
    cache_home.chmod(0o700)
    assert cache.read_json("data-test.json") == {"a": 1}
    (cache_home / "link.json").symlink_to(stored)
    assert cache.read_json("link.json") is None
    if os.getuid() == 0:  # a file of another user in the user's folder
        os.chown(stored, 65534, 65534)
        assert cache.read_json("data-test.json") is None


def test_a_pipe_or_a_device_in_the_cache_does_not_hang(cache_home):
    cache_home.mkdir(parents=True)
    os.mkfifo(cache_home / "regex-pipe.marshal")
    (cache_home / "regex-zero.marshal").symlink_to("/dev/zero")
    with _within(10):
        assert cache.read_table("regex-pipe.marshal") == {}
        assert cache.read_table("regex-zero.marshal") == {}
    cache.write_table("regex-pipe.marshal", TABLE)  # replaced by a regular file
    assert stat.S_ISREG(os.lstat(cache_home / "regex-pipe.marshal").st_mode)
    assert cache.read_table("regex-pipe.marshal") == TABLE


def _draftlint(cache_folder: Path, *args: str) -> subprocess.CompletedProcess:
    script = ("import sys; from draftlint import cli; from draftlint.startup import classcache\n"
              "try: code = cli.main(sys.argv[1:])\n"
              "except SystemExit as exit: code = exit.code\n"
              "print('compiled', classcache.stats['compiled'], file=sys.stderr)\n"
              "sys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, timeout=60,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache_folder)})


def _compiled(result: subprocess.CompletedProcess) -> int:
    return int(result.stderr.decode().rsplit("compiled ", 1)[1])


@pytest.fixture()
def filled_cache(tmp_path) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """A cache folder after one run, its dataclass code file, and that run."""
    draft = EXAMPLES / "ke-hoach-loi-danh-so.txt"
    first = _draftlint(tmp_path / "cache", "check", str(draft))
    assert first.returncode == 1 and _compiled(first) > 100, first.stderr.decode()
    (codes,) = (tmp_path / "cache" / "draftlint").glob("dataclasses-*.marshal")
    return draft, codes, first


def _with_unknown_opcodes(payload: bytes) -> bytes:
    """The dataclass methods of a code cache with their first instruction made one no Python has:
    damage ``marshal`` cannot see, which crashes or breaks whatever runs the code."""
    import dis
    from types import CodeType

    unknown = next(i for i, name in enumerate(dis.opname) if i and name.startswith("<"))
    damaged = bytearray(payload)
    for code in marshal.loads(payload).values():
        for method in (c for c in code.co_consts if isinstance(c, CodeType)):
            at = payload.find(method.co_code)
            if at >= 0:
                damaged[at] = unknown
    assert damaged != payload and marshal.loads(bytes(damaged))
    return bytes(damaged)


def test_a_damaged_code_cache_is_rebuilt_not_run(tmp_path, filled_cache):
    draft, codes, first = filled_cache
    stored = codes.read_bytes()
    payload = cache._payload(stored)
    codes.write_bytes(stored[:len(stored) - len(payload)] + _with_unknown_opcodes(payload))
    second = _draftlint(tmp_path / "cache", "check", str(draft))
    assert second.returncode == 1 and second.stdout == first.stdout, second.stderr.decode()
    assert _compiled(second) == _compiled(first)  # nothing taken from the damaged file …
    third = _draftlint(tmp_path / "cache", "check", str(draft))
    assert _compiled(third) == 0 and third.stdout == first.stdout  # … which was rewritten


def test_code_planted_in_a_cache_folder_others_can_write_never_runs(tmp_path, filled_cache):
    """As another user would poison a shared or careless cache folder: each cached method also
    writes a file, framed as draftlint frames its files."""
    draft, codes, first = filled_cache
    marker = tmp_path / "PWNED"
    clean = marshal.loads(cache._payload(codes.read_bytes()))
    poison = cache._framed(marshal.dumps({
        source: compile(f"open({str(marker)!r}, 'w').close()\n" + source, "<string>", "exec", dont_inherit=True)
        for source in clean}))
    codes.write_bytes(poison)
    _draftlint(tmp_path / "cache", "check", str(draft))
    assert marker.exists()  # in the user's own private folder, the file is the user's to trust
    marker.unlink()
    codes.write_bytes(poison)
    codes.parent.chmod(0o777)
    second = _draftlint(tmp_path / "cache", "check", str(draft))
    assert second.returncode == 1 and second.stdout == first.stdout, second.stderr.decode()
    assert not marker.exists() and _compiled(second) == _compiled(first)
