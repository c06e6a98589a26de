"""Date and quantity recognizers side by side with JioNLP (a benchmark, not a test).

    python bench/bench_recognizers.py [--xwlb-items 500]   (needs ../shared and the bench extra)

Needs ``../shared/data`` (the peers' dev suites, the xwlb text, the real bulletin) and
``jionlp`` (``pip install jionlp``, the ``bench`` extra); skips with a message when either
is missing. Prints per-category accuracy for both tools on the same cases (the peers' dev
suites and this project's own check sentences, ``bench/data/timex_checks.tsv``), the cases
skipped or judged differently (with the reason), false positives on the real bulletin and
on xwlb items, and the speed of date + quantity recognition against ``jieba.cut``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from extract.quantity import parse_number, parse_quantities  # noqa: E402
from extract.resources import read_table  # noqa: E402
from extract.timex import parse_dates  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")

# ---------------------------------------------------------------- time cases: categories

# Forms left out, each with why; checked in this order, first hit wins.
SKIP_RULES: list[tuple[str, str]] = [
    ("lunar calendar, festivals, solar terms (not bulletin dates)",
     r"农历|廿|除夕|春节|元宵|端午|中秋|七夕|腊月|闰|冬至|小寒|节|正月|初[一二三四五六七八九十]|大年|元旦"),
    ("Chinese month-day without 日/号 (JioNLP reads some as lunar: 二月十五)",
     r"^[^日号]*[一二三四五六七八九十]月[一二三四五六七八九十]+$"),
    ("seasons and holidays", r"[春夏秋冬]|暑假|寒假"),
    ("centuries and decades", r"世纪|年代"),
    ("weekdays without a week word (周二, 星期天, 第3个星期日, 周末): before or after the issue date",
     r"(?<![上下这本个周拜期])(?:周|星期|礼拜)[一二三四五六日天末]|第.个?(?:星期|礼拜|周)[一二三四五六日天]|周末"),
    ("offsets and open-ended spans (N年后, 近30天, 年底前, 从…起)",
     r"(?<![0-9零〇一二三四五六七八九十两])[0-9一二三四五六七八九十两半多]{1,3}个?(?:年|月|天|日|周|小时|分钟|钟头|秒|季度|刻钟|工作日)[半多]?(?:后|前|以来|以内|以前|之后|之前|内|里)"
     r"|^(?:未来|过去|最近|近|过)|(?:前|之前|以前|以后|之后)$|起$|^前[0-9一二三四五六七八九十两]|现在|[0-9一二三四五六七八九十两]+天后"
     r"|前[0-9一二三四五六七八九十两]+个?天"),
    ("fuzzy boundaries (年底, 月底, 季度末, 年初, 伊始, 首月, 后三月)",
     r"底|末|年初|伊始|首月|后[一二三四五六七八九十两0-9]+个?月"),
    ("ordinal days and years (第三天, 第七年)", r"第[一二三四五六七八九十0-9]+[天年]"),
    ("clock time without a day",
     r"^(?!.*(?:[月日号天周]|今|昨|明|\d{4}[-/.]\d)).*(?:点|[0-9]:[0-9]|时|[上下中]午|晚上|早上|夜间|白天)|次日|白天|黎明"),
    ("bare digit strings and two-digit years alone (2018, 20240307, 三三年): numbers in running text",
     r"^[0-9]+$|^[零一二三四五六七八九]{2}年$"),
    ("bare day of month (30日, 8号…)", r"^[0-9一二三四五六七八九十]+[日号]"),
    ("numeric month-day without a year (09-01 20:01)", r"^\d{2}-\d{2}"),
    ("enumerated days (9月10号，11号，…)", r"[号日][，、][0-9]+[号日]"),
    ("two-year relative words (今明两年)", r"今明|明后"),
]


# The categories added with weeks (issue 10), checked before the older ones; a case goes to the
# first that fits. Period words are the words the older categories did not read (前N月 without 个).
_TRADITIONAL = "".join(t for t, _ in read_table("timex_traditional.tsv"))
NEW_CATEGORIES: list[tuple[str, str]] = [
    ("Traditional characters", f"[{_TRADITIONAL}]"),
    ("two-digit years", r"(?<![0-9零〇一二三四五六七八九])[0-9零〇一二三四五六七八九]{2}年"),
    ("weeks", r"周|星期|礼拜"),
    ("period words", r"首季|前[0-9一二三四五六七八九十两]+月|这一年|[今上去明下]一?年度|下一?年|本日|全天|前日|前晚"),
]


def categorize(text: str) -> str:
    cat = next((c for c, rx in NEW_CATEGORIES if re.search(rx, text)), None)
    if cat:
        return cat
    if re.search(r"至|到|—|-|~|～", text) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}.*", text):
        return "ranges"
    if re.search(r"今|昨|前天|明天|明日|后天|本月|上个?月|下个?月|当月|这个?月|这周|本周|上周|上一年|去年|前年|明年", text) and not re.search(
            r"今年[0-9一二三四五六七八九十]+月|前三季度|前[0-9一二三四五六七八九十]+个月|去年[0-9一二三四五六七八九十]+月", text):
        return "relative days/months/years"
    if re.search(r"季度|半年|旬|前[0-9一二三四五六七八九十]+个月", text) or not re.search(r"[日号]|\d+[./-]\d+[./-]\d+", text):
        return "months, quarters, halves, years"
    return "absolute days"


def to_ref(base: object) -> date | None:
    """The reference date of a JioNLP case (unix ts in UTC+8, ISO string, list or dict)."""
    if isinstance(base, (int, float)):
        return datetime.fromtimestamp(base, TZ).date()
    if isinstance(base, str):
        return date.fromisoformat(base[:10])
    if isinstance(base, list) and base:
        return date(base[0], *(base[1:3] + [1, 1][: 3 - len(base[1:3]) - 1]))
    if isinstance(base, dict) and "year" in base:
        return date(base["year"], base.get("month", 1), base.get("day", 1))
    return None


def nearest_rule_differs(text: str, expected: tuple[str, str], ref: date) -> str | None:
    """Month-day / dekad without a year where JioNLP's expectation breaks the contract's year rules."""
    if re.search(r"[0-9]{2,4}年|[零一二三四五六七八九]{2,4}年|今年|去年|明年|前年|上个?月|下个?月|本月|当月", text):
        return None
    m = re.search(r"([0-9一二三四五六七八九十]+)月([0-9一二三四五六七八九十]+)[日号]", text)
    exp_year = int(expected[0][:4])
    if m and not re.search(r"旬", text):
        mo, d = parse_number(m.group(1)), parse_number(m.group(2))
        try:
            best = min((abs((date(y, int(mo), int(d)) - ref).days), y) for y in (ref.year - 1, ref.year, ref.year + 1))[1]
        except (TypeError, ValueError):
            return None
        if best != exp_year:
            return f"month-day without a year: nearest to {ref} is {best}, JioNLP expects {exp_year}"
    if re.search(r"旬", text):
        m2 = re.search(r"([0-9一二三四五六七八九十]+)月", text)
        if m2:
            mo = int(parse_number(m2.group(1)) or 1)
            y = ref.year if date(ref.year, mo, 1) <= ref else ref.year - 1
            if y != exp_year:
                return f"dekad without a year: latest year begun by {ref} is {y}, JioNLP expects {exp_year}"
    return None


def year_week_differs(text: str, expected: tuple[str, str]) -> str | None:
    """第N周 of a year: the contract counts ISO 8601 weeks, JioNLP from the year's first Monday
    (they differ when 1 January is a Tuesday, Wednesday or Thursday)."""
    m = re.search(r"([0-9]{2,4}|[零〇一二三四五六七八九]{2,4})年第([0-9一二三四五六七八九十]+)个?(?:周|星期|礼拜)", text)
    if not m:
        return None
    ours = parse_dates(text, ref_date=expected[0])
    if ours and ours[0].date_start != expected[0]:
        return f"week of a year: ISO 8601 gives {ours[0].date_start}, JioNLP expects {expected[0]}"
    return None


def ours_time(text: str, ref: date) -> tuple[str, str] | None:
    ms = parse_dates(text, ref_date=ref)
    if not ms:
        return None
    return ms[0].date_start, max(m.date_end for m in ms)


def jio_time(jio, text: str, base: object) -> tuple[str, str] | None:
    try:
        r = jio.parse_time(text, time_base=base)
        t = r["time"]
        return str(t[0])[:10], str(t[1])[:10]
    except Exception:  # noqa: BLE001 - the peer raises on what it cannot read
        return None


def bench_time(jio, peers: Path) -> tuple[dict, dict]:
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # ours, jio, n
    skipped: dict[str, list[str]] = defaultdict(list)
    for line in (peers / "jionlp_time_parser.dev.jsonl").open(encoding="utf-8"):
        text, base, exp = json.loads(line)["case"][:3]
        if isinstance(base, dict) and "__expr__" in base:
            skipped["time base reads the clock ({'__expr__': 'time.time()'})"].append(text)
            continue
        if not isinstance(exp, dict) or exp.get("type") not in ("time_point", "time_span"):
            skipped["durations and periodic times (time_delta, time_period)"].append(text)
            continue
        reason = next((why for why, rx in SKIP_RULES if re.search(rx, text)), None)
        if reason:
            skipped[reason].append(text)
            continue
        t0, t1 = exp["time"]
        if "inf" in (t0, t1):
            skipped["open-ended spans (inf)"].append(text)
            continue
        expected = (t0[:10], t1[:10])
        ref = to_ref(base)
        if ref is None:
            skipped["no usable time base"].append(text)
            continue
        differs = nearest_rule_differs(text, expected, ref) or year_week_differs(text, expected)
        if differs:
            skipped["judged by the contract's year rules, not JioNLP's (" + differs.split(":")[0] + ")"].append(
                f"{text} [{differs.split(': ', 1)[1]}]")
            continue
        cat = categorize(text)
        s = scores[cat]
        s[0] += ours_time(text, ref) == expected
        s[1] += jio_time(jio, text, base) == expected
        s[2] += 1
        if ours_time(text, ref) != expected:
            print(f"    ours wrong [{cat}] {text!r} base={ref} -> {ours_time(text, ref)} expected {expected}")
    bench_time_spans(jio, peers, scores, skipped)
    bench_time_checks(jio, scores)
    return scores, skipped


CHECKS = REPO / "bench" / "data" / "timex_checks.tsv"


def _first_last(spans: list[tuple[str, str]]) -> tuple[str, str] | None:
    return (spans[0][0], max(e for _, e in spans)) if spans else None


def jio_text_time(jio, text: str, ref: date) -> tuple[str, str] | None:
    """JioNLP reading a sentence: the first day .. last day of the times it finds."""
    base = time.mktime(datetime(ref.year, ref.month, ref.day, 12).timetuple())
    try:
        found = jio.ner.extract_time(text, time_base=base, with_parsing=True)
    except Exception:  # noqa: BLE001
        return None
    spans = []
    for f in found:
        t = f.get("detail", {}).get("time")
        if isinstance(t, list) and len(t) == 2 and "inf" not in map(str, t):
            spans.append((str(t[0])[:10], str(t[1])[:10]))
        else:
            spans.append(("?", "?"))  # a duration or period counts as a time found
    return _first_last(spans)


def bench_time_checks(jio, scores: dict) -> None:
    """This project's own check sentences (bench/data/timex_checks.tsv), both tools on each."""
    for row in CHECKS.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#") or row.startswith("category\t"):
            continue
        cat, text, ref_s, start, end = row.split("\t")
        ref = date.fromisoformat(ref_s)
        want = (start, end) if start else None
        ours = _first_last([(d.date_start, d.date_end) for d in parse_dates(text, ref_date=ref)])
        s = scores[f"own checks: {cat}"]
        s[0] += ours == want
        s[1] += jio_text_time(jio, text, ref) == want
        s[2] += 1
        if ours != want:
            print(f"    ours wrong [own checks: {cat}] {text!r} base={ref} -> {ours} expected {want}")


