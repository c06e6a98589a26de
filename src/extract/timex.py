"""Date expressions in running text, normalized against a required reference date.

One compiled regex (branches ordered longest form first) runs over a copy of the
text whose full-width digits and punctuation are mapped one-to-one to ASCII, so
offsets never move. Each match is then resolved in Python with the contract's
year rules:

- a month-day without a year takes the year putting it nearest the reference date;
- a range end inherits the start's year (and month) and rolls forward when it would
  fall before the start (12月29日至1月3日);
- a month, span of months, quarter or half without a year takes the latest year in
  which it has begun by the reference date, except that a span of more than one month
  ending more than a month after the reference date belongs to the year before.

A bare ``2024年`` is a year-grain date, except directly before ``第`` (2024年第二次会议
names a meeting in a series: the year is part of the name, not when it happened).
Relative words (今天, 上周, 本月, 今年度, 前日 …) come from ``gazetteers/timex_relative.tsv``,
each with the neighbouring characters that make it part of another word (目前日均, 全天候).

Weeks (grain ``week``) run Monday to Sunday:

- 本周, 上一周, 下下周: the week of the reference date, shifted; a weekday after such a word
  (本周五, 下周六, 上个礼拜天) is that day, a weekday alone (周二) is not read;
- the Nth week of a month (3月第二周, 本月第2周) is the Nth week whose Monday falls in that
  month (the convention the peer suite implies: 2021年6月第三周 = 6月21日-27日); a month
  without a year takes the months' year rule;
- the Nth week of a year (2020年第52周) is ISO 8601 week N, as weekly statistics count it;
  第N周 with no year or month before it (连续第5周) is not a date.

Two-digit years (24年) are 20xx unless that is more than ten years after the reference date
(98年 → 1998). They are read before a month, quarter, half or week (24年3月, 24年第2周), as
24年度, and alone only at a sentence start or after 于/在/自/从/至/截止 and before a clause end
or 起 (于24年，), never as a count of years (工作24年, 24年以来).

Traditional characters (號, 週, 個, 時, 後 …) are read through a one-for-one table
(``gazetteers/timex_traditional.tsv``) on the matching copy only, so offsets stay those of
the original text. Nothing reads the clock.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from itertools import accumulate
from re import _parser  # type: ignore[attr-defined]
from collections.abc import Callable, Iterable

from extract.firstchars import compile_skipping, needed_chars
from extract.quantity import parse_number
from extract.records import Record
from extract.resources import read_table

__all__ = [
    "DateMention",
    "YearMention",
    "parse_dates",
    "find_years",
    "year_for_month_day",
    "year_for_months",
    "as_date",
]


@dataclass(frozen=True, slots=True)
class DateMention(Record):
    """A date or period as written, with its first and last day (ISO strings)."""

    date_start: str
    date_end: str
    grain: str  # day, week, dekad, month, quarter, half_year, year
    is_range: bool
    kind: str  # absolute, relative, vague (近日), typo (10月12月 read as 10月12日)
    has_year: bool  # the year is written (2024年, 今年, 去年), not inferred


@dataclass(frozen=True, slots=True)
class YearMention(Record):
    """A written four-digit year (2024年) outside document numbers."""

    year: int


def as_date(ref: date | str) -> date:
    """A ``datetime.date`` from a date or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(ref, datetime):
        return ref.date()
    if isinstance(ref, date):
        return ref
    try:
        return date.fromisoformat(str(ref).strip()[:10])
    except ValueError:
        raise ValueError(f"ref_date {ref!r} is not a date: pass the bulletin's issue date as a "
                         "datetime.date or an ISO string such as '2024-10-12'") from None


# ---------------------------------------------------------------- calendar helpers

def _last_day(y: int, m: int) -> int:
    """calendar.monthrange(y, m)[1] without the weekday it also works out."""
    if not 1 <= m <= 12:
        raise calendar.IllegalMonthError(m)
    return calendar.mdays[m] + (m == 2 and calendar.isleap(y))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _safe(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= d <= _last_day(y, m)) or not (1 <= y <= 9999):
        return None
    return date(y, m, d)


