"""Cost of one long text: characters per second at 0.1, 1, 4 and 8 MB, in one process.

    python bench/bench_long.py [--sizes 0.1,1,4,8]

The long text is the bundled bulletins (corpus/, held-out folders included) joined
and repeated up to the size in UTF-8 bytes. Each size runs in a fresh process that
first times the bundled bulletins one by one (the reference rate) and jieba's plain
``cut`` over them, then the long text; it prints the long text's rate as a ratio to
both, and the process's peak resident memory. A ratio that stays level as the size
grows means the cost is linear in the length. Needs only the checkout.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ISSUED = date(2025, 1, 1)


def bulletins() -> list[str]:
    from extract.reading import read_path
    files = sorted(p for p in (REPO / "corpus").rglob("*")
                   if p.suffix in (".txt", ".html") and "gold" not in p.parts)
    return [read_path(p).text for p in files]


def long_text(texts: list[str], megabytes: float) -> str:
    """The bulletins joined and repeated to ``megabytes`` of UTF-8."""
    target = int(megabytes * 1_000_000)
    joined = "\n".join(texts) + "\n"
    size = len(joined.encode("utf-8"))
    text = joined * (target // size + 1)
    chars = int(len(text) * target / (size * (target // size + 1)))
    return text[:chars]


def _rate(texts: list[str], run) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for t in texts:
        run(t)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def measure(megabytes: float) -> tuple[float, float, float, int, int]:
    """(long text chars/s, bulletins chars/s, jieba chars/s, chars, peak RSS MiB)."""
    from extract.document import DocInput, process_text
    from extract.segment import jieba

    def run(text: str) -> None:
        process_text(text, DocInput(doc_id="x", path="-", encoding="utf-8", option_date=ISSUED))

    texts = bulletins()
    run(texts[0])  # load the word lists and jieba before timing
    cut = jieba()
    # the bulletins take a fraction of a second: the best of three steadies the reference
    reference = max(_rate(texts, run) for _ in range(3))
    baseline = max(_rate(texts, lambda t: list(cut.cut(t))) for _ in range(3))
    text = long_text(texts, megabytes)
    rate = _rate([text], run)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return rate, reference, baseline, len(text), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,4,8", help="MB of UTF-8, comma list")
    args = parser.parse_args()
    ctx = mp.get_context("fork")
    print(f"{'MB':>5} {'chars':>9} {'chars/s':>9} {'/bulletins':>10} {'/jieba.cut':>10} {'peak MiB':>8}")
    for mb in (float(x) for x in args.sizes.split(",")):
        with ctx.Pool(1) as pool:  # a fresh process: its peak memory is this size's
            rate, reference, baseline, chars, peak = pool.apply(measure, (mb,))
        print(f"{mb:>5g} {chars:>9} {rate:>9.0f} {rate / reference:>10.2f} "
              f"{rate / baseline:>10.2f} {peak:>8}", flush=True)


if __name__ == "__main__":
    main()
