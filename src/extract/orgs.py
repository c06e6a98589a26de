"""Organisations that act in bulletins (市应急管理局, 全市公安机关, 市城发集团).

An organisation is [jurisdiction prefix or place][name]suffix, the suffix from
``gazetteers/org_suffixes.tsv`` (局, 支队, 中心, 集团, 领导小组, 公安机关 …), the
prefix from ``org_prefixes.txt`` (全市, 市, 县 …) or a place name. Without a
prefix only a known body name (应急管理局) counts. A bare 市委 before a rank
(市委书记) is a title, not an organisation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, Callable

from extract.firstchars import compile_skipping, consumed_chars, second_char_guard
from extract.gazetteer import Division, get_gazetteer
from extract.officials import get_grammar
from extract.records import Record
from extract.resources import read_table, read_words

MAX_MIDDLE = 14


@dataclass(frozen=True, slots=True)
class Org(Record):
    """An organisation named in the text (name as written)."""

    name: str
    kind: str


class _OrgRules:
    def __init__(self) -> None:
        rows = read_table("org_suffixes.tsv")
        self.kind = {r[0]: r[1] for r in rows}
        self.needs_body = frozenset(r[0] for r in rows if len(r) > 2 and r[2] == "1")
        self.before_rank = frozenset(r[0] for r in rows if len(r) > 3 and r[3] == "1")
        alt = "|".join(map(re.escape, sorted(self.kind, key=len, reverse=True)))
        # tried only where the next character can be a suffix's second (or one stands alone)
        self.suffix_re = compile_skipping(f"{second_char_guard(self.kind)}(?:{alt})")
        self.prefixes = sorted(read_words("org_prefixes.txt"), key=len, reverse=True)
        self.prefix_re = compile_skipping("|".join(map(re.escape, self.prefixes)))
        self.bodies = frozenset(read_words("org_bodies.txt"))
        self.suffix_verbs = frozenset(read_words("org_suffix_verbs.txt"))
        self.suffix_verb_lengths = sorted({len(v) for v in self.suffix_verbs})
        self.body_lengths = sorted({len(b) for b in self.bodies}, reverse=True)
        self.stop = frozenset(read_words("org_stop_chars.txt"))
        # up to the last character that is not Han or is a stop character: a run of Han
        # characters without a stop starts right after it (the greedy .* backs off from
        # the end once, where a search for the run would try every start in the window)
        stops = "".join(re.escape(c) for c in sorted(self.stop) if len(c) == 1)
        self.run_breaker = re.compile(
            rf"(?s:.*)(?:[{stops}]|[^\u4e00-\u9fff])" if stops else r"(?s:.*)[^\u4e00-\u9fff]")
        self.suffix_words = tuple(read_words("org_suffix_words.txt"))
        self.prefix_words = frozenset(read_words("org_prefix_words.txt"))
        self.standalone = frozenset(read_words("org_standalone.txt"))


@lru_cache(maxsize=1)
def _rules() -> _OrgRules:
    return _OrgRules()


def _han_run_start(text: str, floor: int, end: int, rules: _OrgRules) -> int:
    """Where the run of Han characters with no stop character that ends at ``end`` begins,
    not before ``floor``."""
    m = rules.run_breaker.match(text, floor, end)
    return m.end() if m is not None else floor


def _start_of(text: str, left: int, sstart: int, rules: _OrgRules,
              place_starts: dict[int, int], covered: list[int]) -> int | None:
    """Where the organisation begins: the leftmost place or prefix in the window
    before the suffix (市市场监管局 starts at the first 市, not at 市场). ``covered`` is
    ``place_starts``' positions in order; the prefixes are searched for, not tried at
    every position."""
    p = left
    while p < sstart:
        m = rules.prefix_re.search(text, p, sstart)
        prefix_at = m.start() if m else sstart
        i = bisect_left(covered, p)
        if i < len(covered) and covered[i] <= prefix_at and covered[i] < sstart:
            return place_starts[covered[i]]  # a place comes first, or at the prefix itself
        if m is None:
            return None
        if text[prefix_at - 1:prefix_at + 1] not in rules.prefix_words:  # 城|市: no jurisdiction
            return prefix_at
        p = prefix_at + 1
    return None


def _collective_left(text: str, left: int, floor: int, rules: _OrgRules,
                     place_starts: dict[int, int]) -> int:
    """全市各级消防部门, 新疆各地消防部门: 各级/各地 inside a body's name joins the
    jurisdiction written right before it, a place or a prefix (各 otherwise stops the
    name: 各乡镇, 各部门 are no one body; 省应急厅组织各地…部门 joins nothing)."""
    if left - 1 > floor and text[left - 1] == "各" and text[left:left + 1] in COLLECTIVE_AFTER:
        if left - 2 in place_starts:
            return place_starts[left - 2]
        run = _han_run_start(text, floor, left - 1, rules)
        prefix = next((p for p in rules.prefixes if text.endswith(p, run, left - 1)), None)
        if prefix is not None:
            return left - 1 - len(prefix)
    return left


COLLECTIVE_AFTER = ("级", "地")  # 各级, 各地


def _body_before(text: str, pos: int, rules: Any, floor: int = 0) -> int:
    """Length of the longest known body name (统战, 安委) ending at ``pos``, 0 if none."""
    for n in rules.body_lengths:
        if pos - n >= floor and text[pos - n:pos] in rules.bodies:
            return n
    return 0


_last_spans: tuple[str, tuple[Any, ...], list[tuple[int, int, str]]] | None = None


def org_spans(text: str, places: list) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every organisation-shaped span, titles included;
    ``places`` are the text's places (townships only when written in full).
    The last answer is kept: the officials and the organisations of one text both ask
    for it, with the same places (one tuple, replaced whole, so threads cannot see half)."""
    global _last_spans
    last = _last_spans
    key = tuple(places)
    if last is not None and last[0] is text and last[1] == key:
        return list(last[2])
    spans = _org_spans(text, places)
    _last_spans = (text, key, spans)
    return list(spans)