def year_for_month_day(month: int, day: int, ref: date | str) -> int | None:
    """The year that puts ``month``/``day`` nearest to ``ref`` (12月29日 in a 2025-01-06 bulletin → 2024)."""
    ref_d = as_date(ref)
    best: tuple[int, int] | None = None
    for y in (ref_d.year - 1, ref_d.year, ref_d.year + 1):
        d = _safe(y, month, day)
        if d is None:
            continue
        dist = abs((d - ref_d).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def year_for_months(first_month: int, last_month: int, ref: date | str) -> int:
    """The year of a month or span of months written without one (9月份, 1-9月, 1-12月): the latest
    year it has begun by ``ref``, or the year before for a multi-month span ending over a month after
    ``ref``. ``last_month`` below ``first_month`` means the span runs into the next year."""
    m2 = last_month if last_month >= first_month else last_month + 12
    return _span_year(first_month, m2, as_date(ref))


def _span_year(m1: int, m2: int, ref: date) -> int:
    """Year of a month span m1..m2 (m2 may exceed 12 when it rolls over) without a written year."""
    y = ref.year if date(ref.year, m1, 1) <= ref else ref.year - 1
    if m2 > m1:
        ey, em = _add_months(y, m1, m2 - m1)
        end = date(ey, em, _last_day(ey, em))
        ry, rm = _add_months(ref.year, ref.month, 1)
        if end > date(ry, rm, min(ref.day, _last_day(ry, rm))):
            y -= 1
    return y


def _two_digit_year(yy: int, ref: date) -> int:
    y = 2000 + yy
    return y if y <= ref.year + 10 else 1900 + yy


# ---------------------------------------------------------------- patterns

# one-to-one character mapping, so offsets in the mapped text equal offsets in the original
_MAP = str.maketrans("０１２３４５６７８９－～／．：○〇兩", "0123456789-~/.:零零两")


@lru_cache(maxsize=1)
def _char_map() -> dict[int, str]:
    """_MAP plus the Traditional characters of ``timex_traditional.tsv`` (號 → 号, 週 → 周),
    still one character for one so offsets do not move."""
    table = dict(_MAP)
    table.update({ord(t): s for t, s in read_table("timex_traditional.tsv") if len(t) == len(s) == 1})
    return table


@lru_cache(maxsize=1)
def _mapper() -> Callable[[str], str]:
    """``str.translate`` by ``_char_map`` applied only to the runs of characters it changes."""
    table = _char_map()
    runs = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]+")
    return partial(runs.sub, lambda run: run.group().translate(table))


def _map_text(text: str) -> str:
    """The copy of ``text`` the date grammar reads (ASCII digits, Simplified characters).
    Most texts hold only a few such characters: a dict lookup for every character of
    the text (``str.translate``) costs far more than translating the few runs found."""
    return _mapper()(text)

_CN = "零一二三四五六七八九十两"
_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_Y4 = r"(?:[12][0-9]{3}|[一二][零一二三四五六七八九]{3})"
_Y2 = r"(?:[0-9]{2}|[零一二三四五六七八九]{2})"
_SEP = r"(?:至|到|—{1,2}|-{1,2}|~|–)"
# an hour in digits or numerals (8时, 零时, 二十四时): a clock time inside a range of days
_HOUR = r"(?:[0-9]{1,2}|零|二十[一二三四]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_TOD = (
    r"(?:(?:上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|夜里|晚)"
    rf"(?:{_HOUR}[时点](?:[0-9]{{1,2}}分|半)?)?|{_HOUR}[时点](?:[0-9]{{1,2}}分|半)?)?"
)
# a day written without 日/号 only where nothing can follow it (1月3至2月10, 四月十三)
_DAY_END = r"(?:[日号]|(?=[至到\-—~–，。；、,;\s）)]|$))"
_NB = rf"(?<![0-9.{_CN}百千万亿])"  # not inside a longer number


@dataclass(frozen=True, slots=True)
class _Rel:
    unit: str
    offset: int
    vague: bool
    prefix: bool
    not_after: str = ""  # a character directly before the word that makes it another word
    not_before: str = ""  # likewise directly after it (全天候 is not 全天)


class _Branches:
    """The grammar's branches as regexes of their own, each with the characters one of
    which any match of it holds. In a zone only the branches whose characters occur there
    are searched, and their matches merged as the one alternation finds them: leftmost
    first and, at one position, the branch written first. Most zones hold the characters
    of a few branches (今天: the relative words), and the alternation tried all nineteen
    at every position."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.regexes = tuple(compile_skipping(rf"(?P<B_{k}>{v})") for k, v in sources.items())
        self.always = 0  # branches with no needed characters: searched in every zone
        self.by_char: dict[str, int] = {}  # character -> the branches it is a needed one of
        for i, source in enumerate(sources.values()):
            chars = needed_chars(source)
            if chars is None:
                self.always |= 1 << i
            for c in chars or ():
                self.by_char[c] = self.by_char.get(c, 0) | 1 << i
        self._chosen: dict[int, tuple[int, ...]] = {}

    def _candidates(self, text: str, start: int, end: int) -> tuple[int, ...]:
        mask, get = self.always, self.by_char.get
        for c in text[start:end]:
            mask |= get(c, 0)
        chosen = self._chosen.get(mask)
        if chosen is None:
            chosen = self._chosen[mask] = tuple(i for i in range(len(self.regexes)) if mask >> i & 1)
        return chosen

    def finditer(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """What the one alternation's ``finditer(text, start, end)`` yields (no branch
        matches the empty string, so each match ends past where it starts)."""
        regexes = self.regexes
        ahead = []  # (start, branch, match): each branch's next match
        for i in self._candidates(text, start, end):
            m = regexes[i].search(text, start, end)
            if m is not None:
                ahead.append((m.start(), i, m))
        found = []
        while ahead:
            first = min(ahead)[2]
            found.append(first)
            pos = first.end()
            kept = []
            for at, i, m in ahead:
                if at < pos:  # overlapped by the match taken: the branch's next one after it
                    m = regexes[i].search(text, pos, end)
                    if m is None:
                        continue
                    at = m.start()
                kept.append((at, i, m))
            ahead = kept
        return found


@dataclass(frozen=True, slots=True)
class _Data:
    rel: dict[str, _Rel]
    regex: re.Pattern[str]
    branches: tuple[str, ...]
    zones: re.Pattern[str]  # runs of characters a date can be made of (the cheap prefilter)
    anchor: re.Pattern[str]  # what a run must hold to be worth the full regex
    branch_groups: tuple[tuple[str, int], ...]  # (branch, its group number), in order
    searched: _Branches | None  # the branches apart; None when one can match the empty string


# Every character any branch can consume (plus the relative words' own). Dates are looked for
# only inside runs of these that hold an anchor, which skips ~99% of running text at C speed.
_ZONE_CHARS = (
    "0123456789零一二三四五六七八九十两年月日号旬季度周天今去前本上下全近当明昨这个份至到"
    "-—–~/.:T 午晚早凌晨傍夜间里点时分半同期星第中底初末后首礼拜的"
)
# 第N周 / 第N个星期 / 第N个礼拜 name a week unless a weekday (第3个星期日) or 周年 follows
_WEEK = r"个?(?:周|星期|礼拜)(?![一二三四五六日天末年])"
_ANCHOR = r"[年月日号旬季周天期]|[0-9][-/.][0-9]"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alt_rel(words: list[str], rel: dict[str, _Rel]) -> str:
    """Relative words longest first, each with its own guards (目前日均 is no 前日)."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        r = rel[w]
        before = rf"(?<![{re.escape(r.not_after)}])" if r.not_after else ""
        after = rf"(?![{re.escape(r.not_before)}])" if r.not_before else ""
        parts.append(f"{before}{re.escape(w)}{after}")
    return "|".join(parts)


