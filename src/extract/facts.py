"""Numeric facts: every stated number with its subject, period, scope and check.

The period is the number's own time expression, else the governing one of its
paragraph (a date at the paragraph's start: 今年1-9月, 1月15日至10月12日);
forecasts (预计年节约…) have none. The scope is a phrase such as 全市 in the same
sentence and never carries to the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .firstchars import compile_skipping
from .context import DocContext
from .timex import DateMention
from .discourse import (OPEN_WINDOW, clause_end, clause_start, headline_sentences, is_dateline,
                        opens_report, report_paragraphs, said_since, speech_start)
from .gazetteer import get_gazetteer
from .patterns import P
from .resources import read_table, read_words
from .sections import Sentence

# the counted noun after a measure word: a list inside it (商场、宾馆) stays whole
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9](?:[\u4e00-\u9fffA-Za-z0-9]|、(?=[\u4e00-\u9fff]))*?"
                         r"(?=[，,。；;：:！？的被在对和及与并将已约近共达（(）)]|[^\u4e00-\u9fffA-Za-z0-9、]|、(?![\u4e00-\u9fff])|$)")
_BRACKET_AFTER = re.compile(r"[（(][^（()）]{1,12}[)）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NEXT_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])(?:累计|共计|合计|总计|共)?[0-9０-９]")


@dataclass(frozen=True)
class Markers:
    estimate: re.Pattern[str]
    lead: re.Pattern[str]
    tail: re.Pattern[str]
    change: re.Pattern[str]
    scope: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _markers() -> Markers:
    kinds: dict[str, list[str]] = {}
    for kind, word in read_table("fact_markers.tsv"):
        kinds.setdefault(kind, []).append(word)
    return Markers(
        estimate=compile_skipping(_alternation(kinds["estimate"])),
        lead=compile_skipping(f"^(?:{_alternation(kinds['lead'])}|[，,、\\s])+"),
        tail=compile_skipping(f"(?:{_alternation(kinds['tail'])}|[，,、的\\s])+$"),
        change=compile_skipping(f"^(?:{_alternation(kinds['change'])})"),
        # 全省市县两级: scope words written together are one scope
        scope=compile_skipping(f"(?:{_alternation(read_words('fact_scopes.txt'))})+"),
    )


@dataclass
class Period:
    start: date | None
    end: date | None
    snapshot: bool = False  # 截至…: a running total to a day, not the days of an act


ZH_DIGITS = "一二三四五六七八九"
PLAN_THREE_START = 1966  # the third five-year plan; the first two ran 1953-1962, then a gap
CAMPAIGN_DAYS = 366  # a campaign's snapshot counts from its start only within a year of it
ACT_DAYS = 7  # the longest period read as the days of one act (a meeting, a drill, a visit)


@dataclass
class ParaFacts:
    period: Period | None = None
    story: Period | None = None  # the period of the act the story told last (an earlier paragraph's)
    act: Period | None = None  # the days of the last act told (a week or less, no running total)
    restore: Period | None = None  # the period to go on with after a sentence told as background
    speech: bool = False
    rows: list[dict[str, Any]] = field(default_factory=list)


def _blank(text: str, start: int, end: int, spans: list[Any]) -> str:
    chars = list(text[start:end])
    for s in spans:
        for i in range(max(s.start, start) - start, min(s.end, end) - start):
            chars[i] = " "
    return "".join(chars)


def _noun_after(ctx: DocContext, q: Any, end: int) -> str | None:
    """派出4个暗访组, 对12家A级旅游景区, 5个县（市、区）: with a measure word the counted
    noun may follow the number; it ends at punctuation, a function word or a verb."""
    if q.kind != "count" or _verb_stop().match(ctx.text, q.end) or _next_count(ctx, q) is not None:
        return None  # 120余人参加, 14车71人参加: the numbers size the group standing before
    m = _NOUN_AFTER.match(ctx.text, q.end, end)
    if not m:
        return None
    stop = _verb_stop().search(m.group())
    noun = m.group()[:stop.start()] if stop else m.group()
    digit = _NEXT_NUMBER.search(noun)
    noun = noun[:digit.start()] if digit else noun  # 8家雪场累计接待游客122.98万: the next count
    bracket = _BRACKET_AFTER.match(ctx.text, q.end + len(noun))
    if bracket and noun:
        noun += bracket.group()
    return noun if len(noun) >= 2 else None


@lru_cache(maxsize=1)
def _verb_stop() -> re.Pattern[str]:
    return compile_skipping(_alternation(read_words("fact_noun_stops.txt")))


_SPACES = re.compile(r"\s+")  # compiled once: subject_of asks for every number


def subject_of(ctx: DocContext, sent: Sentence, q: Any, floor: int,
               after: Any = None) -> str | None:
    """The counted phrase as written: the noun after a measure word, else the clause
    text before the number less its scope, time, plan and linking words."""
    text, mk = ctx.text, _markers()
    noun = _noun_after(ctx, after or q, sent.end)  # a range's noun follows its end
    if noun:
        return noun
    q = _first_of_group(ctx, q)  # 共计14车71人: both sizes of one group share its subject
    begin = clause_start(text, max(floor, sent.start), q.start)
    quoted = P.quote_before.search(text, begin, q.start)
    if quoted:
        return quoted.group(1)
    for d in ctx.mentions.dates.within(begin, q.start):
        if text[begin:d.start].strip(" ，,、") == "":
            begin = d.end  # a leading time expression is the period, not the subject
    raw = text[begin:q.start].strip(" ，,、\u3000")
    scope = mk.scope.match(raw)
    if scope and not P.scope_word_cut.match(raw, scope.end() - 1):  # 全市场主体 keeps its 全市
        raw = raw[scope.end():]
    raw = mk.estimate.sub("", raw, count=1) if mk.estimate.match(raw) else raw
    raw = mk.lead.sub("", raw)
    raw = mk.tail.sub("", raw).strip()
    raw = _SPACES.sub("", raw)
    total = P.total_marker.search(raw)
    if total and total.start() > 0 and len(raw) - total.end() >= 2:
        raw = raw[total.end():]  # 市县两级应急局共出动检查人员: the actor stands before 共
    head = raw.rsplit("的", 1)[-1]
    if len(head) >= 2:
        raw = head  # 由镇村干部组成的巡查队伍18支: the head noun after 的 is what is counted
    return raw or _act_after(ctx, sent, after or q)


def _next_count(ctx: DocContext, q: Any) -> Any:
    """The count written right after ``q`` with nothing between (14车|71人), if any."""
    following = ctx.mentions.quantities.within(q.end, q.end + 16)
    return next((n for n in following if n.start == q.end and n.kind == "count"), None)


def _first_of_group(ctx: DocContext, q: Any) -> Any:
    """The first of the counts written together with ``q`` (14车71人 -> 14车)."""
    while True:
        before = [b for b in ctx.mentions.quantities.within(max(0, q.start - 12), q.start)
                  if b.end == q.start and b.kind == "count"]
        if not before or q.kind != "count":
            return q
        q = before[-1]


def _act_after(ctx: DocContext, sent: Sentence, q: Any) -> str | None:
    """共200余人参加演练: with nothing before the number, the act its people took part in
    (the phrase the number splits is joined in text order; here it has no first part)."""
    while (n := _next_count(ctx, q)) is not None:
        q = n
    m = _verb_stop().match(ctx.text, q.end)
    if m is None:
        return None
    stop = clause_end(ctx.text, q.end, sent.end)
    phrase = ctx.text[q.end:stop].strip()
    return phrase if len(phrase) >= 2 else None


def _period_of(ctx: DocContext, mention: Any, carried: Period | None = None) -> Period:
    """A date expression as a period; a snapshot (截至…) runs from its year's start;
    今年以来, 8月以来 run to the paragraph's snapshot day, else to the issue date."""
    start = date.fromisoformat(mention.date_start)
    end = date.fromisoformat(mention.date_end)
    before = ctx.text[max(0, mention.start - 4):mention.start]
    if P.snapshot.search(before):
        return Period(date(end.year, 1, 1), end, snapshot=True)
    if said_since(ctx.text, mention.end):
        until = carried.end if carried and carried.end and carried.end >= start else ctx.issue_date
        if until and until >= start:
            # a year caps it (2024年以来 read in 2025 is that year's); 8月初以来 runs on
            return Period(start, min(end, until) if mention.grain == "year" else until)
    return Period(start, end)


