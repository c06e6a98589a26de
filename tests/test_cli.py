"""The bulletin-extract command end to end, in temporary folders."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract.cli import main
from extract.tables import columns

from conftest import CORPUS, REAL


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def mixed_dir(tmp_path: Path, real_text: str) -> Path:
    """The real bulletin in three encodings/formats plus two broken files."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "gb.txt").write_bytes(real_text.encode("gb18030"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + real_text.replace("\n", "\r\n").encode("utf-8"))
    body = "".join(f"<p>{line}</p>" for line in real_text.splitlines() if line.strip())
    (d / "page.html").write_text(f"<html><head><title>t</title></head><body>{body}</body></html>",
                                 encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "noise.txt").write_bytes(random.Random(3).randbytes(5000))
    (d / "notes.md").write_text("not a bulletin", encoding="utf-8")
    return d


def test_mixed_folder_gives_three_documents_two_errors_exit_1(mixed_dir, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["run", str(mixed_dir), "--out", str(out), "--issue-date", "2024-10-12"])
    assert status == 1
    docs = _jsonl(out / "documents.jsonl")
    errors = _jsonl(out / "errors.jsonl")
    assert [d["doc_id"] for d in docs] == ["bom", "gb", "page"]
    assert {d["encoding"] for d in docs} == {"gb18030", "utf-8-sig", "html"}
    assert {(e["doc_id"], e["error_code"]) for e in errors} == {("empty", "empty"),
                                                               ("noise", "binary")}
    assert all(e["message"] and e["path"].endswith(".txt") for e in errors)
    assert "skipped 1 non-bulletin files" in capsys.readouterr().err
    # the same events whatever the encoding or format of the copy
    events = pd.DataFrame(_jsonl(out / "events.jsonl"))
    per_doc = events.groupby("doc_id")[["official", "action"]].apply(
        lambda g: sorted(map(tuple, g.fillna("").values.tolist())))
    assert per_doc["gb"] == per_doc["bom"] == per_doc["page"]


def test_corpus_run_all_formats_and_contract_columns(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(CORPUS), "--out", str(out), "--format", "parquet,csv", "--quiet"]) == 0
    for table in ("documents", "events", "facts", "officials", "errors"):
        rows = _jsonl(out / f"{table}.jsonl")
        for row in rows:
            assert list(row) == columns(table, with_text=False)
        assert pq.read_schema(out / f"{table}.parquet").names == columns(table, with_text=False)
        assert pd.read_csv(out / f"{table}.csv").columns.tolist() == columns(table, with_text=False)
    assert str(pq.read_schema(out / "events.parquet").field("date_start").type) == "date32[day]"
    docs = {d["doc_id"]: d for d in _jsonl(out / "documents.jsonl")}
    real = docs["yongzhou-2024-10-12"]
    assert real["issue_date"] == "2024-10-12" and real["issue_date_source"] == "manifest"
    assert real["region"] == "永州市" and real["region_code"] == "431100"
    assert real["n_sections"] == 5


def test_rerun_is_byte_identical_and_independent_of_workers(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["run", str(CORPUS), "--out", str(a), "--format", "parquet,csv", "--quiet"]) == 0
    assert main(["run", str(CORPUS), "--out", str(b), "--format", "parquet,csv", "--quiet",
                 "--workers", "2"]) == 0
    for f in sorted(p for p in a.iterdir() if p.is_file()):  # .progress/ is the run's own
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name


def test_existing_output_refused_without_force(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["run", str(REAL), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    assert main(["run", str(REAL), "--out", str(out), "--force", "--quiet"]) == 0
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "events.jsonl").stat().st_size > 0


def test_real_bulletin_without_manifest_infers_2024(tmp_path, real_text):
    src = tmp_path / "bulletin.txt"
    src.write_text(real_text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--quiet"]) == 0
    doc = _jsonl(out / "documents.jsonl")[0]
    assert doc["issue_date"] == "2024-10-12" and doc["issue_date_source"] == "text"
    assert doc["region"] == "永州市" and doc["region_source"] == "text"


@pytest.mark.parametrize("argv", [
    ["run", "no/such/path", "--out", "OUT"],
    ["run", str(REAL), "--out", "OUT", "--issue-date", "12/10/2024"],
    ["run", str(REAL), "--out", "OUT", "--format", "xml"],
    ["run", str(REAL), "--out", "OUT", "--region", "不存在的地方"],
    ["run", str(REAL), "--out", "OUT", "--workers", "0"],
])
def test_usage_errors_exit_2_and_write_nothing(argv, tmp_path, capsys):
    out = tmp_path / "out"
    argv = [str(out) if a == "OUT" else a for a in argv]
    assert main(argv) == 2
    assert "error:" in capsys.readouterr().err
    assert not out.exists()


def test_stdin_and_doc_id_collisions(tmp_path, real_text):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "x.txt").write_text(real_text, encoding="utf-8")
    (d / "sub" / "x.html").write_text(f"<p>{real_text.splitlines()[2]}</p>", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(d), "--out", str(out), "--quiet", "--issue-date", "2024-10-12"]) == 0
    assert [r["doc_id"] for r in _jsonl(out / "documents.jsonl")] == ["sub/x.html", "sub/x.txt"]
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "-", "--out", str(tmp_path / "o2"),
                           "--quiet", "--issue-date", "2024-10-12"],
                          input=real_text.encode("gb18030"), capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    doc = _jsonl(tmp_path / "o2" / "documents.jsonl")[0]
    assert doc["doc_id"].startswith("stdin-") and len(doc["doc_id"]) == 22
    assert doc["encoding"] == "gb18030"


