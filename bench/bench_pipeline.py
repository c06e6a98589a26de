"""Speed and memory of the pipeline's paths, next to jieba's plain cut, in one process.

    python bench/bench_pipeline.py [--limit N] [--batch N] [--text PATH]

Over the first ``--limit`` news items (default 300) of ../shared/data/text/xwlb_2024.jsonl,
prints characters per second and the ratio to ``jieba.cut`` (run before and after each
path in the same process; the ratio uses their mean, so a machine that slows down
during the run does not flatter either side) of:

- the core (``process_text``: reading done, text to rows);
- ``extract_text`` called once per item (the public API, frames built only on use);
- ``extract_text`` with every table's DataFrame built, as a notebook would;
- ``extract_texts`` over all items in one call, with 1 and 2 workers;
- the CLI batch (``bulletin-extract run`` in a child process, over ``--batch`` items written
  as files with a manifest, default 3000), with 1 and 2 workers: files/s, chars/s, ratio,
  the speed-up of 2 workers over 1, and the peak resident memory of the largest process.

Ratios, not seconds, are what to compare across machines. Skips (exit 0) without ../shared.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO.parent / "shared" / "data" / "text" / "xwlb_2024.jsonl"

Item = tuple[str, date]
WARM_ITEMS = 300  # items after the timed ones, run once before timing (rare patterns compile late)


def load_items(path: Path, limit: int) -> list[Item]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            d = rec["date"]
            items.append((rec["text"], date(int(d[:4]), int(d[4:6]), int(d[6:8]))))
            if len(items) >= limit:
                break
    return items


def _jieba(items: list[Item]) -> float:
    import jieba
    started = time.perf_counter()
    for text, _ in items:
        list(jieba.cut(text))
    return time.perf_counter() - started


def _timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _core(items: list[Item]) -> None:
    from extract.document import DocInput, process_text
    for n, (text, issued) in enumerate(items):
        process_text(text, DocInput(doc_id=f"d{n}", path="-", encoding="utf-8", option_date=issued))


def _api(items: list[Item], frames: bool) -> None:
    from extract import extract_text
    for text, issued in items:
        out = extract_text(text, issue_date=issued)
        if frames:
            for table in ("documents", "events", "facts", "officials", "errors"):
                getattr(out, table)


def _api_many(items: list[Item], workers: int) -> None:
    from extract import extract_texts
    extract_texts(({"text": t, "issue_date": d} for t, d in items), workers=workers)


def report(label: str, items: list[Item], work: Callable[[], Any]) -> float:
    """Time ``work`` between two jieba runs over the same items; print and return the ratio."""
    chars = sum(len(t) for t, _ in items)
    before = _jieba(items)
    seconds = _timed(work)
    after = _jieba(items)
    ratio = (before + after) / 2 / seconds
    print(f"{label:34s} {chars / seconds:12,.0f} chars/s   ratio to jieba.cut {ratio:5.2f}x")
    return ratio


def _write_batch(items: list[Item], folder: Path) -> None:
    rows = ["doc_id,path,issue_date,region,source"]
    for n, (text, issued) in enumerate(items):
        (folder / f"n{n:05d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"n{n:05d},n{n:05d}.txt,{issued.isoformat()},,")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _cli(folder: Path, out: Path, workers: int) -> tuple[float, int]:
    """Seconds of one `run` in a child process, and the peak RSS (KiB) of its largest process."""
    command = [sys.executable, "-m", "extract", "run", str(folder), "--out", str(out), "--force",
               "--quiet", "--workers", str(workers)]
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:]).returncode; s = time.perf_counter() - t; "
            "print(r, s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    # a fresh parent per run, so the peak of one run is not the peak of an earlier one
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True,
                          check=True)
    status, seconds, peak = done.stdout.split()
    if status not in ("0", "1"):
        raise SystemExit(f"bulletin-extract run failed (exit {status}): {done.stderr}")
    return float(seconds), int(peak)


def report_cli(items: list[Item]) -> None:
    chars = sum(len(t) for t, _ in items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        _write_batch(items, folder)
        one_s = two_s = 0.0
        for workers in (1, 2):
            before = _jieba(items)
            seconds, peak = _cli(folder, Path(tmp) / f"out{workers}", workers)
            after = _jieba(items)
            ratio = (before + after) / 2 / seconds
            one_s, two_s = (seconds, two_s) if workers == 1 else (one_s, seconds)
            print(f"CLI batch, {workers} worker{'s' if workers > 1 else ' '}            "
                  f"{chars / seconds:12,.0f} chars/s   ratio to jieba.cut {ratio:5.2f}x   "
                  f"{len(items) / seconds:7.1f} files/s   peak per process {peak / 1024:.0f} MiB")
        print(f"CLI batch, 2 workers over 1: {one_s / two_s:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT)
    parser.add_argument("--limit", type=int, default=300, help="items for the API paths")
    parser.add_argument("--batch", type=int, default=3000, help="items for the CLI batch")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI batch runs")
    args = parser.parse_args()
    if not args.text.exists():
        print(f"skipped: {args.text} not found (needs ../shared)")
        return 0
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    warm = load_items(args.text, args.limit + WARM_ITEMS)
    items, spare = warm[:args.limit], warm[args.limit:]
    # word lists loaded and every pattern compiled before any timing, on items that are not
    # timed (the same texts again would flatter any cache keyed on text); and pandas
    _core(spare)
    _api(spare[:5], frames=True)
    print(f"{len(items)} items, {sum(len(t) for t, _ in items):,} characters")
    report("core (process_text)", items, lambda: _core(items))
    report("extract_text per item", items, lambda: _api(items, frames=False))
    report("extract_text per item, all frames", items, lambda: _api(items, frames=True))
    report("extract_texts, 1 worker", items, lambda: _api_many(items, 1))
    report("extract_texts, 2 workers", items, lambda: _api_many(items, 2))
    print(f"peak memory of this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if not args.no_cli:
        batch = load_items(args.text, args.batch)
        print(f"CLI batch: {len(batch)} files, {sum(len(t) for t, _ in batch):,} characters")
        report_cli(batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