def _span_from(ctx: DocContext, sent: Sentence, own: Any, period: Period) -> Period:
    """自8月27日起开展的检查于9月26日结束: a start said earlier in the sentence (自/从…)
    opens the period that the number's own date closes."""
    for d in ctx.mentions.dates.within(sent.start, own.start):
        if P.since_start.search(ctx.text, max(0, d.start - 3), d.start) and period.end:
            start = date.fromisoformat(d.date_start)
            if start < (period.start or period.end):
                return Period(start, period.end)
    return period


def _record_base(text: str, d: Any) -> bool:
    """创下1961年以来…最多, 为有记录以来: the start of a record's span, not the period."""
    return bool(P.record_base.search(text, max(0, d.start - 2), d.start)
                and (text.endswith("以来", d.start, d.end) or said_since(text, d.end)))


def _own_date(ctx: DocContext, sent: Sentence, before: int) -> Any:
    """The clause's own time expression: the last one before the number that is not
    a comparison base (增速比上半年加快…)."""
    own = None
    for d in ctx.mentions.dates.within(sent.start, before):
        if d.kind != "vague" and not P.compared.search(ctx.text, max(0, d.start - 3), d.start) \
                and not _record_base(ctx.text, d):
            own = d  # 近日, 日前 say "recently": no period
    return own or _plan_period(ctx, sent, before)