@lru_cache(maxsize=1)
def _weekdays() -> list[tuple[str, int, str]]:
    """(character, Monday = 0, characters that cancel it) from ``timex_weekdays.tsv``."""
    return [(r[0], int(r[1]), r[2] if len(r) > 2 else "") for r in read_table("timex_weekdays.tsv")]


def _read_rel() -> dict[str, _Rel]:
    rel = {}
    for row in read_table("timex_relative.tsv"):
        row = row + [""] * (7 - len(row))
        rel[row[0]] = _Rel(row[1], int(row[2]), row[3] == "yes", row[4] == "yes", row[5], row[6])
    return rel


def _yearp(p: str, rel_year: str) -> str:
    """A year before a month: 2024年, 二〇二四年, 24年, 今年 (group names prefixed by ``p``)."""
    return rf"(?:{_NB}(?P<{p}y>{_Y4}|{_Y2})年|(?P<{p}yr>{rel_year}))"


@lru_cache(maxsize=1)
def _data() -> _Data:
    rel = _read_rel()
    rel_year = _alt_rel([w for w, r in rel.items() if r.unit == "year" and r.prefix], rel)
    rel_month = _alt_rel([w for w, r in rel.items() if r.unit == "month" and r.prefix], rel)
    rel_any = _alt_rel(list(rel), rel)
    rel_week = _alt_rel([w for w, r in rel.items() if r.unit == "week"], rel)
    weekday = "|".join(rf"{re.escape(c)}(?![{re.escape(nb)}])" if nb else re.escape(c)
                       for c, _, nb in _weekdays())

    def day(p: str) -> str:
        return (
            rf"(?:{_yearp(p, rel_year)})?"
            rf"(?:{_NB}(?P<{p}m>{_MON})月|(?P<{p}mr>{rel_month}))"
            rf"(?P<{p}d>{_DAY}){_DAY_END}"
        )

    day_end = (
        rf"(?:(?:{_yearp('b', rel_year)})?(?P<bm>{_MON})月)?"
        rf"(?P<bd>{_DAY}){_DAY_END}"
    )
    month_p = rf"(?:{_yearp('h', rel_year)})?{_NB}(?P<hm>{_MON})"
    branches = {
        "iso_range": (
            rf"(?<![0-9.])(?P<iy1>[12][0-9]{{3}})(?P<is1>[-/.])(?P<im1>[01]?[0-9])(?P=is1)(?P<id1>[0-3]?[0-9])"
            rf"(?:[ T][0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?"
            rf"\s*{_SEP}\s*(?P<iy2>[12][0-9]{{3}})[-/.](?P<im2>[01]?[0-9])[-/.](?P<id2>[0-3]?[0-9])(?![0-9])"
            rf"(?:[ T][0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?"
        ),
        "iso": (
            r"(?<![0-9.])(?P<jy>[12][0-9]{3})(?P<js>[-/.])(?P<jm>[01]?[0-9])(?P=js)(?P<jd>[0-3]?[0-9])"
            r"(?![0-9])(?:[ T-]?[0-9]{1,2}[:][0-9]{2}(?::[0-9]{2})?)?"
        ),
        "ym_range": (
            rf"(?<![0-9.])(?P<ky1>[12][0-9]{{3}})[./](?P<km1>[01]?[0-9])\s*{_SEP}\s*"
            rf"(?P<ky2>[12][0-9]{{3}})[./](?P<km2>[01]?[0-9])(?![0-9.])"
        ),
        "day_range": rf"{day('a')}{_TOD}\s*{_SEP}\s*{day_end}{_TOD}",
        "day": rf"{day('c')}{_TOD}",
        "typo": (
            rf"(?<![至到\-—~–])(?:{_yearp('t', rel_year)})?{_NB}(?P<tm>{_MON})月(?P<td>{_DAY})月"
            rf"(?![份至到\-—~–、和及与或0-9{_CN}上中下底初末])"
        ),
        # 3月第二周, 2023年三月的第二周, 本月第2周: the Nth week whose Monday falls in the month
        "week_month": (
            rf"(?:{_yearp('w', rel_year)})?(?:{_NB}(?P<wm>{_MON})月份?|(?P<wmr>{rel_month}))"
            rf"的?第(?P<wn>[1-6一二三四五六]){_WEEK}"
        ),
        # 2020年第52周, 20年第52周, 今年第10周: ISO 8601 weeks; a bare 第5周 (连续第5周) is no date
        "week_year": rf"{_yearp('x', rel_year)}的?第(?P<xn>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_WEEK}",
        "month_range": (
            rf"{month_p}月?\s*{_SEP}\s*(?:{_yearp('n', rel_year)})?(?P<nm>{_MON})月份?"
            rf"(?![0-9{_CN}日号])"
        ),
        # 前11个月 / 前两月 with no year: Jan-Nov of the year the span rule gives; 较前一个月
        # (than the month before) and 提前两个月 (two months early) are no dates
        "first_months": rf"(?:{_yearp('f', rel_year)})?(?<![0-9一二三四五六七八九十提此之以目较比])前(?P<fn>{_MON}|两)个?月",
        "dekad_range": (
            rf"(?:(?:{_yearp('r', rel_year)})?{_NB}(?P<rm>{_MON})月份?)?(?P<rd>上旬|中旬|下旬)"
            rf"\s*{_SEP}\s*(?:(?P<sm>{_MON})月份?)?(?P<sd>上旬|中旬|下旬)"
        ),
        "dekad": (
            rf"(?:(?:{_yearp('e', rel_year)})?{_NB}(?P<em>{_MON})月份?|(?P<emr>{rel_month}))?"
            rf"(?P<ed>上旬|中旬|下旬)"
        ),
        "month": rf"(?:{_yearp('g', rel_year)})?{_NB}(?P<gm>{_MON})月份?(?![0-9{_CN}日号])",
        "quarter": (
            rf"(?:{_yearp('q', rel_year)})?"
            rf"(?:第?(?P<qn>[1-4一二三四])季度|(?P<qs>首)季度?|前(?P<qf>[1-3一二三两])个?季度|(?P<qh>上|下)半年)"
        ),
        "year_range": (
            rf"(?<![0-9.])(?P<ya>{_Y4})年?\s*{_SEP}\s*(?P<yb>{_Y4})年(?!第)"
        ),
        "year": rf"{_NB}(?P<yy>{_Y4})年(?:度(?!第)|(?![度第]))",
        # 24年 alone only where it can be nothing but a year: 24年度, or at a sentence start or after
        # 于/在/自/从/至/截止, and before a clause end or 起 (工作24年, 24年以来 are durations)
        "year2": (
            rf"(?:^|(?<=[于在自从至到。！？\n])|(?<=截止))(?P<zy>[0-9]{{2}})年(?=[，。；、,;:）)\s起开]|$)"
            rf"|(?<![0-9.])(?P<zd>[0-9]{{2}})年度(?!第)"
        ),
        "weekday": rf"(?P<kw>{rel_week})(?:星期|周|礼拜)?(?P<kd>{weekday}){_TOD}",
        "rel": rf"(?P<rw>{rel_any})(?P<rsame>同期)?{_TOD}",
    }
    regex = compile_skipping("|".join(rf"(?P<B_{k}>{v})" for k, v in branches.items()))
    chars = sorted(set(_ZONE_CHARS + "".join(rel)))
    zone_class = "".join(re.escape(c) for c in chars)
    zones = re.compile(rf"[{zone_class}][{zone_class}]+")
    bare = [w for w in rel if not re.search(_ANCHOR, w)]  # 今晚: no anchor character of its own
    anchor = re.compile(_ANCHOR + ("|" + _alt(bare) if bare else ""))
    groups = tuple((b, regex.groupindex[f"B_{b}"]) for b in branches)
    nonempty = all(_parser.parse(v).getwidth()[0] > 0 for v in branches.values())
    searched = _Branches(branches) if nonempty else None
    return _Data(rel, regex, tuple(branches), zones, anchor, groups, searched)


