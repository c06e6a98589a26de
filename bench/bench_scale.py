"""Archives at scale: files/s and peak memory of `run` on synthetic archives, and resuming.

    python bench/bench_scale.py [--small 3000] [--large 30000] [--skip-dask]

Writes variants of the bundled bulletins (every number shifted per variant, so dates and
figures differ; file names give each its own doc_id) into a temporary folder, then runs
`bulletin-extract run` in a child process on ``--small`` and ``--large`` files with the local
engine (1 and 2 workers) and the Dask engine (2 workers), printing files/s, characters per
second as a ratio to jieba.cut over the same texts in this process, and the peak resident
memory of the largest process (the ratio large/small is the bounded-memory check). Then it
kills a 2-worker run at about half way (SIGKILL) and times `--resume`. Ends with a projection
to 10^6 and 10^7 bulletins on N workers from the measured per-worker rate.
"""
from __future__ import annotations

import argparse
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"[0-9]+")


def write_archive(folder: Path, n: int) -> int:
    """``n`` variants of the bundled bulletins; returns their total characters."""
    sources = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").rglob("*.txt"))
               if "gold" not in p.parts]
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        shift = i % 9
        text = NUMBER.sub(lambda m: str(int(m.group()) + shift) if len(m.group()) < 4 else m.group(),
                          sources[i % len(sources)])
        (folder / f"v{i:07d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def run_cli(args: list[str]) -> tuple[float, int]:
    """Seconds of one `run` in a fresh child, and the peak RSS (KiB) of its largest process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:]).returncode; s = time.perf_counter() - t; "
            "print(r, s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "extract", "run",
                           *args, "--quiet"], capture_output=True, text=True, check=True)
    status, seconds, peak = done.stdout.split()
    if status not in ("0", "1"):
        raise SystemExit(f"run failed (exit {status}): {done.stderr}")
    return float(seconds), int(peak)


def jieba_seconds(folder: Path) -> float:
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    started = time.perf_counter()
    for text in texts:
        list(jieba.cut(text))
    return time.perf_counter() - started


def resume_after_kill(folder: Path, out: Path, total_files: int) -> tuple[float, float]:
    """Kill a 2-worker run at about half its chunks, then time --resume (seconds of each)."""
    cmd = [sys.executable, "-m", "extract", "run", str(folder), "--out", str(out), "--workers", "2",
           "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd)
    chunks = out / ".progress" / "chunks"
    expected = total_files / 256
    while proc.poll() is None:
        done = sum(1 for p in chunks.iterdir() if not p.name.startswith(".")) if chunks.is_dir() else 0
        if done >= expected / 2:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.2)
    proc.wait()
    killed_at = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([*cmd, "--resume"], check=True)
    return killed_at, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=3000)
    parser.add_argument("--large", type=int, default=30000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    engines = [("local", 1), ("local", 2)] + ([] if args.skip_dask else [("dask", 2)])
    peaks: dict[tuple[str, int, int], int] = {}
    rates: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.large):
            folder = Path(tmp) / f"in{n}"
            chars = write_archive(folder, n)
            base = jieba_seconds(folder)
            print(f"{n} files, {chars:,} characters (jieba.cut {chars / base:,.0f} chars/s)")
            for engine, workers in engines:
                out = Path(tmp) / f"out-{n}-{engine}-{workers}"
                seconds, peak = run_cli([str(folder), "--out", str(out), "--workers", str(workers),
                                         "--engine", engine])
                peaks[(engine, workers, n)] = peak
                rates[(engine, workers)] = n / seconds
                print(f"  {engine:5s} {workers} worker{'s' if workers > 1 else ' '} "
                      f"{n / seconds:8.1f} files/s  {chars / seconds:10,.0f} chars/s  "
                      f"ratio to jieba.cut {base / seconds:4.2f}x  peak {peak / 1024:6.0f} MiB")
        for engine, workers in engines:
            small, large = peaks[(engine, workers, args.small)], peaks[(engine, workers, args.large)]
            print(f"peak memory {engine} {workers}: {args.large} files / {args.small} files = "
                  f"{large / small:.2f}x")
        folder = Path(tmp) / f"in{args.large}"
        killed_at, resumed = resume_after_kill(folder, Path(tmp) / "resume", args.large)
        print(f"killed at {killed_at:.1f}s (about half); --resume finished in {resumed:.1f}s")
    per_worker = rates[("local", 2)] / 2
    for total in (10**6, 10**7):
        for workers in (8, 32, 128):
            hours = total / (per_worker * workers) / 3600
            print(f"projection: {total:>10,} bulletins on {workers:3d} workers ~ {hours:6.1f} h "
                  f"({per_worker:.0f} files/s per worker, bulletins like the bundled ones)")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
