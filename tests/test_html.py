"""The HTML report: escaped, self-contained, every finding marked at its span and listed with a jump
link; and, in a real headless browser, that the page behaves (highlights, jumps, filters)."""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run

# A draft whose own text carries markup: the report must show it, never run it.
HOSTILE = """UBND TỈNH HÀ NAM
SỞ NỘI VỤ

KẾ HOẠCH
Tập huấn nghiệp vụ văn thư năm 2026

Căn cứ Quyết định số <script>window.__pwned=1</script> của UBND tỉnh về công tác văn thư;

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao kỹ năng soạn thảo <img src=x onerror="window.__pwned=2"> văn bản của của công chức.

3. Bảo đảm tiết kiệm & hiệu quả "đúng quy định.
"""


def _report(tmp_path: Path, *paths: str, lang: str = "vi") -> str:
    out = tmp_path / "report.html"
    result = run("check", *paths, "--format", "html", "-o", str(out), "--lang", lang)
    assert result.returncode in (0, 1), result.stderr.decode()
    assert result.stdout == b""  # the report went to the file
    return out.read_text(encoding="utf-8")


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach-chen-ma.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_document_text_is_escaped_and_only_the_reports_script_may_run(tmp_path, hostile):
    page = _report(tmp_path, str(hostile))
    assert page.count("<script") == 1
    assert "<img" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert 'onerror=&quot;window.__pwned=2&quot;' in page
    assert "tiết kiệm &amp; hiệu quả" in page
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_the_page_loads_nothing_from_outside(tmp_path):
    page = _report(tmp_path, str(EXAMPLES))
    assert not re.search(r"<[a-z]+[^>]*\ssrc=", page)
    assert not re.search(r'href="(?!#)', page)
    assert "@import" not in page and "url(" not in page and "http://" not in page and "https://" not in page


def test_every_finding_is_listed_marked_at_its_span_and_linked(tmp_path, hostile):
    page = _report(tmp_path, str(hostile))
    items = re.findall(r'<li id="item-([\d-]+)" data-finding="\1" data-sev="(\w+)" data-family="(\w+)">'
                       r'<a href="#at-\1">', page)
    assert len(items) == 6  # the lone straight quote is UNI005's, off by default
    for fid, _, _ in items:
        assert page.count(f'id="at-{fid}"') == 1
    # The repeated word is marked exactly: its mark holds "của của" and says why on hover.
    spl = next(fid for fid, _, family in items if family == "SPL")
    mark = re.search(rf'<mark data-f="{spl}" data-sev="warning" title="SPL001: ([^"]+)">([^<]+)</mark>', page)
    assert mark.group(2) == "của của"
    assert html.unescape(mark.group(1)) == "Từ “của” viết hai lần liền nhau"
    # The three missing parts (FMT009) all point at the title: one mark carries the three, and
    # its hover text lists each.
    mark = re.search(r'<mark data-f="([\d -]+)" data-sev="warning" title="(FMT009: [^"]+)">KẾ HOẠCH</mark>', page)
    assert len(mark.group(1).split()) == 3 and mark.group(2).count("FMT009: ") == 3


def test_summary_counts_per_rule_and_file(tmp_path):
    page = _report(tmp_path, str(EXAMPLES / "ke-hoach-loi-danh-so.txt"), str(EXAMPLES / "ke-hoach-mau.txt"))
    result = run("check", str(EXAMPLES / "ke-hoach-loi-danh-so.txt"), "--statistics")
    counts = re.findall(r"^\s+(\d+)\s+(\w+)\s", result.stdout.decode(), re.M)
    table = page[page.index('<section id="summary">'):page.index("</section>")]
    for n, code in counts:
        assert re.search(rf"<td><code>{code}</code>[^<]*</td><td>.*?</td><td class=\"n\">{n}</td>", table), code
    # The clean example is only listed, collapsed, after the drafts with findings: not in the tables.
    assert "ke-hoach-mau.txt" not in table
    clean = page[page.index('<section id="clean-files">'):]
    assert "<details><summary><h2>1 tệp không có vấn đề nào</h2>" in clean and "ke-hoach-mau.txt" in clean