# ---------------------------------------------------------------- resolution

def _num(s: str | None) -> int | None:
    if not s:
        return None
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


def _year(m: re.Match[str], p: str, ref: date, rel: dict[str, _Rel]) -> int | None:
    """The written year of group prefix ``p`` (2024年, 24年, 今年), or None."""
    ys = m.group(f"{p}y")
    if ys:
        v = _num(ys)
        if v is None:
            return None
        return _two_digit_year(v, ref) if len(ys) == 2 else v
    yr = m.group(f"{p}yr")
    if yr:
        return ref.year + rel[yr].offset
    return None


_Result = tuple[date, date, str, bool, str, bool]  # start, end, grain, is_range, kind, has_year


def _day_range(m: re.Match[str], ref: date, rel: dict[str, _Rel], p: str, ranged: bool) -> _Result | None:
    y = _year(m, p, ref, rel)
    mo = _num(m.group(f"{p}m"))
    if m.group(f"{p}mr"):
        r = rel[m.group(f"{p}mr")]
        y0, mo = _add_months(ref.year, ref.month, r.offset)
        y = y if y is not None else y0
    d = _num(m.group(f"{p}d"))
    if mo is None or d is None:
        return None
    has_year = y is not None
    if not ranged:
        if y is None:
            y = year_for_month_day(mo, d, ref)
        start = _safe(y, mo, d) if y is not None else None
        if start is None:
            return None
        return start, start, "day", False, "relative" if m.group(f"{p}mr") else "absolute", has_year
    if y is not None:
        return _day_range_in(m, y, mo, d, True)
    # no written year: the year putting the whole range nearest the reference date
    best: tuple[int, _Result] | None = None
    for cand in (ref.year - 1, ref.year, ref.year + 1):
        res = _day_range_in(m, cand, mo, d, False)
        if res is None:
            continue
        dist = 0 if res[0] <= ref <= res[1] else min(abs((res[0] - ref).days), abs((res[1] - ref).days))
        if best is None or dist < best[0]:
            best = (dist, res)
    return best[1] if best else None


