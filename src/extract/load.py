"""``bulletin-extract load``: the tables of a finished run into DuckDB or PostgreSQL.

Columns and types come from ``gazetteers/table_schema.tsv`` (lists as arrays, dates as
DATE). A document is the unit of change: its rows in every table (its errors row
included) are hashed together, and a load inserts the documents that are new, replaces
those whose hash changed and deletes those no longer in the run, each document whole
inside one transaction. Loading the same run again changes nothing, so ``run --resume``
and ``load`` over a growing archive keep the database equal to the files.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol
from urllib.parse import unquote, urlparse

from .errors import UsageError
from .tables import TABLES, Column, columns, schema

KEYS = {"documents": ("doc_id",), "events": ("doc_id", "event_id"), "facts": ("doc_id", "fact_id"),
        "officials": ("doc_id", "name"), "errors": ("path",)}
STATE = "bulletin_extract_loaded"  # one row per document: its hash, so a load knows what changed
BATCH = 500  # documents per transaction: each document whole, fewer commits on large runs
SQL_TYPES = {
    "duckdb": {"str": "VARCHAR", "date": "DATE", "int": "BIGINT", "float": "DOUBLE",
               "bool": "BOOLEAN", "list": "VARCHAR[]"},
    "postgresql": {"str": "TEXT", "date": "DATE", "int": "BIGINT", "float": "DOUBLE PRECISION",
                   "bool": "BOOLEAN", "list": "TEXT[]"},
}

Rows = dict[str, list[dict[str, Any]]]


@dataclass
class LoadReport:
    added: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0

    def line(self, target: str) -> str:
        return (f"{self.added} documents added, {self.replaced} replaced, {self.removed} removed, "
                f"{self.unchanged} unchanged -> {target}")


# ----------------------------------------------------------------- reading the run

def read_run(out_dir: Path) -> Rows:
    """The five JSONL tables of a finished run (UsageError naming what is missing)."""
    if not out_dir.is_dir():
        raise UsageError(f"{out_dir}: no such folder; give the --out folder of a finished "
                         "`bulletin-extract run`")
    missing = [f"{t}.jsonl" for t in TABLES if not (out_dir / f"{t}.jsonl").is_file()]
    if missing:
        raise UsageError(f"{out_dir} is not a finished run (no {', '.join(missing)}); "
                         f"run `bulletin-extract run ... --out {out_dir}` first")
    return {t: list(_read_jsonl(out_dir / f"{t}.jsonl")) for t in TABLES}


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UsageError(f"{path}, line {number}: not JSON ({exc.msg}); re-run "
                                     "`bulletin-extract run` into that folder") from None


def by_document(rows: Rows) -> dict[str, Rows]:
    """Each document's rows in every table (errors by their would-be doc_id)."""
    docs: dict[str, Rows] = defaultdict(lambda: {t: [] for t in TABLES})
    for table in TABLES:
        for row in rows[table]:
            docs[doc_key(row)][table].append(row)
    return dict(docs)


def doc_key(row: dict[str, Any]) -> str:
    """The document a row belongs to; an errors row may lack a doc_id (nullable), then its
    path (the errors key) stands for it, so it is still replaced and removed as a unit."""
    return str(row["doc_id"]) if row.get("doc_id") is not None else str(row["path"])