def test_installed_command_runs_outside_the_checkout(tmp_path):
    exe = shutil.which("bulletin-extract", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("bulletin-extract is not installed in this environment")
    proc = subprocess.run([exe, "run", str(REAL), "--out", str(tmp_path / "o"), "--quiet"],
                          cwd=tmp_path, capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    assert (tmp_path / "o" / "events.jsonl").stat().st_size > 0


def test_help_documents_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    assert "Exit status" in text and "errors.jsonl" in text


def test_folder_link_loop_is_not_followed(tmp_path, real_text):
    d = tmp_path / "in" / "a"
    d.mkdir(parents=True)
    (d / "b.txt").write_text(real_text, encoding="utf-8")
    (d / "back").symlink_to(tmp_path / "in", target_is_directory=True)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet",
                 "--issue-date", "2024-10-12"]) == 0
    assert [r["doc_id"] for r in _jsonl(out / "documents.jsonl")] == ["a/b"]


def test_same_names_under_two_arguments_get_distinct_ids_in_any_order(tmp_path, real_text):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(real_text, encoding="utf-8")
    outs = []
    for order in (("a", "b"), ("b", "a")):
        out = tmp_path / ("out-" + "".join(order))
        assert main(["run", *(str(tmp_path / o) for o in order), "--out", str(out), "--quiet",
                     "--issue-date", "2024-10-12"]) == 0
        outs.append((out / "documents.jsonl").read_bytes())
    ids = [r["doc_id"] for r in _jsonl(tmp_path / "out-ab" / "documents.jsonl")]
    assert len(set(ids)) == 2 and outs[0] == outs[1]


def test_stdin_over_the_byte_limit_is_an_error_row(tmp_path, real_text):
    proc = subprocess.run([sys.executable, "-m", "extract", "run", "-", "--out", str(tmp_path / "o"),
                           "--quiet", "--max-bytes", "1000"],
                          input=real_text.encode("utf-8"), capture_output=True)
    assert proc.returncode == 1
    assert _jsonl(tmp_path / "o" / "errors.jsonl")[0]["error_code"] == "too_large"


# ---------------------------------------------------------------- all-or-nothing output

SHORT = "2025年3月14日，县长李明到城关镇调研安全生产工作。\n"


