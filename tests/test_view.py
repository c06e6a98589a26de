"""`bulletin-extract view`: the page's marks, escaping and errors, then the page in Chromium."""
from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from extract.cli import main
from extract.view import Span, asset, render_text

from conftest import CORPUS

SCRIPT_BULLETIN = ("永州市应急管理局工作动态\n"
                   "10月8日，市应急管理局召开安全生产工作会议，部署<script>alert(1)</script>排查整治。\n"
                   "今年1-9月，全市排查隐患&lt;7450个，已整改7422个。\n")


def run_out(tmp: Path, *paths: Path, status: int = 0) -> Path:
    out = tmp / "out"
    code = main(["run", *map(str, paths), "--out", str(out), "--with-text", "--quiet",
                 "--workers", "1", "--issue-date", "2024-10-12"])
    assert code == status
    return out


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = run_out(tmp_path_factory.mktemp("corpus"), CORPUS)
    assert main(["view", str(out)]) == 0
    return out, out / "view.html"


@pytest.fixture(scope="module")
def script_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("script")
    src = tmp / "in"
    src.mkdir()
    (src / "yongzhou-script.txt").write_text(SCRIPT_BULLETIN, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")  # an error row for the page's errors section
    out = run_out(tmp, src, status=1)
    page = tmp / "page.html"
    assert main(["view", str(out), "--html", str(page)]) == 0
    return out, page


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


class MarkReader(HTMLParser):
    """Rebuilds the plain text of a rendered fragment and where each counted mark lies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.pos = 0
        self.open: list[tuple[str, bool, int]] = []
        self.marks: dict[str, list[tuple[int, int]]] = {}
        self.counted: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark", f"unexpected <{tag}> in a document's text"
        a = dict(attrs)
        cont = "cont" in (a.get("class") or "").split()
        self.open.append((a["data-row"] or "", cont, self.pos))
        if not cont:
            self.counted.append(a["data-row"] or "")

    def handle_endtag(self, tag: str) -> None:
        row, _, start = self.open.pop()
        self.marks.setdefault(row, []).append((start, self.pos))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.pos += len(data)


def payloads(page: Path) -> dict[str, dict]:
    html = page.read_text(encoding="utf-8")
    found = re.findall(r'<section class="doc" id="doc-\d+" data-doc="([^"]*)".*?'
                       r'<script type="application/json" class="payload">(.*?)</script>',
                       html, re.S)
    return {doc: json.loads(body) for doc, body in found}


def test_every_row_has_one_mark_on_its_characters(corpus_page: tuple[Path, Path]) -> None:
    out, page = corpus_page
    docs = {d["doc_id"]: d for d in jsonl(out / "documents.jsonl")}
    rows = jsonl(out / "events.jsonl") + jsonl(out / "facts.jsonl")
    loaded = payloads(page)
    assert set(loaded) == set(docs)
    n_marks = 0
    for doc_id, payload in loaded.items():
        reader = MarkReader()
        reader.feed(payload["text"])
        assert "".join(reader.text) == docs[doc_id]["text"]  # the text, whole and unchanged
        n_marks += len(reader.counted)
        for row in (r for r in rows if r["doc_id"] == doc_id):
            rid = row.get("event_id") or row["fact_id"]
            pieces = reader.marks[rid]
            assert (pieces[0][0], pieces[-1][1]) == (row["char_start"], row["char_end"])
            assert "".join(docs[doc_id]["text"][a:b] for a, b in pieces) == row["evidence"]
    assert n_marks == len(rows) > 100


def test_partly_overlapping_and_empty_spans_stay_well_formed() -> None:
    text = "甲乙丙丁戊己庚"
    spans = [Span(0, 4, "events", "e1", ""), Span(2, 6, "facts", "f1", ""),
             Span(2, 6, "facts", "f2", ""), Span(5, 5, "facts", "f3", "")]
    reader = MarkReader()
    reader.feed(render_text(text, spans))
    assert "".join(reader.text) == text and not reader.open
    assert sorted(reader.counted) == ["e1", "f1", "f2", "f3"]
    assert reader.marks["e1"] == [(0, 4)]
    assert reader.marks["f1"] == [(2, 4), (4, 6)]  # split where e1 closes, one part counted
    assert reader.marks["f3"] == [(5, 5)]


def test_markup_in_a_bulletin_is_text(script_page: tuple[Path, Path]) -> None:
    out, page = script_page
    html = page.read_text(encoding="utf-8")
    assert "alert(1)" in html
    assert "<script>alert" not in html and "</script>排查" not in html
    payload = next(iter(payloads(page).values()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in payload["text"]
    assert "&amp;lt;7450" in payload["text"]  # the bulletin's own &lt; stays four characters


def test_error_rows_are_listed(script_page: tuple[Path, Path]) -> None:
    out, page = script_page
    errors = jsonl(out / "errors.jsonl")
    assert [e["error_code"] for e in errors] == ["empty"]
    section = page.read_text(encoding="utf-8").split('<section id="errors">', 1)[1]
    assert "<h2>errors (1)</h2>" in section
    assert f"<td>{errors[0]['path']}</td><td>empty</td><td>empty</td>" in section
    assert f"<td>{errors[0]['message']}</td>" in section


def test_a_run_without_text_reads_the_files_again_while_they_are_unchanged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bulletin.txt"
    src.write_text((CORPUS / "yongzhou-2024-10-12.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--quiet"]) == 0
    assert main(["view", str(out)]) == 0
    n_rows = sum(len((out / f"{t}.jsonl").read_text(encoding="utf-8").splitlines())
                 for t in ("events", "facts"))
    counted = 0
    for payload in payloads(out / "view.html").values():
        reader = MarkReader()
        reader.feed(payload["text"])
        counted += len(reader.counted)
    assert counted == n_rows > 10
    src.write_text("10月11日，市长陈爱林赴双牌县调研。", encoding="utf-8")  # changed since
    assert main(["view", str(out), "--html", str(tmp_path / "v2.html")]) == 2
    err = capsys.readouterr().err
    assert "changed since the run" in err and "--with-text" in err
    assert not (tmp_path / "v2.html").exists()
    assert main(["view", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_damaged_table_is_named_with_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_out(tmp_path, CORPUS / "yongzhou-2024-10-12.txt")
    with (out / "facts.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "cut off\n')
    n_facts = len((out / "facts.jsonl").read_text(encoding="utf-8").splitlines())
    assert main(["view", str(out)]) == 2
    assert f"facts.jsonl, line {n_facts}: not JSON" in capsys.readouterr().err


def test_html_option_that_is_a_folder_is_refused(
        script_page: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = script_page
    assert main(["view", str(out), "--html", str(tmp_path)]) == 2
    assert "--html" in capsys.readouterr().err


def test_page_needs_no_network(corpus_page: tuple[Path, Path]) -> None:
    html = corpus_page[1].read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img|iframe)[^>]*\b(src|href)=', html)
    for name in ("page.html", "view.css", "view.js"):  # the bulletin texts may hold links
        assert not re.search(r"https?://|@import|url\(", asset(name)), name


# ---- in a real browser -------------------------------------------------------------------

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    if path is None and os.environ.get("CI"):
        pytest.fail("CI: no chromium binary on PATH although .ci/run installs it")
    if path is None:
        pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium); "
                    "the browser checks of the page are skipped")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_page(browser: Browser, page_path: Path) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.on("request", lambda req: req.url.startswith("file://")
            or errors.append(f"request: {req.url}"))
    page.goto(page_path.as_uri())
    return page, errors


MARKS_JS = """() => [...document.querySelectorAll('.doc-text mark[data-row]:not(.cont)')].map(m => {
  const box = m.closest('.doc-text');
  const section = m.closest('section.doc');
  const before = document.createRange();
  before.setStart(box, 0);
  before.setEndBefore(m);
  const parts = [...section.querySelectorAll('mark[data-row="' + CSS.escape(m.dataset.row) + '"]')];
  const cs = getComputedStyle(m);
  return {doc: section.dataset.doc, row: m.dataset.row, start: before.toString().length,
          text: parts.map(p => p.textContent).join(''),
          painted: cs.backgroundColor !== 'rgba(0, 0, 0, 0)'};
})"""


def test_browser_highlights_each_row_on_its_characters(
        browser: Browser, corpus_page: tuple[Path, Path], tmp_path: Path) -> None:
    out, page_path = corpus_page
    docs = {d["doc_id"]: d["text"] for d in jsonl(out / "documents.jsonl")}
    rows = {(r["doc_id"], r.get("event_id") or r["fact_id"]): r
            for r in jsonl(out / "events.jsonl") + jsonl(out / "facts.jsonl")}
    page, errors = open_page(browser, page_path)
    assert page.locator(".doc-text").count() == 0  # documents open on demand
    page.click("#open-all")
    marks = page.evaluate(MARKS_JS)
    assert len(marks) == len(rows)
    for mark in marks:
        row = rows[(mark["doc"], mark["row"])]
        assert mark["start"] == row["char_start"]
        assert mark["text"] == docs[mark["doc"]][row["char_start"]:row["char_end"]]
        assert mark["painted"]
    page.screenshot(path=str(tmp_path / "view-all.png"))
    assert (tmp_path / "view-all.png").stat().st_size > 10_000
    assert errors == []


def in_view(page: Page, selector: str, container: str) -> bool:
    return page.evaluate("""([sel, box]) => {
      const el = document.querySelector(sel);
      const r = el.getBoundingClientRect(), b = el.closest(box).getBoundingClientRect();
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.top >= 0
             && r.bottom <= window.innerHeight;
    }""", [selector, container])


def test_browser_click_scrolls_to_the_span_and_back(
        browser: Browser, corpus_page: tuple[Path, Path], tmp_path: Path) -> None:
    out, page_path = corpus_page
    doc = "yongzhou-2024-10-12"
    last = max((r for r in jsonl(out / "facts.jsonl") if r["doc_id"] == doc),
               key=lambda r: r["char_start"])
    page, errors = open_page(browser, page_path)
    page.evaluate(f"bulletinView.open({json.dumps(doc)})")
    section = f'section.doc[data-doc="{doc}"]'
    mark = f'{section} .doc-text mark[data-row="{last["fact_id"]}"]:not(.cont)'
    row = f'{section} .doc-rows tr[data-row="{last["fact_id"]}"]'
    page.locator(section).scroll_into_view_if_needed()
    assert not in_view(page, mark, ".doc-text")  # the last fact's sentence is far down
    page.click(row)
    assert in_view(page, mark, ".doc-text")
    assert "active" in page.get_attribute(mark, "class")
    page.screenshot(path=str(tmp_path / "view-click.png"))
    page.locator(f"{section} .doc-rows").evaluate("el => el.scrollTo(0, 0)")
    assert not in_view(page, row, ".doc-rows")
    page.locator(mark).click()
    assert in_view(page, row, ".doc-rows")
    assert "active" in page.get_attribute(row, "class")
    assert errors == []


def test_browser_filter_hides_rows(browser: Browser, corpus_page: tuple[Path, Path]) -> None:
    out, page_path = corpus_page
    doc = "yongzhou-2024-10-12"
    events = [r for r in jsonl(out / "events.jsonl") if r["doc_id"] == doc]
    n_facts = sum(1 for r in jsonl(out / "facts.jsonl") if r["doc_id"] == doc)
    page, errors = open_page(browser, page_path)
    page.evaluate(f"bulletinView.open({json.dumps(doc)})")
    rows = page.locator(f'section.doc[data-doc="{doc}"] .doc-rows tbody tr')
    assert rows.count() == len(events) + n_facts
    page.select_option('select[data-filter="action"]', "主持会议")
    visible = page.locator(f'section.doc[data-doc="{doc}"] .doc-rows tbody tr:visible')
    expected = [r["event_id"] for r in events if r["action"] == "主持会议"]
    assert 0 < len(expected) < len(events)
    assert [visible.nth(i).get_attribute("data-row") for i in range(visible.count())] == expected
    assert page.locator("section.doc.filtered-out").count() > 0  # documents with no such row
    dimmed = page.locator(f'section.doc[data-doc="{doc}"] .doc-text mark.dim:not(.cont)').count()
    assert dimmed == len(events) + n_facts - len(expected)
    page.select_option('select[data-filter="action"]', "")
    assert visible.count() == len(events) + n_facts
    assert errors == []


def test_browser_shows_markup_literally(
        browser: Browser, script_page: tuple[Path, Path], tmp_path: Path) -> None:
    _, page_path = script_page
    page, errors = open_page(browser, page_path)
    page.click("#open-all")
    text = page.locator(".doc-text").inner_text()
    assert "<script>alert(1)</script>" in text and "&lt;7450" in text
    assert page.locator(".doc-text script").count() == 0
    assert page.locator("#errors tbody tr").count() == 1
    assert page.locator("#errors tbody td").nth(2).inner_text() == "empty"
    page.screenshot(path=str(tmp_path / "view-script.png"))
    assert errors == []  # no alert dialog, no script error