def doc_hash(doc: Rows) -> str:
    payload = json.dumps([doc[t] for t in TABLES], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def q(name: str) -> str:
    """A quoted identifier (check is a reserved word)."""
    return f'"{name}"'


def _cols(table: str) -> list[Column]:
    names = set(columns(table, with_text=False))
    return [c for c in schema(table) if c.name in names]


def _value(col: Column, value: Any) -> Any:
    if value is None:
        return [] if col.type == "list" else None
    if col.type == "date":
        return date.fromisoformat(value)
    if col.type == "float":
        return float(value)
    return value


def _records(table: str, rows: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    cols = _cols(table)
    return [tuple(_value(c, r.get(c.name)) for c in cols) for r in rows]


# ----------------------------------------------------------------- databases

class Database(Protocol):
    kind: str

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...
    def insert(self, table: str, names: list[str], records: list[tuple[Any, ...]]) -> None: ...
    def delete_docs(self, table: str, doc_ids: list[str]) -> None: ...
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


class DuckDB:
    kind = "duckdb"

    def __init__(self, path: Path) -> None:
        import duckdb  # noqa: PLC0415 - only the load command needs it
        try:
            self.con = duckdb.connect(str(path))
        except duckdb.Error as exc:
            raise UsageError(f"--db {duckdb_url(path)}: cannot open ({exc})") from None

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        cur = self.con.execute(sql.replace("%s", "?"), params)
        return cur.fetchall() if cur.description else []

    def insert(self, table: str, names: list[str], records: list[tuple[Any, ...]]) -> None:
        if records:
            marks = ", ".join("?" * len(names))
            self.con.executemany(
                f'INSERT INTO {q(table)} ({", ".join(map(q, names))}) VALUES ({marks})', records)

    def delete_docs(self, table: str, doc_ids: list[str]) -> None:
        if doc_ids:
            ids = "(SELECT unnest(?))"
            where = f"doc_id IN {ids}"
            params = [doc_ids]
            if table == "errors":  # rows without a doc_id are keyed by their path (doc_key)
                where += f" OR (doc_id IS NULL AND path IN {ids})"
                params.append(doc_ids)
            self.con.execute(f"DELETE FROM {q(table)} WHERE {where}", params)

    def begin(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")

    def close(self) -> None:
        self.con.close()


class Postgres:
    kind = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg  # noqa: PLC0415
        try:
            self.con = psycopg.connect(url, connect_timeout=5, autocommit=True)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise UsageError(f"--db {_hide_password(url)}: cannot connect ({reason}); check that "
                             "the server is running and the address, user and database") from None

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def insert(self, table: str, names: list[str], records: list[tuple[Any, ...]]) -> None:
        if records:
            with self.con.cursor() as cur, cur.copy(
                    f'COPY {q(table)} ({", ".join(map(q, names))}) FROM STDIN') as copy:
                for record in records:
                    copy.write_row(record)

    def delete_docs(self, table: str, doc_ids: list[str]) -> None:
        if doc_ids:
            where = "doc_id = ANY(%s)"
            params: tuple[Any, ...] = (doc_ids,)
            if table == "errors":  # rows without a doc_id are keyed by their path (doc_key)
                where += " OR (doc_id IS NULL AND path = ANY(%s))"
                params = (doc_ids, doc_ids)
            self.execute(f"DELETE FROM {q(table)} WHERE {where}", params)

    def begin(self) -> None:
        self.execute("BEGIN")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        self.con.close()


def _hide_password(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def duckdb_url(path: Path) -> str:
    """The --db URL naming this file (absolute, so the label reads back as the same file)."""
    return f"duckdb://{path.resolve()}"


def _db_errors() -> tuple[type[BaseException], ...]:
    import duckdb  # noqa: PLC0415
    import psycopg  # noqa: PLC0415
    return duckdb.Error, psycopg.Error


def connect(url: str | None, out_dir: Path) -> tuple[Database, str]:
    """The database of ``--db`` (default: DuckDB file DIR/bulletins.duckdb) and its label."""
    if not url:
        path = out_dir / "bulletins.duckdb"
        return DuckDB(path), duckdb_url(path)
    parsed = urlparse(url)
    if parsed.scheme == "duckdb":
        raw = unquote(url[len("duckdb://"):])
        if not raw or raw == "/":
            raise UsageError(f"--db {url}: give a file, e.g. duckdb:///path/to/bulletins.duckdb")
        path = Path(raw[1:] if raw.startswith("//") else raw)
        return DuckDB(path), url
    if parsed.scheme in ("postgresql", "postgres"):
        return Postgres(url), _hide_password(url)
    raise UsageError(f"--db {url}: unknown database; use duckdb:///PATH or "
                     "postgresql://USER@HOST:PORT/NAME")


# ----------------------------------------------------------------- loading

def create_tables(db: Database) -> None:
    types = SQL_TYPES[db.kind]
    for table in TABLES:
        cols = ", ".join(f"{q(c.name)} {types[c.type]}" + ("" if c.nullable or c.type == "list"
                                                            else " NOT NULL") for c in _cols(table))
        db.execute(f"CREATE TABLE IF NOT EXISTS {q(table)} ({cols}, "
                   f"PRIMARY KEY ({', '.join(map(q, KEYS[table]))}))")
    db.execute(f"CREATE TABLE IF NOT EXISTS {STATE} (doc_id {types['str']} PRIMARY KEY, "
               f"hash {types['str']} NOT NULL)")


def _replace(db: Database, docs: dict[str, Rows], doc_ids: list[str], gone: list[str],
             hashes: dict[str, str]) -> None:
    """Delete these documents' rows everywhere, then insert the new ones: one transaction."""
    db.begin()
    try:
        for table in (*TABLES, STATE):
            db.delete_docs(table, doc_ids + gone)
        for table in TABLES:
            names = [c.name for c in _cols(table)]
            db.insert(table, names, _records(table, (r for d in doc_ids for r in docs[d][table])))
        db.insert(STATE, ["doc_id", "hash"], [(d, hashes[d]) for d in doc_ids])
        db.commit()
    except BaseException:
        db.rollback()
        raise


def load(out_dir: Path, url: str | None = None) -> tuple[LoadReport, str]:
    """Load a finished run's tables; returns what changed and the database's label."""
    docs = by_document(read_run(out_dir))
    db, label = connect(url, out_dir)
    try:
        create_tables(db)
        known = dict(db.execute(f"SELECT doc_id, hash FROM {STATE}"))
        hashes = {d: doc_hash(rows) for d, rows in docs.items()}
        report = LoadReport()
        changed = sorted(d for d in docs if known.get(d) != hashes[d])
        report.added = sum(d not in known for d in changed)
        report.replaced = len(changed) - report.added
        report.unchanged = len(docs) - len(changed)
        gone = sorted(set(known) - set(docs))
        report.removed = len(gone)
        for i in range(0, max(len(changed), 1), BATCH):
            batch = changed[i:i + BATCH]
            if batch or (i == 0 and gone):
                _replace(db, docs, batch, gone if i == 0 else [], hashes)
        return report, label
    except _db_errors() as exc:  # e.g. no right to create tables: a clear line, not a bug report
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"--db {label}: the database refused the load ({reason}); documents "
                         "are written whole, so loading again after fixing it completes the "
                         "rest") from None
    finally:
        db.close()
