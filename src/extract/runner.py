"""Batch runs: find bulletin files, read and process each (in worker processes), gather rows.

One broken file never stops a batch: it becomes a row in ``errors``. Texts are
dropped as soon as their rows are made, so memory grows with the rows, not
with the texts.
"""
from __future__ import annotations

import codecs
import gc
import hashlib
import marshal
import multiprocessing as mp
import os
import pickle
import signal
import sys
import tempfile
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from .document import DocInput, DocResult, process_text
from .errors import ReadError, UsageError
from .metadata import ManifestRow, read_manifest, stdin_doc_id
from .reading import BULLETIN_SUFFIXES, read_bytes, read_path
from .tables import TABLES, sort_rows

MANIFEST = "manifest.csv"
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Options:
    issue_date: date | None = None
    region: str | None = None
    encoding: str | None = None
    max_bytes: int = 20_000_000


@dataclass(frozen=True, slots=True)
class Job:
    """One bulletin to read: a file, or the bytes of stdin."""

    path: str                 # as found under the PATH argument
    doc_id: str
    manifest: ManifestRow | None = None
    data: bytes | None = None  # stdin only


@dataclass
class Collected:
    """Rows of a whole run, plus counts for the summary line."""

    tables: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {t: [] for t in TABLES})
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def n_failed(self) -> int:
        return len(self.tables["errors"])


def _is_bulletin(path: Path) -> bool:
    return path.suffix.lower() in BULLETIN_SUFFIXES


def _manifests(files: list[Path]) -> dict[Path, ManifestRow]:
    """Manifest rows keyed by the absolute path of the file they describe."""
    rows: dict[Path, ManifestRow] = {}
    for manifest in files:
        if manifest.name != MANIFEST:
            continue
        for rel, row in read_manifest(manifest).items():
            rows[(manifest.parent / rel).absolute()] = row
    return rows


def _walk(root: Path) -> list[Path]:
    """Every file below ``root``; linked folders are not entered (a link loop never ends)."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        found += [base / f for f in files]
        found += [base / d for d in dirs if (base / d).is_symlink() and _is_bulletin(base / d)]
    return sorted(found, key=lambda p: p.as_posix())


def _doc_ids(found: list[tuple[Path, str]]) -> list[str]:
    """Relative path without extension; files that would share one keep their extension;
    files from different PATH arguments that still share one get a short hash of their
    absolute path, so ids never depend on the order of the arguments."""
    stems = Counter(str(Path(rel).with_suffix("")) for _, rel in found)
    ids = [str(Path(rel).with_suffix("")) if stems[str(Path(rel).with_suffix(""))] == 1
           else rel for _, rel in found]
    repeated = Counter(ids)
    return [i if repeated[i] == 1 else
            f"{i}-{hashlib.sha256(str(p.absolute()).encode('utf-8')).hexdigest()[:8]}"
            for (p, _), i in zip(found, ids)]


def plan_jobs(paths: list[str], collected: Collected, stdin: bytes | None = None,
              max_bytes: int = 20_000_000) -> list[Job]:
    """Every bulletin under the PATH arguments, in sorted path order."""
    found: list[tuple[Path, str]] = []
    manifest_files: list[Path] = []
    jobs: list[Job] = []
    seen: set[Path] = set()
    for arg in paths:
        if arg == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
            jobs.append(Job(path="-", doc_id=stdin_doc_id(data), data=data))
            continue
        root = Path(arg)
        if root.is_dir():
            files = _walk(root)
            manifest_files += [f for f in files if f.name == MANIFEST]
            for f in files:
                if _is_bulletin(f):
                    found.append((f, f.relative_to(root).as_posix()))
                elif f.name != MANIFEST:
                    collected.skipped[f.suffix.lower() or "(no extension)"] += 1
        elif root.exists() or root.is_symlink():
            sibling = root.parent / MANIFEST
            if sibling.is_file():
                manifest_files.append(sibling)
            found.append((root, root.name))
        else:
            raise UsageError(f"{arg}: no such file or folder")
    # a file reached through two PATH arguments is read once
    found = [f for f in found if not (f[0].absolute() in seen or seen.add(f[0].absolute()))]
    manifest = _manifests(manifest_files)
    for (path, _), doc_id in zip(found, _doc_ids(found)):
        row = manifest.get(path.absolute())
        jobs.append(Job(path=str(path), doc_id=(row.doc_id if row and row.doc_id else doc_id),
                        manifest=row))
    return jobs


def check_encoding(encoding: str) -> None:
    """An encoding Python knows, else one UsageError (not one error row per file)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"--encoding {encoding!r}: unknown encoding; "
                         "use e.g. utf-8, gb18030 or big5") from None