def bench_time_spans(jio, peers: Path, scores: dict, skipped: dict) -> None:
    """Time spans found in running text (jionlp_time_extractor), negatives included."""
    ref = date(2021, 6, 14)
    base = time.mktime(datetime(2021, 6, 14, 12).timetuple())
    for line in (peers / "jionlp_time_extractor.dev.jsonl").open(encoding="utf-8"):
        text, exp = json.loads(line)["case"]
        reason = next((why for e in exp for why, rx in SKIP_RULES if re.search(rx, e["text"])), None)
        if reason:
            skipped[reason].append(text)
            continue
        want = sorted(tuple(e["offset"]) for e in exp)
        ours = sorted((d.start, d.end) for d in parse_dates(text, ref_date=ref))
        try:
            theirs = sorted(tuple(e["offset"]) for e in jio.ner.extract_time(text, time_base=base, with_parsing=False))
        except Exception:  # noqa: BLE001
            theirs = None
        s = scores["time in running text (spans, incl. none)"]
        s[0] += ours == want
        s[1] += theirs == want
        s[2] += 1
        if ours != want:
            print(f"    ours wrong [time spans] {text!r} -> {ours} expected {want}")


# ---------------------------------------------------------------- money / numerals

def _as_nums(num: object) -> list[float]:
    return [float(x) for x in num] if isinstance(num, list) else [float(num)]