def _plan_period(ctx: DocContext, sent: Sentence, before: int) -> Any:
    """“十三五”期间: the five years of a national plan, the Nth from the third on
    starting in 1966 + 5 (N - 3) (十三五: 2016-2020; 十五: 2001-2005)."""
    m = P.plan_period.search(ctx.text, sent.start, before)
    if m is None:
        return None
    nth = 10 + (ZH_DIGITS.index(m.group(1)) + 1 if m.group(1) else 0)
    first = PLAN_THREE_START + 5 * (nth - 3)
    return DateMention(m.start(), m.end(), m.group(), f"{first}-01-01", f"{first + 4}-12-31",
                       "year", True, "absolute", True)


def _snapshot(ctx: DocContext, sent: Sentence, before: int) -> Period | None:
    """截至1月5日 (with 自12月1日…以来 as its start, else the start of that year)."""
    dates = ctx.mentions.dates.within(sent.start, before)
    end = next((d for d in dates if P.snapshot.search(ctx.text, max(0, d.start - 4), d.start)), None)
    if end is None:
        return None
    stop = date.fromisoformat(end.date_end)
    start = next((date.fromisoformat(d.date_start) for d in dates
                  if P.since_start.search(ctx.text, max(0, d.start - 3), d.start)), None)
    if start is None and all(d is end or d.kind == "vague" for d in dates):
        start = _campaign_start(ctx, sent, stop)  # 今年 or another date of its own: not this
    if start is None or start > stop:
        start = date(stop.year, 1, 1)
    return Period(start, stop, snapshot=True)


def _campaign_starts(ctx: DocContext) -> list[tuple[date, str | None, str | None]]:
    """The days campaigns told in the document began (去年12月21日…部署开展了…行动), with
    the (sub)section telling each."""
    key = "facts.campaign_starts"
    if key not in ctx.memo:
        ctx.memo[key] = [(date.fromisoformat(d.date_start), sent.section, sent.subsection)
                         for _, sentences, _ in report_paragraphs(ctx) for sent in sentences
                         for d in ctx.mentions.dates.within(sent.start, sent.end)
                         if d.grain == "day" and d.kind != "vague" and _begins_campaign(ctx, d)]
    return ctx.memo[key]


def _begins_campaign(ctx: DocContext, d: Any) -> bool:
    """自8月27日起开展…, 12月21日…部署开展…行动: the day a campaign was launched."""
    return bool(P.campaign_launch.match(ctx.text, d.end)
                or (P.since_start.search(ctx.text, max(0, d.start - 3), d.start)
                    and P.campaign_since.match(ctx.text, d.end)))


def _campaign_start(ctx: DocContext, sent: Sentence, stop: date) -> date | None:
    """A snapshot whose sentence gives no start counts from the day the campaign its
    (sub)section tells began, when it began within the year before (截至6月30日 after a
    campaign of 12月21日); a bulletin's other items tell other work."""
    starts = [day for day, section, subsection in _campaign_starts(ctx)
              if (section, subsection) == (sent.section, sent.subsection)
              and day < stop and (stop - day).days <= CAMPAIGN_DAYS]
    return starts[-1] if starts else None


BENCHMARK_AFTER = ("平均水平", "水平")


def _scope(ctx: DocContext, sent: Sentence) -> str | None:
    """The first scope phrase of the sentence that is not part of an organisation's name
    (全市公安机关 acts, 全国总工会 is a body); else an area the counted things lie in
    (对儒林镇辖区…, 对中心城区12个在建工地…)."""
    for m in _markers().scope.finditer(ctx.text, sent.start, sent.end):
        found = _scope_word(ctx, sent, m)
        if found is not None:
            return found
    # the area pattern backtracks; most sentences hold no area word at all
    area = P.area_word.search(ctx.text, sent.start, sent.end) and \
        P.scope_area.search(ctx.text, sent.start, sent.end)
    if area:
        return area.group(1)
    return _place_subject(ctx, sent, ctx.mentions.orgs.within(sent.start, sent.end))


def _scope_word(ctx: DocContext, sent: Sentence, m: re.Match[str]) -> str | None:
    """A scope word as written (with the division right before it: 吉林全省), unless it is
    part of a body's name or a title, a word (本市场) or a comparison's base."""
    text = ctx.text
    if any(o.start < m.start() < o.end for o in ctx.mentions.orgs.within(sent.start, sent.end)) or \
            any(a <= m.start() < b for a, b in (t.span() for t in P.book_title.finditer(text, sent.start, sent.end))):
        return None  # 美国全国广播公司, 《…全国两会…》: not who the figure covers
    if P.scope_word_cut.match(text, m.end() - 1):
        return None  # 本市场: a word, not 本市
    if text.startswith(BENCHMARK_AFTER, m.end()) or \
            P.compared_scope.search(text, max(sent.start, m.start() - 2), m.start()):
        return None  # 高于全市平均水平, 高于全国0.1个百分点: the base of a comparison
    owner = next((p for p in ctx.mentions.places.within(max(sent.start, m.start() - 12), m.start())
                  if p.end == m.start()), None)
    return text[owner.start:m.end()] if owner is not None else m.group()


