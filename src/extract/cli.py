"""The ``bulletin-extract`` command: a thin wrapper over the library functions."""
from __future__ import annotations

import argparse
import atexit
import gc
import json
import sys
import time
from pathlib import Path

from typing import TYPE_CHECKING

from . import __version__
from .errors import ExtractError, UsageError

if TYPE_CHECKING:
    from .chunks import Progress, RunStats
    from .runner import Collected
    from .writers import Staging
    from .runner import Options

# The pipeline's modules (pandas, pyarrow, the word lists) are imported inside main, so a
# Ctrl-C while they load is handled like any other: one line, exit status 130.

EPILOG_RUN = """\
Inputs: files, folders (searched recursively in sorted order) or - for stdin.
Bulletins are .txt/.text (UTF-8 with or without BOM, GB18030/GBK, Big5; CRLF or LF),
.htm/.html and .docx. A manifest.csv (doc_id,path,issue_date,region,source) gives
metadata for the files beside it. Other files are skipped and counted on stderr.

Writes DIR/{documents,events,facts,officials,errors}.jsonl (and .parquet/.csv with
--format). A file that cannot be read becomes a row in errors.jsonl; the rest go on.

The tables are written to a temporary folder inside DIR and moved into place only
when all are complete: a run that fails or is interrupted leaves DIR as it was.

Exit status: 0 every file was read; 1 some files failed (see errors.jsonl);
2 usage error (bad option, no bulletin files, --out not empty without --force);
3 internal error (a bug: nothing was written; please report it);
4 the tables could not be written (full disk, read-only folder: the previous tables
  in DIR are unchanged); 130 interrupted (Ctrl-C).
"""
EXIT_SUMMARY = ("Exit status: 0 ok, 1 some input files failed, 2 usage error, 3 internal error, "
                "4 tables could not be written, 130 interrupted.")


def _formats(values: list[str]) -> tuple[str, ...]:
    from .writers import FORMATS
    chosen = {"jsonl"}
    for value in values:
        for fmt in filter(None, (v.strip().lower() for v in value.split(","))):
            if fmt not in FORMATS:
                raise UsageError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
            chosen.add(fmt)
    return tuple(f for f in FORMATS if f in chosen)


def _run_parser(sub: argparse._SubParsersAction) -> None:
    from .runner import MAX_DEFAULT_WORKERS, default_workers
    p = sub.add_parser("run", help="extract tables from bulletin files", epilog=EPILOG_RUN,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    p.add_argument("--format", action="append", default=[], metavar="LIST",
                   help="extra formats: parquet,csv (comma list or repeated); jsonl always")
    p.add_argument("--force", action="store_true", help="replace this tool's tables in DIR")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                   help="worker processes (default: this machine's cores, at most "
                        f"{MAX_DEFAULT_WORKERS}; here %(default)s)")
    p.add_argument("--issue-date", metavar="YYYY-MM-DD",
                   help="issue date of files that carry none of their own (the manifest, "
                        "a date in the file name and a masthead date come first)")
    p.add_argument("--region", metavar="NAME|CODE",
                   help="the bulletins' own jurisdiction, e.g. 永州市 or 431100")
    p.add_argument("--encoding", metavar="ENC", help="read every file with this encoding")
    p.add_argument("--max-bytes", type=int, default=20_000_000, metavar="N",
                   help="files larger than this are errors (default 20 MB)")
    p.add_argument("--with-text", action="store_true", help="write documents.text too")
    p.add_argument("--csv-bom", action="store_true",
                   help="start each CSV with a byte-order mark, so Excel reads the Chinese")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: --workers processes here (default); dask: a Dask cluster "
                        "(--scheduler, else a local cluster of --workers processes)")
    p.add_argument("--scheduler", metavar="ADDR",
                   help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run into the same --out: chunks already done "
                        "(same files, same program version) are not read again")
    p.add_argument("--chunk-size", type=int, default=256, metavar="N",
                   help="files per chunk of work and of progress (default %(default)s)")


def _eval_parser(sub: argparse._SubParsersAction) -> None:
    from .evaluate import MATCHING_RULE_HELP
    p = sub.add_parser("eval", help="score predicted tables against gold files",
                       epilog=MATCHING_RULE_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, type=Path, metavar="DIR",
                   help="gold files: DIR/<doc_id>.events.jsonl and .facts.jsonl, or "
                        "DIR/events.jsonl and facts.jsonl with a doc_id column")
    p.add_argument("--pred", required=True, type=Path, metavar="DIR",
                   help="the --out folder of a run (events.jsonl, facts.jsonl)")
    p.add_argument("--metrics", type=Path, metavar="FILE", help="write the metrics as JSON")