def _day_range_in(m: re.Match[str], y: int, mo: int, d: int, has_year: bool) -> _Result | None:
    """The range 'mo/d of year y to the end group', the end inheriting and rolling forward."""
    start = _safe(y, mo, d)
    if start is None:
        return None
    by = _num(m.group("by")) if m.group("by") else None
    if by is not None and len(m.group("by")) == 2:
        by = _two_digit_year(by, start)
    if m.group("byr"):
        by = None  # 今年/去年 on a range end is rare; the end inherits the start's year
    bm = _num(m.group("bm")) or mo
    bd = _num(m.group("bd"))
    if bd is None:
        return None
    end = _safe(by if by is not None else start.year, bm, bd)
    if end is None:
        return None
    if end < start and by is None:
        # the end rolls forward: 12月29日至1月3日, 10月28日至3日
        if m.group("bm"):
            end = _safe(start.year + 1, bm, bd)
        else:
            ny, nm = _add_months(start.year, mo, 1)
            end = _safe(ny, nm, bd)
        if end is None:
            return None
    if end < start:
        return None
    return start, end, "day", True, "absolute", has_year


def _months(y: int | None, m1: int, m2: int, ref: date, grain: str, ranged: bool,
            kind: str = "absolute") -> _Result | None:
    """Months m1..m2 (m2 < m1 rolls into the next year) of year y, or of the year the rules give."""
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    span = m2 - m1 if m2 >= m1 else m2 + 12 - m1
    has_year = y is not None
    if y is None:
        y = _span_year(m1, m1 + span, ref)
    ey, em = _add_months(y, m1, span)
    return date(y, m1, 1), date(ey, em, _last_day(ey, em)), grain, ranged, kind, has_year