def _clause_scope(ctx: DocContext, sent: Sentence, at: int) -> str | None:
    """我市进入高温期，…，全市10个区县出现旱情: a scope word opening the number's own later
    clause is its scope, whatever an earlier clause of the sentence named."""
    begin = clause_start(ctx.text, sent.start, at)
    if begin == sent.start:
        return None  # the sentence's first clause: the sentence's scope already reads it
    m = _markers().scope.match(ctx.text, begin, at)
    return _scope_word(ctx, sent, m) if m is not None else None


def _clause_place(ctx: DocContext, sent: Sentence, at: int) -> str | None:
    """分地区看，甲县增长1.3%，乙区下降0.9%: a division heading the number's own clause is
    where that number lies, whatever the sentence's other clauses name."""
    begin = clause_start(ctx.text, sent.start, at)
    if begin == sent.start:
        return None  # the sentence's first clause: the sentence's scope already reads it
    orgs = ctx.mentions.orgs.within(begin, at)
    return _place_subject(ctx, sent, orgs, begin, at)


def _place_subject(ctx: DocContext, sent: Sentence, orgs: list[Any],
                   start: int | None = None, end: int | None = None) -> str | None:
    """据介绍，今年以来，安徽省…下降19.3%: a division standing as the subject of a clause is
    where its figures lie, as written."""
    start = sent.start if start is None else start
    end = sent.end if end is None else end
    places = ctx.mentions.places.within(start, end)
    if not places:
        return None  # most clauses name no division: no names to gather
    named = [*orgs, *ctx.mentions.officials.within(start, end)]
    i = 0
    while i < len(places):
        p = places[i]
        if any(o.start <= p.start < o.end for o in named):
            i += 1
            continue  # 安徽省应急管理厅, 县长甲: a place inside a body's or a title's name
        if P.bracketed_value.match(ctx.text, p.end):
            i += 1
            continue  # 张掖市(-5.1%): that figure's own place (_bracketing_place), no subject
        last = _listed_after(ctx.text, places, i)
        group_end = _count_end(ctx.text, places[last].end) if last > i else p.end
        begin = clause_start(ctx.text, sent.start, p.start)
        dated = ctx.mentions.dates.within(begin, p.start)  # mostly none: the slice as it is
        lead = _blank(ctx.text, begin, p.start, dated) if dated else ctx.text[begin:p.start]
        if (P.scope_lead.fullmatch(lead) or P.place_destination.search(lead)) and \
                not P.place_then_org.match(ctx.text, group_end) and \
                ctx.mentions.quantities.within(group_end, clause_end(ctx.text, group_end, sent.end)):
            # its own clause counts (not 某镇组织开展演练，…); 吉林全省: the place and its 全省
            whole = P.whole_of.match(ctx.text, group_end)
            return ctx.text[p.start:whole.end() if whole else group_end]
        i = last + 1
    return None


def _listed_after(text: str, places: list[Any], i: int) -> int:
    """The last of the divisions listed with ``places[i]`` (甲市、乙市和丙市): one joiner apart."""
    while i + 1 < len(places) and places[i + 1].start == places[i].end + 1 and \
            P.place_joiner.fullmatch(text[places[i].end]):
        i += 1
    return i


def _count_end(text: str, end: int) -> int:
    """After a list's last division, its count (等6市, 4个县(市)) is part of the scope
    (one division's 甲县12个乡镇 counts its townships: not read here)."""
    m = P.place_count.match(text, end)
    return m.end() if m else end


def _county(ctx: DocContext, sent: Sentence) -> str | None:
    gaz = get_gazetteer()
    for o in ctx.mentions.officials.within(sent.start, sent.end):
        for name in o.jurisdictions:
            div = gaz.resolve_region(name)
            if div is not None and div.level == "county":
                return div.name
    for p in ctx.mentions.places.within(sent.start, sent.end):
        if p.level == "county":
            return p.name
        if p.level == "township" and p.county_name:
            return p.county_name
    return None


# what may stand between a clause's start and the body that opens it (其中，市应急局…);
# compiled once, matched in place (no slice): asked for every number
_ORG_LEAD = re.compile(r"(?:其中|并|同时|另外|[\s，,])*")


