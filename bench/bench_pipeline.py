"""End-to-end speed and memory of the pipeline, next to jieba's plain cut, in one process.

    python bench/bench_pipeline.py [--limit N] [--text PATH]

Prints characters per second of jieba.lcut (the baseline), of the whole pipeline
(reading excluded: texts are in memory) with 1 and 2 worker processes, their
ratios, and the peak resident memory of each worker. Ratios, not seconds, are
what to compare across machines. Needs ../shared/data/text/xwlb_2024.jsonl.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO.parent / "shared" / "data" / "text" / "xwlb_2024.jsonl"


def load_items(path: Path, limit: int | None) -> list[tuple[str, date]]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            d = rec["date"]
            items.append((rec["text"], date(int(d[:4]), int(d[4:6]), int(d[6:8]))))
            if limit and len(items) >= limit:
                break
    return items


def _process(item: tuple[int, str, date]) -> tuple[int, int, int]:
    """Run the pipeline on one text; return (events, facts, peak RSS in KiB of this worker)."""
    from extract.document import DocInput, process_text
    n, text, issued = item
    result = process_text(text, DocInput(doc_id=f"d{n}", path="-", encoding="utf-8",
                                         option_date=issued))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(result.events), len(result.facts), peak


def _warm() -> None:
    """Load every word list and jieba's dictionary before timing (a worker does it once)."""
    from extract.document import DocInput, process_text
    from extract.segment import jieba
    jieba()
    process_text("10月11日，市长陈爱林赴双牌县调研。", DocInput("w", "-", "utf-8", option_date=date(2024, 1, 1)))


def run_pipeline(items: list[tuple[str, date]], workers: int) -> tuple[float, int, int, int]:
    jobs = [(n, t, d) for n, (t, d) in enumerate(items)]
    started = time.perf_counter()
    if workers == 1:
        _warm()
        started = time.perf_counter()
        results = [_process(j) for j in jobs]
    else:
        with mp.get_context("fork").Pool(workers, initializer=_warm) as pool:
            pool.map(_warm_noop, range(workers))  # make sure every worker has loaded its data
            started = time.perf_counter()
            results = pool.map(_process, jobs, chunksize=16)
    seconds = time.perf_counter() - started
    return (seconds, sum(r[0] for r in results), sum(r[1] for r in results),
            max(r[2] for r in results))


def _warm_noop(_: int) -> None:
    return None


def run_jieba(items: list[tuple[str, date]]) -> float:
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    for text, _ in items:
        jieba.lcut(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT)
    parser.add_argument("--limit", type=int, default=None, help="first N items only")
    args = parser.parse_args()
    if not args.text.exists():
        print(f"skipped: {args.text} not found (needs ../shared)")
        return 0
    items = load_items(args.text, args.limit)
    chars = sum(len(t) for t, _ in items)
    print(f"{len(items)} items, {chars:,} characters")
    base = run_jieba(items)
    print(f"jieba.lcut              {chars / base:12,.0f} chars/s  (baseline)")
    one = run_pipeline(items, 1)
    print(f"pipeline, 1 worker      {chars / one[0]:12,.0f} chars/s  ratio to jieba "
          f"{base / one[0]:.2f}x  ({one[1]} events, {one[2]} facts; peak {one[3] / 1024:.0f} MiB)")
    two = run_pipeline(items, 2)
    print(f"pipeline, 2 workers     {chars / two[0]:12,.0f} chars/s  ratio to jieba "
          f"{base / two[0]:.2f}x  speed-up over 1 worker {one[0] / two[0]:.2f}x "
          f"(peak per worker {two[3] / 1024:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
