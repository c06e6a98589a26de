"""Runs in chunks: bounded memory, resumable, on a local pool or a Dask cluster.

The sorted job list is cut into chunks of consecutive files. Each chunk's rows are
validated and sorted where they are made (a worker process or a Dask worker) and stored
in ``DIR/.progress/chunks/<key>/`` (a JSONL file per table), written under a temporary
name and renamed, so a killed run leaves only whole chunks. The key hashes the program version, the options and
every file of the chunk (its doc_id, path, manifest row and the SHA-256 of its bytes): a
resumed run skips the chunks whose key is stored, redoes a chunk whose files changed, and
drops chunks whose files are gone. The tables are then merged from the chunk files in the
contract's order, one row per chunk in memory, so memory does not grow with the archive.
"""
from __future__ import annotations

import gc
import hashlib
import heapq
import json
import os
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import __version__
from .errors import UsageError
from .runner import Job, Options, add_result, pool_imap, preload, run_job
from . import tables as _tables
from .tables import SORT_KEYS, TABLES
from .writers import _json_value

PROGRESS = ".progress"
CHUNK_SIZE = 256  # files per chunk: small enough to lose little to a kill, large enough to amortise
MAX_CHUNK_FACTOR = 4  # a chunk is cut at 4x the size at most (about 2% of chunks reach it)
MERGE_FAN_IN = 256  # chunk files merged at once; more are merged in rounds (open files stay bounded)


Rows = dict[str, list[dict[str, Any]]]  # a chunk's rows by table


@dataclass
class ChunkPlan:
    key: str
    jobs: list[Job]
    n_bytes: int = 0  # of its files: what its extraction costs, to hand out the largest first


@dataclass
class RunStats:
    processed: int = 0  # chunks extracted in this run
    reused: int = 0     # chunks found done in .progress
    files_read: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLES})
    errors: list[dict[str, Any]] = field(default_factory=list)


# ----------------------------------------------------------------- planning

def _file_hash(job: Job) -> tuple[str, int]:
    """The SHA-256 of the job's bytes, and how many there are."""
    if job.data is not None:
        return hashlib.sha256(job.data).hexdigest(), len(job.data)
    try:
        digest = hashlib.sha256()
        size = 0
        with open(job.path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
        return digest.hexdigest(), size
    except OSError as exc:  # an unreadable file is an error row; its state is still part of the key
        return f"unreadable:{exc.errno}", 0


def _options_state(options: Options) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in asdict(options).items()}


def _ends_chunk(job: Job, size: int) -> bool:
    """A chunk ends after a file whose doc_id hashes to 0 modulo ``size``: boundaries follow
    the files, not their positions, so a file added or removed changes its own chunk only
    (chunks of ``size`` files on average), and a grown archive keeps its finished chunks."""
    digest = hashlib.blake2b(job.doc_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % size == 0


def _groups(jobs: list[Job], size: int) -> Iterator[list[Job]]:
    group: list[Job] = []
    for job in jobs:
        group.append(job)
        if _ends_chunk(job, size) or len(group) >= MAX_CHUNK_FACTOR * size:
            yield group
            group = []
    if group:
        yield group


def plan_chunks(jobs: list[Job], options: Options, keep_text: bool,
                size: int = CHUNK_SIZE) -> list[ChunkPlan]:
    """Groups of consecutive jobs (cut by content, see _ends_chunk), each with the key of
    its content."""
    head = [__version__, _options_state(options), keep_text]
    plans = []
    for group in _groups(jobs, size):
        hashes = [_file_hash(j) for j in group]
        files = [[j.doc_id, j.path, asdict(j.manifest) if j.manifest else None, digest]
                 for j, (digest, _) in zip(group, hashes)]
        blob = json.dumps([head, files], ensure_ascii=False, sort_keys=True, default=str)
        plans.append(ChunkPlan(hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32], group,
                               sum(n for _, n in hashes)))
    return plans


# ----------------------------------------------------------------- one chunk

def chunk_rows(jobs: list[Job], options: Options, keep_text: bool) -> dict[str, list[dict[str, Any]]]:
    """Read and process the chunk's files; validated rows, in the contract's order, as JSON
    values (dates as ISO strings). Runs in a worker process or on a Dask worker."""
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for job in jobs:
        add_result(tables, *run_job(job, options), keep_text)
    out: dict[str, list[dict[str, Any]]] = {}
    for table, rows in tables.items():
        checked = [_tables.validate_row(table, r) for r in rows]
        checked.sort(key=_sort_key(table))
        out[table] = [{k: _json_value(v) for k, v in r.items()} for r in checked]
    return out