def _organization(ctx: DocContext, sent: Sentence, before: int) -> str | None:
    text = ctx.text
    for org in ctx.mentions.orgs.within(sent.start, before):
        if _ORG_LEAD.fullmatch(text, clause_start(text, sent.start, org.start), org.start):
            return org.name
    return None


def _decimals(value: float) -> int:
    s = f"{value:.6f}".rstrip("0")
    return len(s.split(".")[1]) if "." in s else 0


def _check(rows: list[dict[str, Any]], row: dict[str, Any]) -> str | None:
    """ok / mismatch for a rate the two preceding counts of the sentence let us recompute."""
    if row["unit_normalized"] != "%" or not (row["subject"] or "").endswith("率"):
        return None
    counts = [r for r in rows if r["char_start"] == row["char_start"]
              and r["unit_normalized"] != "%"]
    if len(counts) < 2 or counts[-1]["unit_normalized"] != counts[-2]["unit_normalized"]:
        return None
    # a completion rate is at most 100%: the smaller count is the part, whatever the order
    part, whole = sorted((counts[-1]["value_normalized"], counts[-2]["value_normalized"]))
    if not whole:
        return None
    computed = part / whole * 100
    tolerance = 0.5 * 10 ** -_decimals(row["value"]) + 1e-9
    return "ok" if abs(computed - row["value"]) <= tolerance else "mismatch"


def _quota(ctx: DocContext, q: Any) -> bool:
    """A number a requirement sets (每村安排2名, 24小时内): small, or a per-unit quota.
    A large count inside a requirement (完成对全市1386所学校的排查) still states a fact."""
    return q.value < 100 or bool(P.quota_before.search(ctx.text, max(0, q.start - 6), q.start))


def _is_fact(ctx: DocContext, q: Any, sent: Sentence, speech: bool) -> bool:
    if P.class_bound.match(ctx.text, q.end) or (
            q.text.endswith(("以上", "以下")) and _CJK.match(ctx.text, q.end)):
        return False  # 亿元以上项目, 规模以上企业: a threshold naming a class, not a count
    if speech and q.numeral == "chinese":
        return False  # numerals in instructions are rhetoric: 三个环节, 两个全覆盖
    if any(p.start < q.end and q.start < p.end for p in ctx.mentions.places.within(
            max(0, q.start - 8), q.end + 8)):
        return False  # a numeral inside a place name: 三台县, 十堰市
    return not any(m.start() < q.end and q.start < m.end()
                   for m in P.book_title.finditer(ctx.text, sent.start, sent.end))




def _subject_of_previous_clause(ctx: DocContext, sent: Sentence, q: Any) -> str | None:
    """最大降雨出现在平秋镇，达一百六十五毫米: the clause before names what is measured."""
    end = clause_start(ctx.text, sent.start, q.start) - 1
    if end <= sent.start:
        return None
    begin = clause_start(ctx.text, sent.start, end)
    phrase = ctx.text[begin:end]
    cut = P.locative.search(phrase)
    phrase = (phrase[:cut.start()] if cut else "").strip()
    return phrase if len(phrase) >= 2 else None


def _subject_in_context(ctx: DocContext, sent: Sentence, q: Any, floor: int,
                        state: ParaFacts, after: Any = None) -> str | None:
    """A subject that the sentence's previous fact completes: the second number of a
    range (3至5家), a bare total (共计16笔), a change (…率达到93.6%，同比提高2.1个百分点)."""
    previous = state.rows[-1] if state.rows and state.rows[-1]["char_start"] == sent.start else None
    if previous is not None and q.range_group is not None and \
            previous.get("_range_group") == q.range_group:
        return previous["subject"]
    if previous is not None and P.list_join.fullmatch(ctx.text, previous["_end"], q.start):
        return previous["subject"]  # 同比分别下降13.6%和9.8%
    subject = _group_taking_part(ctx, sent, q) or subject_of(ctx, sent, q, floor, after)
    if subject and _markers().change.match(subject):
        noun = _noun_clause_before(ctx, sent, q)
        if noun:
            return noun + subject  # 较大事故起数、死亡人数，同比分别减少6起: the clause before
    if previous is None:
        return subject or _subject_of_previous_clause(ctx, sent, q)
    if subject is None:
        return previous["subject"]
    # …比上年同期提高2.1个百分点; 第一产业增加值2085.02亿元，增长3.7%: a change of the
    # figure before it
    if (_markers().change.match(subject) or P.bare_change.fullmatch(subject)) and \
            previous["subject"] and not _markers().change.search(previous["subject"]) and \
            not P.change_closing.search(previous["subject"]):
        return previous["subject"] + subject
    return subject