EPILOG_VIEW = """\
Writes one self-contained HTML file (styles and scripts inline, nothing fetched) showing
each document's text with every event's and fact's evidence highlighted, the rows beside
it, filters by action, topic, county and official, and the run's error rows.

The text comes from DIR/documents.jsonl when the run was made with --with-text; else each
document's file is read again at the path the run recorded (relative to where the run was
started) and used only if it still has the length the run read (the offsets index it).
"""


def _view_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("view", help="write an HTML page showing every row in its text",
                       epilog=EPILOG_VIEW, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", type=Path, metavar="DIR", help="the --out folder of a finished run")
    p.add_argument("--html", type=Path, metavar="FILE",
                   help="the page to write (default: DIR/view.html)")


EPILOG_LOAD = """\
Writes the five tables of a finished run (DIR holds documents, events, facts, officials and
errors .jsonl) into a database: --db duckdb:///PATH (default DIR/bulletins.duckdb) or
--db postgresql://USER@HOST:PORT/NAME. Lists become arrays, dates DATE; primary keys
documents(doc_id), events(doc_id, event_id), facts(doc_id, fact_id), officials(doc_id, name),
errors(path). Loading again is idempotent: documents that are new are added, changed ones
replaced whole (in one transaction), ones no longer in the run removed, the rest untouched.
Exit status: 0 loaded; 2 DIR is not a finished run, or the database cannot be reached.
"""


def _load_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("load", help="write the tables of a finished run into a database",
                       epilog=EPILOG_LOAD, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", type=Path, metavar="DIR", help="the --out folder of a finished run")
    p.add_argument("--db", metavar="URL",
                   help="duckdb:///PATH (default DIR/bulletins.duckdb) or postgresql://USER@HOST:PORT/NAME")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bulletin-extract",
        description="Turn Chinese local-government work bulletins into tables.",
        epilog=EXIT_SUMMARY)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _run_parser(sub)
    _eval_parser(sub)
    _view_parser(sub)
    _load_parser(sub)
    return parser


def _options(args: argparse.Namespace) -> Options:
    from .metadata import parse_iso_date
    from .runner import Options, check_encoding
    if args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if args.max_bytes < 1:
        raise UsageError("--max-bytes must be 1 or more")
    if args.encoding:
        check_encoding(args.encoding)
    if args.region:
        from .gazetteer import get_gazetteer
        if get_gazetteer().resolve_region(args.region) is None:
            raise UsageError(f"--region {args.region!r}: no such division; give a name "
                             "like 永州市 or a code like 431100")
    return Options(issue_date=parse_iso_date(args.issue_date, "--issue-date"),
                   region=args.region, encoding=args.encoding, max_bytes=args.max_bytes)


def _summary(counts: dict[str, int], out: Path, seconds: float, reused: str = "") -> str:
    return (f"{counts['documents']} documents, {counts['events']} events, "
            f"{counts['facts']} facts, {counts['officials']} officials, "
            f"{counts['errors']} errors in {seconds:.1f}s{reused} -> {out}")


def _check_run_args(args: argparse.Namespace) -> None:
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if args.chunk_size < 1:
        raise UsageError("--chunk-size must be 1 or more")
    if args.resume and args.force:
        raise UsageError("--resume continues a run and --force starts one afresh: give one")


def cmd_run(args: argparse.Namespace) -> int:
    from .chunks import Progress, chunk_paths, merged, merged_lines
    from .runner import no_bulletins
    from .writers import Staging, WriteError, check_out_dir, stream_tables
    started = time.perf_counter()
    # at exit Python collects every object left (about a million, loaded for the files)
    # before ending: 0.2 s for nothing. Frozen, they are just freed (atexit runs first)
    atexit.register(gc.freeze)
    _check_run_args(args)
    formats = _formats(args.format)
    options = _options(args)
    check_out_dir(args.out, force=args.force or args.resume)
    jobs, collected, plans = _plan(args, options)
    if not jobs:
        raise no_bulletins(args.paths, collected)
    if collected.skipped and not args.quiet:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(collected.skipped.items()))
        print(f"skipped {sum(collected.skipped.values())} non-bulletin files ({kinds})",
              file=sys.stderr)
    staging = Staging(args.out, force=args.force or args.resume)  # an unwritable folder fails here
    progress = Progress(args.out)
    try:
        progress.start(options, args.with_text, resume=args.resume)
        stats = _run_with_bar(args, plans, progress, options, len(jobs))
        paths = chunk_paths(plans, progress)
    except KeyboardInterrupt:
        staging.discard()
        _keep_or_drop_progress(progress, staging)
        raise
    except OSError as exc:  # the progress folder could not be written (a full disk)
        progress.remove()
        staging.discard()
        raise WriteError(args.out, exc) from None
    except BaseException:
        progress.remove()  # a bug: nothing of this run is worth resuming
        staging.discard()
        raise
    counts: dict[str, int] = {}

    def write() -> list[Path]:
        paths_written, n = stream_tables(staging.path, lambda t: merged(paths, t), formats,
                                         with_text=args.with_text, csv_bom=args.csv_bom,
                                         lines_of=lambda t, cols: merged_lines(paths, t, cols))
        counts.update(n)
        return paths_written

    staging.stream(write)
    if not args.quiet:
        reused = f", {stats.reused} of {len(plans)} chunks reused" if stats.reused else ""
        print(_summary(counts, args.out, time.perf_counter() - started, reused))
        _print_errors(args.out / "errors.jsonl")
    return 1 if counts["errors"] else 0


