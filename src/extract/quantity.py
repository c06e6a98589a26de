"""Quantities in running text: a number (Arabic or Chinese numerals) with a unit.

One compiled regex finds number + unit candidates; a few cheap checks in Python
drop what counts nothing (ordinals, slogans, durations, numerals inside words).
The value stays as written (``1.74`` in ``1.74亿元``, the 万/亿 prefix moves into
the unit) and ``value_normalized`` is in base units, per the output contract.
Units, qualifiers, change words and fixed phrases live in ``gazetteers/``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate

from extract.firstchars import compile_nonempty_skipping, compile_skipping
from extract.records import Record
from extract.resources import read_table

__all__ = ["Quantity", "parse_quantities", "parse_number"]


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A number with its unit; ``value`` as written, ``value_normalized`` in base units."""

    value: float
    unit: str
    value_normalized: float
    unit_normalized: str
    qualifier: str | None
    direction: str | None
    kind: str  # count, money, ratio, measure
    is_lower_bound: bool
    is_upper_bound: bool
    is_approximate: bool
    range_group: int | None  # start offset of the range both numbers of 3至5家 share
    numeral: str  # arabic or chinese: how the number is written


# ---------------------------------------------------------------- numerals

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
_CN_NORMAL = str.maketrans(
    "壹贰叁肆伍陆柒捌玖拾佰仟萬億兩〇○貳參陸",
    "一二三四五六七八九十百千万亿两零零二三六",
)
_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")
_ARABIC_OK = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_ARABIC_INT = re.compile(r"[0-9]+")
_ASCII_DIGITS = "0123456789"


# the two tables in one: no character either maps to is mapped by the other
_NUMERAL_TABLE = {**_FULLWIDTH, **_CN_NORMAL}
# thousands separators only between digit groups (601,293.11); ， is already , here
_GROUP_COMMA = re.compile(r"(?<=[0-9])[,，](?=[0-9]{3})")
# an ASCII number Decimal and float read alike: float() of it is what the Decimal route gives
# (digits well inside Decimal's 28-digit precision, both conversions correctly rounded)
_PLAIN_NUMBER = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")
_ANY_DIGIT = re.compile(r"[0-9０-９]")


def _normalize_numeral(s: str) -> str:
    s = s.translate(_NUMERAL_TABLE)
    if "," in s:
        s = _GROUP_COMMA.sub("", s)
    return s.replace(" ", "")


def _digits_only(s: str) -> Decimal | None:
    """一七二零 / 二〇〇二: each character a digit."""
    out = "".join(str(_CN_DIGIT[c]) if c in _CN_DIGIT else c for c in s)
    return Decimal(out) if _ARABIC_INT.fullmatch(out) else None


def _positional(s: str) -> Decimal | None:
    """Chinese numerals with 十百千万亿 (mixed with Arabic chunks: 200亿零四千230)."""
    total = Decimal(0)  # completed 亿 groups
    wan = Decimal(0)  # completed 万 group
    sec = Decimal(0)  # current section below 万
    num: Decimal | None = None
    num_is_cn_digit = False
    last_unit = 0  # unit of the previous token, for colloquial 一百二 → 120
    small_limit = 10_000  # small units must decrease inside a section
    after_zero = False
    seen_any = False
    for tok in _TOKEN.findall(s):
        if tok[0] in _ASCII_DIGITS:
            if num is not None:
                return None
            num, num_is_cn_digit, seen_any = Decimal(tok), False, True
        elif tok == "零":
            if num is not None:
                return None
            after_zero, last_unit = True, 0
        elif tok in _CN_DIGIT:
            if num is not None:
                return None
            num, num_is_cn_digit, seen_any = Decimal(_CN_DIGIT[tok]), True, True
        elif tok in _SMALL_UNIT:
            unit = _SMALL_UNIT[tok]
            if unit >= small_limit:
                return None
            if num is None:
                # a bare 十 means 一十 (十五, 一千零十, 一百十六); a bare 百/千 is no number (百十一)
                if unit != 10:
                    return None
                num = Decimal(1)
            sec += num * unit
            num, small_limit, last_unit, after_zero, seen_any = None, unit, unit, False, True
        elif tok in ("万", "亿"):
            if num is not None:
                sec += num
            if sec == 0 and wan == 0 and total == 0:
                return None
            if tok == "万":
                if wan:
                    return None
                wan, last_unit = sec * 10_000, 10_000
            else:
                total, wan, last_unit = (total + wan + sec) * 100_000_000, Decimal(0), 100_000_000
            sec, num, small_limit, after_zero = Decimal(0), None, 10_000, False
        else:
            return None
    if num is not None:
        if num_is_cn_digit and not after_zero and last_unit >= 100:
            num *= last_unit // 10  # 一百二 → 120, 十三万五 → 135000
        sec += num
    if not seen_any:
        return None
    return total + wan + sec