def _resolve(m: re.Match[str], branch: str, ref: date, data: _Data) -> _Result | None:
    rel = data.rel
    g = m.group
    if branch in ("iso", "iso_range"):
        ys, ms, ds = (("jy", "jm", "jd") if branch == "iso" else ("iy1", "im1", "id1"))
        start = _safe(int(g(ys)), int(g(ms)), int(g(ds)))
        if start is None:
            return None
        if branch == "iso":
            return start, start, "day", False, "absolute", True
        end = _safe(int(g("iy2")), int(g("im2")), int(g("id2")))
        return (start, end, "day", True, "absolute", True) if end and end >= start else None
    if branch == "ym_range":
        y1, m1, y2, m2 = int(g("ky1")), int(g("km1")), int(g("ky2")), int(g("km2"))
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
            return None
        return date(y1, m1, 1), date(y2, m2, _last_day(y2, m2)), "month", True, "absolute", True
    if branch == "day_range":
        return _day_range(m, ref, rel, "a", True)
    if branch == "day":
        return _day_range(m, ref, rel, "c", False)
    if branch == "typo":
        mo, d = _num(g("tm")), _num(g("td"))
        if mo is None or d is None:
            return None
        y = _year(m, "t", ref, rel)
        has_year = y is not None
        if y is None:
            y = year_for_month_day(mo, d, ref)
        start = _safe(y, mo, d) if y else None
        return (start, start, "day", False, "typo", has_year) if start else None
    if branch in ("week_month", "week_year"):
        return _week(m, branch, ref, rel)
    if branch == "month_range":
        y1 = _year(m, "h", ref, rel)
        y2 = _year(m, "n", ref, rel)
        m1, m2 = _num(g("hm")), _num(g("nm"))
        if m1 is None or m2 is None:
            return None
        if y2 is not None and y1 is not None and y2 != y1:
            if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
                return None
            return date(y1, m1, 1), date(y2, m2, _last_day(y2, m2)), "month", True, "absolute", True
        return _months(y1 if y1 is not None else y2, m1, m2, ref, "month", True)
    if branch == "first_months":
        n = _num(g("fn"))
        y = _year(m, "f", ref, rel)
        return _months(y, 1, n, ref, "month", True) if n else None
    if branch == "dekad_range":
        return _dekad_range(m, ref, rel)
    if branch == "dekad":
        part = "上中下".index(g("ed")[0])
        if g("emr"):
            y, mo = _add_months(ref.year, ref.month, rel[g("emr")].offset)
            has_year = False
        elif g("em"):
            mo = _num(g("em"))
            if mo is None or not 1 <= mo <= 12:
                return None
            y = _year(m, "e", ref, rel)
            has_year = y is not None
            if y is None:
                y = _span_year(mo, mo, ref)
        else:  # a bare 上旬: of the reference month
            y, mo, has_year = ref.year, ref.month, False
        first = 1 + 10 * part
        last = _last_day(y, mo) if part == 2 else first + 9
        return date(y, mo, first), date(y, mo, last), "dekad", False, "absolute", has_year
    if branch == "month":
        mo = _num(g("gm"))
        if mo is None:
            return None
        return _months(_year(m, "g", ref, rel), mo, mo, ref, "month", False)
    if branch == "quarter":
        y = _year(m, "q", ref, rel)
        if g("qn") or g("qs"):
            q = 1 if g("qs") else _num(g("qn"))
            return _months(y, 3 * q - 2, 3 * q, ref, "quarter", False) if q else None
        if g("qf"):
            q = _num(g("qf"))
            return _months(y, 1, 3 * q, ref, "quarter", True) if q else None
        first = 1 if g("qh") == "上" else 7
        return _months(y, first, first + 5, ref, "half_year", False)
    if branch == "year_range":
        a, b = _num(g("ya")), _num(g("yb"))
        if a is None or b is None or b < a or a < 1000:
            return None
        return date(a, 1, 1), date(b, 12, 31), "year", True, "absolute", True
    if branch == "year":
        y = _num(g("yy"))
        if y is None or y < 1000:
            return None
        return date(y, 1, 1), date(y, 12, 31), "year", False, "absolute", True
    if branch == "weekday":
        monday = _relative(rel[g("kw")], ref)[0]
        when = monday + timedelta(days=next(i for c, i, _ in _weekdays() if c == g("kd")))
        return when, when, "day", False, "relative", False
    if branch == "year2":
        y = _two_digit_year(int(g("zy") or g("zd")), ref)
        return date(y, 1, 1), date(y, 12, 31), "year", False, "absolute", True
    if branch == "rel":
        if g("rw") == "全年":  # the whole year is a span of months: the contract's span rule
            y = _span_year(1, 12, ref)
            return date(y, 1, 1), date(y, 12, 31), "year", False, "relative", True
        return _relative(rel[g("rw")], ref)
    return None


def _month_week(y: int, mo: int, n: int) -> date | None:
    """Monday of the Nth week of a month: the Nth week whose Monday falls in the month (the
    convention of the peer suite: 2021年6月第三周 is 6月21日-27日), or None past the month."""
    first = date(y, mo, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7, weeks=n - 1)
    return monday if monday.month == mo else None


def _week(m: re.Match[str], branch: str, ref: date, rel: dict[str, _Rel]) -> _Result | None:
    """第N周 of a month (Monday rule) or of a year (ISO 8601), Monday to Sunday."""
    if branch == "week_year":
        y, n = _year(m, "x", ref, rel), _num(m.group("xn"))
        if y is None or n is None:
            return None
        monday = date.fromisocalendar(y, n, 1)  # ValueError past the year's last week
        return monday, monday + timedelta(days=6), "week", False, "absolute", True
    n = _num(m.group("wn"))
    y = _year(m, "w", ref, rel)
    has_year = y is not None
    if m.group("wmr"):
        y0, mo = _add_months(ref.year, ref.month, rel[m.group("wmr")].offset)
        y = y if y is not None else y0
    else:
        mo = _num(m.group("wm"))
        if mo is None or not 1 <= mo <= 12:
            return None
        if y is None:
            y = _span_year(mo, mo, ref)
    monday = _month_week(y, mo, n) if n else None
    if monday is None:
        return None
    return monday, monday + timedelta(days=6), "week", False, "absolute", has_year


def _dekad(y: int, mo: int, word: str) -> tuple[date, date]:
    part = "上中下".index(word[0])
    first = 1 + 10 * part
    return date(y, mo, first), date(y, mo, _last_day(y, mo) if part == 2 else first + 9)


