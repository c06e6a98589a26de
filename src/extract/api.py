"""Python API: the same rows as ``bulletin-extract run``, as pandas DataFrames."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .document import DocInput, process_text
from .metadata import parse_iso_date, text_doc_id
from .errors import ReadError
from .reading import check_text, normalize_newlines
from .runner import Collected, Options, check_encoding, collect, no_bulletins, plan_jobs
from .tables import TABLES, long_frame, sort_rows, to_frame


@dataclass(frozen=True)
class Extraction:
    """The five tables of a run; ``documents`` also holds each bulletin's ``text``."""

    documents: pd.DataFrame
    events: pd.DataFrame
    facts: pd.DataFrame
    officials: pd.DataFrame
    errors: pd.DataFrame

    def long(self, table: str, column: str) -> pd.DataFrame:
        """The long form of a list column: one row per event and place
        (``long("events", "places")``, with ``place_codes``), per event and topic, per
        official and jurisdiction…, with the table's other non-list columns."""
        return long_frame(table, getattr(self, table), column)


def _frames(tables: dict[str, list[dict[str, Any]]]) -> Extraction:
    return Extraction(**{t: to_frame(t, tables[t]) for t in TABLES})


def extract_text(text: str, *, issue_date: date | str | None = None, region: str | None = None,
                 doc_id: str | None = None) -> Extraction:
    """Extract the tables of one bulletin given as a string. A text ``run`` would refuse
    (empty, only white space, mostly control characters) gives no document row and one
    ``errors`` row with the same code, as ``run`` does."""
    text = normalize_newlines(text)
    meta = DocInput(doc_id=doc_id or text_doc_id(text), path="<text>", encoding="utf-8",
                    option_date=parse_iso_date(issue_date, "issue_date"), option_region=region)
    try:
        check_text(text, meta.path)
    except ReadError as exc:
        error = {"path": meta.path, "doc_id": meta.doc_id, "error_code": exc.code,
                 "message": exc.message}
        return _frames({t: [] for t in TABLES} | {"errors": [error]})
    result = process_text(text, meta)
    tables = {"documents": [result.document], "events": result.events, "facts": result.facts,
              "officials": result.officials, "errors": []}
    return _frames({t: sort_rows(t, rows) for t, rows in tables.items()})


def extract_files(paths: str | Path | list[str | Path], *, issue_date: date | str | None = None,
                  region: str | None = None, encoding: str | None = None,
                  workers: int = 1) -> Extraction:
    """Extract the tables of bulletin files and folders, as ``run`` takes them.
    Raises UsageError (a ValueError) for an unknown encoding or when there is no
    bulletin file to read, as ``run`` exits 2."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if encoding:
        check_encoding(encoding)
    options = Options(issue_date=parse_iso_date(issue_date, "issue_date"), region=region,
                      encoding=encoding)
    collected = Collected()
    jobs = plan_jobs([str(p) for p in items], collected)
    if not jobs:
        raise no_bulletins([str(p) for p in items], collected)
    collect(jobs, options, workers=workers, collected=collected, keep_text=True)
    return _frames(collected.tables)