Planned = tuple[list, "Collected", list]  # jobs, what was skipped, chunk plans


def _plan(args: argparse.Namespace, options: "Options") -> Planned:
    """The run's jobs and chunks. With more than one worker, found and hashed in a child
    process while this one loads the word lists, the gazetteer and jieba for the workers
    (both take a while, and the workers wait for both); with stdin (read here) or
    --resume (which may find nothing left to do) the load waits until it is needed."""
    def plan() -> Planned:
        from .chunks import plan_chunks
        from .runner import Collected, plan_jobs
        collected = Collected()
        jobs = plan_jobs(args.paths, collected, max_bytes=args.max_bytes)
        return jobs, collected, plan_chunks(jobs, options, args.with_text, size=args.chunk_size)

    if args.workers < 2 or args.engine != "local" or args.resume or "-" in args.paths:
        return plan()
    from .runner import forked, preload
    planned = forked(plan)
    preload(own_process=True)
    return planned()


def _print_errors(path: Path) -> None:
    """One stderr line per error row, read back from the table just written."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            err = json.loads(line)
            print(f"error: {err['error_code']}: {err['message']}", file=sys.stderr)


def _keep_or_drop_progress(progress: "Progress", staging: "Staging") -> None:
    """Interrupted: finished chunks stay for --resume; with none, nothing is left behind."""
    done = progress.finished()
    if done:
        print(f"bulletin-extract: {done} chunks are done; run the same command with --resume "
              "to continue", file=sys.stderr)
    else:
        progress.remove()
        staging.discard()


def _run_with_bar(args: argparse.Namespace, plans: list, progress: "Progress", options: "Options",
                  n_files: int) -> "RunStats":
    from .chunks import run_chunks
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm
        done = sum(len(p.jobs) for p in plans if progress.done(p.key))
        bar = tqdm(total=n_files, initial=done, unit="file", file=sys.stderr)
    try:
        return run_chunks(plans, progress, options, args.with_text, workers=args.workers,
                          engine=args.engine, scheduler=args.scheduler,
                          on_chunk=bar.update if bar else None)
    finally:
        if bar is not None:
            bar.close()
            print("writing tables…", file=sys.stderr, flush=True)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report
    metrics = evaluate(args.gold, args.pred)
    print(format_report(metrics))
    if args.metrics:
        args.metrics.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from .load import load
    report, target = load(args.dir, args.db)
    print(report.line(target), file=sys.stderr)
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from .view import write_view
    target, run = write_view(args.dir, args.html)
    n_rows = sum(len(rows) for rows in run.rows.values())
    print(f"{len(run.documents)} documents, {n_rows} highlighted rows -> {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        end_bar = "\n" if sys.stderr.isatty() else ""  # below a progress bar, if one is shown
        print(f"{end_bar}bulletin-extract: interrupted; no tables were written", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    from .writers import WriteError
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "view":
            return cmd_view(args)
        if args.command == "load":
            return cmd_load(args)
        return cmd_run(args) if args.command == "run" else cmd_eval(args)
    except UsageError as exc:  # eval's input errors are UsageErrors too
        print(f"bulletin-extract: error: {exc}", file=sys.stderr)
        return 2
    except WriteError as exc:
        print(f"bulletin-extract: error: {exc}", file=sys.stderr)
        return 4
    except ExtractError as exc:  # a bug (a row off the contract): nothing was written
        print(f"bulletin-extract: internal error: {exc}; please report it", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