def _folder(tmp_path: Path, defective: int, clean: int) -> Path:
    """A drafts folder: copies of the defective and the clean example plans, named so that clean
    ones come first in the folder's order."""
    folder = tmp_path / "du-thao"
    folder.mkdir()
    for i in range(clean):
        (folder / f"a-ke-hoach-{i:02d}.txt").write_bytes((EXAMPLES / "ke-hoach-mau.txt").read_bytes())
    for i, name in zip(range(defective), ["ke-hoach-loi-danh-so.txt", "ke-hoach-loi-van-ban.txt"] * defective):
        (folder / f"b-ke-hoach-{i:02d}.txt").write_bytes((EXAMPLES / name).read_bytes())
    return folder


def test_a_folder_report_puts_drafts_with_findings_first_and_collapses_the_clean_ones(tmp_path):
    page = _report(tmp_path, str(_folder(tmp_path, defective=3, clean=2)))
    sections = re.findall(r'<section class="file" id="file-(\d+)">\n<h2>([^<]+?) ', page)
    assert [(n, Path(path).name) for n, path in sections] == [
        ("1", "b-ke-hoach-00.txt"), ("2", "b-ke-hoach-01.txt"), ("3", "b-ke-hoach-02.txt")]
    clean = page[page.index('<section id="clean-files">'):]
    assert "<details><summary><h2>2 tệp không có vấn đề nào</h2>" in clean  # collapsed: no "open"
    assert re.findall(r"<li>([^<]+)</li>", clean) == [str(tmp_path / "du-thao" / f"a-ke-hoach-0{i}.txt") for i in (0, 1)]
    assert "a-ke-hoach" not in page[:page.index('<section id="clean-files">')]
    # Over several drafts with findings the page opens on the lines with problems only.
    assert '<body class="only-flagged">' in page and '<input type="checkbox" id="only-flagged" checked>' in page
    single = _report(tmp_path, str(EXAMPLES / "ke-hoach-loi-danh-so.txt"), str(EXAMPLES / "ke-hoach-mau.txt"))
    assert "<body>" in single and '<input type="checkbox" id="only-flagged">' in single


def test_the_summary_has_one_row_per_rule_and_one_per_draft(tmp_path):
    page = _report(tmp_path, str(_folder(tmp_path, defective=4, clean=1)))
    by_file = page[page.index('<div id="by-file">'):page.index("</table>", page.index('<div id="by-file">'))]
    rows = re.findall(r'<tr><td class="file" title="([^"]+)"><a href="#file-(\d)">[^<]+</a></td>'
                      r'((?:<td class="n">\d*</td>){3})<td class="n">(\d+)</td></tr>', by_file)
    assert [(Path(path).name, n) for path, n, _, _ in rows] == [(f"b-ke-hoach-0{i}.txt", str(i + 1)) for i in range(4)]
    for path, n, _, total in rows:
        section = page[page.index(f'<section class="file" id="file-{n}">'):]
        section = section[:section.index("</ol>")]
        assert int(total) == section.count("<li id=") > 0
    # The per-rule table has four columns whatever the number of drafts: rule, severity, count, drafts.
    by_rule = page[page.index('<div id="by-rule">'):page.index('<div id="by-file">')]
    header = re.search(r"<thead><tr>(.*?)</tr></thead>", by_rule).group(1)
    assert header.count("<th") == 4
    assert re.search(r'<td><code>NUM001</code> [^<]+</td><td>.*?</td><td class="n">2</td><td class="n">2</td>', by_rule)