def _sort_key(table: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    keys = SORT_KEYS[table]
    return lambda r: tuple("" if r.get(k) is None else r[k] for k in keys)


# ----------------------------------------------------------------- the progress folder

class Progress:
    """``DIR/.progress``: the run's version and options, and one folder per finished chunk."""

    def __init__(self, out: Path) -> None:
        self.root = out / PROGRESS
        self.chunks = self.root / "chunks"

    def start(self, options: Options, keep_text: bool, *, resume: bool) -> None:
        state = {"version": __version__, "options": _options_state(options), "with_text": keep_text}
        meta = self.root / "run.json"
        if resume and meta.exists():
            old = json.loads(meta.read_text(encoding="utf-8"))
            if old.get("version") != __version__:
                raise UsageError(f"--resume: {self.root.parent} was made by bulletin-extract "
                                 f"{old.get('version')}, this is {__version__}; its chunks cannot "
                                 "be reused: run again with --force instead of --resume")
        elif self.root.exists():
            shutil.rmtree(self.root)
        self.chunks.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")

    def finished(self) -> int:
        """How many chunks are stored."""
        if not self.chunks.is_dir():
            return 0
        return sum(1 for p in self.chunks.iterdir() if not p.name.startswith("."))

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def path(self, key: str) -> Path:
        """A finished chunk: a folder with one JSONL file per table (the merge of a table
        reads only that table's rows)."""
        return self.chunks / key

    def done(self, key: str) -> bool:
        return self.path(key).is_dir()

    def save(self, key: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        tmp = self.chunks / f".{key}.{os.getpid()}.tmp"
        write_chunk(tmp, rows)
        os.replace(tmp, self.path(key))  # whole or absent: a kill never leaves half a chunk

    def prune(self, keep: set[str]) -> None:
        """Chunks of files no longer in the input (or changed) and leftovers of a kill."""
        for path in self.chunks.iterdir():
            if path.name.startswith(".") or path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)


def write_chunk(folder: Path, rows: dict[str, Iterable[dict[str, Any]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for table, table_rows in rows.items():
        with (folder / f"{table}.jsonl").open("w", encoding="utf-8") as fh:
            for row in table_rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# ----------------------------------------------------------------- engines

def _run_local(pending: list[ChunkPlan], options: Options, keep_text: bool, workers: int,
               progress: Progress) -> Iterator[tuple[ChunkPlan, Rows | None]]:
    # each worker stores its own chunk: sending the rows back to this process to be written
    # would make it a serial step that the workers wait on. Largest chunks first: chunk sizes
    # vary (cut by content), and a large one started last would leave the other workers idle.
    # Large in bytes (the cost of a chunk follows its text), then in files
    if workers > 1:
        pending = sorted(pending, key=lambda p: (p.n_bytes, len(p.jobs)), reverse=True)
    if pending:
        _load_for_run()
    try:
        results = pool_imap(_chunk_saved, ((p, options, keep_text, progress) for p in pending),
                            len(pending), workers)
        for plan, _ in zip(pending, results):
            yield plan, None
    finally:
        gc.unfreeze()  # a caller's own objects (main() called in a test) are collected again


def _load_for_run() -> None:
    """Everything the files need, loaded once here (shared by forked workers, or used in
    this process with one worker) and then frozen out of the garbage collector for the
    run: it lives that long, and each full collection would otherwise walk it again."""
    preload(own_process=True)
    gc.freeze()


def _chunk_saved(args: tuple[ChunkPlan, Options, bool, Progress]) -> None:
    plan, options, keep_text, progress = args
    progress.save(plan.key, chunk_rows(plan.jobs, options, keep_text))


def _run_dask(pending: list[ChunkPlan], options: Options, keep_text: bool, workers: int,
              scheduler: str | None) -> Iterator[tuple[ChunkPlan, Rows | None]]:
    from .engines import dask_client  # noqa: PLC0415 - dask is needed only here
    from distributed import as_completed  # noqa: PLC0415
    with dask_client(workers, scheduler) as client:
        # a few chunks per worker in flight: results wait in the workers' memory until this
        # process has stored them, so a bounded queue keeps memory flat on any archive
        ahead = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        todo = iter(pending)

        def submit(plan: ChunkPlan) -> Any:
            return client.submit(chunk_rows, plan.jobs, options, keep_text,
                                 key=f"chunk-{plan.key}", pure=False, retries=3)

        plans = {}
        for plan in [p for _, p in zip(range(ahead), todo)]:
            plans[submit(plan)] = plan
        running = as_completed(list(plans))
        for future in running:
            plan = plans.pop(future)
            rows = future.result()
            future.release()
            nxt = next(todo, None)
            if nxt is not None:
                new = submit(nxt)
                plans[new] = nxt
                running.add(new)
            yield plan, rows


def run_chunks(plans: list[ChunkPlan], progress: Progress, options: Options, keep_text: bool,
               *, workers: int, engine: str = "local", scheduler: str | None = None,
               on_chunk: Callable[[int], None] | None = None) -> RunStats:
    """Extract every chunk not yet in ``progress``; returns what was done and reused."""
    stats = RunStats()
    pending = [p for p in plans if not progress.done(p.key)]
    stats.reused = len(plans) - len(pending)
    if engine == "dask":
        results = _run_dask(pending, options, keep_text, workers, scheduler)
    else:
        results = _run_local(pending, options, keep_text, workers, progress)
    for plan, rows in results:
        if rows is not None:  # a Dask worker sends its rows back; a local one stored them
            progress.save(plan.key, rows)
        stats.processed += 1
        stats.files_read += len(plan.jobs)
        if on_chunk:
            on_chunk(len(plan.jobs))
    progress.prune({p.key for p in plans})
    return stats


# ----------------------------------------------------------------- merging

def _rows_of(chunk: Path, table: str) -> Iterator[dict[str, Any]]:
    path = chunk / f"{table}.jsonl"
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def merged(paths: list[Path], table: str) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` across chunk files, in the contract's order."""
    key = _sort_key(table)
    if len(paths) <= MERGE_FAN_IN:
        yield from heapq.merge(*(_rows_of(p, table) for p in paths), key=key)
        return
    # too many files to hold open at once: merge groups into temporary files first
    tmp = paths[0].parent / f".merge-{table}-{os.getpid()}"
    tmp.mkdir(exist_ok=True)
    try:
        level = []
        for i in range(0, len(paths), MERGE_FAN_IN):
            part = tmp / f"{i:09d}"
            write_chunk(part, {table: merged(paths[i:i + MERGE_FAN_IN], table)})
            level.append(part)
        yield from merged(level, table)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ----------------------------------------------------------------- copying lines

Blocks = Iterator[tuple[bytes, int]]  # UTF-8 JSONL of consecutive rows, and how many rows


def _chunk_bytes(chunk: Path, table: str) -> bytes:
    path = chunk / f"{table}.jsonl"
    return path.read_bytes() if path.is_file() else b""


def _edge_keys(data: bytes, key: Callable[[dict[str, Any]], tuple[Any, ...]]) -> tuple[Any, Any]:
    """The sort keys of the first and the last row of a chunk file (which ends with a
    newline)."""
    first = data[:data.index(b"\n")]
    last = data[data.rfind(b"\n", 0, len(data) - 1) + 1:-1]
    return key(json.loads(first)), key(json.loads(last))


def _in_sequence(paths: list[Path], table: str) -> bool:
    """True when the chunk files, in plan order, hold consecutive runs of the table's order:
    then merging them is copying them one after another (heapq.merge keeps ties in the order
    of its inputs, so a chunk may end on the key the next one starts with). The files are
    cut into chunks in sorted path order, so this is the rule; manifest ids out of path order
    are the exception."""
    key = _sort_key(table)
    previous = None
    try:
        for chunk in paths:
            data = _chunk_bytes(chunk, table)
            if not data:
                continue
            if not data.endswith(b"\n"):  # not as write_chunk leaves it: let the merge read it
                return False
            first, last = _edge_keys(data, key)
            if previous is not None and first < previous:
                return False
            previous = last
    except (TypeError, ValueError):  # keys that do not compare, or a damaged file: merge
        return False
    return True


def _projector(stored: list[str], cols: list[str]) -> Callable[[bytes], bytes] | None:
    """How a stored line (a row with the ``stored`` columns, without its newline) becomes
    an output line with ``cols``: when only the last column is left out (documents.text
    without --with-text, stored as null), by cutting its null off the end, which is what
    json.dumps writes for the row without it. None: no such shortcut (or none needed)."""
    if cols == stored or cols != stored[:-1]:
        return None
    tail = f", {json.dumps(stored[-1])}: null}}".encode("utf-8")

    def project(line: bytes) -> bytes:
        if line.endswith(tail):
            return line[:-len(tail)] + b"}\n"
        row = json.loads(line)  # a value was kept: write the row as the writer would
        return (json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False) + "\n").encode("utf-8")
    return project


def merged_lines(paths: list[Path], table: str, cols: list[str]) -> Blocks | None:
    """The output lines of ``table`` (JSONL of ``cols``), copied from the chunk files in
    blocks, when that gives the lines the merge and the writer would; else None, and the
    rows are merged and written one by one. Parsing and writing each row again took most of
    the serial end of a batch."""
    stored = [c.name for c in _tables.schema(table)]
    project = _projector(stored, cols)
    if (project is None and cols != stored) or not _in_sequence(paths, table):
        return None
    return _copied(paths, table, project)


def _copied(paths: list[Path], table: str, project: Callable[[bytes], bytes] | None) -> Blocks:
    for chunk in paths:
        data = _chunk_bytes(chunk, table)
        if not data:
            continue
        # split on b"\n" only: json.dumps escapes it inside values (not U+2028 and the like)
        lines = data.split(b"\n")[:-1]
        yield (data if project is None else b"".join(map(project, lines))), len(lines)


def chunk_paths(plans: Iterable[ChunkPlan], progress: Progress) -> list[Path]:
    return [progress.path(p.key) for p in plans]
