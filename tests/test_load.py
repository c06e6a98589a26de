"""`bulletin-extract load`: a finished run's tables in DuckDB and in a real PostgreSQL server,
idempotent, growing with the run, and clear errors for what cannot be loaded."""
from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pytest

from extract.cli import main

from conftest import CORPUS

TABLES = ("documents", "events", "facts", "officials", "errors")
SMALL = sorted(CORPUS.glob("*.txt"))[:4]


def run_into(out: Path, *paths: Path, resume: bool = False) -> Path:
    again = ["--resume"] if resume else ["--force"]
    assert main(["run", *map(str, paths), "--out", str(out), *again, "--quiet",
                 "--workers", "1"]) in (0, 1)
    return out


def bulletins(folder: Path, paths: list[Path]) -> Path:
    """A folder holding copies of these bulletins."""
    folder.mkdir()
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


def jsonl_counts(out: Path) -> dict[str, int]:
    return {t: len((out / f"{t}.jsonl").read_text(encoding="utf-8").splitlines()) for t in TABLES}


# ----------------------------------------------------------------- a PostgreSQL server

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server binaries (Debian's postgresql package; .ci/run installs it)")
    if os.geteuid() == 0 and subprocess.run(["id", "postgres"], capture_output=True).returncode:
        pytest.skip("running as root and there is no postgres user to run the server as")
    # not below pytest's own temporary folder: that one only root may enter
    base = Path(tempfile.mkdtemp(prefix="bulletin-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-A", "trust", "-U", "postgres",
                                    "--no-sync"]), check=True, capture_output=True)
    started = subprocess.run(_as_server_user(
        [pg_ctl, "-D", str(data), "-l", str(base / "log"), "-w", "-t", "30", "start", "-o",
         f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"]), capture_output=True)
    if started.returncode:
        pytest.skip(f"PostgreSQL did not start: {started.stderr.decode(errors='replace')[-300:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _pg_reset(url: str) -> None:
    import psycopg
    with psycopg.connect(url, autocommit=True) as con:
        for table in (*TABLES, "bulletin_extract_loaded"):
            con.execute(f'DROP TABLE IF EXISTS "{table}"')


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("duckdb:"):
        with duckdb.connect(url[len("duckdb:///"):]) as con:
            return con.execute(sql).fetchall()
    import psycopg
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path / 'b.duckdb'}"
    url = request.getfixturevalue("postgres_url")
    _pg_reset(url)
    return url


def db_counts(url: str) -> dict[str, int]:
    return {t: query(url, f'SELECT count(*) FROM "{t}"')[0][0] for t in TABLES}


def load(out: Path, url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["load", str(out), "--db", url]) == 0
    return capsys.readouterr().err


# ----------------------------------------------------------------- behaviour

def test_load_counts_equal_the_files_and_again_changes_nothing(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_into(tmp_path / "out", CORPUS)
    first = load(out, db_url, capsys)
    assert db_counts(db_url) == jsonl_counts(out)
    assert f"{jsonl_counts(out)['documents']} documents added, 0 replaced" in first
    before = query(db_url, 'SELECT doc_id, event_id, official, places, date_start FROM "events" '
                           "ORDER BY doc_id, event_id")
    second = load(out, db_url, capsys)
    assert "0 documents added, 0 replaced, 0 removed" in second
    assert db_counts(db_url) == jsonl_counts(out)
    assert query(db_url, 'SELECT doc_id, event_id, official, places, date_start FROM "events" '
                         "ORDER BY doc_id, event_id") == before


def test_lists_are_arrays_and_dates_are_dates(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_into(tmp_path / "out", CORPUS / "yongzhou-2024-10-12.txt")
    load(out, db_url, capsys)
    row = query(db_url, 'SELECT places, date_start, char_start FROM "events" '
                        "WHERE official = '陈爱林' ORDER BY event_id")[0]
    first = json.loads((out / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(row[0], list) and all(isinstance(p, str) for p in row[0])
    assert row[1].isoformat() == "2024-10-11"
    assert isinstance(row[2], int)
    assert first["doc_id"] == "yongzhou-2024-10-12"


def test_a_grown_run_adds_only_the_new_documents(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = bulletins(tmp_path / "in", SMALL[:2])
    out = run_into(tmp_path / "out", folder)
    load(out, db_url, capsys)
    for path in SMALL[2:]:
        shutil.copy(path, folder / path.name)
    run_into(out, folder, resume=True)  # the run continued over the grown folder
    report = load(out, db_url, capsys)
    assert f"{len(SMALL) - 2} documents added, 0 replaced, 0 removed, 2 unchanged" in report
    assert db_counts(db_url) == jsonl_counts(out)
    (folder / SMALL[0].name).unlink()  # a removed file drops out of the database too
    run_into(out, folder, resume=True)
    assert "1 removed" in load(out, db_url, capsys)
    assert db_counts(db_url) == jsonl_counts(out)


def test_a_folder_that_is_not_a_finished_run_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    half = tmp_path / "half"
    half.mkdir()
    (half / "documents.jsonl").write_text("", encoding="utf-8")
    assert main(["load", str(half)]) == 2
    err = capsys.readouterr().err
    assert "not a finished run" in err and "events.jsonl" in err and "bulletin-extract run" in err
    assert not (half / "bulletins.duckdb").exists()
    assert main(["load", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize("url, says", [
    ("postgresql://postgres@127.0.0.1:{port}/postgres", "cannot connect"),
    ("mysql://root@127.0.0.1/b", "unknown database"),
])
def test_a_database_that_cannot_be_reached_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, says: str) -> None:
    out = run_into(tmp_path / "out", SMALL[0])
    started = time.monotonic()
    assert main(["load", str(out), "--db", url.format(port=_free_port())]) == 2
    assert says in capsys.readouterr().err
    assert time.monotonic() - started < 30


def test_the_default_database_is_a_duckdb_file_in_the_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_into(tmp_path / "out", SMALL[0])
    assert main(["load", str(out)]) == 0
    assert (out / "bulletins.duckdb").is_file()
    assert db_counts(f"duckdb:///{out / 'bulletins.duckdb'}") == jsonl_counts(out)


def test_a_changed_document_is_replaced_whole_and_error_rows_load(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = bulletins(tmp_path / "in", SMALL[:2])
    (folder / "broken.docx").write_bytes(b"not a zip archive")  # becomes an errors row
    out = run_into(tmp_path / "out", folder)
    assert jsonl_counts(out)["errors"] == 1
    load(out, db_url, capsys)
    assert db_counts(db_url) == jsonl_counts(out)
    changed = folder / SMALL[0].name  # half the text: fewer rows for that document
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 2], encoding="utf-8")
    run_into(out, folder)
    report = load(out, db_url, capsys)
    assert "0 documents added, 1 replaced, 0 removed, 2 unchanged" in report
    assert db_counts(db_url) == jsonl_counts(out)
    doc_id = SMALL[0].stem
    n_chars = json.loads(next(line for line in (out / "documents.jsonl").read_text(
        encoding="utf-8").splitlines() if f'"{doc_id}"' in line))["n_chars"]
    assert query(db_url, f"SELECT n_chars FROM \"documents\" WHERE doc_id = '{doc_id}'") == [
        (n_chars,)]


def test_error_rows_without_a_doc_id_are_replaced_and_removed_by_path(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_into(tmp_path / "out", SMALL[0])
    errors = out / "errors.jsonl"
    row = {"path": "in/lost.docx", "doc_id": None, "error_code": "unreadable", "message": "x"}
    errors.write_text(json.dumps(row) + "\n", encoding="utf-8")
    load(out, db_url, capsys)
    row["message"] = "y"
    errors.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert "1 replaced" in load(out, db_url, capsys)
    assert query(db_url, 'SELECT message FROM "errors"') == [("y",)]
    errors.write_text("", encoding="utf-8")
    assert "1 removed" in load(out, db_url, capsys)
    assert db_counts(db_url) == jsonl_counts(out)


def test_a_database_that_refuses_the_tables_is_a_clear_error(
        tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import psycopg
    _pg_reset(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as con:
        con.execute("DROP ROLE IF EXISTS reader")
        con.execute("CREATE ROLE reader LOGIN")  # may not create tables in public (PostgreSQL 15+)
        con.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    out = run_into(tmp_path / "out", SMALL[0])
    reader = postgres_url.replace("postgres@", "reader@", 1)
    assert main(["load", str(out), "--db", reader]) == 2
    err = capsys.readouterr().err
    assert "refused the load" in err and "permission denied" in err
    assert query(postgres_url, "SELECT count(*) FROM information_schema.tables "
                               "WHERE table_name = 'documents'") == [(0,)]