def no_bulletins(paths: list[str], collected: Collected) -> UsageError:
    """The error for inputs that hold no bulletin file: nothing to do is not a success."""
    found = sum(collected.skipped.values())
    others = f" (only {found} other files)" if found else ""
    return UsageError(f"no bulletin files in {' '.join(paths)}{others}; bulletins end "
                      f"{', '.join(BULLETIN_SUFFIXES)}")


def _error(job: Job, code: str, message: str) -> DocResult:
    return DocResult({"path": job.path, "doc_id": job.doc_id, "error_code": code,
                      "message": message})


def run_job(job: Job, options: Options) -> tuple[bool, DocResult]:
    """Read and process one bulletin: (True, rows) or (False, an error row)."""
    try:
        if job.data is not None:
            if len(job.data) > options.max_bytes:
                raise ReadError("too_large", f"<stdin>: more than {options.max_bytes} bytes; "
                                "split the input or raise --max-bytes")
            decoded = read_bytes(job.data, encoding=options.encoding, name="<stdin>")
        else:
            decoded = read_path(Path(job.path), encoding=options.encoding,
                                max_bytes=options.max_bytes, name=job.path)
    except ReadError as exc:
        return False, _error(job, exc.code, exc.message)
    meta = DocInput(
        doc_id=job.doc_id, path=job.path, encoding=decoded.encoding,
        filename=Path(job.path).name if job.data is None else "",
        manifest_date=job.manifest.issue_date if job.manifest else None,
        option_date=options.issue_date,
        manifest_region=job.manifest.region if job.manifest else None,
        option_region=options.region)
    try:
        return True, process_text(decoded.text, meta)
    except Exception:  # a bug: keep the batch going and say how to report it
        detail = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return False, _error(job, "internal", f"{job.path}: internal error ({detail}); "
                             "please report it with this file attached")


def _run_star(args: tuple[Job, Options, bool]) -> tuple[bool, DocResult]:
    job, options, keep_text = args
    ok, result = run_job(job, options)
    if ok and not keep_text:
        result.document["text"] = None  # not sent back to the parent to be thrown away
    return ok, result


MAX_DEFAULT_WORKERS = 8  # each worker holds the gazetteer and jieba: a few hundred MB


def default_workers() -> int:
    """This machine's cores (those this process may use), at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle: a worker that took it too would print its own
    traceback, one per process. A parent killed outright (kill -9) takes its workers
    with it, instead of leaving them to fail writing to it. What the parent loaded before
    the fork is frozen out of this worker's garbage collector: it lives as long as the
    worker, and a collection that walked it would copy every page of it (copy-on-write)."""
    gc.freeze()  # this process's view only: the parent's collector is unchanged
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes  # noqa: PLC0415
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:
            pass  # no libc by that name: the workers end on their own once the pool is gone


def _import_jieba_alone() -> None:
    """Import jieba without pkg_resources, in a process that is the command's own (no other
    thread imports meanwhile). jieba imports pkg_resources only to open its own data files,
    and that import takes 0.14 s (it reads the metadata of every installed distribution);
    when it fails, jieba opens the same files beside its module."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jieba  # noqa: F401, PLC0415
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]  # a later import finds the real one


def _load_jieba_cache() -> None:
    """Fill jieba's default dictionary from the cache file jieba itself would read, in one
    read: ``jieba.initialize`` unmarshals it straight from the file object, which reads
    it piece by piece (0.8 s instead of 0.25 s). Anything unusual (another dictionary, a
    cache folder set, no cache yet, a bad file) is left to jieba's own loader."""
    import jieba as module  # noqa: PLC0415 - heavy, and not needed to plan a run

    dt = module.dt
    if dt.initialized or dt.cache_file or dt.tmp_dir or dt.dictionary != module.DEFAULT_DICT:
        return
    cache = Path(tempfile.gettempdir()) / "jieba.cache"
    try:
        freq, total = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if not isinstance(freq, dict) or not isinstance(total, int):
        return
    with dt.lock:
        if not dt.initialized:
            dt.FREQ, dt.total, dt.initialized = freq, total, True