def parse_number(s: str) -> float | None:
    """The value of a numeral as written (1.2万, 一千七百, 二〇二四, 负十), or None if it is not one."""
    if _PLAIN_NUMBER.fullmatch(s):
        return float(s)  # most numbers: 2024, 15, 1.74
    s = _normalize_numeral(s.strip())
    if not s:
        return None
    sign = 1
    if s[0] in "负-":
        sign, s = -1, s[1:]
    if not s:
        return None
    int_part, dot, frac = s.partition("点")
    if dot:
        if not int_part or not frac:
            return None
        frac_digits = _digits_only(frac)
        if frac_digits is None:
            return None
        whole = _parse_integer(int_part)
        if whole is None:
            return None
        value = whole + Decimal("0." + "".join(str(_CN_DIGIT.get(c, c)) for c in frac))
    else:
        parsed = _parse_integer(int_part)
        if parsed is None:
            return None
        value = parsed
    return float(sign * value)


def _parse_integer(s: str) -> Decimal | None:
    if _ARABIC_OK.fullmatch(s):
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    if all(c in _CN_DIGIT for c in s):
        return _digits_only(s) if len(s) > 1 else Decimal(_CN_DIGIT[s])
    return _positional(s)


# ---------------------------------------------------------------- data

@dataclass(frozen=True, slots=True)
class _Unit:
    normalized: str
    kind: str
    factor: Decimal
    chinese_ok: bool
    not_followed_by: str


@dataclass(frozen=True, slots=True)
class _Qualifier:
    canonical: str | None
    position: str
    lower: bool
    upper: bool
    approx: bool


@dataclass(frozen=True, slots=True)
class _Data:
    units: dict[str, _Unit]
    qualifiers: dict[str, _Qualifier]
    main: re.Pattern[str]
    before: re.Pattern[str]  # qualifier / change word right before a number
    stop: re.Pattern[str] | None
    directions: dict[str, str]


