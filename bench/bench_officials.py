"""Measure the place / official / organisation recognizers (not a test).

    PYTHONPATH=src .venv/bin/python bench/bench_officials.py [--limit N] [--misses K]

- People's Daily 1998 dev: on sentences containing a title word (a fixed list,
  ``GOLD_TITLES``, so runs before and after a grammar change count the same gold),
  precision / recall / F1 of official names against the PER spans written right after
  a title word (市长张三) or right before one (张三上将), with examples of misses, and
  recall per category of gold pair (transliterated names, national bodies, military
  ranks, 和 inside a name, two titled officials joined by 和/与);
- CLUENER2020 train: the same pairs built from `name` spans next to `position` spans
  that end with a gold title word, P / R / F1 and per category;
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
import re
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


# Title words that make a gold pair (fixed here, not read from the grammar, so that
# extending the grammar does not move the gold): official ranks of the grammar before
# issue 10, titles of foreign heads and envoys, military ranks.
GOLD_TITLES = """总书记 书记 副书记 第一书记 常委 主任委员 主席 主任 秘书长 部长 局长 厅长 处长 科长
所长 院长 检察长 庭长 队长 支队长 团长 大队长 政委 政治委员 司令员 参谋长 组长 会长 社长 行长 校长
站长 董事长 总经理 经理 总裁 总理 国务委员 委员长 国家主席 省长 州长 市长 县长 区长 旗长 镇长 乡长
巡视员 调研员 督察长 总工程师 总经济师 总会计师 指挥长 总指挥 盟长 总统 首相 国务卿 议长 大使 外长
外相 国王 女王 王储 总督 领事 总领事 大臣 司令 军长 师长 旅长 上将 中将 少将 大校""".split()
FOREIGN_TITLES = "总统 首相 国务卿 议长 大使 外长 外相 国王 女王 王储 总督 大臣 领事 总领事".split()
MILITARY_RANKS = "上将 中将 少将 大校".split()
HAN_BREAK = re.compile(r"[^\u4e00-\u9fff]")
NATIONAL_BODIES = ("全国政协", "全国人大", "国务院", "中央军委", "中央", "驻", "大使", "领事", "部长")


def _title_re() -> "re.Pattern[str]":
    # a modifier belongs to the title word (素帕猜|副总理)
    return re.compile("(?:常务副|副|代)?(?:" + "|".join(sorted(map(re.escape, GOLD_TITLES), key=len, reverse=True)) + ")")


def gold_pairs(text: str, persons: list[tuple[int, int]], titles: list[tuple[int, int]]
               ) -> dict[tuple[int, int], set[str]]:
    """Person spans written right after a title (市长张三) or right before one (张三上将),
    each with its categories."""
    ends = {e: s for s, e in titles}
    starts = {s: e for s, e in titles}
    out: dict[tuple[int, int], set[str]] = {}
    for s, e in persons:
        if s not in ends and e not in starts:
            continue
        title = text[ends[s]:s] if s in ends else text[e:starts[e]]
        before = text[max(0, (ends.get(s, s)) - 12):s]
        cats = set()
        if any(t in title for t in FOREIGN_TITLES) or "·" in text[s:e] or "•" in text[s:e]:
            cats.add("foreign title / transliterated")
        if any(b in before for b in NATIONAL_BODIES):
            cats.add("national body / embassy")
        if e in starts and title in MILITARY_RANKS:
            cats.add("military rank after name")
        if "和" in text[s:e]:
            cats.add("和 inside a name")
        if s in ends and any(pe < s - 1 and pe >= s - 14 and text[pe] in "和与" and ps in ends
                             and not HAN_BREAK.search(text, pe, s) for ps, pe in persons):
            cats.add("two titled officials joined by 和/与")
        out[(s, e)] = cats
    return out


def predicted_pairs(text: str) -> set[tuple[int, int]]:
    # pairs written next to each other, as the gold is built; a later bare mention
    # of a titled name and names sharing one title (甲、乙) are not such pairs
    return {(o.name_start, o.name_end) for o in parse_officials(text)
            if o.title and (o.title_end == o.name_start or o.name_end == o.title_start)}


class Score:
    """tp / predicted / gold, overall and per category (recall only: a false pair has no
    gold category)."""

    def __init__(self) -> None:
        self.tp = self.n_pred = self.n_gold = 0
        self.cats: dict[str, list[int]] = {}
        self.fn: list[str] = []
        self.fp: list[str] = []

    def add(self, text: str, gold: dict[tuple[int, int], set[str]], pred: set[tuple[int, int]]) -> None:
        self.tp += len(gold.keys() & pred)
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        for span, cats in gold.items():
            for c in cats:
                self.cats.setdefault(c, [0, 0])
                self.cats[c][0] += 1
                self.cats[c][1] += span in pred
        for s, e in sorted(gold.keys() - pred)[:1]:
            self.fn.append(text[max(0, s - 10):e + 6].replace(text[s:e], f"[{text[s:e]}]"))
        for s, e in sorted(pred - gold.keys())[:1]:
            self.fp.append(text[max(0, s - 10):e + 6].replace(text[s:e], f"<{text[s:e]}>"))

    def report(self, label: str, misses: int) -> None:
        p, r, f = prf(self.tp, self.n_pred, self.n_gold)
        print(f"{label}: gold {self.n_gold}, pred {self.n_pred}, P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for c, (n, hit) in sorted(self.cats.items()):
            print(f"    {c}: {hit}/{n} recall {hit / n:.3f}")
        print("  missed (gold [name]):", *self.fn[:misses], sep="\n    ")
        print("  spurious (<name>):", *self.fp[:misses], sep="\n    ")


def bench_peoples_daily(misses: int) -> None:
    path = SHARED / "data" / "ner" / "peoples_daily_1998.dev.bio"
    title_re = _title_re()
    score, n_sent = Score(), 0
    for text, spans in read_bio(path):
        titles = [m.span() for m in title_re.finditer(text)]
        if not titles:
            continue
        n_sent += 1
        gold = gold_pairs(text, [(s, e) for s, e, lab in spans if lab == "PER"], titles)
        score.add(text, gold, predicted_pairs(text))
    score.report(f"People's Daily dev: {n_sent} title sentences", misses)


def bench_cluener_pairs(misses: int) -> None:
    """CLUENER name spans next to a position span that ends with a gold title word."""
    title_re = _title_re()
    score, n_sent = Score(), 0
    for line in (SHARED / "data" / "ner" / "cluener2020.train.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        text, label = d["text"], d.get("label", {})
        titles = [m.span() for m in title_re.finditer(text)]
        if not titles:
            continue
        positions = [(s, e + 1) for spans in label.get("position", {}).values() for s, e in spans]
        # a title word counts only where CLUENER marks a position ending with it
        titles = [(s, e) for s, e in titles if any(pe == e and ps <= s for ps, pe in positions)]
        if not titles:
            continue
        n_sent += 1
        persons = [(s, e + 1) for spans in label.get("name", {}).values() for s, e in spans]
        pred = {(s, e) for s, e in predicted_pairs(text)
                if any(pe == s or ps == e for ps, pe in positions)}
        score.add(text, gold_pairs(text, persons, titles), pred)
    score.report(f"CLUENER name+position: {n_sent} sentences", misses)


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
    bench_cluener_pairs(args.misses)
    bench_cluener()
    bench_speed(args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
