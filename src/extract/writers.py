"""Write tables as JSONL (always), Parquet and CSV, byte-identical on re-runs."""
from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import ExtractError, UsageError
from .tables import TABLES, columns, schema

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("jsonl", "parquet", "csv")


@lru_cache(maxsize=1)
def _arrow_types() -> dict[str, Any]:
    """The contract's types in Arrow; pyarrow is imported only when Parquet is written."""
    import pyarrow as pa  # noqa: PLC0415

    return {"str": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64(),
            "bool": pa.bool_(), "list": pa.list_(pa.string())}


STAGING_PREFIX = ".bulletin-extract-tmp-"


class WriteError(ExtractError):
    """The tables could not be written (full disk, read-only folder): exit status 4."""

    def __init__(self, folder: Path, exc: OSError) -> None:
        cause = exc.strerror or str(exc)
        super().__init__(f"cannot write the tables to {folder}: {cause}; "
                         "the tables already there (if any) are unchanged")
        self.folder = folder


def output_files(formats: tuple[str, ...]) -> list[str]:
    """File names this tool writes (and may replace with --force)."""
    return [f"{t}.{fmt}" for fmt in formats for t in TABLES]


def check_out_dir(out: Path, *, force: bool) -> None:
    """Refuse a file, or a folder holding files unless --force; writes nothing.
    Temporary folders a killed run left behind do not count as files."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder")
    held = out.exists() and any(not p.name.startswith(STAGING_PREFIX) for p in out.iterdir())
    if held and not force:
        if (out / ".progress").is_dir():
            raise UsageError(f"--out {out} holds a run; pass --resume to continue it (only what "
                             "is not done is read), or --force to start afresh")
        raise UsageError(f"--out {out} already holds files; pass --force to replace "
                         "this tool's tables there, or choose an empty folder")


class Staging:
    """A temporary folder inside --out: the tables are written there and renamed into
    place only when every one is complete, so a failed write leaves the old ones whole.
    Made before the extraction runs, so a folder that cannot be written is found at once."""

    def __init__(self, out: Path, *, force: bool) -> None:
        check_out_dir(out, force=force)
        self.out = out
        self.made_out = not out.exists()
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        except OSError as exc:
            self._remove_out()
            raise WriteError(out, exc) from None

    def stream(self, write: Any) -> list[Path]:
        """Run ``write()`` (which writes the tables into this folder and returns their
        paths), then move them into --out; WriteError leaves --out as it was."""
        try:
            staged = write()
            for path in staged:
                os.replace(path, self.out / path.name)
        except OSError as exc:
            self.discard()
            raise WriteError(self.out, exc) from None
        for name in set(output_files(FORMATS)) - {p.name for p in staged}:
            (self.out / name).unlink(missing_ok=True)  # an older run's other formats
        self.discard()
        return [self.out / p.name for p in staged]

    def discard(self) -> None:
        """Remove the temporary folder (and --out, if this run made it and it is empty)."""
        shutil.rmtree(self.path, ignore_errors=True)
        self._remove_out()

    def _remove_out(self) -> None:
        if self.made_out:
            try:
                self.out.rmdir()
            except OSError:
                pass  # not empty: the tables are there


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


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


def arrow_table(table: str, rows: list[dict[str, Any]], *, with_text: bool = False) -> pa.Table:
    import pyarrow as pa  # noqa: PLC0415

    types = _arrow_types()
    cols = [c for c in schema(table) if c.name in columns(table, with_text=with_text)]
    fields = [pa.field(c.name, types[c.type], nullable=c.nullable or c.type == "list")
              for c in cols]
    arrays = [pa.array([r[c.name] for r in rows], type=types[c.type]) for c in cols]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


PARQUET_BATCH = 50_000  # rows per Parquet row group when tables are written as a stream


def _arrow_batch(table: str, rows: list[dict[str, Any]], with_text: bool) -> pa.Table:
    """Rows whose dates are ISO strings (read back from chunk files) as an Arrow table."""
    dated = [c.name for c in schema(table) if c.type == "date"]
    fixed = [{**r, **{k: date.fromisoformat(r[k]) if isinstance(r.get(k), str) else r.get(k)
                      for k in dated}} for r in rows]
    return arrow_table(table, fixed, with_text=with_text)


def stream_tables(out: Path, rows_of: Any, formats: tuple[str, ...] = ("jsonl",), *,
                  with_text: bool = False, csv_bom: bool = False,
                  lines_of: Any = None) -> tuple[list[Path], dict[str, int]]:
    """Write every table from ``rows_of(table)`` (an iterator of JSON-valued rows in order),
    each row read once for all formats; memory holds one Parquet batch at most. When only
    JSONL is written, ``lines_of(table, columns)`` may instead give the finished lines in
    blocks of (text, rows), or None to have the rows written. Returns the paths written and
    the row count of each table."""
    written: list[Path] = []
    counts: dict[str, int] = {}
    for table in TABLES:
        cols = columns(table, with_text=with_text)
        blocks = lines_of(table, cols) if lines_of is not None and formats == ("jsonl",) else None
        if blocks is not None:
            path = out / f"{table}.jsonl"
            counts[table] = _write_blocks(path, blocks)
            written.append(path)
            continue
        paths = {"jsonl": out / f"{table}.jsonl"}
        jsonl = paths["jsonl"].open("w", encoding="utf-8")
        csv_fh = csv_writer = None
        if "csv" in formats:
            paths["csv"] = out / f"{table}.csv"
            csv_fh = paths["csv"].open("w", encoding="utf-8-sig" if csv_bom else "utf-8", newline="")
            csv_writer = csv.writer(csv_fh, lineterminator="\n")
            csv_writer.writerow(cols)
        batch: list[dict[str, Any]] = []
        parquet = None
        n = 0
        try:
            for row in rows_of(table):
                n += 1
                jsonl.write(json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False) + "\n")
                if csv_writer is not None:
                    csv_writer.writerow([_csv_value(row.get(c)) for c in cols])
                if "parquet" in formats:
                    batch.append(row)
                    if len(batch) >= PARQUET_BATCH:
                        parquet = _write_batch(parquet, out, table, batch, with_text)
                        batch = []
            if "parquet" in formats:
                paths["parquet"] = out / f"{table}.parquet"
                if batch or parquet is None:
                    parquet = _write_batch(parquet, out, table, batch, with_text)
                parquet.close()
        finally:
            jsonl.close()
            if csv_fh is not None:
                csv_fh.close()
        counts[table] = n
        written += [paths[f] for f in ("jsonl", "parquet", "csv") if f in paths]
    return written, counts


def _write_blocks(path: Path, blocks: Any) -> int:
    """Blocks of finished JSONL lines (UTF-8) into one file; how many rows they held."""
    n = 0
    with path.open("wb") as fh:
        for text, rows in blocks:
            fh.write(text)
            n += rows
    return n


def _write_batch(writer: Any, out: Path, table: str, rows: list[dict[str, Any]],
                 with_text: bool) -> Any:
    import pyarrow.parquet as pq  # noqa: PLC0415

    data = _arrow_batch(table, rows, with_text)
    if writer is None:
        writer = pq.ParquetWriter(out / f"{table}.parquet", data.schema)
    writer.write_table(data)
    return writer