def _group_taking_part(ctx: DocContext, sent: Sentence, q: Any) -> str | None:
    """…相关成员单位共30多人参会, 森林扑火队共150余人参加演练: a count of people split from
    its group by the number, joined in text order with what they took part in (the contract)."""
    verb = P.took_part.match(ctx.text, q.end)
    if verb is None or q.kind != "count" or _first_of_group(ctx, q) is not q:
        return None  # 14车71人参加: counts written together share their group (subject_of)
    begin = clause_start(ctx.text, sent.start, q.start)
    for d in ctx.mentions.dates.within(begin, q.start):
        begin = max(begin, d.end)
    group = P.group_tail.sub("", ctx.text[begin:q.start]).strip(" ，,、")
    scope = _markers().scope.match(group)
    group = group[scope.end():] if scope else group
    return group + verb.group() if len(group) >= 2 else None


def _noun_clause_before(ctx: DocContext, sent: Sentence, q: Any) -> str | None:
    """The clause right before a change clause, when it is a bare noun phrase (no number,
    no verb of its own): what the change is of."""
    end = clause_start(ctx.text, sent.start, q.start) - 1
    if end <= sent.start or ctx.text[end] not in "，,":
        return None
    begin = clause_start(ctx.text, sent.start, end)
    phrase = ctx.text[begin:end].strip()
    if ctx.mentions.quantities.within(begin, end) or ctx.mentions.dates.within(begin, end) \
            or not 2 <= len(phrase) <= 24 or _verb_stop().search(phrase):
        return None
    return phrase


def _pairwise(rows: list[dict[str, Any]]) -> None:
    """A、B同比分别下降x%、y%: each value is the change of its own item (A同比下降 x%)."""
    groups: list[list[dict[str, Any]]] = []
    for row in rows:
        if groups and row["_listed"] and groups[-1][-1]["char_start"] == row["char_start"]:
            groups[-1].append(row)
        else:
            groups.append([row])
    for group in groups:
        subject = group[0]["subject"] or ""
        m = P.respectively.fullmatch(subject)
        if not m or len(group) < 2:
            continue
        items = P.item_join.split(m.group("items"))
        if len(items) != len(group):
            continue
        for row, item in zip(group, items):
            row["subject"] = item + (m.group("change") or "") + m.group("rest")


def _opening(ctx: DocContext, sent: Sentence, dated: list[Any]) -> int:
    """Where the report of a sentence begins: after its dateline and byline
    (金华日报1月31日讯（记者 甲 通讯员 乙）1月20日至23日，…) and a source it names
    (记者从市应急管理局了解到，…), else at its start."""
    line = next((d for d in dated if is_dateline(ctx.text, d)), None)
    pos = sent.start
    if line is not None:
        m = P.byline_after.match(ctx.text, line.end, sent.end)
        pos = m.end() if m else line.end
    # 本报讯（记者 甲）记者从市应急管理局了解到，2月11日…: the source named before the report
    m = P.report_source.match(ctx.text, pos, sent.end)
    return m.end() if m else pos