def test_writing_a_report_to_a_file_says_where(tmp_path):
    out = tmp_path / "bao-cao.html"
    result = run("check", str(EXAMPLES / "ke-hoach-mau.txt"), "--format", "html", "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert result.stderr.decode() == f"Đã ghi báo cáo vào {out}\n" and out.exists()
    out = tmp_path / "report.json"
    result = run("check", str(EXAMPLES / "ke-hoach-loi-danh-so.txt"), "--format", "json", "-o", str(out), "--lang", "en")
    assert result.returncode == 1 and result.stderr.decode() == f"Report written to {out}\n" and out.exists()


def test_english_with_lang_en(tmp_path, hostile):
    page = _report(tmp_path, str(hostile), lang="en")
    assert '<html lang="en">' in page and "Draft review report" in page and "Only lines with problems" in page
    assert "Word “của” is written twice in a row" in page or "của" in page  # the rules' own English


def test_word_drafts_show_their_paragraphs(tmp_path):
    docx = EXAMPLES / "ke-hoach-word-loi.docx"
    page = _report(tmp_path, str(docx))
    assert re.search(r'<span class="ln">đoạn \d+</span>', page)
    assert re.search(r'<a href="#at-1-1">(đoạn|bảng) \d', page)


def test_unwritable_output_is_one_line_and_exit_2(tmp_path):
    result = run("check", str(EXAMPLES / "ke-hoach-mau.txt"), "--format", "html", "-o",
                 str(tmp_path / "no-such-folder" / "r.html"))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "r.html" in result.stderr.decode()


# --- in a real browser ----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("no Chromium/ChromeDriver here (Debian: apt-get install chromium chromium-driver; .ci/run does)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _screenshot(driver, tmp_path: Path, name: str) -> Path:
    """A PNG of what the reviewer sees; kept in DRAFTLINT_SCREENSHOTS when that is set."""
    folder = Path(os.environ.get("DRAFTLINT_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    return path


def test_in_a_browser_markup_in_a_draft_never_runs(browser, tmp_path, hostile):
    _report(tmp_path, str(hostile))
    browser.get((tmp_path / "report.html").as_uri())
    assert browser.execute_script("return window.__pwned === undefined")
    text = browser.find_element("css selector", "#line-1-7 .tx").text
    assert "<script>window.__pwned=1</script>" in text
    _screenshot(browser, tmp_path, "hostile")


def test_in_a_browser_highlights_jumps_and_filters(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = _report(tmp_path, str(EXAMPLES / "ke-hoach-loi-danh-so.txt"), str(EXAMPLES / "ke-hoach-loi-van-ban.txt"))
    browser.get((tmp_path / "report.html").as_uri())
    items = browser.find_elements(By.CSS_SELECTOR, "ol.findings li")
    assert len(items) == page.count('<li id="item-')
    # Every finding with a span is painted: its marks have a background colour.
    painted = browser.execute_script(
        "return [...document.querySelectorAll('mark[data-sev]')].filter("
        "m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length")
    assert painted == len(browser.find_elements(By.CSS_SELECTOR, "mark[data-sev]")) > 0

    # A jump link scrolls to the finding below the sticky header and outlines its mark.
    link = browser.find_elements(By.CSS_SELECTOR, "#file-2 ol.findings li a")[-1]
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert browser.execute_script("return location.hash") == "#" + target
    top, header = browser.execute_script(
        "return [document.getElementById(arguments[0]).getBoundingClientRect().top,"
        " document.querySelector('header').getBoundingClientRect().bottom]", target)
    assert header <= top < browser.execute_script("return innerHeight")
    # The outline is set on hashchange, an event the page handles after the click returns: wait for it.
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "mark.flash"))
    _screenshot(browser, tmp_path, "jump")

    # Unticking "lỗi" hides every error in the lists and notes and takes the colour off its marks.
    browser.find_element(By.CSS_SELECTOR, "input[name=sev][value=error]").click()
    assert all(not li.is_displayed() for li in browser.find_elements(By.CSS_SELECTOR, "li[data-sev=error]"))
    assert browser.find_elements(By.CSS_SELECTOR, "li[data-sev=warning]")[0].is_displayed()
    assert not browser.find_elements(By.CSS_SELECTOR, "mark[data-sev=error]")
    # …and unticking a family hides that family's findings.
    browser.find_element(By.CSS_SELECTOR, "input[name=family][value=NUM]").click()
    assert all(not li.is_displayed() for li in browser.find_elements(By.CSS_SELECTOR, "li[data-family=NUM]"))
    _screenshot(browser, tmp_path, "filtered")


# --- the highlighter on its own ---------------------------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from draftlint.reporters.html import _highlight  # noqa: E402
from draftlint.rule import Finding, Severity  # noqa: E402


@given(st.text(alphabet="ab <&\"đứ", min_size=1, max_size=30),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(list(Severity))), max_size=6))
def test_highlight_keeps_the_text_and_colours_each_stretch_by_its_worst_finding(line, spans):
    findings = [Finding("d.txt", f"TST00{i}", "t", severity, "m", 1, 1, 1, 1, start=min(a, b, len(line)),
                        end=min(max(a, b), len(line))) for i, (a, b, severity) in enumerate(spans)]
    ids = {id(f): f"1-{i}" for i, f in enumerate(findings)}
    out = _highlight(line, 0, len(line), findings, ids)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == line
    for found, sev, body in re.findall(r'<mark(?: class="caret")? data-f="([^"]+)" data-sev="(\w+)"[^>]*>([^<]*)</mark>', out):
        group = [f for f in findings if ids[id(f)] in found.split()]
        assert sev == str(max(f.severity for f in group))
        if body:  # a stretch is inside every finding it names, and no other finding covers it
            assert all(f.start < f.end for f in group)
    for f in findings:
        assert out.count(f'id="at-{ids[id(f)]}"') == 1


