"""Measure the place / official / organisation recognizers (not a test).

    PYTHONPATH=src .venv/bin/python bench/bench_officials.py [--limit N] [--misses K]

- People's Daily 1998 dev: on sentences containing a title word, precision / recall
  / F1 of official names against the PER spans written right after a title word
  (市长张三) or right before one (张三市长), with examples of misses;
- CLUENER2020 train: recall of `position` spans (by our title spans) and
  `government` spans (by our organisations), exact and overlapping;
- the real bulletin: acting officials with gold titles, references, county-level
  units with codes, false officials;
- speed: chars/s of parse_places + parse_officials over the xwlb 2024 transcripts,
  next to jieba.cut in the same run.
Skips cleanly when ../shared is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from extract.gazetteer import get_gazetteer, parse_places  # noqa: E402
from extract.officials import get_grammar, parse_officials, parse_titles  # noqa: E402
from extract.orgs import parse_orgs  # noqa: E402

COUNTY_UNITS = ["冷水滩区", "零陵区", "祁阳市", "双牌县", "道县", "江永县", "江华瑶族自治县", "宁远县",
                "新田县", "蓝山县", "金洞管理区", "回龙圩管理区", "永州经济技术开发区"]
REFERENCES = ["习近平", "伟明", "剑锋", "迎春"]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_bio(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    sents, chars, tags = [], [], []

    def flush() -> None:
        if chars:
            text, spans, start, label = "".join(chars), [], None, None
            for i, t in enumerate(tags + ["O"]):
                if start is not None and not t.startswith("I-"):
                    spans.append((start, i, label))
                    start = None
                if t.startswith("B-"):
                    start, label = i, t[2:]
            sents.append((text, spans))
        chars.clear()
        tags.clear()

    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if len(parts) != 2:
            flush()
            continue
        chars.append(parts[0])
        tags.append(parts[1])
    flush()
    return sents


def bench_peoples_daily(misses: int) -> None:
    path = SHARED / "data" / "ner" / "peoples_daily_1998.dev.bio"
    g = get_grammar()
    rank_re = g.rank_re
    tp = n_pred = n_gold = 0
    miss_fn, miss_fp = [], []
    n_sent = 0
    for text, spans in read_bio(path):
        ranks = list(rank_re.finditer(text))
        if not ranks:
            continue
        n_sent += 1
        rank_ends = {m.end() for m in ranks}
        rank_starts = {m.start() for m in ranks}
        gold = {(s, e) for s, e, lab in spans if lab == "PER" and (s in rank_ends or e in rank_starts)}
        # pairs written next to each other, as the gold is built; a later bare mention
        # of a titled name and names sharing one title (甲、乙) are not such pairs
        pred = {(o.name_start, o.name_end) for o in parse_officials(text)
                if o.title_end == o.name_start or o.name_end == o.title_start}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
        for s, e in sorted(gold - pred)[:1]:
            miss_fn.append(text[max(0, s - 10):e + 6].replace(text[s:e], f"[{text[s:e]}]"))
        for s, e in sorted(pred - gold)[:1]:
            miss_fp.append(text[max(0, s - 10):e + 6].replace(text[s:e], f"<{text[s:e]}>"))
    p, r, f = prf(tp, n_pred, n_gold)
    print(f"People's Daily dev: {n_sent} title sentences, gold {n_gold}, pred {n_pred}, "
          f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print("  missed (gold [name]):", *miss_fn[:misses], sep="\n    ")
    print("  spurious (<name>):", *miss_fp[:misses], sep="\n    ")


def bench_cluener() -> None:
    """Recall of CLUENER position spans by our title chains (all of them, and those
    holding a rank word of our grammar: most positions are 记者, 教练 …, outside an
    official-title grammar), and of government spans by our organisations."""
    path = SHARED / "data" / "ner" / "cluener2020.train.jsonl"
    rank_re = get_grammar().rank_re
    # kind -> [gold, exact, overlap]
    counts = {k: [0, 0, 0] for k in ("position", "position (official rank)", "government")}
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        text, label = d["text"], d.get("label", {})
        if "position" in label:
            titles = [(t.start, t.end) for t in parse_titles(text)]
            for spans in label["position"].values():
                for s, e in spans:
                    e += 1
                    hit = ((s, e) in titles, any(ts < e and s < te for ts, te in titles))
                    kinds = ["position"] + (["position (official rank)"] if rank_re.search(text[s:e]) else [])
                    for k in kinds:
                        counts[k][0] += 1
                        counts[k][1] += hit[0]
                        counts[k][2] += hit[1]
        if "government" in label:
            orgs = [(o.start, o.end) for o in parse_orgs(text)]
            for spans in label["government"].values():
                for s, e in spans:
                    e += 1
                    c = counts["government"]
                    c[0] += 1
                    c[1] += (s, e) in orgs
                    c[2] += any(os < e and s < oe for os, oe in orgs)
    for k, (n, exact, overlap) in counts.items():
        print(f"CLUENER {k}: {n} spans, recall exact {exact / n:.3f}, overlapping {overlap / n:.3f}")


def bench_bulletin() -> None:
    text = (REPO / "corpus" / "yongzhou-2024-10-12.txt").read_text(encoding="utf-8")
    gold = {}
    for line in (SHARED / "gold" / "yongzhou-2024-10-12.events.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d.get("official"):
            gold[d["official"]] = d["title"]
    gaz = get_gazetteer()
    region = gaz.infer_region(text)
    print(f"bulletin: inferred region {region.name if region else None} {region.code if region else ''}")
    offs = parse_officials(text, region=region.code if region else None)
    actors = {o.name: o.title for o in offs if not o.is_reference}
    refs = {o.name for o in offs if o.is_reference}
    exact = sum(actors.get(n) == t for n, t in gold.items())
    false = sorted(set(actors) - set(gold))
    print(f"  acting officials with exact gold title: {exact}/{len(gold)}; false officials: {len(false)} {false}")
    for n, t in gold.items():
        if actors.get(n) != t:
            print(f"    miss {n}: gold {t!r} got {actors.get(n)!r}")
    print(f"  references flagged: {sum(r in refs for r in REFERENCES)}/{len(REFERENCES)} {sorted(refs)}")
    places = parse_places(text, region=region.code if region else None)
    found = {p.name: p.code for p in places if p.level == "county"}
    ok = [u for u in COUNTY_UNITS if u in found]
    print(f"  county-level units found: {len(ok)}/{len(COUNTY_UNITS)}; "
          + ", ".join(f"{u} {found.get(u)}" for u in COUNTY_UNITS))
    print("  townships:", [(p.text, p.name, p.code, p.county_name) for p in places if p.level == "township"])
    print("  orgs:", [o.name for o in parse_orgs(text, region=region.code if region else None)])


def bench_speed(limit: int) -> None:
    import jieba

    texts = []
    for i, line in enumerate((SHARED / "data" / "text" / "xwlb_2024.jsonl").open(encoding="utf-8")):
        if i >= limit:
            break
        texts.append(json.loads(line)["text"])
    n = sum(map(len, texts))
    get_gazetteer(), get_grammar()
    jieba.initialize()
    t = time.perf_counter()
    for x in texts:
        list(jieba.cut(x))
    tj = time.perf_counter() - t
    t = time.perf_counter()
    for x in texts:
        parse_places(x)
        parse_officials(x)
    to = time.perf_counter() - t
    print(f"speed over {len(texts)} xwlb items, {n} chars: places+officials {n / to:,.0f} chars/s, "
          f"jieba.cut {n / tj:,.0f} chars/s, ratio {tj / to:.2f}x jieba")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=10**9, help="xwlb items for the speed run")
    ap.add_argument("--misses", type=int, default=15)
    args = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared is absent: nothing to measure")
        return 0
    bench_bulletin()
    bench_peoples_daily(args.misses)
    bench_cluener()
    bench_speed(args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
