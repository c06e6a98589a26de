"""Typed output tables: the contract's columns, validated before they leave.

The column list lives in ``gazetteers/table_schema.tsv`` so the writers, the
validator and the docs read one source.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from .errors import ExtractError
from .resources import read_table

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("documents", "events", "facts", "officials", "errors")
API_ONLY = {("documents", "text")}  # written to files only with --with-text


class SchemaError(ExtractError):
    """A row does not fit the contract: a bug in this package, never in the input."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # str | date | int | float | bool | list
    nullable: bool


@lru_cache(maxsize=1)
def _schemas() -> dict[str, tuple[Column, ...]]:
    out: dict[str, list[Column]] = {t: [] for t in TABLES}
    for table, name, typ, nullable, *_ in read_table("table_schema.tsv"):
        out[table].append(Column(name, typ, nullable == "yes"))
    return {t: tuple(cols) for t, cols in out.items()}


def schema(table: str) -> tuple[Column, ...]:
    """The columns of one table, in order."""
    return _schemas()[table]


def columns(table: str, *, with_text: bool = True) -> list[str]:
    return [c.name for c in schema(table)
            if with_text or (table, c.name) not in API_ONLY]


def _check(table: str, col: Column, value: Any) -> Any:
    """The value in its canonical Python type, or SchemaError."""
    if col.type == "list":
        if value is None:
            return []
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise SchemaError(f"{table}.{col.name}: expected a list of str, got {value!r}")
        return list(value)
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        if not col.nullable:
            raise SchemaError(f"{table}.{col.name}: null in a column that cannot be null")
        return None
    expected = {"str": str, "int": int, "float": (int, float), "bool": bool, "date": date}[col.type]
    if not isinstance(value, expected) or (col.type in ("int", "float") and isinstance(value, bool)):
        raise SchemaError(f"{table}.{col.name}: expected {col.type}, got {value!r}")
    return float(value) if col.type == "float" else value


def validate_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row with exactly the table's columns in order, each value type-checked."""
    cols = schema(table)
    unknown = set(row) - {c.name for c in cols}
    if unknown:
        raise SchemaError(f"{table}: unknown columns {sorted(unknown)}")
    return {c.name: _check(table, c, row.get(c.name)) for c in cols}


# dates are datetime64 so that .dt and comparisons with "2024-10-01" work (null is NaT);
# the files keep ISO strings (JSONL, CSV) and date32 (Parquet)
_DTYPES = {"str": object, "date": "datetime64[ns]", "int": "int64", "float": "float64",
           "bool": "bool", "list": object}


def to_frame(table: str, rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of validated rows with the contract's columns and dtypes."""
    import pandas as pd  # noqa: PLC0415 - a batch run writes files and never needs pandas

    checked = [validate_row(table, r) for r in rows]
    data = {c.name: _series([r[c.name] for r in checked], c.type) for c in schema(table)}
    return pd.DataFrame(data)


def _series(values: list[Any], typ: str) -> pd.Series:
    import pandas as pd  # noqa: PLC0415

    if typ == "date":
        return pd.Series(pd.to_datetime(values), dtype=_DTYPES[typ])
    return pd.Series(values, dtype=_DTYPES[typ])


# list columns holding one code per name of another list column: exploded together
PARALLEL = {("events", "places"): "place_codes", ("events", "counties"): "county_codes"}


def list_columns(table: str) -> list[str]:
    return [c.name for c in schema(table) if c.type == "list"]


def long_frame(table: str, frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per item of the list ``column`` (with its code column, if it has one), and
    every other column that is not a list: a table to join or group on. Rows whose list is
    empty have no row here."""
    if column not in list_columns(table):
        raise ValueError(f"{table}.{column} is not a list column; choose from "
                         f"{', '.join(list_columns(table))}")
    pair = PARALLEL.get((table, column))
    together = [column] + ([pair] if pair else [])
    keep = [c for c in frame.columns if c in together or c not in list_columns(table)]
    out = frame[keep].explode(together, ignore_index=True)
    return out[out[column].notna()].reset_index(drop=True)


SORT_KEYS = {
    "documents": ("doc_id",),
    "errors": ("doc_id", "path"),
    "events": ("doc_id", "char_start", "event_id"),
    "facts": ("doc_id", "char_start", "fact_id"),
    "officials": ("doc_id", "first_char", "name"),
}


def sort_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contract's row order, independent of workers and argument order."""
    keys = SORT_KEYS[table]
    return sorted(rows, key=lambda r: tuple("" if r.get(k) is None else r[k] for k in keys))