def _dekad_range(m: re.Match[str], ref: date, rel: dict[str, _Rel]) -> _Result | None:
    """3月下旬至5月中旬: the end inherits the start's month and year and rolls forward."""
    m1 = _num(m.group("rm")) if m.group("rm") else ref.month
    m2 = _num(m.group("sm")) if m.group("sm") else m1
    if m1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    y = _year(m, "r", ref, rel)
    has_year = y is not None
    if y is None:
        span = m2 - m1 if m2 >= m1 else m2 + 12 - m1
        y = _span_year(m1, m1 + span, ref) if m.group("rm") else ref.year
    start = _dekad(y, m1, m.group("rd"))[0]
    ey = y if m2 >= m1 else y + 1
    end = _dekad(ey, m2, m.group("sd"))[1]
    if end < start:
        return None
    return start, end, "dekad", True, "absolute", has_year


def _relative(r: _Rel, ref: date) -> _Result:
    kind = "vague" if r.vague else "relative"
    if r.unit == "day":
        d = ref + timedelta(days=r.offset)
        return d, d, "day", False, kind, False
    if r.unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=r.offset)
        return monday, monday + timedelta(days=6), "week", False, kind, False
    if r.unit == "month":
        y, mo = _add_months(ref.year, ref.month, r.offset)
        return date(y, mo, 1), date(y, mo, _last_day(y, mo)), "month", False, kind, False
    if r.unit == "quarter":
        q0 = (ref.month - 1) // 3
        y, mo = _add_months(ref.year, 3 * q0 + 1, 3 * r.offset)
        ey, em = _add_months(y, mo, 2)
        return date(y, mo, 1), date(ey, em, _last_day(ey, em)), "quarter", False, kind, False
    y = ref.year + r.offset
    return date(y, 1, 1), date(y, 12, 31), "year", False, kind, True


def parse_dates(text: str, *, ref_date: date | str) -> list[DateMention]:
    """Date expressions in ``text`` in text order, resolved against ``ref_date`` (the issue date)."""
    ref = as_date(ref_date)
    if not text:
        return []
    data = _data()
    mapped = _map_text(text)
    out: list[DateMention] = []
    n = len(mapped)
    for zone in data.zones.finditer(mapped):
        zs, ze = zone.span()
        if data.anchor.search(mapped, zs, ze):
            # one character past the zone so lookaheads see what follows
            end = min(ze + 1, n)
            matches = (data.searched.finditer(mapped, zs, end) if data.searched is not None
                       else data.regex.finditer(mapped, zs, end))
            out.extend(_mentions(text, matches, ref, data))
    return context_passes(text, mapped, out, ref)


def context_passes(text: str, mapped: str, out: list[DateMention], ref: date) -> list[DateMention]:
    """Readings that depend on the mentions around one: bare days, open ranges, brackets, 当天."""
    if not out and "日" not in mapped:
        return out
    out = _bare_days(text, mapped, out, ref)
    out = _merge_open_ranges(text, mapped, out)
    out = _prefer_parenthesised(mapped, out)
    return _anaphoric(out, ref)


# ---------------------------------------------------------------- context passes
# These read one mention in the light of the ones before it, which the single
# regex cannot: a bare 21日 takes the month last written, 当天 the day last written.

# compiled to skip to its first characters (digits, 二, 三, 十): a lookbehind opens it, which
# the engine would otherwise test at every character of the text
_BARE_DAY = compile_skipping(r"(?<![0-9.月/\-第〇零一二三四五六七八九十])([12][0-9]|3[01]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?)日"
                             r"(?![常均报前益趋程记志内]|以内|之内|左右)")  # 十日内: a duration
_JOIN = re.compile(r"\s*(?:至|到|—{1,2}|-{1,2}|~|–)\s*")
_NOTE = r"[（(][^（()）\n]{1,6}[)）]"  # (除夕), （初六）, (星期一): a note on a day
_NOTED_JOIN = re.compile(rf"{_NOTE}\s*(?:至|到|—{{1,2}}|-{{1,2}}|~|–)\s*")


@lru_cache(maxsize=1)
def _anaphora() -> dict[str, int]:
    return {w: int(o) for w, o in read_table("timex_anaphoric.tsv")}


@lru_cache(maxsize=1)
def _anaphora_start() -> re.Pattern[str]:
    """The anaphoric words in file order: ``match`` finds the first that opens a text, as
    a scan of them in order would, in one call."""
    return re.compile("|".join(map(re.escape, _anaphora())) or "(?!)")


class _Written:
    """The mentions already found, looked up by bisection (scanning them all for every
    bare day made long texts quadratic)."""

    def __init__(self, out: list[DateMention]) -> None:
        by_start = sorted(out, key=lambda d: d.start)
        self.starts = [d.start for d in by_start]
        self.reach = list(accumulate((d.end for d in by_start), max))
        # days and dekads in list order; by end, with the latest list position so far
        self.days = [d for d in out if d.grain in ("day", "dekad")]
        by_end = sorted(range(len(self.days)), key=lambda i: self.days[i].end)
        self.ends = [self.days[i].end for i in by_end]
        self.last = list(accumulate(by_end, max))

    def covers(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s) - 1
        return i >= 0 and self.reach[i] >= e

    def day_before(self, pos: int) -> DateMention | None:
        """The last day (in list order) that ends by ``pos``."""
        i = bisect_right(self.ends, pos) - 1
        return self.days[self.last[i]] if i >= 0 else None