def _org_spans(text: str, places: list) -> list[tuple[int, int, str]]:
    rules = _rules()
    # a township written in full (青岩镇人民政府) opens a body too; its short form does not
    place_starts = {i: p.start for p in places if p.level != "township" or p.form != "short"
                    for i in range(p.start, p.end)}
    covered = sorted(place_starts)
    out: list[tuple[int, int, str]] = []
    last_end = 0
    pos = 0
    while (m := rules.suffix_re.search(text, pos)) is not None:
        sstart, end, kind = m.start(), m.end(), rules.kind[m.group(0)]
        if len(m.group(0)) == 1 and text.startswith(rules.suffix_words, sstart):
            pos = end
            continue  # 省政府部署, 依法办理: a word that opens with the suffix character
        # 市政府办公室, 县委办公室: a suffix right after a suffix extends the name
        while (m2 := rules.suffix_re.match(text, end)) is not None and \
                not get_grammar().rank_re.match(text, end) and \
                not (len(m2.group(0)) == 1 and text.startswith(rules.suffix_words, end)):
            end, kind = m2.end(), rules.kind[m2.group(0)]  # 应急局|局长: a rank, not 局局
        pos = end
        if any(text[end - n:end] in rules.suffix_verbs for n in rules.suffix_verb_lengths):
            continue  # 由…主办: a verb, not 办 of a body
        if m.group(0) in rules.before_rank and not get_grammar().rank_re.match(text, end):
            continue  # 县中医院: a body only inside a title (县中医院院长)
        if m.group(0) in rules.needs_body and not _body_before(text, sstart, rules):
            continue  # 干部, 部门: not 统战部
        if _heads_meeting(text, sstart):
            continue  # 全国宣传部长会议, 全省应急管理局长会议: a meeting of office holders
        # back over Han characters, no stop character among them, to the last organisation
        floor = max(last_end, sstart - MAX_MIDDLE)
        left = _collective_left(text, _han_run_start(text, floor, sstart, rules), floor, rules,
                                place_starts)
        # a title inside the window ends it: 区长张涛代表区政府 -> 区政府
        left = max([left] + [r.end() for r in get_grammar().rank_re.finditer(text, left, sstart)])
        start = _start_of(text, left, sstart, rules, place_starts, covered)
        if start is None and out and left == last_end == out[-1][1] and sstart > left \
                and not _rank_within(text, left, end):
            # 市公安局|交通巡逻警察支队: a unit written right after its bureau, with no
            # jurisdiction of its own, is part of that one body
            out[-1] = (out[-1][0], end, kind)
            last_end = end
            continue
        if start is None and m.group(0) in rules.standalone:
            start = sstart  # 国务院召开…: a whole name with no jurisdiction before it
        if start is None:
            start = sstart - _body_before(text, sstart, rules, left)
            if start == sstart:
                continue
        if end - start <= 2:
            continue  # 市委, 县局: too bare to name a body
        out.append((start, end, kind))
        last_end = end
    return out


