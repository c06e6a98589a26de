"""docs/ is generated from the data files, and the vocabularies it lists are the code's."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from extract.errors import ERROR_CODES
from extract.resources import read_table
from extract.tables import TABLES, schema

from conftest import CORPUS, REPO


def _builder():
    spec = importlib.util.spec_from_file_location("build_docs", REPO / "scripts" / "build_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _vocab() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, label, _ in read_table("vocabularies.tsv"):
        out.setdefault(name, []).append(label)
    return out


@pytest.mark.parametrize("name", ["tables.md", "vocabularies.md"])
def test_committed_docs_equal_the_generated_ones(name):
    generated = _builder().render()[name]
    committed = (REPO / "docs" / name).read_text(encoding="utf-8")
    assert committed == generated, "docs are stale: run python scripts/build_docs.py"


def test_every_column_is_documented():
    for table in TABLES:
        for row in (r for r in read_table("table_schema.tsv") if r[0] == table):
            assert len(row) == 6 and row[5].strip(), row[:2]
    assert {r[4] for r in read_table("table_schema.tsv") if r[4]} <= set(_vocab())
    assert set(_vocab()["table"]) == set(TABLES)


def test_vocabularies_are_the_codes_own():
    vocab = _vocab()
    assert tuple(vocab["error_code"]) == ERROR_CODES
    topics = {r[0] for r in read_table("topic_keywords.tsv")}
    assert set(vocab["topic"]) == topics | {"其他"}
    header = [c for c in (REPO / "gazetteers" / "event_triggers.tsv").read_text("utf-8").splitlines()
              if not c.startswith("#")][0].split("\t")
    actions = {cell for r in read_table("event_triggers.tsv")
               for col, cell in zip(header, r) if col in ("action", "official_action") and cell}
    assert actions <= set(vocab["action"])
    qualifiers = {r[1] for r in read_table("quantity_qualifiers.tsv") if r[1]}
    assert set(vocab["qualifier"]) == qualifiers | {"预计"}


def test_corpus_values_stay_inside_the_vocabularies():
    from extract import extract_files
    vocab = _vocab()
    tables = extract_files(CORPUS)
    for table in TABLES:
        frame = getattr(tables, table)
        for col in schema(table):
            name = next((r[4] for r in read_table("table_schema.tsv")
                         if r[0] == table and r[1] == col.name), "")
            if not name:
                continue
            values = frame[col.name].explode() if col.type == "list" else frame[col.name]
            assert set(values.dropna()) <= set(vocab[name]), (table, col.name)


def test_readme_links_the_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/tables.md" in readme and "docs/vocabularies.md" in readme
