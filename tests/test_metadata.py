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


def test_issue_date_order():
    text = "2025年3月14日\n3月12日，县长调研。"
    common = dict(filename="x-2025-01-01.txt", masthead_line="2025年3月14日", text=text)
    assert resolve_issue_date(manifest=date(2020, 1, 1), option=date(2021, 1, 1), **common) == \
        (date(2020, 1, 1), "manifest")
    assert resolve_issue_date(manifest=None, option=date(2021, 1, 1), **common) == \
        (date(2021, 1, 1), "option")
    assert resolve_issue_date(manifest=None, option=None, **common) == (date(2025, 1, 1), "filename")
    common["filename"] = "x.txt"
    assert resolve_issue_date(manifest=None, option=None, **common) == (date(2025, 3, 14), "masthead")
    common["masthead_line"] = None
    assert resolve_issue_date(manifest=None, option=None, **common) == (date(2025, 3, 14), "text")
    assert resolve_issue_date(manifest=None, option=None, filename="x.txt", masthead_line=None,
                              text="县长调研。") == (None, "unknown")