_CN_CHARS = "零〇○一二两兩三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億"
# Capitals (伍, 陆, 拾) end ordinary words (队伍18支, 陆地), so only plain numerals may not
# stand right before a number.
_CN_PLAIN = "零〇○一二两兩三四五六七八九十百千万亿"
# A number: Arabic with decimals / thousands groups, or Chinese numerals, possibly mixed (1.2万, 9佰)
# Possessive runs (++, *+): digits can be read only one way, so a long digit string
# cannot make the regex backtrack quadratically. An ASCII comma groups thousands; a
# full-width ， is a clause break in prose (分别为15，267个 is two numbers) and groups
# thousands only before decimals (82，225.00元) or in two or more groups (1，234，567).
_FW_GROUPS = r"(?:(?:，[0-9]{3}){2,}+(?![0-9])|(?:，[0-9]{3})++(?=[.．][0-9]))"
_NUM = (
    rf"(?:[0-9０-９]++(?:,[0-9]{{3}}(?![0-9]))*+{_FW_GROUPS}?(?:[.．][0-9０-９]++)?"
    rf"(?:[{_CN_CHARS}][{_CN_CHARS}0-9]*+)?"
    rf"|[{_CN_CHARS}]++(?:点[零〇一二三四五六七八九]+)?)"
)
_SEP = r"(?:至|到|-|—|–|~|～|－)"
_TIME_NOUNS = ("月", "小时", "星期", "礼拜", "工作日", "季度", "年", "钟头", "半", "周", "天", "多月")
_VAGUE_BEFORE = "数几"  # 数十家, 几百人: no value to report
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _data() -> _Data:
    units = {
        row[0]: _Unit(row[1], row[2], Decimal(row[3]), row[4] == "yes",
                      row[5] if len(row) > 5 else "")
        for row in read_table("units.tsv")
    }
    qualifiers = {
        row[0]: _Qualifier(row[1] or None, row[2], row[3] == "yes", row[4] == "yes", row[5] == "yes")
        for row in read_table("quantity_qualifiers.tsv")
    }
    after_q = _alternation([w for w, q in qualifiers.items() if q.position == "after" and len(w) == 1])
    tail_q = _alternation([w for w, q in qualifiers.items() if q.position == "after" and len(w) > 1])
    before_q = _alternation([w for w, q in qualifiers.items() if q.position == "before"])
    directions = {row[0]: row[1] for row in read_table("quantity_direction.tsv")}
    unit_alt = _alternation(list(units))
    main = compile_skipping(
        rf"(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ第{_CN_PLAIN}])"
        rf"(?:(?P<lo>{_NUM})\s?(?P<loscale>[十百千]?[万亿]+)?(?P<loq>{after_q})?\s?(?:[（(]含[)）])?\s?{_SEP}\s?)?"
        rf"(?:(?P<num>{_NUM})\s?(?P<q>{after_q})?(?P<scale>[十百千]?[万亿]+)?(?P<q2>{after_q})?\s?"
        rf"(?P<unit>{unit_alt})"
        rf"|百分之(?P<pct>{_NUM}))"
        rf"(?P<sub>(?:[{_CN_CHARS}0-9]{{1,2}}[角毛])?(?:[{_CN_CHARS}0-9]{{1,2}}分(?!钟))?[整正]?)"
        rf"(?P<tail>{tail_q})?"
    )
    # every part is optional: an empty match at the end reads as no qualifier and no
    # direction, so the search may skip to where a word can begin
    before = compile_nonempty_skipping(
        rf"(?:(?P<dir>{_alternation(list(directions))})了?)?"
        rf"(?:(?P<bq>{before_q})(?:达到|达|为|有|了)?)?(?:达到|达|为)?$"
    )
    stop_words = [row[0] for row in read_table("quantity_stopwords.tsv")]
    stop = re.compile(_alternation(stop_words)) if stop_words else None
    return _Data(units, qualifiers, main, before, stop, directions)


_QUOTED = re.compile(r"“[^“”\n]{1,12}”|\"[^\"\n]{1,12}\"|「[^「」\n]{1,12}」|《[^《》\n]{1,60}》")
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def _split_scale(num: str) -> tuple[str, str]:
    """1.2万 → (1.2, 万); 一千七百万 → (一千七百, 万); 1千万 → (1, 千万); 二十五万三千 stays whole."""
    n = num.translate(_CN_NORMAL)
    i = len(n)
    while i > 0 and n[i - 1] in "万亿":
        i -= 1
    if i == len(n) or i == 0:
        return num, ""
    if n[i - 1] in "十百千" and i >= 2 and n[i - 2] in _ASCII_DIGITS + "０１２３４５６７８９":
        i -= 1
    return num[:i], num[i:]


@lru_cache(maxsize=64)  # a few scales recur (万, 亿, 千万): each product reckoned once
def _scale_factor(scale: str) -> Decimal:
    f = Decimal(1)
    for c in scale.translate(_CN_NORMAL):
        f *= _SCALE[c]
    return f


def _is_chinese(num: str) -> bool:
    return _ANY_DIGIT.search(num) is None  # no Arabic digit, ASCII or full-width


_ROUND_BEFORE = "近上逾超约达"


