"""Runs in chunks: resumed after SIGKILL byte-identical to an uninterrupted run, a grown or
changed folder redoes only what changed, and the Dask engine gives the local engine's files."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main

from conftest import CORPUS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def variants(folder: Path, n: int, start: int = 0) -> Path:
    """``n`` bulletins made from the bundled ones, each with its own figures and file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        text = TEXTS[i % len(TEXTS)].replace("12", str(10 + i % 89), 1)
        (folder / f"b{i:05d}-2024-10-12.txt").write_text(text, encoding="utf-8")
    return folder


def tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def cli(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "extract", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def chunk_files(out: Path) -> dict[str, int]:
    """Finished chunk files and their modification times (in ns)."""
    folder = out / ".progress" / "chunks"
    if not folder.is_dir():
        return {}
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if not p.name.startswith(".")}


def run(*args: str) -> int:
    return main(["run", *args, "--quiet"])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return variants(tmp_path_factory.mktemp("archive") / "in", 240)


@pytest.fixture(scope="module")
def uninterrupted(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out"
    assert run(str(archive), "--out", str(out), "--chunk-size", "10", "--workers", "1") == 0
    return out


def test_a_killed_run_resumed_is_byte_identical_and_rereads_no_finished_chunk(
        archive: Path, uninterrupted: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = cli("run", str(archive), "--out", str(out), "--chunk-size", "10", "--workers", "1",
               "--quiet")
    deadline = time.monotonic() + 120
    while len(chunk_files(out)) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = chunk_files(out)
    total = len(chunk_files(uninterrupted))
    assert 4 <= len(done) < total, "the run was not killed midway"
    assert not (out / "events.jsonl").exists()
    resumed = cli("run", str(archive), "--out", str(out), "--chunk-size", "10", "--workers", "1",
                  "--resume")
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert f"{len(done)} of {total} chunks reused" in stdout.decode()
    after = chunk_files(out)
    assert {k: after[k] for k in done} == done  # the finished chunks were not written again
    assert tables(out) == tables(uninterrupted)


def test_resume_over_a_grown_and_changed_folder_redoes_only_what_changed(tmp_path: Path) -> None:
    folder = variants(tmp_path / "in", 60)
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out), "--chunk-size", "5", "--workers", "1") == 0
    before = chunk_files(out)
    assert len(before) >= 6
    variants(folder, 10, start=60)                     # ten new files at the end
    (folder / "b00003-2024-10-12.txt").write_text(TEXTS[1], encoding="utf-8")  # one changed
    (folder / "b00015-2024-10-12.txt").unlink()        # one removed
    assert run(str(folder), "--out", str(out), "--chunk-size", "5", "--workers", "1", "--resume") == 0
    after = chunk_files(out)
    kept = set(before) & set(after)
    # only the chunks holding the changed and the removed file, and the last one that the
    # new files join, are redone
    assert len(kept) >= len(before) - 3 and all(before[k] == after[k] for k in kept)
    fresh = tmp_path / "fresh"
    assert run(str(folder), "--out", str(fresh), "--chunk-size", "5", "--workers", "1") == 0
    assert tables(out) == tables(fresh)


def test_resume_refuses_a_folder_of_another_version(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = variants(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out)) == 0
    meta = out / ".progress" / "run.json"
    state = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**state, "version": "0.0.1"}), encoding="utf-8")
    assert run(str(folder), "--out", str(out), "--resume") == 2
    err = capsys.readouterr().err
    assert "0.0.1" in err and "--force" in err
    assert run(str(folder), "--out", str(out), "--resume", "--force") == 2


def test_dask_engine_gives_the_local_engines_files(tmp_path: Path) -> None:
    folder = variants(tmp_path / "in", 30)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run(str(folder), "--out", str(local), "--chunk-size", "5", "--workers", "2",
               "--format", "parquet,csv") == 0
    assert run(str(folder), "--out", str(dask), "--chunk-size", "5", "--workers", "2",
               "--format", "parquet,csv", "--engine", "dask") == 0
    assert tables(dask) == tables(local)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = variants(tmp_path / "in", 2)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    assert run(str(folder), "--out", str(tmp_path / "out"), "--engine", "dask",
               "--scheduler", f"tcp://127.0.0.1:{port}") == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert time.monotonic() - started < 60
    assert run(str(folder), "--out", str(tmp_path / "o2"), "--scheduler", "tcp://x:1") == 2
    assert "--engine dask" in capsys.readouterr().err


def test_a_plain_run_into_a_run_says_resume_or_force(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = variants(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out)) == 0
    assert run(str(folder), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "--resume" in err and "--force" in err