def _previous_tables(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An --out folder holding the tables of an earlier run, and their bytes."""
    src = tmp_path / "one.txt"
    src.write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--quiet", "--format", "csv"]) == 0
    return out, {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def _one_error_line(err: str, out: Path, cause: str) -> None:
    lines = [x for x in err.splitlines() if "error" in x or "Traceback" in x]
    assert len(lines) == 1 and str(out) in lines[0] and cause in lines[0], err


@pytest.mark.parametrize("fail_in", ["_csv_value", "_write_batch"])  # CSV, then Parquet
def test_a_failed_write_leaves_the_previous_tables_untouched(fail_in, tmp_path, capsys, monkeypatch):
    import errno
    import extract.writers as writers
    out, before = _previous_tables(tmp_path)
    capsys.readouterr()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(writers, fail_in, full)
    assert main(["run", str(CORPUS), "--out", str(out), "--force", "--format", "csv,parquet"]) == 4
    _one_error_line(capsys.readouterr().err, out, "No space left on device")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(writers.STAGING_PREFIX)]


def _tmpfs(path: Path, options: str) -> None:
    path.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True)
    if proc.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")


def _umount(path: Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True)


def test_full_disk_on_a_small_tmpfs(tmp_path, capsys):
    disk = tmp_path / "disk"
    _tmpfs(disk, "size=64k")
    try:
        src = tmp_path / "one.txt"
        src.write_text(SHORT, encoding="utf-8")
        assert main(["run", str(src), "--out", str(disk), "--force", "--quiet"]) == 0
        before = {p.name: p.read_bytes() for p in disk.iterdir() if p.is_file()}
        capsys.readouterr()
        assert main(["run", str(CORPUS), "--out", str(disk), "--force"]) == 4
        _one_error_line(capsys.readouterr().err, disk, "No space left on device")
        assert {p.name: p.read_bytes() for p in disk.iterdir() if p.is_file()} == before
    finally:
        _umount(disk)


def test_read_only_out_fails_before_the_extraction(tmp_path, capsys, monkeypatch):
    import extract.runner as runner
    disk = tmp_path / "ro"
    _tmpfs(disk, "ro,size=16k")
    try:
        monkeypatch.setattr(runner, "collect", lambda *a, **k: pytest.fail("extraction ran"))
        assert main(["run", str(CORPUS), "--out", str(disk / "out"), "--quiet"]) == 4
        _one_error_line(capsys.readouterr().err, disk / "out", "Read-only file system")
    finally:
        _umount(disk)


def test_an_unwritable_out_is_found_before_the_extraction(tmp_path, capsys, monkeypatch):
    """Without mount rights: a --out below a file cannot be made."""
    import extract.runner as runner
    (tmp_path / "file").write_text("x", encoding="utf-8")
    out = tmp_path / "file" / "out"
    monkeypatch.setattr(runner, "collect", lambda *a, **k: pytest.fail("extraction ran"))
    assert main(["run", str(REAL), "--out", str(out), "--quiet"]) == 4
    _one_error_line(capsys.readouterr().err, out, "Not a directory")


def test_an_internal_error_writes_nothing_and_removes_the_new_folder(tmp_path, monkeypatch):
    import extract.tables as tables
    def broken(table, row):
        raise tables.SchemaError("test")
    monkeypatch.setattr(tables, "validate_row", broken)
    out = tmp_path / "new"
    assert main(["run", str(REAL), "--out", str(out), "--quiet"]) == 3
    assert not out.exists()


def test_formats_of_an_older_run_are_replaced_only_on_success(tmp_path):
    out, before = _previous_tables(tmp_path)
    assert any(n.endswith(".csv") for n in before)
    assert main(["run", str(REAL), "--out", str(out), "--force", "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(f"{t}.jsonl" for t in
                                                           ("documents", "events", "facts",
                                                            "officials", "errors"))


# ---------------------------------------------------------------- no silent non-results

@pytest.mark.parametrize("files, said", [
    ({}, "no bulletin files"),
    ({"notes.md": "x", "gold.jsonl": "{}"}, "only 2 other files"),
])
def test_a_folder_without_bulletins_is_a_usage_error(files, said, tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    for name, body in files.items():
        (d / name).write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(d), "--out", str(out)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_unknown_encoding_is_one_usage_error(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(CORPUS), "--out", str(out), "--encoding", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nonsense" in err
    assert not out.exists()


# ---------------------------------------------------------------- rough edges

def test_version(capsys):
    from extract import __version__
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.strip() == f"bulletin-extract {__version__}"


def test_help_says_the_workers_default_and_exit_4(capsys):
    from extract.runner import default_workers
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"here {default_workers()})" in text and "4 the tables could not be written" in text
    assert "--csv-bom" in text
    assert 1 <= default_workers() <= 8


def test_eval_options_have_help(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    text = capsys.readouterr().out
    for option in ("--gold DIR", "--pred DIR"):
        line = next(x for x in text.splitlines() if x.strip().startswith(option))
        assert len(line.strip()) > len(option) + 5, line


def test_progress_says_it_is_writing(tmp_path, capsys):
    from extract.runner import Collected, Options, collect, plan_jobs
    collected = Collected()
    jobs = plan_jobs([str(REAL)], collected)
    collect(jobs, Options(), progress=True, collected=collected)
    assert "writing tables…" in capsys.readouterr().err


def test_ctrl_c_is_one_line_and_exit_130(tmp_path, real_text):
    import os
    import signal
    import time
    d = tmp_path / "in"
    d.mkdir()
    for i in range(1000):  # far more than the few seconds before the interrupt can read
        (d / f"b{i:04}.txt").write_text(real_text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "extract", "run", str(d), "--out",
                             str(tmp_path / "out"), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own group, as a terminal's Ctrl-C
    time.sleep(2.5)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert lines[-1] == "bulletin-extract: interrupted; no tables were written"
    out = tmp_path / "out"
    assert not (out / "events.jsonl").exists()
    if len(lines) == 2:  # chunks finished before the interrupt stay, for --resume
        assert "--resume" in lines[0] and any((out / ".progress" / "chunks").iterdir())
    else:
        assert len(lines) == 1 and not out.exists()


def test_csv_bom_for_excel(tmp_path):
    plain, bom = tmp_path / "plain", tmp_path / "bom"
    assert main(["run", str(REAL), "--out", str(plain), "--format", "csv", "--quiet"]) == 0
    assert main(["run", str(REAL), "--out", str(bom), "--format", "csv", "--quiet",
                 "--csv-bom"]) == 0
    for name in ("events.csv", "facts.csv"):
        assert not (plain / name).read_bytes().startswith(b"\xef\xbb\xbf")
        assert (bom / name).read_bytes() == b"\xef\xbb\xbf" + (plain / name).read_bytes()
        assert pd.read_csv(bom / name, encoding="utf-8-sig").columns[0] == "doc_id"
    assert (bom / "events.jsonl").read_bytes() == (plain / "events.jsonl").read_bytes()