def _round_number(text: str, start: int, num: str) -> bool:
    """A bare 百/千/万 counts only after 近/上/逾/超/约/达: 近千人 is about 1000, 百姓 is a word."""
    if start == 0 or text[start - 1] not in _ROUND_BEFORE:
        return False  # the cheap test first: most numbers follow no such word
    n = num.translate(_CN_NORMAL)
    return bool(n) and all(c in "百千万亿" for c in n)


def _bad_chinese(num: str) -> bool:
    """Numerals that are words, not numbers: lone 一 (一起, 一线), lone 零 (零部件), lone 二 (二次 is an ordinal or
    'secondary'; a count says 两), bare 百/千/万 (百姓, 万家), a lone capital (陆家, 队伍)."""
    n = num.translate(_CN_NORMAL)
    if len(num) == 1 and num != n and num not in "兩":
        return True
    return n in ("一", "二", "零") or all(c in "百千万亿" for c in n)


def _ordinal_session(text: str, start: int, unit_w: str) -> bool:
    """十四届全国人大二次会议, 二十届三中全会: sessions of a numbered congress are ordinals."""
    return unit_w == "次" and "届" in text[max(0, start - 10):start]


_SUB_UNIT = re.compile(rf"([{_CN_CHARS}0-9]+)([角毛分])")


def _sub_units(sub: str) -> Decimal:
    """元 followed by 角 / 分: 一角七分 → 0.17."""
    val = Decimal(0)
    for m in _SUB_UNIT.finditer(sub):
        d = parse_number(m.group(1))
        if d is not None:
            val += Decimal(str(d)) * (Decimal("0.1") if m.group(2) in "角毛" else Decimal("0.01"))
    return val


