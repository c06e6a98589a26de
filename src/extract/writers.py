"""Write tables as JSONL (always), Parquet and CSV, byte-identical on re-runs."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import UsageError
from .tables import TABLES, columns, schema

FORMATS = ("jsonl", "parquet", "csv")
_ARROW = {"str": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64(),
          "bool": pa.bool_(), "list": pa.list_(pa.string())}


def output_files(formats: tuple[str, ...]) -> list[str]:
    """File names this tool writes (and may replace with --force)."""
    return [f"{t}.{fmt}" for fmt in formats for t in TABLES]


def check_out_dir(out: Path, *, force: bool) -> None:
    """Refuse a file, or a folder holding files unless --force; writes nothing."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise UsageError(f"--out {out} already holds files; pass --force to replace "
                         "this tool's tables there, or choose an empty folder")


def prepare_out_dir(out: Path, *, force: bool) -> None:
    """Make the folder and remove this tool's old tables (only after a successful run,
    so a crash never destroys the previous output)."""
    check_out_dir(out, force=force)
    for name in output_files(FORMATS):
        target = out / name
        if target.is_file():
            target.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def jsonl_lines(table: str, rows: list[dict[str, Any]], *, with_text: bool = False) -> str:
    cols = columns(table, with_text=with_text)
    return "".join(
        json.dumps({c: _json_value(r[c]) for c in cols}, ensure_ascii=False) + "\n"
        for r in rows)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, table: str, rows: list[dict[str, Any]], *, with_text: bool) -> None:
    cols = columns(table, with_text=with_text)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow([_csv_value(r[c]) for c in cols])
    path.write_text(buf.getvalue(), encoding="utf-8")


def arrow_table(table: str, rows: list[dict[str, Any]], *, with_text: bool = False) -> pa.Table:
    cols = [c for c in schema(table) if c.name in columns(table, with_text=with_text)]
    fields = [pa.field(c.name, _ARROW[c.type], nullable=c.nullable or c.type == "list")
              for c in cols]
    arrays = [pa.array([r[c.name] for r in rows], type=_ARROW[c.type]) for c in cols]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_tables(out: Path, tables: dict[str, list[dict[str, Any]]],
                 formats: tuple[str, ...] = ("jsonl",), *, with_text: bool = False) -> list[Path]:
    """Write every table in every format; JSONL always. Returns the paths written."""
    written = []
    for table in TABLES:
        rows = tables.get(table, [])
        path = out / f"{table}.jsonl"
        path.write_text(jsonl_lines(table, rows, with_text=with_text), encoding="utf-8")
        written.append(path)
        if "parquet" in formats:
            path = out / f"{table}.parquet"
            pq.write_table(arrow_table(table, rows, with_text=with_text), path)
            written.append(path)
        if "csv" in formats:
            path = out / f"{table}.csv"
            write_csv(path, table, rows, with_text=with_text)
            written.append(path)
    return written