def _bare_days(text: str, mapped: str, out: list[DateMention], ref: date) -> list[DateMention]:
    """21日 with no month: the month of the last day written before it, else the reference's."""
    found = []
    written: _Written | None = None  # built at the first bare day: many texts have none
    for m in _BARE_DAY.finditer(mapped):
        if written is None:
            written = _Written(out)
        if written.covers(m.start(), m.end()):
            continue
        day = _num(m.group(1))
        if day is None:
            continue
        before = written.day_before(m.start())
        anchor = date.fromisoformat(before.date_end) if before is not None else ref
        y, mo = anchor.year, anchor.month
        if before is None:
            y = year_for_month_day(mo, day, ref) or y
        when = _safe(y, mo, day)
        if when is None:
            continue
        found.append(DateMention(start=m.start(), end=m.end(), text=text[m.start():m.end()],
                                 date_start=when.isoformat(), date_end=when.isoformat(),
                                 grain="day", is_range=False, kind="absolute", has_year=False))
    return sorted(out + found, key=lambda d: d.start) if found else out


def _merge_open_ranges(text: str, mapped: str, out: list[DateMention]) -> list[DateMention]:
    """2月中旬至3月10日: a dekad or month joined to a later day is one range; so are two days
    the first with a note in brackets (2月11日（除夕）至17日（初六）)."""
    merged: list[DateMention] = []
    for cur in out:
        prev = merged[-1] if merged else None
        if prev is not None and not prev.is_range and cur.grain == "day" \
                and cur.date_end >= prev.date_start and (
                    (prev.grain in ("dekad", "month") and _JOIN.fullmatch(mapped[prev.end:cur.start]))
                    or (prev.grain == "day" and _NOTED_JOIN.fullmatch(mapped[prev.end:cur.start]))):
            merged[-1] = DateMention(start=prev.start, end=cur.end, text=text[prev.start:cur.end],
                                     date_start=prev.date_start, date_end=cur.date_end,
                                     grain="day", is_range=True, kind=prev.kind,
                                     has_year=prev.has_year)
            continue
        merged.append(cur)
    return merged


def _prefer_parenthesised(mapped: str, out: list[DateMention]) -> list[DateMention]:
    """本周（6月9日至15日）: the date written in brackets says which week is meant."""
    drop = set()
    for a, b in zip(out, out[1:]):
        gap = mapped[a.end:b.start]
        if a.kind in ("relative", "vague") and gap.strip() in ("(", "（") and \
                mapped[b.end:b.end + 1] in (")", "）"):
            drop.add(id(a))
    return [d for d in out if id(d) not in drop] if drop else out


def _anaphoric(out: list[DateMention], ref: date) -> list[DateMention]:
    """当天, 次日: relative to the day last written, not to the issue date."""
    words = _anaphora()
    opening = _anaphora_start().match
    result: list[DateMention] = []
    last: date | None = None
    for d in out:
        word = opening(d.text) if last is not None else None  # 当天下午 too
        if word is not None and last is not None:
            when = last + timedelta(days=words[word.group()])
            d = DateMention(start=d.start, end=d.end, text=d.text, date_start=when.isoformat(),
                            date_end=when.isoformat(), grain="day", is_range=False,
                            kind="relative", has_year=False)
        if d.grain == "day" and not d.is_range:
            last = date.fromisoformat(d.date_start)
        result.append(d)
    return result


def _mentions(text: str, matches: Iterable[re.Match[str]], ref: date, data: _Data) -> list[DateMention]:
    out: list[DateMention] = []
    for m in matches:
        branch = m.lastgroup[2:]  # the outer B_<branch> group closes last
        try:
            res = _resolve(m, branch, ref, data)
        except (ValueError, OverflowError):
            res = None  # an impossible calendar date written in the text
        if res is None:
            continue
        start, end, grain, is_range, kind, has_year = res
        s, e = m.span()
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(DateMention(
            start=s, end=e, text=text[s:e], date_start=start.isoformat(), date_end=end.isoformat(),
            grain=grain, is_range=is_range, kind=kind, has_year=has_year,
        ))
    return out


_YEAR = re.compile(r"(?<![0-9])([12][0-9]{3})年")
_DOC_NUMBER = re.compile(r"[〔\[［(（【][12][0-9]{3}[〕\]］)）】]")


def find_years(text: str) -> list[YearMention]:
    """Every written ``20xx年`` (any four-digit year) in text order; years in document numbers
    (永安办〔2025〕12号) carry no 年 and are never found. For the issue-date fallback."""
    mapped = text.translate(_MAP)
    return [
        YearMention(start=m.start(), end=m.end(), text=text[m.start():m.end()], year=int(m.group(1)))
        for m in _YEAR.finditer(mapped)
    ]