def preload(own_process: bool = False) -> None:
    """Load the word lists, the gazetteer and jieba's dictionary now, with the cyclic
    garbage collector paused: they are about a million objects that live as long as the
    process, and collections started by the load itself would walk them again and again.
    Before forking, workers share what is loaded here instead of each loading its own
    copy at its first file (about a second each). ``own_process``: this is the command's
    process, not a caller's (see _import_jieba_alone)."""
    from .document import DocInput  # noqa: PLC0415
    from .segment import jieba  # noqa: PLC0415

    paused = gc.isenabled()
    gc.disable()
    try:
        if own_process:
            _import_jieba_alone()
        _load_jieba_cache()
        jieba()
        process_text("。", DocInput(doc_id="warm", path="-", encoding="utf-8"))
    finally:
        if paused:
            gc.enable()


def forked(func: Callable[[], R]) -> Callable[[], R]:
    """Start ``func()`` in a forked child process and return a function that waits for its
    result (or raises its exception), so this process can do other work meanwhile on
    another core. When the child cannot do it (no fork here, it cannot start, it dies, its
    answer cannot be sent back), the waiting function runs ``func()`` here instead: the
    answer never depends on the child."""
    if not sys.platform.startswith("linux"):
        return func
    ctx = mp.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_send_result, args=(sender, func), daemon=True)
    try:
        child.start()
    except OSError:
        receiver.close()
        return func
    finally:
        sender.close()  # the child holds its own end: a child that dies means EOF here

    def wait() -> R:
        try:
            ok, value = receiver.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            return func()
        finally:
            receiver.close()
            child.join()
        if not ok:
            raise value
        return value
    return wait


def _send_result(sender: Any, func: Callable[[], Any]) -> None:
    _worker_init()  # Ctrl-C is the parent's; and this child ends with it
    try:
        result = (True, func())
    except Exception as exc:  # sent back and raised there, as if the parent had run func
        result = (False, exc)
    try:
        sender.send(result)
    except Exception:  # cannot be pickled: the parent, finding nothing, runs func itself
        pass


def pool_imap(func: Callable[[T], R], items: Iterable[T], n_items: int | None, workers: int,
              chunksize: int = 1) -> Iterator[R]:
    """``func`` over ``items`` in order: in this process for one worker or one item, else in
    a pool of forked workers that share the word lists loaded before the fork.
    ``n_items`` (None when not known) caps the pool's size."""
    if workers <= 1 or (n_items is not None and n_items <= 1):
        yield from map(func, items)
        return
    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context()
    if ctx.get_start_method() == "fork":
        preload()
    size = workers if n_items is None else min(workers, n_items)
    with ctx.Pool(size, initializer=_worker_init) as pool:
        yield from pool.imap(func, items, chunksize=chunksize)


def iter_results(jobs: list[Job], options: Options, workers: int,
                 keep_text: bool = True) -> Iterator[tuple[bool, DocResult]]:
    """Results in job order; with workers > 1, from a process pool."""
    # a few files per task: one round trip per file costs more than a short file
    chunk = max(1, min(16, len(jobs) // (max(1, workers) * 8)))
    return pool_imap(_run_star, ((j, options, keep_text) for j in jobs), len(jobs), workers, chunk)


def add_result(tables: dict[str, list[dict[str, Any]]], ok: bool, result: DocResult,
               keep_text: bool = True) -> None:
    """One document's rows into the tables (or its error row)."""
    if not ok:
        tables["errors"].append(result.document)
        return
    if not keep_text:
        result.document["text"] = None
    tables["documents"].append(result.document)
    tables["events"] += result.events
    tables["facts"] += result.facts
    tables["officials"] += result.officials


def collect(jobs: list[Job], options: Options, *, workers: int = 1, progress: bool = False,
            collected: Collected | None = None, keep_text: bool = False) -> Collected:
    """Process every job and gather sorted rows."""
    collected = collected or Collected()
    results = iter_results(jobs, options, workers, keep_text)
    if progress:
        from tqdm import tqdm
        results = tqdm(results, total=len(jobs), unit="file", file=sys.stderr)
    _gather(results, collected, keep_text)
    if progress:
        results.close()  # type: ignore[attr-defined]
        # sorting, checking and writing the rows of a large batch takes seconds: say so
        print("writing tables…", file=sys.stderr, flush=True)
    for table in TABLES:
        collected.tables[table] = sort_rows(table, collected.tables[table])
    return collected


def _gather(results: Iterator[tuple[bool, DocResult]], collected: Collected,
            keep_text: bool) -> None:
    for ok, result in results:
        add_result(collected.tables, ok, result, keep_text)