class _Masks:
    """Spans where numbers count nothing, answering "is [s, e) inside one?" by bisection:
    a scan of every span per number made long texts quadratic."""

    def __init__(self, spans: list[tuple[int, int, bool]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _, _ in spans]
        # running maximum of the ends: any span, and spans that mask Arabic numbers too
        self.reach_any = list(accumulate((b for _, b, _ in spans), max))
        self.reach_all = list(accumulate((-1 if only_cn else b for _, b, only_cn in spans), max))

    def covers(self, s: int, e: int, chinese: bool) -> bool:
        i = bisect_right(self.starts, s) - 1
        if i < 0:
            return False
        return (self.reach_any if chinese else self.reach_all)[i] >= e


def _masked(text: str, data: _Data) -> _Masks:
    """Spans where numbers count nothing: (start, end, only_chinese)."""
    spans = [(m.start(), m.end(), m.group()[0] != "《") for m in _QUOTED.finditer(text)]
    if data.stop is not None:
        spans.extend((m.start(), m.end(), False) for m in data.stop.finditer(text))
    return _Masks(spans)


def _inside(masked: _Masks, s: int, e: int, chinese: bool) -> bool:
    return masked.covers(s, e, chinese)


def _summary_count(text: str, start: int, value: float) -> bool:
    """产销、充电、退出三个环节: the numeral restates a list just written, it counts nothing new."""
    if value < 2 or value > 10 or value != int(value):
        return False
    lo = max(0, start - 60)
    window = text[lo:start]
    ends = list(_CLAUSE_END.finditer(window))
    clause = window[ends[-1].end():] if ends else window
    return clause.count("、") + 1 == int(value)


# Between the marker and the number: no digits and no clause end (一般, 一线 are words, not numbers).
_TOTAL = re.compile(r"(累计|共计|合计|总计)[^0-9０-９，。；：！？,;:!?\n]{0,12}$")


def _context_before(text: str, start: int, data: _Data) -> tuple[str | None, str | None]:
    """(qualifier word, change word) before ``start``: a qualifier right before the number, else a
    total marker (累计排查隐患320处) earlier in the same clause with no other number in between."""
    window = text[max(0, start - 14):start]
    m = data.before.search(window)
    bq, direction = (m.group("bq"), m.group("dir")) if m else (None, None)
    if bq is None:
        total = _TOTAL.search(window)
        if total:
            bq = total.group(1)
    return bq, direction


def parse_quantities(text: str) -> list[Quantity]:
    """Every number with a unit in ``text``, in text order (a range 3至5家 gives one record per number)."""
    if not text:
        return []
    data = _data()
    out: list[Quantity] = []
    masked: _Masks | None = None
    for m in data.main.finditer(text):
        if masked is None:
            masked = _masked(text, data)
        out.extend(_records(text, m, data, masked))
    return _shared_units(text, out) if out else out


_LISTED_BEFORE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(?:和|、|及|与)$")
_LIST_JOINERS = ("和", "、", "及", "与")
_LISTED_REACH = 16  # characters before a quantity searched for a bare number listed with it
_NOT_BEFORE_LISTED = frozenset("0123456789.第")  # 第2和3个: ordinals


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """高3.4和3.9个百分点, 提高0.7个和1.1个百分点: numbers listed before a quantity share its
    unit, the whole unit when theirs is only its first word."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end:q.start] in _LIST_JOINERS and prev.unit != q.unit \
                and q.unit.startswith(prev.unit):
            out[-1] = _with_unit(prev, q)
        else:
            m = _LISTED_BEFORE.search(text, max(0, q.start - _LISTED_REACH), q.start)
            if m is not None and (prev is None or prev.end <= m.start(1)) and m.end() == q.start \
                    and (m.start(1) == 0 or text[m.start(1) - 1] not in _NOT_BEFORE_LISTED):
                out.append(_with_unit(replace(q, start=m.start(1), end=m.end(1), text=m.group(1),
                                              value=float(m.group(1)), qualifier=None,
                                              range_group=None), q))
        out.append(q)
    return out


def _with_unit(q: Quantity, like: Quantity) -> Quantity:
    factor = like.value_normalized / like.value if like.value else 1.0
    return replace(q, unit=like.unit, unit_normalized=like.unit_normalized, kind=like.kind,
                   value_normalized=q.value * factor)


_GROUPS = ("pct", "unit", "num", "scale", "lo", "q", "q2", "tail", "sub", "loq")


def _records(text: str, m: re.Match[str], data: _Data,
             masked: _Masks) -> list[Quantity]:
    # the groups read below, in one call (each by name costs a call of its own)
    pct, unit_w, num_s, scale_w, lo_s, inner_q, inner_q2, tail_q, sub, lo_q = m.group(*_GROUPS)
    if pct is not None:
        return _percent_words(text, m, data, masked)
    unit = data.units[unit_w]
    end = m.end("unit")
    nxt = text[end:end + 1]
    if nxt and nxt in unit.not_followed_by:
        return []
    if unit_w == "个" and text[end:end + 6].lstrip("多余半").startswith(_TIME_NOUNS):
        return []  # 一个月, 两个季度: durations
    num_start = m.start("num")
    rounded = _round_number(text, num_start, num_s)
    if rounded:
        num_s = "一" + num_s  # 近千人, 上万名: a round number with a qualifier before it
    body, scale = _split_scale(num_s)
    if scale_w:
        scale += scale_w
    chinese = _is_chinese(body)
    if chinese and (not unit.chinese_ok or (_bad_chinese(body) and not rounded)):
        return []
    value = parse_number(body)
    if value is None:
        return []
    first_start = m.start("lo") if lo_s else num_start
    if chinese and first_start and text[first_start - 1] in _VAGUE_BEFORE:
        return []
    if _inside(masked, num_start, end, chinese) or _ordinal_session(text, num_start, unit_w):
        return []
    if chinese and not scale and _summary_count(text, num_start, value):
        return []
    if unit_w == "成" and value > 10:
        return []
    inner_q = inner_q or inner_q2
    span_end = m.end()
    sub = sub or ""
    if unit_w == "块" and re.search("[角毛]", sub):
        unit = _Unit("元", "money", Decimal(1), True, "")  # 十块三毛: colloquial money
    if sub and unit.kind != "money":
        # 角/分 only continue money; anything else after the unit is not part of the quantity
        span_end, tail_q, sub = m.start("sub"), None, ""
    rec_end = span_end
    while rec_end > num_start and text[rec_end - 1].isspace():
        rec_end -= 1
    bq, direction = _context_before(text, first_start, data)
    qual_word = inner_q or (lo_q if lo_s else None) or bq or tail_q
    qual = data.qualifiers.get(qual_word) if qual_word else None
    flags = [data.qualifiers[w] for w in (inner_q, bq, tail_q) if w]
    common = dict(
        qualifier=qual.canonical if qual else None,
        direction=data.directions.get(direction) if direction else None,
        kind=unit.kind,
        is_lower_bound=bool(flags) and any(q.lower for q in flags),
        is_upper_bound=bool(flags) and any(q.upper for q in flags),
        is_approximate=bool(flags) and any(q.approx for q in flags),
        numeral="chinese" if chinese else "arabic",
    )
    records: list[Quantity] = []
    group = first_start if lo_s else None
    if lo_s:
        lo_rec = _range_low(text, m, lo_s, scale, unit_w, unit, data, common, group)
        if lo_rec is None:
            group = None
        else:
            records.append(lo_rec)
    records.append(Quantity(
        start=num_start, end=rec_end, text=text[num_start:rec_end],
        value=value, unit=scale + unit_w, value_normalized=_normalized(value, scale, unit, sub),
        unit_normalized=unit.normalized, range_group=group, **common,
    ))
    return records


def _normalized(value: float, scale: str, unit: _Unit, sub: str) -> float:
    """The value in base units, reckoned in Decimal (1.74亿 is 174000000, not a float's
    174000000.00000003). Without a scale, a factor or 角/分 that is the value itself:
    float(Decimal(repr(v))) is v, so most numbers skip the arithmetic."""
    factor = _scale_factor(scale) * unit.factor
    if sub:
        return float(Decimal(str(value)) * factor + _sub_units(sub) * unit.factor)
    if factor == 1:
        return value
    return float(Decimal(str(value)) * factor)


def _range_low(text: str, m: re.Match[str], lo_s: str, hi_scale: str, unit_w: str, unit: _Unit,
               data: _Data, common: dict, group: int) -> Quantity | None:
    """The first number of 3至5家 / 两到三万港元 / 1万-5万元: its own scale, else the second's."""
    body, scale = _split_scale(lo_s)
    scale += m.group("loscale") or ""
    chinese = _is_chinese(body)
    if chinese and _bad_chinese(body) and body not in ("一",):
        return None
    value = parse_number(body)
    if value is None:
        return None
    scale = scale or hi_scale
    hi_body = _split_scale(m.group("num"))[0].translate(_CN_NORMAL)
    if len(body) == 1 and value < 10 and hi_body[-1:] in _SMALL_UNIT and len(hi_body) == 2:
        value *= _SMALL_UNIT[hi_body[-1]]  # 两到三千: the first number shares the second's 千
    norm = Decimal(str(value)) * _scale_factor(scale) * unit.factor
    start = m.start("lo")
    end = m.end("loscale") if m.group("loscale") else m.end("lo")
    return Quantity(
        start=start, end=end, text=text[start:end], value=value, unit=scale + unit_w,
        value_normalized=float(norm), unit_normalized=unit.normalized, range_group=group, **common,
    )


def _percent_words(text: str, m: re.Match[str], data: _Data,
                   masked: _Masks) -> list[Quantity]:
    """百分之十五 → 15 %."""
    value = parse_number(m.group("pct"))
    start, end = m.start(), m.end("pct")
    if value is None or _inside(masked, start, end, True):
        return []
    bq, direction = _context_before(text, start, data)
    qual = data.qualifiers.get(bq) if bq else None
    return [Quantity(
        start=start, end=end, text=text[start:end], value=value, unit="%",
        value_normalized=value, unit_normalized="%",
        qualifier=qual.canonical if qual else None,
        direction=data.directions.get(direction) if direction else None, kind="ratio",
        is_lower_bound=bool(qual and qual.lower), is_upper_bound=bool(qual and qual.upper),
        is_approximate=bool(qual and qual.approx), range_group=None, numeral="chinese",
    )]