@lru_cache(maxsize=1)
def _heads_meeting_re() -> re.Pattern[str]:
    return compile_skipping(f"(?:{get_grammar().rank_alt})(?:会议|座谈会|工作会)")


def _heads_meeting(text: str, sstart: int) -> bool:
    """The suffix begins a rank that a meeting word follows (宣传部|长会议); the title
    grammar's rank pattern stops before 会, so the meeting is looked for here."""
    return _heads_meeting_re().match(text, sstart) is not None


def _rank_within(text: str, start: int, end: int) -> bool:
    """A rank begins inside text[start:end] (管理局|副局长: the 局 of a rank is no unit)."""
    return any(m.start() < end for m in get_grammar().rank_re.finditer(text, start, min(len(text), end + 4)))


def _title_follows(text: str, end: int, g) -> bool:
    """A rank right after the body makes it part of a title; a weak rank (成员,
    负责人) only when a name follows it (市消安委成员单位 stays an organisation)."""
    m = g.rank_re.match(text, end)
    if m is None:
        return False
    return g.rank_person[m.group("rank")] >= 0 or g.read_name(text, m.end()) is not None


def parse_orgs(text: str, *, region: str | Division | None = None,
               places: list | None = None) -> list[Org]:
    """Organisations in ``text`` in text order; ``places`` (parse_places of the same
    text and region) saves reading the places again."""
    g = get_grammar()
    gaz = get_gazetteer()
    if places is None:
        reg = region if isinstance(region, Division) else gaz.resolve_region(region)
        places = gaz.parse_places(text, region=reg)
    # suffix characters inside a rank word (市委常委: 委 of 常委) are not an organ
    in_rank = _rank_cover(text, g)
    out: list[Org] = []
    for start, end, kind in org_spans(text, places):
        if _title_follows(text, end, g) or in_rank(end - 1):
            continue  # 市委书记, 县委常委: a title, not an acting body
        out.append(Org(start, end, text[start:end], text[start:end], kind))
    return _with_units_joined(text, out, places)


def _with_units_joined(text: str, orgs: list[Org], places: list) -> list[Org]:
    """福建省森林消防总队|龙岩支队, 市公安局|冷水滩分局: a unit named by its place right
    after the body it belongs to is one organisation, written in full."""
    # a unit is named by a place's short name (龙岩支队, 冷水滩分局); 市应急管理局永州市公安局
    # is two bodies written with no comma between, 县交通运输局会同县… a verb and a body
    starts = {p.start for p in places if p.level != "province" and p.form == "short"}
    out: list[Org] = []
    for org in orgs:
        last = out[-1] if out else None
        if last is not None and last.end == org.start and org.start in starts:
            out[-1] = Org(last.start, org.end, text[last.start:org.end], text[last.start:org.end], org.kind)
        else:
            out.append(org)
    return out


@lru_cache(maxsize=1)
def _rank_run() -> re.Pattern[str] | None:
    """A run of the characters a rank match can consume, ending where the search stops;
    None when they are no known set."""
    chars = consumed_chars(get_grammar().rank_re.pattern)
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]*\\Z")


def _rank_cover(text: str, g: Any) -> Callable[[int], bool]:
    """Whether a position falls in the rank word of a rank match, as a scan of the whole
    text finds them. A match consumes only _rank_run's characters, so none spans another:
    from the start of the run holding the position, the scan finds what a scan begun
    there finds. That is read at the few positions asked about, not over the whole text."""
    run = _rank_run()
    if run is None:
        ranks = [(m.start("rank"), m.end()) for m in g.rank_re.finditer(text)]
        rank_starts = [a for a, _ in ranks]

        def scanned(pos: int) -> bool:
            i = bisect_right(rank_starts, pos) - 1
            return i >= 0 and ranks[i][0] <= pos < ranks[i][1]
        return scanned
    return partial(_in_rank, text, run, g.rank_re)


def _in_rank(text: str, run: re.Pattern[str], rank_re: re.Pattern[str], pos: int) -> bool:
    lo = max(0, pos - 32)
    while (at := run.search(text, lo, pos + 1).start()) == lo and lo > 0:
        lo = max(0, lo - 256)  # the run goes on before the window: look further back
    while at <= pos:  # the scan's matches from the run's start, as finditer takes them
        m = rank_re.match(text, at)
        if m is None:
            at += 1
        elif m.start("rank") <= pos < m.end():
            return True
        else:
            at = max(m.end(), at + 1)
    return False
