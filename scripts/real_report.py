#!/usr/bin/env python3
"""Score the pipeline on the real development set, per item and per half.

    python scripts/real_report.py [--halves dev,test,...] [--markdown FILE] [--json FILE]

Runs `bulletin-extract run` over each half of ``corpus/real/`` (its manifest gives the
issue dates and regions), scores it against the half's gold with the project's scorer,
and prints strict and rows-found (key) F1 for events and facts, per half and per item.
The first-contact figures in ``corpus/real/README.md`` were made by running this script
with the code of the commit tagged ``first-contact`` on the import path.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

from extract.cli import main as cli_main
from extract.evaluate import evaluate

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"
# every folder of the set with a manifest: dev, test, then the later fresh pairs (dev2, test2…)
HALVES = sorted((p.name for p in REAL.iterdir() if (p / "manifest.csv").is_file()),
                key=lambda n: (int(n.lstrip("devst") or 1), n.rstrip("0123456789") != "dev"))


def _f1(tp: int, n_gold: int, n_pred: int) -> float:
    return 1.0 if n_gold == n_pred == 0 else 2 * tp / (n_gold + n_pred)


def score_half(half: str) -> dict:
    """Metrics of one half: the scorer's totals and a row per item."""
    folder = REAL / half
    with tempfile.TemporaryDirectory() as out:
        status = cli_main(["run", str(folder), "--out", out, "--force", "--quiet", "--workers", "2"])
        if status not in (0, 1):
            raise SystemExit(f"run failed on {folder} (exit {status})")
        metrics = evaluate(folder / "gold", Path(out))
    return metrics


def item_rows(metrics: dict, info: dict[str, dict[str, str]]) -> list[dict]:
    rows = []
    for doc in metrics["documents"]:
        ev, fa = doc["events"], doc["facts"]
        meta = info.get(doc["doc_id"], {})
        rows.append({
            "doc_id": doc["doc_id"], "province": meta.get("province", ""),
            "level": meta.get("level", ""), "story_type": meta.get("story_type", ""),
            "gold_events": ev["n_gold"], "gold_facts": fa["n_gold"],
            "events_strict": _f1(ev["strict"], ev["n_gold"], ev["n_pred"]),
            "events_key": _f1(ev["matched"], ev["n_gold"], ev["n_pred"]),
            "facts_strict": _f1(fa["strict"], fa["n_gold"], fa["n_pred"]),
            "facts_key": _f1(fa["matched"], fa["n_gold"], fa["n_pred"]),
        })
    return rows


def totals(metrics: dict) -> dict[str, float]:
    return {f"{table}_{kind}": metrics[table][name]["f1"]
            for table in ("events", "facts") for kind, name in (("strict", "strict"), ("key", "matched"))}


def _read_info() -> dict[str, dict[str, str]]:
    with (REAL / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return {row["doc_id"]: row for row in csv.DictReader(fh)}


def _markdown(half: str, total: dict[str, float], rows: list[dict]) -> str:
    lines = [f"### {half}: events strict {total['events_strict']:.3f} (rows found "
             f"{total['events_key']:.3f}), facts strict {total['facts_strict']:.3f} "
             f"(rows found {total['facts_key']:.3f})", "",
             "| item | province | level | type | gold events / facts | events strict / found | facts strict / found |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['doc_id']} | {r['province']} | {r['level']} | {r['story_type']} | "
                     f"{r['gold_events']} / {r['gold_facts']} | {r['events_strict']:.2f} / "
                     f"{r['events_key']:.2f} | {r['facts_strict']:.2f} / {r['facts_key']:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--halves", default=",".join(HALVES),
                        help="comma-separated folders of corpus/real (default: all of them)")
    parser.add_argument("--markdown", type=Path, help="write the per-item tables here")
    parser.add_argument("--json", type=Path, help="write totals and items as JSON here")
    args = parser.parse_args(argv)
    info = _read_info()
    report, parts = {}, []
    for half in args.halves.split(","):
        metrics = score_half(half)
        total, rows = totals(metrics), item_rows(metrics, info)
        report[half] = {"totals": total, "items": rows}
        print(f"{half:5s} " + "  ".join(f"{k} {v:.3f}" for k, v in total.items()))
        parts.append(_markdown(half, total, rows))
    if args.markdown:
        args.markdown.write_text("\n".join(parts), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