def _sentence_facts(ctx: DocContext, sent: Sentence, state: ParaFacts) -> None:
    if opens_report(ctx, sent):
        state.speech = False
    speech_at = speech_start(ctx.text, sent.start, sent.end)
    quantities = ctx.mentions.quantities.within(sent.start, sent.end)
    first_q = quantities[0].start if quantities else sent.end
    dated = ctx.mentions.dates.within(sent.start, first_q)
    if dated and dated[0].kind == "vague" and dated[0].start < sent.start + OPEN_WINDOW:
        state.period = None  # 近日，…: this report's time is not stated; nothing carries in
    # 与2025年1-8月投资增速相比，…: a comparison base is not the period the sentence covers
    lead = [d for d in dated if d.kind != "vague" and not is_dateline(ctx.text, d)
            and not P.compared.search(ctx.text, max(0, d.start - 3), d.start)
            and not _source_day(ctx.text, d)]
    told = [d for d in ctx.mentions.dates.within(sent.start, sent.end)
            if d.kind != "vague" and not is_dateline(ctx.text, d)]
    state.act = next((p for p in map(_days_of_an_act, reversed(told)) if p), state.act)
    if lead and lead[0].start >= _opening(ctx, sent, dated) + OPEN_WINDOW:
        # 市安监局…，自8月初以来深入开展…: a period said as "since" governs wherever it stands
        lead = [d for d in lead if said_since(ctx.text, d.end) and not _record_base(ctx.text, d)]
    if lead:
        period = _snapshot(ctx, sent, first_q) or _period_of(ctx, lead[0], state.period)
        if _background(state.period, period):
            state.restore = state.period  # 1月24日慰问…。2012年，陈某患病…: this sentence only
        state.period = period
    if not quantities:  # most sentences state no number: only the period and speech carry on
        state.speech = state.speech or speech_at < sent.end
        return
    directive_at = speech_start(ctx.text, sent.start, sent.end, "directive")
    mk = _markers()
    floor = sent.start
    range_starts: dict[int, Any] = {}
    range_ends: dict[int, Any] = {}
    for q in quantities:
        if q.range_group is not None:
            range_starts.setdefault(q.range_group, q)
            range_ends[q.range_group] = q
    sent_scope = _scope(ctx, sent)  # one scope per sentence
    sent_county = _county(ctx, sent)
    for q in quantities:
        in_speech = state.speech or q.start >= speech_at
        if (q.start >= directive_at and _quota(ctx, q)) or not _is_fact(ctx, q, sent, in_speech):
            continue  # a number inside a requirement (要求…安排2名) is not a stated fact
        clause_at = clause_start(ctx.text, sent.start, q.start)
        clause = ctx.text[clause_at:q.start]
        # 预计/力争 opening an earlier clause governs the later ones (预计今年…，同比增长…);
        # other markers only their own clause (还款计划 is a noun, not a plan figure)
        estimate = bool(mk.estimate.search(clause) or P.plan_lead.search(ctx.text, sent.start, q.start))
        # both numbers of a range (4至6个县) count what the range's end is followed by
        subject = _subject_in_context(ctx, sent, range_starts.get(q.range_group, q), floor, state,
                                      after=range_ends.get(q.range_group, q))
        place = _bracketing_place(ctx, q)
        if place is not None:  # 分别为白银市(42.2%)、天水市(29.3%): the count heading the list
            subject = next((r["subject"] for r in reversed(state.rows) if r["char_start"] == sent.start
                            and not r["_in_place"]), subject)
        own = _own_date(ctx, sent, q.start)
        no_period = estimate or bool(P.until_now.search(ctx.text, sent.start, q.start)
                                     or P.now_lead.match(ctx.text, sent.start)
                                     or P.now_lead.match(ctx.text, clause_at))
        period = Period(None, None) if no_period else (
            _snapshot(ctx, sent, q.start)
            or (_span_from(ctx, sent, own, _period_of(ctx, own, state.period))
                if own is not None else state.period)
            or _act_dated_after(ctx, sent, q)
            or ((state.act or state.story) if P.act_reference.search(ctx.text, sent.start, sent.end) else None)
            or _headline_period(ctx)
            or Period(None, None))
        if period.start and period.end and period.end < period.start:
            period = Period(None, None)  # two expressions that do not make one period
        qualifier = q.qualifier or ("预计" if "预计" in clause else None)
        row = {
            "doc_id": ctx.doc_id, "section": sent.section, "subsection": sent.subsection,
            "subject": subject, "value": q.value, "unit": q.unit,
            "value_normalized": q.value_normalized, "unit_normalized": q.unit_normalized,
            "qualifier": qualifier, "direction": q.direction, "estimate": estimate,
            "period_start": period.start, "period_end": period.end,
            "scope": (place.text if place is not None else None)
            or _clause_place(ctx, sent, q.start) or _clause_scope(ctx, sent, q.start)
            or sent_scope, "county": sent_county,
            "organization": _organization(ctx, sent, q.start),
            "evidence": ctx.text[sent.start:sent.end],
            "char_start": sent.start, "char_end": sent.end,
        }
        scope = row["scope"]
        if scope and subject and subject.startswith(scope) and len(subject) > len(scope):
            row["subject"] = subject[len(scope):]  # the counted phrase, without its scope
        row["check"] = _check(state.rows, row)
        row["_range_group"] = q.range_group
        row["_in_place"] = place is not None
        row["_end"] = q.end
        last = state.rows[-1] if state.rows else None
        row["_listed"] = bool(last and last["char_start"] == sent.start
                              and P.list_join.fullmatch(ctx.text, last["_end"], q.start))
        state.rows.append(row)
        # a list of counts (企业12家、门店30家) starts the next subject after this one;
        # otherwise the clause start does (…等9支队伍共计210余人: the 9支 phrase is the group)
        floor = q.end if ctx.text[q.end:q.end + 1] in ("、", "和", "及") else sent.start
    state.speech = state.speech or speech_at < sent.end


HEADLINE_GRAINS = ("month", "quarter", "half_year")  # a year names an annual event (2020年…演练)


def _headline_period(ctx: DocContext) -> Period | None:
    """2025年1-9月工业投资…情况: a period its headline states (months or more, not a day)
    is the period of the figures the body gives none for (title scope)."""
    key = "facts.headline_period"
    if key not in ctx.memo:
        ctx.memo[key] = next((_period_of(ctx, d) for s in headline_sentences(ctx)
                              for d in ctx.mentions.dates.within(s.start, s.end)
                              if d.grain in HEADLINE_GRAINS and d.kind != "vague"
                              and not is_dateline(ctx.text, d)), None)
    return ctx.memo[key]


