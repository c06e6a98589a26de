"""Issue date and doc_id rules of the contract."""
from __future__ import annotations

from datetime import date

import pytest

from extract.metadata import (date_from_filename, date_from_text, full_dates,
                              resolve_issue_date)


@pytest.mark.parametrize("name, expected", [
    ("yongzhou-2024-10-12.txt", date(2024, 10, 12)),
    ("bulletin_2024_10_12.html", date(2024, 10, 12)),
    ("20241012.txt", date(2024, 10, 12)),
    ("第12期.txt", None),
    ("report-2024-13-40.txt", None),
])
def test_date_from_filename(name, expected):
    assert date_from_filename(name) == expected


def test_real_bulletin_year_inferred_from_text(real_text):
    # No full date: 2024 comes from 2024年第二次会议 etc., the latest month-day that is
    # not a range end is 10月12日 (10月8日至11月8日 ends a range and is left out).
    assert date_from_text(real_text) == date(2024, 10, 12)


@pytest.mark.parametrize("text, expected", [
    ("2025年3月14日，县长调研。2025年3月2日，县委书记调研。", date(2025, 3, 14)),
    ("二〇二四年十月十一日", date(2024, 10, 11)),
    ("２０２５年１月６日", date(2025, 1, 6)),
    ("依据永安办〔2025〕12号文件，3月1日召开会议。", None),
    ("3月1日召开会议。", None),
])
def test_date_from_text(text, expected):
    assert date_from_text(text) == expected


def test_full_dates_ignore_document_numbers():
    assert full_dates("〔2025〕12号") == []


OPTION = date(2021, 1, 1)
TEXT = "2025年3月14日\n3月12日，县长调研。"


@pytest.mark.parametrize("manifest, option, filename, masthead, text, expected", [
    (date(2020, 1, 1), OPTION, "x-2025-01-01.txt", "2025年3月14日", TEXT,
     (date(2020, 1, 1), "manifest")),
    # --issue-date never overrides the file's own name or masthead
    (None, OPTION, "x-2025-01-01.txt", "2025年3月14日", TEXT, (date(2025, 1, 1), "filename")),
    (None, OPTION, "x.txt", "2025年3月14日", TEXT, (date(2025, 3, 14), "masthead")),
    # it dates files that carry none, before what the text says
    (None, OPTION, "x.txt", None, TEXT, (OPTION, "option")),
    (None, OPTION, "x.txt", None, "县长调研。", (OPTION, "option")),
    (None, None, "x-2025-01-01.txt", "2025年3月14日", TEXT, (date(2025, 1, 1), "filename")),
    (None, None, "x.txt", "2025年3月14日", TEXT, (date(2025, 3, 14), "masthead")),
    (None, None, "x.txt", None, TEXT, (date(2025, 3, 14), "text")),
    (None, None, "x.txt", None, "县长调研。", (None, "unknown")),
])
def test_issue_date_order(manifest, option, filename, masthead, text, expected):
    assert resolve_issue_date(manifest=manifest, option=option, filename=filename,
                              masthead_line=masthead, text=text) == expected


def test_issue_date_option_is_the_fallback_in_a_run(tmp_path):
    from extract.cli import main
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-2025-02-03.txt").write_text("县长调研。\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("县长调研。\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet",
                 "--issue-date", "2024-06-01"]) == 0
    import json
    docs = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()]
    assert [(d["doc_id"], d["issue_date"], d["issue_date_source"]) for d in docs] == [
        ("a-2025-02-03", "2025-02-03", "filename"), ("b", "2024-06-01", "option")]