def test_in_a_browser_only_lines_with_problems_keeps_them_and_a_little_context(browser, tmp_path):
    from selenium.webdriver.common.by import By

    _report(tmp_path, str(EXAMPLES / "ke-hoach-loi-trich-dan.txt"))
    browser.get((tmp_path / "report.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, ".row")
    browser.find_element(By.ID, "only-flagged").click()
    shown = [r for r in rows if r.is_displayed()]
    assert 0 < len(shown) < len(rows)
    assert all(r.is_displayed() for r in browser.find_elements(By.CSS_SELECTOR, ".row.flagged"))
    assert any("near" in r.get_attribute("class") for r in shown)  # context lines around them
    _screenshot(browser, tmp_path, "only-flagged")


def test_in_a_browser_a_folder_report_fits_the_window(browser, tmp_path):
    """Forty drafts with findings and five clean ones in a 1000-pixel window: nothing runs wider
    than the window, the summary scrolls inside its own boxes, the drafts open on their flagged
    lines and the clean ones stay folded."""
    from selenium.webdriver.common.by import By

    _report(tmp_path, str(_folder(tmp_path, defective=40, clean=5)))
    browser.set_window_size(1000, 900)
    try:
        browser.get((tmp_path / "report.html").as_uri())
        assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")
        for box in browser.find_elements(By.CSS_SELECTOR, "#summary .table-wrap"):
            height, scrolled = browser.execute_script(
                "return [arguments[0].clientHeight, arguments[0].scrollHeight]", box)
            assert height <= 0.5 * 900
        assert scrolled > height  # the per-draft table of forty rows scrolls in its box
        rows = browser.find_elements(By.CSS_SELECTOR, "#file-1 .row")
        assert 0 < sum(r.is_displayed() for r in rows) < len(rows)
        assert browser.find_element(By.ID, "only-flagged").is_selected()
        assert not any(li.is_displayed() for li in browser.find_elements(By.CSS_SELECTOR, "#clean-files li"))
        browser.find_element(By.CSS_SELECTOR, "#clean-files summary").click()
        assert all(li.is_displayed() for li in browser.find_elements(By.CSS_SELECTOR, "#clean-files li"))
        _screenshot(browser, tmp_path, "folder")
    finally:
        browser.set_window_size(1400, 1000)
