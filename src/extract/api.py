"""Python API: the same rows as ``bulletin-extract run``, as pandas DataFrames or records.

The cost of a call follows the text: rows are plain dicts until a table is used, and a
DataFrame is built (and kept) on first access, so a loop that reads one table of each
text does not pay for five. ``extract_texts`` reads many texts in one call, with
optional worker processes, and builds one set of frames at the end.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Union

import pandas as pd

from .document import DocInput, DocResult, process_text
from .errors import ReadError
from .metadata import parse_iso_date, text_doc_id
from .reading import check_text, normalize_newlines
from .runner import (Collected, Options, add_result, check_encoding, collect, no_bulletins,
                     plan_jobs, pool_imap)
from .tables import TABLES, long_frame, sort_rows, to_frame, validate_row

Rows = dict[str, list[dict[str, Any]]]
TextItem = Union[str, Mapping[str, Any]]  # a text, or {"text": …, "doc_id", "issue_date", "region"}


class Extraction:
    """The five tables of a run; ``documents`` also holds each bulletin's ``text``.

    ``.documents``, ``.events``, ``.facts``, ``.officials``, ``.errors`` are DataFrames,
    built on first use; ``.rows`` (or ``to_dicts()``) gives the same rows as plain dicts
    for callers who do not want pandas."""

    __slots__ = ("rows", "_frames")

    def __init__(self, rows: Rows) -> None:
        self.rows: Rows = rows
        self._frames: dict[str, pd.DataFrame] = {}

    def _frame(self, table: str) -> pd.DataFrame:
        if table not in self._frames:
            self._frames[table] = to_frame(table, self.rows[table])
        return self._frames[table]

    documents = property(lambda self: self._frame("documents"))
    events = property(lambda self: self._frame("events"))
    facts = property(lambda self: self._frame("facts"))
    officials = property(lambda self: self._frame("officials"))
    errors = property(lambda self: self._frame("errors"))

    def to_dicts(self, table: str | None = None) -> Any:
        """Validated rows of one table (a list of dicts with the contract's columns in
        order), or of all five keyed by table name."""
        if table is None:
            return {t: self.to_dicts(t) for t in TABLES}
        if table not in TABLES:
            raise ValueError(f"no table {table!r}; choose from {', '.join(TABLES)}")
        return [validate_row(table, r) for r in self.rows[table]]

    def long(self, table: str, column: str) -> pd.DataFrame:
        """The long form of a list column: one row per event and place
        (``long("events", "places")``, with ``place_codes``), per event and topic, per
        official and jurisdiction…, with the table's other non-list columns."""
        return long_frame(table, self._frame(table), column)

    def __repr__(self) -> str:
        counts = ", ".join(f"{t}={len(self.rows[t])}" for t in TABLES)
        return f"Extraction({counts})"


def _empty() -> Rows:
    return {t: [] for t in TABLES}


def _one(text: str, doc_id: str | None, issue_date: date | str | None,
         region: str | None) -> tuple[bool, DocResult]:
    """One text: (True, its rows) or (False, an error row) as ``run`` would give."""
    text = normalize_newlines(text)
    meta = DocInput(doc_id=doc_id or text_doc_id(text), path="<text>", encoding="utf-8",
                    option_date=parse_iso_date(issue_date, "issue_date"), option_region=region)
    try:
        check_text(text, meta.path)
    except ReadError as exc:
        return False, DocResult({"path": meta.path, "doc_id": meta.doc_id,
                                 "error_code": exc.code, "message": exc.message})
    return True, process_text(text, meta)


def _sorted(rows: Rows) -> Extraction:
    return Extraction({t: sort_rows(t, r) for t, r in rows.items()})


def extract_text(text: str, *, issue_date: date | str | None = None, region: str | None = None,
                 doc_id: str | None = None) -> Extraction:
    """Extract the tables of one bulletin given as a string. A text ``run`` would refuse
    (empty, only white space, mostly control characters) gives no document row and one
    ``errors`` row with the same code, as ``run`` does."""
    rows = _empty()
    add_result(rows, *_one(text, doc_id, issue_date, region))
    return _sorted(rows)


def _item(item: TextItem, n: int, issue_date: date | str | None,
          region: str | None) -> tuple[str, str | None, date | str | None, str | None]:
    """(text, doc_id, issue_date, region) of one item; per-item values win over the call's."""
    if isinstance(item, str):
        return item, None, issue_date, region
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        raise TypeError(f"extract_texts: item {n} is neither a str nor a mapping with a "
                        f"'text' string (got {type(item).__name__})")
    return (item["text"], item.get("doc_id"), item.get("issue_date", issue_date),
            item.get("region", region))


def _run_item(args: tuple[str, str | None, date | str | None, str | None]) -> tuple[bool, DocResult]:
    return _one(*args)


def _results(items: Iterator[tuple[str, str | None, date | str | None, str | None]],
             workers: int) -> Iterator[tuple[bool, DocResult]]:
    return pool_imap(_run_item, items, None, workers, chunksize=8)


def extract_texts(texts: Iterable[TextItem], *, issue_date: date | str | None = None,
                  region: str | None = None, workers: int = 1) -> Extraction:
    """Extract the tables of many texts in one call: the rows of all of them, one set of
    frames. Each item is a string, or a mapping with ``text`` and optionally ``doc_id``,
    ``issue_date`` and ``region`` (which override the call's). ``workers`` > 1 runs the
    texts in that many processes; the result does not depend on it."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    items = (_item(item, n, issue_date, region) for n, item in enumerate(texts))
    rows = _empty()
    for ok, result in _results(items, workers):
        add_result(rows, ok, result)
    return _sorted(rows)


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
    return Extraction(collected.tables)
