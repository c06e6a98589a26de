"""The Python API: DataFrames for analysis (dates, long form) and no silent non-results."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from extract import extract_files, extract_text, extract_texts
from extract.errors import UsageError
from extract.tables import schema

from conftest import CORPUS, REAL

TEXT = ("10月11日，市委副书记、市长陈爱林赴宁远县、双牌县调研森林防灭火和安全生产工作。\n"
        "10月9日，副市长韩文博到零陵区督导检查道路交通安全工作。\n")


@pytest.fixture(scope="module")
def tables():
    return extract_text(TEXT, issue_date="2024-10-12", region="永州市")


@pytest.mark.parametrize("table", ["documents", "events", "facts"])
def test_date_columns_are_datetime64(tables, table):
    frame = getattr(tables, table)
    for col in (c.name for c in schema(table) if c.type == "date"):
        assert pd.api.types.is_datetime64_any_dtype(frame[col]), col


def test_dates_work_with_dt_and_date_strings(tables):
    ev = tables.events
    assert ev["date_start"].dt.day.tolist() == [11, 9]
    assert ev.loc[ev["date_start"] >= "2024-10-10", "official"].tolist() == ["陈爱林"]
    assert tables.documents["issue_date"].iloc[0] == pd.Timestamp("2024-10-12")


def test_long_form_of_places_keeps_codes_paired(tables):
    places = tables.long("events", "places")
    assert places[["official", "places", "place_codes"]].values.tolist() == [
        ["陈爱林", "宁远县", "431126"], ["陈爱林", "双牌县", "431123"],
        ["韩文博", "零陵区", "431102"]]
    # no list column is left: pandas' table operations work
    assert len(places.drop_duplicates()) == 3
    assert places.groupby("places").size().to_dict() == {"双牌县": 1, "宁远县": 1, "零陵区": 1}
    places.to_sql("places", sqlite3.connect(":memory:"))


def test_long_form_of_topics(tables):
    topics = tables.long("events", "topics")
    assert topics.groupby("official")["topics"].apply(list).to_dict() == {
        "陈爱林": ["森林防灭火", "安全生产"], "韩文博": ["道路交通安全"]}


def test_long_form_refuses_a_column_that_is_not_a_list(tables):
    with pytest.raises(ValueError, match="not a list column"):
        tables.long("events", "official")


def test_api_dates_match_the_files(tmp_path):
    from extract.cli import main
    assert main(["run", str(REAL), "--out", str(tmp_path), "--quiet"]) == 0
    files = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text("utf-8").splitlines()]
    frame = extract_files(REAL).events
    assert [f["date_start"] for f in files] == [
        None if pd.isna(d) else d.date().isoformat() for d in frame["date_start"]]


@pytest.mark.parametrize("text, code", [("", "empty"), (" \n\u3000\n", "empty"),
                                        ("\x01\x02\x03" * 200, "binary")])
def test_a_text_run_would_refuse_is_an_error_row(text, code):
    out = extract_text(text)
    assert out.documents.empty and out.events.empty
    assert out.errors[["path", "error_code"]].values.tolist() == [["<text>", code]]


def test_no_bulletins_and_unknown_encoding_raise(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="no bulletin files"):
        extract_files(tmp_path)
    with pytest.raises(ValueError, match="nonsense"):
        extract_files(CORPUS, encoding="nonsense")


# ---------------------------------------------------------------- many texts, records


def _corpus_items() -> list[dict[str, str]]:
    """The bundled bulletins with their manifest dates and regions, as extract_texts items."""
    import csv
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["path"].endswith(".txt")]
    return [{"text": (CORPUS / r["path"]).read_text(encoding="utf-8"), "doc_id": r["doc_id"],
             "issue_date": r["issue_date"], "region": r["region"] or None} for r in rows]


@pytest.fixture(scope="module")
def corpus_items():
    return _corpus_items()


def test_extract_texts_gives_the_rows_of_extract_text_one_by_one(corpus_items):
    many = extract_texts(corpus_items)
    one_by_one = [extract_text(i["text"], doc_id=i["doc_id"], issue_date=i["issue_date"],
                               region=i["region"]) for i in corpus_items]
    assert len(corpus_items) >= 5
    for table in ("events", "facts", "officials"):
        expected = sorted((r["doc_id"], r["char_start" if table != "officials" else "first_char"])
                          for e in one_by_one for r in e.rows[table])
        got = [(r["doc_id"], r["char_start" if table != "officials" else "first_char"])
               for r in many.rows[table]]
        assert got == expected, table
    assert many.documents["doc_id"].tolist() == sorted(i["doc_id"] for i in corpus_items)
    assert len(many.events) > 40


def test_extract_texts_with_workers_is_the_same(corpus_items):
    one = extract_texts(corpus_items)
    two = extract_texts(corpus_items, workers=2)
    for table in ("documents", "events", "facts", "officials", "errors"):
        assert one.to_dicts(table) == two.to_dicts(table), table


def test_extract_texts_items_may_be_plain_strings_and_errors_stay_rows():
    out = extract_texts([TEXT, "", TEXT.replace("陈爱林", "李明")], issue_date="2024-10-12",
                        region="永州市")
    assert len(out.documents) == 2
    assert out.errors["error_code"].tolist() == ["empty"]
    assert sorted(out.events["official"]) == ["李明", "陈爱林", "韩文博", "韩文博"]


def test_extract_texts_refuses_an_item_without_text():
    with pytest.raises(TypeError, match="item 1"):
        extract_texts(["10月11日，市长陈爱林赴双牌县调研。", {"body": "x"}])


def test_records_have_the_contract_columns_without_pandas_types(tables):
    records = tables.to_dicts("events")
    assert [list(r) for r in records] == [[c.name for c in schema("events")]] * 2
    assert records[0]["date_start"] == pd.Timestamp("2024-10-11").date()
    assert records[0]["places"] == ["宁远县", "双牌县"]
    assert set(tables.to_dicts()) == {"documents", "events", "facts", "officials", "errors"}
    with pytest.raises(ValueError, match="choose from"):
        tables.to_dicts("people")


def test_a_text_with_lone_surrogates_is_read_with_each_replaced():
    # a str decoded with errors="surrogateescape" must not stop the call
    result = extract_text("\udc94\n1月2日，县长李明出席全县安全生产工作会议。", issue_date="2024-01-03")
    assert result.events["official"].tolist() == ["李明"]
    assert result.documents["text"].iloc[0].startswith("\ufffd\n")