def ours_money(text: str) -> list[float] | None:
    qs = [q for q in parse_quantities(text) if q.kind == "money"]
    if not qs:
        return None
    group = qs[0].range_group
    if group is not None:
        return [q.value_normalized for q in qs if q.range_group == group]
    return [qs[0].value_normalized]


def jio_money(jio, text: str) -> list[float] | None:
    try:
        return _as_nums(jio.parse_money(text)["num"])
    except Exception:  # noqa: BLE001
        return None


MONEY_SKIP = [
    ("no currency written (三百万, 小于40万): the peer is told it is money", r"^[^元币圆块钱美欧日港澳镑铢]*$"),
    ("w/k abbreviations (30w, 15k元)", r"[0-9][wWkK]"),
    ("vague numerals (几十万, 数十亿, 十多, 三五百)", r"几|数十|数百|十多|三五|大约十"),
]


def close(a: list[float] | None, b: list[float]) -> bool:
    return a is not None and len(a) == len(b) and all(abs(x - y) < 1e-4 * max(1.0, abs(y)) for x, y in zip(a, b, strict=True))


def bench_money(jio, peers: Path) -> tuple[dict, dict]:
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    skipped: dict[str, list[str]] = defaultdict(list)
    for line in (peers / "jionlp_money_parser.dev.jsonl").open(encoding="utf-8"):
        text, exp = json.loads(line)["case"]
        reason = next((why for why, rx in MONEY_SKIP if re.search(rx, text)), None)
        if reason:
            skipped[reason].append(text)
            continue
        want = _as_nums(exp["num"])
        cat = "money ranges" if len(want) > 1 else "money amounts"
        s = scores[cat]
        s[0] += close(ours_money(text), want)
        s[1] += close(jio_money(jio, text), want)
        s[2] += 1
        if not close(ours_money(text), want):
            print(f"    ours wrong [{cat}] {text!r} -> {ours_money(text)} expected {want}")
    for line in (peers / "jionlp_money_extractor.dev.jsonl").open(encoding="utf-8"):
        text, exp = json.loads(line)["case"]
        want = sorted((e["offset"][0], e["offset"][1]) for e in exp)
        got: dict[object, list[int]] = {}
        for q in parse_quantities(text):
            if q.kind != "money":
                continue
            key = q.range_group if q.range_group is not None else q.start
            span = got.setdefault(key, [q.start, q.end])
            span[0], span[1] = min(span[0], q.start), max(span[1], q.end)
        ours = sorted(tuple(v) for v in got.values())
        try:
            theirs = sorted(tuple(e["offset"]) for e in jio.ner.extract_money(text))
        except Exception:  # noqa: BLE001
            theirs = None
        s = scores["money in running text (spans)"]
        s[0] += ours == want
        s[1] += theirs == want
        s[2] += 1
        if ours != want:
            print(f"    ours wrong [money spans] {text[:30]!r} -> {ours} expected {want}")
    for line in (peers / "cn2an.dev.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        text, exp = case["input"], case["expected"]
        cat = "numerals: errors" if exp == "ERROR" else "numerals"
        if case["set"] == "error_strict_datas" and text == "壹壹":
            skipped["numerals: cn2an strict-mode errors that its normal mode reads (壹壹 = 11)"].append(text)
            continue
        ours_v = parse_number(text)
        if ours_v is None and exp != "ERROR":  # money words after the numeral (壹拾壹元整)
            qs = parse_quantities(text)
            if len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(text):
                ours_v = qs[0].value_normalized
        ours_ok = ours_v is None if exp == "ERROR" else (ours_v is not None and abs(ours_v - float(exp)) < 1e-9)
        try:
            jv = float(jio.parse_money(text)["num"])
        except Exception:  # noqa: BLE001
            jv = None
        jio_ok = jv is None if exp == "ERROR" else (jv is not None and abs(jv - float(exp)) < 1e-9)
        s = scores[cat]
        s[0] += ours_ok
        s[1] += jio_ok
        s[2] += 1
        if not ours_ok:
            print(f"    ours wrong [{cat}] {text!r} -> {ours_v} expected {exp}")
    return scores, skipped


# ---------------------------------------------------------------- false positives

_NUMBER_ONLY = re.compile(r"[0-9０-９.．,，\-—~～/:：%％]+|[一二三四五六七八九十]+[时点]?")
_ISO = re.compile(r"[12][0-9]{3}[-/.][01]?[0-9][-/.][0-3]?[0-9]")


def suspicious_date(text: str) -> bool:
    """A 'date' that is only a number (隐患2017个 → 2017, 1.74亿元 → 1.74, 1-9, 一时)."""
    t = text.strip()
    return bool(_NUMBER_ONLY.fullmatch(t)) and not _ISO.fullmatch(t)


def fp_report(jio, texts: list[tuple[str, date]], label: str, show: int = 8) -> None:
    ours_fp: list[str] = []
    jio_fp: list[str] = []
    n_ours = n_jio = 0
    q_clash: list[str] = []
    n_q = 0
    for text, ref in texts:
        dates = parse_dates(text, ref_date=ref)
        for m in dates:
            n_ours += 1
            if suspicious_date(m.text):
                ours_fp.append(m.text)
        for q in parse_quantities(text):
            n_q += 1
            # a quantity inside a date, or an ordinal (第24次), is a false quantity
            if any(d.start < q.end and q.start < d.end for d in dates) or text[max(0, q.start - 1):q.start] == "第":
                q_clash.append(text[max(0, q.start - 4):q.end + 2])
        base = time.mktime(datetime(ref.year, ref.month, ref.day, 12).timetuple())
        try:
            found = jio.ner.extract_time(text, time_base=base, with_parsing=False)
        except Exception:  # noqa: BLE001
            found = []
        for f in found:
            n_jio += 1
            if suspicious_date(f["text"]):
                jio_fp.append(f["text"])
    print(f"  {label}: dates found ours {n_ours}, JioNLP {n_jio}; numbers taken as dates: "
          f"ours {len(ours_fp)}, JioNLP {len(jio_fp)}")
    print(f"    ours e.g.  : {ours_fp[:show]}")
    print(f"    JioNLP e.g.: {jio_fp[:show]}")
    print(f"    ours: {n_q} quantities; inside a date or after 第: {len(q_clash)} {q_clash[:show]}")


def bulletin_check(path: Path, ref: date) -> None:
    """Every date and quantity on the real bulletin, against the hand-checked lists."""
    text = path.read_text(encoding="utf-8")
    gold_facts = SHARED / "gold" / "yongzhou-2024-10-12.facts.jsonl"
    want_q = sorted((round(r["value_normalized"], 4), r["unit_normalized"])
                    for r in map(json.loads, gold_facts.open(encoding="utf-8")))
    got_q = sorted((round(q.value_normalized, 4), q.unit_normalized) for q in parse_quantities(text))
    extra = [q for q in got_q if q not in want_q]
    missing = [q for q in want_q if q not in got_q]
    dates = parse_dates(text, ref_date=ref)
    want_d = {"10月11日", "10月10日下午", "10月8日—11日", "10月8日至11月8日", "今年1-9月", "10月12日",
              "10月8日", "10月12月", "10月9日", "1月15日至10月12日", "10月10日", "2024年"}
    bad_d = [d.text for d in dates if d.text not in want_d]
    print(f"  real bulletin: {len(got_q)} quantities (gold facts {len(want_q)}): not in gold {extra}, "
          f"missing {missing}")
    print(f"  real bulletin: {len(dates)} dates; unexpected {bad_d}; "
          f"numbers taken as dates: {[d.text for d in dates if suspicious_date(d.text)]}")


# ---------------------------------------------------------------- speed

def speed(texts: list[str], jieba) -> None:
    n_chars = sum(map(len, texts))
    jieba.lcut("预热")
    ref = date(2024, 10, 12)
    parse_dates("10月11日", ref_date=ref)
    parse_quantities("3家")
    t0 = time.perf_counter()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    t_jieba = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        parse_dates(t, ref_date=ref)
        parse_quantities(t)
    t_ours = time.perf_counter() - t0
    print(f"  {n_chars} chars: jieba.cut {n_chars / t_jieba:,.0f} chars/s; "
          f"dates+quantities {n_chars / t_ours:,.0f} chars/s; ratio {t_jieba / t_ours:.2f}x (target >= 2x)")


def table(title: str, scores: dict) -> tuple[int, int, int]:
    print(f"\n{title}")
    print(f"  {'category':45s} {'n':>4s} {'ours':>7s} {'JioNLP':>7s}")
    tot = [0, 0, 0]
    for cat, (o, j, n) in sorted(scores.items()):
        print(f"  {cat:45s} {n:4d} {o / n:7.1%} {j / n:7.1%}")
        tot = [tot[0] + o, tot[1] + j, tot[2] + n]
    return tot[0], tot[1], tot[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--xwlb-items", type=int, default=500)
    args = ap.parse_args()
    peers = SHARED / "data" / "peers"
    if not peers.is_dir():
        print(f"skipped: {peers} not found (the shared data folder is not beside this checkout)")
        return 0
    os.environ["TZ"] = "Asia/Shanghai"  # JioNLP reads unix time bases in local time
    time.tzset()
    try:
        import jionlp as jio
    except ImportError:
        print("skipped: jionlp is not installed (pip install jionlp, the 'bench' extra)")
        return 0
    import jieba
    import logging

    logging.disable(logging.CRITICAL)  # JioNLP logs a traceback for every string it cannot read

    print("Per-case misses of ours are listed first (for reading), then the tables.")
    t_scores, t_skipped = bench_time(jio, peers)
    m_scores, m_skipped = bench_money(jio, peers)
    o1, j1, n1 = table("Dates: JioNLP time-parser dev cases (whole string, compared on day boundaries)", t_scores)
    o2, j2, n2 = table("Quantities: JioNLP money + cn2an dev cases", m_scores)
    o, j, n = o1 + o2, j1 + j2, n1 + n2
    print(f"\n  OVERALL chosen categories: n={n}  ours {o / n:.1%}  JioNLP {j / n:.1%}")
    print("  (no peer cases exist for percentages and counts; the tests cover them)")
    print("\nSkipped or judged differently, with the reason:")
    for why, cases in {**t_skipped, **m_skipped}.items():
        print(f"  - {why}: {len(cases)}: {', '.join(cases[:6])}{' …' if len(cases) > 6 else ''}")

    print("\nFalse positives")
    corpus = SHARED / "corpus" / "yongzhou-2024-10-12.txt"
    if corpus.exists():
        bulletin_check(corpus, date(2024, 10, 12))
        fp_report(jio, [(corpus.read_text(encoding="utf-8"), date(2024, 10, 12))], "real bulletin")
    xwlb = SHARED / "data" / "text" / "xwlb_2024.jsonl"
    items = []
    with xwlb.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            items.append((d["text"], date(int(d["date"][:4]), int(d["date"][4:6]), int(d["date"][6:8]))))
    fp_report(jio, items[: args.xwlb_items], f"xwlb first {args.xwlb_items} items")

    print("\nSpeed over xwlb_2024.jsonl (same process)")
    speed([t for t, _ in items], jieba)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