def _source_day(text: str, d: Any) -> bool:
    """11月1日，记者从省统计局获悉，前三季度…: the day the figures were learned, not their period."""
    at = d.end + (text[d.end:d.end + 1] in ("，", ","))
    return text[at:at + 1] in ("记", "从", "据") and bool(P.report_source.match(text, at))


def _bracketing_place(ctx: DocContext, q: Any) -> Any:
    """白银市(42.2%), 张掖市（-5.1%）: a figure in brackets right after a division is that
    division's value of what the list counts."""
    text = ctx.text
    at = q.start - (text[q.start - 1:q.start] in "-－")
    if text[at - 1:at] not in ("(", "（") or text[q.end:q.end + 1] not in (")", "）"):
        return None
    return next((p for p in ctx.mentions.places.within(max(0, at - 12), at) if p.end == at - 1), None)


def _act_dated_after(ctx: DocContext, sent: Sentence, q: Any) -> Period | None:
    """10个街镇…，于1月11日-13日集中开展了专项行动: a count standing before the act it did,
    whose days the sentence gives after it (于…), with no other number between."""
    for d in ctx.mentions.dates.within(q.end, sent.end):
        if d.kind == "vague" or not P.dated_act.search(ctx.text, max(0, d.start - 2), d.start):
            continue
        if ctx.mentions.quantities.within(q.end, d.start):
            return None
        return _period_of(ctx, d)
    return None


def _background(current: Period | None, period: Period) -> bool:
    """A year before the act being told (its days known) is the story's background
    (2012年，陈某患病): it dates its own sentence, not the ones after it."""
    return current is not None and current.start is not None and current.end is not None \
        and not current.snapshot and (current.end - current.start).days < ACT_DAYS \
        and period.end is not None and period.start is not None and period.end < current.start \
        and (period.end - period.start).days >= 300


def _days_of_an_act(mention: Any) -> Period | None:
    """An act is told over days (6月27-28日, wherever the sentence says it); a statistic's
    period is a month or more, and 以来 opens a running span."""
    start, end = date.fromisoformat(mention.date_start), date.fromisoformat(mention.date_end)
    return Period(start, end) if (end - start).days < ACT_DAYS and mention.grain in ("day", "week") \
        and not mention.text.endswith("以来") else None


def _opens_list(ctx: DocContext, end: int) -> bool:
    """有关情况如下： (its own line or the paragraph's end) introduces the paragraphs after it."""
    line_end = ctx.text.find("\n", end + 1)
    after = ctx.text[end:line_end if line_end >= 0 else len(ctx.text)]
    return bool(P.opens_list.search(ctx.text[max(0, end - 2):end]) or P.opens_list.search(after))


def _refers_back(ctx: DocContext, sentences: list[Sentence]) -> bool:
    if not sentences:
        return False
    first = sentences[0]
    return bool(P.act_anaphor.match(ctx.text, first.start, first.end))


def extract_facts(ctx: DocContext) -> list[dict[str, Any]]:
    """Every fact row of one document, with fact_id in text order."""
    rows: list[dict[str, Any]] = []
    for sent in headline_sentences(ctx):
        # a headline's figures are facts of their own; only their own dates give a period
        state = ParaFacts()
        _sentence_facts(ctx, sent, state)
        rows += state.rows
    carried = story = act = None
    section_lead: dict[str | None, Period] = {}
    opened = False  # a colon before (有关情况如下：) opened a report of what was told
    for para, sentences, fresh in report_paragraphs(ctx):
        # in a bulletin's (sub)section the paragraphs continue one report (会后，… takes the
        # meeting's day); a news story's paragraphs each state their own period
        continues = not fresh and (para.section is not None or para.subsection is not None)
        # 此次行动共检查…, 检查期间…: a paragraph that opens by referring back to the act
        # told before counts what that act did, over its period
        continues = continues or (_refers_back(ctx, sentences)
                                  and not (carried is not None and carried.snapshot))
        # 一、…完成情况 / 2025年1-9月，全省… / （一）分行业…: a subsection details the period
        # its section's lead paragraph stated
        lead = section_lead.get(para.section) if fresh and para.subsection is not None else None
        state = ParaFacts(period=carried if continues else (story if opened else lead),
                          story=story, act=act)
        for sent in sentences:
            _sentence_facts(ctx, sent, state)
            if state.restore is not None:
                state.period, state.restore = state.restore, None
        rows += state.rows
        if para.section is not None and para.subsection is None and state.period is not None:
            section_lead.setdefault(para.section, state.period)
        carried = state.period
        story = state.period or story
        act = state.act
        opened = (opened and not fresh) or _opens_list(ctx, para.end)
    rows.sort(key=lambda r: r["char_start"])
    _pairwise(rows)
    for n, row in enumerate(rows, 1):
        row["fact_id"] = f"f{n:05d}"  # fixed width: string order is text order
        del row["_range_group"], row["_end"], row["_listed"], row["_in_place"]
    return rows
