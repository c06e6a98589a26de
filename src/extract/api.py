"""Python API: the same rows as ``bulletin-extract run``, as pandas DataFrames."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .document import DocInput, process_text
from .metadata import parse_iso_date, text_doc_id
from .reading import normalize_newlines
from .runner import Collected, Options, collect, plan_jobs
from .tables import TABLES, sort_rows, to_frame


@dataclass(frozen=True)
class Extraction:
    """The five tables of a run; ``documents`` also holds each bulletin's ``text``."""

    documents: pd.DataFrame
    events: pd.DataFrame
    facts: pd.DataFrame
    officials: pd.DataFrame
    errors: pd.DataFrame


def _frames(tables: dict[str, list[dict[str, Any]]]) -> Extraction:
    return Extraction(**{t: to_frame(t, tables[t]) for t in TABLES})


def extract_text(text: str, *, issue_date: date | str | None = None, region: str | None = None,
                 doc_id: str | None = None) -> Extraction:
    """Extract the tables of one bulletin given as a string."""
    text = normalize_newlines(text)
    meta = DocInput(doc_id=doc_id or text_doc_id(text), path="<text>", encoding="utf-8",
                    option_date=parse_iso_date(issue_date, "issue_date"), option_region=region)
    result = process_text(text, meta)
    tables = {"documents": [result.document], "events": result.events, "facts": result.facts,
              "officials": result.officials, "errors": []}
    return _frames({t: sort_rows(t, rows) for t, rows in tables.items()})


def extract_files(paths: str | Path | list[str | Path], *, issue_date: date | str | None = None,
                  region: str | None = None, encoding: str | None = None,
                  workers: int = 1) -> Extraction:
    """Extract the tables of bulletin files and folders, as ``run`` takes them."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    options = Options(issue_date=parse_iso_date(issue_date, "issue_date"), region=region,
                      encoding=encoding)
    collected = Collected()
    jobs = plan_jobs([str(p) for p in items], collected)
    collect(jobs, options, workers=workers, collected=collected, keep_text=True)
    return _frames(collected.tables)
